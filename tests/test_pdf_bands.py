"""Rows of unruled PDF tables from cell blocks (readers/pdf_bands.py), on synthetic pages.

Words are laid out as characters with boxes, the way pypdfium2 reports them, so the
tests run without a PDF: a table whose cells are centred vertically (a one-line
number beside the middle of a two-line label) must give one row per cell band, and a
top-aligned table must still be read line by line.
"""
from __future__ import annotations

from lkjip_lint.readers.pdf_bands import Block, Piece, bands, blocks, staggered
from lkjip_lint.readers.pdf_text import split_lines
from lkjip_lint.readers.pdf_unruled import find_unruled

from tests.helpers import cell_texts, page_chars


def _piece(col: int, text: str, x: float, top: float) -> Piece:
    return Piece(col, split_lines(page_chars([(text, x, top)]), 1)[0])


# a header, then three rows; cells centred vertically: the numbers of row 1 sit half a line
# below its label's first line, beside both of its lines
CENTRED = [  # the label column has room for about 79 pt: each label line is full
    ("Indikator", 90, 100), ("Target", 180, 100), ("Realisasi", 240, 100),
    ("Indeks Kepuasan", 90, 114),
    ("88", 180, 120.5), ("93,85", 240, 120.5),
    ("Masyarakat (IKM)", 90, 127),
    ("Nilai SAKIP", 90, 141), ("66", 180, 141), ("64,86", 240, 141),
    # a first line well short of the cell (its next word did not fit): line by line, the
    # numbers beside the second line would start a row of their own
    ("Meningkatnya", 90, 155), ("Kualitas Layanan", 90, 168), ("33", 180, 168), ("33", 240, 168),
    ("Kecamatan", 90, 181),
]


def test_centred_cells_give_one_row_per_band():
    lines = split_lines(page_chars(CENTRED), 1)
    tables, rest = find_unruled(lines, 1)
    assert len(tables) == 1 and not rest
    assert cell_texts(tables[0]) == [
        ["Indikator", "Target", "Realisasi"],
        ["Indeks Kepuasan Masyarakat (IKM)", "88", "93,85"],
        ["Nilai SAKIP", "66", "64,86"],
        ["Meningkatnya Kualitas Layanan Kecamatan", "33", "33"],
    ]


def test_top_aligned_cells_are_not_staggered_and_read_line_by_line():
    row_tops = {"88": 114, "93,85": 114, "33": 155}  # every cell starts at its row's first line
    top_aligned = sorted(((t, x, row_tops.get(t, top)) for t, x, top in CENTRED), key=lambda w: (w[2], w[1]))
    lines = split_lines(page_chars(top_aligned), 1)
    tables, _ = find_unruled(lines, 1)
    assert cell_texts(tables[0])[1:] == [
        ["Indeks Kepuasan Masyarakat (IKM)", "88", "93,85"],
        ["Nilai SAKIP", "66", "64,86"],
        ["Meningkatnya Kualitas Layanan Kecamatan", "33", "33"],
    ]
    pieces = [(0, ln) for ln in lines]  # one column: nothing beside anything
    assert staggered(pieces, range(len(pieces))) == 0


def test_staggered_counts_lines_set_off_by_part_of_a_line():
    label1, number, label2 = _piece(0, "Indeks", 90, 114), _piece(1, "88", 300, 120.5), _piece(0, "IKM", 90, 127)
    pieces = [(p.col, p.line) for p in (label1, number, label2)]
    assert staggered(pieces, [0, 1, 2]) == 3
    level = [(0, label1.line), (1, _piece(1, "88", 300, 114).line)]
    assert staggered(level, [0, 1]) == 0


def test_a_rule_between_two_lines_ends_the_block_and_the_band():
    above, below = _piece(0, "Jumlah", 90, 100), _piece(0, "Desa", 90, 113)
    always = lambda prev, nxt, col: True  # noqa: E731 - every line would go on
    assert len(blocks([above, below], always)) == 1
    found = blocks([above, below], always, rules=[112.5])
    assert len(found) == 2
    assert len(bands(found, rules=[112.5])) == 2


