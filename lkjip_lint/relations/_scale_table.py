"""category, of: scale — the report's own scale table leaves values unclassified.

A printed scale such as "91% ≤ 100% / 76% ≤ 90% / …" has gaps (90 < x < 91 is
in no band) and no band above 100 %. The linter reads such scales as contiguous
and half-open, so categories are still checked; this note tells the author where
the printed scale is incomplete.

Good:  ≥ 91 | 76 – < 91 | 66 – < 76 | 51 – < 66 | < 51
Bad:   91 ≤ 100 | 76 ≤ 90 | …                  (gap 90–91, nothing above 100)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft


def run(ctx: Context) -> Iterator[Draft]:
    scale = ctx.report.scale
    if scale.source != "table":
        return
    bands = sorted((b for b in scale.bands), key=lambda b: (b.min is not None, b.min or 0))
    gaps = []
    for lower, upper in zip(bands, bands[1:]):
        if lower.max is not None and upper.min is not None and upper.min > lower.max:
            gaps.append(f"{lower.max}–{upper.min}")
    top = bands[-1]
    open_top = top.max is not None
    if gaps or open_top:
        yield Draft(location=Location(line=scale.line, table=scale.table), actual=", ".join(gaps) or None,
                    expected=None, grade="note",
                    values={"table": scale.table, "gaps": ", ".join(gaps) or "-", "top": str(top.max) if open_top else "-"},
                    key=f"{scale.table}|gaps")
