"""sum, of: hierarchy — a programme row equals the sum of its kegiatan rows.

Budget tables list programmes (upper-case "PROGRAM …", or numbered "1.") with
their kegiatan below ("- …", "1.1", or plain rows). The pagu and realisasi of a
programme must equal the sums of its kegiatan; the percentage is checked by the
row formula rule. The programme rows are those of the outline the table's own
sums confirm (interpret/outline.py): when no reading of the labels fits the
numbers, nothing is claimed.

Good:  PROGRAM X | 180.411.000 ⏎ - Kegiatan a | 180.000.000 ⏎ - Kegiatan b | 411.000
Bad:   PROGRAM X | 180.411.000 ⏎ - Kegiatan a | 180.000.000 ⏎ - Kegiatan b | 400.000
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft

_SUMMED = ("pagu", "realisasi_anggaran", "sisa", "amount")


def run(ctx: Context) -> Iterator[Draft]:
    for view in ctx.tables:
        cols = [c for c in view.columns if c.role in _SUMMED]
        # parents of the outline the table's own sums confirm (interpret/outline.py); none when no reading fits
        for parent in view.outline.parents if view.outline is not None else []:
            row, children = view.rows[parent.row], [view.rows[c] for c in parent.children]
            for col in cols:
                printed = view.num(row, col)
                values = [view.num(r, col) for r in children]
                if printed is None or any(v is None for v in values):
                    continue
                computed = Interval.exact(Decimal(0))
                for v in values:
                    computed = computed + interval(v, col.role)
                verdict = judge(printed, computed, exact=interval(printed, col.role).lo == printed.value)
                if verdict:
                    yield number_draft(view, row, col, printed, verdict, values={"count": len(values)})
