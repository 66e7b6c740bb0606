"""A table row cut by a page break, on synthetic pages (words as character boxes).

The label of the last row on page 1 wraps over several lines; the page break cuts it, so
its first line sits beside the row's numbers, its middle lines are the last lines of the
page (beside nothing, they look like a row of their own and the table leaves them as
text), and its last line opens the piece on page 2 under the repeated header.
pdf_join.foot_lines puts the middle lines back into the row when page 2 bears the cut out.
"""
from __future__ import annotations

from lkjip_lint.readers.pdf_cells import Vocabulary, resolve
from lkjip_lint.readers.pdf_join import foot_lines, join
from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_unruled

from tests.helpers import cell_texts, page_chars

HEADER = [("Program", 90, 70), ("Pagu", 260, 70), ("Realisasi", 340, 70)]
PAGE1 = [(t, x, top + 30) for t, x, top in HEADER] + [
    ("Administrasi Umum", 90, 114), ("20.524", 260, 114), ("18.539", 340, 114),
    ("PROGRAM", 90, 128), ("63.838", 260, 128), ("60.608", 340, 128),
    ("PEMBERDAYAAN", 90, 142),  # the last lines of the page: the middle of the cut label
    ("MASYARAKAT DESA", 90, 156),
]
REST = [("KELURAHAN", 90, 84)]  # the rest of the cut row, under the repeated header
NEXT_ROWS = [
    ("Koordinasi Kegiatan", 90, 98), ("63.838", 260, 98), ("60.608", 340, 98),
    ("Koordinasi Umum", 90, 112), ("28.073", 260, 112), ("26.875", 340, 112),
]


def _pieces(page2):
    first, rest = find_unruled(split_lines(page_chars(PAGE1), 1), 1)
    second, _ = find_unruled(split_lines(page_chars(page2), 2), 2)
    assert len(first) == 1 and len(second) == 1
    resolve([first[0], second[0]], Vocabulary())
    return first[0], rest, second[0]


def test_the_middle_of_a_cut_label_left_at_the_page_foot_goes_back_into_its_row():
    a, rest, b = _pieces(HEADER + REST + NEXT_ROWS)
    assert [ln.text for ln in rest] == ["PEMBERDAYAAN", "MASYARAKAT DESA"]  # the table left them as text
    assert foot_lines(a, rest, b)
    join(a, b, label_runs_on=True)  # as pdf.py does when foot_lines took the lines
    rows = cell_texts(a)
    assert rows[2:] == [
        ["PROGRAM PEMBERDAYAAN MASYARAKAT DESA KELURAHAN", "63.838", "60.608"],
        ["Koordinasi Kegiatan", "63.838", "60.608"],
        ["Koordinasi Umum", "28.073", "26.875"],
    ]


def test_foot_lines_stay_text_when_the_next_piece_starts_with_a_whole_row():
    a, rest, b = _pieces(HEADER + [(t, x, top - 14) for t, x, top in NEXT_ROWS])
    assert not foot_lines(a, rest, b)  # no rest of a cut row over there: a row of its own, or text
    assert len(a.rows[-1][0].lines) == 1


def test_lines_set_apart_from_the_row_are_not_its_label():
    a, rest, b = _pieces(HEADER + REST + NEXT_ROWS)
    apart = split_lines(page_chars([("Sumber: BPS", 90, 150)]), 1)  # white above: a note under the table
    assert not foot_lines(a, apart, b)
    assert not foot_lines(a, [rest[1]], b)  # the line under a gap, its neighbour missing
