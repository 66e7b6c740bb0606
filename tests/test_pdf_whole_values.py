"""A dash for "none" is a whole cell value, like a number: in a table without rules a
dash under a dash is the next row's, never the wrapped rest of the cell above (a lone '-'
ends the way a word broken at a line end does, and a column of dashes is as narrow as one)."""
from __future__ import annotations

from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_unruled
from tests.helpers import cell_texts, page_chars

HEADER = [("No", 60, 70), ("Kelurahan", 90, 70), ("Dusun", 250, 70), ("RW", 276, 70)]
BODY = [
    ("1", 60, 84), ("Purbalingga Lor", 90, 84), ("-", 260, 84), ("6", 278, 84),
    ("2", 60, 98), ("Purbalingga Kulon", 90, 98), ("-", 260, 98), ("3", 278, 98),
    ("3", 60, 112), ("Bancar", 90, 112), ("-", 260, 112), ("6", 278, 112),
    ("4", 60, 126), ("Jatisaba", 90, 126), ("3", 260, 126), ("5", 278, 126),
]


def test_dashes_one_under_another_are_rows_of_their_own():
    tables, _ = find_unruled(split_lines(page_chars(HEADER + BODY), 1), 1)
    assert len(tables) == 1
    assert cell_texts(tables[0])[1:] == [
        ["1", "Purbalingga Lor", "-", "6"],
        ["2", "Purbalingga Kulon", "-", "3"],
        ["3", "Bancar", "-", "6"],
        ["4", "Jatisaba", "3", "5"],
    ]


# One column whose dashes are centred and whose numbers are set right: their ink does not
# overlap, so the white between them looks like a river; one heading ("Dusun") names both.
HEADER_2 = [("No", 60, 70), ("Kelurahan", 90, 70), ("Dusun", 250, 70), ("RW", 320, 70)]
BODY_2 = [
    ("1", 60, 84), ("Lor", 90, 84), ("-", 258, 84), ("6", 324, 84),
    ("2", 60, 98), ("Kulon", 90, 98), ("-", 258, 98), ("3", 324, 98),
    ("3", 60, 112), ("Jatisaba", 90, 112), ("3", 270, 112), ("5", 324, 112),
    ("4", 60, 126), ("Toyareja", 90, 126), ("2", 270, 126), ("3", 324, 126),
]


def test_a_column_of_centred_dashes_and_right_set_numbers_is_one_column():
    tables, _ = find_unruled(split_lines(page_chars(HEADER_2 + BODY_2), 1), 1)
    assert len(tables) == 1
    assert cell_texts(tables[0]) == [
        ["No", "Kelurahan", "Dusun", "RW"],
        ["1", "Lor", "-", "6"], ["2", "Kulon", "-", "3"], ["3", "Jatisaba", "3", "5"], ["4", "Toyareja", "2", "3"],
    ]


def test_two_columns_named_apart_stay_two_however_their_values_alternate():
    header = HEADER_2[:2] + [("Pria", 246, 70), ("Wanita", 272, 70), ("RW", 320, 70)]
    body = [(t, 276 if x == 270 else x, top) for t, x, top in BODY_2]
    tables, _ = find_unruled(split_lines(page_chars(header + body), 1), 1)
    assert len(tables) == 1
    assert [len(row) for row in cell_texts(tables[0])] == [5] * 5
