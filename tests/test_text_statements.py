"""Statements of the running text read as facts and checked against each other.

Each case is a small passage written the way real reports word it (budget
passages over several paragraphs, a value taken up by "Angka ini", counts with
their shares); the expected values are worked out by hand in the comments.
"""
import pytest

from tests.helpers import errors_and_warnings, findings

BUDGET = """3.3. Akuntabilitas Keuangan

Anggaran Belanja Tahun Anggaran 2021 ditetapkan sebesar Rp. 11.086.045.415,- yang dialokasi untuk belanja operasi sebesar Rp. 11.057.116.765,- dan belanja modal sebesar Rp. 28.928.650,-.

Sampai berakhirnya tahun anggaran 2021 terserapnya anggaran sebesar Rp. 9.349.027.554,- atau 84,33 persen dari alokasi anggaran.

Anggaran belanja yang tidak terealisasikan sebesar Rp. 1.737.017.861,- atau 15,67 persen."""


def test_budget_passage_consistent_is_silent():
    # 11.057.116.765 + 28.928.650 = 11.086.045.415; 9.349.027.554 / 11.086.045.415 = 84.33 %;
    # 11.086.045.415 − 9.349.027.554 = 1.737.017.861; 1.737.017.861 / 11.086.045.415 = 15.67 %
    assert errors_and_warnings(findings(BUDGET, "TXT001")) == []


def test_breakdown_that_does_not_add_up():
    bad = BUDGET.replace("11.086.045.415", "11.086.045.405")
    found = errors_and_warnings(findings(bad, "TXT001"))
    assert [(f.location.line, f.expected) for f in found if f.expected == 11086045415] == [(3, 11086045415)]


def test_unspent_budget_recomputed_from_the_passage_total_and_realisasi():
    bad = BUDGET.replace("1.737.017.861", "1.737.017.866")
    [f] = errors_and_warnings(findings(bad, "TXT001"))
    assert (f.location.line, f.expected) == (7, 1737017861)


def test_serapan_uses_the_total_of_an_earlier_paragraph_not_a_part():
    bad = BUDGET.replace("84,33 persen", "84,73 persen")
    [f] = errors_and_warnings(findings(bad, "TXT001"))
    assert (f.location.line, f.expected) == (5, 84.33)



def test_serapan_in_the_same_paragraph_as_a_breakdown_uses_the_total_not_its_last_part():
    """"alokasi … Rp 8.450.000.000,- yang terdiri dari Belanja Pegawai Rp 5.200.000.000,- dan Belanja Barang dan
    Jasa Rp 3.250.000.000,-. Realisasi … Rp 7.912.345.600,- atau P%": P is 7.912.345.600 / 8.450.000.000 = 93,64%,
    never a share of the last part (243,46%)."""
    text = ("Pada Tahun Anggaran 2022 Bappeda memperoleh alokasi anggaran sebesar Rp 8.450.000.000,- yang terdiri dari "
            "Belanja Pegawai Rp 5.200.000.000,- dan Belanja Barang dan Jasa Rp 3.250.000.000,-. Realisasi anggaran "
            "sampai dengan 31 Desember 2022 sebesar Rp 7.912.345.600,- atau {p}% dari pagu.")
    assert errors_and_warnings(findings(text.format(p="93,64"), "TXT001")) == []
    [f] = errors_and_warnings(findings(text.format(p="93,46"), "TXT001"))
    assert (f.actual, f.expected) == (93.46, 93.64)

CHANGE = """Pada tahun 2021 PPPOMN memperoleh anggaran sebesar Rp.105.370.538.000. Anggaran tersebut terbagi dalam Belanja Pegawai sebesar Rp24.126.484.000, Belanja Modal Rp 48.022.572.000 dan Belanja Barang Rp.33.221.482.000.

Pada tanggal 26 Mei 2021 dilakukan Penghematan Belanja Pegawai senilai Rp. 1.544.000.000,- sehingga anggaran menjadi Rp. 103.826.538.000.

Realisasi anggaran sampai dengan triwulan II adalah sebesar Rp. 23.906.077.655 atau sebesar 23.03%."""


