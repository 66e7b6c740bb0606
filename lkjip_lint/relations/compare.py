"""compare — a change stated in the text holds between the values it compares.

"realisasi tersebut meningkat … dibandingkan dengan realisasi Tahun 2019 yaitu
67,1 dengan peningkatan sebesar 5,29 point": the current value (stated, taken up
from the sentence before, or the fact of the later year) minus the baseline
(stated, or the fact of the earlier year) must give the amount, read as a
difference in points or as a relative change in per cent, whichever the report
means; the direction word (naik / turun) must match the sign. A statement
whose values cannot both be found says nothing. "Telah mencapai / melebihi
target" and "belum mencapai target" are comparisons too: with the sentence's
realisasi and target (polarity applied) or its capaian against 100.

Parameters: of (`statements`, the only value so far).

Good:  … capaian tahun 2016 dibandingkan tahun 2015 terjadi peningkatan capaian sebesar 8,54   (101,46 − 92,92)
Bad:   … capaian tahun 2016 dibandingkan tahun 2015 terjadi peningkatan capaian sebesar 8,50   (expected 8.54)
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Literal

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.relations import Relation


@dataclass(kw_only=True)
class Params(Relation):
    """Change and achievement statements and the values they compare (the only value of `of:`)."""

    of: Literal["statements"] = "statements"


_100 = Interval.exact(Decimal(100))


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    yield from _achievements(report)
    for change in report.changes:
        current, baseline = _values(change, report)
        if current is None or baseline is None:
            continue
        cur, base = Interval.of(current), Interval.of(baseline)
        diff = cur - base
        readings = [("selisih", diff)]
        try:
            readings.append(("perubahan relatif", diff / base * _100))
        except ArithmeticError:
            pass
        amount = change.amount
        signed = [(name, iv if change.up else -iv) for name, iv in readings]
        if any(judge(amount, iv) is None for _, iv in signed):
            continue
        went_up = current.value > baseline.value
        name, iv = signed[0]
        verdict = judge(amount, iv, expected_decimals=amount.decimals)
        if verdict is None or verdict.grade == "note":
            continue
        variant = "direction" if current.value != baseline.value and went_up != change.up else "default"
        block = change.block
        yield Draft(
            location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
            actual=to_json_number(amount.value), expected=to_json_number(abs(verdict.expected)) if variant == "default" else None,
            grade="mismatch" if variant == "direction" else verdict.grade, variant=variant,
            values={"sentence": excerpt(change.sentence), "current": current.raw, "baseline": baseline.raw,
                    "printed": amount.raw, "difference": _fmt(diff.point), "relative": _fmt(readings[-1][1].point)},
            evidence={"sentence": change.sentence},
            key=f"compare|{excerpt(change.sentence, 120)}|{amount.raw}",
        )


def _achievements(report) -> Iterator[Draft]:
    """"telah mencapai target" needs realisasi ≥ target (≤ for lower-is-better) or capaian ≥ 100; "belum" the reverse."""
    for a in report.achievements:
        if a.capaian is not None:
            reached = a.capaian.value >= 100
            basis = {"capaian": a.capaian.raw}
        else:
            negative = is_negative(a.sentence, report)
            reached = a.realisasi.value <= a.target.value if negative else a.realisasi.value >= a.target.value
            basis = {"realisasi": a.realisasi.raw, "target": a.target.raw}
        if reached == a.met:
            continue
        block = a.block
        yield Draft(
            location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
            actual="tercapai" if a.met else "belum tercapai", expected="belum tercapai" if a.met else "tercapai",
            grade="mismatch", variant="achievement",
            values={"sentence": excerpt(a.sentence), "basis": ", ".join(f"{k} {v}" for k, v in basis.items())},
            evidence={"sentence": a.sentence},
            key=f"achievement|{excerpt(a.sentence, 120)}",
        )


def _values(change, report):
    current, baseline = change.current, change.baseline
    if (current is None or baseline is None) and change.entity and change.measure and change.later and change.earlier:
        facts = [f for f in report.facts if f.entity == change.entity and f.measure == change.measure and f.source == "table"]
        later = {f.value.value: f.value for f in facts if f.period == change.later}
        earlier = {f.value.value: f.value for f in facts if f.period == change.earlier}
        if current is None and len(later) == 1:
            current = next(iter(later.values()))
        if baseline is None and len(earlier) == 1:
            baseline = next(iter(earlier.values()))
    return current, baseline


def _fmt(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")
