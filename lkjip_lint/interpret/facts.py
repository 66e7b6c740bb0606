"""Facts: every stated value of an indicator, wherever it is stated.

    Fact(entity, measure, period, value, source)

Table facts come from the indicator rows of capaian, multi-year, efficiency and
PK tables (the column's role is the measure, its year the period), and from the
budget rows the entity index knows as programmes, kegiatan or sub kegiatan
(pagu, realisasi anggaran, serapan, sisa). Text facts
come from sentences that name an indicator: a number takes its measure from
the keyword before it ("terealisasi 92,22", "tingkat capaian 101,46"), or, when
no keyword says, from the table value of the same indicator it repeats exactly
("memperoleh nilai 87.93" is the realisasi 87.93 of the table); a percentage
right after such a value ("87.93 atau 98.90 %") is its capaian. The period is
the year named just before the number, else the report year. Sentences about
a medium-term target (RPJMD, Renstra, target akhir) state other measures and
give no facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.interpret.claims import mentioned_indicator, sentences, tokens
from lkjip_lint.interpret.indicators import INDICATOR_KINDS, indicator_name
from lkjip_lint.numbers import Num

MEASURES = ("target", "realisasi", "capaian")
BUDGET_MEASURES = ("pagu", "realisasi_anggaran", "serapan", "sisa")
BUDGET_ENTITY_KINDS = ("program", "kegiatan", "sub_kegiatan")
TABLE_KINDS = tuple(k for k in INDICATOR_KINDS if k not in ("renstra", "pk", "pk_amendment"))
_YEAR = re.compile(r"\b(?:tahun|th\.?|ta\.?)\s*((?:19|20)\d\d)\b", re.I)
_OTHER_HORIZON = re.compile(r"\b(rpjmd?|renstra|target\s+akhir|jangka\s+menengah|akhir\s+periode|tahun\s+\d{4}\s*[-–]\s*\d{4})\b", re.I)
_VALUE_WORD = re.compile(r"\b(?:nilai|skor|indeks|angka)(?:nya)?\s*(?:sebesar|senilai|yaitu|adalah)?\s*$", re.I)
_CAPAIAN_AFTER = re.compile(r"^\s*(?:atau|\()\s*(?:sebesar)?\s*$", re.I)


@dataclass(frozen=True)
class Fact:
    """One stated value of an entity: measure, period and value, and where (table or text) it is stated."""

    entity: str
    measure: str
    period: int | None
    value: Num
    source: str  # "table" | "text"
    location: Location
    where: str  # "Tabel 3.67, baris Nilai Evaluasi …" or the sentence
    sentence: str | None = None
    how: str = "column"  # column | keyword | repeats-table-value | capaian-after-value | value-before-capaian
    kind: str = "indikator"  # the entity's kind (interpret/entities.py): indikator, program, kegiatan …


def table_facts(report) -> list[Fact]:
    out = []
    year = report.year
    for view in report.views:
        if view.kind == "budget":
            out.extend(_budget_facts(report, view))
            continue
        if view.kind not in TABLE_KINDS:
            continue
        for row in view.rows:
            if row.type != "data":
                continue
            name = indicator_name(view, row)
            ind = report.find_indicator(name) if _names_something(name) else None
            if ind is None:
                continue
            for col in view.columns:
                n = view.num(row, col)
                if n is None or col.role not in MEASURES:
                    continue
                if len(view.cols(col.role)) > 1 and col.year is None:
                    continue  # several such columns and no year to tell them apart
                out.append(Fact(ind.name, col.role, col.year or year, n, "table", view.location(row, col),
                                f"{view.name}, {row.label}"))
    return out


def _budget_facts(report, view) -> list[Fact]:
    """Pagu, realisasi and serapan of the rows the entity index knows as programmes, kegiatan or sub kegiatan."""
    out = []
    for row in view.rows:
        entity = report.entities.find(row.label) if row.type == "data" else None
        if entity is None or entity.kind not in BUDGET_ENTITY_KINDS:
            continue
        for col in view.columns:
            n = view.num(row, col)
            if n is not None and col.role in BUDGET_MEASURES and len(view.cols(col.role)) == 1:
                out.append(Fact(entity.name, col.role, col.year or report.year, n, "table", view.location(row, col),
                                f"{view.name}, {row.label}", kind=entity.kind))
    return out


def _names_something(name: str) -> bool:
    """An indicator's name has two words or is an acronym ("IKM", "-SDMI"); a cut label ("Rata -") is neither."""
    words = re.findall(r"[A-Za-z]{2,}", name)
    return len(words) >= 2 or any(w.isupper() and len(w) >= 2 for w in words)


def text_facts(report, table: list[Fact]) -> list[Fact]:
    indicators = report.indicators
    if not indicators:
        return []
    known: dict[str, list[Fact]] = {}
    for f in table:
        known.setdefault(f.entity, []).append(f)
    out = []
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)) or not re.search(r"\d", block.text):
            continue
        for sentence in sentences(block.text):
            if len(sentence) > 1000 or _OTHER_HORIZON.search(sentence):
                continue
            out.extend(_sentence_facts(sentence, block, report, indicators, known))
    return out


def _sentence_facts(sentence, block, report, indicators, known) -> list[Fact]:
    out: list[Fact] = []
    toks = tokens(sentence, report.vocab.claims)
    bound: list[tuple[object, str | None]] = []
    for i, t in enumerate(toks):
        if t.num.money:
            bound.append((t, None))
            continue
        ind = mentioned_indicator(sentence[:t.start], indicators, report.vocab.indicators.generic_words)
        if ind is None:
            bound.append((t, None))
            continue
        period = _period(sentence, toks, i, report.year)
        measure, how = (t.role, "keyword") if t.role in MEASURES else (None, "")
        if measure is None:
            measure, how = _by_value(t.num, known.get(ind.name, []), period), "repeats-table-value"
        if measure is None and t.num.percent and i and bound[i - 1][1] == "realisasi" \
                and _CAPAIAN_AFTER.match(sentence[toks[i - 1].end:t.start]):
            measure, how = "capaian", "capaian-after-value"  # "nilai 87.93 atau 98.90 %"
        if measure is None and not t.num.percent and _VALUE_WORD.search(sentence[:t.start]) \
                and i + 1 < len(toks) and toks[i + 1].num.percent \
                and _CAPAIAN_AFTER.match(sentence[t.end:toks[i + 1].start]):
            measure, how = "realisasi", "value-before-capaian"  # "memperoleh nilai 87.93 atau 98.90 %"
        bound.append((t, measure))
        if measure is None:
            continue
        loc = Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1)
        out.append(Fact(ind.name, measure, period, t.num, "text", loc, sentence, sentence, how))
    return out


def _period(sentence: str, toks, i: int, year: int | None) -> int | None:
    """The last year named before the number in its sentence ("target pada tahun 2022 … 62 sedangkan
    realisasi … 57": both 2022), else the report year."""
    years = _YEAR.findall(sentence[:toks[i].start])
    return int(years[-1]) if years else year


def _by_value(num: Num, facts: list[Fact], period: int | None) -> str | None:
    """A number with no keyword that repeats exactly one table value of its indicator and period."""
    measures = {f.measure for f in facts if f.period == period and f.value.value == num.value}
    return measures.pop() if len(measures) == 1 else None


def all_facts(report) -> list[Fact]:
    table = table_facts(report)
    return table + text_facts(report, table)
