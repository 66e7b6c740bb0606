"""Counts stated in running text: "5 (lima) indikator", "3 (tiga) indikator … atau 60,00%".

A count may carry its number in words; the two must agree. A count followed by
"atau [sebanyak] P %" is a part of the whole counted earlier in the passage
("pada 5 (lima) indikator kinerja utama" … "3 (tiga) indikator sasaran atau
sebanyak 60,00%"): P = part / whole × 100.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lkjip_lint.numbers import Num, find_numbers

_UNITS = {"nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
          "delapan": 8, "sembilan": 9}

# "5 (lima) indikator", "6 enam indikator" (brackets lost in conversion), "12 IKU"
COUNT = re.compile(
    r"(?<![\w.,/:-])(?P<n>\d{1,4})(?![\d.,:/-]\d)(?!\s*%)\s*"
    r"(?:\(\s*(?P<w1>[a-z][a-z\s]*?)\s*\)|(?P<w2>(?:(?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
    r"(?:\s*(?:puluh|belas|ratus))?\s*)+)(?=\s))?\s*(?P<noun>[A-Za-z][A-Za-z-]{2,})")
_SHARE_AFTER = re.compile(r"^(?:\s+[A-Za-z][\w/-]*){0,4}?\s*,?\s*(?:atau|yaitu|\()\s*(?:sebanyak|sebesar|sekitar)?\s*$", re.I)
_WHOLE_BEFORE = re.compile(r"\b(?:dari|pada|terhadap|seluruh|sejumlah|total|terdapat|ada|memiliki|menetapkan)\s*$", re.I)


def words_value(text: str) -> int | None:
    """Indonesian number words up to 999: "lima", "dua belas", "dua puluh satu", "seratus"."""
    words = re.findall(r"[a-z]+", text.lower())
    total, current = 0, 0
    if not words:
        return None
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w.startswith("se") and w[2:] in ("puluh", "belas", "ratus", "ribu"):
            current += {"puluh": 10, "belas": 11, "ratus": 100, "ribu": 1000}[w[2:]]
        elif w == "sepuluh":
            current += 10
        elif w == "sebelas":
            current += 11
        elif w == "belas":
            current += 10
        elif w == "puluh":
            current = (current or 1) * 10
        elif w == "ratus":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass
class Count:
    """A count in text ("5 (lima) indikator"): the number, the noun, the number in words, any share."""

    n: int
    noun: str
    start: int
    end: int
    words: str | None = None
    words_n: int | None = None
    share: Num | None = None  # "… atau 60,00%"
    whole: bool = False  # "pada 5 indikator": the whole the parts are counted against


@lru_cache(maxsize=4096)
def counts(sentence: str) -> tuple[Count, ...]:
    return tuple(_counts(sentence))


def _counts(sentence: str) -> list[Count]:
    out = []
    percents = [(s, n) for s, _, n in find_numbers(sentence) if isinstance(n, Num) and n.percent]
    for m in COUNT.finditer(sentence):
        n = int(m.group("n"))
        if 1900 <= n <= 2100:
            continue
        words = m.group("w1") or (m.group("w2") or "").strip() or None
        c = Count(n=n, noun=m.group("noun").lower(), start=m.start(), end=m.end(), words=words,
                  words_n=words_value(words) if words else None)
        for s, num in percents:
            if m.end() < s <= m.end() + 80 and _SHARE_AFTER.match(sentence[m.end():s]):
                c.share = num
                break
        # windows, not the whole sentence: the cost stays linear in the sentence's length
        c.whole = c.share is None and bool(_WHOLE_BEFORE.search(sentence[max(0, m.start() - 30):m.start()]))
        out.append(c)
    return out


# ------------------------------------------------------------------ counts against the list they introduce

_LIST_CUE = re.compile(r"^[^.;]{0,40}?\b(?:yaitu|yakni|antara\s+lain|meliputi|diantaranya|di\s+antaranya|sebagai\s+berikut|berupa)\b\s*:?", re.I)
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-•➢❖▪●*])\s+\S", re.I)
_OPEN_ENDED = re.compile(r"\b(?:dll|dsb|dan\s+lain[-\s]lain|dan\s+sebagainya|dst)\b", re.I)


@dataclass
class ListCount:
    """A count that announces a list ("3 sasaran yaitu …") and how many items the list has."""

    count: Count
    sentence: str
    block: object
    low: int  # items the list has at least (a "dan" may sit inside an item's name)
    high: int  # and at most (every "dan" between items)


def list_counts(blocks: list, split, ignore_nouns: frozenset[str] = frozenset()) -> list[ListCount]:
    """"3 (tiga) sasaran antara lain :" + the numbered paragraphs that follow; "5 (lima) indikator yaitu
    A, B, C, D dan E" in the sentence itself."""
    out: list[ListCount] = []
    for i, block in enumerate(blocks):
        for sentence in split(block.text):
            found = counts(sentence)
            for k, c in enumerate(found):
                if c.n < 2 or c.share is not None or c.noun in ignore_nouns:
                    continue  # "5 (lima) tahun sebagaimana …": a duration, not the things listed
                rest_end = found[k + 1].start if k + 1 < len(found) else len(sentence)
                rest = sentence[c.end:rest_end]
                cue = _LIST_CUE.match(rest)
                if not cue:
                    continue
                items = rest[cue.end():].strip()
                if _OPEN_ENDED.search(items):
                    continue
                if not items.strip(" :"):
                    following = _following_items(blocks, i)
                    if following:
                        out.append(ListCount(c, sentence, block, following, following))
                    continue
                if rest_end < len(sentence):
                    items = re.sub(r"[,;]?\s*(?:dan|serta)?\s*$", "", items)
                low, high = _inline_range(items)
                if low:
                    out.append(ListCount(c, sentence, block, low, high))
    return out


def _inline_range(items: str) -> tuple[int, int]:
    items = re.sub(r"\([^)]*\)", " ", items).strip(" .:")
    if not items or re.search(r"\d", items) or len(items) > 400:
        return 0, 0  # values or a long clause, not a list of names
    segments = [s for s in re.split(r"\s*[,;]\s*(?:dan\s+|serta\s+)?", items) if s.strip()]
    joins = sum(len(re.findall(r"\b(?:dan|serta)\b", s)) for s in segments)
    return len(segments), len(segments) + joins


def _following_items(blocks: list, i: int) -> int:
    """Enumerated paragraphs right after block i; 0 when the list runs to the end (it may be cut off)."""
    n = 0
    for block in blocks[i + 1:]:
        if _ENUMERATOR.match(block.text):
            n += 1
            continue
        return n
    return 0
