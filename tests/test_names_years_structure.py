"""Names, years and document structure (issue 4): small inline reports, good and bad,
(the data-driven cases in tests/cases/document/*.yaml run in tests/test_cases.py)."""
from __future__ import annotations

from pathlib import Path


from lkjip_lint.engine.loader import load_rules
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.sentences import split
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers.text import parse

RULES = {r.id: r for r in load_rules()}
VOCAB = load_vocabulary()
CASES = Path(__file__).parent / "cases" / "document"

KEC = "LAPORAN KINERJA INSTANSI PEMERINTAH\n\nKECAMATAN SUKAMAJU\nKABUPATEN MEKARJAYA\nTAHUN ANGGARAN 2024\n\n"
DINAS = "LAPORAN KINERJA\n\nDINAS PENDIDIKAN DAN KEBUDAYAAN\nKABUPATEN MEKARJAYA\nTAHUN 2024\n\n"


def lint(text: str, rule_id: str, settings: Settings | None = None, severities=("error", "warning")):
    report = Report(parse(text), VOCAB, settings or Settings())
    findings = run_rules(report, [RULES[rule_id]], "id")
    return [f for f in findings if f.severity in severities]


def lines(findings) -> list:
    return [f.location.line for f in findings]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


# -- sentences ---------------------------------------------------------------------------

def test_sentences_keep_abbreviations_and_decimals_together():
    text = ("Berdasarkan Perpres No. 29 Tahun 2014 nilai IKM 93.85 dicapai. Dra. YUNI RAHAYU, M.Si menandatangani. "
            "Hasilnya dapat dilihat pada Tabel 4.1. sebagai berikut. Selesai")
    got = [s.text for s in split(text)]
    assert got == [
        "Berdasarkan Perpres No. 29 Tahun 2014 nilai IKM 93.85 dicapai.",
        "Dra. YUNI RAHAYU, M.Si menandatangani.",
        "Hasilnya dapat dilihat pada Tabel 4.1. sebagai berikut.",
        "Selesai",
    ]


# -- NAME001 foreign subject ---------------------------------------------------------------

FOREIGN = KEC + """Batas wilayah Kecamatan Sukamaju adalah sebagai berikut:

- Utara : Kecamatan Cibeber dan Kecamatan Cilaku
- Selatan : berbatasan dengan Kecamatan Cikalong

Uraian tugas dalam organisasi Kecamatan Peraturan Bupati Mekarjaya Nomor 10 Tahun 2016 diatur sebagai berikut.

Legalisasi dan pelayanan di kantor Kecamatan Cibeber gratis.

Dalam pelaksanaan tugas, Pemerintah Kecamatan Cibeber telah menyusun SOP. Kecamatan Cibeber juga menyusun SOP.

Kecamatan Sukamaju menempati peringkat 2 se-Kabupaten Mekarjaya setelah Kecamatan Cilaku.

Kecamatan di Kabupaten Mekarjaya menyusun laporan kinerja; peraturan berlaku.
"""


def test_foreign_subject_flags_another_kecamatan_once_per_line():
    found = lint(FOREIGN, "NAME001")
    assert lines(found) == [line_of(FOREIGN, "kantor Kecamatan Cibeber"), line_of(FOREIGN, "Pemerintah Kecamatan Cibeber")]
    assert {f.expected for f in found} == {"Kecamatan Sukamaju"}
    assert found[0].actual == "Kecamatan Cibeber"


def test_foreign_subject_leaves_borders_rankings_and_regulations_alone():
    found = lint(FOREIGN, "NAME001")
    quiet = [line_of(FOREIGN, "Utara"), line_of(FOREIGN, "Selatan"), line_of(FOREIGN, "peringkat"),
             line_of(FOREIGN, "Kecamatan Peraturan")]
    assert not set(lines(found)) & set(quiet)


