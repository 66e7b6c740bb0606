"""table_numbering — table captions numbered twice, without a number, or out of sequence.

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

import re
from dataclasses import dataclass
from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.document import Heading, Location, Paragraph, Table
from lkjip_lint.finding import Draft
from lkjip_lint.readers.structure import CAPTION

Params = NoParams

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SOURCE = re.compile(r"^\W*sumber\b", re.I)


@dataclass
class BodyCaption:
    number: str | None  # "3.2", "28"; None when the number is missing
    raw: str | None  # as printed ("3.")
    title: str
    line: int | None
    page: int | None
    section: str | None
    index: int  # block index
    table: Table | None  # None: a caption line with no readable table under it (an image, a lost table)
    heading: bool = False  # the caption line was read as a heading

    @property
    def label(self) -> str:
        if self.number:
            return f"Tabel {self.number}"
        return f"Tabel {self.raw or ''}".strip() + (f" (baris {self.line})" if self.line else "")


def _caption_line(text: str):
    """("3.12", "title") when a short paragraph is a caption line, else None."""
    plain = text.replace("**", "").strip()
    if len(plain) > 160:
        return None
    m = CAPTION.match(plain)
    if not m or not m.group("num"):
        return None
    title = (m.group("title") or "").strip(" :.-–")
    if title and not (title[0].isupper() or title[0] in "\"“‘'(" or title[0].isdigit()):
        return None  # "Tabel 3.2 menunjukkan …": a sentence about a table
    if title.endswith(":") or plain.rstrip().endswith(("berikut", "berikut:", "sebagai berikut :")):
        return None
    return re.sub(r"\s+", "", m.group("num")), title


def body_captions(report) -> list[BodyCaption]:
    """Captions of the body in document order (tables' captions and caption lines with no table)."""
    blocks = report.document.blocks
    chapter_style = _chapter_style(blocks)
    out: list[BodyCaption] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table) and block.caption is not None:
            cap = block.caption
            out.append(BodyCaption(cap.number, cap.raw_number, cap.title, cap.line or block.line,
                                   cap.page or block.page, block.section, i, block))
        elif isinstance(block, (Paragraph, Heading)):
            found = _caption_line(block.text)
            if not found or (block.section or "").startswith("DAFTAR"):
                continue
            if _is_caption_text(blocks, i - 1) or _is_caption_text(blocks, i + 1):
                continue  # a run of caption lines is a list of tables the reader did not recognise
            raw, title = found
            if not title:
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if isinstance(nxt, (Paragraph, Heading)) and len(nxt.text) <= 160 and not _SOURCE.match(nxt.text) \
                        and not _caption_line(nxt.text):
                    title = nxt.text.replace("**", "").strip()
            table = next((b for b in blocks[i + 1:i + 4] if isinstance(b, Table)), None)
            if table is not None and table.caption is not None:
                table = None
            out.append(BodyCaption(_number(raw, chapter_style), raw, title, block.line, block.page, block.section,
                                   i, table, heading=isinstance(block, Heading)))
    return out


def _is_caption_text(blocks, i: int) -> bool:
    if i < 0 or i >= len(blocks) or not isinstance(blocks[i], (Paragraph, Heading)):
        return False
    return _caption_line(blocks[i].text) is not None


def _chapter_style(blocks) -> bool:
    raws = [b.caption.raw_number for b in blocks if isinstance(b, Table) and b.caption and b.caption.raw_number]
    raws += [f[0] for b in blocks if isinstance(b, (Paragraph, Heading)) and (f := _caption_line(b.text))]
    dotted = sum(1 for r in raws if re.search(r"[.\-]\d", r))
    flat = sum(1 for r in raws if not re.search(r"[.\-]\d", r))
    return dotted >= 1 and dotted >= flat / 2


def _number(raw: str, chapter_style: bool) -> str | None:
    if re.search(r"[.\-]\d", raw):
        return raw.rstrip(".").replace("-", ".")
    return None if chapter_style else raw.rstrip(".")


def split_number(number: str) -> tuple[int | None, int | None]:
    """(chapter, sequence) of "3.2" / "III.2"; (None, sequence) for flat "28"."""
    parts = number.split(".")
    try:
        if len(parts) == 1:
            return None, int(parts[0])
        head = parts[0].upper()
        chapter = int(head) if head.isdigit() else _ROMAN.get(head)
        return chapter, int(parts[-1])
    except ValueError:
        return None, None


def _section_chapter(section: str | None) -> int | None:
    if not section or not section.startswith("BAB "):
        return None
    token = section.split()[1]
    return int(token) if token.isdigit() else _ROMAN.get(token)


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
