"""agree, of: pk_target — every realisation table uses the target of the operative Perjanjian Kinerja.

The operative PK is the last "Perjanjian Kinerja Perubahan" table when there is
one (it supersedes the original), else the last PK table. For each indicator in
it, every capaian, multi-year and efficiency table row of the same indicator
must show the same target for the report year.

Good:  PK Perubahan: IKM 88 ⏎ Tabel 3.2: IKM target 88
Bad:   PK Perubahan: IKM 88 ⏎ Tabel 3.2: IKM target 91.5      (expected 88)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.engine.tolerance import to_json_number
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.indicators import REALISATION_KINDS, indicator_name, pk_targets


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    targets = pk_targets(report)
    if not targets:
        return
    for view in report.views:
        if view.kind not in REALISATION_KINDS:
            continue
        for col in view.cols("target"):
            if col.year not in (None, report.year):
                continue
            for row in view.rows:
                printed = view.num(row, col)
                ind = report.find_indicator(indicator_name(view, row)) if printed else None
                if ind is None or ind.name not in targets:
                    continue
                pk_value, pk_row, pk = targets[ind.name]
                if Decimal(printed.value) == Decimal(pk_value.value):
                    continue
                yield Draft(location=view.location(row, col), actual=to_json_number(printed.value),
                            expected=to_json_number(pk_value.value),
                            values={"where": f"{view.name}, {row.label}", "indicator": ind.name,
                                    "pk": pk.name, "pk_line": pk_row.line or pk_row.page},
                            evidence={"table": view.snapshot([{"row": row.index, "col": col.index, "expected": pk_value.raw}])},
                            key=f"{view.ident}|{ind.name}|{printed.raw}|{pk_value.raw}")
