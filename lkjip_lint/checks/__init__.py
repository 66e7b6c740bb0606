"""The registry of check kinds: explicit and static. A kind is one module here.

Each module has a docstring (its user documentation, printed by `explain`), a
pydantic `Params` model (validated when a rule file is loaded) and
`run(ctx) -> Iterator[Draft]`. Rules in rules/*.yaml name a kind and give it
parameters, a severity and messages.
"""
from __future__ import annotations

import importlib
from types import ModuleType

KINDS = (
    "column_total",
    "share",
    "row_total",
    "row_formula",
    "hierarchy",
    "survey_index",
    "number_format",
)


def load_kind(kind: str) -> ModuleType:
    if kind not in KINDS:
        raise KeyError(kind)
    return importlib.import_module(f"lkjip_lint.checks.{kind}")
