"""Where in the Document a finding is: its block, row and cell, the headings above it.

Checks describe a place in words a reviewer reads (table label, row label, column
header, the number of a block). This module turns that back into positions in the
one Document the checks ran on (an Anchor), so that findings can be listed in
document order and the annotators can find the paragraph or cell to comment on.
It also fills what a reviewer needs to find the place in Word: the paragraph
number as a reader counts it, the heading path and the page where one is known.
"""
from __future__ import annotations

import bisect
import re

from lkjip_lint.document import Anchor, Document, Heading, ListBlock, Location, Paragraph, Table
from lkjip_lint.finding import Finding

SEP = " › "
_ROW_INDEX = re.compile(r"\s*\(baris tabel (\d+)\)$")
_QUOTED = re.compile(r"""["“']([^"”']{6,})["”']""")
_TEXT = (Paragraph, Heading)


def locate(findings: list[Finding], document: Document) -> list[Finding]:
    """Anchor every finding, fill paragraph, heading path and page, and return them in document order."""
    where = _Where(document)
    for f in findings:
        loc = f.location
        anchor = where.anchor(f)
        loc.anchor = anchor
        if anchor.block < 0:
            loc.document = not (loc.line or loc.page or loc.path or loc.table)
            continue
        block = document.blocks[anchor.block]
        loc.heading = where.heading_path(anchor.block) or None
        if document.format == "docx":
            loc.paragraph = where.reader_paragraph(block, anchor)
        if loc.page is None:
            loc.page = where.page(block, anchor)
    # stable: findings at one place keep the order the rules gave them
    return sorted(findings, key=lambda f: (f.location.anchor.order(), f.location.line or 0, f.rule))


class _Where:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.blocks = document.blocks
        self.tables: dict[str, list[int]] = {}
        for k, b in enumerate(self.blocks):
            if isinstance(b, Table):
                self.tables.setdefault(b.label(), []).append(k)
        # where each block starts: a table at its caption, which the reader took into it
        self.lines = sorted((_first_line(b), k) for k, b in enumerate(self.blocks) if _first_line(b) is not None)
        self._paths: list[str] | None = None
        self._entries: list | None = None
        self._texts: list | None = None

    # -- the anchor -------------------------------------------------------------------
    def anchor(self, f: Finding) -> Anchor:
        loc = f.location
        if loc.table:
            found = self._in_table(loc, f)
            if found and loc.row and found.row is None:
                # a row that is no row of the table: the list of tables' entry about it
                found = self._list_entry(loc.row) or found
            if found and loc.line is not None and not self._holds_line(found, loc.line):
                found = None  # the line is more precise than the table label (an entry that names it)
            if found:
                return found
        if loc.paragraph is not None and 0 < loc.paragraph <= len(self.blocks) and loc.line is None:
            return Anchor(block=loc.paragraph - 1)
        if loc.row and not loc.table:
            found = self._list_entry(loc.row)
            if found:
                return found
        if loc.line is not None:
            return self._at_line(loc.line)
        found = self._by_text(f)
        if found:
            return found
        if loc.page is not None:
            return self._at_page(loc.page)
        return Anchor()

    def _in_table(self, loc: Location, f: Finding) -> Anchor | None:
        candidates = self.tables.get(loc.table, [])
        if not candidates:  # "Tabel 3." names every unnumbered table: the message's title picks one
            prefix = [k for label, ks in self.tables.items() if label.startswith(loc.table + " ") for k in ks]
            candidates = [k for k in prefix if self._title_in(k, f.message)] or prefix[:1]
        elif len(candidates) > 1:
            candidates = [k for k in candidates if self._title_in(k, f.message)] or candidates
        if not candidates:
            number = loc.table.removeprefix("Tabel ").strip()
            return self._list_entry(loc.row, number) if loc.row or number else None
        block = candidates[0]
        table: Table = self.blocks[block]
        rows = table.header_rows + table.rows
        row = None
        if loc.row:
            m = _ROW_INDEX.search(loc.row)
            if m and 0 < int(m.group(1)) <= len(table.rows):
                row = len(table.header_rows) + int(m.group(1)) - 1
            elif loc.line is not None:
                row = next((k for k, r in enumerate(rows) if r.line == loc.line), None)
            else:
                label = _norm(loc.row)
                row = next((k for k, r in enumerate(rows) if any(_norm(c.text) == label for c in r.cells)), None)
        if row is None and loc.line is not None and loc.line != table.line:
            row = next((k for k, r in enumerate(rows) if r.line == loc.line), None)
        cell = None
        if row is not None and loc.column:
            cell = self._column(table, loc.column)
        return Anchor(block=block, row=row, cell=cell)

    def _holds_line(self, anchor: Anchor, line: int) -> bool:
        block = self.blocks[anchor.block]
        if not isinstance(block, Table):
            return block.line == line
        lines = [r.line for r in block.header_rows + block.rows if r.line is not None]
        start = _first_line(block)
        first = min([start] + lines) if start is not None else min(lines, default=None)
        return first is None or first <= line <= max(lines, default=first)

    def _title_in(self, block: int, message: str) -> bool:
        cap = self.blocks[block].caption
        return bool(cap and cap.title and cap.title[:40] in message)

    @staticmethod
    def _column(table: Table, header: str) -> int | None:
        from lkjip_lint.interpret.columns import SEP as COLUMN_SEP, header_paths

        paths = header_paths(table.header_rows, table.n_cols)
        names = [COLUMN_SEP.join(p for p in path if p) or f"kolom {k + 1}" for k, path in enumerate(paths)]
        return names.index(header) if header in names else None

    def _list_entry(self, text: str | None, number: str | None = None) -> Anchor | None:
        """The entry of the contents or the list of tables a finding quotes (exact words first)."""
        if self._entries is None:  # normalised once: many findings ask
            self._entries = [(k, e, entry, _norm(entry.text)) for k, b in enumerate(self.blocks)
                             if isinstance(b, ListBlock) for e, entry in enumerate(b.entries)]
        want = _norm(text or "")
        tests = [lambda en, norm: want and norm == want,
                 lambda en, norm: want and len(norm) > 8 and (norm in want or want in norm),
                 lambda en, norm: number and en.number == number]
        for test in tests:
            for k, e, entry, norm in self._entries:
                if test(entry, norm):
                    return Anchor(block=k, entry=e)
        return None

    def _at_line(self, line: int) -> Anchor:
        k = bisect.bisect_right(self.lines, (line, len(self.blocks))) - 1
        if k < 0:
            return Anchor()
        block = self.lines[k][1]
        b = self.blocks[block]
        if isinstance(b, Table):
            rows = b.header_rows + b.rows
            row = next((r for r, row in enumerate(rows) if row.line == line), None)
            return Anchor(block=block, row=row)
        if isinstance(b, ListBlock):
            entry = next((e for e, en in enumerate(b.entries) if en.line == line), None)
            return Anchor(block=block, entry=entry)
        return Anchor(block=block)

    def _at_page(self, page: int) -> Anchor:
        block = next((k for k, b in enumerate(self.blocks) if b.page is not None and b.page >= page), None)
        return Anchor(block=block) if block is not None else Anchor()

    def _by_text(self, f: Finding) -> Anchor | None:
        """A finding with no place of its own (a count the text states): the first paragraph saying it."""
        phrases = [m.group(1)[:60] for m in _QUOTED.finditer(f.message)]
        if f.actual is not None:
            from lkjip_lint.engine.messages import show

            shown = show(f.actual, "id")
            m = re.search(re.escape(shown) + r"\s+([A-Za-z][\w-]*)", f.message)
            phrases.append(f"{shown} {m.group(1)}" if m else "")
        phrases = [_norm(p) for p in phrases if p and len(p) >= 4]
        if not phrases:
            return None
        if self._texts is None:
            self._texts = [(k, _norm(b.text)) for k, b in enumerate(self.blocks) if isinstance(b, _TEXT)]
        for k, text in self._texts:
            if any(p in text for p in phrases):
                return Anchor(block=k)
        return None

    # -- what a reviewer reads ----------------------------------------------------------
    def heading_path(self, block: int) -> str:
        if self._paths is None:
            self._paths = _heading_paths(self.blocks)
        return self._paths[block]

    def reader_paragraph(self, block, anchor: Anchor) -> int | None:
        if isinstance(block, ListBlock) and anchor.entry is not None:
            return block.entries[anchor.entry].paragraph or None
        return block.paragraph or None

    @staticmethod
    def page(block, anchor: Anchor) -> int | None:
        if isinstance(block, Table) and anchor.row is not None:
            rows = block.header_rows + block.rows
            if anchor.row < len(rows) and rows[anchor.row].page is not None:
                return rows[anchor.row].page
        if isinstance(block, ListBlock) and anchor.entry is not None:
            return block.entries[anchor.entry].page or block.page
        return block.page


