"""Shapes met in real reports nobody here had seen (round 4): each false alarm's cause, on a synthetic table.

Each cause has a test that the alarm is gone and, where the fix could hide a
real defect, a test that the same defect in the same shape is still found.
"""
from lkjip_lint.interpret.contents import contents_entries
from tests.helpers import errors_and_warnings, findings, report_of, tsv

# a district table whose "Total" adds up the two population columns, with a "Desa + Kelurahan" total
# of the two village columns before them: not every count column left of "Total" is one of its parts
POPULATION = [
    "Tabel 2.1", "Wilayah dan Penduduk per Kecamatan", "",
    "No | Kecamatan | Desa | Kelurahan | Desa + Kelurahan | Laki-laki | Perempuan | Total",
    "1 | Sukamaju | 12 | 3 | 15 | 10.250 | 10.110 | 20.360",
    "2 | Sukaraja | 9 | 2 | 11 | 8.400 | 8.615 | 17.015",
    "3 | Cibening | 14 | 0 | 14 | 12.003 | 11.998 | 24.001",
    "4 | Cikadu | 7 | 1 | 8 | 5.120 | 5.300 | 10.420",
]


def test_row_total_takes_the_parts_the_values_show():
    assert errors_and_warnings(findings(tsv(*POPULATION), "SUM002")) == []


def test_row_total_still_finds_a_wrong_total_in_that_shape():
    rows = POPULATION[:-1] + ["4 | Cikadu | 7 | 1 | 8 | 5.120 | 5.300 | 10.520"]
    found = errors_and_warnings(findings(tsv(*rows), "SUM002"))
    assert [(f.location.line, f.actual, f.expected) for f in found] == [(8, 10520, 10420)]


def test_row_total_keeps_the_header_parts_when_a_third_part_is_mostly_zero():
    # L + P fits three rows of four; L + P + Jiwa Lainnya fits all four: the header's reading stays
    rows = ["No | Desa | L | P | Jiwa Lainnya | Jumlah",
            "1 | Lor | 100 | 120 | 0 | 220",
            "2 | Kulon | 90 | 95 | 0 | 185",
            "3 | Wetan | 80 | 70 | 0 | 150",
            "4 | Kidul | 60 | 65 | 5 | 130"]
    assert errors_and_warnings(findings(tsv(*rows), "SUM002")) == []
    bad = [rows[0], "1 | Lor | 100 | 120 | 0 | 230"] + rows[2:]
    assert [f.expected for f in errors_and_warnings(findings(tsv(*bad), "SUM002"))] == [220]


# a capaian table whose first numbered row was lost at the top of the page (numbers run 2, 3):
# the printed average covers a row that is not in the text
LOST_FIRST_ROW = [
    "Tabel 3.4", "Capaian Kinerja Sasaran 1", "",
    "No | Indikator Kinerja | Target | Realisasi | Capaian (%)",
    "2 | Persentase aduan yang ditindaklanjuti | 90 | 100 | 111,11",
    "3 | Persentase forum anak yang aktif | 69,23 | 53,85 | 77,78",
    " | Rata-rata |  |  | 96,30",
]


def test_average_over_rows_whose_numbering_shows_a_missing_row_is_not_checked():
    assert errors_and_warnings(findings(tsv(*LOST_FIRST_ROW), "SUM004")) == []


def test_average_over_complete_numbered_rows_is_still_checked():
    rows = ["No | Indikator Kinerja | Target | Realisasi | Capaian (%)",
            "1 | Persentase aduan yang ditindaklanjuti | 90 | 100 | 111,11",
            "2 | Persentase forum anak yang aktif | 69,23 | 53,85 | 77,78",
            " | Rata-rata |  |  | 96,30"]
    found = errors_and_warnings(findings(tsv(*rows), "SUM004"))
    assert [f.expected for f in found] == [94.45]


def test_numbering_that_restarts_per_sasaran_is_not_a_gap():
    rows = ["No | Indikator Kinerja | Capaian (%)",
            "1 | Indikator satu | 100",
            "2 | Indikator dua | 90",
            "1 | Indikator tiga | 80",
            " | Rata-rata | 95"]
    assert [f.expected for f in errors_and_warnings(findings(tsv(*rows), "SUM004"))] == [90]


