"""Values the text states for a table row it names by its label.

"… terendah pada Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan
Daerah sebesar 86,08%" names a row of Tabel 3.5: the number right after the label
is a value of that row (relations/_named_rows.py compares it with the row).

"Rata-rata capaian kinerja sebesar 101,25%" names the report's average row of
capaian when it has exactly one.

Precision first: the label must be long enough to name one row (three words or
more, one data row in the whole report); the value must follow it closely, with
no other number between; a sentence naming a year other than the report's is
about another year and gives none.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from lkjip_lint.document import Heading, Paragraph
from lkjip_lint.interpret.claim_types import Token
from lkjip_lint.interpret.claims import sentences, tokens

MIN_WORDS = 3  # "Program Penunjang Urusan": fewer words name too many things
MAX_GAP = 40  # characters between the label and its value ("… Daerah sebesar ")
_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AVERAGE = re.compile(r"\b(?:rata\s*[-–]?\s*rata|rerata)\s+(?:nilai\s+)?capaian(?:\s+kinerja)?(?:\s+(?:iku|indikator|sasaran|organisasi|keseluruhan))*\b", re.I)


@dataclass
class NamedValue:
    """A number the text gives right after a table row's label: the sentence, its block, the row and the number."""

    sentence: str
    block: object
    view: object
    row: object
    token: Token


def named_values(report) -> list[NamedValue]:
    index = _label_index(report)
    average = _the_average_row(report)
    if not index and average is None:
        return []
    out: list[NamedValue] = []
    words = report.vocab.claims
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)) or not re.search(r"\d", block.text):
            continue
        for sentence in sentences(block.text):
            if len(sentence) > 1500 or _other_year(sentence, report.year):
                continue
            toks = tokens(sentence, words)
            if not toks:
                continue
            named = list(_named(sentence, index))
            if average is not None:
                named += [(*average, m.end()) for m in _AVERAGE.finditer(sentence)]
            for view, row, end in named:
                tok = next((t for t in toks if t.start >= end), None)
                if tok is None or tok.start - end > MAX_GAP or re.search(r"\d", sentence[end:tok.start]):
                    continue
                out.append(NamedValue(sentence, block, view, row, tok))
    return out


def _the_average_row(report) -> tuple[object, object] | None:
    """The report's one average row of capaian ("Rata-rata capaian | | | 101,19"), which "rata-rata capaian
    kinerja sebesar …" names; with several (one per sasaran) the sentence could mean any, so none."""
    rows = [(view, row) for view in report.views for row in view.rows
            if row.type == "average" and any(view.num(row, c) is not None for c in view.cols("capaian"))]
    return rows[0] if len(rows) == 1 else None


def _label_index(report) -> dict[tuple[str, str], list]:
    """Row labels of MIN_WORDS words or more that name one data row in the report, by their first two words."""
    rows: dict[tuple[str, ...], list] = defaultdict(list)
    for view in report.views:
        for row in view.rows:
            label = tuple(_WORD.findall(row.label.lower()))
            if row.type == "data" and len(label) >= MIN_WORDS:
                rows[label].append((view, row))
    index: dict[tuple[str, str], list] = defaultdict(list)
    for label, found in rows.items():
        if len(found) == 1:
            index[label[:2]].append((label, *found[0]))
    return index


def _named(sentence: str, index) -> Iterator[tuple[object, object, int]]:
    """The rows whose whole label the sentence contains, with the offset where the label ends."""
    spans = [(m.group(0), m.end()) for m in _WORD.finditer(sentence.lower())]
    for i in range(len(spans) - 1):
        for label, view, row in index.get((spans[i][0], spans[i + 1][0]), ()):
            n = len(label)
            if tuple(w for w, _ in spans[i:i + n]) == label:
                yield view, row, spans[i + n - 1][1]


def _other_year(sentence: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(sentence))