def test_breakdown_of_the_previous_sentence_total_change_and_absorption_hold():
    # 24.126.484.000 + 48.022.572.000 + 33.221.482.000 = 105.370.538.000; − 1.544.000.000 = 103.826.538.000;
    # 23.906.077.655 / 103.826.538.000 = 23.03 %
    assert errors_and_warnings(findings(CHANGE, "TXT001")) == []


def test_a_change_that_does_not_give_the_new_total():
    found = errors_and_warnings(findings(CHANGE.replace("103.826.538.000", "103.846.538.000"), "TXT001"))
    assert [(f.location.line, f.expected) for f in found if f.severity == "error"] == [(3, 103826538000)]


def test_absorption_against_the_changed_total():
    [f] = errors_and_warnings(findings(CHANGE.replace("23.03%", "22.68%"), "TXT001"))
    assert (f.location.line, f.expected) == (5, 23.03)


RATE = """Angka Kematian Bayi per 1000 kelahiran hidup di Provinsi tahun 2015 sebesar 4,88 per 1000 kelahiran hidup.

Angka ini bila dibandingkan dengan target sebesar 32 per 1000 kelahiran hidup maka capaian kinerja sebesar 184,75 dengan kriteria Sangat Tinggi.

Bila dibandingkan realisasi tahun 2015 sebesar 4,88 per 1000 lahir hidup dengan target tahun 2019 sebesar 24 per 1000 lahir hidup, maka capaian kinerja mencapai 179,67."""


def test_lower_is_better_named_in_the_passage_and_angka_ini():
    # (2 × 32 − 4,88) / 32 × 100 = 184,75 and (2 × 24 − 4,88) / 24 × 100 = 179,67: right for a lower-is-better rate
    assert errors_and_warnings(findings(RATE, "TXT001")) == []


def test_angka_ini_takes_the_value_of_the_sentence_before():
    [f] = errors_and_warnings(findings(RATE.replace("184,75", "184,95"), "TXT001"))
    assert (f.location.line, f.expected) == (3, 184.75)


def test_target_and_realisasi_per_different_bases():
    bad = RATE.replace("24 per 1000 lahir hidup", "24 per 100.000 lahir hidup")
    [f] = errors_and_warnings(findings(bad, "TXT001"))
    assert (f.location.line, f.actual, f.expected) == (5, "per 100.000", "per 1.000")


COUNTS = """Berdasarkan hasil pengukuran pada 5 (lima) indikator kinerja utama, rata-rata realisasi kinerja dengan kategori Sangat Baik.

Penjabarannya yaitu 3 (tiga) indikator sasaran atau sebanyak 60,00% dikategorikan sangat baik.

Sebanyak 1 (satu) indikator sasaran atau 20,00% dikategorikan Tinggi, dan 1 (satu) indikator sasaran atau 20,00% Sangat Rendah."""


def test_shares_of_a_count_stated_before():
    assert errors_and_warnings(findings(COUNTS, "TXT001")) == []
    [f] = errors_and_warnings(findings(COUNTS.replace("60,00%", "66,00%"), "TXT001"))
    assert (f.location.line, f.expected) == (3, 60)


def test_digits_and_number_words_that_disagree():
    [f] = errors_and_warnings(findings(COUNTS.replace("3 (tiga)", "7 (delapan)"), "TXT001"))
    assert (f.location.line, f.actual) == (3, "7 (delapan)")
    assert errors_and_warnings(findings("Terdapat 6 enam indikator sasaran dan 12 (dua belas) program.", "TXT001")) == []


AGREE_TABLE = """Tabel 3.67
Capaian Nilai Evaluasi Kinerja Anggaran

Indikator Kinerja\tTarget\tRealisasi\tCapaian
Nilai Evaluasi Kinerja Anggaran\t89\t87.93\t98.80%

Dari data tabel atas untuk capaian Nilai Evaluasi Kinerja Anggaran tahun 2021 berdasarkan hasil evaluasi memperoleh nilai 87.93 atau {capaian}."""


