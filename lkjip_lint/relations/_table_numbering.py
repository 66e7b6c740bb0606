"""sequence, of: table_numbers — table captions numbered twice, without a number, or out of sequence.

Reads the captions of the body in document order: those the reader attached to
a table, and caption lines with no readable table under them ("Tabel 3.12"
followed only by "Sumber: …"). Reports

- a number used by two captions (`duplicate`, at the second one);
- a caption without its number ("Tabel 3.", "Tabel") — a note (`unnumbered`);
- numbering that goes backwards within a chapter (or in flat numbering)
  (`backwards`, expected the next number in sequence);
- numbering that skips numbers or starts a chapter past 1 — a note (`gap`),
  since tables may be images or fragments of a longer document;
- a chapter-numbered caption in another chapter ("Tabel 2.1" in BAB III) — a note
  (`chapter`).

In the appendices (LAMPIRAN), where tables of the body are often repeated, a
duplicate or backward number is a note.

Parameters: none.

Good:  Tabel 3.1 … Tabel 3.2 … Tabel 3.3
Bad:   Tabel 3.1 … Tabel 3.2 … Tabel 3.2        (duplicate)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.captions import ROMAN, BodyCaption, body_captions, split_number

def _section_chapter(section: str | None) -> int | None:
    if not section or not section.startswith("BAB "):
        return None
    token = section.split()[1]
    return int(token) if token.isdigit() else ROMAN.get(token)


def run(ctx: Context) -> Iterator[Draft]:
    captions = body_captions(ctx.report)
    seen: dict[str, BodyCaption] = {}
    last: dict[int | None, int] = {}
    for cap in captions:
        location = Location(line=cap.line, page=cap.page, table=cap.label)
        if not cap.number:
            yield Draft(location=location, actual=f"Tabel {cap.raw or ''}".strip(), expected=None, grade="note",
                        variant="unnumbered", values={"caption": cap.label, "title": cap.title},
                        key=f"unnumbered|{cap.title.lower()}")
            continue
        appendix = (cap.section or "").upper().startswith("LAMPIRAN")
        if cap.number in seen:
            first = seen[cap.number]
            yield Draft(location=location, actual=f"Tabel {cap.number}", expected=None, variant="duplicate",
                        grade="note" if appendix else "mismatch",
                        values={"caption": f"Tabel {cap.number}", "title": cap.title,
                                "other": first.title, "other_at": Location(line=first.line, page=first.page)},
                        key=f"duplicate|{cap.number}|{cap.title.lower()}")
            continue
        seen[cap.number] = cap
        chapter, seq = split_number(cap.number)
        if seq is None:
            continue
        where = _section_chapter(cap.section)
        if chapter is not None and where is not None and chapter != where:
            yield Draft(location=location, actual=f"Tabel {cap.number}", expected=None, grade="note",
                        variant="chapter", values={"caption": f"Tabel {cap.number}", "title": cap.title,
                                                   "section": cap.section},
                        key=f"chapter|{cap.number}|{cap.section}")
        previous = last.get(chapter)
        if previous is not None and seq < previous:
            nxt = f"{chapter}.{previous + 1}" if chapter is not None else str(previous + 1)
            yield Draft(location=location, actual=f"Tabel {cap.number}", expected=f"Tabel {nxt}",
                        variant="backwards", grade="note" if appendix else "mismatch", values={"caption": f"Tabel {cap.number}", "title": cap.title,
                                                     "previous": previous},
                        key=f"backwards|{cap.number}|{cap.title.lower()}")
        elif (previous is None and seq > 1 and chapter is not None) or (previous is not None and seq > previous + 1):
            start = 1 if previous is None else previous + 1
            missing = f"{chapter}.{start}" if chapter is not None else str(start)
            yield Draft(location=location, actual=f"Tabel {cap.number}", expected=None, grade="note",
                        variant="gap", values={"caption": f"Tabel {cap.number}", "title": cap.title,
                                               "missing": f"Tabel {missing}"},
                        key=f"gap|{cap.number}")
        last[chapter] = max(seq, previous or 0)
