"""contents — the contents (Daftar Isi) against the headings of the body.

Not a relation: it matches the wording of the contents against the headings of
the body (an entry is found or not); no stated value is compared with another.

Each entry of the contents (its list, or the lines with dot leaders a reader
left as text) is looked for among the headings of the body, the
short lines of the body (such as the Sistematika list in Bab I) and pairs of
consecutive headings ("BAB I" + "PENDAHULUAN" for "BAB I PENDAHULUAN").
Enumerators ("A.", "1.") and case are ignored; "Daftar Tabel"/"Daftar Gambar"
are found by their lists. An entry found only with other wording (one holds
the other's words, or rapidfuzz token_sort_ratio ≥ `min_similarity`) gets a note
(`differs`, with the body's wording as `expected`); an entry found nowhere is
reported at the rule's severity (`missing`). Entries for parts that never have
a heading of their own (`skip`: "Halaman Judul", "Sampul") are not looked for;
appendices (`soft`: "Lampiran …") are often scanned pages, so a missing one is a note.
In a fragment of a report (its headings and contents name fewer than
`min_chapters` chapters; see checks.structure.whole_report) an entry missing
before the first entry found or after the last may lie outside the fragment: a
note (`outside`); one missing between two found entries is missing.
When not one of at least `min_entries_for_none` chapter and section entries is
found (front matter such as Kata Pengantar or the Daftar Isi itself proves
nothing), the file holds only its front matter or a body the reader could not
see: that one cause gets one finding (`none_found`, `{count}`), not one per entry.

Parameters: min_similarity (85), max_line (150), min_entries_for_none (3), min_chapters (3), skip, soft
(regular expressions).

Good:  BAB I PENDAHULUAN      (headings "BAB I" and "PENDAHULUAN")
Bad:   B. Maksud dan Tujuan   (no such heading or line in the body)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from rapidfuzz import fuzz, process

from lkjip_lint.checks.base import Context
from lkjip_lint.checks.structure import MIN_CHAPTERS, whole_report
from lkjip_lint.datamodel import Strict
from lkjip_lint.document import Heading, ListBlock, Location, Paragraph
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.contents import contents_entries, leader_text
from lkjip_lint.readers.structure import FRONT_SECTIONS

_ENUM = re.compile(r"^\s*(?!bab\b)([a-z]|\d{1,2}(\.\d{1,2})*|[ivx]{1,4})[.)]\s+", re.I)
_BULLET = re.compile(r"^[\s\-–•*❖➢>]+")


@dataclass(kw_only=True)
class Params(Strict):
    """How contents entries are matched with the body's headings, and which are skipped or only noted."""

    min_similarity: float = 85
    max_line: int = 150
    min_entries_for_none: int = 3  # when this many entries are looked for and none is found: one finding (none_found)
    min_chapters: int = MIN_CHAPTERS  # fewer chapters in headings and contents: a fragment (whole_report)
    soft: list[str] = field(default_factory=lambda: [r"^lampiran\b"])  # often scanned pages: a note when not found
    skip: list[str] = field(default_factory=lambda: [
        r"^halaman\s+(judul|sampul|muka)$", r"^(sampul|cover|judul)$", r"^halaman\s+pengesahan$",
    ])


