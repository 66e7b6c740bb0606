"""The base of a rate, per indicator, across the text: "AKB … 4,88 per 1000 kelahiran hidup".

An indicator's rate keeps its base ("per 1000", "per 100.000") wherever it is
stated. A sentence contributes when all its rates share one base and one
indicator is what it is about: the acronym it names most often (AKB), counting
a spelled-out name whose initials are that acronym ("Angka Kematian Bayi"). Only
acronyms whose spelled-out form starts with an indicator word (Angka, Indeks,
Rasio, Persentase …) count, so a plan or a survey named beside the rate (RPJMD,
SDKI) is not taken for the indicator.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lkjip_lint.document import Heading, Paragraph
from lkjip_lint.interpret.claims import sentences, tokens

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+\b")
INDICATOR_HEADS = ("angka", "indeks", "rasio", "persentase", "prosentase", "tingkat", "jumlah", "cakupan",
                   "prevalensi", "laju", "proporsi", "rata")


@dataclass
class RateStatement:
    """A sentence stating an indicator's rate and its base ("AKB … 4,88 per 1000 kelahiran hidup")."""

    entity: str
    base: int
    sentence: str
    block: object


def rate_statements(report) -> list[RateStatement]:
    blocks = [b for b in report.texts if isinstance(b, (Paragraph, Heading)) and "per" in b.text.lower()]
    if not blocks:
        return []
    indicators = _indicator_acronyms(report)
    if not indicators:
        return []
    out = []
    for block in blocks:
        for sentence in sentences(block.text):
            bases = {t.per_base for t in tokens(sentence, report.vocab.claims) if t.per_base}
            if len(bases) != 1:
                continue
            named = Counter(a for a in _ACRONYM.findall(sentence) if a in indicators)
            for run in _CAPITALISED_RUN.findall(sentence):
                initials = "".join(w[0] for w in run.split()).upper()
                if initials in indicators:
                    named[initials] += 1
            top = named.most_common(2)
            if not top or len(top) == 2 and top[0][1] == top[1][1]:
                continue  # about no indicator, or two equally
            out.append(RateStatement(top[0][0], bases.pop(), sentence, block))
    return out


def _indicator_acronyms(report) -> set[str]:
    """Acronyms the report spells out as an indicator's name ("Angka Kematian Bayi" … "AKB")."""
    text = " ".join(b.text for b in report.texts)
    present = set(_ACRONYM.findall(text))
    found = set()
    for run in _CAPITALISED_RUN.findall(text):
        words = run.split()
        initials = "".join(w[0] for w in words).upper()
        if initials in present and words[0].lower() in INDICATOR_HEADS:
            found.add(initials)
    return found
