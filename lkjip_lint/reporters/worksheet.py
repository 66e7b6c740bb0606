"""The review worksheet's rows, shared by the xlsx and csv reporters.

One row per finding, in document order per file: where it is (chapter, page,
paragraph or line, table, row, column), the rule, the severity, the message, the
reported and expected values, and two empty columns the agency (Tanggapan) and the
reviewer (Status) fill in.
"""
from __future__ import annotations

from lkjip_lint.messages import ui
from lkjip_lint.results import FileResult

HEADINGS = {
    "id": ["No", "Berkas", "Instansi", "Bab / bagian", "Hal.", "Paragraf / baris", "Tabel", "Baris tabel", "Kolom",
           "Aturan", "Tingkat", "Uraian", "Tertulis", "Seharusnya", "Tanggapan", "Status"],
    "en": ["No", "File", "Agency", "Chapter / section", "Page", "Paragraph / line", "Table", "Table row", "Column",
           "Rule", "Severity", "Description", "Reported", "Expected", "Response", "Status"],
}
SUMMARY_HEADINGS = {
    "id": ["Berkas", "Instansi", "Tahun", "Galat", "Peringatan", "Info", "Tabel terbaca", "Tabel dikenali",
           "Cakupan (%)", "Keterangan"],
    "en": ["File", "Agency", "Year", "Errors", "Warnings", "Infos", "Tables read", "Tables recognised",
           "Coverage (%)", "Remark"],
}
SHEET_NAMES = {"id": ("Ringkasan", "Temuan"), "en": ("Summary", "Findings")}


def headings(lang: str) -> list[str]:
    return HEADINGS["en" if lang == "en" else "id"]


def finding_rows(results: list[FileResult], lang: str) -> list[list]:
    """One list per finding, in the order of headings(); values are str, int, float or None."""
    rows = []
    for r in results:
        for f in r.findings:
            loc = f.location
            where = loc.line if loc.line is not None else (loc.paragraph if loc.paragraph is not None else loc.path)
            section = loc.heading or (ui("document_start", lang) if loc.document else None)
            rows.append([
                len(rows) + 1, r.path, r.subject.get("instansi"), section, loc.page, where,
                loc.table, loc.row, loc.column, f.rule, ui(f.severity, lang), f.message,
                _value(f.actual), _value(f.expected), None, None,
            ])
    return rows


def summary_rows(results: list[FileResult], lang: str) -> list[list]:
    rows = []
    for r in results:
        counts = r.counts()
        coverage = round(100 * r.tables_recognised / r.tables_read, 1) if r.tables_read else None
        rows.append([r.path, r.subject.get("instansi"), r.subject.get("year"),
                     None if r.error else counts["error"], None if r.error else counts["warning"],
                     None if r.error else counts["info"], None if r.error else r.tables_read,
                     None if r.error else r.tables_recognised, coverage,
                     f"{ui('cannot_read', lang)}: {r.error}" if r.error else None])
    return rows


def _value(value):
    """Numbers stay numbers (the spreadsheet shows them in the reader's locale); the rest is text."""
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(value)