def test_a_label_merged_down_beside_row_labels_goes_to_its_first_row():
    """A Sasaran cell merged down over two indicator rows, centred beside both."""
    label = Block(0, [_piece(0, "Meningkatnya", 90, 110), _piece(0, "Pelayanan", 90, 123)])
    rows = [[Block(1, [_piece(1, "IKM", 180, 104)]), Block(2, [_piece(2, "88", 300, 104)]),
             Block(3, [_piece(3, "93,85", 400, 104)])],
            [Block(1, [_piece(1, "IPP", 180, 129)]), Block(2, [_piece(2, "91,5", 300, 129)]),
             Block(3, [_piece(3, "93,85", 400, 129)])]]
    cut = bands(sorted([label, *rows[0], *rows[1]], key=lambda b: b.top))
    assert len(cut) == 2
    assert label in cut[0] and label not in cut[1]
    assert {b.pieces[0].line.text for b in cut[1]} == {"IPP", "91,5", "93,85"}


def test_a_label_line_taken_for_a_wrap_goes_back_to_its_own_row():
    """Row labels at the line pitch, the last line of one taken for a wrap into the next row's:
    the numbers of the two rows cut the band, each label line goes to the row beside it."""
    label = Block(0, [_piece(0, "Indeks Kepuasan", 90, 114), _piece(0, "Masyarakat", 90, 127),
                      _piece(0, "Nilai SAKIP", 90, 141)])
    found = sorted([label, Block(1, [_piece(1, "88", 180, 120.5)]), Block(2, [_piece(2, "93,85", 240, 120.5)]),
                    Block(1, [_piece(1, "66", 180, 141)]), Block(2, [_piece(2, "64,86", 240, 141)])],
                   key=lambda b: b.top)
    cut = bands(found)
    assert len(cut) == 2
    first = next(b for b in cut[0] if b.col == 0)
    second = next(b for b in cut[1] if b.col == 0)
    assert [p.line.text for p in first.pieces] == ["Indeks Kepuasan", "Masyarakat"]
    assert [p.line.text for p in second.pieces] == ["Nilai SAKIP"]


def test_one_wrapped_number_does_not_cut_a_band():
    """'10' over '3' in a narrow column (103 wrapped) beside a tall label: one row."""
    label = Block(0, [_piece(0, "Meningkatnya", 90, 100), _piece(0, "APM SD", 90, 113), _piece(0, "nasional", 90, 126)])
    head, tail = Block(1, [_piece(1, "10", 300, 106.5)]), Block(1, [_piece(1, "3", 300, 119.5)])
    other = Block(2, [_piece(2, "83,01", 400, 113)])
    assert len(bands(sorted([label, head, tail, other], key=lambda b: b.top))) == 1


def test_one_line_numbers_of_two_columns_not_level_are_two_rows():
    """Two closing rows, a label each, the cells centred: 'NRR' beside its one number, 'IKM UNIT
    PELAYANAN' (two lines) beside another column's number at its middle. The label lines sit at
    the line pitch and the column's room does not tell a wrap, so one block spans both rows;
    the numbers, not level, part them and each label line goes to the row beside it."""
    label = Block(0, [_piece(0, "NRR Tertimbang", 90, 100), _piece(0, "IKM UNIT", 90, 113),
                      _piece(0, "PELAYANAN", 90, 126)])
    first, second = Block(1, [_piece(1, "3,754", 300, 100)]), Block(2, [_piece(2, "93,853", 400, 119.5)])
    cut = bands(sorted([label, first, second], key=lambda b: b.top))
    assert [sorted(p.line.text for b in band for p in b.pieces) for band in cut] == [
        ["3,754", "NRR Tertimbang"], ["93,853", "IKM UNIT", "PELAYANAN"]]


def test_numbers_stacked_in_one_column_do_not_cut_a_band():
    """Two one-line numbers one under the other in one column may be one cell's: no cut."""
    label = Block(0, [_piece(0, "Jumlah", 90, 100), _piece(0, "responden", 90, 113), _piece(0, "survei", 90, 126)])
    stacked = [Block(1, [_piece(1, "425", 300, 100)]), Block(1, [_piece(1, "(100%)", 300, 126)])]
    assert len(bands(sorted([label, *stacked], key=lambda b: b.top))) == 1


def test_a_caption_close_under_a_table_ends_it():
    """'Tabel 3.' one line under the last row: the next table's caption, not a row of this one."""
    words = [("Indikator", 90, 100), ("Target", 180, 100), ("Nilai SAKIP", 90, 114), ("66", 180, 114),
             ("Tabel 3.", 90, 128), ("Analisis", 90, 142), ("Program", 90, 156), ("Pagu", 180, 156),
             ("Kecamatan", 90, 170), ("304", 180, 170)]
    tables, rest = find_unruled(split_lines(page_chars(words), 1), 1)
    assert [cell_texts(t)[-1] for t in tables] == [["Nilai SAKIP", "66"], ["Kecamatan", "304"]]
    assert [ln.text for ln in rest] == ["Tabel 3.", "Analisis"]


