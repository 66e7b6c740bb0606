"""Locations a reviewer can find: DOCX paragraphs counted as a reader counts them,
the heading path, the page Word recorded, a place for every finding, document order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from lkjip_lint.document import Location  # noqa: E402
from lkjip_lint.finding import Finding  # noqa: E402
from lkjip_lint.locate import locate  # noqa: E402
from lkjip_lint.readers import read_any  # noqa: E402
from lkjip_lint.results import FileResult  # noqa: E402

from tests.helpers import run_cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "purbalingga-2024.docx"


_cli = run_cli


@pytest.fixture(scope="module")
def sample_json() -> dict:
    out = _cli("check", "--format", "json", str(SAMPLE))
    assert out.returncode == 1, out.stderr
    return json.loads(out.stdout)


def test_every_docx_finding_names_a_paragraph_and_a_heading_path(sample_json):
    found = sample_json["files"][0]["findings"]
    assert len(found) > 50
    for f in found:
        loc = f["location"]
        assert isinstance(loc.get("paragraph"), int) and loc["paragraph"] >= 1, f
        assert loc.get("heading"), f
        assert "(?)" not in f["message"] and "()" not in f["message"], f["message"]


def test_docx_findings_come_in_document_order(sample_json):
    paragraphs = [f["location"]["paragraph"] for f in sample_json["files"][0]["findings"]]
    assert paragraphs == sorted(paragraphs)


def test_docx_json_with_new_location_fields_is_valid(sample_json):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(sample_json, schema)


def test_text_output_has_no_placeless_finding():
    out = _cli("check", str(SAMPLE))
    lines = [ln for ln in out.stdout.splitlines()[1:] if ln.startswith("  ")]
    assert lines
    for ln in lines:
        where = ln.split()[0]
        assert where != "-" and (where.startswith("¶") or where.startswith("Tabel")), ln


def _report_docx(path: Path, page_break_before_last: bool = False) -> None:
    d = docx.Document()
    d.add_heading("BAB I PENDAHULUAN", level=1)
    d.add_heading("A. Gambaran Umum", level=2)
    d.add_paragraph("Kecamatan ini terdiri dari dua kelurahan.")
    d.add_paragraph("Tabel 1.1 Jumlah Penduduk")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Kelurahan", "Penduduk"), ("Bancar", "100"), ("Jumlah", "100")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    d.add_paragraph("")  # empty: no reader counts it
    d.add_heading("BAB II PERENCANAAN", level=1)
    run = d.add_paragraph().add_run("Kalimat pertama di bab dua. Kalimat kedua.")
    if page_break_before_last:  # Word laid the paragraph out at the top of page 2
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
        assert run._r[0].tag == qn("w:lastRenderedPageBreak")
    d.save(path)


def _located(path: Path, *locations: Location):
    document = read_any(path, 10 ** 7)
    findings = [Finding(rule="TST001", severity="warning", message=f"m{k}", location=loc)
                for k, loc in enumerate(locations)]
    return document, locate(findings, document)


def test_paragraph_number_counts_text_paragraphs_only(tmp_path):
    path = tmp_path / "r.docx"
    _report_docx(path)
    document = read_any(path, 10 ** 7)
    last = next(k for k, b in enumerate(document.blocks) if getattr(b, "text", "").startswith("Kalimat pertama"))
    _, (f,) = _located(path, Location(paragraph=last + 1))
    # two headings, two paragraphs and the caption above it, the heading of BAB II: the table and
    # the empty paragraph are not counted, so this is the 6th paragraph a reader sees
    assert f.location.paragraph == 6
    assert f.location.heading == "BAB II PERENCANAAN"


def test_table_finding_gets_heading_path_row_and_cell(tmp_path):
    path = tmp_path / "r.docx"
    _report_docx(path)
    document, (f,) = _located(path, Location(table="Tabel 1.1", row="Jumlah (baris tabel 2)", column="Penduduk"))
    assert f.location.heading == "BAB I PENDAHULUAN › A. Gambaran Umum"
    assert f.location.paragraph == 4  # the caption, the last paragraph above the table
    anchor = f.location.anchor
    table = document.blocks[anchor.block]
    row = (table.header_rows + table.rows)[anchor.row]
    assert [c.text for c in row.cells] == ["Jumlah", "100"] and anchor.cell == 1


def test_page_where_word_recorded_a_break(tmp_path):
    path = tmp_path / "r.docx"
    _report_docx(path, page_break_before_last=True)
    document = read_any(path, 10 ** 7)
    last = next(k for k, b in enumerate(document.blocks) if getattr(b, "text", "").startswith("Kalimat pertama"))
    first = next(k for k, b in enumerate(document.blocks) if getattr(b, "text", "").startswith("Kecamatan ini"))
    _, found = _located(path, Location(paragraph=first + 1), Location(paragraph=last + 1))
    assert [f.location.page for f in found] == [1, 2]


def test_whole_document_finding_sits_at_the_start_and_says_so(tmp_path):
    path = tmp_path / "r.docx"
    _report_docx(path)
    document, found = _located(path, Location(paragraph=6), Location())
    assert found[0].location.document and found[0].location.anchor.block == -1  # first in document order
    from lkjip_lint.reporters.text import render

    text = render([FileResult(path="r.docx", format="docx", findings=found)], "id", colour=False)
    assert "awal dokumen" in text
    text_en = render([FileResult(path="r.docx", format="docx", findings=found)], "en", colour=False)
    assert "document start" in text_en


def test_text_report_findings_in_line_order():
    out = _cli("check", "--format", "json", str(ROOT / "fixtures" / "purbalingga-2024.txt"))
    lines = [f["location"]["line"] for f in json.loads(out.stdout)["files"][0]["findings"] if f["location"]["line"]]
    assert len(lines) > 20 and lines == sorted(lines)


def test_chapter_heading_on_two_lines_is_one_step_of_the_path(tmp_path):
    path = tmp_path / "bab.docx"
    d = docx.Document()
    d.add_heading("BAB III", level=1)
    d.add_heading("AKUNTABILITAS KINERJA", level=1)  # the title on its own line, styled like the BAB
    d.add_heading("A. Capaian Kinerja", level=2)
    d.add_paragraph("Capaian indikator tahun ini baik.")
    d.add_heading("BAB IV", level=1)
    d.add_heading("PENUTUP", level=1)
    d.add_paragraph("Demikian laporan ini.")
    d.save(path)
    document = read_any(path, 10 ** 7)
    blocks = [k for k, b in enumerate(document.blocks) if getattr(b, "text", "").startswith(("Capaian", "Demikian"))]
    _, found = _located(path, *(Location(paragraph=k + 1) for k in blocks))
    assert [f.location.heading for f in found] == ["BAB III AKUNTABILITAS KINERJA › A. Capaian Kinerja",
                                                   "BAB IV PENUTUP"]
