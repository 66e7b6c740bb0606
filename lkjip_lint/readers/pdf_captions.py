"""Table captions: "Tabel N.M" and its title above a table, else below it; a caption
left with no machine-readable table is kept as an unreadable table (a finding, not silence).

Above follows the text reader: the caption and its title line in the (up to) three
blocks above the table.
"""
from __future__ import annotations

import re

from lkjip_lint.document import Caption
from lkjip_lint.readers import structure
from lkjip_lint.readers.pdf_flow import ENTRY_END, TextBlock, squash
from lkjip_lint.readers.pdf_tables import RawTable
from lkjip_lint.readers.markup import plain


def caption_match(block) -> re.Match | None:
    """A short block that reads "Tabel N.M [title]" (not a sentence that mentions a table)."""
    if not isinstance(block, TextBlock) or len(block.lines) > 2:
        return None
    text = plain(block.text)
    m = structure.CAPTION.match(text)
    if not m or len(text) > 250 or ENTRY_END.search(squash(block.lines[-1].text)):
        return None  # too long for a caption, or a list entry with its page number
    title = (m.group("title") or "").strip(" :.-–")
    if title and not (title[0].isupper() or title[0].isdigit() or title[0] in "\"“‘'("):
        return None
    return m


def take_caption_above(out: list) -> Caption | None:
    """Mirror of the text reader: "Tabel N.M" and its title line in the (up to) three blocks above."""
    look: list = []
    for block in reversed(out[-3:]):
        if not isinstance(block, TextBlock):
            break
        look.insert(0, block)
    for k, block in enumerate(look):
        m = caption_match(block)
        if not m:
            continue
        title = (m.group("title") or "").strip(" :.-–")
        rest = look[k + 1:]
        if len(rest) > 1 or (rest and title):
            continue
        if rest:
            title = plain(rest[0].text)
        for used in look[k:]:
            out.remove(used)
        return Caption(raw_number=m.group("num"), title=title, page=block.page)
    return None


def attach_captions(flow: list, picture_below=lambda block: False) -> list:
    """Captions above each table (in flow order), then below, then captions left with no table.

    A caption left with no table is an unreadable table when a picture lies under it
    (a table pasted as an image); otherwise it stays text, as the text and DOCX
    readers leave it, so every format gives the same finding.
    """
    out: list = []
    for item in flow:
        if isinstance(item, RawTable):
            item.caption = take_caption_above(out)
        out.append(item)
    result: list = []
    i = 0
    while i < len(out):
        item = out[i]
        m = caption_match(item)
        if m is None:
            result.append(item)
            i += 1
            continue
        title = (m.group("title") or "").strip(" :.-–")
        used = 1
        nxt = out[i + 1] if i + 1 < len(out) else None
        if not title and isinstance(nxt, TextBlock) and len(nxt.lines) <= 2 and not caption_match(nxt):
            title, used = plain(nxt.text), 2
        caption = Caption(raw_number=m.group("num"), title=title, page=item.page)
        before = result[-1] if result else None
        after = _table_after_note(out, i + used, item.page)
        if isinstance(before, RawTable) and before.caption is None:
            before.caption = caption  # a caption under its table
        elif after is not None:
            after.caption = caption  # a caption with a short note between it and its table
        elif picture_below(item):
            result.append(("unreadable", caption))  # no machine-readable table with this caption
        else:
            result.extend(out[i:i + used])
        i += used
    return result


def _table_after_note(out: list, j: int, page: int) -> RawTable | None:
    """A caption-less table on the same page after one short note, not itself captioned below."""
    if j + 1 >= len(out) or not isinstance(out[j], TextBlock) or len(out[j].lines) > 2:
        return None
    table = out[j + 1]
    if not isinstance(table, RawTable) or table.caption is not None or table.page != page:
        return None
    below = out[j + 2] if j + 2 < len(out) else None
    return None if caption_match(below) else table
