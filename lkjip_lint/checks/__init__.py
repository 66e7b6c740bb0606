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
    # arithmetic inside tables
    "column_total",
    "share",
    "row_total",
    "row_formula",
    "change_column",
    "column_relation",
    "hierarchy",
    "parent_sum",
    "survey_index",
    "number_format",
    # the report as a whole: scale, indicators, PK, text claims, domain tables
    "category",
    "pk_target",
    "pk_coverage",
    "indicator_consistency",
    "text_claims",
    "akip",
    "maturity",
    "average_row",
    "scale_table",
    # names, years, structure
    "foreign_subject",
    "misspelt_subject",
    "name_variants",
    "count_claims",
    "years",
    "table_numbering",
    "table_list",
    "contents",
    "contents_sequence",
    "table_reference",
    "regulation_citation",
    "structure",
    "no_tables",
    "unreadable_table",
    "reader_notes",
    "coverage",
    "no_report",
    # structured data input
    "data_schema",
    # relations between facts (lkjip_lint/relations/)
    "agree",
    "compare",
    "sum",
)
RELATION_KINDS = frozenset({"agree", "compare", "sum"})


def load_kind(kind: str) -> ModuleType:
    if kind not in KINDS:
        raise KeyError(kind)
    package = "relations" if kind in RELATION_KINDS else "checks"
    return importlib.import_module(f"lkjip_lint.{package}.{kind}")