def test_foreign_subject_in_a_dinas_report_needs_an_actor_pattern():
    text = DINAS + """Sumber: Badan Pusat Statistik Tahun 2024.

Dinas Kesehatan melaksanakan vaksinasi di sekolah bersama guru.

Laporan Kinerja Dinas Kesehatan ini disusun untuk memenuhi kewajiban.

Capaian Dinas Pendidikan tahun 2024 baik.
"""
    found = lint(text, "NAME001")
    assert lines(found) == [line_of(text, "Laporan Kinerja Dinas Kesehatan")]
    assert found[0].expected == "Dinas Pendidikan dan Kebudayaan"


def test_foreign_subject_leaves_a_misspelling_to_name002():
    text = KEC + "Pelayanan di kantor Kecamatan Sukamju gratis.\n"
    assert lint(text, "NAME001") == []


# -- NAME002 misspelt subject ---------------------------------------------------------------

def test_misspelt_subject_and_kabupaten():
    text = KEC + "Diunggah di website Kecamatan Sukamju tepat waktu.\n\nWilayah Kabupaten Mekarjya luas.\n\nKecamatan Sukamaju Kabupaten Mekarjaya.\n"
    found = lint(text, "NAME002")
    assert [(f.location.line, f.expected) for f in found] == [
        (line_of(text, "Sukamju"), "Kecamatan Sukamaju"),
        (line_of(text, "Mekarjya"), "Kabupaten Mekarjaya"),
    ]


def test_misspelt_subject_ignores_distant_names_and_borders():
    text = KEC + "- Utara : Kecamatan Sukamaja\n\nKecamatan Cibeber dan Kecamatan Sukamaju.\n"
    assert lint(text, "NAME002") == []


# -- NAME003 name variants ------------------------------------------------------------------

VARIANTS = KEC + """Tabel 1.1
Luas Wilayah

No\tKelurahan\tLuas (Km2)\tRW\tRT
1\tSukamaju Lor\t0,84\t6\t24
2\tSukamaju Kidul\t1,03\t6\t22
3\tKandanggampang\t0,52\t5\t18
4\tCibodas\t1,27\t5\t18
\tJumlah\t3,66\t22\t82

Tabel 1.2
Jumlah Penduduk

No\tKelurahan\tPria\tWanita\tJumlah
1\tSukamaju Lor\t3.174\t3.212\t6.386
2\tSukamaju Kidul\t2.932\t2.994\t5.926
3\tKandanggangpang\t1.478\t1.543\t3.021
4\tCibodas\t1.585\t1.636\t3.221
\tJumlah\t9.169\t9.385\t18.554

Di Kelurahan Kandanggampang terdapat pasar.
"""


def test_name_variants_between_tables_listing_the_same_places():
    found = lint(VARIANTS, "NAME003")
    assert len(found) == 1
    f = found[0]
    assert f.location.line == line_of(VARIANTS, "3\tKandanggangpang")
    assert (f.actual, f.expected) == ("Kandanggangpang", "Kandanggampang")


def test_name_variants_quiet_when_tables_agree_and_for_codes():
    good = VARIANTS.replace("Kandanggangpang", "Kandanggampang")
    assert lint(good, "NAME003") == []
    codes = KEC + ("No\tGolongan\tL\tP\n1\tIII/a\t2\t1\n2\tIII/b\t1\t1\n3\tIV/a\t1\t0\n\n"
                   "No\tGolongan\tJumlah\n1\tIII/a\t3\n2\tIII/c\t2\n3\tIV/a\t1\n")
    assert lint(codes, "NAME003") == []


def test_name_variants_text_against_table_labels():
    text = VARIANTS.replace("Kandanggangpang", "Kandanggampang").replace(
        "Di Kelurahan Kandanggampang", "Di Kelurahan Kandangampang")
    found = lint(text, "NAME003")
    assert [(f.location.line, f.expected) for f in found] == [(line_of(text, "Di Kelurahan"), "Kandanggampang")]


