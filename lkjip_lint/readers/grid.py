"""Rules over table grids that every reader applies the same way.

Readers differ in how they find cells (tabs, Word XML, PDF geometry) but must
agree on what the cells mean: which leading rows are the header, which row is a
column-number row, which cell holds a number. One definition here keeps the
DOCX and PDF readings equal to the text reading (the reference).
"""
from __future__ import annotations

import re
from dataclasses import replace

from lkjip_lint.document import Row, Table

_NUMBERISH = re.compile(r"^[\d.,]+$")
_WELL_FORMED = re.compile(r"^(\d{1,3}(\.\d{3})+(,\d+)?|\d{1,3}(,\d{3})+(\.\d+)?|\d+([.,]\d+)?)$")
# A cell that is only a number, a column number "(3)" or a missing marker.
NUMERIC_CELL = re.compile(r"^[\s(]*[-−]?(rp\.?\s*)?\d[\d.,]*\s*%?\s*[),\-]*$", re.I)


def header_count(rows: list[tuple[int, list[str]]]) -> int:
    """Row 0 is the header; the next rows continue it while they fill merged gaps."""
    if not rows:
        return 0
    count = 1
    while count < min(len(rows), 3):
        prev, cur = rows[count - 1][1], rows[count][1]
        if is_column_numbers(cur) or any(NUMERIC_CELL.match(c) for c in cur if c):
            break
        fills_gap = any(cur[j] and not prev[j] for j in range(len(cur)))
        starts_empty = not cur[0]
        if not (fills_gap and starts_empty):
            break
        count += 1
    return count


def is_column_numbers(cells: list[str]) -> bool:
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


def norm_cells(cells: list[str]) -> list[str]:
    """Cells compared for a repeated header: case and spacing do not count."""
    return [re.sub(r"\s+", " ", c).strip().lower() for c in cells]


def completes_row(last: Row, cells: list[str]) -> bool:
    """A row cut by a page break: the new piece has text only where the last row had no number."""
    prev = last.texts()
    label = next((c for c in cells if c), "")
    if not label or label[0].isdigit():
        return False
    has_number = [bool(NUMERIC_CELL.match(c)) for c in prev]
    if not any(has_number):
        return False
    for j, c in enumerate(cells):
        if c and j < len(prev) and has_number[j]:
            return False
    prev_label = next((c for c in prev if c and not NUMERIC_CELL.match(c)), "")
    dangling = re.search(r"(\b(dan|atau|di|ke|yang|serta|untuk|pada|dalam|dengan|of|and)|[,\-/&])$", prev_label, re.I)
    return bool(dangling) or label[:1].islower()


def glue_row(last: Row, cells: list[str]) -> None:
    for j, c in enumerate(cells):
        if c and j < len(last.cells):
            joined = (last.cells[j].text + " " + c).strip()
            last.cells[j] = replace(last.cells[j], text=joined)


def continue_table(a: Table, b: Table) -> None:
    """Append table B, the rest of table A after a page break, to A (in place).

    B's leading rows equal to A's header are a repeated header (dropped, with a
    column-number row after them); otherwise what B's reader took for a header is
    body. B's first row completes A's last row when it was cut by the break.
    """
    header = [norm_cells(r.texts()) for r in a.header_rows]
    rows = list(b.header_rows) + list(b.rows)
    k = 0
    while k < min(len(header), len(rows)) and norm_cells(rows[k].texts()) == header[k]:
        k += 1
    rows = rows[k:]
    if k and rows and is_column_numbers(rows[0].texts()):
        rows = rows[1:]
    for row in rows:
        row.is_header = False
    if rows and a.rows and completes_row(a.rows[-1], rows[0].texts()):
        glue_row(a.rows[-1], rows[0].texts())
        rows = rows[1:]
    a.rows.extend(r for r in rows if any(r.texts()))


def well_formed(text: str) -> bool:
    """One number as printed: thousands grouped by threes, one decimal separator at most."""
    return bool(_WELL_FORMED.match(text))


def number_cut(head: str, tail: str) -> bool:
    """"10.599.3" + "50.000": the head is no number on its own, the two together are one."""
    if not (_NUMBERISH.match(head) and _NUMBERISH.match(tail)):
        return False
    return not _WELL_FORMED.match(head) and bool(_WELL_FORMED.match(head + tail))
