"""Column relations found from the values: a column equal to a/b × 100, a/b, a − b or a + b of two others.

Header words say what a column should be; the values say what it is. A column
is derived from two others when the relation reproduces it, at the printed
precision, on every row (at least 2) or on a strong majority (at least 3 rows
and three quarters of them). Relations that fit by construction are refused:
a constant column (all 100), a result equal to one of its inputs, an input
that never varies. When two different relations fit equally well the column is
left alone (unsure, so silent).

Discovery stays cheap: numbers are screened as floats with a generous
tolerance, only columns within reach are paired, and a candidate is dropped as
soon as it has missed more rows than the majority allows; the exact judgement
(engine/tolerance.py) is made only for the relation that survives.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import permutations

from lkjip_lint.checks.base import interval
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.interpret.tables import TEXT_ROLES, TableView
from lkjip_lint.numbers import Num

OPS = ("ratio100", "ratio", "difference", "sum")
SYMBOL = {"ratio100": "{a} / {b} × 100", "ratio": "{a} / {b}", "difference": "{a} − {b}", "sum": "{a} + {b}"}
MAX_INPUT_COLUMNS = 8  # nearest numeric columns tried as inputs of one result column
MIN_ROWS = 2
MAX_DISCOVERY_ROWS = 60  # rows a relation is sought on (a 5 000-row table stays fast)
# roles whose header already says the column is computed from others; higher = computed from those lower
DERIVED_RANK = {"percent": 1, "capaian": 1, "serapan": 1, "konversi": 1, "sisa": 2, "perubahan": 2,
                "efisiensi": 3, "index_efisiensi": 3}
DERIVED_ROLES = set(DERIVED_RANK)
MAJORITY = 0.75
_HUNDRED = Interval.exact(Decimal(100))


@dataclass(frozen=True)
class Relation:
    """A column the values show to be a / b × 100, a / b, a − b or a + b of two others; rows it fits."""

    result: int  # column indexes
    op: str
    a: int
    b: int
    fits: int  # rows the relation reproduces
    rows: int  # rows with all three values

    def describe(self, view: TableView) -> str:
        return SYMBOL[self.op].format(a=view.columns[self.a].header, b=view.columns[self.b].header)

    def compute(self, a: Interval, b: Interval) -> Interval:
        return apply(self.op, a, b)


def apply(op: str, a: Interval, b: Interval) -> Interval:
    if op == "ratio100":
        return a / b * _HUNDRED
    if op == "ratio":
        return a / b
    if op == "difference":
        return a - b
    return a + b


def relations(view: TableView) -> list[Relation]:
    """The relations the values of this table show (computed once per table)."""
    cached = getattr(view, "_relations", None)
    if cached is None:
        cached = _discover(view)
        view._relations = cached
    return cached


def numeric_columns(view: TableView) -> list[int]:
    out = []
    data = [r for r in view.rows if r.type == "data"]
    for col in view.columns:
        if col.role in TEXT_ROLES:
            continue
        numbers = sum(1 for r in data if isinstance(r.values[col.index], Num))
        if numbers >= MIN_ROWS and numbers * 2 >= len(data):
            out.append(col.index)
    return out


def _floats(view: TableView, j: int) -> list[float | None]:
    return [float(v.value) if isinstance(v := r.values[j], Num) else None for r in view.rows if r.type == "data"]


def _varies(values: list[float | None]) -> bool:
    return len({v for v in values if v is not None}) >= 2


def _screen(op: str, a: float, b: float) -> float | None:
    if op in ("ratio100", "ratio"):
        if b == 0:
            return None
        return a / b * (100 if op == "ratio100" else 1)
    return a - b if op == "difference" else a + b


def _discover(view: TableView) -> list[Relation]:
    numeric = numeric_columns(view)
    if len(numeric) < 3:
        return []
    # the first rows are evidence enough to find a relation; the check then reads every row
    data = [r for r in view.rows if r.type == "data"][:MAX_DISCOVERY_ROWS]
    columns = {j: _floats(view, j)[:MAX_DISCOVERY_ROWS] for j in numeric}
    found = []
    for c in numeric:
        if not _varies(columns[c]):
            continue  # a constant column (all 100) fits too many relations to mean one
        inputs = sorted((j for j in numeric if j != c and _varies(columns[j])), key=lambda j: abs(j - c))[:MAX_INPUT_COLUMNS]
        candidates = []
        for a, b in permutations(inputs, 2):
            for op in OPS:
                if op == "sum" and a > b:
                    continue  # a + b once
                fit = _fits(view, data, columns, op, c, a, b)
                if fit is not None:
                    candidates.append(Relation(c, op, a, b, *fit))
        best = _unique_best(candidates)
        if best is not None:
            found.append(best)
    return _one_per_triple(view, found)


def _one_per_triple(view: TableView, found: list[Relation]) -> list[Relation]:
    """c = a / b × 100 also reads b = a / c × 100: keep the reading whose result is the derived column.

    The derived column is the one whose header names a derived measure (%, capaian, sisa …), else
    the rightmost of the three (reports compute left to right).
    """
    by_triple: dict[frozenset, list[Relation]] = {}
    for rel in found:
        by_triple.setdefault(frozenset((rel.result, rel.a, rel.b)), []).append(rel)
    kept = []
    for triple, readings in by_triple.items():
        derived = max(triple, key=lambda j: (DERIVED_RANK.get(view.columns[j].role or "", 0), j))
        reading = next((r for r in readings if r.result == derived), None)
        if reading is not None:  # the derived column's own reading was ambiguous: the inverse proves nothing
            kept.append(reading)
    return sorted(kept, key=lambda r: r.result)


def _fits(view, data, columns, op, c, a, b) -> tuple[int, int] | None:
    """(rows fitted, rows with values) when the relation holds on enough rows, else None."""
    rows = [k for k in range(len(data)) if None not in (columns[c][k], columns[a][k], columns[b][k])]
    n = len(rows)
    if n < MIN_ROWS:
        return None
    allowed_misses = 0 if n < 3 else int(n * (1 - MAJORITY))
    misses = 0
    same_as_input = True
    telling = False  # one fitted value that small numbers would rarely hit by chance (2 + 3 = 5 is cheap)
    for k in rows:
        ca, cb, cc = columns[a][k], columns[b][k], columns[c][k]
        if cc != ca and cc != cb:
            same_as_input = False
        guess = _screen(op, ca, cb)
        if guess is None or abs(guess - cc) > 0.02 * max(1.0, abs(cc)) or not _exact(view, data[k], op, c, a, b):
            misses += 1
            if misses > allowed_misses:
                return None
        elif abs(cc) >= 10 or cc != int(cc):
            telling = True
    if same_as_input or not telling:
        return None  # the result only repeats an input (a target of 100 %, a zero), or only small whole numbers fit
    return n - misses, n


def _exact(view, row, op, c, a, b) -> bool:
    try:
        computed = apply(op, cell_interval(view, row, a), cell_interval(view, row, b))
    except (ZeroDivisionError, ArithmeticError):
        return False
    return judge(row.values[c], computed, expected_decimals=2) is None


def cell_interval(view: TableView, row, j: int) -> Interval:
    """A cell as an interval: a column of whole numbers only counts things (179 people), so it is exact."""
    num = row.values[j]
    if _whole_numbers(view, j):
        return Interval.exact(num.value)
    return interval(num, view.columns[j].role)


def _whole_numbers(view: TableView, j: int) -> bool:
    key = ("whole", j)
    cache = view.__dict__.setdefault("_relation_cache", {})
    if key not in cache:
        nums = [v for r in view.rows if r.type == "data" and isinstance(v := r.values[j], Num)]
        cache[key] = bool(nums) and all(n.decimals == 0 and not n.percent for n in nums)
    return cache[key]


def _unique_best(candidates: list[Relation]) -> Relation | None:
    if not candidates:
        return None
    candidates.sort(key=lambda r: (-r.fits, r.fits < r.rows))
    best = candidates[0]
    rivals = [r for r in candidates[1:] if r.fits == best.fits and not _same(r, best)]
    return None if rivals else best


def _same(r: Relation, s: Relation) -> bool:
    """a + b and b + a, or a − b = c against c + b = a, are one reading of the numbers."""
    return r.op == s.op == "sum" and {r.a, r.b} == {s.a, s.b}


MIN_CONFLICT_ROWS = 3
# The formula a derived column's header names: its inputs by role, within the column's group.
HEADER_FORMULA = {"capaian": ("ratio100", "realisasi", "target"), "serapan": ("ratio100", "realisasi_anggaran", "pagu"),
                  "sisa": ("difference", "pagu", "realisasi_anggaran")}


def conflicts(view: TableView) -> dict[int, Relation]:
    """Columns whose header names a formula the values contradict: column index → the relation the values show.

    Only when the header's inputs are clear (one column per role in the group), the values' relation
    uses other columns and fits at least MIN_CONFLICT_ROWS rows, and the header's formula reproduces
    fewer than half of the rows the relation does.
    """
    cached = view.__dict__.get("_conflicts")
    if cached is not None:
        return cached
    out = {}
    data = [r for r in view.rows if r.type == "data"]
    for rel in relations(view):
        col = view.columns[rel.result]
        if col.role not in HEADER_FORMULA:
            continue
        op, a_role, b_role = HEADER_FORMULA[col.role]
        a = [c.index for c in view.cols(a_role) if c.group == col.group]
        b = [c.index for c in view.cols(b_role) if c.group == col.group]
        if len(a) != 1 or len(b) != 1 or {a[0], b[0]} == {rel.a, rel.b}:
            continue
        header_fits = sum(1 for row in data if all(isinstance(row.values[j], Num) for j in (rel.result, a[0], b[0]))
                          and _exact(view, row, op, rel.result, a[0], b[0]))
        # the header is overruled only by enough rows (a 2-row table with a copied column proves little)
        if rel.fits >= MIN_CONFLICT_ROWS and 2 * header_fits < rel.fits:
            out[rel.result] = rel
    view.__dict__["_conflicts"] = out
    return out