def test_text_value_of_an_indicator_agrees_with_its_table():
    assert errors_and_warnings(findings(AGREE_TABLE.format(capaian="98.80%"), "AGREE001", year=2021)) == []
    # "nilai 87.93" repeats the table's realisasi, so the percentage after "atau" is the capaian
    [f] = errors_and_warnings(findings(AGREE_TABLE.format(capaian="98.90%"), "AGREE001", year=2021))
    assert (f.location.line, f.expected) == (7, 98.8)


def test_values_of_another_year_are_not_compared_with_this_years_table():
    text = AGREE_TABLE.format(capaian="98.80%") + "\n\nPada tahun 2020 realisasi sebesar 80.5 dengan capaian 90.45%."
    assert errors_and_warnings(findings(text, "AGREE001", year=2021)) == []


def test_fraction_over_two_lines():
    text = ("Realisasi dihitung sebagai berikut:\n\n"
            "persentase APM SDMI 36.743 Penduduk usia 7 s.d 12 tahun yang sekolah x 100 = {r}\n"
            "39.834 Penduduk usia 7 s.d 12 tahun di Kabupaten\n")
    # 36 743 / 39 834 × 100 = 92.2403
    assert errors_and_warnings(findings(text.format(r="92.24"), "TXT001")) == []
    [f] = errors_and_warnings(findings(text.format(r="92.22"), "TXT001"))
    assert (f.location.line, f.expected) == (3, 92.24)



@pytest.mark.parametrize("sentence, whole, good, parts", [
    ("Kecamatan memiliki pegawai sebanyak 13 orang yang terdiri dari 8 ASN dan {n} orang THL.", 13, 5, "8 + {n}"),
    ("Jumlah pegawai Dinas sebanyak 45 orang, terdiri dari 30 PNS, 5 PPPK dan {n} tenaga honorer.", 45, 10,
     "30 + 5 + {n}"),
    ("Penduduk tercatat 1.200 jiwa, terdiri dari 600 laki-laki dan {n} perempuan.", 1200, 600, "600 + {n}"),
])
def test_a_count_of_people_split_by_kind_of_staff_or_sex_adds_up_exactly(sentence, whole, good, parts):
    """Staff counted by kind (ASN, PNS, PPPK, THL, honorer) or people by sex are one unit with "orang":
    the parts add up to the whole, and counts are exact (8 + 6 is 14, never "13 within rounding")."""
    assert errors_and_warnings(findings(sentence.format(n=good), "TXT001")) == []
    [f] = errors_and_warnings(findings(sentence.format(n=good + 1), "TXT001"))
    assert (f.actual, f.expected) == (whole, whole + 1)
    assert parts.format(n=good + 1) in f.message


def test_parts_of_another_kind_than_the_whole_are_not_added():
    """"25 orang … terdiri dari 3 bidang dan 10 seksi" counts units, not people: no sum to check."""
    text = "Jumlah pegawai sebanyak 25 orang yang terdiri dari 3 bidang dan 10 seksi."
    assert errors_and_warnings(findings(text, "TXT001")) == []

IKLH = """➢ IKA = target : 82% realisasi : 77,50%
➢ IKU = target : 82% realisasi : 84,18%
➢ IKL = target : 67,6% realisasi : 41,81%

IKLH = (0,376 x IKA) + (0,405 x IKU) + (0,219 x IKL)
IKLH = (0,376 x 77,50%) + (0,405 x 84,18%) + (0,219 x 41,81%)
IKLH ={r}"""


def test_expression_written_out_and_its_result():
    # 0,376 × 77,50 + 0,405 × 84,18 + 0,219 × 41,81 = 72,389
    assert errors_and_warnings(findings(IKLH.format(r="72,39%"), "TXT001")) == []
    [f] = errors_and_warnings(findings(IKLH.format(r="72,93%"), "TXT001"))
    assert (f.location.line, f.expected) == (6, 72.39)


