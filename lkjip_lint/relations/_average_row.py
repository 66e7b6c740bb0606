"""mean, of: rows — a "Rata-rata" row equals the mean of the values above it.

Checked per column when at least two values stand above the row (a mean of one
value says nothing about how the average was computed; reports often average
figures that are not in the table, so such rows are left alone). Rows whose own
numbering shows a row missing ("No" 2, 3 with no 1) are left alone too: the
average covers a value that is not in the table.

Good:  91.94 ⏎ 94.69 ⏎ 98.27 ⏎ Rata-rata 94.97
Bad:   91.94 ⏎ 94.69 ⏎ 98.27 ⏎ Rata-rata 96.00
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.row_numbering import rows_missing


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        for k, row in enumerate(view.rows):
            if row.type != "average":
                continue
            above = [r for r in view.rows[:k] if r.type == "data"]
            if rows_missing(view, above):
                continue  # the table lost rows (cut at a page top): the average covers values not here
            for col in view.columns:
                printed = view.num(row, col)
                values = [view.num(r, col) for r in above]
                values = [v for v in values if v is not None]
                if printed is None or len(values) < 2:
                    continue
                total = Interval.exact(Decimal(0))
                for v in values:
                    total = total + interval(v, col.role)
                mean = total / Interval.exact(Decimal(len(values)))
                verdict = judge(printed, mean, expected_decimals=2)
                if verdict:
                    yield number_draft(view, row, col, printed, verdict, values={"count": len(values)})
