"""mean — an average equals the mean of its parts.

`of: rows` (the only value so far): a "Rata-rata" row equals the mean of the
values above it, per column, when at least two values stand above it (a mean
of one value says nothing about how the average was computed).

Parameters: of.

Good:  91.94 ⏎ 94.69 ⏎ 98.27 ⏎ Rata-rata 94.97
Bad:   91.94 ⏎ 94.69 ⏎ 98.27 ⏎ Rata-rata 96.00
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lkjip_lint.relations import Relation, implementation


@dataclass(kw_only=True)
class Params(Relation):
    """An average row and the rows above it."""

    of: Literal["rows"] = "rows"


IMPLEMENTATIONS = {"rows": "_average_row"}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
