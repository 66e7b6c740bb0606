"""Read a text or Markdown report (as converted from Word/PDF) into a Document.

Tables are runs of tab-separated or pipe lines. The quirks handled here are the
ones conversions leave behind (PARSING.md, "Text input quirks"): merged header
cells flattened into empty cells, column-number rows, captions above the table
("Tabel 3.2" + title line, "**Tabel 3.", a caption with no number), a table
resumed after a page break (repeated header dropped, a row cut in two glued),
and the contents and list of tables, which use tab leaders but are not tables.
"""
from __future__ import annotations

import re
from pathlib import Path

from lkjip_lint.document import (
    Caption,
    Cell,
    Document,
    Heading,
    ListBlock,
    ListEntry,
    Location,
    Paragraph,
    Row,
    Table,
)
from lkjip_lint.readers import MAX_BLOCKS, MAX_CELLS, MAX_COLUMNS, MAX_LINES, check_width, structure
from lkjip_lint.readers.encoding import decode_text
from lkjip_lint.readers.errors import InputError
from lkjip_lint.suppression import strip_comments

_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LIST_HEADINGS = {
    "daftar isi": "contents",
    "daftar tabel": "table_list",
    "daftar gambar": "figure_list",
    "daftar grafik": "figure_list",
    "daftar lampiran": "figure_list",
}
_LEADER = re.compile(r"(\t|\s\.{3,}|\.{4,}|…{2,})")
# A text cell that is only a number, a column number "(3)" or a missing marker.
_NUMERIC_CELL = re.compile(r"^[\s(]*[-−]?(rp\.?\s*)?\d[\d.,]*\s*%?\s*[),\-]*$", re.I)


def read(path: Path) -> Document:
    text = decode_text(path.read_bytes())
    return parse(text, str(path))


def parse(text: str, path: str = "<text>") -> Document:
    """The Document of a text. Raises only InputError, and only past the limits in readers/__init__.py."""
    text = strip_comments(text.replace("\r\n", "\n").replace("\r", "\n"))  # <!-- lkjip-lint: ... -->
    count = text.count("\n") + 1
    if count > MAX_LINES:  # counted before the lines are made: a file of short lines is the costly kind
        raise InputError("too_many_lines", count=count, limit=MAX_LINES)
    lines = text.split("\n")
    blocks = _Builder(lines).run()
    structure.number_captions(blocks)
    structure.assign_sections(blocks)
    for i, block in enumerate(blocks):
        block.index = i
    return Document(path=path, format="text", blocks=blocks)


def _check_line_width(line: str, number: int) -> None:
    if "\t" in line:
        width = line.count("\t") + 1
    elif line.lstrip().startswith("|"):
        width = line.count("|") - 1
    else:
        return
    check_width(width, Location(line=number))


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    if "\t" in line and stripped:
        return True
    return stripped.startswith("|") and stripped.count("|") >= 2


def _split(line: str) -> list[str]:
    stripped = line.strip()
    if "\t" not in line and stripped.startswith("|"):
        inner = stripped.strip("|")
        return [c.strip() for c in inner.split("|")]
    return [c.strip() for c in line.rstrip("\n").split("\t")]


