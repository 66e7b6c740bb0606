"""The review worksheet: `check --format xlsx -o reviu.xlsx` and `--format csv`."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
DOCX = ROOT / "fixtures" / "purbalingga-2024.docx"
TEXT = ROOT / "fixtures" / "purbalingga-2024.txt"
HEAD_ID = ["No", "Berkas", "Instansi", "Bab / bagian", "Hal.", "Paragraf / baris", "Tabel", "Baris tabel", "Kolom",
           "Aturan", "Tingkat", "Uraian", "Tertulis", "Seharusnya", "Tanggapan", "Status"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkjip_lint", *args], capture_output=True, text=True, cwd=ROOT)


def _json(*paths: Path) -> dict:
    return json.loads(_cli("check", "--format", "json", *map(str, paths)).stdout)


def _rows(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_xlsx_one_row_per_finding_in_document_order(tmp_path):
    out_path = tmp_path / "reviu.xlsx"
    out = _cli("check", "--format", "xlsx", "-o", str(out_path), str(DOCX))
    assert out.returncode == 1, out.stderr
    expected = _json(DOCX)["files"][0]["findings"]
    book = openpyxl.load_workbook(out_path)
    assert book.sheetnames == ["Temuan"]
    sheet = book["Temuan"]
    rows = _rows(sheet)
    assert rows[0] == HEAD_ID
    assert len(rows) - 1 == len(expected)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:P{len(rows)}"
    col = {h: k for k, h in enumerate(HEAD_ID)}
    severities = {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}
    for n, (row, f) in enumerate(zip(rows[1:], expected), start=1):
        assert row[col["No"]] == n and row[col["Berkas"]] == str(DOCX)
        assert row[col["Instansi"]] == "Kecamatan Purbalingga"
        assert row[col["Aturan"]] == f["rule"] and row[col["Uraian"]] == f["message"]
        assert row[col["Tingkat"]] == severities[f["severity"]]
        assert row[col["Paragraf / baris"]] == f["location"]["paragraph"]
        assert row[col["Bab / bagian"]] == f["location"]["heading"]
        assert row[col["Tabel"]] == f["location"]["table"] and row[col["Kolom"]] == f["location"]["column"]
        if isinstance(f["actual"], (int, float)):
            assert row[col["Tertulis"]] == pytest.approx(f["actual"])
        assert row[col["Tanggapan"]] is None and row[col["Status"]] is None
    widths = {k: sheet.column_dimensions[k].width for k in ("A", "L")}
    assert widths["L"] > 3 * widths["A"]  # the description column is wide, the number narrow


def test_xlsx_batch_has_a_summary_sheet_first(tmp_path):
    out_path = tmp_path / "reviu.xlsx"
    assert _cli("check", "--format", "xlsx", "-o", str(out_path), str(DOCX), str(TEXT)).returncode == 1
    data = _json(DOCX, TEXT)
    book = openpyxl.load_workbook(out_path)
    assert book.sheetnames == ["Ringkasan", "Temuan"]
    summary = _rows(book["Ringkasan"])
    assert summary[0][:9] == ["Berkas", "Instansi", "Tahun", "Galat", "Peringatan", "Info", "Tabel terbaca",
                              "Tabel dikenali", "Cakupan (%)"]
    assert len(summary) == 3
    for row, f in zip(summary[1:], data["files"]):
        counts = {s: sum(1 for x in f["findings"] if x["severity"] == s) for s in ("error", "warning", "info")}
        assert row[0] == f["path"] and row[1] == "Kecamatan Purbalingga" and row[2] == 2024
        assert row[3:6] == [counts["error"], counts["warning"], counts["info"]]
        assert row[6] == f["tables_read"] and 0 < row[8] <= 100
    assert len(_rows(book["Temuan"])) - 1 == sum(len(f["findings"]) for f in data["files"])


def test_xlsx_in_english(tmp_path):
    out_path = tmp_path / "review.xlsx"
    _cli("check", "--lang", "en", "--format", "xlsx", "-o", str(out_path), str(DOCX), str(TEXT))
    book = openpyxl.load_workbook(out_path)
    assert book.sheetnames == ["Summary", "Findings"]
    head = _rows(book["Findings"])[0]
    assert head[:3] == ["No", "File", "Agency"] and head[-2:] == ["Response", "Status"]
    assert {r[10] for r in _rows(book["Findings"])[1:]} <= {"error", "warning", "note"}  # the English severity words of the text report (issue 15)


def test_xlsx_needs_an_output_file_and_never_replaces_an_input(tmp_path):
    out = _cli("check", "--format", "xlsx", str(DOCX))
    assert out.returncode == 2 and "--output" in out.stderr
    copy = tmp_path / "laporan.docx"
    shutil.copy(DOCX, copy)
    out = _cli("check", "--format", "xlsx", "-o", str(copy), str(copy))
    assert out.returncode == 2 and copy.read_bytes() == DOCX.read_bytes()


def test_csv_single_and_batch(tmp_path):
    out = _cli("check", "--format", "csv", str(DOCX))
    assert out.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    expected = _json(DOCX)["files"][0]["findings"]
    assert rows[0] == HEAD_ID and len(rows) - 1 == len(expected)
    assert [r[9] for r in rows[1:]] == [f["rule"] for f in expected]
    assert [r[11] for r in rows[1:]] == [f["message"] for f in expected]
    target = tmp_path / "reviu.csv"
    _cli("check", "--format", "csv", "-o", str(target), str(DOCX), str(TEXT))
    batch = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {r[1] for r in batch[1:]} == {str(DOCX), str(TEXT)}
    assert [int(r[0]) for r in batch[1:]] == list(range(1, len(batch)))
