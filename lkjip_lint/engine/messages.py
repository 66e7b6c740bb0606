"""Fill message templates. Templates are data (rule files), so only plain {name}
placeholders are substituted — no attribute access, no format specs."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lkjip_lint.document import Location
from lkjip_lint.numbers import format_id

YEARS = (1900, 2100)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_EMPTY_BRACKETS = re.compile(r" ?\(\)")


def show(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, Location):  # "baris 160" / "hal. 8" in the message's language
        if value.line is not None:
            return f"{'line' if lang == 'en' else 'baris'} {value.line}"
        if value.page is not None:
            return f"{'p.' if lang == 'en' else 'hal.'} {value.page}"
        return ""  # no line or page (DOCX): say nothing rather than "?"; render() drops the "()" left
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        d = Decimal(str(value))
        if not d.is_finite():
            return str(value)
        if d == d.to_integral_value() and YEARS[0] <= d <= YEARS[1] and "." not in str(value):
            # A whole number in this range is nearly always a year, and "2.024" misleads as a year;
            # as a count, "2024" still reads right.
            return str(int(d))
        decimals = max(0, -d.normalize().as_tuple().exponent) if d != d.to_integral_value() else 0
        return format_id(d, decimals) if lang == "id" else f"{d:,.{decimals}f}"
    return str(value)


def render(template: str, values: dict[str, Any], lang: str) -> str:
    def sub(m: re.Match) -> str:
        key = m.group(1)
        return show(values[key], lang) if key in values else m.group(0)

    return _EMPTY_BRACKETS.sub("", _PLACEHOLDER.sub(sub, template))
