"""The review worksheet as an Excel workbook (check --format xlsx -o reviu.xlsx).

Written with XlsxWriter, chosen by measurement over openpyxl: on this machine it
imports in 0.5 s against 1.0 s and writes 5 000 findings in 1.5 s against 4.9 s,
in a smaller file, and it is pure Python with no dependencies. It only writes,
which is all a report needs (the tests read the workbook back with openpyxl).
"""
from __future__ import annotations

import io

from lkjip_lint.reporters.worksheet import SHEET_NAMES, SUMMARY_HEADINGS, finding_rows, headings, summary_rows
from lkjip_lint.results import FileResult

MAX_WIDTH = {"Uraian": 80, "Description": 80}
WRAPPED = {"Uraian", "Description", "Bab / bagian", "Chapter / section", "Baris tabel", "Table row", "Kolom", "Column"}


def render(results: list[FileResult], lang: str) -> bytes:
    import xlsxwriter

    lang = "en" if lang == "en" else "id"
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    top = book.add_format({"valign": "top"})
    summary_name, findings_name = SHEET_NAMES[lang]
    if len(results) > 1:  # a batch: one line per file first
        _sheet(book, summary_name, SUMMARY_HEADINGS[lang], summary_rows(results, lang), head, wrap, top)
    _sheet(book, findings_name, headings(lang), finding_rows(results, lang), head, wrap, top)
    book.close()
    return buffer.getvalue()


def _sheet(book, name: str, titles: list[str], rows: list[list], head, wrap, top) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, titles, head)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value, wrap if titles[c] in WRAPPED else top)
    for c, title in enumerate(titles):
        longest = max([len(title)] + [len(str(row[c])) for row in rows if row[c] is not None])
        sheet.set_column(c, c, min(max(longest + 2, 6), MAX_WIDTH.get(title, 40)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(titles) - 1)
