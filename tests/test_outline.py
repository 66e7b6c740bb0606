"""Row levels from numbering, bullets, keywords, capitals and leading empty cells — a claim only when the
table's own sums confirm them (interpret/outline.py). Levels here are what a reviewer reads in each table."""
from pathlib import Path

import pytest

from tests.helpers import errors_and_warnings, findings, report_of, tsv

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def outline(text: str):
    view = report_of(text).views[0]
    if view.outline is None:
        return None
    parents = {view.rows[p.row].label: [view.rows[c].label for c in p.children] for p in view.outline.parents}
    return view.outline.cue, [r.level for r in view.rows if r.type == "data"], parents


def numbered(op: str = "300", modal: str = "50") -> str:
    return tsv("No | Uraian | Jumlah", f"1 | Belanja Operasi | {op}", "1.1 | Belanja Pegawai | 100",
               "1.2 | Belanja Barang dan Jasa | 200", f"2 | Belanja Modal | {modal}", "2.1 | Belanja Peralatan | 20",
               "2.2 | Belanja Gedung | 30")


def test_numbering_depth_in_a_number_column():
    cue, levels, parents = outline(numbered())
    assert cue == "markers" and levels == [1, 2, 2, 1, 2, 2]
    assert parents == {"Belanja Operasi": ["Belanja Pegawai", "Belanja Barang dan Jasa"],
                       "Belanja Modal": ["Belanja Peralatan", "Belanja Gedung"]}


def test_letters_over_dashes():
    text = tsv("Uraian | Jumlah", "a. Kelurahan Lor | 300", "- RW 01 | 120", "- RW 02 | 180",
               "b. Kelurahan Kulon | 250", "- RW 01 | 100", "- RW 02 | 150")
    cue, levels, parents = outline(text)
    assert cue == "markers" and levels == [1, 2, 2, 1, 2, 2]
    assert parents["a. Kelurahan Lor"] == ["- RW 01", "- RW 02"]


def test_programme_keyword_over_unmarked_kegiatan():
    text = tsv("Program/ Kegiatan | Pagu (Rp.) | Realisasi (Rp.)",
               "PROGRAM PENUNJANG | 300.000 | 290.000", "Administrasi Keuangan | 100.000 | 95.000",
               "Administrasi Umum | 200.000 | 195.000", "Program Pelayanan | 50.000 | 40.000",
               "Koordinasi Pelayanan | 50.000 | 40.000")
    cue, levels, parents = outline(text)
    assert cue == "keywords" and levels == [1, 2, 2, 1, 2]
    assert parents["Program Pelayanan"] == ["Koordinasi Pelayanan"]


def test_capitals_over_plain_rows():
    text = tsv("Uraian | Jumlah", "BELANJA LANGSUNG | 500", "Belanja Pegawai | 200", "Belanja Barang dan Jasa | 300",
               "BELANJA TIDAK LANGSUNG | 100", "Belanja Hibah | 100")
    cue, levels, _ = outline(text)
    assert cue == "capitals" and levels == [1, 2, 2, 1, 2]


def test_leading_empty_cells():
    text = ("Wilayah\t\tJumlah Penduduk\nKecamatan Utara\t\t300\n\tDesa Satu\t100\n\tDesa Dua\t200\n"
            "Kecamatan Selatan\t\t250\n\tDesa Tiga\t120\n\tDesa Empat\t130")
    cue, levels, parents = outline(text)
    assert cue == "indentation" and levels == [1, 2, 2, 1, 2, 2]
    assert parents["Kecamatan Selatan"] == ["Desa Tiga", "Desa Empat"]


def test_no_claim_when_the_numbers_do_not_fit_the_reading():
    assert outline(numbered(op="310", modal="60")) is None
    # one of two parents fits: not enough to trust the reading either
    assert outline(numbered(op="310")) is None
    assert errors_and_warnings(findings(numbered(op="310", modal="60"), "SUM")) == []


def test_a_confirmed_reading_checks_its_one_broken_parent():
    rows = ["No | Uraian | Jumlah"]
    for n, (top, a, b) in enumerate([(300, 100, 200), (50, 20, 30), (90, 40, 50), (70, 30, 39)], 1):
        rows += [f"{n} | Pos {n} | {top}", f"{n}.1 | Pos {n} bagian satu | {a}", f"{n}.2 | Pos {n} bagian dua | {b}"]
    assert outline(tsv(*rows))[0] == "markers"
    [f] = errors_and_warnings(findings(tsv(*rows), "SUM005"))
    assert f.location.row == "Pos 4" and f.actual == 70 and f.expected == 69


