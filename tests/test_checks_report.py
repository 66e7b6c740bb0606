"""Checks on the report as a whole: scale and categories, PK agreement, indicators, text claims, domain tables."""
import pytest

from tests.helpers import errors_and_warnings, findings, report_of, tsv

SCALE = "\n".join([
    "Tabel 3.1", "Skala Nilai Peringkat Kinerja", "",
    tsv("No | Interval Nilai Realisasi Kinerja | Kriteria Penilaian Realisasi Kinerja",
        "1 | $91\\% \\leq 100\\%$ | Sangat Tinggi", "2 | $76\\% \\leq 90\\%$ | Tinggi", "3 | $66\\% \\leq 75\\%$ | Sedang",
        "4 | $51\\% \\leq 65\\%$ | Rendah", "5 | $\\leq 50\\%$ | Sangat Rendah"),
    "",
])
CAPAIAN = "Indikator Kinerja | Satuan | Target 2024 | Realisasi 2024 | Capaian 2024 (%) | Kategori"


def test_scale_table_read_as_contiguous_half_open_bands():
    scale = report_of(SCALE).scale
    assert scale.source == "table"
    assert [scale.classify(v).label for v in (102, 91, 90.5, 76, 75.5, 50.2)] == [
        "Sangat Tinggi", "Sangat Tinggi", "Tinggi", "Tinggi", "Sedang", "Sangat Rendah"]


def test_category_against_own_scale():
    good = SCALE + "\n" + tsv(CAPAIAN, "Nilai Kematangan | Angka | 33 | 33 | 100 | Sangat Tinggi")
    assert errors_and_warnings(findings(good, "CAT001")) == []
    bad = SCALE + "\n" + tsv(CAPAIAN, "Nilai Kematangan | Angka | 33 | 33 | 100 | Tinggi")
    [f] = findings(bad, "CAT001")
    assert (f.actual, f.expected, f.severity) == ("Tinggi", "Sangat Tinggi", "error")


def test_label_of_another_scale_is_an_error():
    bad = SCALE + "\n" + tsv(CAPAIAN, "Nilai SAKIP | Nilai | 66 | 64,86 | 98.27 | Baik")
    [f] = findings(bad, "CAT001")
    assert f.expected == "Sangat Tinggi" and "skala lain" in f.message


def test_report_without_scale_table_uses_permendagri_default():
    report = report_of(tsv(CAPAIAN, "X | % | 80 | 60 | 75 | Sedang"))
    assert report.scale.name == "permendagri-86-2017"
    [f] = findings(tsv(CAPAIAN, "X | % | 80 | 60 | 75 | Tinggi"), "CAT001")
    assert f.expected == "Sedang"


def test_other_label_set_from_the_report():
    scale = "\n".join(["Tabel 3.1", "Kriteria Capaian", "", tsv("Interval | Predikat", "≥ 100 | Tercapai", "< 100 | Tidak Tercapai"), ""])
    good = scale + "\n" + tsv(CAPAIAN, "X | % | 80 | 80 | 100 | Tercapai")
    assert errors_and_warnings(findings(good, "CAT001")) == []
    [f] = findings(scale + "\n" + tsv(CAPAIAN, "X | % | 80 | 72 | 90 | Tercapai"), "CAT001")
    assert f.expected == "Tidak Tercapai"


def test_category_stated_in_text():
    text = SCALE + "\n" + tsv(CAPAIAN, "Nilai SAKIP Kecamatan | Nilai | 66 | 64,86 | 98.27 | Sangat Tinggi") + (
        "\n\nNilai SAKIP Kecamatan dengan capaian kinerja sebesar 98.27% (kategori tinggi);")
    [f] = [f for f in findings(text, "CAT001") if f.location.line and f.location.line > 10]
    assert f.expected == "Sangat Tinggi"


PK = ["Tabel 2.1", "Perjanjian Kinerja Tahun 2024", "",
      "No | Tujuan | Indikator | Satuan | Target", "1 | T1 | Indeks Kepuasan Masyarakat (IKM) | Indeks | 91.5", ""]
