"""One test module for the table-arithmetic check kinds: small inline tables, good and bad."""
import pytest

from tests.helpers import errors_and_warnings, findings, tsv

AREA = [
    "Tabel 1.1", "Luas Wilayah", "",
    "No | Kelurahan | Luas (Km²) | Jumlah | ",
    " |  |  | RW | RT",
    "1 | Lor | 0,84 | 6 | 24",
    "2 | Kulon | 0,56 | 3 | 12",
    " | Desa |  |  | ",
    "1 | Jatisaba | 1,94 | 5 | 11",
]


def area(total_row):
    return tsv(*AREA, total_row)


def test_column_total_good_including_section_rows():
    assert errors_and_warnings(findings(area(" | Jumlah | 3,34 | 14 | 47"), "SUM001")) == []


def test_column_total_bad_count_and_malformed_area():
    found = findings(area(" | Jumlah | 1.473.36 | 12 | 47"), "SUM001")
    by_col = {f.location.column: f for f in found}
    assert by_col["Jumlah › RW"].expected == 14 and by_col["Jumlah › RW"].actual == 12
    assert by_col["Jumlah › RW"].severity == "error" and by_col["Jumlah › RW"].location.line == 10
    assert by_col["Luas (Km²)"].expected == pytest.approx(3.34) and by_col["Luas (Km²)"].actual == "1.473.36"


def test_malformed_number_is_its_own_finding():
    [f] = findings(area(" | Jumlah | 1.473.36 | 14 | 47"), "NUM001")
    assert f.actual == "1.473.36" and f.expected is None and f.location.line == 10


def test_rounded_area_total_within_rounding_is_accepted():
    # three parts printed to 0,01 add up to 3,34 ± 0,015: 3,35 is within rounding, 3,40 is not
    assert findings(area(" | Jumlah | 3,35 | 14 | 47"), "SUM001") == []
    [f] = findings(area(" | Jumlah | 3,40 | 14 | 47"), "SUM001")
    assert f.severity == "error" and f.expected == pytest.approx(3.34)


POP = [
    "No | Kelurahan | Pria |  | Wanita |  | Jumlah Total | ",
    " |  | Jumlah | % | Jumlah | % | Jumlah | %",
]


def test_share_of_row_good_and_bad():
    good = tsv(*POP, "1 | Lor | 3.174 | 49.70 | 3.212 | 50,30 | 6.386 | 100")
    assert errors_and_warnings(findings(good, "PCT001", "SUM002")) == []
    bad = tsv(*POP, "4 | Penambongan | 2.406 | 50.62 | 2.427 | 49.38 | 4.833 | 100")
    found = {f.location.column: f.expected for f in findings(bad, "PCT001")}
    assert found == {"Pria › %": pytest.approx(49.78), "Wanita › %": pytest.approx(50.22)}


def test_row_total_bad():
    bad = tsv(*POP, "1 | Lor | 3.174 | 49.70 | 3.212 | 50,30 | 6.396 | 100")
    [f] = findings(bad, "SUM002")
    assert f.expected == 6386


def test_share_of_column_with_unlabelled_subtotals():
    rows = ["No. | Uraian |  | Jumlah | %", "1 | Jenis Kelamin | L | 9 | 69", " |  | P | 4 | 31", " |  |  | 13 | 100"]
    assert errors_and_warnings(findings(tsv(*rows), "PCT001", "SUM001")) == []
    rows[1] = "1 | Jenis Kelamin | L | 9 | 60"
    found = errors_and_warnings(findings(tsv(*rows), "PCT001"))
    assert [(f.location.line, f.expected) for f in found] == [(2, pytest.approx(69.23))]


CAPAIAN = "Indikator Kinerja | Satuan | Target 2024 | Realisasi 2024 | Capaian 2024 (%) | Kategori"


@pytest.mark.parametrize("printed, expected", [("102.57", None), ("102.56", None), ("102.51", 102.57), ("102.7", 102.57), ("102.5", 102.57)])
def test_capaian_formula(printed, expected):
    found = findings(tsv(CAPAIAN, f"Indeks Kepuasan Masyarakat | Indeks | 91.5 | 93.85 | {printed} | Sangat Tinggi"), "CAP001")
    if expected is None:
        assert found == []
    else:
        [f] = found
        assert f.expected == pytest.approx(expected) and f.location.line == 2
        # one unit off in the last printed digit is a warning; a truncated value only a note
        assert f.severity == {"102.7": "warning", "102.5": "info"}.get(printed, "error")


