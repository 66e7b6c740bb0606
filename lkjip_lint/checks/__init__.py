"""The registry of check kinds: explicit and static. A kind is one module, named here.

Each module has a docstring (its user documentation, printed by `explain`), a
`Params` dataclass (a user's rule file's parameters are validated against it when
loaded; datamodel.py) and `run(ctx) -> Iterator[Draft]`. Rules in rules/*.yaml name a kind and give it
parameters, a severity and messages.

Most rules are relations between facts and use one of the generic relation
kinds of lkjip_lint/relations/ (whose `of:` parameter says which facts are
related); lkjip_lint/checks/ holds the few kinds that are not relations, each
saying why in its docstring.
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Callable

RELATION_KINDS = (
    "agree",      # one fact, one value wherever it is stated
    "sum",        # a whole equals the sum of its parts
    "formula",    # a value equals an expression of others
    "mean",       # an average equals the mean of its parts
    "category",   # a label equals the band of its value on a scale
    "count",      # a count equals the number of things counted
    "compare",    # a stated change or comparison holds
    "names",      # one entity, one name
    "sequence",   # numbers in order, none twice
)
CHECK_KINDS = (
    "number_format",
    "contents",
    "table_list",
    "table_reference",
    "regulation_citation",
    "structure",
    "pk_coverage",
    "no_tables",
    "unreadable_table",
    "reader_notes",
    "coverage",
    "no_report",
    "data_schema",
)
KINDS = RELATION_KINDS + CHECK_KINDS

# Kind names of versions before the relation kinds. A user's rule file that still names one loads as
# the relation kind with the `of:` given here (and a deprecation note on stderr); README, "Kinds renamed".
RENAMED: dict[str, tuple[str, str]] = {
    "column_total": ("sum", "column"),
    "row_total": ("sum", "row"),
    "hierarchy": ("sum", "hierarchy"),
    "parent_sum": ("sum", "parent_rows"),
    "maturity": ("sum", "maturity"),
    "row_formula": ("formula", "row"),
    "share": ("formula", "share"),
    "change_column": ("formula", "change"),
    "column_relation": ("formula", "derived_column"),
    "survey_index": ("formula", "survey_index"),
    "akip": ("formula", "akip"),
    "text_claims": ("formula", "text"),
    "average_row": ("mean", "rows"),
    "scale_table": ("category", "scale"),
    "pk_target": ("agree", "pk_target"),
    "indicator_consistency": ("agree", "indicator_capaian"),
    "years": ("agree", "report_year"),
    "count_claims": ("count", "tables"),  # its `source:` became `of:`
    "foreign_subject": ("names", "foreign_subject"),
    "misspelt_subject": ("names", "own_name"),
    "name_variants": ("names", "variants"),
    "table_numbering": ("sequence", "table_numbers"),
    "contents_sequence": ("sequence", "contents"),
}


def renamed(kind: str, params: dict) -> tuple[str, dict]:
    """The kind and parameters an old kind name stands for (RENAMED); other kinds unchanged."""
    if kind not in RENAMED:
        return kind, params
    new, of = RENAMED[kind]
    params = dict(params)
    if kind == "count_claims":
        of = params.pop("source", of)
    return new, {"of": of, **params}


def load_kind(kind: str) -> ModuleType:
    if kind not in KINDS:
        raise KeyError(kind)
    package = "relations" if kind in RELATION_KINDS else "checks"
    return importlib.import_module(f"lkjip_lint.{package}.{kind}")


def prepare(rules, done: Callable[[], bool] = lambda: False) -> None:
    """Import ahead what the rules will run: each kind's module and, for a relation kind, the module
    behind the rule's `of:` (what a first run would import). Called while a reader child reads the
    file, so the imports overlap the reading instead of following it; it stops once `done()` (the
    file is read): what is left is imported by the rules that need it, on two processes if split."""
    for rule in rules:
        if done():
            return
        module = load_kind(rule.kind)
        modules = getattr(module, "IMPLEMENTATIONS", None)
        if modules:
            from lkjip_lint.relations import implementation

            of = rule.params.get("of", getattr(module, "DEFAULT_OF", None))
            if of in modules:
                implementation(modules, of)
