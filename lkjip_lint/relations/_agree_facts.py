"""agree, of: facts — one indicator, one measure, one period: one value, wherever it is stated.

A sentence that names an indicator and states its target, realisasi or capaian
must give the value its table gives for the same year (within the printed
precision of both). When the sentence also states target and realisasi and its
capaian follows from them, the table cell is the one that disagrees: the
finding is placed there, with the sentence's value as expected. Two different
indicators that happen to share a value are never compared.

A rate keeps its base for one indicator: "AKB … per 1000 kelahiran hidup" in most
sentences and "per 1200" in one is a finding on that one.

Good:  Tabel 3.67: Nilai Evaluasi Kinerja Anggaran | 89 | 87.93 | 98.80% ⏎ "… memperoleh nilai 87.93 atau 98.80%."
Bad:   Tabel 3.67: Nilai Evaluasi Kinerja Anggaran | 89 | 87.93 | 98.80% ⏎ "… memperoleh nilai 87.93 atau 98.90%."   (expected 98.8)
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.interpret.claims import sentences, tokens
from lkjip_lint.interpret.facts import MEASURES
from lkjip_lint.interpret.indicators import indicator_name, pk_targets
from lkjip_lint.numbers import Num, parse_number
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.rate_units import rate_statements
from lkjip_lint.relations._named_rows import named_row_values

_100 = Interval.exact(Decimal(100))


def run(ctx: Context) -> Iterator[Draft]:
    """Each disagreement once: a sentence restating a row and naming its indicator is read both ways."""
    seen = set()
    for draft in _disagreements(ctx.report):
        at = draft.location
        key = (at.line, at.page, at.paragraph, at.table, at.row, draft.actual, draft.expected)
        if key not in seen:
            seen.add(key)
            yield draft


def _disagreements(report) -> Iterator[Draft]:
    pk = pk_targets(report)
    yield from _rate_bases(report)
    restated = list(_restated_rows(report, pk))
    yield from restated
    checked_elsewhere = {(c.sentence, c.value.raw) for c in report.claims
                         if c.kind == "indicator_capaian" and c.indicator_capaian is not None}
    compared = checked_elsewhere | {(f.sentence, f.value.raw) for f in report.facts if f.source == "text"}
    compared |= {(d.evidence["sentence"], d.values["text_value"]) for d in restated}
    yield from named_row_values(report, compared)
    groups: dict[tuple, list] = defaultdict(list)
    for f in report.facts:
        groups[(f.entity, f.measure, f.period)].append(f)
    for (entity, measure, period), facts in groups.items():
        table = [f for f in facts if f.source == "table"]
        text = [f for f in facts if f.source == "text"]
        if not table or not text or not _one_value(table):
            continue
        ref = table[0]
        for f in text:
            if (f.sentence, f.value.raw) in checked_elsewhere:
                continue  # the capaian check of the indicator compares it already
            verdict = judge(f.value, Interval.of(ref.value), expected_decimals=ref.value.decimals)
            if verdict is None or verdict.grade == "note":
                continue
            if measure == "target" and _pk_agrees(pk, entity, f.value):
                continue  # the sentence keeps the Perjanjian Kinerja's target; PK001 reports the table's
            if measure == "capaian" and _sentence_computes(f, report, entity):
                yield _draft(ref, f.value, ref, f, entity, measure, period, on_table=True)
            else:
                yield _draft(f, ref.value, ref, f, entity, measure, period, verdict.grade)


def _rate_bases(report) -> Iterator[Draft]:
    """One indicator, one base for its rate: a sentence giving another base than most of the others."""
    by_entity: dict[str, list] = defaultdict(list)
    for st in rate_statements(report):
        by_entity[st.entity].append(st)
    for entity, statements in by_entity.items():
        counts = Counter(st.base for st in statements)
        (usual, n), *rest = counts.most_common()
        if n < 2 or n <= len(statements) - n:
            continue  # no base is stated by most
        for st in statements:
            if st.base == usual:
                continue
            block = st.block
            yield Draft(
                location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
                actual=_per(st.base), expected=_per(usual), grade="mismatch", variant="rate_base",
                values={"indicator": entity, "sentence": excerpt(st.sentence), "usual": _per(usual), "count": n},
                evidence={"sentence": st.sentence},
                key=f"rate|{entity}|{st.base}|{excerpt(st.sentence, 80)}",
            )


_PRINTED = re.compile(r"\d+\s*:\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)+|\d{2,}")


def _printed_values(text: str) -> list[str]:
    """Values as printed ("1:17,9", "83,86", "115"), years and small counts left out."""
    out = []
    for m in _PRINTED.finditer(text):
        v = re.sub(r"\s+", "", m.group(0))
        if v.isdigit() and (1900 <= int(v) <= 2100 or int(v) < 10):
            continue
        out.append(v)
    return out


def _shape(v: str) -> tuple:
    m = re.fullmatch(r"\d+(?:([.,])(\d+))?", v)
    return (m.group(1), len(m.group(2) or "")) if m else None


def _restated_rows(report, pk: dict) -> Iterator[Draft]:
    """A sentence that repeats two values of one table row (which may have no header at all) restates that
    row: a value it gives for a target, realisasi or capaian must be the row's. The row's value is the one
    cell of the same printed shape the sentence did not repeat; with none or several, nothing is said."""
    rows = []
    for view in report.views:
        for row in view.rows:
            if row.type != "data":
                continue
            cells = [re.sub(r"\s+", "", c) for c in row.cells if c and _printed_values(c) == [re.sub(r"\s+", "", c)]]
            if len(cells) >= 3:
                rows.append((view, row, cells))
    if not rows:
        return
    words = report.vocab.claims
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)) or not re.search(r"\d", block.text):
            continue
        for sentence in sentences(block.text):
            stated = set(_printed_values(sentence))
            if len(stated) < 3:
                continue
            hits = [(view, row, cells) for view, row, cells in rows if len(stated & set(cells)) >= 2]
            if len(hits) != 1:
                continue
            view, row, cells = hits[0]
            left = [c for c in cells if c not in stated and _shape(c) is not None]
            for t in tokens(sentence, words):
                raw = re.sub(r"\s+", "", t.num.raw).rstrip("%")
                if t.role not in MEASURES or raw in cells or _shape(raw) is None:
                    continue
                same = [c for c in left if _shape(c) == _shape(raw)]
                if len(same) != 1:
                    continue
                if t.role == "target" and _pk_agrees(pk, _indicator_of(report, view, row), t.num):
                    continue  # the sentence keeps the Perjanjian Kinerja's target; PK001 reports the row's
                if t.role == "capaian" and _row_fits(view, row, t.num) and not _row_fits(view, row, parse_number(same[0])):
                    # the sentence's capaian follows from the row's own target and realisasi and the row's does
                    # not: the cell is the wrong one (with the sentence's value as expected), not the sentence
                    table_at = _Stated(view.location(row), parse_number(same[0]), f"{view.name}, {row.label}")
                    text_at = _Stated(None, t.num, "", sentence)
                    yield _draft(table_at, t.num, table_at, text_at, row.label, "capaian", None, on_table=True)
                    continue
                loc = Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1)
                yield Draft(
                    location=loc, actual=to_json_number(t.num.value), expected=to_json_number(parse_number(same[0]).value),
                    grade="mismatch", variant="row",
                    values={"sentence": excerpt(sentence), "text_value": t.num.raw, "table_value": same[0],
                            "where": f"{view.name}, {row.label}", "measure": t.role},
                    evidence={"sentence": sentence, "table": view.snapshot([{"row": row.index, "col": None}])},
                    key=f"row|{view.ident}|{row.label}|{t.num.raw}",
                )


@dataclass
class _Stated:
    """A value and where it stands, shaped as a fact for _draft: a restated row's cell or its sentence's value."""

    location: Location | None
    value: Num
    where: str
    sentence: str | None = None


def _pk_agrees(pk: dict, entity: str | None, value: Num) -> bool:
    """The operative Perjanjian Kinerja gives the indicator this target."""
    signed = pk.get(entity) if entity else None
    return signed is not None and signed[0].value == value.value


def _indicator_of(report, view, row) -> str | None:
    ind = report.find_indicator(indicator_name(view, row))
    return ind.name if ind else None


def _row_fits(view, row, value) -> bool:
    """`value` is a capaian the row's own target and realisasi give, by any of the three formulas in use."""
    targets, actuals = view.cols("target"), view.cols("realisasi")
    if len(targets) != 1 or len(actuals) != 1 or not isinstance(value, Num):
        return False
    t, r = view.num(row, targets[0]), view.num(row, actuals[0])
    if t is None or r is None:
        return False
    try:
        return any(judge(value, c) is None for c in _capaian_options(Interval.of(t, exact=True), Interval.of(r)))
    except ArithmeticError:
        return False


