"""The review worksheet as CSV (check --format csv): the xlsx's findings sheet, one file.

UTF-8 with a byte-order mark so that Excel detects the encoding; comma-separated,
quoted where needed (RFC 4180). A batch is one table: the Berkas column tells the files apart.
"""
from __future__ import annotations

import csv
import io

from lkjip_lint.reporters.worksheet import finding_rows, headings
from lkjip_lint.results import FileResult


def render(results: list[FileResult], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings(lang))
    for row in finding_rows(results, lang):
        writer.writerow(["" if v is None else v for v in row])
    return "\ufeff" + buffer.getvalue()
