"""Characters and lines of one PDF page, read with pypdfium2 (about 1 ms a page).

Coordinates are turned to pdfplumber's convention (origin top-left, `top` < `bottom`)
so table cells from pdf_tables and text lines share one frame.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c


@dataclass(slots=True)
class Char:
    """One character of a PDF page: its box, pdfium's index, and the spaces and line breaks around it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    gap_before: bool = False  # pdfium generated a space before it (separate text runs)
    brk: bool = False  # pdfium generated a line break before it
    index: int = 0  # pdfium's character index, to ask for the font size later
    space_after: bool = False  # a real space follows in the text stream (it may sit outside the cell)


@dataclass
class Line:
    """A text line of a PDF page: its characters, text, box and font size."""

    chars: list[Char]
    page: int  # 1-based
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    ends_with_space: bool = False
    size: float = 0.0  # font size of its first character (set by set_sizes)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_chars(textpage, page_height: float) -> list[Char]:
    """Every character with its loose box, in pdfium's reading order (the hot loop of the reader)."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: ask one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 32) for i in range(n))
    rect = pdfium_c.FS_RECTF()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    ref = ctypes.byref(rect)
    out: list[Char] = []
    append = out.append
    gap = brk = False
    for i, ch in enumerate(text):
        if ch == "\r" or ch == "\n":
            brk = True
            continue
        get_box(raw, i, ref)
        left, right = rect.left, rect.right
        if ch == " ":
            if out and not brk:
                out[-1].space_after = True
            if right - left <= 0.01:  # a space pdfium generated between runs
                gap = True
                continue
        if ch == "\ufffe":  # pdfium's mark for a hyphen at a line end: keep it as typed
            ch = "-"
        elif ch == "\x00" or ch == "\uffff":
            continue
        append(Char(ch, left, right, page_height - rect.top, page_height - rect.bottom, gap, brk, i))
        gap = brk = False
    return out


def split_lines(chars: list[Char], page: int) -> list[Line]:
    """pdfium's line breaks, and a break wherever the baseline jumps (text placed out of order)."""
    lines: list[Line] = []
    cur: list[Char] = []
    top = bottom = x0 = slack = 0.0
    for ch in chars:
        if cur:
            mid = (ch.top + ch.bottom) / 2
            if ch.brk or not (top - slack <= mid <= bottom + slack) or ch.x0 < x0 - slack * 10:
                lines.append(_line(cur, page))
                cur = []
        if not cur:
            top, bottom, x0 = ch.top, ch.bottom, ch.x0
            slack = max(bottom - top, 1.0) * 0.2
        cur.append(ch)
    if cur:
        lines.append(_line(cur, page))
    return _merge_same_baseline([ln for ln in lines if ln.text.strip()], page)


def _merge_same_baseline(lines: list[Line], page: int) -> list[Line]:
    """A glyph drawn out of order (a bullet in a fallback font) joins the line it sits on."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        host = next((o for o in reversed(out[-3:]) if _same_baseline(o, line)), None)
        if host is None:
            out.append(line)
            continue
        merged = _line(sorted(host.chars + line.chars, key=lambda c: c.x0), page)
        out[out.index(host)] = merged
    return out


def _same_baseline(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    if overlap < 0.7 * min(a.height, b.height):
        return False
    return b.x0 >= a.x1 - 1 or b.x1 <= a.x0 + 1 or _fits_in_gap(a, b) or _fits_in_gap(b, a)


def _fits_in_gap(a: Line, b: Line) -> bool:
    """b lies in a horizontal gap of a (no character of a under it)."""
    return not any(c.x0 < b.x1 - 0.5 and c.x1 > b.x0 + 0.5 and c.text != " " for c in a.chars)


def set_sizes(textpage, lines: list[Line]) -> None:
    raw = textpage.raw
    for line in lines:
        # the first letter or digit: a bullet is often drawn in a font and size of its own
        first = next((c for c in line.chars if c.text.isalnum()), None) or \
            next((c for c in line.chars if c.text != " "), line.chars[0])
        line.size = round(pdfium_c.FPDFText_GetFontSize(raw, first.index), 1)


def _line(chars: list[Char], page: int) -> Line:
    """Text of a run of characters; a wide gap (a tab stop, a leader) becomes a tab."""
    parts: list[str] = []
    prev: Char | None = None
    x0 = top = 1e9
    x1 = bottom = -1e9
    for ch in chars:
        t = ch.text
        if prev is not None:
            size = prev.bottom - prev.top
            gap = ch.x0 - prev.x1
            if gap > size * 1.2:
                parts.append("\t")
            elif (ch.gap_before or gap > size * 0.15) and prev.text != " " and t != " ":
                parts.append(" ")
        parts.append(t)
        prev = ch
        if t != " ":  # explicit comparisons: min()/max() here cost a tenth of the whole read
            if ch.x0 < x0:
                x0 = ch.x0
            if ch.x1 > x1:
                x1 = ch.x1
            if ch.top < top:
                top = ch.top
            if ch.bottom > bottom:
                bottom = ch.bottom
    if x1 < x0:  # only spaces
        x0, x1, top, bottom = chars[0].x0, chars[-1].x1, chars[0].top, chars[0].bottom
    text = re.sub(r" {2,}", " ", "".join(parts)).strip(" ")
    return Line(chars=chars, page=page, text=text, x0=x0, x1=x1, top=top, bottom=bottom,
                ends_with_space=chars[-1].text == " " or chars[-1].space_after)
