"""formula, of: derived_column — a column that the table's own rows show to be computed from two others.

interpret/relations.py finds, from the values alone, a column equal to a / b ×
100, a / b, a − b or a + b of two other columns on every row (at least 2) or on
a strong majority (at least 3 rows, three quarters of them); a row that does not
fit is then a finding, with the value the relation gives at the printed
precision. Columns whose header already names their formula (capaian, serapan,
efisiensi, sisa, a share beside its count, a row total …) are left to their own
checks, so one cell never gets two findings — unless the values contradict the
header (a "Capaian" column that is Angka / Sasaran on most rows, not Realisasi /
Target): then the table gets one note naming the conflict (variant `conflict`)
and the rows are checked against the relation the values show.

Good:  Sasaran 179 | Target 100% | Angka 146 | % 81.56      (146 / 179 × 100 on every row)
Bad:   Sasaran 179 | Target 100% | Angka 146 | % 81.65      (expected 81.56)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.hierarchy import broken_cells
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.relations import DERIVED_ROLES, cell_interval, conflicts, relations
from lkjip_lint.interpret.tables import TableView, share_pairs
from lkjip_lint.numbers import Num

_HUNDRED = Interval.exact(Decimal(100))


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        disputed = conflicts(view)
        for rel in relations(view):
            if rel.result in disputed:
                yield _conflict(view, rel)  # one finding for the table; the rows follow the values
            elif _checked_elsewhere(view, rel.result):
                continue
            yield from _column(view, rel, ctx.report)


def _conflict(view: TableView, rel) -> Draft:
    col = view.columns[rel.result]
    return Draft(location=view.location(None, col), actual=col.header, expected=rel.describe(view), grade="note",
                 variant="conflict", values={"table": view.name, "column": col.header, "role": col.role,
                                             "relation": rel.describe(view), "fits": rel.fits, "rows": rel.rows},
                 key=f"{view.ident}|{col.header}|conflict|{rel.describe(view)}")


def _checked_elsewhere(view: TableView, j: int) -> bool:
    col = view.columns[j]
    if col.role in DERIVED_ROLES - {"percent"} or col.is_row_total:
        return True
    return any(pct.index == j for _, pct in share_pairs(view))


def _column(view: TableView, rel, report) -> Iterator[Draft]:
    result, a_col, b_col = (view.columns[j] for j in (rel.result, rel.a, rel.b))
    broken = broken_cells(view)
    for k, row in enumerate(view.rows):
        if row.type != "data" or (k, rel.a) in broken or (k, rel.b) in broken:
            continue  # an input another finding already says is wrong: no second, contradicting value
        printed, a, b = (row.values[c.index] for c in (result, a_col, b_col))
        if not all(isinstance(v, Num) for v in (printed, a, b)):
            continue
        try:
            computed = rel.compute(cell_interval(view, row, a_col.index), cell_interval(view, row, b_col.index))
        except (ZeroDivisionError, ArithmeticError):
            continue
        verdict = judge(printed, computed, expected_decimals=2)
        if verdict and rel.op == "ratio100" and _lower_is_better_fits(view, row, rel, printed, report):
            continue  # a capaian of a lower-is-better indicator: (2b − a) / b or b / a, not a / b
        if verdict:
            yield number_draft(view, row, result, printed, verdict,
                               values={"relation": rel.describe(view), "inputs": f"{a.raw}, {b.raw}",
                                       "fits": rel.fits, "rows": rel.rows},
                               evidence={"relation": rel.describe(view), "fits": rel.fits, "rows": rel.rows})


def _lower_is_better_fits(view, row, rel, printed, report) -> bool:
    """A percentage a / b × 100 of a row whose indicator is lower-is-better may be written (2b − a) / b × 100
    or b / a × 100 (DOMAIN.md A2), as the capaian columns are."""
    if not is_negative(row.label, report):
        return False
    a, b = cell_interval(view, row, rel.a), cell_interval(view, row, rel.b)
    try:
        options = [(Interval.exact(Decimal(2)) * b - a) / b * _HUNDRED, b / a * _HUNDRED]
    except ArithmeticError:
        return False
    return any(judge(printed, c) is None for c in options)
