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
