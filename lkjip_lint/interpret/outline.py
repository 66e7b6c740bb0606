"""Row levels from how the rows are written, kept only when the numbers agree.

A table's rows may form an outline: programme over kegiatan over sub kegiatan,
"1." over "1.1" over "a." over "-", an upper-case row over plain ones, a label
one cell to the right of its parent's. Each cue gives one reading:

- markers: numbering by depth ("1.", "1.1", "1.1.1"; in the label or in a "No"
  column), letters ("a.", "b)"), upper-case roman ("I."), bullets and dashes
  ("-", "•", "- -") and unmarked rows; each style gets the next level in the
  order the table first uses it (as reStructuredText ranks heading underlines);
- keywords: Program, then Kegiatan, then Sub Kegiatan (rules/tables.yaml row
  kinds); an unnamed row sits one level below the last named row above it;
- capitals: upper-case rows over the rows below them;
- indentation: the first non-empty label cell (leading empty cells push a row down).

A reading is a claim only when the table's additive columns confirm it: a
parent (a row with lower rows after it, up to the next row of its level or
above) fits when it equals the sum of its children in at least one of those
columns and in at least half of the columns where all of them have values.
The reading is accepted when at least one parent fits and the parents that
fit none are fewer than half as many as those that fit; of the accepted
readings the one with the most fitting parents wins. Otherwise: no hierarchy
claim (the value-found parents of interpret/hierarchy.py still apply).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.interpret.hierarchy import Parent
from lkjip_lint.interpret.tables import TOTAL_ROWS, TableView
from lkjip_lint.numbers import Num

_NUMBERING = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*)(?:[.)]|\.?(?=\s)|$)\s*")
_LETTER = re.compile(r"^\(?([a-z])[.)]\s*")
_ROMAN = re.compile(r"^([IVX]{1,5})[.)]\s+")
_BULLETS = re.compile(r"^((?:[-–•·*▪◦>]\s*)+)")
_SUB = re.compile(r"^sub\s*[-]?\s*kegiatan", re.I)


@dataclass
class Outline:
    """The row levels of a table that its numbers confirm: the cue they come from, and the parents."""

    cue: str  # markers | keywords | capitals | indentation
    levels: dict[int, int]  # view.rows index → level (1 = top)
    parents: list[Parent]  # columns: where parent and children all have values; fitting: where the sum holds


def read_outline(view: TableView, vocab, columns: list[int]) -> Outline | None:
    """The reading of this table's rows that its additive `columns` confirm, or None."""
    if not columns:
        return None
    rows = [k for k, r in enumerate(view.rows) if r.type in ("data", "section")]
    if len(rows) < 2:
        return None
    best = None
    for cue, reading in _readings(view, vocab, rows):
        parents = _parents(view, rows, reading, columns)
        fit = sum(1 for p in parents if p.fitting)
        misfit = sum(1 for p in parents if p.columns and not p.fitting)
        if fit == 0 or misfit * 2 >= fit:
            continue
        if best is None or fit > best[0]:
            best = (fit, Outline(cue, reading, parents))
    return best[1] if best else None


def _readings(view, vocab, rows):
    marks = {k: _marker(view, view.rows[k]) for k in rows}
    yield "markers", _by_first_use(marks)
    yield "keywords", _by_keywords(view, vocab, rows)
    caps = {k: 1 if _label(view, view.rows[k]).isupper() else 2 for k in rows}
    yield "capitals", caps
    indent = {k: _indent(view, view.rows[k]) for k in rows}
    yield "indentation", _by_first_use({k: v for k, v in indent.items() if v is not None}) if len(set(indent.values()) - {None}) > 1 else {}


def _label(view, row) -> str:
    """The cell that names the row (an "Indikator" column before a programme column beside it)."""
    return row.label.strip() or next((row.cells[j].strip() for j in view.label_cols if row.cells[j].strip()), "")


def _marker(view, row) -> tuple:
    """The style a row is written in: its numbering, letter, bullet, or none."""
    no = next((c for c in view.columns if c.role == "no"), None)
    texts = ([row.cells[no.index].strip()] if no is not None and row.cells[no.index].strip() else []) + [_label(view, row)]
    for text in texts:
        if m := _NUMBERING.match(text):
            return ("number", m.group(1).count(".") + 1)
        if m := _ROMAN.match(text):
            return ("roman",)
        if m := _LETTER.match(text):
            return ("letter",)
        if m := _BULLETS.match(text):
            return ("bullet", len(re.sub(r"\s", "", m.group(1))))
    return ("plain",)


def _by_first_use(marks: dict[int, tuple]) -> dict[int, int]:
    """Each style's level is the order in which the table first uses it; numbering depth keeps its own order."""
    order: list = []
    for mark in marks.values():
        if mark not in order:
            order.append(mark)
    if len(order) < 2:
        return {}
    return {k: order.index(m) + 1 for k, m in marks.items()}


def _by_keywords(view, vocab, rows) -> dict[int, int]:
    levels, last = {}, None
    for k in rows:
        label = _BULLETS.sub("", _NUMBERING.sub("", _label(view, view.rows[k]))).strip()
        kind = vocab.row_type(label)
        if kind == "programme":
            last = levels[k] = 1
        elif kind == "activity":
            last = levels[k] = 3 if _SUB.match(label) else 2
        elif last is not None:
            levels[k] = last + 1
    return levels if 1 in levels.values() and len(set(levels.values())) > 1 else {}


def _indent(view, row) -> int | None:
    for pos, j in enumerate(view.label_cols):
        if row.cells[j].strip():
            return pos
    return None


def _parents(view, rows, levels: dict[int, int], columns: list[int]) -> list[Parent]:
    out = []
    ordered = [k for k in rows if k in levels]
    for pos, k in enumerate(ordered):
        below = []
        for c in ordered[pos + 1:]:
            if levels[c] <= levels[k] or _breaks(view, k, c):
                break
            below.append(c)
        if not below:
            continue
        top = min(levels[c] for c in below)
        children = [c for c in below if levels[c] == top]
        if view.rows[k].type != "data" or any(view.rows[c].type != "data" for c in children):
            continue  # a heading row has no numbers to confirm it
        usable, fitting = [], []
        for j in columns:
            total, parts = view.rows[k].values[j], [view.rows[c].values[j] for c in children]
            if not isinstance(total, Num) or not all(isinstance(p, Num) for p in parts):
                continue
            usable.append(j)
            if total.value != 0 and _adds_up(total, parts):
                fitting.append(j)
        if usable and 2 * len(fitting) < len(usable):
            fitting = []
        out.append(Parent(k, children, usable, fitting))
    return out


def _breaks(view, k: int, c: int) -> bool:
    """A total row between ends a parent's run of children."""
    return any(view.rows[i].type in TOTAL_ROWS for i in range(k + 1, c))


def _adds_up(total: Num, parts: list[Num]) -> bool:
    computed = Interval.exact(Decimal(0))
    for p in parts:
        computed = computed + Interval.of(p, exact=p.decimals == 0)
    return judge(total, computed, exact=total.decimals == 0) is None
