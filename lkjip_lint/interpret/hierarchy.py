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

from lkjip_lint.interpret.tables import ADDITIVE_ROLES, TEXT_ROLES, TOTAL_ROWS, TableView
from lkjip_lint.numbers import Num

MAX_CHILDREN = 6
MIN_VALUE = 100


@dataclass
class Parent:
    """A row that may be the sum of the rows below it: its children, and the columns where the sum holds."""

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
    """Parent rows of this table (computed once per table): those of the outline its numbers confirm
    (interpret/outline.py), else those the values alone show."""
    cached = view.__dict__.get("_parents")
    if cached is None:
        cached = view.outline.parents if view.outline is not None else _find(view)
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
        tops = {j: _value(view, k, j) for j in columns}
        sums = {j: 0 for j in columns if tops[j] is not None}  # running sums of the children so far
        for size in range(1, MAX_CHILDREN + 1):
            if pos + size >= len(data) or data[pos + size] - k != size:
                break  # children are the rows right below, with no section row between
            child = data[pos + size]
            larger = False
            for j in list(sums):
                value = _value(view, child, j)
                if value is None:
                    del sums[j]  # a missing part: this column says nothing
                elif value > tops[j] and tops[j] >= 0:
                    larger = True
                else:
                    sums[j] += value
            if larger:
                break  # a child larger than the row: not its parent, whatever the run
            if size >= 2 and sums:
                fitting = [j for j in sums if sums[j] == tops[j]]
                if fitting and any(tops[j] >= MIN_VALUE for j in fitting) and 2 * len(fitting) >= len(sums):
                    found.append(Parent(row=k, children=data[pos + 1: pos + 1 + size], columns=list(sums), fitting=fitting))
                    break
    return found


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
    value ≥ MIN_VALUE, no part larger). Running sums keep this linear in the rows."""
    columns = additive_columns(view)
    if not columns:
        return
    sums, largest, complete, count = {}, {}, {}, 0

    def reset():
        nonlocal count
        count = 0
        for j in columns:
            sums[j], largest[j], complete[j] = 0, None, True

    reset()
    for k, row in enumerate(view.rows):
        if row.type in TOTAL_ROWS:
            reset()
            continue
        if row.type != "data":
            continue
        if count >= 2 and _is_running_total(view, k, columns, sums, largest, complete):
            row.type = "implicit_total"
            reset()
            continue
        count += 1
        for j in columns:
            value = _value(view, k, j)
            if value is None:
                complete[j] = False
            else:
                sums[j] += value
                largest[j] = value if largest[j] is None else max(largest[j], value)


def _is_running_total(view, k, columns, sums, largest, complete) -> bool:
    usable = fitting = 0
    large = False
    for j in columns:
        top = _value(view, k, j)
        if top is None or not complete[j]:
            continue
        usable += 1
        if largest[j] is not None and largest[j] > top and top >= 0:
            return False
        if sums[j] == top:
            fitting += 1
            large = large or top >= MIN_VALUE
    return fitting > 0 and large and 2 * fitting >= usable