def test_signatory_written_two_ways_is_a_note():
    text = KEC + """KATA PENGANTAR

Laporan ini disusun.

CAMAT SUKAMAJU

Dra. YUNI RAHAYU, M.Si

Pembina TK I

NIP. 19690601 198803 2 001

BAB IV PENUTUP

CAMAT SUKAMAJU

Dra. YUNI RAHAYU., M.Si
Pembina Tingkat I
NIP. 19690601 198803 2 001
"""
    found = lint(text, "NAME003", severities=("info",))
    assert [(f.location.line, f.severity) for f in found] == [
        (line_of(text, "RAHAYU., M.Si"), "info"), (line_of(text, "Pembina Tingkat I"), "info")]


# -- COUNT001 / COUNT002 count claims --------------------------------------------------------

COUNTS = KEC + """Wilayah Kecamatan Sukamaju terdiri dari 5 Kelurahan, 2 desa, 5 dusun, 68 RW dan 251 RT.

Tabel 1.1
Luas Wilayah Desa, Jumlah Dusun, RW dan RT

No\tKelurahan\tLuas Wilayah (Km2)\tJumlah\t\t
\t\t\tDusun\tRW\tRT
1\tSukamaju Lor\t0,84\t-\t6\t24
2\tSukamaju Kidul\t1,03\t-\t6\t22
3\tCibodas\t1,27\t-\t5\t18
4\tCikupa\t1,21\t-\t6\t18
\tDesa\t\t\t\t
1\tJatisari\t1,94\t3\t5\t11
2\tTegalrejo\t1,97\t2\t3\t15
\tJumlah\t8,26\t5\t31\t108

Penduduk tersebar di 4 (empat) Kelurahan dan 2(dua) desa.
"""


def test_count_claims_against_rows_sections_and_column_sums():
    found = lint(COUNTS, "COUNT001")
    line = line_of(COUNTS, "terdiri dari 5 Kelurahan")
    assert sorted((f.location.line, f.actual, f.expected) for f in found) == [
        (line, 5, 4), (line, 68, 31), (line, 251, 108)]


def test_count_claims_quiet_when_right():
    good = COUNTS.replace("5 Kelurahan", "4 Kelurahan").replace("68 RW", "31 RW").replace("251 RT", "108 RT")
    assert lint(good, "COUNT001") == []


PK = KEC + """Tabel 2.1
Perjanjian Kinerja Perubahan Tahun 2024

No\tTujuan\tSasaran\tIndikator\tSatuan\tTarget
1\tMeningkatnya kualitas pelayanan publik\t\tIndeks Kepuasan Masyarakat\tIndeks\t88
\t\tMeningkatnya kualitas pelayanan\tIndeks Kepuasan Masyarakat\tIndeks\t88
2\tMeningkatnya kualitas kelembagaan\t\tNilai Kematangan Perangkat Daerah\tAngka\t34
\t\tMeningkatnya implementasi SAKIP\tNilai SAKIP\tNilai\t66

Dalam tahun 2024 Kecamatan Sukamaju menetapkan sebanyak 1 tujuan, 2 sasaran dengan 2 indikator kinerja.

Tujuan pertama terdiri dari 1 indikator kinerja.
"""


def test_pk_count_claims():
    found = lint(PK, "COUNT002")
    line = line_of(PK, "menetapkan sebanyak")
    assert sorted((f.location.line, f.actual, f.expected) for f in found) == [(line, 1, 2), (line, 2, 3)]
    good = PK.replace("1 tujuan, 2 sasaran dengan 2 indikator", "2 tujuan, 2 sasaran dengan 3 indikator")
    assert lint(good, "COUNT002") == []


