"""Relation kinds: rules as relations between facts (DESIGN.md, "The model").

Each kind is one public module of this package: its docstring (its
documentation, printed by `explain`), its `Params` and `run(ctx)`, as for a
check kind. A kind's `of:` parameter says which facts the relation relates
(`sum` of the rows above a total row, of a row's part columns, of a programme's
kegiatan, of entities a rule names …); `Params` is one dataclass per value of
`of:`, joined as a union tagged by `of` (a kind with one value has a plain class).
The implementation behind each value is a private module of this package
(`IMPLEMENTATIONS`), imported only when a rule uses it.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

from lkjip_lint.datamodel import Strict, Tagged


class Relation(Strict):
    """The parameters of one value of `of:` (each a dataclass); unknown keys are errors."""


def tagged(*models: type[Relation]) -> Tagged:
    """The union of a kind's `of:` classes, told apart by `of`."""
    return Tagged(*models, tag="of")


def implementation(implementations: dict[str, str], of: str) -> ModuleType:
    """The private module of this package that checks a kind's relation for `of:` (imported on first use)."""
    return import_module(f"{__name__}.{implementations[of]}")
