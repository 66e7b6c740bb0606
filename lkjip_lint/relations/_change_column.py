"""formula, of: change — a change column ("Perubahan %", "Naik/Turun") between two period columns of the same row.

The two inputs are the numeric columns to the left of the change column that
name a period (a year, or "Tahun N-1" / "Tahun N"); the earlier is the base.
A change can be written as a relative change, (new − old) / old × 100, or as a
plain difference, new − old (percentage points): the reading that the table's
own rows reproduce most often is the table's convention (when the rows settle
none: the relative change under a "%" header, else the reading nearer each
printed change), and a printed change that fits neither reading is a finding
with that reading's value. Tolerance comes from the printed precision.

Good:  Tahun N-1 71,43 | Tahun N 71,61 | Perubahan % 0,25
Bad:   Tahun N-1 71,43 | Tahun N 71,61 | Perubahan % - 28,39%      (expected 0.25)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.columns import Column
from lkjip_lint.interpret.tables import TEXT_ROLES, TOTAL_ROWS, TableView

_HUNDRED = Interval.exact(Decimal(100))
READINGS = ("relative", "difference")


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        for change in view.cols("perubahan"):
            pair = period_pair(view, change)
            if pair is not None:
                yield from _column(view, change, *pair)


def period_pair(view: TableView, change: Column) -> tuple[Column, Column] | None:
    """The two latest period columns left of the change column: (earlier, later), or None when unclear."""
    dated = [c for c in view.columns[: change.index]
             if c.period is not None and c.role not in TEXT_ROLES and c.role != "perubahan"]
    periods = sorted({c.period for c in dated})
    if len(periods) < 2:
        return None
    old = [c for c in dated if c.period == periods[-2]]
    new = [c for c in dated if c.period == periods[-1]]
    if len(old) != 1 or len(new) != 1:
        return None  # several columns per period (target and realisasi): which one changed is not said
    return old[0], new[0]


def change_of(reading: str, old: Interval, new: Interval) -> Interval:
    if reading == "relative":
        return (new - old) / old * _HUNDRED
    return new - old


def _column(view: TableView, change: Column, old_col: Column, new_col: Column) -> Iterator[Draft]:
    rows = []
    for row in view.rows:
        if row.type != "data" and row.type not in TOTAL_ROWS:
            continue
        printed, old, new = view.num(row, change), view.num(row, old_col), view.num(row, new_col)
        if printed is None or old is None or new is None:
            continue
        verdicts = {}
        for reading in READINGS:
            try:
                verdicts[reading] = judge(printed, change_of(reading, interval(old, old_col.role),
                                                             interval(new, new_col.role)), expected_decimals=2)
            except (ZeroDivisionError, ArithmeticError):
                verdicts[reading] = False  # no relative change from a zero base
        rows.append((row, printed, old, new, verdicts))
    fits = {reading: sum(1 for *_, v in rows if v[reading] is None) for reading in READINGS}
    settled = fits["relative"] != fits["difference"]
    per_cent = bool(re.search(r"%|\bpersen", change.header, re.I))
    for row, printed, old, new, verdicts in rows:
        if any(v is None for v in verdicts.values()):
            continue
        if settled:
            convention = max(READINGS, key=lambda reading: fits[reading])
        elif per_cent:
            convention = "relative"  # "Perubahan %": the header says which
        else:  # neither the rows nor the header say: the reading nearer the printed change is the one meant
            convention = min((r for r in READINGS if verdicts[r]),
                             key=lambda r: abs(verdicts[r].expected - printed.value), default="relative")
        verdict = verdicts[convention] or verdicts["difference"]
        if not verdict:
            continue
        yield number_draft(view, row, change, printed, verdict,
                           values={"old": old.raw, "new": new.raw, "old_column": old_col.header,
                                   "new_column": new_col.header,
                                   "reading": "relatif" if convention == "relative" else "selisih"},
                           evidence={"reading": convention, "old": old.raw, "new": new.raw})