def key(text: str) -> str:
    text = _BULLET.sub("", text or "")
    text = _ENUM.sub("", text)
    text = re.sub(r"[“”\"'‘’`]", "", text.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _contains(a: set[str], b: set[str]) -> bool:
    """One wording contains the other: `b` holds every word of `a`, or `a` holds every word of a `b`
    that keeps most of them."""
    return bool(a and b) and (a <= b or (b <= a and len(b) >= 0.6 * len(a)))


def best_match(entry: str, keys: list[str], key_words: list[set[str]], min_similarity: float) -> str | None:
    """The first key containing `entry` or contained in it (see _contains), else the key most like it
    by a fuzzy ratio of sorted words when that reaches `min_similarity`."""
    words = set(entry.split())
    found = next((k for k, other in zip(keys, key_words) if _contains(words, other)), None)
    if found is not None:
        return found
    best = process.extractOne(entry, keys, scorer=fuzz.token_sort_ratio, score_cutoff=min_similarity)
    return None if best is None else best[0]


def _candidates(report, max_line: int) -> dict[str, str]:
    """normalised text → printed text of the body's headings and short lines."""
    out: dict[str, str] = {}
    blocks = report.document.blocks
    previous_heading = None
    for block in blocks:
        if isinstance(block, ListBlock):
            names = {"table_list": "daftar tabel", "figure_list": "daftar gambar"}
            if block.kind in names:
                out.setdefault(names[block.kind], names[block.kind].title())
            previous_heading = None
            continue
        if not isinstance(block, (Heading, Paragraph)):
            previous_heading = None
            continue
        text = block.text.replace("**", "").strip()
        if leader_text(text):  # a line of the contents itself
            previous_heading = None
            continue
        if isinstance(block, Heading) or len(text) <= max_line:
            out.setdefault(key(text), text)
        if isinstance(block, Heading):
            if previous_heading is not None:
                joined = f"{previous_heading} {text}"
                out.setdefault(key(joined), joined)
            previous_heading = text
        else:
            previous_heading = None
    out.pop("", None)
    return out


def run(ctx: Context) -> Iterator[Draft]:
    entries = contents_entries(ctx.report)
    if not entries:
        return
    p = ctx.params
    skips = [re.compile(s, re.I) for s in p.skip]
    softs = [re.compile(s, re.I) for s in p.soft]
    pool = _candidates(ctx.report, p.max_line)
    keys = list(pool)
    key_words = [set(k.split()) for k in keys]
    drafts: list[tuple[int, Draft]] = []  # (the entry's place in the contents, its draft)
    found_at: list[int] = []  # the places of the entries found, in whatever wording
    looked = found_any = 0  # of the entries for the body (front matter found proves no body)
    for place, entry in enumerate(entries):
        wanted = key(entry.text)
        if not wanted or any(s.search(wanted) for s in skips):
            continue
        body_part = wanted.lower() not in FRONT_SECTIONS
        looked += body_part
        if wanted in pool:
            found_any += body_part
            found_at.append(place)
            continue
        location = Location(line=entry.line, page=entry.page, row=entry.text[:120])
        best = best_match(wanted, keys, key_words, p.min_similarity)
        if best is not None:
            found_any += body_part
            found_at.append(place)
            found = pool[best]
            drafts.append((place, Draft(location=location, actual=entry.text, expected=found, grade="note",
                                        variant="differs", values={"entry": entry.text, "found": found},
                                        key=f"contents-differs|{wanted}|{best}")))
        else:
            soft = any(s.search(wanted) for s in softs)
            drafts.append((place, Draft(location=location, actual=entry.text, expected=None, variant="missing",
                                        grade="note" if soft else "mismatch",
                                        values={"entry": entry.text}, key=f"contents-missing|{wanted}")))
    if looked >= p.min_entries_for_none and not found_any:
        # Not one entry in the body: one cause (a file of front matter only, or a body the reader could
        # not see), so one finding rather than one per entry.
        first = next(e for e in entries if key(e.text))
        yield Draft(location=Location(line=first.line, page=first.page, row=first.text[:120]),
                    actual=looked, expected=None, variant="none_found",
                    values={"count": looked}, key="contents-none-found")
        return
    whole = whole_report(ctx.report, p.min_chapters)
    for place, draft in drafts:
        if draft.variant == "missing" and not whole and not (found_at and found_at[0] < place < found_at[-1]):
            # A fragment may begin after this part or end before it: only a part missing between two
            # parts it holds is missing from the report.
            draft.variant, draft.grade = "outside", "note"
        yield draft
