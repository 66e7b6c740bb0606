"""One entity index across tables and text (interpret/entities.py): what a reviewer reads as the report's
sasaran, programmes, kegiatan, places and instansi, however each is written."""
from pathlib import Path

import pytest

from lkjip_lint.interpret.entities import defined_acronyms
from tests.helpers import report_of, tsv

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

REPORT = "\n\n".join([
    "LAPORAN KINERJA KECAMATAN SUKAMAJU TAHUN 2024",
    "Pelayanan di Kelurahan Sukamaju Lor diukur dengan Indeks Kepuasan Masyarakat (IKM) setiap tahun.",
    "Tabel 1.1 Jumlah Penduduk\n" + tsv("No | Kelurahan | Jumlah", "1 | Sukamaju Lor | 300", "2 | Sukamaju Kidul | 200",
                                        " | Desa | ", "3 | Cibeureum | 100"),
    "Tabel 2.1 Perjanjian Kinerja\n" + tsv("Sasaran | Indikator Kinerja | Target",
                                           "Meningkatnya kualitas pelayanan | Indeks Kepuasan Masyarakat (IKM) | 88"),
    "Tabel 3.5 Realisasi Anggaran\n" + tsv("Program/ Kegiatan | Pagu (Rp.) | Realisasi (Rp.) | %",
                                           "PROGRAM PENUNJANG URUSAN | 300.000 | 290.000 | 96,67",
                                           "- Administrasi Keuangan | 100.000 | 95.000 | 95,00",
                                           "- Administrasi Umum | 200.000 | 195.000 | 97,50"),
])


def index():
    return report_of(REPORT).entities


def kinds(idx) -> dict[str, str]:
    return {e.name: e.kind for e in idx.entities}


def test_kinds_from_headers_keywords_sections_and_outline():
    got = kinds(index())
    assert got["Sukamaju Lor"] == "kelurahan" and got["Sukamaju Kidul"] == "kelurahan"
    assert got["Cibeureum"] == "desa"  # below the "Desa" row of the Kelurahan column
    assert got["Meningkatnya kualitas pelayanan"] == "sasaran"
    assert got["PROGRAM PENUNJANG URUSAN"] == "program"
    assert got["Administrasi Keuangan"] == "kegiatan" and got["Administrasi Umum"] == "kegiatan"
    assert got["Kecamatan Sukamaju"] == "instansi"


def test_a_place_in_a_table_and_in_the_text_is_one_entity():
    idx = index()
    lor = idx.find("Sukamaju Lor")
    assert [s.how for s in lor.seen] == ["column header", "mention"]
    assert idx.find("SUKAMAJU LOR") is lor and idx.find("Sukamaju  Lor,") is lor


def test_split_words_and_acronyms_the_report_defines():
    idx = index()
    assert idx.find("Administrasi Keu angan") is idx.find("Administrasi Keuangan")
    assert idx.acronyms["IKM"] == "Indeks Kepuasan Masyarakat"
    ikm = idx.find("IKM")
    assert ikm is not None and ikm.kind == "indikator" and ikm.acronym == "IKM"


def test_facts_of_budget_rows_carry_their_entity_kind():
    facts = [f for f in report_of(REPORT).facts if f.kind != "indikator"]
    assert {(f.entity, f.kind, f.measure) for f in facts} >= {
        ("PROGRAM PENUNJANG URUSAN", "program", "pagu"), ("Administrasi Keuangan", "kegiatan", "realisasi_anggaran")}


def test_a_header_that_names_something_else_too_says_nothing():
    text = tsv("No | Urusan/Program | Realisasi Anggaran (%)", "A | Urusan Pendidikan | 90,37",
               "1 | Peningkatan Mutu Pendidik | 98,74")
    assert index_of(text) == {}


def index_of(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in report_of(text).entities.entities if e.kind != "instansi"}


def test_acronym_expansions_follow_the_letters():
    got = defined_acronyms(["Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) disusun",
                            "sebagaimana Laporan Kinerja Instansi Pemerintah (LKjIP) tahun ini",
                            "angka ini (2024) bukan singkatan", "Kelurahan (ABCDE) tidak cocok"])
    assert got == {"SAKIP": "Sistem Akuntabilitas Kinerja Instansi Pemerintah",
                   "LKJIP": "Laporan Kinerja Instansi Pemerintah"}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the project")
def test_sample_places_programmes_and_instansi():
    from lkjip_lint.interpret.report import Report, Settings
    from lkjip_lint.interpret.vocabulary import load_vocabulary
    from lkjip_lint.readers.text import read

    report = Report(document=read(SHARED / "purbalingga-2024.txt"), vocab=load_vocabulary(), settings=Settings())
    by_kind: dict[str, set[str]] = {}
    for e in report.entities.entities:
        by_kind.setdefault(e.kind, set()).add(e.name)
    # Tabel 1.1: eleven kelurahan, then a "Desa" row and two desa (Tabel 1.2 misspells one kelurahan)
    assert by_kind["desa"] == {"Jatisaba", "Toyareja"}
    assert {"Purbalingga Lor", "Kembaran Kulon", "Kandanggampang"} <= by_kind["kelurahan"]
    assert len(by_kind["program"]) == 6 and all(name.startswith("PROGRAM") for name in by_kind["program"])
    assert "Koordinasi Kegiatan Pemberdayaan Desa" in by_kind["kegiatan"]
    assert by_kind["instansi"] == {"Kecamatan Purbalingga"}
    assert report.entities.acronyms["SAKIP"] == "Sistem Akuntabilitas Kinerja Instansi Pemerintah"
    assert report.entities.find("Wirasana").seen[-1].how == "mention"
