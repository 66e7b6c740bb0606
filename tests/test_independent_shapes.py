"""Unit checks of the reading rules the independent renditions brought (see
tests/test_independent_renditions.py for the files they come from)."""
from __future__ import annotations

from lkjip_lint.document import Cell, Row
from lkjip_lint.interpret.columns import header_paths
from lkjip_lint.readers.lists import table_entries
from lkjip_lint.readers.pdf_stacked import unstack
from lkjip_lint.readers.pdf_tables import PCell, RawTable


def test_contents_laid_out_as_a_table_is_read_as_its_entries():
    rows = [["Kata Pengantar", "i"], ["BAB I PENDAHULUAN", "1"], ["A. Latar Belakang", ""]]
    assert [e.text for e in table_entries(rows, "contents")] == ["Kata Pengantar", "BAB I PENDAHULUAN",
                                                                 "A. Latar Belakang"]
    listed = table_entries([["Tabel 1.1", ":", "Luas Wilayah"], ["Tabel 3.2", ":", "Anggaran"]], "table_list")
    assert [(e.number, e.text) for e in listed] == [("1.1", "Luas Wilayah"), ("3.2", "Anggaran")]
    # a data table under the title is no list: a row with two values after its label
    assert table_entries([["Indikator", "Target", "Realisasi"], ["IKM", "88", "93"]], "contents") is None
    assert table_entries([["No", "Judul"], ["1", "Luas"]], "table_list") is None


def _raw(pattern: list[list[str]]) -> RawTable:
    """Rows over a grid of 5 columns: 'x' a cell starting there, '-' covered by the cell to its left."""
    rows = [[PCell(text=f"{r}{j}") if p == "x" else PCell(merged=True) for j, p in enumerate(row)]
            for r, row in enumerate(pattern)]
    return RawTable(page=1, bbox=(0, 0, 500, 100), xs=[0, 50, 100, 150, 200], rows=rows, pages=[1] * len(rows))


def test_two_stacked_tables_found_as_one_grid_are_read_in_their_own_columns():
    # the first table's edges at 0, 100, 150; the second's at 0, 50, 200: three cells a row each
    table = unstack(_raw([["x", "-", "x", "x", "-"], ["x", "-", "x", "x", "-"], ["x", "x", "-", "-", "x"]]))
    assert table.n_cols == 3 and [c.text for c in table.rows[2]] == ["20", "21", "24"]
    assert table.xs == [0, 100, 150]


def test_a_real_merge_keeps_the_grid():
    # a title cell over two columns: its row has fewer cells than the others
    table = unstack(_raw([["x", "x", "-", "x", "x"], ["x", "x", "x", "x", "x"]]))
    assert table.n_cols == 5


def test_a_flattened_two_level_header_gets_its_two_levels():
    cells = ["No", "Kelurahan", "Pria Jumlah", "Pria %", "Wanita Jumlah", "Wanita%", "Target 2023", "Target 2024"]
    paths = header_paths([Row(cells=[Cell(text=c) for c in cells], is_header=True)], len(cells))
    assert paths[2:6] == [["Pria", "Jumlah"], ["Pria", "%"], ["Wanita", "Jumlah"], ["Wanita", "%"]]
    assert paths[6:] == [["Target 2023"], ["Target 2024"]]  # no share beside a count: left as written