def test_capaian_negative_polarity_accepts_either_formula():
    head = "Indikator Kinerja | Target | Realisasi | Capaian (%)"
    # (2T - R)/T = (2*10 - 8)/10 = 120 ; T/R = 125
    for printed in ("120", "125"):
        assert findings(tsv(head, f"Angka kematian ibu | 10 | 8 | {printed}"), "CAP001") == []
    [f] = findings(tsv(head, "Angka kematian ibu | 10 | 8 | 80"), "CAP001")
    assert f.evidence["polarity"] == "negative"


def test_capaian_declared_negative_in_configuration():
    row = tsv("Indikator Kinerja | Target | Realisasi | Capaian (%)", "Jumlah pelanggaran perda | 10 | 8 | 120")
    assert findings(row, "CAP001", negative_indicators=["pelanggaran perda"]) == []


def test_capped_capaian_is_only_a_note():
    [f] = findings(tsv("Indikator | Target | Realisasi | Capaian (%)", "Cakupan layanan | 80 | 96 | 100"), "CAP001")
    assert f.severity == "info"


def test_budget_absorption_and_both_efficiency_conventions():
    head = "Indikator Kinerja | Target | Realisasi | Capaian % | Anggaran | Realisasi | % | Tingkat Efisiensi"
    good = tsv(head, "Nilai SAKIP | 66 | 64.86 | 98.27 | 10.599.350.000 | 9.804.856.607 | 92.5 | 7.5%")
    assert errors_and_warnings(findings(good, "BUD", "CAP001")) == []
    conv2 = tsv("No | Tujuan | Capaian Kinerja (%) | Efisiensi (%) | Realisasi Anggaran (%)", "A | Mutu | 71,50 | -27,24 | 98,74")
    assert errors_and_warnings(findings(conv2, "BUD002")) == []
    bad = tsv(head, "Nilai SAKIP | 66 | 64.86 | 98.27 | 10.599.350.000 | 9.804.856.607 | 93.5 | 7.5%")
    [f] = findings(bad, "BUD001")
    assert f.expected == pytest.approx(92.5)


def test_programme_equals_sum_of_kegiatan():
    rows = ["Program/ Kegiatan | Anggaran |  | ", " | Pagu (Rp.) | Realisasi (Rp.) | Presentase (%)",
            "PROGRAM PENYELENGGARAAN | 182.651.000 | 176.405.694 | 96.58",
            "Koordinasi | 180.411.000 | 174.165.694 | 96.54",
            "Pelaksanaan | 2.240.000 | 2.240.000 | 100"]
    assert errors_and_warnings(findings(tsv(*rows), "SUM003", "BUD001")) == []
    rows[2] = "PROGRAM PENYELENGGARAAN | 182.000.000 | 176.405.694 | 96.93"
    [f] = findings(tsv(*rows), "SUM003")
    assert f.expected == 182651000 and f.location.line == 3


SURVEY = ["NO | UNSUR PELAYANAN | NILAI IKM | NILAI KONVERSI | MUTU PELAYANAN"] + [
    f"{i} | Unsur {i} | {v} | {c} | A" for i, (v, c) in enumerate(
        [("3,758", "93,95"), ("3,633", "90,825"), ("3,642", "91,05"), ("3,944", "98,6"), ("3,656", "91,4"),
         ("3,812", "95,3"), ("3,748", "93,7"), ("3,899", "97,475"), ("3,729", "93,225")], start=1)]


def test_survey_index_with_printed_weight():
    rows = SURVEY + ["NRR Tertimbang/unsur |  | 3,754 |  | ", "IKM UNIT PELAYANAN |  |  | 93,853 | A"]
    assert errors_and_warnings(findings(tsv(*rows), "SKM")) == []
    rows[-1] = "IKM UNIT PELAYANAN |  |  | 95,853 | A"
    [f] = findings(tsv(*rows), "SKM002")
    assert f.expected == pytest.approx(93.853, abs=0.001)


def test_survey_conversion_row_formula():
    rows = list(SURVEY)
    rows[1] = "1 | Unsur 1 | 3,758 | 93,5 | A"
    [f] = findings(tsv(*rows), "SKM001")
    assert f.expected == pytest.approx(93.95)