def test_list_of_tables_numbered_by_roman_chapter_is_not_read_as_contents():
    text = "\n".join([
        "DAFTAR ISI",
        "KATA PENGANTAR ……………………..………………..…..…..... i",
        "BAB I PENDAHULUAN …………………………………… I – 1",
        "DAFTAR TABEL",
        "Tabel II.1 Tujuan dan Sasaran …………………………........ II – 12",
        "Tabel III-2 Capaian Kinerja ……………………………........ III – 4",
        "",
        "KATA PENGANTAR",
        "Puji syukur.",
    ])
    entries = [e.text for e in contents_entries(report_of(text))]
    assert not any(e.lower().startswith("tabel") for e in entries)  # those belong to the list of tables
    assert "KATA PENGANTAR" in entries  # leaders of dots and ellipses mixed are leaders, not title


def test_contents_entry_with_mixed_leaders_is_found_in_the_body():
    text = "\n".join([
        "DAFTAR ISI",
        "KATA PENGANTAR ……………………..………………..…..…..... i",
        "",
        "KATA PENGANTAR",
        "Puji syukur kami panjatkan.",
    ])
    assert [f for f in findings(text, "DOC001")] == []


def _reference_text(sentence: str) -> str:
    return tsv(sentence, "",
               "Tabel 4.9 Realisasi dan Capaian Angka Partisipasi Murni",
               "No | Indikator Kinerja | Realisasi 2022 | Realisasi 2023",
               "1 | APM SD | 90,67 | 92,22")


def test_sentence_opening_with_dari_tabel_points_back_not_at_the_next_table():
    found = findings(_reference_text("Dari tabel 4.8 dapat dilihat, target APM SD sebesar 90,89 terealisasi 92,22."),
                     "DOC002")
    assert errors_and_warnings(found) == [] and [f.severity for f in found] == ["info"]


def test_reference_to_the_following_table_with_a_wrong_number_is_still_found():
    found = findings(_reference_text("Realisasi APM SD dapat dilihat pada tabel 4.8 berikut."), "DOC002")
    assert [(f.severity, f.expected) for f in found] == [("warning", "Tabel 4.9")]


def test_an_acronym_with_digits_is_one_word_of_the_name():
    # the mention stopped at the first digit ("… Lombok Tengah DP"), a name the report never uses
    text = "LAKIP Kabupaten Sukamaju DP3AP2KB Tahun 2020\n\nBAB I\nKabupaten Sukamaju DP3AP2KB menangani 87 kasus.\n"
    assert [f for f in findings(text, "NAME001") if f.severity != "info"] == []


def test_another_kabupaten_beside_such_an_acronym_is_still_named():
    text = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nKABUPATEN SUKAMAJU DP3AP2KB\nTAHUN 2020\n\nBAB I PENDAHULUAN\n"
            "Dalam pelaksanaan tugas, Pemerintah Kabupaten Sukamukti telah menyusun SOP.\n"
            "Kabupaten Sukamaju DP3AP2KB menangani 87 kasus.\n")
    found = [f for f in findings(text, "NAME001") if f.severity != "info"]
    assert [f.actual for f in found] == ["Kabupaten Sukamukti"]


_CONTENTS_ONLY = [
    "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2021",
    "DAFTAR ISI",
    "KATA PENGANTAR ........................................ i",
    "DAFTAR ISI ............................................ ii",
    "BAB I PENDAHULUAN ..................................... 1",
    "1.1 Gambaran Umum ..................................... 1",
    "BAB II PERENCANAAN KINERJA ............................ 5",
    "BAB III AKUNTABILITAS KINERJA ......................... 9",
    "BAB IV PENUTUP ........................................ 20",
]


def test_a_file_of_front_matter_only_gets_one_contents_finding_not_one_per_entry():
    found = findings("\n".join(_CONTENTS_ONLY), "DOC001")
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity == "warning"
    assert "5 bab dan subbab" in found[0].message  # the chapters and sections, not the front matter


def test_a_body_with_one_chapter_keeps_one_finding_per_missing_entry():
    text = "\n".join(_CONTENTS_ONLY + ["", "BAB I", "PENDAHULUAN", "", "1.1 Gambaran Umum", "", "Kecamatan ini luas."])
    missing = [f.message for f in findings(text, "DOC001")]
    named = {name for name in ("KATA PENGANTAR", "BAB II", "BAB III", "BAB IV", "BAB I ") if any(f"'{name}" in m for m in missing)}
    assert named == {"KATA PENGANTAR", "BAB II", "BAB III", "BAB IV"}, missing  # each missing part named; Bab I is there
    assert len(missing) == 4 and all("Tak satu pun" not in m for m in missing)
