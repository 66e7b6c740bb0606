"""DOC004: a regulation cited with its title has that title's number and year."""
from tests.helpers import errors_and_warnings, findings

GOOD = ("Sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan "
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk "
        "Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.")


def test_known_titles_with_their_numbers():
    assert errors_and_warnings(findings(GOOD, "DOC004")) == []
    # the old law of the same title is a real citation too
    assert errors_and_warnings(findings("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah.", "DOC004")) == []


def test_a_number_that_is_not_the_titles():
    [f] = errors_and_warnings(findings(GOOD.replace("Nomor 29 Tahun 2014", "Nomor 24 Tahun 2014"), "DOC004"))
    assert (f.actual, f.expected) == ("Nomor 24 Tahun 2014", "Nomor 29 Tahun 2014")
    [f] = errors_and_warnings(findings(GOOD.replace("Nomor 53 Tahun 2014", "Nomor 35 Tahun 2014"), "DOC004"))
    assert f.expected == "Nomor 53 Tahun 2014"


def test_unknown_or_differently_worded_titles_are_not_judged():
    # a title written otherwise (and another kind) is left alone
    text = ("berdasarkan Perpres Nomor 29 Tahun 2014 dan Permenpan No 53 Tahun 2014 tentang akuntabilitas kinerja "
            "instansi pemerintah. Peraturan Daerah Nomor 12 Tahun 2016 tentang Pembentukan Perangkat Daerah.")
    assert errors_and_warnings(findings(text, "DOC004")) == []
