"""Column relations found from values (interpret/relations.py) and the check that follows them (REL001)."""
import pytest

from lkjip_lint.interpret.relations import relations

from tests.helpers import errors_and_warnings, findings, report_of, tsv


def found(*rows):
    view = report_of(tsv(*rows)).views[0]
    return [(view.columns[r.result].header, r.op, view.columns[r.a].header, view.columns[r.b].header) for r in relations(view)]


COVERAGE = ["Indikator | Sasaran | Target | Angka | %", "A | 179 | 100% | 146 | 81.56",
            "B | 36 | 100% | 40 | 111.11", "C | 171 | 90% | 126 | 73.68", "D | 24 | 80% | 5 | 20.83"]


def test_a_percent_column_is_found_as_a_ratio_of_two_others():
    assert found(*COVERAGE) == [("%", "ratio100", "Angka", "Sasaran")]


def test_difference_and_sum_columns_are_found():
    rows = ["Uraian | Pagu | Realisasi | Sisa Dana", "A | 1.000 | 800 | 200", "B | 5.000 | 4.250 | 750", "C | 700 | 700 | 0"]
    assert found(*rows) == [("Sisa Dana", "difference", "Pagu", "Realisasi")]
    rows = ["Desa | L | P | Semua", "A | 10 | 12 | 22", "B | 7 | 9 | 16", "C | 30 | 31 | 61"]
    assert found(*rows) in ([("Semua", "sum", "L", "P")], [("Semua", "sum", "P", "L")])


def test_coincidences_are_refused():
    # a constant result (all 100) fits any a/a; a result that repeats its input (target 100) means nothing
    assert found("Indikator | T | R | %", "A | 80 | 80 | 100", "B | 90 | 90 | 100", "C | 70 | 70 | 100") == []
    assert found("Indikator | X | Y | Z", "A | 100 | 55 | 55", "B | 100 | 61 | 61", "C | 100 | 42 | 42") == []
    # one row is not enough evidence
    assert found("Indikator | Sasaran | Angka | %", "A | 179 | 146 | 81.56") == []


def test_a_relation_that_fits_only_half_the_rows_is_no_relation():
    rows = COVERAGE[:3] + ["C | 171 | 90% | 126 | 70.00", "D | 24 | 80% | 5 | 30.00"]
    assert found(*rows) == []


def test_rows_that_break_a_found_relation_are_findings_with_the_expected_value():
    assert errors_and_warnings(findings(tsv(*COVERAGE), "REL001")) == []
    bad = COVERAGE[:3] + ["C | 171 | 90% | 126 | 76.38"] + COVERAGE[4:]
    [f] = findings(tsv(*bad), "REL001")
    assert (f.location.line, f.expected, f.severity) == (4, pytest.approx(73.68), "error")


def test_columns_with_a_header_formula_are_left_to_their_own_check():
    rows = ["Indikator | Target | Realisasi | Capaian (%)", "A | 80 | 88 | 110", "B | 50 | 45 | 90", "C | 40 | 44 | 100"]
    assert findings(tsv(*rows), "REL001") == []
    assert [f.location.line for f in findings(tsv(*rows), "CAP001")] == [4]


def test_parent_rows_from_values_and_no_claim_when_nothing_fits():
    from lkjip_lint.interpret.hierarchy import parents

    rows = ["Uraian | Sasaran | Capaian | %", "Ibu hamil | 179 | 146 | 81.56", "Balita | 999 | 779 | 77.98",
            "usia 0-11 bulan | 163 | 156 | 95.71", "usia 12-59 bulan | 836 | 623 | 74.52", "Remaja | 977 | 876 | 89.66"]
    view = report_of(tsv(*rows)).views[0]
    assert [(view.rows[p.row].line, [view.rows[c].line for c in p.children]) for p in parents(view)] == [(3, [4, 5])]
    rows[3] = "usia 0-11 bulan | 160 | 150 | 93.75"  # the two groups no longer add up to the balita row
    assert parents(report_of(tsv(*rows)).views[0]) == []
    # small numbers that happen to add up (1 + 2 = 3) prove nothing
    small = ["Uraian | Jumlah | Aktif", "A | 3 | 3", "B | 1 | 1", "C | 2 | 2", "D | 5 | 4"]
    assert parents(report_of(tsv(*small)).views[0]) == []


def test_header_and_values_disagree_one_note_and_the_rows_follow_the_values():
    rows = ["Indikator | Sasaran | Target | Realisasi | Capaian (%)", "A | 179 | 100 | 146 | 81.56",
            "B | 36 | 90 | 40 | 111.11", "C | 171 | 80 | 126 | 73.68", "D | 24 | 60 | 5 | 20.83"]
    # "Capaian" names Realisasi / Target, but every row is Realisasi / Sasaran: no error per row
    [note] = findings(tsv(*rows), "REL001", "CAP001")
    assert (note.rule, note.severity, note.expected) == ("REL001", "info", "Realisasi / Sasaran × 100")
    rows[3] = "C | 171 | 80 | 126 | 75.68"
    found = errors_and_warnings(findings(tsv(*rows), "REL001", "CAP001"))
    assert [(f.rule, f.location.line, f.expected) for f in found] == [("REL001", 4, pytest.approx(73.68))]


