"""The text reader: tables, captions, headers, page breaks, lists."""
from lkjip_lint.document import ListBlock, Table
from lkjip_lint.interpret.columns import header_paths
from lkjip_lint.readers.text import parse

from tests.helpers import FIXTURES, tsv


def tables(text):
    return [b for b in parse(text).blocks if isinstance(b, Table)]


def test_caption_with_title_on_next_line_and_two_row_header():
    text = "\n".join([
        "Tabel 1.1", "Luas Wilayah", "",
        tsv("No | Kelurahan | Jumlah | ", " |  | RW | RT", "1 | 2 | 3 | 4", "1 | Lor | 6 | 24", " | Jumlah | 6 | 24"),
    ])
    [t] = tables(text)
    assert t.caption.number == "1.1" and t.caption.title == "Luas Wilayah" and t.caption.line == 1
    assert len(t.header_rows) == 2
    assert [r.line for r in t.rows] == [7, 8]  # the column-number row is dropped
    assert header_paths(t.header_rows, t.n_cols)[2:] == [["Jumlah", "RW"], ["Jumlah", "RT"]]


def test_caption_without_number_in_chapter_numbered_report():
    text = "\n".join(["Tabel 3.1", "Skala", "", tsv("No | A", "1 | x"), "", "**Tabel 3.", "Capaian**", "", tsv("No | A", "1 | y")])
    first, second = tables(text)
    assert first.caption.number == "3.1"
    assert second.caption.number is None and second.caption.raw_number == "3." and second.caption.title == "Capaian"


def test_flat_numbered_caption_keeps_its_number():
    [t] = tables("\n".join(["Tabel 28.", "Analisis", "", tsv("A | B", "x | 1")]))
    assert t.caption.number == "28"


def test_table_resumed_after_page_break_drops_repeated_header_and_glues_cut_row():
    text = tsv(
        "Program | Pagu | Realisasi",
        "PROGRAM KOORDINASI KETENTRAMAN DAN | 28.073.000 | 26.875.000",
    ) + "\n\n" + tsv("Program | Pagu | Realisasi", "KETERTIBAN UMUM |  | ", "Kegiatan a | 1.000 | 900")
    [t] = tables(text)
    labels = [r.cells[0].text for r in t.rows]
    assert labels == ["PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "Kegiatan a"]


def test_markup_and_latex_in_cells_and_pipe_tables():
    text = "| No | Interval | Kriteria |\n|---|---|---|\n| 1 | $91\\% \\leq 100\\%$ | <i>Sangat Tinggi</i> |"
    [t] = tables(text)
    assert t.rows[0].cells[2].text == "Sangat Tinggi"
    assert t.n_cols == 3 and len(t.rows) == 1


def test_contents_and_list_of_tables_are_lists_not_tables():
    text = "DAFTAR ISI\n\nKata Pengantar\t\nBAB I PENDAHULUAN\t\n\nDAFTAR TABEL\n\nTabel 1.1\t:\tLuas Wilayah\nTabel 1.2\t:\tPenduduk\n"
    doc = parse(text)
    assert not doc.tables()
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [l.kind for l in lists] == ["contents", "table_list"]
    assert [e.number for e in lists[1].entries] == ["1.1", "1.2"]
    assert lists[0].entries[1].text == "BAB I PENDAHULUAN"


def test_corpus_report_reads_all_tables_with_lines():
    doc = parse((FIXTURES / "purbalingga-2024.txt").read_text(encoding="utf-8"))
    tabs = doc.tables()
    assert len(tabs) == 22
    area = tabs[0]
    assert area.caption.number == "1.1"
    assert area.rows[-1].line == 160 and area.rows[-1].cells[1].text == "Jumlah"
    assert any(r.cells[1].text == "Desa" for r in area.rows)  # a section row stays in the table
