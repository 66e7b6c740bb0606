"""Small helpers shared by the CI reporters (sarif, junit, github, html)."""
from __future__ import annotations

from typing import Any

from lkjip_lint.finding import SEVERITY_RANK, Finding
from lkjip_lint.document import Location

SEVERITIES = ("error", "warning", "info")  # display order: worst first


def fails(severity: str, fail_on: str) -> bool:
    """True when a finding of `severity` makes the run fail at level `fail_on`."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK.get(fail_on, SEVERITY_RANK["error"])


def where(loc: Location, lang: str = "id") -> str:
    """Location without the line number: page, table, row, column, JSON path."""
    parts = []
    if loc.page is not None:
        parts.append(f"{'p.' if lang == 'en' else 'hal.'} {loc.page}")
    if loc.heading and loc.line is None:
        parts.append(loc.heading)
    parts += [p for p in (loc.table, loc.row, loc.column, loc.path) if p]
    if loc.paragraph is not None and loc.line is None:
        parts.append(f"{'paragraph' if lang == 'en' else 'paragraf'} {loc.paragraph}")
    if not parts and loc.line is None:
        parts.append("document start" if lang == "en" else "awal dokumen")
    return " · ".join(parts)


def value_text(value: Any) -> str:
    """A reported/expected value as plain text (floats without binary noise)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 10))
    return str(value)


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Worst first, then in document order (the order check_file gives them)."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])
