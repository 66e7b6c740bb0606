"""Names in running text: "<kind> <Name>" mentions of instansi and places.

The vocabulary (rules/names.yaml) says which words are instansi kinds
("Kecamatan", "Dinas"), which name territories, which words mark a border
description, and which capitalised words follow a kind word without being a
name ("Kecamatan Tahun 2024"). Nothing here knows a place name: a candidate is
a proper name when it is capitalised, is not one of those words and never
appears in lower case elsewhere in the same document ("Kecamatan Peraturan
Bupati …" is not a name, since "peraturan" is written in lower case elsewhere).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from lkjip_lint.document import Heading, Paragraph, Table
from lkjip_lint.interpret.name_words import NameWords

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@dataclass
class Mention:
    """A mention "<kind> <Name>" in text ("Kelurahan Karangjambu"), with its offsets."""

    kind: str  # as printed
    name: str  # the name tokens as printed ("Karangjambu", "Purbalingga Lor")
    start: int  # offset of the kind word in the text
    end: int  # offset after the name

    @property
    def text(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def find_mentions(text: str, vocab: NameWords, kind_words: list[str] | None = None) -> list[Mention]:
    """Every "<kind> <Name>" in `text`; the name stops at a word that is never a name.
    `vocab`: report.vocab.names; `kind_words`: the kinds looked for (default: every kind)."""
    words = tuple(kind_words if kind_words is not None else vocab.kinds)
    if not words or not text:
        return []
    low = text.lower()
    if not any(cue in low for cue in vocab.mention_cues(words)):
        return []  # most blocks and cells: one pass per kind word in C instead of the pattern's search
    stop = vocab.not_names
    out = []
    pattern = vocab.mention_pattern(words)
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            break
        tokens = []
        for token in m.group("name").split():
            if token.lower() in stop:
                break
            tokens.append(token)
        if not tokens:
            pos = m.start("name")  # the stop word may itself start a mention ("Kecamatan Kabupaten …")
            continue
        name = " ".join(tokens)
        end = m.start("name") + len(" ".join(m.group("name").split()[:len(tokens)]))
        out.append(Mention(kind=" ".join(m.group("kind").split()), name=name, start=m.start(), end=end))
        pos = end
    return out


def lowercase_words(report) -> frozenset[str]:
    """Words the document writes in lower case somewhere (text, lists, captions, cells); computed once
    per report (the names checks and the entity index both ask)."""
    cached = report.__dict__.get("_lowercase_words")
    if cached is not None:
        return cached
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(filter(str.islower, _WORD.findall(text or "")))

    for block in report.document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            add(block.text)
        elif isinstance(block, Table):
            if block.caption:
                add(block.caption.title)
            for row in [*block.header_rows, *block.rows]:
                for cell in row.cells:
                    add(cell.text)
        else:
            for entry in getattr(block, "entries", []):
                add(entry.text)
    report.__dict__["_lowercase_words"] = frozenset(words)
    return report.__dict__["_lowercase_words"]


def is_proper_name(name: str, lower_words: set[str], vocab: NameWords) -> bool:
    tokens = name.split()
    if not tokens:
        return False
    first = tokens[0]
    if first.lower() in vocab.not_names or len(first) < 3:
        return False
    if first.isupper() and len(first) <= 4:
        return False  # an abbreviation ("Kecamatan SAKIP"), not a place
    return first.lower() not in lower_words


_CONNECTORS = {"dan", "di", "atau", "serta", "pada", "untuk", "dari", "ke"}


def display(name: str | None) -> str | None:
    """A name as title-cased from an upper-case title page, with its connectors in lower case."""
    if not name:
        return name
    return " ".join(w.lower() if w.lower() in _CONNECTORS and i else w for i, w in enumerate(name.split()))


_QUOTES = re.compile(r"[“”\"'‘’`]")
_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    return _SPACES.sub(" ", _QUOTES.sub("", text or "")).strip().lower()


def same_name(name: str, own: str) -> bool:
    """`name` is `own`, or the first words of it ("Pendidikan" for "Pendidikan Pemuda …")."""
    a, b = norm(name).replace(",", "").split(), norm(own).replace(",", "").split()
    if not a or not b:
        return False
    k = min(len(a), len(b))
    return a[:k] == b[:k]


def distance(a: str, b: str) -> int:
    return Levenshtein.distance(norm(a), norm(b))


def near(a: str, b: str, max_distance: int = 2, max_ratio: float = 0.2) -> int | None:
    """The edit distance between two spellings when it is small (1..max) relative to their length."""
    x, y = norm(a), norm(b)
    if x == y or not x or not y:
        return None
    if _NON_DIGITS.sub("", x) != _NON_DIGITS.sub("", y):
        return None  # "Sasaran 1" / "Sasaran 2", "S-1" / "S-2": different things
    d = Levenshtein.distance(x, y, score_cutoff=max_distance)
    if d > max_distance:
        return None
    if d > max_ratio * max(len(x), len(y)):
        return None
    return d


def near_own(name: str, own: str, max_distance: int = 2, max_ratio: float = 0.2) -> int | None:
    """Distance of a mention from the subject's name, comparing as many words as the mention has."""
    a, b = norm(name).split(), norm(own).split()
    if not a or not b:
        return None
    k = min(len(a), len(b))
    return near(" ".join(a[:k]), " ".join(b[:k]), max_distance, max_ratio)


def text_blocks(report):
    """Paragraphs and headings, then captions: (text, line, page, where, paragraph number)."""
    for block in report.document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield block.text, block.line, block.page, None, block.index + 1
        elif isinstance(block, Table) and block.caption and block.caption.title:
            yield block.caption.title, block.caption.line or block.line, block.caption.page or block.page, block.label(), block.index + 1
