"""The default text output: grouped by file, in document order, severity coloured on a terminal."""
from __future__ import annotations

import click

from lkjip_lint.engine.messages import show
from lkjip_lint.finding import SEVERITY_RANK
from lkjip_lint.messages import ui
from lkjip_lint.results import FileResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _where(f, lang: str) -> str:
    loc = f.location
    if loc.line is not None:
        return f"{loc.line}"
    if loc.page is not None:
        return f"{ui('page', lang)} {loc.page}"
    if loc.path:
        return loc.path
    if loc.paragraph is not None:
        return f"¶{loc.paragraph}"
    if loc.table:
        return loc.table + (f" · {loc.row}" if loc.row else "")
    return ui("document_start", lang)


def render(results: list[FileResult], lang: str, colour: bool, min_severity: str = "info") -> str:
    out: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    unreadable = 0
    for r in results:
        header = click.style(r.path, bold=True) if colour else r.path
        if r.error:
            unreadable += 1
            tag = click.style(ui("cannot_read", lang), fg="red", bold=True) if colour else ui("cannot_read", lang)
            out.append(f"{header}: {tag}: {r.error}")
            continue
        shown = [f for f in r.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]]
        counts = r.counts()
        for k in totals:
            totals[k] += counts[k]
        out.append(f"{header}  ({ui('tables_read', lang, n=r.tables_read)})")
        if not shown:
            out.append(f"  {ui('no_findings', lang)}")
        for f in shown:
            sev = ui(f.severity, lang)
            sev = click.style(f"{sev:<10}", fg=_COLOURS[f.severity]) if colour else f"{sev:<10}"
            where = _where(f, lang)
            if f.location.page is not None and f.location.line is None and f.location.table:
                where += f" · {f.location.table}"
            line = f"  {where:>6}  {sev} {f.rule:<9} {f.message}"
            if f.expected is not None:
                line += f"  [{ui('actual', lang)} {show(f.actual, lang)} → {ui('expected', lang)} {show(f.expected, lang)}]"
            if f.location.heading and f.location.line is None:  # DOCX/PDF: the headings a reviewer looks for
                line += f"  ({f.location.heading})"
            if f.related:
                rules = sorted({g.rule for g in r.findings if g.fingerprint in f.related})
                line += f"  ({ui('related', lang)} {', '.join(rules)})"
            out.append(line)
        out.append("")
    out.append(ui("summary", lang, files=len(results), **totals))
    if unreadable:
        out.append(ui("unreadable_summary", lang, n=unreadable))
    return "\n".join(out)
