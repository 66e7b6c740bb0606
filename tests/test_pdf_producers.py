"""Parity on PDFs made by independent pure-Python producers (fixtures/pdf_producers.py).

ReportLab and WeasyPrint draw tables their own way (a span centred over its columns,
rules only where the style asks, headers repeated by the producer, rows never split),
from a naive reading of the text that shares nothing with the linter. Each report in
each producer's styles must give the same errors and warnings as its text, compared
as in test_renditions.py. The PDFs are built at test time into .cache/pdf-producers
(keyed by the builder's source, the reports and the producers' versions). Neither
producer is a dependency: a producer not installed is skipped with the reason.

Pairs not at parity yet are strict xfails in KNOWN, with the reason.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_renditions import REPORTS, assert_same_as_text

_BUILDER = ["naive_report.py", "pdf_producers.py", "pdf_reportlab.py", "pdf_weasy.py"]
PRODUCERS = ("reportlab", "weasyprint")
STYLES = ("grid", "header-rule", "plain")

KNOWN: dict[tuple[str, str, str], str] = {}


def _key(producer: str) -> str:
    digest = hashlib.sha256()
    for path in [*(ROOT / "fixtures" / n for n in _BUILDER), *REPORTS]:
        digest.update(path.read_bytes())
    try:
        digest.update(importlib.metadata.version(producer).encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:16]


_built: dict[str, Path] = {}


def _pdfs(producer: str) -> Path:
    """All reports in all styles of one producer, built once per builder and corpus."""
    if producer in _built:
        return _built[producer]
    from fixtures import pdf_producers as builder
    why = builder.available(producer)
    if why:
        pytest.skip(why)
    if not REPORTS:
        pytest.skip("no corpus next to the repository (../shared/corpus)")
    out = ROOT / ".cache" / "pdf-producers" / f"{producer}-{_key(producer)}"
    done = out / "done"
    if not done.exists():
        out.mkdir(parents=True, exist_ok=True)
        for txt in REPORTS:
            for style in STYLES:
                builder.build(txt, out / f"{txt.stem}.{style}.pdf", producer, builder.STYLES[style])
        done.write_text("done")
    _built[producer] = out
    return out


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("report", [r.stem for r in REPORTS])
def test_producer_pdf_finds_what_the_text_finds(report, producer, style, request):
    path = _pdfs(producer) / f"{report}.{style}.pdf"
    assert_same_as_text(path, report, KNOWN.get((report, producer, style)), request, f"{producer} ")


def test_naive_reading_sees_tables_headers_and_spans():
    """The builder's own reading: merged header cells, column numbers, contents lines as text."""
    from fixtures.naive_report import parse
    text = ("Tabel 1.2\nJumlah\n\nNo\tNama\tPria\t\tTotal\n\t\tJumlah\t%\t\n1\t2\t3\t4\t5\n"
            "1\tA\t3\t50\t6\n\n2\tB\t3\t50\t6\n\nDaftar\t\nTabel 1.1\t:\tWilayah\n- satu\n")
    blocks = parse(text)
    kinds = [b.kind for b in blocks]
    assert kinds == ["caption", "para", "table", "para", "para", "item"]
    table = blocks[2].table
    assert table.header == 3 and len(table.rows) == 5  # column numbers close the header; the gap is inside
    assert table.spans == {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1)}
