"""The table captions of a report's body, in document order: those a reader attached to a table and
caption lines with no readable table under them. Shared by the checks and relations that compare
captions (numbering, the list of tables, references, unreadable tables, years)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.document import Heading, Paragraph, Table
from lkjip_lint.readers.structure import CAPTION

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SOURCE = re.compile(r"^\W*sumber\b", re.I)


@dataclass
class BodyCaption:
    """A table caption of the body: its number and title, where it is, and the table under it if any."""

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
        chapter = int(head) if head.isdigit() else ROMAN.get(head)
        return chapter, int(parts[-1])
    except ValueError:
        return None, None
