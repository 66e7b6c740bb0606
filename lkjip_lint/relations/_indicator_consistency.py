"""agree, of: indicator_capaian — one indicator has one capaian for the report year, everywhere.

The capaian of an indicator is what its realisation tables give (realisasi /
target of the report year, with polarity). A capaian printed where it cannot be
recomputed on the spot — a table row without target or realisasi (efficiency
analysis), a sentence of the Ikhtisar or Penutup naming the indicator — must
agree with it.

Good:  Tabel: IKM target 91.5, realisasi 93.85 ⏎ Penutup: "IKM … capaian kinerja sebesar 102.57%"
Bad:   … ⏎ Penutup: "IKM … capaian kinerja sebesar 9.85%"           (expected 102.57)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.claims import claim_location
from lkjip_lint.interpret.indicators import computed_capaian, indicator_name


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    year = report.year
    negative_formula = report.capaian_convention.negative  # the report's own, when its rows settle one
    truth = {ind.name: computed_capaian(ind, year, negative_formula) for ind in report.indicators}
    for view in report.views:
        if view.kind not in ("efficiency", "capaian", "multi_year"):
            continue
        caps = view.cols("capaian")
        if not caps or view.cols("target") and view.cols("realisasi"):
            continue  # rows with their own target and realisasi are the row formula's
        for row in view.rows:
            ind = report.find_indicator(indicator_name(view, row)) if row.type == "data" else None
            value = truth.get(ind.name) if ind else None
            if value is None:
                continue
            for col in caps:
                printed = view.num(row, col)
                if printed is None:
                    continue
                verdict = judge(printed, Interval.exact(value), expected_decimals=2)
                if verdict:
                    yield Draft(location=view.location(row, col), actual=to_json_number(printed.value),
                                expected=to_json_number(verdict.expected), grade=verdict.grade,
                                values={"where": f"{view.name}, {row.label}", "indicator": ind.name},
                                evidence={"table": view.snapshot([{"row": row.index, "col": col.index}])},
                                key=f"{view.ident}|{row.label}|{printed.raw}")
    for claim in report.claims:
        if claim.kind != "indicator_capaian" or claim.indicator_capaian is None:
            continue
        verdict = judge(claim.value, Interval.exact(Decimal(str(claim.indicator_capaian))), expected_decimals=2)
        if verdict:
            yield Draft(location=claim_location(claim), actual=to_json_number(claim.value.value),
                        expected=to_json_number(verdict.expected), grade=verdict.grade,
                        values={"where": claim.sentence[:70] + "…", "indicator": claim.indicator},
                        evidence={"sentence": claim.sentence},
                        key=f"text|{claim.indicator}|{claim.value.raw}")