PK_AMENDED = ["Tabel 2.2", "Perjanjian Kinerja Perubahan Tahun 2024", "",
              "No | Tujuan | Indikator | Satuan | Target Tahun 2024", "1 | T1 | Indeks Kepuasan Masyarakat (IKM) | Indeks | 88", ""]


def test_pk_perubahan_supersedes_the_original():
    table = tsv(CAPAIAN, "Indeks Kepuasan Masyarakat | Indeks | 91.5 | 93.85 | 102.57 | Sangat Tinggi")
    text = "Tahun 2024\n\n" + tsv(*PK) + "\n" + tsv(*PK_AMENDED) + "\n" + table
    [f] = findings(text, "PK001")
    assert (f.actual, f.expected) == (91.5, 88)
    only_original = "Tahun 2024\n\n" + tsv(*PK) + "\n" + table
    assert findings(only_original, "PK001") == []


def test_indicator_not_in_pk_and_pk_indicator_not_reported():
    table = tsv(CAPAIAN, "Indeks Pelayanan Publik | Indeks | 88 | 93.85 | 106.65 | Sangat Tinggi")
    found = findings("Tahun 2024\n\n" + tsv(*PK_AMENDED) + "\n" + table, "PK002")
    kinds = sorted((f.severity, f.actual) for f in found)
    assert kinds == [("warning", "Indeks Kepuasan Masyarakat (IKM)"), ("warning", "Indeks Pelayanan Publik")]


def test_indicator_names_merge_but_never_different_indicators():
    from lkjip_lint.interpret.indicators import same_indicator

    assert same_indicator("Indeks Kepuasan Masyarakat (IKM) Kecamatan", "Indek Kepuasan Masyarakat")
    assert same_indicator("Nilai SAKIP Kecamatan", "Nilai Sakip Kecamatan")
    assert not same_indicator("Indeks Pelayanan Publik", "Indeks Kepuasan Masyarakat")
    assert not same_indicator("APM usia 7-12 tahun", "APM usia 13-15 tahun")


def test_text_capaian_claim():
    good = "Pada tahun 2022 realisasi sebesar 89 dari target 86 dengan capaian 103.5%."
    assert findings(good, "TXT001") == []
    [f] = findings("Pada tahun 2023 realisasi sebesar 91.4 dari target 88 dengan capaian 102.7%.", "TXT001")
    assert f.expected == pytest.approx(103.86) and f.location.line == 1


def test_text_budget_efficiency_sum_and_share_claims():
    budget = ("dianggarkan sebesar Rp.10.903.497.000,-, sedangkan realisasi anggaran sebesar Rp. 10.097.306.301,-. "
              "Dengan demikian serapan anggaran sebesar 92.61% dan nilai efisiensi anggaran sebesar 7.39%.")
    assert findings(budget, "TXT001") == []
    [f] = findings(budget.replace("92.61%", "93.61%").replace("7.39%", "6.39%"), "TXT001")
    assert f.expected == pytest.approx(92.61)
    conv2 = "Rata-rata capaian kinerja sebesar 97,04%, dan rata-rata serapan anggaran sebesar 90,44%, sehingga terdapat efisiensi sebesar 6,60%."
    assert findings(conv2, "TXT001") == []
    area = "Luas wilayah 15,55 Km², terdiri dari lahan pertanian 6,25 Km² dan luas lahan non pertanian 9,41 Km²."
    [f] = findings(area, "TXT001")
    assert f.expected == pytest.approx(15.66)
    counts = "Wilayah terdiri dari 12 Kelurahan, 2 desa, 5 dusun."
    assert findings(counts, "TXT001") == []
    share = "Jumlah penduduk 59.144 orang, terdiri dari laki-laki 29.350 jiwa (49,62%) dan perempuan 29.794 jiwa (51.38%)."
    [f] = findings(share, "TXT001")
    assert f.expected == pytest.approx(50.38)


