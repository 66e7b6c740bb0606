"""Run rules over a Report: each rule's check kind yields Drafts, the rule turns
them into Findings (id, severity from the grade, message in the chosen language)."""
from __future__ import annotations

import traceback
from pathlib import Path

from lkjip_lint.baseline import fingerprint
from lkjip_lint.checks import load_kind
from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.engine.messages import render
from lkjip_lint.engine.rule import Rule
from lkjip_lint.finding import Draft, Finding, Severity
from lkjip_lint.interpret.report import Report

_LOWER: dict[str, Severity] = {"error": "warning", "warning": "info", "info": "info"}


def severity_of(rule_severity: Severity, grade: str) -> Severity:
    if grade == "note":
        return "info"
    if grade == "last_digit":
        return _LOWER[rule_severity]
    return rule_severity


def run_rules(report: Report, rules: list[Rule], lang: str, severities: dict[str, str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    file_name = Path(report.document.path).name
    for rule in rules:
        module = load_kind(rule.kind)
        ctx = Context(report=report, params=module.Params(**rule.params),
                      tables=report.tables_of(rule.applies_to.table_kinds))
        try:
            drafts = list(module.run(ctx))
        except Exception as exc:  # a broken check must not hide the others
            drafts = []
            findings.append(_crash(rule, exc, lang))
        base = (severities or {}).get(rule.id, rule.severity)
        if base == "off":
            continue
        for draft in drafts:
            findings.append(_finding(rule, draft, base, lang, file_name))
    return _dedupe(findings)


def _finding(rule: Rule, draft: Draft, base: Severity, lang: str, file_name: str) -> Finding:
    values = {"actual": draft.actual, "expected": draft.expected, **draft.values}
    message = render(rule.template(draft.variant, lang), values, lang)
    return Finding(
        rule=rule.id,
        severity=severity_of(base, draft.grade),
        message=message,
        location=draft.location,
        actual=draft.actual,
        expected=draft.expected,
        evidence=draft.evidence,
        fingerprint=fingerprint(rule.id, draft.key or message, file_name),
    )


def _crash(rule: Rule, exc: Exception, lang: str) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    text = (f"Pemeriksaan {rule.id} gagal dijalankan ({type(exc).__name__}); temuan lain tetap dilaporkan."
            if lang == "id" else f"Check {rule.id} failed to run ({type(exc).__name__}); other findings are still reported.")
    return Finding(rule=rule.id, severity="warning", message=text, location=Location(),
                   evidence={"internal": f"{type(exc).__name__}: {exc} at {Path(where.filename).name}:{where.lineno}"})


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        loc = f.location
        key = (f.rule, f.fingerprint, loc.line, loc.page, loc.paragraph, loc.table, loc.row, loc.column)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