def test_pk_count_copied_from_the_pk_before_its_amendment_is_a_note():
    original = """Tabel 2.1
Perjanjian Kinerja Tahun 2024

No\tTujuan\tSasaran\tIndikator\tSatuan\tTarget
1\tMeningkatnya kualitas pelayanan publik\t\tIndeks Kepuasan Masyarakat\tIndeks\t91
\t\tMeningkatnya kualitas pelayanan\tNilai SAKIP\tNilai\t66

"""
    text = PK.replace("Tabel 2.1\nPerjanjian Kinerja Perubahan", original + "Tabel 2.2\nPerjanjian Kinerja Perubahan")
    assert lint(text, "COUNT002") == []
    notes = lint(text, "COUNT002", severities=("info",))
    assert sorted((f.actual, f.expected) for f in notes) == [(1, 2), (2, 3)]


# -- YEAR001 years ------------------------------------------------------------------------------

YEARS = KEC + """DAFTAR ISI

BAB II PERENCANAAN KINERJA\t10
C. Perjanjian Kinerja Tahun 2022\t12
D. Rencana Strategis 2021-2026\t13

DAFTAR TABEL

Tabel 2.1\t:\tAnggaran Per Program tahun 2022
Tabel 3.1\t:\tCapaian APK Tahun 2019, Tahun 2020 dan Tahun 2021
Tabel 3.2\t:\tPerbandingan Realisasi 2023 dan Target 2024

BAB II

C. Perjanjian Kinerja Tahun 2024

Berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 laporan disusun.

D. Rencana Kerja Tahun 2025

Tabel 1.1
Luas Wilayah Kecamatan Sukamaju Tahun 2023

No\tKelurahan\tLuas
1\tSukamaju\t1,2
2\tCibodas\t1,4

Sumber: Kecamatan Sukamaju dalam angka 2024.

Mekarjaya, Januari 2025
"""


def test_years_in_contents_list_of_tables_and_captions():
    found = lint(YEARS, "YEAR001")
    assert [(f.location.line, f.actual, f.expected) for f in found] == [
        (line_of(YEARS, "C. Perjanjian Kinerja Tahun 2022"), 2022, 2024),
        (line_of(YEARS, "Anggaran Per Program tahun 2022"), 2022, 2024),
        (line_of(YEARS, "Tabel 1.1"), 2023, 2024),
    ]


def test_a_later_year_is_a_note():
    found = lint(YEARS, "YEAR001", severities=("info",))
    assert [(f.location.line, f.actual) for f in found] == [(line_of(YEARS, "Rencana Kerja Tahun 2025"), 2025)]


# -- TBL001 numbering ---------------------------------------------------------------------------

NUMBERING = KEC + """BAB III

Tabel 3.1
Skala

No\tNilai
1\t2

Tabel 3.2
Capaian

No\tNilai
1\t2

Tabel 3.2
Realisasi

No\tNilai
1\t2

Tabel 3.
Anggaran

No\tNilai
1\t2

Tabel 3.5
Efisiensi

No\tNilai
1\t2

Tabel 3.4
Lain

No\tNilai
1\t2
"""


def test_table_numbering():
    warnings = lint(NUMBERING, "TBL001")
    assert [(f.location.line, f.expected) for f in warnings] == [
        (line_of(NUMBERING, "Realisasi") - 1, None), (line_of(NUMBERING, "Lain") - 1, "Tabel 3.6")]
    notes = lint(NUMBERING, "TBL001", severities=("info",))
    assert [f.location.line for f in notes] == [line_of(NUMBERING, "Anggaran") - 1, line_of(NUMBERING, "Efisiensi") - 1]


# -- TBL002 list of tables ------------------------------------------------------------------------

