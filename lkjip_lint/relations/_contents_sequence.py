"""sequence, of: contents — section numbers and page numbers of the contents (Daftar Isi) run in order.

The contents may be a list, dot-leader lines or a name/page table
(interpret/contents.py). Within one chapter, sub-sections are numbered 1, 2, 3
… ("3.1", "3.2", "3.3"; "A.", "B." under a BAB) and chapters I, II, III …: an
entry whose number breaks that order while its neighbours keep it (a number
used twice, "1.3" before "1.2") is a finding with the number it should have.
Page numbers (roman front matter, then arabic) never decrease: a single entry
whose page falls below the one before it (or jumps past the one after it) is a
finding. When several neighbours break the order at once (entries lost in
extraction), nothing is said.

Good:  3.1 Capaian Kinerja  14 ⏎ 3.2 Evaluasi  18 ⏎ 3.3 Realisasi Anggaran  36
Bad:   3.1 Capaian Kinerja  14 ⏎ 3.2 Evaluasi  18 ⏎ 3.2 Realisasi Anggaran  36   (expected 3.3)
"""
from __future__ import annotations

import re
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.contents import ContentsEntry, contents_lists, roman_value

_BAB = re.compile(r"^\s*bab\s+([ivx]+)\b", re.I)
_DOTTED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S")
_LETTER = re.compile(r"^\s*([a-h])[.)]\s+\S", re.I)


def run(ctx: Context) -> Iterator[Draft]:
    for entries in contents_lists(ctx.report):
        yield from _numbers(entries)
        yield from _pages(entries)


def _numbering(entries: list[ContentsEntry]) -> dict[str, list[tuple[ContentsEntry, int, str]]]:
    """Entries by numbering group: (entry, number within the group, prefix that expected numbers keep)."""
    groups: dict[str, list] = {}
    chapter = ""
    for e in entries:
        if m := _BAB.match(e.text):
            chapter = m.group(1).upper()
            groups.setdefault("bab", []).append((e, roman_value(m.group(1)) or 0, "BAB "))
        elif m := _DOTTED.match(e.text):
            *parent, last = m.group(1).split(".")
            groups.setdefault("dotted|" + ".".join(parent), []).append((e, int(last), ".".join(parent) + "."))
        elif m := _LETTER.match(e.text):
            groups.setdefault(f"letter|{chapter}", []).append((e, ord(m.group(1).upper()) - 64, ""))
    return groups


def _numbers(entries) -> Iterator[Draft]:
    for group, items in _numbering(entries).items():
        ok = [n == k + 1 for k, (_, n, _) in enumerate(items)]
        for k, (entry, number, prefix) in enumerate(items):
            if ok[k] or (k > 0 and not ok[k - 1]) or (k + 1 < len(items) and not ok[k + 1]):
                continue  # in order, or one of several neighbours out of order (lost entries): unsure
            if len(items) < 2:
                continue
            expected = _written(group, prefix, k + 1)
            actual = _written(group, prefix, number)
            yield Draft(location=Location(line=entry.line, row=entry.text[:120]), actual=actual, expected=expected,
                        variant="number", values={"entry": entry.text, "number": actual},
                        key=f"contents-number|{entry.text}|{expected}")


def _written(group: str, prefix: str, n: int) -> str:
    if group == "bab":
        return prefix + _roman(n)
    if group.startswith("letter"):
        return chr(64 + n)
    return f"{prefix}{n}"


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _pages(entries) -> Iterator[Draft]:
    paged = [e for e in entries if e.page is not None]

    def drop(k: int) -> bool:  # below the page before, while the next one is back in order
        return 0 < k < len(paged) and paged[k].page < paged[k - 1].page and (
            k + 1 == len(paged) or paged[k + 1].page >= paged[k - 1].page)

    for k in range(1, len(paged)):
        before, here = paged[k - 1], paged[k]
        after = paged[k + 1] if k + 1 < len(paged) else None
        # past the page after it, while before and after are in order; when the next entry is itself
        # a drop either could be wrong, and the drop is where the order visibly breaks
        jump = after is not None and here.page > after.page >= before.page and not drop(k + 1)
        if drop(k) or jump:
            yield Draft(location=Location(line=here.line, row=here.text[:120]), actual=here.page_text, expected=None,
                        variant="page", values={"entry": here.text, "page": here.page_text,
                                                "before": before.page_text, "after": after.page_text if after else "-"},
                        key=f"contents-page|{here.text}|{here.page_text}")
