"""formula, of: text — the arithmetic of numbers stated in the running text.

Claims read by interpret/claims.py: "realisasi R dari target T dengan capaian C%"
(C = R / T × 100, or a negative formula for lower-is-better indicators); "Rp P …
realisasi Rp R … atau X%" (X = R / P × 100); "serapan S% … efisiensi E%" (E = 100
− S, or capaian − S when the paragraph states a capaian); "luas A km², terdiri
dari B km² dan C km²" (A = B + C); "N jiwa (x%)" beside the total they add up to
(x = N / total × 100). Tolerance comes from the printed precision as in tables.

Good:  realisasi sebesar 89 dari target 86 dengan capaian 103.5%
Bad:   realisasi sebesar 91.4 dari target 88 dengan capaian 102.7%   (expected 103.86)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.engine.expr import Formula
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.interpret.claims import claim_location
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.numbers import Num

_100 = Interval.exact(Decimal(100))


def _iv(num: Num, declared: bool = False) -> Interval:
    return Interval.of(num, exact=declared or (num.money and num.decimals == 0))


def run(ctx: Context) -> Iterator[Draft]:
    only, skip = set(ctx.params.only), set(ctx.params.skip)
    for claim in ctx.report.claims:
        if only and claim.kind not in only or claim.kind in skip:
            continue
        if claim.kind == "unit":
            yield _unit(claim)
            continue
        if claim.kind == "number_words":
            yield _number_words(claim)
            continue
        handler = _HANDLERS.get(claim.kind)
        if handler is None:
            continue
        try:
            options = handler(claim, ctx.report)
        except ArithmeticError:
            continue
        if not options:
            continue
        printed = claim.value if claim.value is not None else claim.values.get("capaian")
        verdicts = []
        for name, computed in options:
            verdict = judge(printed, computed, expected_decimals=2)
            if verdict is None:
                break
            verdicts.append((name, verdict))
        else:
            name, verdict = verdicts[0]
            yield Draft(
                location=claim_location(claim),
                actual=to_json_number(printed.value),
                expected=to_json_number(verdict.expected),
                grade=verdict.grade,
                variant=claim.kind,
                values={"formula": name, "sentence": excerpt(claim.sentence),
                        **{k: v.raw for k, v in claim.values.items()}, "printed": printed.raw,
                        "parts": " + ".join(p.raw for p in claim.parts)},
                evidence={"sentence": claim.sentence},
                key=f"{claim.kind}|{excerpt(claim.sentence, 120)}|{printed.raw}",
            )


def _capaian(claim, report):
    """Positive R / T unless the sentence names a lower-is-better indicator. When only the passage
    around it does (or nothing does), every formula is admitted: a sentence rarely repeats the
    indicator's name, and a wrong polarity guess must not become an error. Of the negative formulas,
    only the report's own is admitted when its rows settle one (interpret/convention.py)."""
    t, r = claim.values["target"], claim.values["realisasi"]
    T, R = _iv(t, declared=True), _iv(r)
    positive = [("R / T", R / T * _100)]
    negative = [("(2T − R) / T", (Interval.exact(Decimal(2)) * T - R) / T * _100), ("T / R", T / R * _100)]
    own = [o for o in negative if o[0] == report.capaian_convention.negative] or negative  # the report's, when settled
    if is_negative(claim.sentence, report):
        return own
    return own + positive if claim.negative else positive + negative


def _number_words(claim) -> Draft:
    """"7 (delapan) program": the digits and the words name different counts; which one is meant is not known."""
    return Draft(
        location=claim_location(claim), actual=claim.label, expected=None, grade="mismatch", variant="number_words",
        values={"sentence": excerpt(claim.sentence), "printed": claim.label, "words": claim.values["words"].raw},
        evidence={"sentence": claim.sentence},
        key=f"words|{excerpt(claim.sentence, 120)}|{claim.label}",
    )


def _unit(claim) -> Draft:
    """Target and realisasi of one capaian stated per different bases ("per 1000" / "per 100.000")."""
    return Draft(
        location=claim_location(claim),
        actual=claim.label, expected=claim.indicator, grade="mismatch", variant="unit",
        values={"sentence": excerpt(claim.sentence), "printed": claim.label, "target": claim.value.raw,
                "realisasi": claim.values["realisasi"].raw, "expected_unit": claim.indicator},
        evidence={"sentence": claim.sentence},
        key=f"unit|{excerpt(claim.sentence, 120)}|{claim.label}",
    )


def _budget(claim, report):
    return [("realisasi / pagu", _iv(claim.values["realisasi_anggaran"]) / _iv(claim.values["pagu"]) * _100)]


def _efficiency(claim, report):
    s = _iv(claim.values["serapan"])
    options = [("100 − serapan", _100 - s)]
    if "capaian" in claim.values:
        options.append(("capaian − serapan", _iv(claim.values["capaian"]) - s))
    return options


def _sum(claim, report):
    # whole numbers of people are counted, not rounded: 8 ASN and 6 THL are 14, never 13
    counted = claim.label == "people"
    total = Interval.exact(Decimal(0))
    for p in claim.parts:
        total = total + _iv(p, declared=counted and p.decimals == 0)
    return [("+", total)]


def _share(claim, report):
    part, base = claim.values["part"], claim.values["base"]
    return [("part / total", Interval.exact(part.value) / Interval.exact(base.value) * _100)]


def _remainder(claim, report):
    return [("pagu − realisasi", _iv(claim.values["pagu"]) - _iv(claim.values["realisasi_anggaran"]))]


def _change_total(claim, report):
    before, change = _iv(claim.values["before"]), _iv(claim.values["change"])
    return [("−", before - change), ("+", before + change)]


def _share_of_total(claim, report):
    return [("part / total", _iv(claim.values["part"]) / _iv(claim.values["base"]) * _100)]


def _ratio(claim, report):
    part, base = _iv(claim.values["part"], declared=True), _iv(claim.values["base"], declared=True)
    return [("part / base", part / base * _100), ("base / part", base / part * _100)]


def _arith(claim, report):
    env = {f"n{k}": _iv(n, declared=n.decimals == 0) for k, n in enumerate(claim.parts)}
    shown = re.sub(r"n(\d+)", lambda m: claim.parts[int(m.group(1))].raw, claim.label).replace("*", "×")
    return [(shown, Formula(claim.label)(env))]


def _binding(claim, report):
    return [("=", _iv(claim.values["stated"], declared=True))]


_HANDLERS = {"capaian": _capaian, "budget": _budget, "efficiency": _efficiency, "sum": _sum, "share": _share,
             "remainder": _remainder, "change_total": _change_total, "share_of_total": _share_of_total,
             "arith": _arith, "binding": _binding, "ratio": _ratio}
