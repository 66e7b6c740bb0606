"""Unruled PDF tables with a row of column numbers, continued over pages, on synthetic pages.

Words are laid out as characters with boxes (as in test_pdf_bands.py). The row of column
numbers ("1 2 3 …") closes a table's header: years above it are headings, not the first
data row; a line under it belongs to the table; a piece of a continued table that holds
only the repeated header and the rest of a cut row still carries the table to its page.
"""
from __future__ import annotations

from lkjip_lint.readers.pdf_join import continues, join, repeated_header
from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_unruled

from tests.helpers import cell_texts, page_chars

# columns: No 90, Indikator 120, 2020 Target 200 / % 250, 2021 Target 300 / % 350, Ket 400.
# The years head two columns each; "Ket" has no text in the body on this page.
HEADER = [
    ("No", 90, 100), ("Indikator", 120, 100), ("2020", 227, 100), ("2021", 327, 100), ("Ket", 400, 100),
    ("Target", 200, 114), ("%", 250, 114), ("Target", 300, 114), ("%", 350, 114),
    ("1", 92, 128), ("2", 130, 128), ("3", 206, 128), ("4", 252, 128), ("5", 306, 128), ("6", 352, 128),
    ("7", 402, 128),
]


def test_years_over_column_numbers_are_headings_and_every_column_is_found():
    words = HEADER + [("1", 90, 142), ("Angka", 120, 142), ("95,25", 200, 142), ("100", 250, 142),
                      ("95,27", 300, 142), ("100", 350, 142)]
    tables, _ = find_unruled(split_lines(page_chars(words), 1), 1)
    assert len(tables) == 1
    rows = cell_texts(tables[0])
    assert len(rows[0]) == 7  # the empty "Ket" column too
    # each year centred over its two columns, set in the first of them
    assert rows[0] == ["No", "Indikator", "2020", "", "2021", "", "Ket"]
    assert rows[-1] == ["1", "Angka", "95,25", "100", "95,27", "100", ""]


def test_a_line_under_the_column_numbers_belongs_to_the_table():
    # a continued piece: the repeated header, then only the rest of a row cut by the page break
    words = HEADER + [("t)", 120, 142)]
    tables, rest = find_unruled(split_lines(page_chars(words), 2), 2)
    assert len(tables) == 1 and not rest
    assert cell_texts(tables[0])[-1] == ["", "t)", "", "", "", "", ""]


def test_repeated_header_may_lack_its_first_line():
    header = [["no", "indikator", "2020", ""], ["", "", "target", "%"]]
    assert repeated_header(header, [["", "", "target", "%"], ["1", "angka", "5", "6"]]) == 1
    assert repeated_header(header, header + [["1", "angka", "5", "6"]]) == 2
    assert repeated_header(header, [["1", "angka", "5", "6"]]) == 0


def test_a_piece_of_only_header_and_a_cut_row_carries_the_table_on():
    def piece(page: int, body: list[tuple[str, float, float]]):
        tables, _ = find_unruled(split_lines(page_chars(HEADER + body), page), page)
        return tables[0]

    first = piece(1, [("1", 90, 142), ("Angka Partisipasi", 120, 142), ("95,25", 200, 142), ("100", 250, 142),
                      ("95,27", 300, 142), ("100", 350, 142)])
    middle = piece(2, [("t)", 120, 142)])
    last = piece(3, [("2", 90, 142), ("Murni", 120, 142), ("81,9", 200, 142), ("99", 250, 142),
                     ("81,95", 300, 142), ("99", 350, 142)])
    for t in (first, middle, last):
        for row in t.rows:
            for cell in row:
                cell.text = " ".join(line.text for line in cell.lines)
    assert continues(first, middle)
    join(first, middle)
    assert continues(first, last)  # the table reached page 2 though page 2 added no row
    join(first, last)
    assert [row[1].text for row in first.rows][-2:] == ["Angka Partisipasi t)", "Murni"]
