"""JSON output: the contract of DESIGN.md, validated by schemas/findings.schema.json."""
from __future__ import annotations

import json

from lkjip_lint import __version__
from lkjip_lint.results import FileResult


def as_dict(results: list[FileResult]) -> dict:
    summary = {"error": 0, "warning": 0, "info": 0}
    files = []
    for r in results:
        entry = {"path": r.path, "format": r.format, "findings": []}
        if r.error:
            entry["error"] = r.error
        else:
            entry["tables_read"] = r.tables_read
        for f in r.findings:
            summary[f.severity] += 1
            entry["findings"].append(_finding(f))
        if r.suppressed:
            entry["suppressed"] = [_finding(f) for f in r.suppressed]
        if r.skipped:
            entry["skipped"] = True
        files.append(entry)
    return {"tool": {"name": "lkjip-lint", "version": __version__}, "files": files, "summary": summary}


def _finding(f) -> dict:
    loc = f.location
    location = {"line": loc.line, "page": loc.page, "table": loc.table, "row": loc.row, "column": loc.column}
    if loc.path:
        location["path"] = loc.path
    if loc.paragraph is not None:
        location["paragraph"] = loc.paragraph
    if loc.heading:
        location["heading"] = loc.heading
    if loc.document:
        location["document"] = True
    return {"rule": f.rule, "severity": f.severity, "message": f.message, "location": location,
            "actual": f.actual, "expected": f.expected, "fingerprint": f.fingerprint,
            **({"related": f.related} if f.related else {})}


def render(results: list[FileResult]) -> str:
    return json.dumps(as_dict(results), ensure_ascii=False, indent=2)
