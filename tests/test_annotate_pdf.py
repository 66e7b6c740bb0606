"""`lkjip-lint annotate REPORT.pdf`: a copy with a highlight and a note at each finding.

Read back with pypdf (the annotations: page, rectangle, text) and pdfium (the text
under each rectangle in the original).
"""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")
pdfium = pytest.importorskip("pypdfium2")

from tests.helpers import json_errors_and_warnings, run_cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "purbalingga-2024.pdf"


_cli = run_cli


@pytest.fixture(scope="module")
def sample_findings() -> list[dict]:
    return json_errors_and_warnings(SAMPLE)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> Path:
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    target = tmp_path_factory.mktemp("annotate") / "reviu.pdf"
    out = _cli("annotate", str(SAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before
    return target


def _annotations(path: Path) -> list[tuple[int, dict]]:
    reader = pypdf.PdfReader(str(path))
    out = []
    for k, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            out.append((k, ref.get_object()))
    return out


def test_copy_is_the_original_plus_an_update(annotated):
    data, original = annotated.read_bytes(), SAMPLE.read_bytes()
    assert data.startswith(original) and len(data) > len(original)  # an incremental update: nothing rewritten


def test_one_annotation_per_error_and_warning_with_its_message(annotated, sample_findings):
    annots = _annotations(annotated)
    assert len(annots) == len(sample_findings)
    by_name = {str(a["/NM"]): (k, a) for k, a in annots}
    for n, f in enumerate(sample_findings, start=1):
        k, a = by_name[f"lkjip-lint-{n}"]
        assert a["/Subtype"] in ("/Highlight", "/Text")
        assert str(a["/T"]) == "lkjip-lint" and str(a["/Subj"]) == f["rule"]
        contents = str(a["/Contents"])
        assert contents.startswith(f["rule"]) and f["message"] in contents
        if f["expected"] is not None:
            assert "tertulis" in contents and "seharusnya" in contents


def test_each_highlight_is_on_the_finding_page_over_its_text(annotated, sample_findings):
    annots = {str(a["/NM"]): (k, a) for k, a in _annotations(annotated)}
    pdf = pdfium.PdfDocument(str(SAMPLE))
    highlights = cells = 0
    for n, f in enumerate(sample_findings, start=1):
        k, a = annots[f"lkjip-lint-{n}"]
        page = f["location"]["page"]
        if a["/Subtype"] != "/Highlight":
            continue
        highlights += 1
        assert page is None or abs(k + 1 - page) <= 1, (k + 1, f)
        width, height = pdf[k].get_size()
        left, bottom, right, top = (float(v) for v in a["/Rect"])
        assert 0 <= left < right <= width and 0 <= bottom < top <= height
        quads = [float(v) for v in a["/QuadPoints"]]
        assert len(quads) % 8 == 0 and quads
        under = pdf[k].get_textpage().get_text_bounded(left, bottom, right, top)
        assert under.strip(), f
        loc = f["location"]
        if loc["table"] and loc["column"] and isinstance(f["actual"], (int, float)) and not isinstance(f["actual"], bool):
            # a wrong number in a cell: the highlight covers that number as printed
            digits = re.sub(r"\D", "", under)
            want = re.sub(r"\D", "", format(f["actual"], "f").rstrip("0").rstrip("."))
            assert want and want in digits, (under, f["actual"])
            cells += 1
    assert highlights >= len(sample_findings) * 0.9 and cells > 15


def test_pdf_copy_opens_in_pdfium_and_pypdf(annotated):
    assert len(pdfium.PdfDocument(str(annotated))) == len(pypdf.PdfReader(str(annotated)).pages) > 30


def test_suggest_on_pdf_is_explained_and_the_input_is_never_the_output(tmp_path):
    copy = tmp_path / "laporan.pdf"
    shutil.copy(SAMPLE, copy)
    out = _cli("annotate", "--suggest", "--lang", "en", str(copy))
    assert out.returncode == 0 and "DOCX only" in out.stderr and (tmp_path / "laporan.reviu.pdf").is_file()
    before = copy.read_bytes()
    out = _cli("annotate", str(copy), "-o", str(copy))
    assert out.returncode == 2 and "Traceback" not in out.stderr and copy.read_bytes() == before


def test_a_pdf_named_docx_gets_a_pdf_copy(tmp_path):
    disguised = tmp_path / "laporan.docx"
    shutil.copy(SAMPLE, disguised)
    out = _cli("annotate", str(disguised))
    assert out.returncode == 0, out.stderr
    copy = tmp_path / "laporan.reviu.pdf"
    assert copy.is_file() and not (tmp_path / "laporan.reviu.docx").exists()
    assert len(_annotations(copy)) > 50


def test_a_writer_failure_is_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    """pypdf may choke on a PDF pdfium read: the user gets exit 2 and the file's name."""
    import lkjip_lint.annotate.pdf as writer
    from lkjip_lint.app import run_annotate

    def choke(*args, **kwargs):
        raise KeyError("/Root")

    monkeypatch.setattr(writer, "annotate", choke)
    code = run_annotate(SAMPLE, tmp_path / "x.pdf", False, "warning", (), None, None, "en")
    err = capsys.readouterr().err
    assert code == 2 and "purbalingga-2024.pdf" in err and "KeyError" in err and "cannot be read" in err
    assert not (tmp_path / "x.pdf").exists()
