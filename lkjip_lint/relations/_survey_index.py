"""formula, of: survey_index — the IKM of a survey table (PermenPANRB 14/2017).

NRR tertimbang = Σ NRR per unsur × w and IKM = NRR tertimbang × 25, with the
weight w = 1/jumlah unsur. Forms print w rounded (0,111 for 9 unsur), and reports
computed with it differ from those computed with 1/9: 1/n and its roundings to 3
and 2 decimals are accepted (so 14-unsur surveys of the old KEP/25/2004 work too),
and the finding says which weight was tried.

Each converted value's mutu letter (A–D) and label (Sangat Baik … Tidak Baik)
follows the PermenPANRB 14/2017 interval table (variant `mutu`).

Good:  NRR 3,758 … 3,729 (Σ 33,821) ⏎ NRR tertimbang 3,754 ⏎ IKM 93,853   (w = 0,111)
Bad:   … ⏎ IKM 95,000                                                      (expected 93,853)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft


def _weight(text: str, n: int) -> tuple[str, Decimal]:
    """(as shown in messages, value) for one weight spec and n unsur."""
    if text.startswith("1/n"):
        exact = Decimal(1) / Decimal(n)
        if ":" in text:
            value = exact.quantize(Decimal(1).scaleb(-int(text.split(":", 1)[1])))
            return f"{value}", value
        return f"1/{n}", exact
    return text, Decimal(text)


def run(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    factor = Interval.exact(Decimal(str(p.scale_factor)))
    for view in ctx.tables:
        yield from _mutu(view, ctx.report.vocab.scales.scales["ikm-14-2017"])
        nrr = next(iter(view.cols("nrr")), None)
        if nrr is None:
            continue
        unsur = [view.num(r, nrr) for r in view.rows if r.type == "data" and not _special(r.label, p)]
        unsur = [n for n in unsur if n is not None]
        if len(unsur) < 3:
            continue
        total = Interval.exact(Decimal(0))
        for n in unsur:
            total = total + Interval.of(n)
        weights = [_weight(w, len(unsur)) for w in p.weights]
        for row in view.rows:
            weighted = re.search(p.weighted_label, row.label, re.I)
            index = re.search(p.index_label, row.label, re.I)
            if not (weighted or index):
                continue
            for col in view.columns:
                printed = view.num(row, col)
                if printed is None or col.role not in ("nrr", "konversi", "nilai", None):
                    continue
                candidates = []
                for name, w in weights:
                    computed = total * Interval.exact(w)
                    if index and not weighted:
                        computed = computed * factor
                    verdict = judge(printed, computed, expected_decimals=printed.decimals)
                    if verdict is None:
                        candidates = []
                        break
                    candidates.append((name, verdict))
                if candidates:
                    name, verdict = candidates[0]
                    yield number_draft(view, row, col, printed, verdict,
                                       values={"weight": name, "count": len(unsur)},
                                       evidence={"weights_tried": [c[0] for c in candidates]})


def _mutu(view, scale) -> Iterator[Draft]:
    """Mutu letter and label of each converted value, from the 14/2017 interval table (`scale`)."""
    konversi = next(iter(view.cols("konversi")), None)
    if konversi is None:
        return
    for row in view.rows:
        value = view.num(row, konversi)
        if value is None:
            continue
        band = scale.classify(value.value)
        for col in view.cols("mutu") + view.cols("kategori"):
            text = row.cells[col.index].strip()
            found = scale.find(text) if text else None
            if found is None or found.label == band.label:
                continue
            expected = band.label if col.role == "mutu" else (band.aliases[0] if band.aliases else band.label)
            yield Draft(location=view.location(row, col), actual=text, expected=expected, variant="mutu",
                        values={"table": view.name, "row": row.label, "column": col.header, "value": float(value.value)},
                        key=f"{view.ident}|{row.label}|{col.header}|{text}")


def _special(label: str, p) -> bool:
    return bool(re.search(p.weighted_label, label, re.I) or re.search(p.index_label, label, re.I)
                or re.search(r"\b(jumlah|responden|rata)", label, re.I))