def _capaian_options(t: Interval, r: Interval) -> list[Interval]:
    """R / T (higher is better), then (2T − R) / T and T / R (lower is better)."""
    return [r / t * _100, (Interval.exact(Decimal(2)) * t - r) / t * _100, t / r * _100]


def _per(base: int) -> str:
    return "per " + f"{base:,}".replace(",", ".")


def _one_value(table) -> bool:
    ref = table[0]
    return all(judge(t.value, Interval.of(ref.value)) is None for t in table[1:])


def _sentence_computes(fact, report, entity) -> bool:
    """The sentence states target and realisasi of the same indicator and its capaian follows from them."""
    same = {f.measure: f.value for f in report.facts
            if f.source == "text" and f.sentence == fact.sentence and f.entity == entity}
    if "target" not in same or "realisasi" not in same:
        return False
    t, r = Interval.of(same["target"], exact=True), Interval.of(same["realisasi"])
    try:
        options = _capaian_options(t, r)
    except ArithmeticError:
        return False
    negative = is_negative(entity, report)
    options = options[1:] if negative else options[:1]
    return any(judge(fact.value, c) is None for c in options)


def _draft(at, expected_num, table_fact, text_fact, entity, measure, period, grade="mismatch", on_table=False) -> Draft:
    printed = at.value
    return Draft(
        location=at.location,
        actual=to_json_number(printed.value),
        expected=to_json_number(expected_num.value),
        grade=grade,
        variant="table" if on_table else "default",
        values={"indicator": entity, "measure": measure, "period": period or "",
                "text_value": text_fact.value.raw, "table_value": table_fact.value.raw,
                "where": table_fact.where, "sentence": excerpt(text_fact.sentence or "")},
        evidence={"sentence": text_fact.sentence, "table": table_fact.where},
        key=f"agree|{entity}|{measure}|{period}|{printed.raw}|{excerpt(text_fact.sentence or '', 80)}",
    )
