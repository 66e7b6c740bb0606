"""Findings that share a cause point to each other; one row's expected values never contradict each other."""
import json

from click.testing import CliRunner

from lkjip_lint.cli import main
from tests.helpers import tsv

REPORT = "\n".join([
    "LAPORAN KINERJA INSTANSI PEMERINTAH KECAMATAN CONTOH TAHUN 2024", "",
    "Tabel 2.4", "Perjanjian Kinerja Perubahan Tahun 2024", "",
    tsv("No | Sasaran | Indikator Kinerja | Target"),
    tsv("1 | Meningkatnya kualitas pelayanan | Indeks Kepuasan Masyarakat (IKM) | 88"), "",
    "Tabel 3.2", "Capaian Kinerja Tahun 2024", "",
    tsv("Indikator Kinerja | Satuan | Target 2024 | Realisasi 2024 | Capaian 2024 (%)"),
    tsv("Indeks Kepuasan Masyarakat (IKM) | Indeks | 91.5 | 93.85 | 102.51"),
])


def test_capaian_recomputed_with_the_pk_target_and_linked_to_the_target_finding(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--format", "json", "--select", "CAP001,PK001", str(path)]).output
    found = {f["rule"]: f for f in json.loads(out)["files"][0]["findings"] if f["severity"] == "error"}
    # PK001: the target should be 88; CAP001 then expects 93.85 / 88 × 100 = 106.65, not 93.85 / 91.5 × 100
    assert found["PK001"]["expected"] == 88
    assert found["CAP001"]["expected"] == 106.65 and "88" in found["CAP001"]["message"]
    assert found["CAP001"]["related"] == [found["PK001"]["fingerprint"]]
    assert found["PK001"]["related"] == [found["CAP001"]["fingerprint"]]


def test_capaian_right_for_its_own_target_is_left_to_the_target_finding(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT.replace("102.51", "102.57"), encoding="utf-8")  # 93.85 / 91.5 = 102.57
    out = CliRunner().invoke(main, ["check", "--format", "json", "--select", "CAP001,PK001", str(path)]).output
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"] if f["severity"] == "error"]
    assert rules == ["PK001"]


def test_capaian_right_for_the_pk_target_is_left_to_the_target_finding(tmp_path):
    # 93.85 / 88 × 100 = 106.65: the capaian follows from the signed target; only the row's target 91.5 is wrong
    path = tmp_path / "r.txt"
    path.write_text(REPORT.replace("102.51", "106.65"), encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--format", "json", "--select", "CAP001,PK001", str(path)]).output
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"] if f["severity"] == "error"]
    assert rules == ["PK001"]


def test_a_sentence_keeping_the_pk_target_is_not_blamed_for_the_tables_slip(tmp_path):
    # the sentence gives the signed target 88 where the table row has 91.5: the row is wrong (PK001), not the sentence
    text = REPORT.replace("102.51", "106.65") + (
        "\n\nIndeks Kepuasan Masyarakat (IKM) tahun 2024 terealisasi 93.85 dari target 88 atau capaian 106.65%.")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--format", "json", "--select", "AGREE001,CAP001,PK001", str(path)]).output
    found = [(f["rule"], f["location"]["line"]) for f in json.loads(out)["files"][0]["findings"]
             if f["severity"] == "error"]
    assert found == [("PK001", 13)]


def test_one_disagreement_read_two_ways_is_one_finding(tmp_path):
    # the sentence restates the row (target and realisasi) and names the indicator: its wrong capaian is one finding
    text = REPORT.replace("Target 2024", "Target").replace("91.5", "88").replace("102.51", "106.65") + (
        "\n\nIndeks Kepuasan Masyarakat (IKM) tahun 2024 terealisasi 93.85 dari target 88 atau capaian 106.56%.")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--format", "json", "--select", "AGREE001", str(path)]).output
    found = [f for f in json.loads(out)["files"][0]["findings"] if f["severity"] == "error"]
    assert [(f["location"]["line"], f["actual"], f["expected"]) for f in found] == [(15, 106.56, 106.65)]
