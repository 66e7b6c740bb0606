"""The contents, list of tables and list of figures: their titles and entries.

These lists use tab or dot leaders like tables do but are not tables; every
reader recognises them by the same titles and reads entries the same way.
"""
from __future__ import annotations

import re

from lkjip_lint.document import ListEntry
from lkjip_lint.readers import structure

LIST_HEADINGS = {
    "daftar isi": "contents",
    "daftar tabel": "table_list",
    "daftar gambar": "figure_list",
    "daftar grafik": "figure_list",
    "daftar lampiran": "figure_list",
}
LEADER = re.compile(r"(\t|\s\.{3,}|\.{4,}|…{2,})")


def looks_like_entry(line: str, kind: str) -> bool:
    if LEADER.search(line):
        return True
    if kind == "table_list":
        return bool(structure.CAPTION.match(line.strip()))
    if kind == "figure_list":
        return bool(re.match(r"^[-•*\s]*(Gambar|Grafik|Lampiran)\s+\d", line.strip(), re.I))
    return False


def entry(line: str, number: int, kind: str) -> ListEntry:
    text = re.sub(r"^[-•*❖\s]+", "", line.strip())
    if kind in ("table_list", "figure_list"):
        m = re.match(r"^(Tabel|Gambar|Grafik|Lampiran)\s+([0-9IVX]+(?:\.\d+)*\.?)\s*[:\t.\-–]*\s*(.*)$", text.replace("\t", " \t "), re.I)
        if m:
            title = LEADER.split(m.group(3).strip())[0].strip(" \t:.")
            title = re.sub(r"\s+", " ", title)
            return ListEntry(text=title, number=m.group(2).rstrip("."), line=number)
    text = re.split(r"\t|\s\.{3,}|\.{4,}|…{2,}", text)[0].strip()
    return ListEntry(text=re.sub(r"\s+", " ", text), line=number)


def bare_entry(line: str) -> bool:
    """A contents entry made without leader or page number: a short title, not a sentence."""
    text = line.strip()
    return bool(text) and len(text) <= 110 and not text.endswith((".", ",", ";", ":")) and "\t" not in text


_PAGE = re.compile(r"^([0-9]{1,4}|[ivxlc]{1,6})$", re.I)
_SEPARATOR = re.compile(r"^[:.\-–]?$")
_NUMBERED = re.compile(r"^[-•*\s]*(Tabel|Gambar|Grafik|Lampiran)\s+\S", re.I)


def table_entries(rows: list[list[str]], kind: str) -> list[ListEntry] | None:
    """The entries of a list laid out as a table right under its title (a contents or list of
    tables made as a borderless table: titles in one column, page numbers or ':' and titles in
    the others), or None when a row is not an entry. A list of tables or figures has its
    number ("Tabel 1.1") starting every row; a contents has one title per row and nothing
    after it but a page number."""
    entries = []
    for cells in rows:
        filled = [c.strip() for c in cells if c.strip()]
        if not filled:
            continue
        if kind == "contents":
            title, rest = filled[0], filled[1:]
            if len(rest) > 1 or (rest and not _PAGE.match(rest[0])) or not bare_entry(title):
                return None
        elif not (_NUMBERED.match(filled[0]) and len(filled) <= 3 and all(_SEPARATOR.match(c) for c in filled[1:-1])):
            return None
        entries.append(entry("\t".join(filled), 0, kind))
    return entries or None
