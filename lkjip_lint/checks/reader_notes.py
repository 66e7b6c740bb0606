"""reader_notes — what the reader could not read, said as findings.

Not a relation: it passes on what the reader could not read.

Readers note what they skipped: pages of a PDF without a text layer or that
could not be opened, pages beyond the page limit, a page with too many drawn
lines for its tables to be found. A reviewer must see these, or a clean result
would claim more than was checked.

Good:  (a PDF whose every page was read)
Bad:   "Halaman tanpa lapisan teks (hasil pindaian?), isinya tidak diperiksa: 12, 13."
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft

Params = NoParams


def run(ctx: Context) -> Iterator[Draft]:
    for note in ctx.report.document.notes:
        yield Draft(location=Location(), actual=None, expected=None, values={"note": note}, key=f"note|{note}")
