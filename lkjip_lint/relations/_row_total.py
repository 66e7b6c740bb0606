"""sum, of: row — a row's total column equals the sum of its part columns.

In "Pria › Jumlah | Wanita › Jumlah | Jumlah Total › Jumlah" the last is the sum
of the others; in a flat "L | P | Jumlah" the same.

Good:  3.174 | 3.212 | 6.386
Bad:   3.174 | 3.212 | 6.396      (expected 6.386)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        total_col = next((c for c in view.columns if c.is_row_total), None)
        if total_col is None:
            continue
        if total_col.parent:  # "Pria › Jumlah" + "Wanita › Jumlah" = "Jumlah Total › Jumlah"
            parts = [c for c in view.columns if c.role == "count" and c is not total_col and c.leaf == total_col.leaf]
        else:  # "L | P | Jumlah"
            parts = [c for c in view.columns[: total_col.index] if c.role == "count" and not c.parent]
        if len(parts) < 2:
            continue
        for row in view.rows:
            printed = view.num(row, total_col)
            values = [view.num(row, c) for c in parts]
            if not printed or any(v is None for v in values):
                continue
            computed = Interval.exact(Decimal(0))
            for c, v in zip(parts, values):
                computed = computed + interval(v, c.role)
            verdict = judge(printed, computed, exact=interval(printed, total_col.role).lo == printed.value)
            if verdict:
                yield number_draft(view, row, total_col, printed, verdict,
                                   values={"parts": " + ".join(v.raw for v in values)})
