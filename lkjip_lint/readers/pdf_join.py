"""Tables split across pages rejoined, then turned into document Tables.

Rules measured in PARSING.md (9 of 9 split tables rejoined, no false join): piece B
continues piece A when A is the last thing on page p and B the first on page p+1
(nothing but running headers/footers between them, hence no caption above B), with
the same columns within 2 pt. B's leading rows equal to A's header are a repeated
header; B's first row completes A's last row (a row cut by the page break) when it
is empty in every column where A's last row has a number.

A cut row's label may also leave lines at the foot of page p that the table did not
take (beside no other cell they look like a row of their own): when B's first row is
the rest of A's last row, the label lines stacked right under that row, in its label's
column and last on the page, are the middle of the same cell (foot_lines).
"""
from __future__ import annotations

import re

from lkjip_lint.document import Cell, Row, Table
from lkjip_lint.readers.pdf_bands import GAP
from lkjip_lint.readers.pdf_cells import Vocabulary, cell_text
from lkjip_lint.readers.pdf_tables import PCell, RawTable
from lkjip_lint.readers.grid import NUMERIC_CELL, header_count, is_column_numbers, norm_cells, number_cut
from lkjip_lint.readers.pdf_unruled import row_runs_on

CONTINUED = re.compile(r"\b(lanjutan|sambungan|continued)\b", re.I)


_SAME_PAGE_GAP = 45.0  # pt: an empty paragraph and its spacing (about three lines): the same table going on


def continues(a: RawTable, b: RawTable) -> bool:
    if a.n_cols != b.n_cols:
        return False
    # on the next page, or right under it on the same page: a table continued as a second table
    # (the text's blank line between two runs of the same width; DOCX joins the two Word tables)
    same_page = b.page == a.last_page and 0 <= b.bbox[1] - _bottom(a, b.page) <= _SAME_PAGE_GAP
    if b.page != a.last_page + 1 and not same_page:
        return False
    if not (a.ruled and b.ruled):  # columns found from the words: their ink ranges overlap
        if a.ruled != b.ruled:
            return False
        # a second table on the same page sizes its columns to its own words: each column still
        # lies nearest the same column of the first
        return all(x0 < y1 and y0 < x1 for (x0, x1), (y0, y1) in zip(a.spans, b.spans)) or same_page and all(
            min(range(len(a.spans)), key=lambda j: abs(sum(a.spans[j]) - sum(span))) == k
            for k, span in enumerate(b.spans))
    same_x = all(abs(x - y) <= 2 for x, y in zip(a.xs, b.xs))
    return same_x and abs(a.bbox[2] - b.bbox[2]) <= 2


def _bottom(table: RawTable, page: int) -> float:
    """The foot of the table's ink on a page (a joined table's bbox is its first piece's)."""
    return max((ln.bottom for row, p in zip(table.rows, table.pages) if p == page for c in row for ln in c.lines),
               default=float("inf"))


def join(a: RawTable, b: RawTable, vocab: Vocabulary | None = None, label_runs_on: bool = False) -> None:
    """Append B to A in place. `label_runs_on`: A's last row's label was cut by the page break
    (foot_lines took its middle lines), so B's first body row is that row's rest."""
    k = _body_start(a, b)
    rows, pages = b.rows[k:], b.pages[k:]
    rest = None
    if not k and rows and header_count([(0, _texts(r)) for r in a.rows]):
        rest = _header_over_rest(norm_cells(_texts(a.rows[0])), rows[0])
        if rest is not None:  # the repeated header, the rest of the cut row read into its cells
            rows = [rest, *rows[1:]]
    if rows and a.rows and (rest is not None or _cut(a, b, rows[0], label_runs_on)):
        for cell, more in zip(a.rows[-1], rows[0]):
            if more.text:  # the cut cell's lines go on: glued by the same rule as lines in one cell
                _extend(cell, more.lines, vocab, more.text)
        rows, pages = rows[1:], pages[1:]
    a.rows.extend(rows)
    a.pages.extend(pages)
    a.reached = max(a.reached, b.last_page)


def _body_start(a: RawTable, b: RawTable) -> int:
    """How many of B's leading rows are A's header repeated (with the column-number row it may bring)."""
    header = header_count([(0, _texts(r)) for r in a.rows])
    k = repeated_header([norm_cells(_texts(r)) for r in a.rows[:header]], [norm_cells(_texts(r)) for r in b.rows])
    if k and k < len(b.rows) and is_column_numbers(_texts(b.rows[k])):
        k += 1
    return k


def _cut(a: RawTable, b: RawTable, first: list[PCell], label_runs_on: bool = False) -> bool:
    """B's first body row is the rest of A's last row, cut by the page break. Without rules, a row
    beside whose label the last row's numbers are empty ('IKM UNIT PELAYANAN' under 'NRR
    Tertimbang/ unsur … 3,754') is a row of its own unless the cells it goes on were full, or
    the label is known to run on (`label_runs_on`: its middle lines were found at the page foot)."""
    if not a.rows:
        return False
    unruled = not (a.ruled or b.ruled)
    if _completes(a.rows[-1], first):
        overlap = any(x.text and y.text for x, y in zip(a.rows[-1], first))
        return label_runs_on or not (unruled and overlap) or row_runs_on(a, first)
    return unruled and row_runs_on(a, first)


