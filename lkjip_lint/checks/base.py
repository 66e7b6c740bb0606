"""What every check kind gets: the report, its rule's parameters, the tables it applies to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from lkjip_lint.engine.tolerance import Interval, Verdict, to_json_number
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.report import Report
from lkjip_lint.interpret.tables import TableView
from lkjip_lint.numbers import Num

# Roles whose integer values are exact (people, rupiah), not rounded.
EXACT_ROLES = {"count", "amount", "pagu", "realisasi_anggaran", "sisa", "no"}
# Targets are declared, not measured: "91.5" means 91.5, not 91.45–91.55.
DECLARED_ROLES = {"target", "target_akhir", "bobot"}


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


def parse_params(module, raw: dict):
    """A rule's parameters validated by its kind: the kind's `Params` model, or, for a relation kind
    whose `Params` is a union tagged by `of:`, the model of the `of:` it names (the kind's DEFAULT_OF
    when it names none). Raises pydantic's ValidationError."""
    model = module.Params
    if isinstance(model, type) and issubclass(model, BaseModel):
        return model(**raw)
    adapter = module.__dict__.get("_params_adapter")
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = module._params_adapter = TypeAdapter(model)
    return adapter.validate_python({"of": module.DEFAULT_OF, **raw})


@dataclass
class Context:
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
