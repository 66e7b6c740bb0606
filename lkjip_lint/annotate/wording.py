"""The text of one annotation: rule, severity, message, "tertulis → seharusnya"."""
from __future__ import annotations

from lkjip_lint.engine.messages import show
from lkjip_lint.finding import Finding
from lkjip_lint.messages import ui

AUTHOR = "lkjip-lint"


def lines(finding: Finding, lang: str) -> list[str]:
    out = [f"{finding.rule} ({ui(finding.severity, lang)}): {finding.message}"]
    if finding.expected is not None:
        out.append(f"{ui('actual', lang)} {show(finding.actual, lang)} → {ui('expected', lang)} {show(finding.expected, lang)}")
    return out
