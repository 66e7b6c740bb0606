"""Change statements: "meningkat … dibandingkan dengan realisasi Tahun 2019 yaitu 67,1 dengan
peningkatan sebesar 5,29 point", "hasil capaian kinerja tahun 2016 jika dibandingkan dengan tahun
2015 terjadi peningkatan capaian kinerja sebesar 8,54", "turun 4,72 % dari 101,15 %".

A change statement names a direction (naik / turun), an amount, the measure
(capaian, realisasi, nilai) and what is compared: a baseline stated in the
sentence ("dari Y", "yaitu Y"), or two years whose values the facts give. The
current value is stated ("menjadi Z"), taken up from the sentence before
("realisasi tersebut"), or the fact of the later year. Which entity: the
indicator the sentence names, else the one the passage was about, else the
only indicator of the table the sentence cites.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.document import Heading, Paragraph
from lkjip_lint.interpret.claims import mentioned_indicator, sentences, tokens
from lkjip_lint.numbers import Num

_UP = r"peningkatan|kenaikan|meningkat|naik|bertambah|penambahan"
_DOWN = r"penurunan|menurun|turun|berkurang|pengurangan"
_CHANGE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
_SEBESAR = re.compile(r"\b(?:sebesar|senilai)\s*$", re.I)
_YEAR = re.compile(r"\b(?:tahun|th\.?)\s*((?:19|20)\d\d)\b", re.I)
_MEASURE = re.compile(r"\b(capaian|realisasi|nilai|target)\b", re.I)
_BASELINE = re.compile(r"(?:\bdari|\byaitu|\bsebesar|\bsenilai)\s*$", re.I)
_ANAPHOR = re.compile(r"\b(realisasi|capaian)\s+(?:tersebut|ini)\b", re.I)
_ANAPHOR_SOURCE = re.compile(r"\b(realisasi|terealisasi|capaian)\b", re.I)  # a sentence "realisasi tersebut" may point back to
_COMPARED = re.compile(r"\b(?:(?:jika|bila|apabila)\s+)?(?:di)?banding(?:kan)?\b", re.I)  # "… dibandingkan tahun 2021 …"
_BECOMES = re.compile(r"\bmenjadi\s*$", re.I)
_TABLE_REF = re.compile(r"\btabel\s+((?:\d+|[IVX]+)(?:\.\d+)*)", re.I)


@dataclass
class Change:
    """A change statement: direction, amount and measure, the entity, and the years or values it compares."""

    sentence: str
    block: object
    up: bool
    amount: Num
    measure: str | None
    entity: str | None
    later: int | None = None
    earlier: int | None = None
    baseline: Num | None = None
    current: Num | None = None
    table: str | None = None  # the table the sentence cites ("3.3.9")


def change_statements(report) -> list[Change]:
    out: list[Change] = []
    indicators = report.indicators
    words, ignored = report.vocab.claims, report.vocab.indicators.generic_words
    entity: str | None = None
    previous: list = []  # the tokens of the sentence before
    for block in report.texts:
        if isinstance(block, Heading):
            entity, previous = None, []
        if not isinstance(block, (Paragraph, Heading)):
            continue
        for sentence in sentences(block.text):
            if len(sentence) > 1000:
                continue
            if not _CHANGE.search(sentence):
                named = mentioned_indicator(sentence, indicators, ignored) if indicators and _MEASURE.search(sentence) else None
                entity = named.name if named else entity
                previous = tokens(sentence, words) if _ANAPHOR_SOURCE.search(sentence) else previous
                continue
            toks = tokens(sentence, words)
            named = mentioned_indicator(sentence, indicators, ignored) if indicators else None
            entity = named.name if named else entity
            change = _change(sentence, toks, previous, block, entity, report.year)
            if change is not None:
                out.append(change)
            previous = toks
    return out


def _change(sentence, toks, previous, block, entity, year) -> Change | None:
    for m in _CHANGE.finditer(sentence):
        amount = next((t for t in toks if t.start > m.end()), None)
        if amount is None:
            return None
        gap = sentence[m.end():amount.start]
        if len(gap) <= 60 and (_SEBESAR.search(gap) or not gap.strip()):
            return _statement(sentence, toks, previous, block, entity, year, m, amount)
    return None


def _statement(sentence, toks, previous, block, entity, year, m, amount) -> Change:
    measures = _MEASURE.findall(sentence)
    years = [int(y) for y in _YEAR.findall(sentence)]
    change = Change(sentence, block, up=bool(m.group("up")), amount=amount.num,
                    measure=measures[0].lower() if measures else None, entity=entity)
    compared = _COMPARED.search(sentence, amount.end)
    later_half = [t for t in toks if compared and t.start >= compared.end()]
    earlier_half = [t for t in toks if t.end <= m.start()]
    if later_half and earlier_half and _alike(earlier_half[-1], later_half[0]):
        # "… tahun 2022 sebesar 5,84, naik 0,13 dibandingkan tahun 2021 yang sebesar 5,71": the value before
        # the change is the current one, the first after "dibandingkan" the baseline
        change.current, change.baseline = earlier_half[-1].num, later_half[0].num
        baseline = None
    else:
        baseline = next((t for t in toks if t is not amount and t.start < m.start()
                         and _BASELINE.search(sentence[max(0, t.start - 12):t.start])), None)
    if baseline is not None:
        change.baseline = baseline.num
        anaphor = _ANAPHOR.search(sentence[:m.start()])
        if anaphor:
            role = anaphor.group(1).lower()
            same = [t for t in previous if not t.num.money and t.role == role]
            change.current = same[-1].num if same else None
        stated = next((t for t in toks if t is not amount and t is not baseline
                       and _BECOMES.search(sentence[max(0, t.start - 12):t.start])), None)
        if change.current is None and stated is not None and _alike(stated, baseline):
            change.current = stated.num  # "turun menjadi 4,87% dari 5,32%"
    if len(set(years)) == 2:
        change.later, change.earlier = max(years), min(years)
    elif len(set(years)) == 1 and change.baseline is not None and change.current is None:
        change.earlier, change.later = years[0], year
    ref = _TABLE_REF.search(sentence)
    change.table = ref.group(1) if ref else None
    return change


def _alike(a, b) -> bool:
    """Two values of one measure: both percentages or neither, both money or neither."""
    return a.num.percent == b.num.percent and a.num.money == b.num.money


# ------------------------------------------------------------------ "telah mencapai target" / "belum mencapai target"

_NOT_MET = re.compile(r"\b(?:belum|tidak)\s+(?:\w+\s+){0,2}?(?:mencapai|memenuhi|tercapai)\s+(?:\w+\s+){0,1}?target\b", re.I)
_MET = re.compile(r"\b(?:mencapai|memenuhi|melampaui|melebihi|di\s*atas)\s+(?:\w+\s+){0,1}?target\b", re.I)


_COUNTED = re.compile(r"\s*(?:\([a-z\s]+\)\s*)?(?!persen\b|per\b)[A-Za-z]{3,}")


@dataclass
class Achievement:
    """A sentence saying whether a target was met, with the realisasi, target or capaian it states."""

    sentence: str
    block: object
    met: bool
    realisasi: Num | None = None
    target: Num | None = None
    capaian: Num | None = None


def achievement_statements(report) -> list[Achievement]:
    """"… 78,51% yang berarti telah mencapai target RKPD yang sebesar 72,05%", "capaian 90,49% atau belum bisa
    memenuhi target": the realisasi and target (or the capaian) of the sentence, and whether it says met."""
    out = []
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)):
            continue
        for sentence in sentences(block.text):
            if len(sentence) > 1000:
                continue
            not_met = _NOT_MET.search(sentence)
            met = None if not_met else _MET.search(sentence)
            phrase = not_met or met
            if phrase is None:
                continue
            # "pencapaian sebanyak 1 Tujuan": a number followed by a noun is a count, not a value
            toks = [t for t in tokens(sentence, report.vocab.claims) if not t.num.money
                    and (t.num.percent or t.num.decimals or not _COUNTED.match(sentence, t.end))]
            a = Achievement(sentence, block, met=met is not None)
            caps = [t for t in toks if t.role == "capaian"]
            targets = [t for t in toks if t.role == "target"]
            before = [t for t in toks if t.end <= phrase.start() and t.role in (None, "realisasi")]
            if len(caps) == 1:
                a.capaian = caps[0].num
            if len(targets) == 1 and before:
                a.target, a.realisasi = targets[0].num, before[-1].num
            if a.capaian is not None or a.target is not None:
                out.append(a)
    return out
