"""Polarity: which indicators are lower-is-better, and how the report, data or configuration say so."""
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.readers.data import build
from tests.helpers import errors_and_warnings, findings, report_of, tsv

TABLE = tsv("Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)",
            "Waktu tunggu berkas | hari | 10 | 8 | {c}")


def test_wording_alone():
    assert is_negative("Angka Kematian Bayi")
    assert not is_negative("Indeks Kepuasan Masyarakat")
    # a kasus that was handled is a higher-is-better coverage
    assert not is_negative("Persentase perempuan dan anak yang mengalami kasus yang mendapat penanganan")


def test_the_report_says_lower_is_better():
    table = tsv("Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)",
                "Lama proses perizinan | hari | 10 | 8 | {c}")
    statement = "\n\nIndikator Lama proses perizinan semakin kecil nilainya semakin baik."
    # (2 × 10 − 8) / 10 × 100 = 120; 8 / 10 × 100 = 80
    assert not is_negative("Lama proses perizinan", report_of(table.format(c="80")))
    assert is_negative("Lama proses perizinan", report_of(table.format(c="120") + statement))
    assert errors_and_warnings(findings(table.format(c="120") + statement, "CAP001")) == []
    [f] = errors_and_warnings(findings(table.format(c="80") + statement, "CAP001"))
    assert f.expected == 120


def test_configuration_declares_it():
    report = report_of(TABLE.format(c="120"), negative_indicators=["waktu tunggu berkas"])
    assert is_negative("Waktu tunggu berkas", report)


def test_structured_data_declares_it():
    doc = build({"subject": {"name": "Kecamatan Contoh", "year": 2024},
                 "indicators": [{"name": "Jumlah aduan tidak terselesaikan", "polarity": "negative",
                                 "targets": [{"value": 10}], "realisasi": [{"value": 8}], "capaian": [{"value": 120}]}]})
    assert doc.negative_indicators == ["Jumlah aduan tidak terselesaikan"]
