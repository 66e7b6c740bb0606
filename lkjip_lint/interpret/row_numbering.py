"""Whether a table's own row numbers ("No" column) show rows that are not in the table.

A table cut at the top of a page, or extracted without its first rows, keeps
its numbering: rows numbered 2, 3 (or 1, 2, 4) say a row is missing. A
"Rata-rata" or "Jumlah" row then covers values the linter cannot see, so
checks over "the rows above" must stay silent. Numbering that restarts (1, 2,
1, 2 per sasaran) is not a gap.
"""
from __future__ import annotations

from lkjip_lint.interpret.tables import TableView
from lkjip_lint.numbers import Num


def rows_missing(view: TableView, rows) -> bool:
    """True when the rows' numbers start after 1 or skip a number."""
    numbered = view.cols("no")
    if not numbered or not rows:
        return False
    j = numbered[0].index
    numbers = [row.values[j] for row in rows]
    if not all(isinstance(n, Num) and n.decimals == 0 for n in numbers):
        return False  # an unnumbered row: the numbering says nothing
    ints = [int(n.value) for n in numbers]
    if ints[0] > 1:
        return True
    return any(b > a + 1 for a, b in zip(ints, ints[1:]))
