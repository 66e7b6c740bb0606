"""formula, of: row — a column computed from other columns of the same row.

The rule names the result column's role and one or more formulas over column
roles (e.g. `realisasi / target * 100`), evaluated by the safe evaluator of
engine/expr.py with the printed precision of every input carried as an
interval. The result agrees when any applicable formula reproduces it; formulas
marked `polarity: negative` apply only to indicators where lower is better
(declared in configuration or inferred from the name), and the finding says
which formula matched. When only the other polarity's formula reproduces the
value, the finding is a note asking to declare the indicator's polarity. Inputs are taken from the result's column group (same
year, same parent header) or, when unique, from anywhere in the table.

Good:  Target 91.5 | Realisasi 93.85 | Capaian 102.57
Bad:   Target 91.5 | Realisasi 93.85 | Capaian 102.51      (expected 102.57)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.expr import Formula
from lkjip_lint.engine.tolerance import judge
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.columns import Column
from lkjip_lint.interpret.hierarchy import parents
from lkjip_lint.interpret.indicators import indicator_name, pk_targets
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.relations import conflicts
from lkjip_lint.interpret.tables import TableView


def run(ctx: Context) -> Iterator[Draft]:
    formulas = [(spec, Formula(spec.expr)) for spec in ctx.params.formulas]
    for view in ctx.tables:
        disputed = conflicts(view)
        for result in view.cols(ctx.params.result):
            if result.index in disputed:
                continue  # the values contradict the header's formula: column_relation follows the values
            inputs = _inputs(view, result, formulas)
            if inputs is None:
                continue
            for row in view.rows:
                if row.type != "data":
                    continue
                yield from _row(ctx, view, row, result, inputs, formulas)


MAX_ASSIGNMENTS = 16  # input combinations tried by values per result column


def _inputs(view: TableView, result: Column, formulas) -> dict[str, Column] | None:
    names = dict.fromkeys(n for _, f in formulas for n in f.names)
    chosen: dict[str, Column] = {}
    open_names: dict[str, list[Column]] = {}
    for name in names:
        same_group = [c for c in view.cols(name) if c.group == result.group and c is not result]
        anywhere = [c for c in view.cols(name) if c is not result and (c.year in (None, result.year) or result.year is None)]
        pick = same_group if len(same_group) == 1 else anywhere if len(anywhere) == 1 else []
        if pick:
            chosen[name] = pick[0]
        elif candidates := [c for c in view.cols(name) if c is not result]:
            open_names[name] = candidates
    if open_names:
        chosen = _chosen_by_values(view, result, formulas, chosen, open_names) or chosen
    return chosen or None


def _chosen_by_values(view, result, formulas, fixed, open_names) -> dict[str, Column] | None:
    """Header words left several (or other years') columns for an input: take the assignment that
    reproduces the most rows — at least one, and strictly more than any other assignment."""
    assignments = [dict(fixed)]
    for name, candidates in open_names.items():
        assignments = [{**a, name: c} for a in assignments for c in candidates][:MAX_ASSIGNMENTS]
    scored = sorted(((_rows_reproduced(view, result, formulas, a), k) for k, a in enumerate(assignments)), reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None  # nothing fits, or two readings fit equally: unsure
    return assignments[scored[0][1]]


def _rows_reproduced(view, result, formulas, inputs) -> int:
    count = 0
    for row in view.rows:
        printed = view.num(row, result) if row.type == "data" else None
        if printed is None:
            continue
        env = {n: interval(v, c.role) for n, c in inputs.items() if (v := view.num(row, c)) is not None}
        for _, formula in formulas:
            if not formula.names.keys() <= env.keys():
                continue
            try:
                if judge(printed, formula(env)) is None:
                    count += 1
                    break
            except ArithmeticError:
                continue
    return count


def _other_polarity(formulas, env, printed, negative: bool, decimals: int):
    """The formula of the opposite polarity that reproduces the printed value, if any."""
    for spec, formula in formulas:
        if spec.polarity == "any" or (spec.polarity == "negative") == negative:
            continue
        if not formula.names.keys() <= env.keys():
            continue
        try:
            if judge(printed, formula(env), expected_decimals=decimals) is None:
                return spec
        except ArithmeticError:
            continue
    return None


def _with_pk_target(ctx, view, row, env, printed, spec, formulas):
    """(formula, verdict, PK target) when the operative PK gives this row's indicator another target; the
    verdict is None when the PK's target reproduces the printed capaian."""
    if "target" not in env or "realisasi" not in env:
        return None
    ind = ctx.report.find_indicator(indicator_name(view, row))
    pk = pk_targets(ctx.report).get(ind.name) if ind is not None else None
    if pk is None or pk[0].value == env["target"].point:
        return None
    env = {**env, "target": interval(pk[0], "target")}
    formula = dict((s.name, f) for s, f in formulas)[spec.name]
    try:
        verdict = judge(printed, formula(env), expected_decimals=ctx.params.expected_decimals)
    except ArithmeticError:
        return None
    return spec, verdict, pk[0]


def _row(ctx, view, row, result, inputs, formulas) -> Iterator[Draft]:
    printed = view.num(row, result)
    if printed is None:
        return
    env = {name: interval(n, col.role) for name, col in inputs.items() if (n := view.num(row, col)) is not None}
    negative = is_negative(row.label, ctx.report)
    # a negative row is judged by the formula the report's own rows settle on, when they settle one
    convention = ctx.report.capaian_convention if negative and ctx.params.result == "capaian" else None
    tried = []
    for spec, formula in formulas:
        if spec.polarity == "negative" and not negative or spec.polarity == "positive" and negative:
            continue
        if spec.polarity == "negative" and convention is not None and not convention.admits(formula):
            continue
        if not formula.names.keys() <= env.keys():
            continue
        try:
            computed = formula(env)
        except (ZeroDivisionError, ArithmeticError):
            continue
        verdict = judge(printed, computed, expected_decimals=ctx.params.expected_decimals)
        if verdict is None:
            return  # one formula reproduces the printed value
        tried.append((spec, verdict, computed))
    if not tried:
        return
    # only in that direction: a name that says lower-is-better and a positive formula is a real mistake
    other = None if negative else _other_polarity(formulas, env, printed, negative, ctx.params.expected_decimals)
    if other is not None:
        # the name did not say lower-is-better, but the other polarity's formula fits exactly:
        # a note asking to declare the polarity, not an arithmetic error
        draft = number_draft(view, row, result, printed, tried[0][1], variant="polarity",
                             values={"formula": other.expr, "formula_name": other.name})
        draft.grade = "note"
        yield draft
        return
    if _input_is_the_slip(view, row, inputs, env, printed, [f for _, f in _applicable(tried, formulas)], ctx):
        return  # an input is a wrong sum of its children (SUM003/SUM005 say so): with theirs the row holds
    spec, verdict, computed = min(tried, key=lambda t: abs(t[2].point - printed.value))
    pk = _with_pk_target(ctx, view, row, env, printed, spec, formulas) if ctx.params.result == "capaian" else None
    if pk is not None:
        # the row's target is not the PK's (PK001 says so): the capaian it should show uses the PK target
        pk_spec, pk_verdict, pk_target = pk
        if pk_verdict is None:
            return  # the capaian follows from the PK's target: the row's target is the slip, which PK001 reports
        yield number_draft(view, row, result, printed, pk_verdict, variant="pk_target",
                           values={"formula": pk_spec.expr, "formula_name": pk_spec.name, "pk_target": pk_target.raw,
                                   "target": view.num(row, inputs["target"]).raw, "realisasi": view.num(row, inputs["realisasi"]).raw})
        return
    if ctx.params.capped_values and float(printed.value) in ctx.params.capped_values and computed.point > printed.value:
        draft = number_draft(view, row, result, printed, verdict, variant="capped",
                             values={"formula": spec.expr, "formula_name": spec.name})
        draft.grade = "note"  # a cap is a policy choice, not an arithmetic error
        yield draft
        return
    settled = convention is not None and convention.negative is not None
    yield number_draft(view, row, result, printed, verdict, variant="convention" if settled else "default",
                       values={"formula": spec.expr, "formula_name": spec.name,
                               "inputs": ", ".join(f"{k} {view.num(row, c).raw}" for k, c in inputs.items() if view.num(row, c)),
                               **(convention.counts() if settled else {})},
                       evidence={"formula": spec.expr, "polarity": "negative" if negative else "positive"})


def _applicable(tried, formulas):
    """The (spec, formula) pairs of the formulas that were tried on the row."""
    names = {spec.name for spec, _, _ in tried}
    return [(spec, f) for spec, f in formulas if spec.name in names]


def _input_is_the_slip(view, row, inputs, env, printed, formulas, ctx) -> bool:
    """A row whose input cell is a parent's value that its children do not add up to: with the children's sum
    in its place one of the tried formulas reproduces the printed result."""
    own = {p.row: p.children for p in parents(view)}
    position = next((k for k, r in enumerate(view.rows) if r is row), None)
    children = own.get(position)
    if not children:
        return False
    for name, col in inputs.items():
        parts = [view.num(view.rows[c], col) for c in children]
        value = view.num(row, col)
        if value is None or not parts or any(p is None for p in parts):
            continue
        below = interval(parts[0], col.role)
        for p in parts[1:]:
            below = below + interval(p, col.role)
        if judge(value, below, exact=True) is None:
            continue  # this input is its children's sum: not the slip
        for formula in formulas:
            try:
                if judge(printed, formula({**env, name: below}), expected_decimals=ctx.params.expected_decimals) is None:
                    return True
            except ArithmeticError:
                continue
    return False
