"""sum, of: parent_rows — a parent row equals the sum of its child rows, in every additive column.

interpret/hierarchy.py finds parent rows from the values (a row whose counts
equal the sum of the rows just below it in at least half of the additive
columns). In the other additive columns of that row, a value that is not the
sum of the children is a finding with the sum as the expected value.

Good:  Balita 999 | 779 ⏎ 0-11 bulan 163 | 156 ⏎ 12-59 bulan 836 | 623
Bad:   Balita 979 | 779 ⏎ 0-11 bulan 163 | 156 ⏎ 12-59 bulan 836 | 623      (expected 999)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.hierarchy import parents
from lkjip_lint.numbers import Num

BUDGET_HIERARCHY_KINDS = ("budget", "efficiency")


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        if view.kind in BUDGET_HIERARCHY_KINDS:
            continue  # programme ← kegiatan sums there are the hierarchy check's (SUM003)
        for parent in parents(view):
            row = view.rows[parent.row]
            for j in parent.columns:
                if j in parent.fitting:
                    continue
                printed = row.values[j]
                parts = [view.rows[c].values[j] for c in parent.children]
                if not isinstance(printed, Num) or not all(isinstance(p, Num) for p in parts):
                    continue
                total = sum((p.value for p in parts), start=printed.value * 0)
                verdict = judge(printed, Interval.exact(total), exact=True)
                if verdict:
                    yield number_draft(view, row, view.columns[j], printed, verdict,
                                       values={"count": len(parts),
                                               "children": ", ".join(view.rows[c].label[:60] for c in parent.children)},
                                       evidence={"children": [view.rows[c].index for c in parent.children]})