def test_named_formula_and_numeric_formula_use_the_same_constants_and_values():
    [f] = errors_and_warnings(findings(IKLH.format(r="72,39%").replace("(0,376 x IKA)", "(0,316 x IKA)"), "TXT001"))
    assert (f.location.line, f.actual, f.expected) == (6, 0.376, 0.316)
    [f] = errors_and_warnings(findings(IKLH.format(r="72,39%").replace("realisasi : 77,50%", "realisasi : 77,10%"), "TXT001"))
    assert (f.location.line, f.actual, f.expected) == (6, 77.5, 77.1)



def test_coverage_counts_every_line_of_a_formula_worked_out_as_read():
    """The components' values, the formula with names, the one with numbers and its result line are all
    read: the names are bound to the values and the result is recomputed (the building is not read)."""
    from lkjip_lint.interpret.coverage import coverage
    from tests.helpers import report_of

    text = IKLH.format(r="72,39%") + "\n\nGedung kantor dibangun 3 lantai dengan 12 ruang rapat."
    info = coverage(report_of(text, year=2020))
    assert (info.sentences_with_numbers, info.sentences_read) == (7, 6)
    assert [s for _, s in info.unread] == ["Gedung kantor dibangun 3 lantai dengan 12 ruang rapat."]
    # a component whose value the formula does not use is not read by it
    unused = IKLH.format(r="72,39%").replace("IKL = target", "IKX = target")
    assert any("IKX" in s for _, s in coverage(report_of(unused, year=2020)).unread)

CHANGE_TEXT = ("Pada Tahun 2020 IKLH ditargetkan 80 terealisasi 72,39, dengan capaian kinerja sebesar 90,49%. "
               "Walaupun belum bisa mencapai target, tetapi realisasi tersebut {word} jika dibandingkan dengan realisasi "
               "Tahun 2019 yaitu 67,1 dengan peningkatan yang cukup signifikan yaitu sebesar {amount} point.")


def test_change_from_a_stated_baseline_to_the_value_taken_up():
    # 72,39 − 67,1 = 5,29 points (7,88 % relative)
    assert errors_and_warnings(findings(CHANGE_TEXT.format(word="meningkat", amount="5,29"), "CMP001", year=2020)) == []
    assert errors_and_warnings(findings(CHANGE_TEXT.format(word="meningkat", amount="7,88"), "CMP001", year=2020)) == []
    [f] = errors_and_warnings(findings(CHANGE_TEXT.format(word="meningkat", amount="5,92"), "CMP001", year=2020))
    assert (f.location.line, f.expected) == (1, 5.29)


@pytest.mark.parametrize("amount, wrong", [("0,13", False), ("2,28", False), ("0,31", True)])
def test_change_from_the_value_before_it_to_the_one_it_is_compared_with(amount, wrong):
    """"… tahun 2022 sebesar 5,84 ton/ha, naik D dibandingkan tahun 2021 yang sebesar 5,71": the current value
    stands before the change word, the baseline after "dibandingkan" (5,84 − 5,71 = 0,13; 2,28 % relative)."""
    text = (f"Produktivitas padi tahun 2022 sebesar 5,84 ton/ha, naik {amount} ton/ha dibandingkan tahun 2021 "
            "yang sebesar 5,71 ton/ha.")
    found = errors_and_warnings(findings(text, "CMP001", year=2022))
    assert [(f.actual, f.expected) for f in found] == ([(0.31, 0.13)] if wrong else [])

def test_change_to_a_value_stated_with_menjadi_from_a_baseline_stated_with_dari():
    # 5,32 − 4,87 = 0,45 points down
    text = "Tingkat Pengangguran Terbuka turun menjadi 4,87% dari 5,32% pada tahun 2022, atau turun {d} poin."
    assert errors_and_warnings(findings(text.format(d="0,45"), "CMP001", year=2023)) == []
    [f] = errors_and_warnings(findings(text.format(d="0,54"), "CMP001", year=2023))
    assert (f.actual, f.expected) == (0.54, 0.45)