def clean_cell(text: str) -> str:
    """Drop markup conversions leave in cells: <i>, **bold**, LaTeX math delimiters."""
    text = re.sub(r"</?(i|b|em|strong|u|sup|sub)>", "", text, flags=re.I)
    text = text.replace("**", "").strip()
    if text.startswith("*") and text.endswith("*") and len(text) > 2:
        text = text[1:-1]
    return text.strip()


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list = []
        self.cells = 0  # table cells so far, padding included (MAX_CELLS)

    def run(self) -> list:
        i, n = 0, len(self.lines)
        while i < n:
            line = self.lines[i]
            stripped = line.strip()
            if not stripped:
                i += 1
                continue
            if len(self.blocks) > MAX_BLOCKS:
                raise InputError("too_many_blocks", limit=MAX_BLOCKS)
            if len(line) > MAX_COLUMNS:  # before any split: a line of a million tabs is not a table to build
                _check_line_width(line, i + 1)
            kind = _LIST_HEADINGS.get(_plain(stripped).lower())
            if kind:
                self.blocks.append(Heading(text=_plain(stripped), line=i + 1, level=1))
                i = self._list(i + 1, kind)
                continue
            if _is_table_line(line) and not _is_leader_line(line):
                i = self._table(i)
                continue
            self.blocks.append(_text_block(stripped, i + 1))
            i += 1
        return self.blocks

    # -- the contents / list of tables -------------------------------------------
    def _list(self, start: int, kind: str) -> int:
        block = ListBlock(kind=kind, line=start + 1)
        i, n = start, len(self.lines)
        while i < n:
            stripped = self.lines[i].strip()
            if not stripped:
                nxt = _next_nonblank(self.lines, i)
                if nxt is None or (block.entries and not _looks_like_entry(self.lines[nxt], kind)):
                    break
                i = nxt
                continue
            if "\t" not in self.lines[i] and _LIST_HEADINGS.get(_plain(stripped).lower()):
                break
            if not block.entries and not _looks_like_entry(self.lines[i], kind):
                break
            block.entries.append(_entry(self.lines[i], i + 1, kind))
            i += 1
        if block.entries:
            block.line = block.entries[0].line
            self.blocks.append(block)
        return i

    # -- tables ------------------------------------------------------------------
    def _table(self, start: int) -> int:
        raw: list[tuple[int, list[str]]] = []
        i, n = start, len(self.lines)
        pieces: list[list[tuple[int, list[str]]]] = [raw]
        while i < n:
            line = self.lines[i]
            if _is_table_line(line):
                if len(line) > MAX_COLUMNS:
                    _check_line_width(line, i + 1)
                if _PIPE_SEPARATOR.match(line):
                    i += 1
                    continue
                pieces[-1].append((i + 1, [clean_cell(c) for c in _split(line)]))
                i += 1
                continue
            if not line.strip():
                nxt = _next_nonblank(self.lines, i)
                # a table resumed after a page break: the same number of columns, nothing between
                if raw and nxt is not None and _is_table_line(self.lines[nxt]):
                    width = max(len(c) for _, c in raw)
                    if len(_split(self.lines[nxt])) == width:
                        pieces.append([])
                        i = nxt
                        continue
                break
            break
        if not raw:  # only Markdown separator lines ("|---|---|"): no cells, nothing to read
            return i
        width = max(len(cells) for piece in pieces for _, cells in piece)
        self.cells += width * sum(len(piece) for piece in pieces)  # short rows are padded to the width
        if self.cells > MAX_CELLS:
            raise InputError("too_many_cells", limit=MAX_CELLS)
        table = _assemble(pieces)
        table.line = table.header_rows[0].line if table.header_rows else (table.rows[0].line if table.rows else start + 1)
        table.caption = self._take_caption()
        self.blocks.append(table)
        return i

    def _take_caption(self) -> Caption | None:
        """Take the "Tabel N.M" caption (and its title line) from the blocks just above."""
        look = []
        for block in reversed(self.blocks[-3:]):
            if not isinstance(block, (Paragraph, Heading)):
                break
            look.insert(0, block)
        for k, block in enumerate(look):
            m = structure.CAPTION.match(_plain(block.text))
            if not m:
                continue
            title = (m.group("title") or "").strip(" :.-–")
            rest = look[k + 1:]
            if len(rest) > 1:
                continue  # the caption is too far above: it belongs to something else
            if rest and not title:
                title = _plain(rest[0].text)
            elif rest:
                continue
            # the caption blocks are the last ones emitted: drop them by identity
            del self.blocks[len(self.blocks) - len(look) + k:]
            raw_number = m.group("num")
            return Caption(raw_number=raw_number, title=title, line=block.line)
        return None


def _assemble(pieces: list[list[tuple[int, list[str]]]]) -> Table:
    width = max(len(cells) for piece in pieces for _, cells in piece)
    first = [(ln, cells + [""] * (width - len(cells))) for ln, cells in pieces[0]]
    header_count = _header_count(first)
    header = [_row(ln, cells, header=True) for ln, cells in first[:header_count]]
    body_raw = first[header_count:]
    body: list[Row] = []
    _extend_body(body, body_raw)
    for piece in pieces[1:]:
        rows = [(ln, cells + [""] * (width - len(cells))) for ln, cells in piece]
        # drop a repeated header
        k = 0
        while k < len(rows) and k < len(header) and _norm_cells(rows[k][1]) == _norm_cells(header[k].texts()):
            k += 1
        rows = rows[k:]
        if k:  # a repeated header may bring its column-number row along
            rows = [r for r in rows if not _is_column_numbers(r[1])]
        if rows and body and _completes(body[-1], rows[0][1]):
            _glue(body[-1], rows[0][1])
            rows = rows[1:]
        _extend_body(body, rows)
    return Table(header_rows=header, rows=body, n_cols=width)


def _extend_body(body: list[Row], rows: list[tuple[int, list[str]]]) -> None:
    for ln, cells in rows:
        if not body and _is_column_numbers(cells):
            continue
        if not any(c for c in cells):
            continue
        body.append(_row(ln, cells))