LIST = KEC + """DAFTAR TABEL

Tabel 1.1\t:\tLuas Wilayah Desa
Tabel 1.2\t:\tJumlah Pegawai Menurut Jenis Kelamin
Tabel 2.1\t:\tIndikator Kinerja
Tabel 2.1\t:\tAnggaran Kegiatan
Tabel 3.3\t:\tCapaian Kinerja Tujuan dan Sasaran Meningkatnya kualitas pelayanan
Tabel 3.4\t:\tPerbandingan antara realisasi 2024 dengan capaian beberapa tahun sebelumnya (IKM)

BAB I

Tabel 1.1
Luas Wilayah Desa

No\tKelurahan\tLuas
1\tSukamaju\t1,2

Tabel 1.2
Jumlah Penduduk Kecamatan Sukamaju

No\tKelurahan\tJumlah
1\tSukamaju\t12

Tabel 2.2
Perjanjian Kinerja

No\tIndikator\tTarget
1\tIKM\t88

Tabel 3.3
Capaian Kinerja Tujuan “Meningkatnya kualitas pelayanan publik dikecamatan” dan Sasaran “Meningkatnya kualitas pelayanan kecamatan”

No\tIndikator\tTarget
1\tIKM\t88

Tabel 3.4
Perbandingan antara realisasi 2024 dengan capaian beberapa tahun sebelumnya

No\tIndikator\tTarget
1\tIKM\t88
"""


def test_list_of_tables_against_captions():
    found = lint(LIST, "TBL002")
    got = sorted((f.location.line, f.expected) for f in found)
    assert got == sorted([
        (line_of(LIST, "Jumlah Pegawai"), "Jumlah Penduduk Kecamatan Sukamaju"),  # another title
        (line_of(LIST, "\tIndikator Kinerja"), None),  # no caption 2.1 in the body
        (line_of(LIST, "Anggaran Kegiatan"), None),  # 2.1 listed twice …
        (line_of(LIST, "Anggaran Kegiatan"), None),  # … and still no caption
        (line_of(LIST, "Perjanjian Kinerja") - 1, None),  # caption 2.2 not listed
    ])


# -- DOC001 contents ------------------------------------------------------------------------------

CONTENTS = KEC + """DAFTAR ISI

Halaman Judul\ti
Kata Pengantar\tii
Daftar Tabel\tiii
BAB I PENDAHULUAN\t1
A. Latar Belakang\t1
B. Maksud dan Tujuan\t2
BAB II PERENCANAAN DAN PERJANJIAN KINERJA\t5
A. Capaian Kinerja Perangkat Daerah\t9
Lampiran\t20

DAFTAR TABEL

Tabel 1.1\t:\tLuas

KATA PENGANTAR

Syukur.

BAB I

PENDAHULUAN

A. Latar Belakang

G. Sistematika

- A. Capaian Kinerja Perangkat Daerah

BAB II

PERENCANAAN KINERJA
"""


def test_contents_against_headings():
    warnings = lint(CONTENTS, "DOC001")
    assert [f.location.line for f in warnings] == [line_of(CONTENTS, "Maksud dan Tujuan")]
    notes = lint(CONTENTS, "DOC001", severities=("info",))
    assert [f.location.line for f in notes] == [line_of(CONTENTS, "PERENCANAAN DAN PERJANJIAN"),
                                                line_of(CONTENTS, "Lampiran\t")]


FRAGMENT_START = KEC + """IKHTISAR EKSEKUTIF

Laporan ini memuat capaian 5 indikator.

DAFTAR ISI

Kata Pengantar\ti
Daftar Isi\tii
Ikhtisar Eksekutif\tiii
BAB I PENDAHULUAN\t1
BAB II PERENCANAAN KINERJA\t5

BAB I

PENDAHULUAN

Laporan ini disusun setiap tahun.
"""


def test_a_fragment_may_begin_after_or_end_before_what_its_contents_lists():
    """A file that starts at the Ikhtisar and ends in BAB I: its contents' Kata Pengantar (before the first
    part found) and BAB II (after the last) may lie outside it, so they are notes, not warnings."""
    assert lint(FRAGMENT_START, "DOC001") == []
    notes = lint(FRAGMENT_START, "DOC001", severities=("info",))
    assert [(f.location.line, "berkas ini tampaknya hanya sebagian" in f.message) for f in notes] == [
        (line_of(FRAGMENT_START, "Kata Pengantar"), True), (line_of(FRAGMENT_START, "BAB II PERENCANAAN"), True)]