def test_change_between_two_years_of_a_table():
    text = "\n".join([
        "Tabel 3.3.9", "Realisasi dan Capaian Indikator Kinerja APM SDMI Tahun 2015-2016", "",
        "No.\tIndikator Kinerja\tRealisasi 2015\tRealisasi 2016\tCapaian Kinerja 2015\tCapaian Kinerja 2016",
        "1\tAPM SDMI\t90,67\t92,22\t92,92\t101,46", "",
        "Dari tabel 3.3.9 dapat dilihat bahwa hasil capaian kinerja APM SDMI tahun 2016 jika dibandingkan dengan "
        "tahun 2015 terjadi peningkatan capaian kinerja sebesar {amount}.",
    ])
    # 101,46 − 92,92 = 8,54
    assert errors_and_warnings(findings(text.format(amount="8,54"), "CMP001", year=2016)) == []
    [f] = errors_and_warnings(findings(text.format(amount="8,50"), "CMP001", year=2016))
    assert (f.location.line, f.expected) == (7, 8.54)


def test_count_against_the_list_it_introduces():
    inline = "Penilaian ini diukur dari {n} indikator yaitu Penyerapan anggaran, konsistensi, capaian rincian output (CRO), efisiensi dan nilai efisiensi."
    # four commas-separated items, the last two joined by "dan": 5 items (4 if "dan" sat inside a name)
    assert errors_and_warnings(findings(inline.format(n="5 (lima)"), "COUNT003")) == []
    [f] = errors_and_warnings(findings(inline.format(n="7 (tujuh)"), "COUNT003"))
    assert (f.location.line, f.actual) == (1, 7)
    following = "\n\n".join(["Kecamatan telah menetapkan {n} sasaran antara lain :", "1) Meningkatnya Kualitas Pelayanan Publik",
                             "2) Meningkatnya Kinerja Penyelenggaraan", "3) Meningkatnya Akuntabilitas Kinerja",
                             "Dalam melaksanakan pencapaian tujuan maupun sasaran ada kendala."])
    assert errors_and_warnings(findings(following.format(n="3 (tiga)"), "COUNT003")) == []
    [f] = errors_and_warnings(findings(following.format(n="4 (empat)"), "COUNT003"))
    assert (f.location.line, f.actual, f.expected) == (1, 4, 3)


def test_a_duration_before_a_list_is_not_its_count():
    text = "\n\n".join(["Isu strategis yang akan ditangani pada kurun waktu 5 (lima) tahun sebagai berikut :",
                       "1. Pelayanan", "2. Kelembagaan", "3. Akuntabilitas", "Perumusan isu strategis mengacu pada Renstra."])
    assert errors_and_warnings(findings(text, "COUNT003")) == []


def test_percentage_concluded_from_two_counts_of_people():
    text = ("Pada tahun 2012 jumlah penduduk yang berusia 7-12 tahun adalah 26.508.500 orang, sedangkan jumlah siswa "
            "yang berusia 7-12 tahun adalah 22.736.501 siswa, sehingga APM SD/ SDLB adalah {p}.")
    # 22 736 501 / 26 508 500 × 100 = 85.7707
    assert errors_and_warnings(findings(text.format(p="85.77%"), "TXT002")) == []
    [f] = errors_and_warnings(findings(text.format(p="85.17%"), "TXT002"))
    assert (f.severity, f.expected) == ("warning", 85.77)
    # a third value in between makes the ratio unclear: nothing to say
    other = text.replace("sedangkan", "dengan 1.200 sekolah, sedangkan").format(p="85.17%")
    assert errors_and_warnings(findings(other, "TXT002")) == []


def test_percentage_concluded_from_two_counts_of_the_same_thing():
    text = "Dari 10 desa, sebanyak 9 desa melaksanakan musrenbang tepat waktu sehingga persentasenya {p}."
    assert errors_and_warnings(findings(text.format(p="90%"), "TXT002")) == []
    [f] = errors_and_warnings(findings(text.format(p="80%"), "TXT002"))
    assert (f.actual, f.expected) == (80, 90)
    # counts of different things say nothing of one another's share
    mixed = text.replace("sebanyak 9 desa", "sebanyak 9 kelompok").format(p="80%")
    assert errors_and_warnings(findings(mixed, "TXT002")) == []