def test_undeclared_negative_indicator_is_a_note_not_an_error():
    head = "Indikator Kinerja | Target | Realisasi | Capaian (%)"
    # "Rasio keluhan" is not known to be lower-is-better; (2T - R)/T = 120 reproduces the print
    [f] = findings(tsv(head, "Rasio keluhan layanan | 10 | 8 | 120"), "CAP001")
    assert f.severity == "info" and "negative_indicators" in f.message


def test_survey_index_weight_follows_the_number_of_unsur():
    # 14 unsur (KEP/25/2004 surveys): w = 1/14, printed 0,071
    rows = ["NO | UNSUR PELAYANAN | NILAI IKM | NILAI KONVERSI"] + [f"{i} | Unsur {i} | 3,500 | 87,5" for i in range(1, 15)]
    total = 3.5 * 14
    good = rows + [f"NRR Tertimbang/unsur |  | {total * 0.071:.3f} | ".replace(".", ",")]
    assert errors_and_warnings(findings(tsv(*good), "SKM002")) == []


def test_survey_mutu_letter_and_label_follow_the_interval_table():
    rows = ["NO | UNSUR PELAYANAN | NILAI IKM | NILAI KONVERSI | MUTU PELAYANAN | UKURAN KINERJA",
            "1 | Persyaratan | 3,758 | 93,95 | A | Sangat Baik", "2 | Prosedur | 3,000 | 75,00 | B | Baik"]
    found = findings(tsv(*rows), "SKM002")
    assert sorted((f.actual, f.expected) for f in found) == [("B", "C"), ("Baik", "Kurang Baik")]


def test_handled_cases_are_higher_is_better_despite_the_word_kasus():
    head = "Indikator Kinerja | Target | Realisasi | Capaian (%)"
    assert findings(tsv(head, "Persentase kasus kekerasan yang mendapat penanganan | 90 | 100 | 111,11"), "CAP001") == []
    # the word alone still means lower is better: 90/100 is the negative T/R
    assert findings(tsv(head, "Jumlah kasus kekerasan | 90 | 100 | 90"), "CAP001") == []


CHANGE = "No | Indikator | Capaian Tahun N-1 | Capaian Tahun N | Perubahan %"


def test_change_column_relative_or_difference_by_the_tables_own_rows():
    relative = tsv(CHANGE, "1 | IPM | 71,43 | 71,61 | 0,25", "2 | PDRB | 17.259,19 | 17.306,59 | 0,27")
    assert findings(relative, "CHG001") == []
    # a table that writes plain differences (percentage points) is judged by that convention
    points = tsv(CHANGE, "1 | IPM | 71,43 | 71,61 | 0,18", "2 | Kemiskinan | 9,57 | 9,53 | -0,04", "3 | X | 10,00 | 12,00 | 3,00")
    [f] = findings(points, "CHG001")
    assert (f.location.line, f.expected) == (4, 2)
    wrong = tsv(CHANGE, "1 | IPM | 71,43 | 71,61 | - 28,39%", "2 | PDRB | 17.259,19 | 17.306,59 | 17.206,59")
    assert [(f.location.line, f.expected) for f in findings(wrong, "CHG001")] == [(2, pytest.approx(0.25)), (3, pytest.approx(0.27))]


def test_change_column_that_settles_no_convention_expects_the_reading_nearest_the_print():
    # one row a difference (5,84 − 5,71 = 0,13), one a relative change (1,6 / 86,5 = 1,85 %): nothing settled;
    # 3,53 between 35,40 and 38,75 is a slip for the difference 3,35, not for the relative 9,46 %
    rows = tsv("No | Indikator | Realisasi 2021 | Realisasi 2022 | Kenaikan/Penurunan",
               "1 | Produktivitas padi | 5,71 | 5,84 | 0,13", "2 | Skor PPH | 86,5 | 88,1 | 1,85",
               "3 | Kelompok tani madya | 35,40 | 38,75 | 3,53")
    [f] = findings(rows, "CHG001")
    assert (f.location.line, f.expected) == (4, 3.35)

def test_change_between_real_years_and_silence_without_two_periods():
    years = "Indikator | 2019 | 2020 | Kenaikan/Penurunan"
    [f] = findings(tsv(years, "IKM | 80 | 88 | 12"), "CHG001")
    assert f.expected == pytest.approx(10)
    # an amended budget column ("Anggaran › Perubahan") is no change column
    budget = tsv("Program | Anggaran | ", " | Murni | Perubahan", "Program A | 100.000 | 120.000")
    assert findings(budget, "CHG001") == []
