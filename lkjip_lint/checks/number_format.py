"""number_format — numbers that cannot be read, or a column that mixes styles.

Not a relation: it judges how one number is printed, on its own; no other value
is involved.

A number with impossible grouping ("1.473.36") is reported, never guessed
(`malformed`); a column that writes decimals both as "93,85" and "91.5" gets a
note (`mixed`), since the reader had to guess which is meant.

Good:  15,65      Bad: 1.473.36
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.datamodel import Strict
from lkjip_lint.finding import Draft
from lkjip_lint.numbers import Malformed, Num


@dataclass(kw_only=True)
class Params(Strict):
    """What is reported: numbers that cannot be read (malformed), or columns that mix styles (mixed)."""

    report: str = "malformed"  # malformed | mixed


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        for col in view.columns:
            cells = [(r, r.values[col.index]) for r in view.rows]
            if ctx.params.report == "malformed":
                for row, value in cells:
                    if isinstance(value, Malformed):
                        yield Draft(location=view.location(row, col), actual=value.raw, expected=None,
                                    values={"table": view.name, "row": row.label, "column": col.header,
                                            "reason": value.reason},
                                    key=f"{view.ident}|{row.label}|{col.header}|{value.raw}")
            else:
                styles = {v.style for _, v in cells if isinstance(v, Num) and v.style in ("comma", "point")}
                if len(styles) == 2:
                    odd = _minority(cells)
                    row, value = odd
                    yield Draft(location=view.location(row, col), actual=value.raw, expected=None, grade="note",
                                values={"table": view.name, "row": row.label, "column": col.header},
                                key=f"{view.ident}|{col.header}|mixed")


def _minority(cells):
    by_style: dict[str, list] = {}
    for row, v in cells:
        if isinstance(v, Num) and v.style in ("comma", "point"):
            by_style.setdefault(v.style, []).append((row, v))
    return min(by_style.values(), key=len)[0]