def test_coverage_counts_what_was_read_and_what_was_not():
    from lkjip_lint.interpret.coverage import coverage
    from tests.helpers import report_of

    text = AGREE_TABLE.format(capaian="98.80%") + "\n\nGedung kantor dibangun 3 lantai dengan 12 ruang rapat."
    info = coverage(report_of(text, year=2021))
    assert (info.tables_found, info.tables_recognised) == (1, 1)
    # the sentence about the indicator became facts; the one about the building did not
    assert (info.sentences_with_numbers, info.sentences_read) == (2, 1)
    assert "Gedung kantor" in info.unread[0][1]
    [note] = findings(text, "READ004", year=2021)
    assert note.severity == "info" and "1 dari 2 kalimat" in note.message


def test_a_list_item_or_section_number_is_no_stated_value():
    """"1. Belum optimalnya …", "3.1. Identifikasi …", "(2) …": the number names the item; a sentence with
    only that number states no value (coverage does not count it), and a value after it is still read."""
    from lkjip_lint.interpret.claims import tokens
    from lkjip_lint.interpret.coverage import coverage
    from lkjip_lint.interpret.vocabulary import load_vocabulary
    from tests.helpers import report_of

    words = load_vocabulary().claims
    assert tokens("2. Belum optimalnya pemberdayaan masyarakat perdesaan.", words) == ()
    assert tokens("3.1. Identifikasi Permasalahan", words) == ()
    assert tokens("(4) Perlu peningkatan kesadaran masyarakat.", words) == ()
    for heading in ("3.2 Capaian Kinerja Anggaran Triwulan II Tahun 2021", "a.1 Capaian Kinerja Makro",
                    "III. 2 Evaluasi Kinerja Pencapaian Sasaran", "2.1.1 Meningkatnya kualitas pelayanan"):
        assert tokens(heading, words) == (), heading
    assert [t.num.raw for t in tokens("12.5 Km jalan kabupaten.", words)] == ["12.5"]  # a value, not a section
    assert tokens("- 1) Menyelenggarakan urusan pemerintahan umum.", words) == ()  # after a bullet
    assert [t.num.raw for t in tokens("- 12 Kelurahan dan 3 desa.", words)] == ["12", "3"]
    assert [t.num.raw for t in tokens("1. Nilai IKM unit pelayanan sebesar 75,5.", words)] == ["75,5"]
    assert [t.num.raw for t in tokens("12 Kelurahan dan 3 desa.", words)] == ["12", "3"]  # counts, not items
    text = "Permasalahan:\n\n1. Belum optimalnya pemberdayaan perempuan.\n\n2. Gedung kantor dibangun 3 lantai."
    assert coverage(report_of(text, year=2021)).sentences_with_numbers == 1


def test_a_nip_a_postcode_or_a_telephone_number_is_no_stated_value():
    from lkjip_lint.interpret.claims import tokens
    from lkjip_lint.interpret.vocabulary import load_vocabulary

    words = load_vocabulary().claims
    assert tokens("NIP. 19690601 198803 2 001", words) == ()
    assert tokens("Purbalingga Kode Pos 53317", words) == ()
    assert tokens("Telp. (0624) 693501, Fax. (0624) 693502", words) == ()
    assert [t.num.raw for t in tokens("pegawai sebanyak 13 orang", words)] == ["13"]


def test_coverage_counts_a_statement_of_a_target_reached_a_change_or_a_list_count_as_read():
    from lkjip_lint.interpret.coverage import coverage
    from tests.helpers import report_of

    text = ("Pada jenjang PAUD APK sebesar 78,51% yang berarti telah mencapai target RKPD yang sebesar 72,05%.\n\n"
            "Gedung kantor dibangun 3 lantai dengan 12 ruang rapat.\n\n"
            "Penilaian ini diukur dari 3 (tiga) indikator yaitu penyerapan anggaran, konsistensi dan efisiensi.")
    info = coverage(report_of(text, year=2021))
    # the target reached and the count of the list that follows were read; the building was not
    assert (info.sentences_with_numbers, info.sentences_read) == (3, 2)
    assert "Gedung kantor" in info.unread[0][1]


