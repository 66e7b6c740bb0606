"""Document structure shared by all readers: captions, headings, chapters."""
from __future__ import annotations

import re

from lkjip_lint.document import Caption, Heading, Paragraph, Table
from lkjip_lint.readers.markup import plain

# "Tabel 3.2", "Tabel 3.", "**Tabel 3.", "Tabel 28. Analisis ...", "Tabel III.1", "Tabel 2.1 : Judul", "Tabel.3.67"
CAPTION = re.compile(
    r"^\**\s*Tabel(?:\s+|\.(?=\s*\d))\s*(?P<num>(?:\d+|[IVX]+)(?:\s*[.\-]\s*\d+)*\.?)?\s*[:.\-–]?\s*(?P<title>.*?)\**\s*$",
    re.I,
)
_CHAPTER = re.compile(r"^BAB\s+([IVX]+|\d+)\b\.?\s*(.*)$", re.I)
_LETTERED = re.compile(r"^([A-H]|[IVX]+)\.\s+\S")
_NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-Z]")
FRONT_SECTIONS = ("kata pengantar", "ikhtisar eksekutif", "ringkasan eksekutif", "daftar isi", "daftar tabel", "daftar gambar", "lampiran")


def heading_level(text: str) -> int:
    """0 for running text; 1 chapter-level, 2 lettered, 3 numbered headings."""
    if not text or len(text) > 110 or text.endswith((".", ",", ";")) and not _CHAPTER.match(text):
        return 0
    if text.startswith(("-", "•", "❖", "*")):
        return 0
    if _CHAPTER.match(text) or text.lower() in FRONT_SECTIONS:
        return 1
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(text) <= 90 and not text.endswith(":"):
        return 1
    if (_LETTERED.match(text) or _NUMBERED.match(text)) and len(text) <= 90 and not text.endswith(":"):
        return 2 if _LETTERED.match(text) else 3
    return 0


def chapter_of(text: str) -> str | None:
    m = _CHAPTER.match(text.strip())
    if m:
        return "BAB " + _roman(m.group(1))
    low = text.strip().lower()
    for name in FRONT_SECTIONS:
        if low == name or low.startswith(name + " "):
            return name.upper()
    return None


def _roman(token: str) -> str:
    if token.isdigit():
        return {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}.get(int(token), token)
    return token.upper()


def assign_sections(blocks: list) -> None:
    current = None
    for block in blocks:
        if isinstance(block, Heading):
            current = chapter_of(block.text) or current
        block.section = current


def number_captions(blocks: list) -> None:
    """Decide what a caption number means once the whole document is known.

    In a report numbered "Tabel 3.2" (chapter.sequence), "Tabel 3." lost its
    sequence number; in a report numbered "Tabel 28." the dot ends the number.
    """
    for ordinal, table in enumerate((b for b in blocks if isinstance(b, Table)), start=1):
        table.ordinal = ordinal
    captions = [b.caption for b in blocks if isinstance(b, Table) and b.caption]
    raws = [re.sub(r"\s+", "", c.raw_number or "") for c in captions]
    dotted = sum(1 for r in raws if re.search(r"[.\-]\d", r))
    flat = sum(1 for r in raws if r and not re.search(r"[.\-]\d", r))
    chapter_style = dotted >= 1 and dotted >= flat / 2
    for cap, raw in zip(captions, raws):
        if not raw:
            cap.number = None
            cap.raw_number = None
            continue
        cap.raw_number = raw
        if re.search(r"[.\-]\d", raw):
            cap.number = raw.rstrip(".").replace("-", ".")
        elif chapter_style:
            cap.number = None  # "Tabel 3." in a chapter-numbered report
        else:
            cap.number = raw.rstrip(".")


def text_block(text: str, line: int):
    """A line of running text as a Heading (Markdown "#", chapter or numbered title) or a Paragraph."""
    text = plain(text)
    md = re.match(r"^(#{1,6})\s+(.*)$", text)
    if md:
        return Heading(text=md.group(2).strip(), line=line, level=len(md.group(1)))
    level = heading_level(text)
    if level:
        return Heading(text=text, line=line, level=level)
    return Paragraph(text=text, line=line)


def take_caption_above(blocks: list) -> Caption | None:
    """Take the "Tabel N.M" caption (and its title line) from the last blocks, just above a table.

    The caption and its title are removed from `blocks`; only the last three blocks are looked at.
    """
    look = []
    for block in reversed(blocks[-3:]):
        if not isinstance(block, (Paragraph, Heading)):
            break
        look.insert(0, block)
    for k, block in enumerate(look):
        m = CAPTION.match(plain(block.text))
        if not m:
            continue
        title = (m.group("title") or "").strip(" :.-–")
        rest = look[k + 1:]
        if len(rest) > 1:
            continue  # the caption is too far above: it belongs to something else
        if rest and not title:
            title = plain(rest[0].text)
        elif rest:
            continue
        # the caption blocks are the last ones emitted: drop them by position
        del blocks[len(blocks) - len(look) + k:]
        return Caption(raw_number=m.group("num"), title=title, line=block.line)
    return None
