"""English for the few Indonesian phrases the readers and the document model write
into values (table labels such as "Tabel 3. (baris 538)", reader notes, reasons), so
that `--lang en` output has no Indonesian of the tool's own.

The readers and Table.label() produce these fixed phrases once, without knowing the
language; translating them here, where a finding gets its language, keeps them
language-free. Only these generated shapes are matched: text quoted from the report
is left as written.
"""
from __future__ import annotations

import re

# As text: compiled (and cached by re) on first use, in English output only.
_PHRASES: tuple[tuple[str, str], ...] = (
    # Table.label() and Location labels
    (r"\(baris (\d+)\)", r"(line \1)"),
    (r"\(baris tabel (\d+)\)", r"(table row \1)"),
    (r"\(hal\. (\d+)\)", r"(p. \1)"),
    (r"\(tabel ke-(\d+)\)", r"(table no. \1)"),
    (r"^tabel baris (\d+)$", r"table at line \1"),
    (r"^tabel hal\. (\d+)$", r"table on p. \1"),
    (r"^tabel ke-(\d+)$", r"table no. \1"),
    # readers/pdf.py notes and reasons
    (r"^Hanya (\d+) dari (\d+) halaman yang dibaca \(batas ukuran\)\.$", r"Only \1 of \2 pages were read (the size limit)."),
    (r"^Halaman yang tidak dapat dibuka \(rusak\), isinya tidak diperiksa: (.*)$",
     r"Pages that could not be opened (corrupt), not checked: \1"),
    (r"^Halaman tanpa lapisan teks \(hasil pindaian\?\), isinya tidak diperiksa: (.*)$",
     r"Pages without a text layer (scanned?), not checked: \1"),
    (r"^Halaman (\d+): terlalu banyak garis gambar; tabelnya tidak dibaca\.$",
     r"Page \1: too many drawn lines; its table was not read."),
    (r"^tidak ada halaman yang dapat dibuka$", "no page could be opened"),
    (r"^tidak ada halaman$", "no pages"),
)
# Formula names in the bundled rules (capaian conventions).
_WORDS = {"positif": "positive", "negatif": "negative"}
_WORD = re.compile(r"\b(positif|negatif)\b")


def english(text: str) -> str:
    for pattern, replacement in _PHRASES:
        text = re.sub(pattern, replacement, text)
    return text


def english_formula(name: str) -> str:
    return _WORD.sub(lambda m: _WORDS[m.group(1)], name)


def values_for(lang: str, values: dict) -> dict:
    """Template values in the finding's language."""
    if lang != "en":
        return values
    out = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = english_formula(value) if key.startswith("formula") else english(value)
        out[key] = value
    return out
