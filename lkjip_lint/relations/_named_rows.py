"""agree, of: facts — a value the text gives right after a table row's label is that row's.

"… terendah pada Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan
Daerah sebesar 86,08%" names a row of Tabel 3.5 whose % cell is 86,80 (the
reading: interpret/named_rows.py; "rata-rata capaian kinerja sebesar …" names
the report's one average row of capaian). When the value equals none of the row's
cells, and exactly one of the row's cells is printed the same way (the same
decimals, in a column whose role does not contradict the sentence's word for
it), the two must agree. Whole numbers are never compared: counts and years are
everywhere.

Good:  Tabel 3.5: Program Koordinasi … | 500.000.000 | 434.000.000 | 86,80 ⏎ "… pada Program Koordinasi … sebesar 86,80%"
Bad:   the same with "… sebesar 86,08%"   (expected 86.8)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.document import Location
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.interpret.tables import TEXT_ROLES


def named_row_values(report, already: set[tuple[str, str]]) -> Iterator[Draft]:
    """Findings for values stated after a row's label that its row contradicts. `already`: (sentence, raw value)
    pairs another reading compares (an indicator's facts, a restated row), left to it."""
    for named in report.named_values:
        if (named.sentence, named.token.num.raw) not in already:
            draft = _compare(named)
            if draft is not None:
                yield draft


def _compare(named) -> Draft | None:
    view, row, tok, block = named.view, named.row, named.token, named.block
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
        values={"sentence": excerpt(named.sentence), "text_value": value.raw, "table_value": num.raw,
                "where": f"{view.name}, {row.label}", "column": col.header},
        evidence={"sentence": named.sentence, "table": view.snapshot([{"row": row.index, "col": col.index}])},
        key=f"named_row|{view.ident}|{row.label}|{value.raw}",
    )
