"""Parity on renditions made independently of our own builder and parser.

tests/test_renditions.py renders every report with fixtures/renditions.py, which writes
python-docx XML from our own text reader's parse. Here fixtures/independent.py reads
the text layout with a naive converter of its own and lets other programs lay the
files out: LibreOffice from HTML (DOCX and PDF), LibreOffice from HTML without table
lines through ODT (DOCX, and the PDF printed from that DOCX), pandoc from Markdown (DOCX,
and its PDF through LibreOffice). Each rendition must give the same errors and warnings
(rule, expected value) as its text, compared as in tests/test_renditions.py.

The files are built at test time into .cache/independent (keyed by the builder's
source and the reports; a second run reuses them), one soffice call per format for
all reports. A route whose program is missing is skipped with the reason.

Pairs that do not reach parity yet are strict xfails with the reason in KNOWN.
"""
from __future__ import annotations

import hashlib

import pytest

from tests.helpers import ROOT
from tests.test_renditions import REPORTS, assert_same_as_text

ROUTES = ("lo", "odt", "pandoc")
FORMATS = ("docx", "pdf")

# (report stem, route, format) -> why it differs today
KNOWN: dict[tuple[str, str, str], str] = {}


def _key() -> str:
    digest = hashlib.sha256()
    for path in [ROOT / "fixtures" / "independent.py", *REPORTS]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def independent():
    from fixtures import independent as builder
    if not REPORTS:
        pytest.skip("no corpus beside the repository (../shared/corpus)")
    out = ROOT / ".cache" / "independent" / _key()
    out.mkdir(parents=True, exist_ok=True)
    missing = {}
    for route, needs in (("lo", ("soffice",)), ("odt", ("soffice",)), ("pandoc", ("pandoc",))):
        absent = [name for name in needs if not getattr(builder, name)()]
        if absent:
            missing[route] = f"{', '.join(absent)} not installed"
            continue
        done = out / f"{route}.done"
        if not done.exists():
            builder.BUILDERS[route](REPORTS, out)
            done.write_text("pdf" if builder.soffice() else "docx")
    return out, missing


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("report", [r.stem for r in REPORTS])
def test_independent_rendition_finds_what_the_text_finds(independent, report, route, fmt, request):
    out, missing = independent
    if route in missing:
        pytest.skip(f"{route} route not built: {missing[route]}")
    path = out / f"{report}.{route}.{fmt}"
    if not path.exists():
        pytest.skip(f"{path.name} not built: LibreOffice (soffice) makes the PDF of pandoc's DOCX")
    assert_same_as_text(path, report, KNOWN.get((report, route, fmt)), request)


def test_independent_builder_reads_the_text_layout():
    """The naive converter: tab runs are tables with merged header cells, lines are paragraphs."""
    from fixtures import independent as builder
    text = ("BAB I PENDAHULUAN\n\nA. Latar Belakang\n\nTabel 1.1\nJudul\n\n"
            "No\tNama\tJumlah\t\t\n\t\tDusun\tRW\tRT\n1\tA\t1\t2\t3\n\n- butir **tebal**\n")
    html = builder.to_html(text, "t")
    assert "<h1>BAB I PENDAHULUAN</h1>" in html and "<h2>A. Latar Belakang</h2>" in html
    assert '<th rowspan="2">No</th>' in html and '<th colspan="3">Jumlah</th>' in html
    assert "<th>Dusun</th><th>RW</th><th>RT</th>" in html and "<li>butir <b>tebal</b></li>" in html
    md = builder.to_markdown(text)
    assert "| No | Nama | Jumlah Dusun | Jumlah RW | Jumlah RT |" in md
    assert "# BAB I PENDAHULUAN" in md and "## A. Latar Belakang" in md
