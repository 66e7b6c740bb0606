"""A sentence that names a table row by its label and gives a value right after it.

"… terendah pada Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan
Daerah sebesar 86,08%" names a row of Tabel 3.5 whose % cell is 86,80. The value
belongs to that row: when it equals none of the row's cells, and exactly one of
the row's cells is printed the same way (the same decimals, in a column whose
role does not contradict the sentence's word for it), the two must agree.

Precision first: the label must be long enough to name one row (three words or
more, one row in the whole report), the value must follow it closely with no
other number between, whole numbers are never compared (counts and years are
everywhere), and a sentence naming a year other than the report's is about
another year.

Good:  Tabel 3.5: Program Koordinasi … | 500.000.000 | 434.000.000 | 86,80 ⏎ "… pada Program Koordinasi … sebesar 86,80%"
Bad:   the same with "… sebesar 86,08%"   (expected 86.8)
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.interpret.claims import sentences, tokens
from lkjip_lint.interpret.tables import TEXT_ROLES

MIN_WORDS = 3  # "Program Penunjang Urusan": fewer words name too many things
MAX_GAP = 40  # characters between the label and its value ("… Daerah sebesar ")
_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def named_row_values(report, already: set[tuple[str, str]]) -> Iterator[Draft]:
    """Findings for values stated after a row's label that its row contradicts. `already`: (sentence, raw value)
    pairs another reading compares (an indicator's facts, a restated row), left to it."""
    index = _label_index(report)
    if not index:
        return
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
            for view, row, end in _named(sentence, index):
                tok = next((t for t in toks if t.start >= end), None)
                if tok is None or tok.start - end > MAX_GAP or (sentence, tok.num.raw) in already:
                    continue
                if re.search(r"\d", sentence[end:tok.start]):
                    continue
                draft = _compare(view, row, tok, sentence, block)
                if draft is not None:
                    yield draft


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
    lower = sentence.lower()
    spans = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(lower)]
    for i in range(len(spans) - 1):
        for label, view, row in index.get((spans[i][0], spans[i + 1][0]), ()):
            n = len(label)
            if tuple(w for w, _, _ in spans[i:i + n]) == label:
                yield view, row, spans[i + n - 1][2]


def _other_year(sentence: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(sentence))


def _compare(view, row, tok, sentence, block) -> Draft | None:
    value = tok.num
    if value.decimals == 0:
        return None
    cells = [(col, view.num(row, col)) for col in view.columns if col.role not in TEXT_ROLES]
    cells = [(col, num) for col, num in cells if num is not None]
    if any(judge(value, Interval.of(num)) is None for _, num in cells):
        return None  # the sentence gives one of the row's values
    same = [(col, num) for col, num in cells if num.decimals == value.decimals
            and not (tok.role and col.role and tok.role != col.role)]
    if len(same) != 1:
        return None
    col, num = same[0]
    verdict = judge(value, Interval.of(num), expected_decimals=num.decimals)
    if verdict is None or verdict.grade == "note":
        return None
    return Draft(
        location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
        actual=to_json_number(value.value), expected=to_json_number(num.value), grade="mismatch", variant="named_row",
        values={"sentence": excerpt(sentence), "text_value": value.raw, "table_value": num.raw,
                "where": f"{view.name}, {row.label}", "column": col.header},
        evidence={"sentence": sentence, "table": view.snapshot([{"row": row.index, "col": col.index}])},
        key=f"named_row|{view.ident}|{row.label}|{value.raw}",
    )
