"""agree, of: report_year — a heading, contents entry, list-of-tables entry or caption naming another year.

Reports are often last year's report with new numbers; a heading "Perjanjian
Kinerja Tahun 2022" in the 2024 report is what is left. Each heading, entry of
the contents (Daftar Isi) and of the list of tables (Daftar Tabel) and each
table caption that names exactly one year, and not the report year, is
reported: a warning for an earlier year, a note for a later one ("Rencana Kerja
Tahun 2025" may be meant).

Not reported: titles that name the report year too or several years
("Capaian APK Tahun 2019, Tahun 2020 dan … Tahun 2021"), periods ("2021-2026",
"2019 s.d. 2023"), regulation citations ("Nomor 29 Tahun 2014", "53/2014",
"Tahun 2014 tentang …"), column-style comparisons ("Realisasi 2023"), dates of
source documents ("dalam angka 2024", "Sumber: …") and dates ("Januari 2025"),
and titles that compare with other years (`comparison_words`).

Headings are those of levels 1–`max_heading_level` (chapters, upper-case and
lettered headings); numbered lines are too often list items ("1. Juara I Lomba
Desa Tahun 2023").

Parameters: max_heading_level (2), comparison_words, ignore (regular expressions
removed before years are read).

Good:  C. Perjanjian Kinerja Tahun 2024       (report year 2024)
Bad:   C. Perjanjian Kinerja Tahun 2022       (expected 2024)
"""
from __future__ import annotations

import re
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Heading, ListBlock, Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.captions import body_captions
from lkjip_lint.interpret.contents import contents_entries, leader_text

_YEAR = re.compile(r"(?<![\d.,/])(19[5-9]\d|20\d\d)(?![\d])")


def _sources(report, max_level: int):
    """(text, line, page, where) for headings, contents entries, list-of-tables entries and captions."""
    for entry in contents_entries(report):
        yield entry.text, entry.line, entry.page, "contents", None
    for block in report.document.blocks:
        if isinstance(block, Heading) and block.level <= max_level and not leader_text(block.text):
            yield block.text, block.line, block.page, "heading", None
        elif isinstance(block, ListBlock) and block.kind == "table_list":
            for entry in block.entries:
                text = f"Tabel {entry.number} {entry.text}" if entry.number else entry.text
                yield text, entry.line, entry.page, block.kind, None
    for caption in body_captions(report):
        if caption.heading:  # already seen as a heading
            continue
        yield caption.title, caption.line, caption.page, "caption", caption.label


def years_named(text: str, params) -> set[int] | None:
    """The years a title names, or None when it compares years (and so may name any)."""
    if any(re.search(p, text, re.I) for p in params.comparison_words):
        return None
    stripped = text
    for pattern in params.ignore:
        stripped = re.sub(pattern, " ", stripped, flags=re.I | re.M)
    return {int(y) for y in _YEAR.findall(stripped)}


def run(ctx: Context) -> Iterator[Draft]:
    year = ctx.report.year
    if not year:
        return
    seen = set()
    for text, line, page, where, table in _sources(ctx.report, ctx.params.max_heading_level):
        if not text:
            continue
        found = years_named(text, ctx.params)
        if not found or year in found or len(found) != 1:
            continue
        named = next(iter(found))
        key = (line, page, named, text.strip()[:120])
        if key in seen:
            continue
        seen.add(key)
        yield Draft(
            # a list entry or heading is named in `row`: without lines only its wording tells two apart
            location=Location(line=line, page=page, table=table,
                              row=text.strip()[:120] if where != "caption" else None),
            actual=named, expected=year,
            grade="mismatch" if named < year else "note",
            variant="default" if named < year else "later",
            values={"text": text.strip(), "where": _WHERE[where], "where_en": _WHERE_EN[where], "named": str(named), "year": str(year)},
            key=f"year|{where}|{_squash(text)}",
        )


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


_WHERE = {"heading": "judul", "contents": "daftar isi", "table_list": "daftar tabel", "caption": "judul tabel"}
_WHERE_EN = {"heading": "heading", "contents": "contents entry", "table_list": "list-of-tables entry",
             "caption": "table caption"}
