"""--statistics: how many findings each rule produced, most first (as ruff prints it)."""
from __future__ import annotations

from collections import Counter

from lkjip_lint.engine.rule import Rule
from lkjip_lint.finding import SEVERITY_RANK
from lkjip_lint.messages import ui
from lkjip_lint.results import FileResult


def render(results: list[FileResult], rules: list[Rule], lang: str) -> str:
    counts = Counter(f.rule for r in results for f in r.findings)
    severity: dict[str, str] = {}
    for r in results:
        for f in r.findings:  # the worst severity among a rule's findings
            severity[f.rule] = max(severity.get(f.rule, "info"), f.severity, key=SEVERITY_RANK.__getitem__)
    names = {r.id: r.name for r in rules}
    if not counts:
        return ui("no_findings", lang)
    width = len(str(max(counts.values())))
    return "\n".join(f"{n:>{width}}  {code:<9} {ui(severity[code], lang):<10} {names.get(code, '')}".rstrip()
                     for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
