"""Relation kinds: rules as relations between facts (DESIGN.md, "The model").

Each kind is one public module of this package: its docstring (its
documentation, printed by `explain`), its `Params` and `run(ctx)`, as for a
check kind. A kind's `of:` parameter says which facts the relation relates
(`sum` of the rows above a total row, of a row's part columns, of a programme's
kegiatan, of entities a rule names …); `Params` is one pydantic model per value
of `of:`, joined as a tagged union (a kind with one value has a plain model).
The implementation behind each value is a private module of this package
(`IMPLEMENTATIONS`), imported only when a rule uses it.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Annotated, Union

from pydantic import BaseModel, ConfigDict, Field


class Relation(BaseModel):
    """The parameters of one value of `of:`; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


def tagged(*models: type[Relation]):
    """The union of a kind's `of:` models, told apart by `of`."""
    return Annotated[Union[models], Field(discriminator="of")]


def implementation(implementations: dict[str, str], of: str) -> ModuleType:
    """The private module of this package that checks a kind's relation for `of:` (imported on first use)."""
    return import_module(f"{__name__}.{implementations[of]}")
