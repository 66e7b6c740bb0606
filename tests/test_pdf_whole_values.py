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