def test_indicator_capaian_consistent_between_tables_and_text():
    table = tsv(CAPAIAN, "Indeks Kepuasan Masyarakat | Indeks | 91.5 | 93.85 | 102.57 | Sangat Tinggi")
    good = table + "\n\nIndeks Kepuasan Masyarakat (IKM) dengan capaian kinerja sebesar 102.57% (kategori sangat tinggi);"
    assert findings(good, "CAP002", "CAT001") == []
    bad = good.replace("102.57%", "9.85%")
    [f] = findings(bad, "CAP002")
    assert f.expected == pytest.approx(102.57) and f.location.line == 4
    assert findings(bad, "CAT001") == []  # the category fits the true capaian


AKIP = ["Komponen | Bobot | Nilai", "Perencanaan Kinerja | 30 | 21.00", "Pengukuran Kinerja | 30 | 18.60",
        "Pelaporan Kinerja | 15 | 9,75", "Evaluasi Internal | 25 | 15,50", "Nilai Hasil Evaluasi | 100 | 64.86",
        "Tingkat Akuntabilitas Kinerja |  | B"]


def test_akip_components_sum_weights_and_predikat():
    assert errors_and_warnings(findings(tsv(*AKIP), "AKIP001")) == []
    bad = list(AKIP)
    bad[3] = "Pelaporan Kinerja | 15 | 16,75"
    bad[5] = "Nilai Hasil Evaluasi | 100 | 71.86"
    bad[6] = "Tingkat Akuntabilitas Kinerja |  | B"
    messages = [f.message for f in findings(tsv(*bad), "AKIP001")]
    assert any("melebihi bobotnya" in m for m in messages)
    assert any("'B'" in m and "'BB'" in m for m in messages)
    assert not any("jumlah" in m for m in messages)  # 71,85 against 71,86: within rounding
    wrong_sum = list(AKIP)
    wrong_sum[5] = "Nilai Hasil Evaluasi | 100 | 66.86"
    [f] = [f for f in findings(tsv(*wrong_sum), "AKIP001") if "jumlah" in f.message]
    assert f.expected == pytest.approx(64.85)


def test_maturity_range_and_total_against_indicator():
    rows = ["No. | Variabel | Nilai"] + [f"{i}. | Variabel {i} | {v}" for i, v in enumerate([5, 3, 3, 2, 3, 5, 3, 1, 4, 2, 2], 1)]
    table = "Tabel 3.9\nNilai Kematangan Organisasi Perangkat Daerah\n\n" + tsv(*rows)
    capaian = tsv(CAPAIAN, "Nilai Kematangan Perangkat Daerah | Angka | 33 | 33 | 100 | Sangat Tinggi")
    assert errors_and_warnings(findings("Tahun 2024\n\n" + table + "\n\n" + capaian, "NKPD001")) == []
    rows[1] = "1. | Variabel 1 | 6"
    table = "Tabel 3.9\nNilai Kematangan Organisasi Perangkat Daerah\n\n" + tsv(*rows)
    found = findings("Tahun 2024\n\n" + table + "\n\n" + capaian, "NKPD001")
    assert {f.expected for f in found} == {None, 33}


def test_average_row_only_with_two_values():
    one = tsv("Indikator | Capaian (%)", "A | 102.57", "Rata - rata Capaian Kinerja | 103.31")
    assert findings(one, "SUM004") == []
    two = tsv("Indikator | Capaian (%)", "A | 91.94", "B | 94.69", "C | 98.27", "Rata - rata Capaian Kinerja | 96.00")
    [f] = findings(two, "SUM004")
    assert f.expected == pytest.approx(94.97)


def test_reader_notes_become_info_findings():
    from lkjip_lint.engine.runner import run_rules

    from tests.helpers import all_rules

    report = report_of("Teks laporan.")
    report.document.notes.append("Halaman tanpa lapisan teks (hasil pindaian?), isinya tidak diperiksa: 12.")
    [f] = run_rules(report, [r for r in all_rules() if r.id == "READ003"], "id")
    assert f.severity == "info" and "12" in f.message
