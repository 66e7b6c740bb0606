"""formula, of: akip — the AKIP evaluation table (PermenPANRB 88/2021).

Each component's nilai is at most its bobot (Perencanaan 30, Pengukuran 30,
Pelaporan 15, Evaluasi Internal 25 — read from the table, not assumed); the
total row's bobot is the sum of the weights and its nilai the sum of the
components (within the printed precision); a predikat row ("Tingkat
Akuntabilitas Kinerja", "Predikat") matches the band of the total in the
akip-88-2021 scale of rules/scales.yaml (lower bound exclusive; a score exactly on
a boundary gets a note).

Good:  Perencanaan 30 | 21.00 … Nilai 100 | 64.86 ⏎ Predikat | B
Bad:   Pelaporan 15 | 16.00                     (nilai above its weight)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, number_draft
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft

_PREDIKAT_ROW = re.compile(r"predikat|tingkat\s+akuntabilitas|kategori|peringkat", re.I)


def run(ctx: Context) -> Iterator[Draft]:
    scale = ctx.report.vocab.scales.scales["akip-88-2021"]
    for view in ctx.tables:
        bobot = next(iter(view.cols("bobot")), None)
        nilai = next(iter(view.cols("nilai")), None)
        if bobot is None or nilai is None:
            continue
        parts, total_row = [], None
        for row in view.rows:
            b, n = view.num(row, bobot), view.num(row, nilai)
            if b is None or n is None:
                continue
            parts.append((row, b, n))
        if len(parts) >= 3:
            weights = sum(b.value for _, b, _ in parts[:-1])
            if parts[-1][1].value == weights:
                total_row = parts.pop()
        for row, b, n in parts:
            if n.value > b.value:
                yield Draft(location=view.location(row, nilai), actual=to_json_number(n.value), expected=None,
                            variant="over_weight", values={"table": view.name, "row": row.label, "weight": b.raw},
                            key=f"{view.ident}|{row.label}|over|{n.raw}")
        if total_row is None:
            continue
        row, b, n = total_row
        computed = Interval.exact(Decimal(0))
        for _, _, v in parts:
            computed = computed + Interval.of(v)
        verdict = judge(n, computed, expected_decimals=2)
        if verdict:
            yield number_draft(view, row, nilai, n, verdict, variant="sum", values={"count": len(parts)})
        yield from _predikat(view, nilai, n.value, scale)


def _predikat(view, nilai, total: Decimal, scale) -> Iterator[Draft]:
    band = scale.classify(total)
    for row in view.rows:
        text = row.cells[nilai.index].strip()
        if not _PREDIKAT_ROW.search(row.label) or not text or view.num(row, nilai) is not None:
            continue
        found = scale.find(text)
        on_boundary = any(b.min is not None and b.min == total for b in scale.bands)
        if found is not None and found.label == band.label and not on_boundary:
            continue
        grade = "note" if on_boundary else "mismatch"
        if found is not None and found.label == band.label:
            variant = "boundary"
        else:
            variant = "predikat"
        yield Draft(location=view.location(row, nilai), actual=text, expected=band.label, grade=grade,
                    variant=variant, values={"table": view.name, "total": to_json_number(total)},
                    key=f"{view.ident}|predikat|{text}")
