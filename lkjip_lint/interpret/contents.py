"""The contents (Daftar Isi) as entries with their section numbers and printed pages, from any shape.

A reader may deliver the contents as a list, as lines with dot leaders left in
the text, or — when the page numbers sit in a tab column and no "DAFTAR ISI"
line announces them — as a two-column table. A table is the contents when its
rows are titles with a page number in the last cell (roman pages first, then
arabic, never decreasing on the whole) and some titles are chapters or
numbered sections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.document import Heading, ListBlock, Paragraph, Table

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_PAGE = re.compile(r"^[ivxlc]{1,7}$", re.I)
_TRAILING_PAGE = re.compile(r"^(?P<text>.*?\S)\s*(?:[.…]{3,}|…+|\t)\s*(?P<page>[ivxlc]{1,7}|\d{1,3})\s*$", re.I)
_LEADER_LINE = re.compile(r"^(?P<text>.*?\S)\s*(?:[.…]{4,}|…{2,}|\t)\s*(?P<page>[ivxlc]+|\d{1,3})?\s*$", re.I)
_SECTIONAL = re.compile(r"^\s*(bab\s+[ivx]+\b|\d+(\.\d+)+\.?\s|[a-h][.)]\s|kata\s+pengantar|daftar\s+isi|pendahuluan|penutup)", re.I)
MIN_ROWS = 5
# a line of the Daftar Tabel / Gambar, numbered "3.1" or by chapter in roman ("II.1", "III-2")
_LIST_OF_TABLES_ENTRY = re.compile(r"^\W*(tabel|gambar|grafik)\s+(\d|[ivx]+\s*[.\-–]\s*\d)", re.I)


@dataclass
class ContentsEntry:
    """One entry of the contents: its title, its line, and its page as printed and as a sortable pair."""

    text: str
    line: int | None
    page_text: str | None  # as printed: "iv", "18"
    page: tuple[int, int] | None  # (0, n) for roman front matter, (1, n) for the body


def roman_value(text: str) -> int | None:
    text = text.lower()
    if not _ROMAN_PAGE.match(text):
        return None
    total = 0
    for k, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if k + 1 < len(text) and _ROMAN[text[k + 1]] > value else value
    return total


def page_key(text: str | None) -> tuple[int, int] | None:
    """Roman pages come before arabic ones: 'iv' → (0, 4), '18' → (1, 18)."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{1,3}", text):
        return (1, int(text))
    value = roman_value(text)
    return (0, value) if value else None


def table_entries(table: Table) -> list[ContentsEntry] | None:
    """The entries of a name/page table, or None when the table is something else."""
    entries, others = [], 0
    for row in list(table.header_rows) + list(table.rows):
        texts = [c.text.strip() for c in row.cells]
        filled = [t for t in texts if t]
        if not filled:
            continue
        title = next((t for t in filled if re.search(r"[A-Za-z]{3}", t)), None)
        page = page_key(filled[-1]) if len(filled) >= 2 else None
        if title is None:
            others += 1
        elif page is not None and title != filled[-1]:
            entries.append(ContentsEntry(title, row.line, filled[-1], page))
        elif not re.fullmatch(r"halaman|hal\.?|page", title, re.I):
            entries.append(ContentsEntry(title, row.line, None, None))  # an entry without its page (a lampiran)
    paged = [e for e in entries if e.page]
    if len(paged) < MIN_ROWS or len(paged) < 0.8 * (len(entries) + others):
        return None
    rising = sum(1 for a, b in zip(paged, paged[1:]) if b.page >= a.page)
    if rising < 0.8 * (len(paged) - 1) or sum(1 for e in entries if _SECTIONAL.match(e.text)) < 2:
        return None
    return entries


def contents_lists(report) -> list[list[ContentsEntry]]:
    """Every contents of the report: its lists, its name/page tables, or its dot-leader lines."""
    out = []
    for block in report.document.blocks:
        if isinstance(block, ListBlock) and block.kind == "contents":
            out.append([_from_text(e.text, e.line) for e in block.entries])
        elif isinstance(block, Table) and (entries := table_entries(block)):
            out.append(entries)
    if not out:
        leader = [_from_text(b.text, b.line) for b in report.document.blocks
                  if isinstance(b, (Heading, Paragraph)) and re.search(r"\.{8,}|…{3,}", b.text or "")]
        if len(leader) >= MIN_ROWS:
            out.append(leader)
    return out


def _from_text(text: str, line: int | None) -> ContentsEntry:
    m = _TRAILING_PAGE.match(text or "")
    if m and page_key(m.group("page")):
        title = re.sub(r"[.…\s]+$", "", m.group("text"))
        return ContentsEntry(title, line, m.group("page"), page_key(m.group("page")))
    return ContentsEntry(re.sub(r"[.…\s]+$", "", text or ""), line, None, None)


@dataclass
class ContentsLine:
    """One entry of the contents as printed: its text, line and page."""


    text: str
    line: int | None
    page: int | None


def leader_text(text: str) -> str | None:
    """"BAB II PERENCANAAN ........ 12" → "BAB II PERENCANAAN": a contents line left as running text.

    A long dot leader (8 dots or more), or a short one followed by a page number;
    an ellipsis at the end of a sentence ("dan lain-lain....") is not one."""
    if not text or ("...." not in text and "…" not in text and "\t" not in text):
        return None  # no leader at all: most blocks, and the pattern is slow to fail on a long paragraph
    m = _LEADER_LINE.match(text)
    if not m or len(m.group("text")) > 120:
        return None
    long_leader = re.search(r"\.{8,}|…{3,}", text)
    if not (long_leader or (m.group("page") and re.search(r"\.{4,}|…{2,}|\t", text))):
        return None
    return m.group("text").strip()


def contents_entries(report) -> list[ContentsLine]:
    """The entries of the contents: its list, or — when a reader left it as text — its leader lines."""
    lists = [b for b in report.document.blocks if isinstance(b, ListBlock) and b.kind == "contents"]
    if lists:
        return [ContentsLine(e.text, e.line, e.page) for block in lists for e in block.entries]
    out = []
    for block in report.document.blocks:
        if isinstance(block, (Heading, Paragraph)) and (text := leader_text(block.text)):
            if not _LIST_OF_TABLES_ENTRY.match(text):
                out.append(ContentsLine(text, block.line, block.page))
    return out
