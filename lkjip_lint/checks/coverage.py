"""coverage — how much of the report was understood, so that silence is not read as "all correct".

Not a relation: it counts the tables whose kind was recognised and the
sentences with numbers that became facts or claims, and says how many were
left unchecked (always a note). The sentences not read are listed by
`lkjip-lint extract` under `coverage`.

Good:  every table recognised and every sentence with a number read   (no note)
Bad:   3 of 5 tables and 10 of 40 sentences with numbers read          (a note)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.coverage import coverage

Params = NoParams


def _start(document) -> Location:
    """Just under the first heading (the title): a place every format can show, annotate and name."""
    from lkjip_lint.document import Heading

    blocks = document.blocks
    k = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, Heading) and i + 1 < len(blocks)), 0)
    first = blocks[k] if blocks else None
    if first is not None and first.line is not None:
        return Location(line=first.line)
    return Location(paragraph=k + 1, page=getattr(first, "page", None))


def run(ctx: Context) -> Iterator[Draft]:
    info = coverage(ctx.report, keep=5)
    tables_left = info.tables_found - info.tables_recognised
    sentences_left = info.sentences_with_numbers - info.sentences_read
    if not tables_left and not sentences_left:
        return
    yield Draft(
        location=_start(ctx.report.document),  # about the whole document: shown at its start
        grade="note",
        values={"tables_read": info.tables_recognised, "tables": info.tables_found,
                "sentences_read": info.sentences_read, "sentences": info.sentences_with_numbers},
        evidence={"unrecognised_tables": info.unrecognised, "unread_sentences": [t for _, t in info.unread]},
        key="coverage",
    )
