"""The capaian convention a report follows, learned from its own rows.

For a lower-is-better indicator a report computes capaian as (2T − R) / T × 100
or as T / R × 100 (DOMAIN.md A2), and a report keeps to one of them. Every place
that states target, realisasi and capaian of one negative indicator — a table
row (its facts) or a sentence — whose capaian exactly one of the two formulas
reproduces is a vote for that formula. The report's convention is settled when
at least MIN_VOTES places vote for one formula and the others are a clear
minority (fewer than half as many): a deviating place is then a slip, not a
second convention, and is judged by the report's formula. Too few votes, or a
mix, settle nothing: every negative formula stays admissible, as without a
convention.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from lkjip_lint.engine.expr import Formula
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.interpret.polarity import is_negative

POSITIVE = ("R / T", "realisasi / target * 100")
NEGATIVE = {"(2T − R) / T": "(2 * target - realisasi) / target * 100", "T / R": "target / realisasi * 100"}
MIN_VOTES = 2  # one row is an example, not a convention
# two points where every pair of the formulas above differs: equal values there means the same formula
_PROBES = ({"target": Decimal(7), "realisasi": Decimal(3)}, {"target": Decimal(11), "realisasi": Decimal(13)})


@dataclass(frozen=True)
class Convention:
    """The negative-polarity capaian formula a report keeps to, if settled, and the votes of its places."""

    negative: str | None = None  # the settled negative formula ("(2T − R) / T" or "T / R"), None when unsettled
    votes: dict[str, int] = field(default_factory=dict)  # formula → places only it reproduces
    places: int = 0  # negative places stating target, realisasi and capaian

    def admits(self, formula: Formula) -> bool:
        """A negative-polarity formula may judge a row: any of them while nothing is settled, else only the report's."""
        return self.negative is None or same_formula(formula, formula_of(NEGATIVE[self.negative]))

    def formula(self) -> Formula | None:
        return formula_of(NEGATIVE[self.negative]) if self.negative else None

    def counts(self) -> dict[str, int]:
        """For messages: places following the settled formula, of all places that vote."""
        return {"convention_rows": self.votes.get(self.negative, 0), "convention_votes": sum(self.votes.values())}

    def describe(self) -> str:
        if self.negative:
            return f"{self.negative} ({self.votes[self.negative]} of {sum(self.votes.values())} places)"
        return "not settled" + (f" (votes {self._tally()})" if self.votes else "")

    def _tally(self) -> str:
        return ", ".join(f"{name}: {n}" for name, n in self.votes.items())


@lru_cache(maxsize=None)
def formula_of(expr: str) -> Formula:
    return Formula(expr)


def same_formula(a: Formula, b: Formula) -> bool:
    if a.names.keys() != b.names.keys():
        return False
    try:
        return all(a(env).point == b(env).point for env in _envs())
    except (ArithmeticError, KeyError):
        return False


def _envs():
    return [{k: Interval.exact(v) for k, v in probe.items()} for probe in _PROBES]


def fitting(target, realisasi, capaian, declared_target: bool = True) -> list[str]:
    """Names of the formulas (positive and negative) that reproduce a printed capaian."""
    env = {"target": Interval.of(target, exact=declared_target), "realisasi": Interval.of(realisasi)}
    out = []
    for name, expr in (POSITIVE, *NEGATIVE.items()):
        try:
            if judge(capaian, formula_of(expr)(env)) is None:
                out.append(name)
        except ArithmeticError:
            continue
    return out


def learn_convention(facts, claims, report) -> Convention:
    votes = {name: 0 for name in NEGATIVE}
    places = 0
    for target, realisasi, capaian, negative in _places(facts, claims, report):
        if not negative:
            continue
        places += 1
        fits = [name for name in fitting(target, realisasi, capaian) if name in NEGATIVE]
        if len(fits) == 1:
            votes[fits[0]] += 1
    votes = {name: n for name, n in votes.items() if n}
    settled = None
    if votes:
        best = max(votes, key=votes.get)
        others = sum(votes.values()) - votes[best]
        if votes[best] >= MIN_VOTES and votes[best] > 2 * others:
            settled = best
    return Convention(settled, votes, places)


def _places(facts, claims, report):
    """(target, realisasi, capaian, negative) of every row and sentence stating all three for one indicator."""
    for group in _rows(facts).values():
        if {"target", "realisasi", "capaian"} <= group.keys():
            entity = group["capaian"].entity
            yield group["target"].value, group["realisasi"].value, group["capaian"].value, is_negative(entity, report)
    for claim in claims:
        if claim.kind == "capaian" and {"target", "realisasi", "capaian"} <= claim.values.keys():
            negative = bool(claim.negative) or is_negative(claim.sentence, report)
            yield claim.values["target"], claim.values["realisasi"], claim.values["capaian"], negative


def _rows(facts) -> dict[tuple, dict]:
    """Facts of one table row (or one sentence) and one year, by measure; a measure stated twice there is ambiguous."""
    rows: dict[tuple, dict] = {}
    twice: set[tuple] = set()
    for f in facts:
        key = (f.source, f.where, f.entity, f.period)
        row = rows.setdefault(key, {})
        if f.measure in row:
            twice.add(key)
        row[f.measure] = f
    return {k: v for k, v in rows.items() if k not in twice}


def with_formulas(facts: list) -> list:
    """Capaian facts of a row that also states target and realisasi say which formula their value follows."""
    out = list(facts)
    index = {id(f): i for i, f in enumerate(facts)}
    for group in _rows(facts).values():
        if not {"target", "realisasi", "capaian"} <= group.keys():
            continue
        cap = group["capaian"]
        fits = fitting(group["target"].value, group["realisasi"].value, cap.value)
        follows = " or ".join(fits) if fits else "no formula"
        out[index[id(cap)]] = replace(cap, how=f"{cap.how}; capaian = {follows}")
    return out
