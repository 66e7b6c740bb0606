"""Two ruled tables stacked with no gap, found as one grid, read back as their own columns.

A table continued as a second table (after a blank line, a page break that moved, or
an HTML/ODT import) touches the one above: their borders meet and the grid finder
makes one grid of the union of both tables' vertical lines. Every row then keeps its
own cells, each spanning some of the union's columns, so a column of one table lands
in a column of the other only by chance. When every row has the same number of
cells and none reaches into the row below, the rows are one table's columns by order
(a real merge — a title over two columns, a section row across the table — leaves
rows with fewer cells, and the grid is kept as found).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pdf_tables calls this module on every grid it builds
    from lkjip_lint.readers.pdf_tables import RawTable


def unstack(table: RawTable) -> RawTable:
    rows = table.rows
    if len(rows) < 2 or any(c.vmerged for row in rows for c in row):
        return table
    own = [[c for c in row if not c.merged] for row in rows]
    width = len(own[0])
    # every union column is some cell's left edge: fewer cells in every row than columns
    # means the rows do not share their edges
    if width >= table.n_cols or any(len(cells) != width for cells in own):
        return table
    table.xs = [x for x, c in zip(table.xs, rows[0]) if not c.merged]  # the first table's edges
    table.rows = own
    return table
