"""What every check kind gets: the report, its rule's parameters, the tables it applies to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lkjip_lint.datamodel import Strict, Tagged, validate
from lkjip_lint.engine.tolerance import Interval, Verdict, to_json_number
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.report import Report
from lkjip_lint.interpret.tables import TableView
from lkjip_lint.numbers import Num

# Roles whose integer values are exact (people, rupiah), not rounded.
EXACT_ROLES = {"count", "amount", "pagu", "realisasi_anggaran", "sisa", "no"}
# Targets are declared, not measured: "91.5" means 91.5, not 91.45–91.55.
DECLARED_ROLES = {"target", "target_akhir", "bobot"}


@dataclass(kw_only=True)
class NoParams(Strict):
    """A kind without parameters: any key is an error."""


def parse_params(module, raw: dict, *, trusted: bool = False):
    """A rule's parameters as its kind's `Params`, or, for a relation kind whose `Params` is a union
    tagged by `of:` (relations.Tagged), as the class of the `of:` it names (the kind's DEFAULT_OF
    when it names none). `trusted`: a bundled rule file validated at release (engine.loader), built
    as it is; anything else is validated by pydantic, which raises its ValidationError."""
    model = module.Params
    data = dict(raw)
    if hasattr(module, "DEFAULT_OF"):
        data.setdefault("of", module.DEFAULT_OF)
    if trusted:
        return (model.of(data["of"]) if isinstance(model, Tagged) else model)(**data)
    return validate(model, data)


@dataclass
class Context:
    """What a check runs with: the report, its rule's parsed parameters and the tables the rule applies to."""

    report: Report
    params: Any
    tables: list[TableView]


def interval(num: Num, role: str | None) -> Interval:
    return Interval.of(num, exact=role in DECLARED_ROLES or (role in EXACT_ROLES and num.decimals == 0))


def number_draft(view: TableView, row, col, printed: Num, verdict: Verdict, *, variant: str = "default",
                 values: dict | None = None, evidence: dict | None = None) -> Draft:
    """A Draft for a table cell whose value disagrees with what it should be."""
    highlight = [{"row": row.index, "col": col.index, "expected": str(verdict.expected)}]
    return Draft(
        location=view.location(row, col),
        actual=to_json_number(printed.value),
        expected=to_json_number(verdict.expected),
        grade=verdict.grade,
        variant="truncated" if verdict.reason == "truncated" else variant,
        values={"table": view.name, "row": row.label, "column": col.header, **(values or {})},
        evidence={"table": view.snapshot(highlight), **(evidence or {})},
        key=f"{view.ident}|{row.label}|{col.header}|{printed.raw}|{verdict.expected}",
    )