def _row(line: int, cells: list[str], header: bool = False) -> Row:
    return Row(cells=[Cell(text=c, line=line) for c in cells], line=line, is_header=header)


def _header_count(rows: list[tuple[int, list[str]]]) -> int:
    """Row 0 is the header; the next rows continue it while they fill merged gaps."""
    if not rows:
        return 0
    count = 1
    while count < min(len(rows), 3):
        prev, cur = rows[count - 1][1], rows[count][1]
        if _is_column_numbers(cur) or any(_NUMERIC_CELL.match(c) for c in cur if c):
            break
        fills_gap = any(cur[j] and not prev[j] for j in range(len(cur)))
        starts_empty = not cur[0]
        if not (fills_gap and starts_empty):
            break
        count += 1
    return count


def _is_column_numbers(cells: list[str]) -> bool:
    """"1 2 3 4" or "(1) (2) (3)" under a header: column numbers, not data."""
    values = [c for c in cells if c]
    if len(values) < 3:
        return False
    nums = []
    for v in values:
        m = re.fullmatch(r"\(?(\d{1,2})\)?\.?", v)
        if not m:
            return False
        nums.append(int(m.group(1)))
    return nums == list(range(nums[0], nums[0] + len(nums))) and nums[0] in (0, 1)


def _completes(last: Row, cells: list[str]) -> bool:
    """A row cut by a page break: the new piece has text only where the last row had no number."""
    prev = last.texts()
    label = next((c for c in cells if c), "")
    if not label or label[0].isdigit():
        return False
    has_number = [bool(_NUMERIC_CELL.match(c)) for c in prev]
    if not any(has_number):
        return False
    for j, c in enumerate(cells):
        if c and j < len(prev) and has_number[j]:
            return False
    prev_label = next((c for c in prev if c and not _NUMERIC_CELL.match(c)), "")
    dangling = re.search(r"(\b(dan|atau|di|ke|yang|serta|untuk|pada|dalam|dengan|of|and)|[,\-/&])$", prev_label, re.I)
    return bool(dangling) or label[:1].islower()


def _glue(last: Row, cells: list[str]) -> None:
    for j, c in enumerate(cells):
        if c and j < len(last.cells):
            joined = (last.cells[j].text + " " + c).strip()
            last.cells[j] = Cell(text=joined, line=last.cells[j].line)


def _norm_cells(cells: list[str]) -> list[str]:
    return [re.sub(r"\s+", " ", c).strip().lower() for c in cells]


def _plain(text: str) -> str:
    return clean_cell(text.replace("**", "")).strip()


def _next_nonblank(lines: list[str], i: int) -> int | None:
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
        if j - i > 3:
            return None
    return j if j < len(lines) else None


def _is_leader_line(line: str) -> bool:
    """A contents-style line: text then a tab leader and nothing (or a page number)."""
    if "\t" not in line:
        return False
    cells = [c.strip() for c in line.split("\t")]
    filled = [c for c in cells if c]
    if len(filled) == 1 and cells[0]:
        return True
    return bool(re.fullmatch(r"\s*Tabel\s+\S+\s*\t\s*:\s*\t.*", line))


def _looks_like_entry(line: str, kind: str) -> bool:
    if _LEADER.search(line):
        return True
    if kind == "table_list":
        return bool(structure.CAPTION.match(line.strip()))
    if kind == "figure_list":
        return bool(re.match(r"^[-•*\s]*(Gambar|Grafik|Lampiran)\s+\d", line.strip(), re.I))
    return False


def _entry(line: str, number: int, kind: str) -> ListEntry:
    text = re.sub(r"^[-•*❖\s]+", "", line.strip())
    if kind in ("table_list", "figure_list"):
        m = re.match(r"^(Tabel|Gambar|Grafik|Lampiran)\s+([0-9IVX]+(?:\.\d+)*\.?)\s*[:\t.\-–]*\s*(.*)$", text.replace("\t", " \t "), re.I)
        if m:
            title = _LEADER.split(m.group(3).strip())[0].strip(" \t:.")
            title = re.sub(r"\s+", " ", title)
            return ListEntry(text=title, number=m.group(2).rstrip("."), line=number)
    text = re.split(r"\t|\s\.{3,}|\.{4,}|…{2,}", text)[0].strip()
    return ListEntry(text=re.sub(r"\s+", " ", text), line=number)


def _text_block(text: str, line: int):
    plain = _plain(text)
    md = re.match(r"^(#{1,6})\s+(.*)$", plain)
    if md:
        return Heading(text=md.group(2).strip(), line=line, level=len(md.group(1)))
    level = structure.heading_level(plain)
    if level:
        return Heading(text=plain, line=line, level=level)
    return Paragraph(text=plain, line=line)
