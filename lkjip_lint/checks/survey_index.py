"""survey_index — the IKM of a survey table (PermenPANRB 14/2017).

NRR tertimbang = Σ NRR per unsur × w and IKM = NRR tertimbang × 25, with the
weight w = 1/jumlah unsur. Forms print w as 0,111, and reports computed with it
differ from those computed with 1/9: any weight listed in the rule is accepted
and the finding says which one reproduces the printed value.

Good:  NRR 3,758 … 3,729 (Σ 33,821) ⏎ NRR tertimbang 3,754 ⏎ IKM 93,853   (w = 0,111)
Bad:   … ⏎ IKM 95,000                                                      (expected 93,853)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from lkjip_lint.checks.base import Context, number_draft
from lkjip_lint.engine.tolerance import Interval, judge
from lkjip_lint.finding import Draft


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")
    weights: list[str] = Field(default_factory=lambda: ["0.111", "1/9"])
    scale_factor: float = 25
    weighted_label: str = r"tertimbang"
    index_label: str = r"^(ikm|indeks\s+kepuasan|nilai\s+ikm|skm)\b"


def _weight(text: str) -> Decimal:
    if "/" in text:
        a, b = text.split("/", 1)
        return Decimal(a) / Decimal(b)
    return Decimal(text)


def run(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    weights = [(w, _weight(w)) for w in p.weights]
    factor = Interval.exact(Decimal(str(p.scale_factor)))
    for view in ctx.tables:
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


def _special(label: str, p: Params) -> bool:
    return bool(re.search(p.weighted_label, label, re.I) or re.search(p.index_label, label, re.I)
                or re.search(r"\b(jumlah|responden|rata)", label, re.I))