def _first_line(block) -> int | None:
    lines = [block.line]
    if isinstance(block, Table) and block.caption is not None:
        lines.append(block.caption.line)
    lines = [ln for ln in lines if ln is not None]
    return min(lines) if lines else None


_CHAPTER = re.compile(r"^BAB\s+([IVXL]+|\d+)\b", re.I)
_LABEL = re.compile(r"^\w+\s+(\d+|[IVXL]+)\.?$")  # "SASARAN 1", "TUJUAN 2": a heading of its own
_BARE_CHAPTER = re.compile(r"^BAB\s+([IVXL]+|\d+)\.?$", re.I)


def _heading_paths(blocks: list) -> list[str]:
    """For every block, the headings above it, outermost first ("BAB III AKUNTABILITAS KINERJA › A. …").

    A BAB heading opens a chapter: the headings under it, even those styled or guessed as
    level 1, hang below it. A heading set on two lines ("BAB I" / "PENDAHULUAN", "TUJUAN 1" /
    "MENINGKATNYA …") is read as one.
    """
    stack: list[tuple[int, str]] = []
    out = []
    previous = None  # the block before, when a heading: (effective level, text, continued from the one above)
    for b in blocks:
        if not isinstance(b, Heading):
            out.append(SEP.join(t for _, t in stack))
            previous = None
            continue
        text = " ".join(b.text.split())
        level = max(1, b.level)
        if _CHAPTER.match(text):
            level = 0
        elif stack and stack[0][0] == 0 and level == 1:
            level = 2  # inside a chapter
        if previous and stack and (_BARE_CHAPTER.match(previous[1]) or (previous[0] == level and (
                len(previous[1]) <= 12 or (previous[2] and text.isupper() and not _LABEL.match(text))))):
            # the next line of the heading above (a capitalised title may run over several)
            joined = previous[1] + " " + text
            stack[-1] = (stack[-1][0], _short(joined))
            out.append(SEP.join(t for _, t in stack[:-1]))
            previous = (level, joined, True)
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        out.append(SEP.join(t for _, t in stack))
        stack.append((level, _short(text)))
        previous = (level, text, False)
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
