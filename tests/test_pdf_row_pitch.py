"""A table without vertical rules whose every row is one line shows a single line pitch: a lone
label line under a label too long to take its first word ("Desa" under "Kembaran Kulon", a
section row) may be the rest of that label or a row of its own, and nothing on the page tells.
Producers that pad their cells top and bottom (ReportLab, HTML) set a wrapped cell's lines
closer than their rows; the document's other tables of that font size show both pitches. A
line at their row pitch is then a new row, however full the label above it."""
from __future__ import annotations

from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_all, find_unruled
from tests.helpers import cell_texts, page_chars

# characters 4 pt wide, line boxes 12 pt high; a cell's lines 14 pt apart, rows 20 pt apart;
# the label column (x 60) holds 17 characters before the value column (x 140)
WRAPPED = [
    ("No", 20, 70), ("Uraian", 60, 70), ("Nilai", 140, 70),
    ("1", 20, 90), ("Kembaran Kidul", 60, 90), ("12", 140, 90),
    ("2", 20, 110), ("Purbalingga Lor", 60, 110), ("15", 140, 110),
    ("Wetan", 60, 124),
    ("3", 20, 144), ("Bancar", 60, 144), ("9", 140, 144),
]
ONE_LINE_ROWS = [
    ("No", 20, 70), ("Kelurahan", 60, 70), ("Luas", 140, 70),
    ("1", 20, 90), ("Bojong", 60, 90), ("1,58", 140, 90),
    ("2", 20, 110), ("Kembaran Kulon", 60, 110), ("1,03", 140, 110),
    ("Desa", 60, 130),
    ("1", 20, 150), ("Jatisaba", 60, 150), ("1,94", 140, 150),
]


def _page(words, number):
    return split_lines(page_chars(words), number), number, []


def _rows(found):
    (table,), _ = found
    return cell_texts(table)


def test_a_lone_label_line_at_the_row_pitch_of_the_documents_tables_is_a_row():
    wrapped, one_line = find_all([_page(WRAPPED, 1), _page(ONE_LINE_ROWS, 2)])
    assert _rows(one_line)[2:] == [["2", "Kembaran Kulon", "1,03"], ["", "Desa", ""], ["1", "Jatisaba", "1,94"]]
    # the table that showed the pitches keeps its wrapped label
    assert _rows(wrapped)[2] == ["2", "Purbalingga Lor Wetan", "15"]


def test_alone_the_page_cannot_tell_a_row_from_a_wrapped_line():
    """Precision first: with no other table to measure the pitches, the full label goes on."""
    assert _rows(find_unruled(*_page(ONE_LINE_ROWS, 1)))[2] == ["2", "Kembaran Kulon Desa", "1,03"]
    assert _rows(find_all([_page(ONE_LINE_ROWS, 1)])[0])[2] == ["2", "Kembaran Kulon Desa", "1,03"]


def test_cells_without_padding_show_one_pitch_and_teach_nothing():
    """Word sets a cell's lines and its rows at one pitch: the other table is no evidence, and a
    label wrapped at that pitch stays one label."""
    at = {70: 70, 90: 84, 110: 98, 124: 112, 144: 126}
    tight = [(t, x, at[top]) for t, x, top in WRAPPED]
    assert _rows(find_all([_page(tight, 1), _page(ONE_LINE_ROWS, 2)])[1])[2] == ["2", "Kembaran Kulon Desa", "1,03"]


def test_a_table_at_another_pitch_is_not_read_with_the_documents():
    """Only a table whose pitch is the row pitch the document showed is read as rows: one set
    looser (its lines 17 pt apart, neither 14 nor 20) keeps its wrapped label."""
    loose = [(t, x, 70 + (top - 70) * 17 // 20) for t, x, top in ONE_LINE_ROWS]
    assert _rows(find_all([_page(WRAPPED, 1), _page(loose, 2)])[1])[2] == ["2", "Kembaran Kulon Desa", "1,03"]
