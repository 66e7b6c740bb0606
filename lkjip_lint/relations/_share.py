"""formula, of: share — a % beside a count equals count / base × 100.

The base is the row's total column when the table has one ("Jumlah Total ›
Jumlah": shares of a row, e.g. Pria % = Pria / Jumlah Total), otherwise the total
row below the count (shares of a column, e.g. staff by education = n / 13).

Good:  Pria 2.406 | 49,78 | Wanita 2.427 | 50,22 | Jumlah 4.833
Bad:   Pria 2.406 | 50,62 | …                        (expected 49,78)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.tables import TableView, share_pairs

_HUNDRED = Interval.exact(Decimal(100))


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        yield from _table(view)


def _table(view: TableView) -> Iterator[Draft]:
    row_total = next((c for c in view.columns if c.is_row_total), None)
    for count_col, pct_col in share_pairs(view):
        for k, row in enumerate(view.rows):
            if row.type not in ("data", "total", "implicit_total", "subtotal"):
                continue
            printed = view.num(row, pct_col)
            part = view.num(row, count_col)
            if not printed or not part:
                continue
            if row_total is not None:
                base = view.num(row, row_total)
            elif row.type in ("total", "implicit_total"):
                base = part
            else:
                total_row = next((r for r in view.rows[k + 1:] if r.type in ("total", "implicit_total")), None)
                base = view.num(total_row, count_col) if total_row else None
            if not base or base.value == 0:
                continue
            computed = interval(part, count_col.role) / interval(base, count_col.role) * _HUNDRED
            verdict = judge(printed, computed, expected_decimals=2)
            if verdict:
                yield number_draft(view, row, pct_col, printed, verdict,
                                   values={"part": part.raw, "base": base.raw},
                                   evidence={"part": part.raw, "base": base.raw})