def test_a_section_label_wrapped_over_many_lines_in_the_first_column_stays_in_the_table():
    """'TUJUAN 1 MENINGKATNYA KUALITAS …' in a narrow first column, one word a line: eight lines
    with one segment between the header and the first data row do not end the table."""
    words = [("Indikator", 90, 100), ("Target", 180, 100), ("Realisasi", 240, 100)]
    words += [(w, 90, 114 + 12 * k) for k, w in enumerate(
        ["TUJUAN 1", "MENINGKAT", "NYA", "KUALITAS", "PELAYANAN", "PUBLIK DI", "KECAMATA", "N"])]
    words += [("Indeks", 90, 210), ("91.5", 180, 210), ("93.85", 240, 210)]
    tables, rest = find_unruled(split_lines(page_chars(words), 1), 1)
    assert len(tables) == 1 and not rest
    assert cell_texts(tables[0])[-1] == ["Indeks", "91.5", "93.85"]


# cells centred vertically, labels wrapped in a narrow first column, numbers aligned right in
# a wide next column: the label column seems to have far more room than it has, so the wrap
# test cannot join a label's lines; a label of three lines has its first and last lines
# beside nothing (pdf_labels gathers them back), a section label on a line of its own stays
NARROW_LABELS = [
    ("Program", 90, 80), ("Pagu", 270, 80), ("Realisasi", 330, 80),
    ("PROGRAM PENUNJANG", 90, 100),
    ("URUSAN PEMERINTAHAN", 90, 113), ("10.599.350.000", 244, 113), ("9.804.856.607", 328, 113),
    ("DAERAH", 90, 126),
    ("Koordinasi Kegiatan", 90, 139), ("63.838.000", 260, 145.5), ("60.608.000", 340, 145.5),
    ("Pemberdayaan Desa", 90, 152),
    ("Desa", 90, 165),
    ("Koordinasi", 90, 178), ("400.000", 272, 178), ("400.000", 352, 178),
    ("Kota", 90, 191),
    ("Pelaksanaan Urusan", 90, 204),
    ("Pemerintahan yang", 90, 217), ("2.240.000", 264, 217), ("2.240.000", 344, 217),
    ("Dilimpahkan kepada", 90, 230),
]


def test_labels_wrapped_over_three_lines_are_gathered_around_their_numbers():
    lines = split_lines(page_chars(NARROW_LABELS), 1)
    tables, rest = find_unruled(lines, 1)
    assert len(tables) == 1 and not rest
    assert cell_texts(tables[0]) == [
        ["Program", "Pagu", "Realisasi"],
        ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "10.599.350.000", "9.804.856.607"],
        ["Koordinasi Kegiatan Pemberdayaan Desa", "63.838.000", "60.608.000"],
        ["Desa", "", ""],  # a section label: "Koordinasi" would have fitted after it
        ["Koordinasi", "400.000", "400.000"],
        ["Kota", "", ""],
        ["Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada", "2.240.000", "2.240.000"],
    ]


# the first two lines of a label taken for a wrap, its third left alone: the label sits off
# its numbers' centre, and the lone line that centres it is its own (not the next row's)
OFF_CENTRE = [
    ("Program", 90, 80), ("Pagu", 200, 80), ("Realisasi", 280, 80),
    ("PROGRAM KOORDINASI", 90, 100),
    ("KETENTRAMAN DAN", 90, 113), ("28.073.000", 200, 113), ("26.875.000", 280, 113),
    ("UMUM", 90, 126),
    ("Upaya Dinas", 90, 139),
    ("Ketertiban Umum", 90, 152), ("28.073.000", 200, 152), ("26.875.000", 280, 152),
    ("Kota", 90, 165),
    ("Koordinasi", 90, 178), ("400.000", 200, 184.5), ("400.000", 280, 184.5),
    ("Kegiatan", 90, 191),
]


def test_a_label_off_its_numbers_centre_takes_the_line_that_centres_it():
    tables, rest = find_unruled(split_lines(page_chars(OFF_CENTRE), 1), 1)
    assert len(tables) == 1 and not rest
    assert cell_texts(tables[0]) == [
        ["Program", "Pagu", "Realisasi"],
        ["PROGRAM KOORDINASI KETENTRAMAN DAN UMUM", "28.073.000", "26.875.000"],
        ["Upaya Dinas Ketertiban Umum Kota", "28.073.000", "26.875.000"],
        ["Koordinasi Kegiatan", "400.000", "400.000"],
    ]