def test_coverage_counts_a_table_of_no_known_kind_whose_columns_show_a_relation_as_read():
    """A puskesmas' table "Sasaran | Angka | %": no kind, but % = Angka / Sasaran × 100 in every row, which the
    row-formula check tests, so its meaning was read; a table of bare numbers with no relation was not."""
    from lkjip_lint.interpret.coverage import coverage
    from tests.helpers import report_of

    rows = [("K4", 179, 146), ("Persalinan", 171, 126), ("Nifas", 160, 150), ("KN1", 171, 126), ("Balita", 90, 81)]
    related = "Indikator\tSasaran\tAngka\t%\n" + "\n".join(
        f"{name}\t{a}\t{b}\t{b / a * 100:.2f}" for name, a, b in rows)
    bare = "Uraian\tA\tB\tC\n" + "\n".join(f"{name}\t{a}\t{b}\t{a + b + 7}" for name, a, b in rows)
    info = coverage(report_of(related + "\n\nLain-lain.\n\n" + bare, year=2020))
    assert (info.tables_found, info.tables_recognised) == (2, 1)
    assert len(info.unrecognised) == 1
    # a header that names the values (here a change between two years) makes them facts: read
    change = "Indikator\tTahun 2019\tTahun 2020\tPerubahan %\n" + "\n".join(
        f"{name}\t{a}\t{b}\t{(b - a) / a * 100:.2f}" for name, a, b in rows[:2])
    assert coverage(report_of(change, year=2020)).tables_recognised == 1
    # words only (a plan of recommendations): no number left unchecked
    words = "No\tUnsur\tRekomendasi\n1.\tProsedur\tDisederhanakan\n2.\tWaktu\tDipercepat"
    assert coverage(report_of(words, year=2020)).tables_recognised == 1


def test_a_date_is_no_stated_value():
    """The day of "7 Januari 2022" or "12 Nop 2020" names a date; the amount in the same sentence is read."""
    from lkjip_lint.interpret.claims import tokens
    from lkjip_lint.interpret.vocabulary import load_vocabulary

    words = load_vocabulary().claims
    assert tokens("Madiun, 7 Januari 2022", words) == ()
    assert tokens("ditetapkan 12 Nop 2020", words) == ()
    said = tokens("DIPA yang diterbitkan tanggal 26 Mei 2021 sebesar Rp 105.370.538.000", words)
    assert [t.num.raw for t in said] == ["Rp 105.370.538.000"]
    assert [t.num.raw for t in tokens("terdiri dari 5 Desa dan 3 mar", words)] == ["5", "3"]  # no month there


def test_met_or_not_met_against_the_sentences_own_values():
    met = "Pada jenjang PAUD APK sebesar {r} yang berarti telah mencapai target RKPD yang sebesar 72,05%."
    assert errors_and_warnings(findings(met.format(r="78,51%"), "CMP001")) == []
    [f] = errors_and_warnings(findings(met.format(r="70,51%"), "CMP001"))
    assert (f.actual, f.expected) == ("tercapai", "belum tercapai")
    not_met = "IKLH ditargetkan 80 terealisasi 72,39, dengan capaian kinerja sebesar {c} atau belum bisa memenuhi target tahunan."
    assert errors_and_warnings(findings(not_met.format(c="90,49%"), "CMP001")) == []
    [f] = errors_and_warnings(findings(not_met.format(c="104,49%"), "CMP001"))
    assert (f.actual, f.expected) == ("belum tercapai", "tercapai")
    # a count after "pencapaian" is not a capaian
    count = "Dari hasil pengukuran terhadap pencapaian sebanyak 1 Tujuan dan 2 Sasaran, secara umum telah mencapai target."
    assert errors_and_warnings(findings(count, "CMP001")) == []


