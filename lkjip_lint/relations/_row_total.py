"""sum, of: row — a row's total column equals the sum of its part columns.

In "Pria › Jumlah | Wanita › Jumlah | Jumlah Total › Jumlah" the last is the sum
of the others; in a flat "L | P | Jumlah" the same.

When the values themselves show which two columns the total adds up (a sum
relation found on most rows, interpret/relations.py), those are the parts: in
"Desa | Kelurahan | Desa + Kelurahan | Laki-laki | Perempuan | Total" the
total is Laki-laki + Perempuan, not every count column before it.

Good:  3.174 | 3.212 | 6.386
Bad:   3.174 | 3.212 | 6.396      (expected 6.386)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.relations import relations


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        total_col = next((c for c in view.columns if c.is_row_total), None)
        if total_col is None:
            continue
        if total_col.parent:  # "Pria › Jumlah" + "Wanita › Jumlah" = "Jumlah Total › Jumlah"
            parts = [c for c in view.columns if c.role == "count" and c is not total_col and c.leaf == total_col.leaf]
        else:  # "L | P | Jumlah"
            parts = [c for c in view.columns[: total_col.index] if c.role == "count" and not c.parent]
        parts = _parts_shown_by_values(view, total_col, parts) or parts
        if len(parts) < 2:
            continue
        for row in view.rows:
            judged = _judge_row(view, row, total_col, parts)
            if judged and judged[0]:
                verdict, printed, values = judged
                yield number_draft(view, row, total_col, printed, verdict,
                                   values={"parts": " + ".join(v.raw for v in values)})


def _judge_row(view, row, total_col, parts):
    """(verdict, printed, part values) for one row, or None when a value is missing."""
    printed = view.num(row, total_col)
    values = [view.num(row, c) for c in parts]
    if not printed or any(v is None for v in values):
        return None
    computed = Interval.exact(Decimal(0))
    for c, v in zip(parts, values):
        computed = computed + interval(v, c.role)
    return judge(printed, computed, exact=interval(printed, total_col.role).lo == printed.value), printed, values


def _parts_shown_by_values(view, total_col, header_parts) -> list | None:
    """The two columns the values show this total to be the sum of, when a sum relation was found
    and it reproduces more rows than the header's parts do (a mostly-zero third part keeps the header's)."""
    shown = next((r for r in relations(view) if r.result == total_col.index and r.op == "sum"), None)
    if shown is None or {shown.a, shown.b} == {c.index for c in header_parts}:
        return None
    if _rows_adding_up(view, total_col, header_parts) >= shown.fits:
        return None
    return [view.columns[shown.a], view.columns[shown.b]]


def _rows_adding_up(view, total_col, parts) -> int:
    judged = (_judge_row(view, row, total_col, parts) for row in view.rows)
    return sum(1 for j in judged if j is not None and not j[0])