def test_a_whole_report_missing_a_listed_part_is_warned_even_at_its_edges():
    whole = FRAGMENT_START.replace("BAB II PERENCANAAN KINERJA\t5\n", "BAB II PERENCANAAN KINERJA\t5\n"
                                   "BAB III AKUNTABILITAS KINERJA\t9\nBAB IV PENUTUP\t20\n")
    whole += "\nBAB II\n\nPERENCANAAN KINERJA\n\nBAB III\n\nAKUNTABILITAS KINERJA\n\nBAB IV\n\nPENUTUP\n"
    assert lines(lint(whole, "DOC001")) == [line_of(whole, "Kata Pengantar")]


def test_contents_left_as_text_with_dot_leaders():
    text = KEC + """KATA PENGANTAR ......................................... i
BAB I PENDAHULUAN .............................................. 1
C. Perjanjian Kinerja Tahun 2022 ............................... 9
BAB II PERENCANAAN KINERJA ..................................... 5

KATA PENGANTAR

Syukur, dan lain-lain....

BAB I

PENDAHULUAN

BAB II PERENCANAAN KINERJA

C. Perjanjian Kinerja Tahun 2024
"""
    assert lines(lint(text, "DOC001")) == []
    assert lines(lint(text, "YEAR001")) == [line_of(text, "Tahun 2022")]
    # the leader line "BAB II …" before "BAB I" is the contents, not the chapter order
    whole = text + "\nBAB III AKUNTABILITAS KINERJA\n\nBAB IV PENUTUP\n"
    assert "urutan" not in " ".join(f.message.lower() for f in lint(whole, "STRUCT001"))


# -- DOC002 table references ------------------------------------------------------------------------

def test_table_reference_points_at_the_caption_that_follows():
    text = KEC + """Hasil perhitungan dapat dilihat pada Tabel 19.

Tabel 28.
Analisis Tingkat Efisiensi Kegiatan

No\tIndikator\tIE
1\tRiset\t1,063

Rincian disajikan dalam Tabel 28. sebagai berikut.
"""
    found = lint(text, "DOC002")
    assert [(f.location.line, f.expected) for f in found] == [(line_of(text, "Tabel 19"), "Tabel 28")]


def test_a_fragment_may_refer_to_a_table_after_its_end():
    """A file cut from a report, ending at Tabel 14: "Tabel 15" may come after it (a note); in a whole
    report the same reference, with Tabel 14 following, is a warning."""
    part = """Rincian realisasi anggaran per output dapat dilihat pada Tabel 15.

Tabel 14.
Realisasi Anggaran Per Sasaran

Sasaran\tTarget\tRealisasi
Riset\t10\t9
"""
    text = KEC + part
    assert lint(text, "DOC002") == []
    [note] = lint(text, "DOC002", severities=("info",))
    assert note.location.line == line_of(text, "Tabel 15") and "sebagian laporan" in note.message
    whole = KEC + "BAB I PENDAHULUAN\n\nBAB II PERENCANAAN\n\nBAB III AKUNTABILITAS KINERJA\n\n" + part
    assert [(f.location.line, f.expected) for f in lint(whole, "DOC002")] == [(line_of(whole, "Tabel 15"), "Tabel 14")]


def test_table_reference_backwards_or_unknown_is_a_note():
    text = KEC + """Tabel 3.1
Skala

No\tNilai
1\t2

Sebagaimana Tabel 2.1 di atas, target tercapai.
"""
    assert lint(text, "DOC002") == []
    assert lines(lint(text, "DOC002", severities=("info",))) == [line_of(text, "Tabel 2.1")]


# -- STRUCT001 structure ----------------------------------------------------------------------------

