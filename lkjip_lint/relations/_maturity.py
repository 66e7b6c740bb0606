"""sum, of: maturity — the organisational maturity table (Permendagri 99/2018).

Each of the variables scores a whole number from 1 to 5 (`range`); the sum of the
variables equals the "Nilai Kematangan" realisasi reported for the indicator of
the same name (`total`); a table with other than 11 variables gets a note.

Good:  11 variables 5,3,3,2,3,5,3,1,4,2,2 (Σ 33) ⏎ Nilai Kematangan realisasi 33
Bad:   a variable scored 6                         (outside 1–5)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.engine.tolerance import to_json_number
from lkjip_lint.finding import Draft


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    for view in ctx.tables:
        col = next(iter(view.cols("nilai")), None)
        if col is None:
            continue
        scores = []
        for row in view.rows:
            n = view.num(row, col)
            if row.type != "data" or n is None:
                continue
            scores.append(n.value)
            if not (1 <= n.value <= 5) or n.value != n.value.to_integral_value():
                yield Draft(location=view.location(row, col), actual=to_json_number(n.value), expected=None,
                            variant="range", values={"table": view.name, "row": row.label},
                            key=f"{view.ident}|{row.label}|{n.raw}")
        if not scores:
            continue
        if len(scores) != 11:
            yield Draft(location=view.location(), actual=len(scores), expected=11, grade="note", variant="count",
                        values={"table": view.name}, key=f"{view.ident}|count")
        total = sum(scores, Decimal(0))
        for ind in report.indicators:
            if not re.search(r"kematangan", ind.name, re.I):
                continue
            stated = {Decimal(str(v.value)) for v in ind.realisasi if v.year in (None, report.year)}
            if stated and total not in stated:
                yield Draft(location=view.location(), actual=to_json_number(total), expected=to_json_number(max(stated)),
                            variant="total", values={"table": view.name, "indicator": ind.name},
                            key=f"{view.ident}|total|{total}")
