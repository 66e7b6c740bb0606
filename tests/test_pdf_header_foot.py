"""A header set at the bottom of narrow cells (pandoc's tables in LibreOffice's PDF) breaks its
words over several lines inside a cell, years too ("Tar" / "get" / "202" / "4"). Its last line
holds the rests of those words, and numbers among them: it is still the header, up to the rule
or the row gap under it, not the first row of the body. A year cut at the cell's edge goes on the
number above it there, where in the body a number under a number is the next row's."""
from __future__ import annotations

from lkjip_lint.readers.pdf_cells import Vocabulary, resolve
from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_unruled
from tests.helpers import cell_texts, page_chars

# four narrow columns (characters 4 pt wide, lines 14 pt apart); the header's cells end on one
# line (112), the tallest begin a line above the others; a rule and a row gap under the header
HEADER = [
    ("Indika", 60, 70), ("Tar", 140, 70),
    ("tor", 60, 84), ("Realis", 100, 84), ("get", 140, 84), ("Capa", 164, 84),
    ("Kinerj", 60, 98), ("asi", 100, 98), ("202", 140, 98), ("ian", 164, 98),
    ("a", 60, 112), ("2023", 100, 112), ("4", 140, 112), ("(%)", 164, 112),
]
RULE = 127.0
BODY = [
    ("Nilai", 60, 130), ("60.6", 100, 130), ("66", 140, 130), ("97", 164, 130),
    ("SAKIP", 60, 144),
    ("Nilai", 60, 162), ("29", 100, 162), ("33", 140, 162), ("100", 164, 162),
    ("AKIP", 60, 176),
]


def _table(words, rules=()):
    tables, _ = find_unruled(split_lines(page_chars(words), 1), 1, list(rules))
    assert len(tables) == 1
    return tables[0]


def test_the_last_line_of_a_bottom_set_header_is_the_header_not_a_row():
    table = _table(HEADER + BODY, [RULE])
    assert cell_texts(table) == [
        ["Indika tor Kinerj a", "Realis asi 2023", "Tar get 202 4", "Capa ian (%)"],
        ["Nilai SAKIP", "60.6", "66", "97"],
        ["Nilai AKIP", "29", "33", "100"],
    ]
    vocab = Vocabulary()
    for word in ("Indikator", "Kinerja", "Realisasi", "Target", "Capaian"):
        vocab.add_text(word)
    resolve([table], vocab)
    assert [c.text for c in table.rows[0]] == ["Indikator Kinerja", "Realisasi 2023", "Target 2024", "Capaian (%)"]


def test_the_row_gap_alone_ends_the_header_too():
    assert len(_table(HEADER + BODY).rows) == 3


def test_without_a_rule_or_gap_under_it_the_line_is_not_taken_into_the_header():
    """Precision first: with the body at the header's line pitch (no rule, no row gap) nothing
    shows where the header ends, and a number under a number stays a value of its own."""
    tight = [(t, x, top - 4) for t, x, top in BODY]
    table = _table(HEADER + tight)
    assert cell_texts(table)[0][2] == "Tar get 202"
    assert cell_texts(table)[-1] == ["Nilai AKIP", "29", "33", "100"]
