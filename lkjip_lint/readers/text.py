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

from lkjip_lint.document import Cell, Document, Heading, ListBlock, Location, Row, Table
from lkjip_lint.readers import MAX_BLOCKS, MAX_CELLS, MAX_COLUMNS, MAX_LINES, check_width, structure
from lkjip_lint.readers.encoding import decode_text
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.grid import completes_row, glue_row, header_count, is_column_numbers, norm_cells
from lkjip_lint.readers.lists import LIST_HEADINGS, entry, looks_like_entry
from lkjip_lint.readers.markup import clean_cell, plain
from lkjip_lint.suppression import strip_comments

_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


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


def split_cells(line: str) -> list[str]:
    stripped = line.strip()
    if "\t" not in line and stripped.startswith("|"):
        inner = stripped.strip("|")
        return [c.strip() for c in inner.split("|")]
    return [c.strip() for c in line.rstrip("\n").split("\t")]


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
            kind = LIST_HEADINGS.get(plain(stripped).lower())
            if kind:
                self.blocks.append(Heading(text=plain(stripped), line=i + 1, level=1))
                i = self._list(i + 1, kind)
                continue
            if _is_table_line(line) and not _is_leader_line(line):
                i = self._table(i)
                continue
            self.blocks.append(structure.text_block(stripped, i + 1))
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
                if nxt is None or (block.entries and not looks_like_entry(self.lines[nxt], kind)):
                    break
                i = nxt
                continue
            if "\t" not in self.lines[i] and LIST_HEADINGS.get(plain(stripped).lower()):
                break
            if not block.entries and not looks_like_entry(self.lines[i], kind):
                break
            block.entries.append(entry(self.lines[i], i + 1, kind))
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
                pieces[-1].append((i + 1, [clean_cell(c) for c in split_cells(line)]))
                i += 1
                continue
            if not line.strip():
                nxt = _next_nonblank(self.lines, i)
                # a table resumed after a page break: the same number of columns, nothing between
                if raw and nxt is not None and _is_table_line(self.lines[nxt]):
                    width = max(len(c) for _, c in raw)
                    if len(split_cells(self.lines[nxt])) == width:
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
        table.caption = structure.take_caption_above(self.blocks)
        self.blocks.append(table)
        return i



def _assemble(pieces: list[list[tuple[int, list[str]]]]) -> Table:
    width = max(len(cells) for piece in pieces for _, cells in piece)
    first = [(ln, cells + [""] * (width - len(cells))) for ln, cells in pieces[0]]
    count = header_count(first)
    header = [_row(ln, cells, header=True) for ln, cells in first[:count]]
    body_raw = first[count:]
    body: list[Row] = []
    _extend_body(body, body_raw)
    for piece in pieces[1:]:
        rows = [(ln, cells + [""] * (width - len(cells))) for ln, cells in piece]
        # drop a repeated header
        k = 0
        while k < len(rows) and k < len(header) and norm_cells(rows[k][1]) == norm_cells(header[k].texts()):
            k += 1
        rows = rows[k:]
        if k:  # a repeated header may bring its column-number row along
            rows = [r for r in rows if not is_column_numbers(r[1])]
        if rows and body and completes_row(body[-1], rows[0][1]):
            glue_row(body[-1], rows[0][1])
            rows = rows[1:]
        _extend_body(body, rows)
    return Table(header_rows=header, rows=body, n_cols=width)


def _extend_body(body: list[Row], rows: list[tuple[int, list[str]]]) -> None:
    for ln, cells in rows:
        if not body and is_column_numbers(cells):
            continue
        if not any(c for c in cells):
            continue
        body.append(_row(ln, cells))


def _row(line: int, cells: list[str], header: bool = False) -> Row:
    return Row(cells=[Cell(text=c, line=line) for c in cells], line=line, is_header=header)


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
