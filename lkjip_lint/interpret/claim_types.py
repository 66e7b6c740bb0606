"""What a sentence states: its number tokens and the claims built from them.

Shared by interpret/claims.py (sentence by sentence) and interpret/ledger.py
(budget statements across a passage).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_lint.numbers import Num


@dataclass
class Token:
    """A number in a sentence: its offsets, its value, and the role and unit the words around it give it."""

    start: int
    end: int
    num: Num
    role: str | None = None
    unit: str | None = None
    in_parens_pct: bool = False
    per_base: int | None = None  # "4,88 per 1000 kelahiran hidup" → 1000


@dataclass
class Claim:
    """What a sentence states that arithmetic can check: its kind, the numbers it relates, where it is."""

    kind: str  # capaian | budget | efficiency | sum | share | category | indicator_capaian | remainder | change_total | share_of_total | unit
    sentence: str
    line: int | None
    page: int | None
    paragraph: int | None = None
    values: dict[str, Num] = field(default_factory=dict)
    parts: list[Num] = field(default_factory=list)
    value: Num | None = None
    label: str = ""
    indicator: str | None = None
    indicator_capaian: float | None = None
    negative: bool | None = None  # polarity known from the passage (None: not known)
    sources: tuple[str, ...] = ()  # other sentences whose numbers the claim reads (a formula's named form, its result line)


def make_claim(kind: str, sentence: str, block, **kw) -> Claim:
    return Claim(kind=kind, sentence=sentence, line=block.line, page=block.page, paragraph=block.index + 1, **kw)