def _extend(cell: PCell, lines: list, vocab: Vocabulary | None, text: str = "") -> None:
    cell.lines = cell.lines + lines
    cell.text = cell_text(cell.lines, cell.right, vocab) if cell.lines else text


def foot_lines(a: RawTable, lines: list, b: RawTable, vocab: Vocabulary | None = None) -> bool:
    """Put `lines` (the last of A's page, under A, read as text) into A's last row when they are
    the middle of a label the page break cut: B continues A with the rest of that row, and the
    lines sit one under the other at the line pitch right under the row, inside the column of
    its label. Returns whether they were taken: then `join` glues B's first body row to that
    row whatever its stricter test says (the lines prove the label ran on)."""
    if not lines or not a.rows or a.spans == [] or not continues(a, b):
        return False
    k = _body_start(a, b)
    if k >= len(b.rows) or not _cut(a, b, b.rows[k], label_runs_on=True):
        return False
    last = a.rows[-1]
    col = _column_of(a, lines)
    if col is None or not last[col].lines or NUMERIC_CELL.match(last[col].text):
        return False
    above = max((cell.lines[-1] for cell in last if cell.lines), key=lambda ln: ln.bottom)
    for line in lines:
        if line.page != above.page or line.top <= above.top \
                or line.top - above.bottom > GAP * max(line.height, above.height, 1.0):
            return False  # not stacked at the line pitch under the row
        above = line
    _extend(last[col], list(lines), vocab, last[col].text)
    return True


def _column_of(a: RawTable, lines: list) -> int | None:
    """The one column every line lies in: from its ink to the next column's ink."""
    reach = [(x0, nxt[0] if nxt else x1) for (x0, x1), nxt in zip(a.spans, a.spans[1:] + [None])]
    cols = {next((c for c, (x0, x1) in enumerate(reach) if x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1), None) for ln in lines}
    return cols.pop() if len(cols) == 1 else None


def _header_over_rest(header: list[str], first: list[PCell]) -> list[PCell] | None:
    """The piece's first row is the repeated header with more lines under some of its cells
    (a row cut by the page break whose rest sits beside the header's last line, read into
    the same row): every cell is the header's or begins with it, one has more. The more,
    as a row of its own, or None."""
    rest, more = [], False
    for head, cell in zip(header, first):
        text = norm_cells([cell.text])[0]
        if text == head:
            rest.append(PCell())
            continue
        if not head or not text.startswith(head + " "):
            return None
        lines, taken = list(cell.lines), []
        while lines and norm_cells([" ".join(ln.text for ln in taken)])[0] != head:
            taken.append(lines.pop(0))
        if not lines:
            return None
        rest.append(PCell(lines=lines, text=" ".join(ln.text for ln in lines), right=cell.right))
        more = True
    return rest if more and len(header) == len(first) else None


def repeated_header(header: list[list[str]], rows: list[list[str]]) -> int:
    """How many of a continued piece's leading rows repeat the header: its rows in order, from
    any of them (the first header line may have gone as a running header: it repeats on
    every page the table spans)."""
    start = next((j for j, cells in enumerate(header) if rows and cells == rows[0]), None)
    if start is None:
        return 0
    k = 0
    while start + k < len(header) and k < len(rows) and rows[k] == header[start + k]:
        k += 1
    return k


def _completes(last: list[PCell], first: list[PCell]) -> bool:
    texts = [c.text for c in first]
    label = next((t for t in texts if t), "")
    if not label:
        return False
    if [(c.merged, c.vmerged) for c in last] != [(c.merged, c.vmerged) for c in first]:
        return False  # a row cut in two keeps its cells; a spanning section row does not
    if any(number_cut(a.text, b.text) for a, b in zip(last, first)):
        return True  # "10.599.3" + "50.000": a number cut by the page break
    if label[0].isdigit():
        return False
    numeric = [bool(c.text and NUMERIC_CELL.match(c.text)) for c in last]
    if not any(numeric):
        return False
    return not any(t and numeric[j] for j, t in enumerate(texts))


def _texts(row: list[PCell]) -> list[str]:
    return [c.text for c in row]


def to_table(raw: RawTable) -> Table:
    texts = [(0, _texts(r)) for r in raw.rows]
    count = header_count(texts)
    header = [_row(raw.rows[k], raw.pages[k], True) for k in range(count)]
    body: list[Row] = []
    for k in range(count, len(raw.rows)):
        cells = texts[k][1]
        if not body and is_column_numbers(cells):
            continue
        if not any(cells):
            continue
        body.append(_row(raw.rows[k], raw.pages[k], False))
    return Table(header_rows=header, rows=body, n_cols=raw.n_cols, page=raw.page, caption=raw.caption)


def _row(cells: list[PCell], page: int, header: bool) -> Row:
    return Row(cells=[Cell(text=c.text, merged=c.merged, vmerged=c.vmerged, page=page) for c in cells],
               page=page, is_header=header)
