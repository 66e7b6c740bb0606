"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; the loaded rules go into `tool.driver.rules` (with their help text) and
every finding becomes a result pointing at its rule by id and index. A finding
with a line gets a region; one without (DOCX, PDF) still names the artifact and
adds a logical location "hal. 12/Tabel 3.2/row/column". Files that could not be
read are tool execution notifications, not results.
"""
from __future__ import annotations

import json
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import quote

from lkjip_lint.document import Location
from lkjip_lint.engine.rule import Rule
from lkjip_lint.finding import Finding
from lkjip_lint.results import FileResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(results: list[FileResult], rules: list[Rule], lang: str = "id", version: str = "") -> str:
    driver_rules, index = _driver_rules(rules, results, lang)
    run: dict = {
        "tool": {"driver": {"name": "lkjip-lint", "version": version or "0", "rules": driver_rules}},
        "invocations": [_invocation(results)],
        "language": "en" if lang == "en" else "id",
        "results": [
            _result(r.path, f, index, lang) for r in results for f in r.findings
        ] + [
            # hidden by a comment in the report: still listed, marked as suppressed in source
            {**_result(r.path, f, index, lang), "suppressions": [{"kind": "inSource"}]}
            for r in results for f in r.suppressed
        ],
    }
    if version:
        run["tool"]["driver"]["semanticVersion"] = version
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    # default=str: actual/expected may be Decimal or other non-JSON values.
    return json.dumps(log, ensure_ascii=False, indent=2, default=str) + "\n"


def _driver_rules(rules: list[Rule], results: list[FileResult], lang: str) -> tuple[list[dict], dict[str, int]]:
    out: list[dict] = []
    index: dict[str, int] = {}
    for rule in rules:
        if rule.id in index:
            continue
        index[rule.id] = len(out)
        summary = rule.summary.get(lang)
        out.append({
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": summary},
            "help": {"text": f"{summary}\n\n{rule.message.get(lang)}"},
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"kind": rule.kind, **({"of": rule.params["of"]} if "of" in rule.params else {})},
        })
    # A finding from a rule that is not in the list (e.g. an internal reader rule)
    # still needs a valid ruleIndex, so give it a minimal descriptor.
    for r in results:
        for f in (*r.findings, *r.suppressed):
            if f.rule not in index:
                index[f.rule] = len(out)
                out.append({"id": f.rule, "shortDescription": {"text": f.rule}})
    return out, index


def _invocation(results: list[FileResult]) -> dict:
    notes = [
        {
            "level": "error",
            "message": {"text": r.error or "file could not be read"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
        }
        for r in results
        if r.error is not None
    ]
    inv: dict = {"executionSuccessful": not notes}
    if notes:
        inv["toolExecutionNotifications"] = notes
    return inv


def _result(path: str, f: Finding, index: dict[str, int], lang: str = "id") -> dict:
    res: dict = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL[f.severity],
        "message": {"text": f.message or f.rule},  # SARIF requires non-empty text
        "locations": [_location(path, f.location, lang)],
    }
    if f.fingerprint:
        res["partialFingerprints"] = {"lkjipFingerprint/v1": f.fingerprint}
    props = {k: v for k, v in (("actual", f.actual), ("expected", f.expected)) if v is not None}
    if props:
        res["properties"] = props
    return res


def _location(path: str, loc: Location, lang: str = "id") -> dict:
    # The artifact is always named (viewers such as GitHub need it); the region
    # only when there is a line, the logical location whenever there is a table/page.
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    if loc.line is not None and loc.line >= 1:
        physical["region"] = {"startLine": loc.line}
    out: dict = {"physicalLocation": physical}
    fqn = logical_name(loc, lang)
    if fqn:
        out["logicalLocations"] = [{"name": fqn.rsplit("/", 1)[-1], "fullyQualifiedName": fqn, "kind": "element"}]
    return out


def logical_name(loc: Location, lang: str = "id") -> str:
    parts = []
    if loc.page is not None:
        parts.append(f"{'p.' if lang == 'en' else 'hal.'} {loc.page}")
    # "/" inside a label would read as a separator, so soften it.
    parts += [p.replace("/", "∕") for p in (loc.table, loc.row, loc.column, loc.path) if p]
    return "/".join(parts)


def artifact_uri(path: str) -> str:
    """The path as given, as a URI reference: relative stays relative, posix slashes."""
    p: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/-._~")
