"""Parity across renditions: every report, made as DOCX and PDF in several styles
(fixtures/renditions.py), gives the same errors and warnings as its text.

A defect is (rule, expected value) of an error or warning; locations differ by
format and are not compared. The text result is the reference, computed here, not
stored. The renditions are built at test time into .cache/renditions (keyed by the
builder's source and the reports, so a second run reuses them); the PDFs need
LibreOffice and are skipped, with the reason, when it is missing.

Pairs that do not reach parity yet are listed in KNOWN with the reason; they are
strict xfails, so one that starts passing must be taken off the list.
"""
from __future__ import annotations

import hashlib
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

from lkjip_lint.engine.loader import load_rules
from lkjip_lint.lint import Options, check_file

from tests.helpers import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
REPORTS = sorted([CORPUS / "purbalingga-2024.txt", *(CORPUS / "more").glob("*.txt")]) if CORPUS.is_dir() else []
FORMATS = ("docx", "pdf")

# (report stem, style, format) -> why it differs today
KNOWN: dict[tuple[str, str, str], str] = {}


def _styles():
    from fixtures.renditions import STYLES
    return sorted(STYLES)


@lru_cache(maxsize=1)
def _options() -> Options:
    return Options(rules=load_rules(()))


def _defects(path: Path) -> frozenset:
    result = check_file(path, _options())
    assert result.error is None, f"{path.name}: {result.error}"
    return frozenset((f.rule, _value(f.expected)) for f in result.findings if f.severity in ("error", "warning"))


def _value(v) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def _key() -> str:
    digest = hashlib.sha256()
    for path in [ROOT / "fixtures" / "renditions.py", ROOT / "fixtures" / "make_fixtures.py", *REPORTS]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def renditions():
    pytest.importorskip("docx", reason="python-docx builds the renditions (pip install -e '.[test]')")
    from fixtures import renditions as builder
    if not REPORTS:
        pytest.skip(f"no corpus at {CORPUS}")
    out = ROOT / ".cache" / "renditions" / _key()
    done = out / "done"
    if not done.exists():
        out.mkdir(parents=True, exist_ok=True)
        made = [builder.build(txt, out / f"{txt.stem}.{name}.docx", builder.STYLES[name])
                for txt in REPORTS for name in builder.STYLES]
        if builder.soffice():
            builder.to_pdf(made, out)
            done.write_text("pdf")
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", _styles() if REPORTS else [])
@pytest.mark.parametrize("report", [r.stem for r in REPORTS])
def test_rendition_finds_what_the_text_finds(renditions, report, style, fmt, request):
    path = renditions / f"{report}.{style}.{fmt}"
    if not path.exists():
        pytest.skip(f"{path.name} not built: LibreOffice (soffice) is not installed"
                    if fmt == "pdf" else f"{path.name} not built")
    assert_same_as_text(path, report, KNOWN.get((report, style, fmt)), request)


def assert_same_as_text(path: Path, report: str, known: str | None, request, label: str = "") -> None:
    """Parity: the rendition at `path` gives the errors and warnings (rule, expected value) of
    the report's text; a strict xfail when `known` says why it does not yet."""
    if known:
        request.applymarker(pytest.mark.xfail(reason=known, strict=True))
    reference = _defects(next(r for r in REPORTS if r.stem == report))
    found = _defects(path)
    missing, extra = sorted(reference - found), sorted(found - reference)
    assert not missing and not extra, f"{label}{path.name}: missing {missing}; extra {extra}"


def test_builder_styles_differ_where_they_say(tmp_path):
    """The styles really make different files: borders, header rows, merges, running header."""
    pytest.importorskip("docx", reason="python-docx builds the renditions")
    from fixtures import renditions as builder
    from lkjip_lint.readers import read_any
    txt = ROOT / "fixtures" / "purbalingga-2024.txt"
    xml = {}
    for name in ("ruled", "borderless", "header-rule", "narrow"):
        path = builder.build(txt, tmp_path / f"r.{name}.docx", builder.STYLES[name])
        with zipfile.ZipFile(path) as z:
            xml[name] = (z.read("word/document.xml").decode(), [n for n in z.namelist() if "header" in n or "footer" in n])
        doc = read_any(path)
        assert doc.tables(), name
    ruled, borderless, rule_only, narrow = (xml[n][0] for n in ("ruled", "borderless", "header-rule", "narrow"))
    assert 'w:insideH w:val="single"' in ruled and 'w:insideH w:val="single"' not in borderless
    assert "<w:tcBorders><w:bottom" in rule_only and "<w:tcBorders>" not in borderless
    assert "<w:cantSplit/>" in ruled and "<w:cantSplit/>" not in borderless
    assert "<w:tblHeader/>" not in borderless
    assert 'w:orient="landscape"' in narrow and 'w:orient="landscape"' not in ruled
    serif = builder.build(txt, tmp_path / "r.serif.docx", builder.STYLES["serif"])
    with zipfile.ZipFile(serif) as z:
        serif_xml = z.read("word/document.xml").decode()
    assert '<w:vAlign w:val="center"/>' in serif_xml and '<w:jc w:val="right"/>' in serif_xml
    assert '<w:vAlign w:val="center"/>' not in ruled
    assert rule_only.count("<w:vMerge/>") > ruled.count("<w:vMerge/>")  # body merges on top of the header's
    assert xml["borderless"][1] and not xml["ruled"][1]  # running header and footer parts
    # a table continued as a second Word table: more w:tbl elements than the ruled rendition
    assert rule_only.count("<w:tbl>") + rule_only.count("<w:tbl ") > ruled.count("<w:tbl>") + ruled.count("<w:tbl ")

