"""unreadable_table — a table caption with no machine-readable table under it.

Not a relation: it reports a caption whose table could not be read, a limit of
the reading rather than a value of the report.

The PDF and DOCX readers mark a caption whose table could not be read (an
image, a scanned page) as an unreadable table: every check of that table is
skipped, so the reader must look at it by hand (`unreadable`, at the rule's
severity). In text input a caption line followed by no table ("Tabel 3.12",
its title and only "Sumber: …" under it) is the same thing seen from the text:
a note (`caption_only`), since a text conversion often drops pictures.

Parameters: none.

Good:  Tabel 3.13 ⏎ Capaian APM … ⏎ NO | Indikator Kinerja | …
Bad:   Tabel 3.12 ⏎ Capaian APK … ⏎ Sumber: …       (no table)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.interpret.captions import body_captions
from lkjip_lint.document import Location, Table
from lkjip_lint.finding import Draft

Params = NoParams


def run(ctx: Context) -> Iterator[Draft]:
    for block in ctx.report.document.blocks:
        if isinstance(block, Table) and block.unreadable:
            title = block.caption.title if block.caption else ""
            yield Draft(location=Location(line=block.line, page=block.page, table=block.label()),
                        actual=block.label(), expected=None, variant="unreadable",
                        values={"table": block.label(), "title": title},
                        key=f"unreadable|{_number(block)}|{title.lower()}")
    for cap in body_captions(ctx.report):
        if cap.table is None:
            yield Draft(location=Location(line=cap.line, page=cap.page, table=cap.label),
                        actual=cap.label, expected=None, grade="note", variant="caption_only",
                        values={"table": cap.label, "title": cap.title},
                        key=f"caption-only|{cap.number or cap.raw}|{cap.title.lower()}")


def _number(table: Table) -> str:
    if table.caption is None:
        return ""
    return table.caption.number or table.caption.raw_number or ""