def test_an_indicators_rate_keeps_its_base():
    text = ("Angka Kematian Bayi per 1000 kelahiran hidup tahun 2015 sebesar 4,88 per 1000 kelahiran hidup.\n\n"
            "Angka Kematian Bayi AKB tahun 2015 sebesar 4,88 per 1000 kelahiran hidup dibandingkan survei SDKI 2012.\n\n"
            "Bila AKB ini dibandingkan dengan AKB hasil SDKI sebesar 30 per {base} kelahiran hidup maka AKB hanya seperenamnya.")
    assert errors_and_warnings(findings(text.format(base="1000"), "AGREE001")) == []
    [f] = errors_and_warnings(findings(text.format(base="1200"), "AGREE001"))
    assert (f.location.line, f.actual, f.expected) == (5, "per 1.200", "per 1.000")
    # a plan named beside rates of two indicators is no indicator of its own
    plans = ("Target RPJMD untuk Angka Kematian Bayi (AKB) adalah 8 per 1000 kelahiran hidup.\n\n"
             "Target RPJMD untuk Angka Kematian Ibu (AKI) adalah 80 per 100.000 kelahiran hidup.\n\n"
             "Target RPJMD untuk AKI tahun depan adalah 78 per 100.000 kelahiran hidup.")
    assert errors_and_warnings(findings(plans, "AGREE001")) == []


def test_a_sentence_restating_a_row_without_header():
    # the tail of a table whose header is on the page before: no roles, only the row's printed values
    table = "siswa\n2\tRasio guru murid per kelas rata-rata:\t\t\t\t\t\n\t-SDMI\tper siswa\t1:17\t1:17,9\t1:32\t83,86\n\t-SLTP\tper siswa\t1:16\t1:17,5\t1:34\t82\n"
    text = ("\nTarget dari indikator ini adalah terpenuhinya kebutuhan guru murid perkelas pada jenjang SDMI dengan target "
            "akhir RPJM yaitu 1:32 dan pada tahun 2016 terealisasi 1:17,9 dan pencapaian terhadap target RPJM yaitu {c}.")
    assert errors_and_warnings(findings(table + text.format(c="83,86"), "AGREE001")) == []
    [f] = errors_and_warnings(findings(table + text.format(c="83,82"), "AGREE001"))
    assert (f.actual, f.expected) == (83.82, 83.86)
    # restating one value only is not restating the row
    one = text.replace("1:32", "1:30").format(c="83,82")
    assert errors_and_warnings(findings(table + one, "AGREE001")) == []


NEGATIVE_TABLE = """Tabel 3.1
Capaian Indikator Kinerja Utama Tahun 2023

No	Indikator Kinerja	Satuan	Target	Realisasi	Capaian (%)
1	Angka Kematian Ibu	per 100.000 KH	98	85,2	{cap}
2	Prevalensi Stunting	%	14	15,3	90,71
3	Persentase Desa UCI	%	95	97,5	102,63

Angka Kematian Ibu pada tahun 2023 sebesar 85,2 per 100.000 kelahiran hidup, lebih rendah dari target 98, sehingga capaian kinerjanya {text}%."""


def test_a_sentence_restating_a_row_whose_own_capaian_is_wrong_blames_the_row():
    """The sentence restates the row's target 98 and realisasi 85,2 and gives (2 × 98 − 85,2) / 98 = 113,06; the
    row prints 113,60. The row is the wrong one: the finding is on the row, the sentence's value expected."""
    good = NEGATIVE_TABLE.format(cap="113,06", text="113,06")
    assert errors_and_warnings(findings(good, "AGREE001", year=2023)) == []
    [f] = errors_and_warnings(findings(NEGATIVE_TABLE.format(cap="113,60", text="113,06"), "AGREE001", year=2023))
    assert (f.location.line, f.actual, f.expected) == (5, 113.6, 113.06)
    assert f.location.table == "Tabel 3.1"
    # the sentence that does not follow from the row's values is the wrong one, as before
    [f] = errors_and_warnings(findings(NEGATIVE_TABLE.format(cap="113,06", text="113,60"), "AGREE001", year=2023))
    assert (f.location.line, f.actual, f.expected) == (9, 113.6, 113.06)
