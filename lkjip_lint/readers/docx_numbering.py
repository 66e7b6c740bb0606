"""Word list numbering: the "BAB I", "A.", "1." that Word draws but never stores as text.

Reports number chapters and sub-headings (and the "No" column of tables) with
list numbering, so without it "BAB I PENDAHULUAN" reads as "PENDAHULUAN" and the
chapters vanish. Counters run in document order per abstract list, as in Word: lists
sharing an abstract definition continue each other unless a startOverride restarts.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkjip_lint.readers.docx_xml import Tags

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass
class _Level:
    """One level of a Word list definition: its start, number format, level text and legal numbering."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


class Numbering:
    def __init__(self, numbering, styles, tags: Tags) -> None:
        self.t = tags
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_num: dict[str, tuple[str | None, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None and self.nums:
            self._read_styles(styles)

    def _val(self, el, name: str):
        child = el.find(getattr(self.t, name)) if el is not None else None
        return child.get(self.t.val) if child is not None else None

    def _read_numbering(self, root) -> None:
        for ab in root.iter(self.t.abstractNum):
            levels = {}
            for lvl in ab.iter(self.t.lvl):
                ilvl = int(lvl.get(self.t.ilvl, "0") or 0)
                start = self._val(lvl, "start")
                levels[ilvl] = _Level(
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    fmt=self._val(lvl, "numFmt") or "decimal",
                    text=self._val(lvl, "lvlText") or "",
                    legal=lvl.find(self.t.isLgl) is not None,
                )
            self.abstract[ab.get(self.t.abstractNumId, "")] = levels
        for num in root.iter(self.t.num):
            overrides = {}
            for ov in num.iter(self.t.lvlOverride):
                start = self._val(ov, "startOverride")
                if start and start.isdigit():
                    overrides[int(ov.get(self.t.ilvl, "0") or 0)] = int(start)
            self.nums[num.get(self.t.numId, "")] = (self._val(num, "abstractNumId") or "", overrides)

    def _read_styles(self, root) -> None:
        for style in root.iter(self.t.style):
            ppr = style.find(self.t.pPr)
            numpr = ppr.find(self.t.numPr) if ppr is not None else None
            if numpr is not None:
                ilvl = self._val(numpr, "ilvl")
                self.style_num[style.get(self.t.styleId, "")] = (self._val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def label(self, ppr) -> str:
        """The number Word draws before this paragraph ("BAB I", "A.", "1.1"), advancing the counters; "" if none."""
        if not self.nums or ppr is None:
            return ""
        num_id, ilvl = None, None
        style = ppr.find(self.t.pStyle)
        if style is not None and style.get(self.t.val) in self.style_num:
            num_id, ilvl = self.style_num[style.get(self.t.val)]
        numpr = ppr.find(self.t.numPr)
        if numpr is not None:
            num_id = self._val(numpr, "numId") or num_id
            level = self._val(numpr, "ilvl")
            ilvl = int(level) if level and level.isdigit() else (ilvl or 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels or ilvl > 8:
            return ""
        counts = self.counters.setdefault(abstract_id, [None] * 9)  # None: not started (or reset)
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in overrides.items():
                if 0 <= k < 9:
                    counts[k] = start - 1
        counts[ilvl] = levels[ilvl].start if counts[ilvl] is None else counts[ilvl] + 1
        for k in range(ilvl + 1, 9):
            counts[k] = None
        lvl = levels[ilvl]
        if lvl.fmt == "none":
            return ""
        if lvl.fmt == "bullet":
            return "•"
        text = lvl.text
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                kl = levels.get(k, _Level())
                value = kl.start if counts[k] is None else counts[k]
                text = text.replace(f"%{k + 1}", _format(value, "decimal" if lvl.legal else kl.fmt))
        return text.strip()


_MAX_LABEL = 32767  # Word's own largest list number; a forged w:start must not build a huge label


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman", "upperLetter", "lowerLetter"):
        n = min(n, _MAX_LABEL)
    if fmt in ("upperRoman", "lowerRoman"):
        out, rest = "", max(n, 1)
        for value, sym in _ROMAN:
            while rest >= value:
                out, rest = out + sym, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        k = max(n, 1) - 1
        letter = chr(ord("A") + k % 26) * (k // 26 + 1)  # Word: A..Z, AA..ZZ
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