def test_a_row_equal_to_the_sum_of_the_rows_above_is_a_total_without_a_label():
    rows = ["Kelurahan | Penduduk | KK | %", "Bancar | 1.200 | 400 | 40", "Kandang | 1.800 | 610 | 60",
            "Kelurahan | 3.000 | 1.010 | 100"]
    view = report_of(tsv(*rows)).views[0]
    assert [r.type for r in view.rows] == ["data", "data", "implicit_total"]
    rows[3] = "Semua | 3.000 | 1.100 | 100"  # KK no longer adds up; Penduduk still does
    [f] = errors_and_warnings(findings(tsv(*rows), "SUM001"))
    assert (f.location.line, f.expected) == (4, 1010)
    # two rows whose numbers do not add up to the next: all data
    rows[3] = "Lain | 2.100 | 900 | 100"
    assert [r.type for r in report_of(tsv(*rows)).views[0].rows] == ["data", "data", "data"]


def test_small_whole_numbers_that_happen_to_fit_are_no_relation():
    assert found("Unit | A | B | C", "X | 5 | 3 | 2", "Y | 7 | 4 | 3", "Z | 2 | 1 | 1") == []


def test_a_total_does_not_count_a_parent_and_its_children_twice():
    rows = ["Uraian | Penduduk | Keluarga", "Ibu hamil | 179 | 146", "Balita | 999 | 779", "usia 0-11 bulan | 163 | 156",
            "usia 12-59 bulan | 836 | 623", "Jumlah | 1.178 | 925"]
    assert errors_and_warnings(findings(tsv(*rows), "SUM001")) == []
    rows[5] = "Jumlah | 1.178 | 952"
    [f] = errors_and_warnings(findings(tsv(*rows), "SUM001"))
    assert (f.location.line, f.expected) == (6, 925)


def test_a_lower_is_better_row_of_a_found_ratio_may_use_the_negative_formulas():
    """'% Capaian terhadap Target Akhir' is Realisasi / Target Akhir × 100 on the rows where higher is better; the
    poverty rate (lower is better) gives (2 × 8,50 − 9,62) / 8,50 × 100 = 86,82 there, as capaian columns do."""
    head = ("No | Indikator Kinerja | Target 2023 | Realisasi 2023 | % Capaian 2023 | Target Akhir RPJMD 2026 | "
            "% Capaian terhadap Target Akhir")
    rows = ["1 | Indeks Pembangunan Manusia | 73,10 | 73,45 | 100,48 | 74,50 | 98,59",
            "2 | Pertumbuhan Ekonomi | 5,30 | 5,41 | 102,08 | 5,60 | 96,61",
            "3 | Rata-rata lama sekolah | 8,90 | 8,92 | 100,22 | 9,20 | 96,96",
            "4 | Persentase Penduduk Miskin | 9,80 | 9,62 | 101,84 | 8,50 | {v}"]
    text = tsv(head, *rows)
    assert errors_and_warnings(findings(text.format(v="86,82"), "REL001", year=2023)) == []
    assert errors_and_warnings(findings(text.format(v="88,36"), "REL001", year=2023)) == []  # 8,50 / 9,62 × 100
    [f] = errors_and_warnings(findings(text.format(v="86,28"), "REL001", year=2023))
    assert f.location.row == "Persentase Penduduk Miskin" and f.expected == 113.18


@pytest.mark.parametrize("label, kind", [
    ("Rata-rata", "average"), ("Rata - rata Capaian Kinerja", "average"), ("RATA-RATA CAPAIAN IKU TAHUN 2023", "average"),
    ("Rata-rata capaian (%)", "average"), ("Rata-rata Lama Sekolah", "data"), ("Rata-rata Nilai UN SMP", "data"),
])
def test_an_average_row_is_the_word_and_what_is_averaged_not_an_indicator_named_rata_rata(label, kind):
    """"Rata-rata Lama Sekolah" (mean years of schooling) is an indicator, whose row is no average of the rows above."""
    text = tsv("No | Indikator Kinerja | Target | Realisasi | Capaian (%)",
               "1 | Indeks Pembangunan Manusia | 73,10 | 73,45 | 100,48",
               "2 | Harapan Lama Sekolah | 12,90 | 12,95 | 100,39",
               f" | {label} | 8,90 | 8,92 | 100,22")
    view = report_of(text, year=2023).views[0]
    assert view.rows[-1].type == kind
