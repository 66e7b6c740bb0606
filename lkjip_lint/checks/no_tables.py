"""no_tables — no table was recognised in the whole document.

Not a relation: it reports that the reading found no table at all, so there are
no facts to relate.

A linter that reads nothing finds nothing: a PDF of scanned pages, a DOCX whose
tables are pictures or a text conversion that lost its tab stops would pass
every table check silently. When the document has no table at all and it looks
like a whole report (its headings and contents name `min_chapters` BAB chapters), or its text
names table captions ("Tabel 3.2"), or it has hardly any text, this says so.

Parameters: min_chapters (3), min_text_blocks (3).

Good:  a report whose tables were read
Bad:   a report of 40 pages with "Tabel 1.1" … "Tabel 3.14" and no table read
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.checks.structure import MIN_CHAPTERS, whole_report
from lkjip_lint.datamodel import Strict
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.captions import body_captions


@dataclass(kw_only=True)
class Params(Strict):
    """A document with no table is reported when it names this many chapters, or has fewer text blocks."""

    min_chapters: int = MIN_CHAPTERS
    min_text_blocks: int = 3


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    if report.document.tables():
        return
    captions = [c for c in body_captions(report)]
    texts = report.texts
    if not (whole_report(report, ctx.params.min_chapters) or captions or len(texts) < ctx.params.min_text_blocks):
        return
    notes = "; ".join(report.document.notes)
    yield Draft(
        location=Location(),
        actual=0, expected=None,
        values={"captions": len(captions), "blocks": len(texts), "notes": notes or "—"},
        evidence={"captions": [c.label for c in captions][:20], "reader_notes": report.document.notes},
        key="no-tables",
    )
