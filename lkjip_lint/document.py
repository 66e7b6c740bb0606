"""The format-free Document every reader returns.

A Document is an ordered list of blocks (headings, paragraphs, tables, lists such
as the contents). Every block, row and cell carries where it came from: a 1-based
line for text, a page for PDF, a paragraph/table index for DOCX. Nothing after the
readers asks which format a report came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from lkjip_lint.datamodel import hidden


@dataclass(kw_only=True)
class Anchor:
    """A finding's place in one reading of a Document: indices into its blocks, rows and cells."""

    block: int = -1  # index in Document.blocks; -1: the start of the document
    row: int | None = None  # index into header_rows + rows of a table
    cell: int | None = None  # column index in that row
    entry: int | None = None  # entry of a contents / table list

    def order(self) -> tuple:
        return (self.block, -1 if self.entry is None else self.entry, -1 if self.row is None else self.row,
                -1 if self.cell is None else self.cell)


@dataclass(kw_only=True)
class Location:
    """Where a finding is, as a user reads it: line, page, table, row, column, heading or JSON path."""

    line: int | None = None
    page: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    path: str | None = None  # JSON path, for structured-data input
    paragraph: int | None = None  # DOCX: the paragraph a reader counts (text paragraphs only, tables not counted)
    heading: str | None = None  # the headings above the place: "BAB III › A. Capaian Kinerja"
    document: bool = False  # about the whole document (anchored at its start)
    # where in the Document (block, row, cell): set by locate.py, used for document order and by
    # the annotators; never serialised (an index means nothing outside one reading of one file)
    anchor: Anchor | None = hidden()

    def brief(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(str(self.line))
        if self.page is not None:
            parts.append(f"hal. {self.page}")
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(self.row)
        if self.column:
            parts.append(self.column)
        if self.path:
            parts.append(self.path)
        if self.paragraph is not None and self.line is None:
            parts.append(f"¶{self.paragraph}")
        return " · ".join(parts)


@dataclass(kw_only=True)
class Cell:
    """One cell of a table row: its text, whether a merge covers it, and where it came from."""

    text: str = ""
    merged: bool = False  # covered by a horizontal merge (gridSpan): continues the cell to its left
    vmerged: bool = False  # covered by a vertical merge (vMerge): continues the cell above
    line: int | None = None
    page: int | None = None
    origin: int | None = hidden()  # DOCX: ordinal of its w:tc in the body


@dataclass(kw_only=True)
class Row:
    """One row of a table: its cells, whether it is a header row, and where it came from."""

    cells: list[Cell]
    line: int | None = None
    page: int | None = None
    is_header: bool = False
    path: str | None = None  # JSON path of the row in structured-data input ("tables[3].rows[5]")
    origin: int | None = hidden()  # DOCX: ordinal of its w:tr in the body

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(kw_only=True)
class Caption:
    """A table's caption: its number as read and as printed, its title, and where it came from."""

    number: str | None = None  # "3.2"; None for "Tabel 3." or an unnumbered caption
    raw_number: str | None = None  # as printed ("3." when the number was cut off)
    title: str = ""
    line: int | None = None
    page: int | None = None
    origin: int | None = hidden()  # DOCX: ordinal of the caption's w:p


@dataclass(kw_only=True)
class Block:
    """What every block of a Document has: its index, where it came from, and the chapter it sits in."""

    index: int = 0
    line: int | None = None
    page: int | None = None
    section: str | None = None  # the chapter (BAB) the block sits in, when known
    # DOCX: ordinal of the block's w:p (or w:tbl) among the body's, and the text paragraph a
    # reader counts (for a table: the last one above it). Kept out of every dump.
    origin: int | None = hidden()
    paragraph: int | None = hidden()


@dataclass(kw_only=True)
class Heading(Block):
    """A heading of the document, with its level."""

    kind: Literal["heading"] = "heading"
    text: str
    level: int = 1


@dataclass(kw_only=True)
class Paragraph(Block):
    """A paragraph of running text."""

    kind: Literal["paragraph"] = "paragraph"
    text: str


@dataclass(kw_only=True)
class ListEntry:
    """One entry of the contents or of a list of tables or figures, with its number when it has one."""

    text: str
    number: str | None = None  # "Tabel 2.2" entries: "2.2"
    line: int | None = None
    page: int | None = None
    origin: int | None = hidden()  # DOCX: ordinal of its w:p
    paragraph: int | None = hidden()


@dataclass(kw_only=True)
class ListBlock(Block):
    """The contents (Daftar Isi), the list of tables (Daftar Tabel) or figures."""

    kind: Literal["contents", "table_list", "figure_list"]
    entries: list[ListEntry] = field(default_factory=list)


@dataclass(kw_only=True)
class Table(Block):
    """A table: its caption, header rows and rows of cells, and its place among the document's tables."""

    kind: Literal["table"] = "table"
    caption: Caption | None = None
    header_rows: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    n_cols: int = 0
    nested_in: int | None = None  # index of the enclosing table, for nested tables
    unreadable: bool = False  # a caption was found but no machine-readable table
    ordinal: int | None = None  # 1-based position among the document's tables
    path: str | None = None  # JSON path of the table in structured-data input; its cells are rows[k].cells[j]

    def label(self) -> str:
        if self.caption and self.caption.number:
            return f"Tabel {self.caption.number}"
        if self.caption and self.caption.raw_number:
            if self.line:
                where = f" (baris {self.line})"
            elif self.page:
                where = f" (hal. {self.page})"
            else:
                where = f" (tabel ke-{self.ordinal})" if self.ordinal else ""
            return f"Tabel {self.caption.raw_number}{where}"
        if self.line is not None:
            return f"tabel baris {self.line}"
        if self.page is not None:
            return f"tabel hal. {self.page}"
        return f"tabel ke-{self.ordinal or self.index + 1}"


AnyBlock = Union[Heading, Paragraph, ListBlock, Table]


@dataclass(kw_only=True)
class Document:
    """A report as every reader returns it: its blocks in order, the reader's notes, data input's problems."""

    path: str
    format: Literal["text", "docx", "pdf", "data"]
    blocks: list[AnyBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # reader remarks (e.g. pages without text)
    problems: list[dict] = field(default_factory=list)  # data input: schema violations {path, message}
    negative_indicators: list[str] = field(default_factory=list)  # data input: indicators declared lower-is-better

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]