def test_programme_sums_are_checked_only_on_a_confirmed_outline():
    good = tsv("Program/ Kegiatan | Pagu (Rp.) | Realisasi (Rp.)",
               "PROGRAM PENUNJANG | 300.000 | 290.000", "- Administrasi Keuangan | 100.000 | 95.000",
               "- Administrasi Umum | 200.000 | 195.000")
    assert errors_and_warnings(findings(good, "SUM003")) == []
    # the realisasi confirms the programme over its kegiatan: its pagu is then wrong
    [f] = errors_and_warnings(findings(good.replace("300.000", "310.000"), "SUM003"))
    assert f.actual == 310000 and f.expected == 300000
    # neither column fits: no reading, no claim
    assert errors_and_warnings(findings(good.replace("300.000", "310.000").replace("290.000", "280.000"), "SUM003")) == []


BUDGET = ["No | Program/Kegiatan | Anggaran (Rp) | Realisasi (Rp) | Sisa (Rp) | %",
          "1 | Program Peningkatan Sarana Pendukung Pertanian | 2.450.000.000 | {real} | 148.450.000 | 93,94",
          " | Pengawasan Penggunaan Sarana Pendukung Pertanian | 1.200.000.000 | 1.134.600.000 | 65.400.000 | 94,55",
          " | Penyediaan Sarana Pendukung Pertanian | 1.250.000.000 | 1.166.950.000 | 83.050.000 | 93,36",
          "2 | Program Penyuluhan Pertanian | 850.000.000 | 812.430.000 | 37.570.000 | 95,58",
          " | Pengembangan Kapasitas Kelembagaan Petani | 500.000.000 | 488.230.000 | 11.770.000 | 97,65",
          " | Pelaksanaan Penyuluhan Pertanian | 350.000.000 | 324.200.000 | 25.800.000 | 92,63",
          " | JUMLAH | 3.300.000.000 | 3.113.980.000 | 186.020.000 | 94,36"]


def test_a_programme_cell_that_breaks_its_sum_is_the_one_slip_reported():
    """The programme's realisasi 2.310.550.000 is not its kegiatan's 1.134.600.000 + 1.166.950.000 = 2.301.550.000;
    its sisa, its % and the JUMLAH row all agree with 2.301.550.000. One finding, on the cell that is wrong."""
    good = tsv(*BUDGET).format(real="2.301.550.000")
    assert errors_and_warnings(findings(good)) == []
    found = errors_and_warnings(findings(tsv(*BUDGET).format(real="2.310.550.000")))
    assert [(f.rule, f.location.line, f.actual, f.expected) for f in found] == [
        ("SUM003", 2, 2310550000, 2301550000)]

def test_flat_tables_have_no_outline():
    text = tsv("No | Kelurahan | Pria | Wanita | Jumlah", "1 | Lor | 3.174 | 3.212 | 6.386",
               "2 | Kulon | 2.000 | 2.100 | 4.100", "3 | Wetan | 1.000 | 1.500 | 2.500")
    assert outline(text) is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the project")
class TestFragments:
    """What a reviewer reads in the corpus tables that have a hierarchy."""

    @staticmethod
    def view(path: Path, line: int):
        from lkjip_lint.interpret.report import Report, Settings
        from lkjip_lint.interpret.vocabulary import load_vocabulary
        from lkjip_lint.readers.text import read

        report = Report(document=read(path), vocab=load_vocabulary(), settings=Settings())
        return next(v for v in report.views if v.table.line <= line <= max(r.line for r in v.rows))

    def test_sample_budget_table_programmes_over_kegiatan(self):
        # six PROGRAM rows in capitals, each followed by its kegiatan (dashed under the first, plain after)
        view = self.view(SHARED / "purbalingga-2024.txt", 875)
        assert view.outline.cue == "keywords"
        levels = {r.line: r.level for r in view.rows if r.type == "data"}
        assert [line for line, level in levels.items() if level == 1] == [875, 882, 885, 887, 891, 893]
        assert all(levels[line] == 2 for line in (876, 881, 883, 884, 886, 890, 892, 894))
        parents = {view.rows[p.row].line: [view.rows[c].line for c in p.children] for p in view.outline.parents}
        assert parents[875] == list(range(876, 882)) and parents[882] == [883, 884] and parents[887] == [890]

    def test_puskesmas_sections_carry_no_numbers_so_only_the_values_speak(self):
        # "a. Kesehatan Ibu" … "c. Pelayanan Kesehatan Balita" head numbered rows but have no numbers to add up;
        # the balita row is the parent of its two age groups by the values alone
        from lkjip_lint.interpret.hierarchy import parents

        view = self.view(SHARED / "more" / "29-puskesmas-capaian-ukm-2020.txt", 21)
        assert view.outline is None
        assert [(view.rows[p.row].line, [view.rows[c].line for c in p.children]) for p in parents(view)] == [(21, [22, 23])]

    def test_semarang_apm_age_groups_are_percentages_that_do_not_add_up(self):
        # "- usia 7-12 / 13-15 / 16-18 tahun" under "Angka Partisipasi Murni (APM):": rates, not parts of a sum
        view = self.view(SHARED / "more" / "14-disdikbudpora-kab-semarang-2020.txt", 32)
        assert view.outline is None and all(r.level == 0 for r in view.rows)
