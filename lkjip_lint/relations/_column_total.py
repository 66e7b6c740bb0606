"""sum, of: column — a Jumlah/Total row equals the sum of the rows it covers.

Compares every additive column (counts, amounts, area, pagu, realisasi) of a row
labelled Jumlah/Total (vocabulary in rules/tables.yaml) or of an unlabelled
subtotal row with the sum of the data rows since the previous total, section rows
such as "Desa" included. In budget tables with a programme → kegiatan hierarchy
only the programme rows are summed; elsewhere the rows that the values show to
be the parts of a parent row (interpret/hierarchy.py) are not counted twice. A total printed as a malformed number is
reported with the sum it should show.

Good:  1 | Lor | 6 ⏎ 2 | Kulon | 3 ⏎ | Jumlah | 9
Bad:   1 | Lor | 6 ⏎ 2 | Kulon | 3 ⏎ | Jumlah | 8      (expected 9)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.hierarchy import parents
from lkjip_lint.interpret.tables import ADDITIVE_ROLES, TOTAL_ROWS, TableView
from lkjip_lint.numbers import Malformed, Num, format_id



def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        yield from _table(view)


def _columns(view: TableView):
    has_row_total = any(c.is_row_total for c in view.columns)
    for col in view.columns:
        if col.role in ADDITIVE_ROLES:
            yield col
        elif col.role == "percent" and not has_row_total:
            yield col  # shares of a column add up to the total's 100


def _table(view: TableView) -> Iterator[Draft]:
    hierarchical = any(r.level == 1 for r in view.rows)
    # rows that the values show to be parts of a parent row above them: the parent already counts them
    children = {c for p in parents(view) for c in p.children}
    kids = {id(view.rows[p.row]): [view.rows[c] for c in p.children] for p in parents(view)}
    start = 0
    for k, row in enumerate(view.rows):
        if row.type not in TOTAL_ROWS:
            continue
        positions = [j for j in range(start, k)
                     if view.rows[j].type == "data" and (not hierarchical or view.rows[j].level == 1)]
        covered = [view.rows[j] for j in positions]
        top = [view.rows[j] for j in positions if j not in children]
        if row.type != "subtotal":
            start = k + 1
        if len(covered) < 2 and not (len(covered) == 1 and row.type == "total"):
            continue
        for col in _columns(view):
            if len(top) < len(covered) and not list(_cell(view, row, col, covered, {})):
                continue  # the total counts parents and children alike: that reading fits, nothing to say
            yield from _cell(view, row, col, top if len(top) >= 1 else covered, kids)


def _cell(view, row, col, covered, kids) -> Iterator[Draft]:
    """`kids`: a parent row's children (by the row's id), whose sum stands in for a parent that breaks it."""
    total = row.values[col.index]
    parts = [r.values[col.index] for r in covered]
    if any(isinstance(p, Malformed) for p in parts):
        return
    numbers = [p for p in parts if isinstance(p, Num)]
    if len(numbers) < 1 or (len(numbers) < 2 and len(covered) > 1 and col.role == "percent"):
        return
    computed = Interval.exact(Decimal(0))
    for n in numbers:
        computed = computed + interval(n, col.role)
    decimals = max(n.decimals for n in numbers)
    if isinstance(total, Malformed):
        expected = to_json_number(computed.point.quantize(Decimal(1).scaleb(-decimals)))
        yield Draft(
            location=view.location(row, col),
            actual=total.raw,
            expected=expected,
            variant="malformed",
            values={"table": view.name, "row": row.label, "column": col.header,
                    "count": len(numbers), "expected_text": format_id(computed.point, decimals)},
            evidence={"table": view.snapshot([{"row": row.index, "col": col.index, "expected": str(expected)}]),
                      "parts": [n.raw for n in numbers]},
            key=f"{view.ident}|{row.label}|{col.header}|{total.raw}|{expected}",
        )
        return
    if not isinstance(total, Num):
        return
    exact = interval(total, col.role).lo == total.value
    verdict = judge(total, computed, exact=exact, expected_decimals=decimals)
    if verdict and kids and _parents_explain(total, covered, col, kids, exact):
        return  # a part is itself a wrong sum of its children (SUM003/SUM005 say so): with theirs the total holds
    if verdict:
        yield number_draft(view, row, col, total, verdict,
                           values={"count": len(numbers)},
                           evidence={"parts": [n.raw for n in numbers]})


def _parents_explain(total, covered, col, kids, exact) -> bool:
    """The total holds once each covered parent row whose children do not add up to it counts its children."""
    computed, replaced = Interval.exact(Decimal(0)), False
    for r in covered:
        own = r.values[col.index]
        parts = [c.values[col.index] for c in kids.get(id(r), ())]
        if parts and all(isinstance(p, Num) for p in parts):
            below = Interval.exact(Decimal(0))
            for p in parts:
                below = below + interval(p, col.role)
            if not isinstance(own, Num) or judge(own, below, exact=exact) is not None:
                own, replaced = None, True
                computed = computed + below
                continue
        if not isinstance(own, Num):
            return False
        computed = computed + interval(own, col.role)
    return replaced and judge(total, computed, exact=exact) is None
