"""Split running text into sentences, keeping character offsets.

Indonesian reports are full of dots that do not end a sentence: abbreviations
("No.", "Dra.", "M.Si", "Rp.", "Kab."), decimals ("93.85"), enumerators ("a.",
"1.") and section numbers ("Tabel 4.1."). A sentence ends at ".", "!" or "?"
followed by white space and a capital letter, a quote or an opening bracket,
unless the word before the dot is an abbreviation, a single letter or a number
that the next token continues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words that end with a dot without ending the sentence (compared lower-case, without the dot).
ABBREVIATIONS = {
    "no", "nomor", "nmr", "dr", "dra", "drs", "ir", "prof", "h", "hj", "st", "sh", "se", "mm", "mt", "msi",
    "m.si", "s.sos", "s.e", "s.h", "s.t", "s.kom", "s.pd", "s.ip", "s.ap", "m.m", "m.pd", "m.kes", "a.md",
    "rp", "kab", "kec", "kel", "prov", "ds", "jl", "jln", "tgl", "thn", "hal", "dll", "dsb", "dst", "dkk",
    "yth", "sdr", "bpk", "ibu", "kp", "rt", "rw", "pt", "cv", "tk", "gol", "nip", "telp", "vol", "ket",
    "lamp", "perpres", "permen", "perda", "perbup", "kepmen", "s.d", "s/d", "u.p", "a.n", "an", "ttd",
}

_END = re.compile(r"[.!?]+(?=\s+[\"'“‘(\[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text, with its start and end offsets in that text."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def split(text: str) -> tuple[Sentence, ...]:
    """The sentences of one paragraph, with their offsets in it (cached: several checks ask)."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        # only the word before the dot matters: look at a short tail, not the whole run so far
        tail = text[max(start, m.start() - 120):m.start()].rstrip()
        word = tail.rsplit(None, 1)[-1] if tail else ""
        bare = word.lower().strip("()[]\"'“”‘’,")
        if m.group(0) == "." and (
            bare in ABBREVIATIONS
            or re.fullmatch(r"[a-z]", bare)  # an initial or an enumerator "a."
            or re.fullmatch(r"(\d+|[ivx]+)(\.\d+)*", bare)  # "1.", "4.1.", "III."
            or re.fullmatch(r"([a-z]\.)+[a-z]?", bare)  # "S.Sos", "M.Si" written with dots
        ):
            continue
        end = m.end()
        piece = text[start:end]
        if piece.strip():
            out.append(Sentence(piece.strip(), start + (len(piece) - len(piece.lstrip())), end))
        start = end
    rest = text[start:]
    if rest.strip():
        out.append(Sentence(rest.strip(), start + (len(rest) - len(rest.lstrip())), len(text)))
    return tuple(out)


def sentence_at(text: str, offset: int) -> Sentence:
    """The sentence of `text` that holds character `offset`."""
    for sentence in split(text):
        if sentence.start <= offset < max(sentence.end, sentence.start + 1):
            return sentence
    return Sentence(text, 0, len(text))
