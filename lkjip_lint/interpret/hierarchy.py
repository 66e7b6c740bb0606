"""Parent rows found from the values: a row whose counts equal the sum of the rows just below it.

"Cakupan balita … 999 | 779" over "… usia 0-11 bulan 163 | 156" and "… usia 12-59
bulan 836 | 623" is their parent, whatever the labels or numbering say. The
additive columns are those of whole numbers (people, units, rupiah) or with an
additive role; percentages never add up. A row is a parent of the next k data
rows (2 ≤ k ≤ MAX_CHILDREN, none larger than it) when the sum holds exactly in
at least half of the additive columns where all of them have values, one of
them with a parent value large enough (≥ MIN_VALUE) not to be a coincidence of
small numbers. The shortest such run wins; when none fits, no claim is made.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_lint.interpret.tables import ADDITIVE_ROLES, TEXT_ROLES, TableView
from lkjip_lint.numbers import Num

MAX_CHILDREN = 6
MIN_VALUE = 100


@dataclass
class Parent:
    row: int  # index into view.rows
    children: list[int]
    columns: list[int]  # additive columns where all rows have values
    fitting: list[int] = field(default_factory=list)  # of those, the columns whose sum holds


def additive_columns(view: TableView) -> list[int]:
    out = []
    for col in view.columns:
        if col.role in TEXT_ROLES or col.role in ("percent", "capaian", "serapan", "target", "realisasi"):
            continue
        nums = [v for r in view.rows if r.type == "data" and isinstance(v := r.values[col.index], Num)]
        if len(nums) < 3:
            continue
        whole = all(n.decimals == 0 and not n.percent for n in nums)
        if whole or col.role in ADDITIVE_ROLES:
            out.append(col.index)
    return out


def parents(view: TableView) -> list[Parent]:
    """Parent rows of this table (computed once per table)."""
    cached = view.__dict__.get("_parents")
    if cached is None:
        cached = _find(view)
        view.__dict__["_parents"] = cached
    return cached


def _value(view: TableView, k: int, j: int):
    v = view.rows[k].values[j]
    return v.value if isinstance(v, Num) else None


def _find(view: TableView) -> list[Parent]:
    columns = additive_columns(view)
    if not columns:
        return []
    data = [k for k, r in enumerate(view.rows) if r.type == "data"]
    found: list[Parent] = []
    for pos, k in enumerate(data):
        for size in range(2, MAX_CHILDREN + 1):
            children = data[pos + 1: pos + 1 + size]
            if len(children) < size or children[-1] - k != size:
                break  # children are the rows right below, with no section row between
            parent = _fit(view, k, children, columns)
            if parent is not None:
                found.append(parent)
                break
    return found


def _fit(view, k, children, columns) -> Parent | None:
    usable, fitting, large = [], [], False
    for j in columns:
        top = _value(view, k, j)
        parts = [_value(view, c, j) for c in children]
        if top is None or any(p is None for p in parts):
            continue
        usable.append(j)
        if any(p > top for p in parts) and top >= 0:
            return None  # a child larger than its parent: not this reading
        if sum(parts) == top:
            fitting.append(j)
            large = large or top >= MIN_VALUE
    if not fitting or not large or 2 * len(fitting) < len(usable):
        return None
    return Parent(row=k, children=list(children), columns=usable, fitting=fitting)


def broken_cells(view: TableView) -> set[tuple[int, int]]:
    """(row, column) of parent cells that are not the sum of their children: wrong inputs for other relations."""
    out = set()
    for parent in parents(view):
        for j in parent.columns:
            if j not in parent.fitting:
                out.add((parent.row, j))
    return out


def mark_totals(view: TableView) -> None:
    """A data row whose counts equal the sum of all data rows above it (since the last total) is a total,
    with or without a "Jumlah" label — by the same evidence as a parent (half the additive columns, one
    value ≥ MIN_VALUE). The column-total check then checks its other columns."""
    columns = additive_columns(view)
    if not columns:
        return
    above: list[int] = []
    for k, row in enumerate(view.rows):
        if row.type in ("total", "subtotal", "implicit_total"):
            above = []
        elif row.type == "data":
            if len(above) >= 2 and _fit(view, k, above, columns) is not None:
                row.type = "implicit_total"
                above = []
            else:
                above.append(k)
