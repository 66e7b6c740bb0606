"""no_report — nothing in the file looks like an LKjIP report.

Not a relation: it decides whether the file is a report at all, before any fact
is read from it.

"No findings" on a README, a CI file or the wrong attachment would read as a clean
report. A file is taken for a report when it has LKjIP wording (LKjIP, laporan
kinerja, akuntabilitas kinerja, perjanjian kinerja, SAKIP, indikator/capaian
kinerja), or a table whose kind was recognised (PK, capaian, budget, …), or an
indicator; when it has none of the three, this says so. Files found by expanding a
folder (and those passed with --skip-non-reports, as the pre-commit hook does) that
have neither a recognised table nor an indicator are skipped with an info note
instead of being checked.

Parameters: none.

Good:  a draft LKjIP, even an unfinished one
Bad:   README.md checked as if it were a report
"""
from __future__ import annotations

import re
from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft

Params = NoParams

# Linear-time: literal alternatives, no nested repetition.
_WORDING = re.compile(r"\b(?:lkjip|laporan\s+kinerja|akuntabilitas\s+kinerja|perjanjian\s+kinerja|sakip"
                      r"|indikator\s+kinerja|capaian\s+kinerja)\b", re.IGNORECASE)


def has_report_content(report) -> bool:
    """A table of a known kind or an indicator: what a folder's README or CI file lacks
    even when it talks about LKjIP (the test for skipping a file found in a folder)."""
    return any(v.kind for v in report.views) or bool(report.indicators)


def recognised(report) -> bool:
    """LKjIP wording, a table of a known kind, or an indicator."""
    if has_report_content(report):
        return True
    texts = (b.text for b in report.texts)
    captions = (t.caption.title for t in report.document.tables() if t.caption)
    return any(_WORDING.search(text) for text in (*texts, *captions))


def run(ctx: Context) -> Iterator[Draft]:
    if recognised(ctx.report):
        return
    doc = ctx.report.document
    yield Draft(location=Location(), values={"tables": len(doc.tables()), "blocks": len(doc.blocks)},
                key="no-report")
