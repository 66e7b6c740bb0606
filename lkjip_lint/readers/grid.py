"""Rules over table grids that every reader applies the same way.

Readers differ in how they find cells (tabs, Word XML, PDF geometry) but must
agree on what the cells mean: which leading rows are the header, which row is a
column-number row, which cell holds a number. One definition here keeps the
DOCX and PDF readings equal to the text reading (the reference).
"""
from __future__ import annotations

import re

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