WHOLE = KEC + """IKHTISAR EKSEKUTIF

Ringkas.

BAB I PENDAHULUAN

Uraian.

BAB II PERENCANAAN KINERJA

Tabel 2.1
Perjanjian Kinerja Tahun 2024

No\tSasaran\tIndikator\tTarget
1\tMeningkatnya pelayanan\tIKM\t88

BAB III AKUNTABILITAS KINERJA

Tabel 3.1
Capaian Kinerja

Indikator\tTarget 2024\tRealisasi 2024\tCapaian 2024 (%)
IKM\t88\t90\t102,27

Tabel 3.2
Realisasi Anggaran

Program/ Kegiatan\tPagu (Rp.)\tRealisasi (Rp.)\tPresentase (%)
PROGRAM PENUNJANG\t1.000.000\t900.000\t90,00

BAB IV PENUTUP

Demikian.

CAMAT SUKAMAJU

Dra. YUNI RAHAYU, M.Si

Pembina TK I

NIP. 19690601 198803 2 001
"""


def test_structure_of_a_whole_report():
    assert lint(WHOLE, "STRUCT001", severities=("error", "warning", "info")) == []


def test_structure_missing_parts_have_no_line():
    text = WHOLE.replace("IKHTISAR EKSEKUTIF", "PRAKATA").replace("BAB II PERENCANAAN KINERJA", "PERENCANAAN")
    text = text.split("CAMAT SUKAMAJU")[0]
    found = lint(text, "STRUCT001")
    assert sorted(f.actual for f in found) == ["BAB II", "Ikhtisar Eksekutif", "tanda tangan"]
    assert all(f.location.line is None for f in found)
    # the PK is then found outside BAB II: a note
    notes = lint(text, "STRUCT001", severities=("info",))
    assert [f.actual for f in notes] == ["Perjanjian Kinerja"]


def test_structure_leaves_fragments_alone():
    text = KEC + "BAB III AKUNTABILITAS KINERJA\n\nUraian tanpa tabel.\n"
    assert lint(text, "STRUCT001", severities=("error", "warning", "info")) == []


def test_a_contents_of_front_matter_only_does_not_make_a_fragment_whole():
    # the first pages of a report: its summary, a contents cut after the front matter, one chapter
    text = KEC + ("IKHTISAR EKSEKUTIF\n\nRingkas.\n\nDAFTAR ISI\n\nKata Pengantar ……………i\n"
                  "Daftar Isi ……………ii\nIkhtisar Eksekutif ……………iii\n\nBAB I\n\nUraian.\n")
    assert lint(text, "STRUCT001", severities=("error", "warning", "info")) == []


def test_a_contents_naming_the_chapters_makes_a_missing_one_a_finding():
    contents = ("DAFTAR ISI\n\nBAB I PENDAHULUAN ……………1\nBAB II PERENCANAAN KINERJA ……………5\n"
                "BAB III AKUNTABILITAS KINERJA ……………9\nBAB IV PENUTUP ……………20\n\n")
    text = WHOLE.replace("IKHTISAR EKSEKUTIF", contents + "IKHTISAR EKSEKUTIF").replace(
        "BAB II PERENCANAAN KINERJA", "PERENCANAAN")
    assert "BAB II" in [f.actual for f in lint(text, "STRUCT001")]


# -- READ001 / READ002 ------------------------------------------------------------------------------

def test_no_tables_in_a_report_that_names_captions():
    text = KEC + "BAB I\n\nTabel 1.1\nLuas Wilayah\n\nSumber: BPS\n"
    found = lint(text, "READ001")
    assert len(found) == 1 and found[0].location.line is None
    assert lint(KEC + "Uraian pertama.\n\nUraian kedua.\n\nUraian ketiga.\n", "READ001") == []


def test_caption_with_no_table_is_a_note():
    text = KEC + "Tabel 3.12\nCapaian APK Tahun 2019, Tahun 2020 dan Tahun 2021\n\nSumber: Dinas\n\nTabel 3.13\nCapaian APM\n\nNo\tNilai\n1\t2\n"
    assert lint(text, "READ002") == []
    notes = lint(text, "READ002", severities=("info",))
    assert lines(notes) == [line_of(text, "Tabel 3.12")]
