"""Polarity: indicators where lower is better (kematian, kasus, pengangguran …).

Declared in configuration (`negative_indicators`) or inferred from the name with
the patterns of rules/indicators.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache


from lkjip_lint.resources import rules_dir
from lkjip_lint.yamlio import safe_load


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = safe_load((rules_dir() / "indicators.yaml").read_text(encoding="utf-8")) or {}
    compiled = {key: [re.compile(p, re.I) for p in data.get(key, [])] for key in ("negative_polarity", "positive_polarity")}
    return compiled["negative_polarity"], compiled["positive_polarity"]


def is_negative(name: str, report=None) -> bool:
    low = name.lower()
    if report is not None:
        for declared in report.settings.negative_indicators:
            if declared.lower() in low or low in declared.lower():
                return True
    negative, positive = _patterns()
    # "kasus yang mendapat penanganan" counts handled cases: the handling word wins over "kasus"
    return any(p.search(low) for p in negative) and not any(p.search(low) for p in positive)
