"""Run rules over a Report: each rule's check kind yields Drafts, the rule turns
them into Findings (id, severity from the grade, message in the chosen language)."""
from __future__ import annotations

import traceback
from dataclasses import replace
from pathlib import Path

from lkjip_lint.baseline import fingerprint
from lkjip_lint.checks import load_kind
from lkjip_lint.checks.base import Context, parse_params
from lkjip_lint.document import Location
from lkjip_lint.engine.deadline import CheckTimeout, time_limit
from lkjip_lint.engine.localise import english, values_for
from lkjip_lint.engine.messages import render, show
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


DEFAULT_TIMEOUT = 20.0  # seconds per check and file; `check_timeout:` / --check-timeout
TABLES_PER_LIMIT = 500  # reading the tables gets one limit per this many tables
SPLIT_MIN_RULES = 8  # fewer rules are not worth a second process (nor working out every shared reading)


def run_rules(report: Report, rules: list[Rule], lang: str, severities: dict[str, str] | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, two_processes: bool = False) -> list[Finding]:
    """Every rule's findings, in rule order. `two_processes`: run them on this process and a forked
    copy (engine.split), for one file checked from the command line."""
    file_name = Path(report.document.path).name
    # The tables every check reads, read once, under a limit that grows with their number
    # (reading is linear: a 2 MB text of 6 700 small tables is not stuck, only long).
    reading = timeout * max(1.0, len(report.document.tables()) / TABLES_PER_LIMIT) if timeout else None
    try:
        with time_limit(reading):
            report.views  # noqa: B018 — computed (and cached) here
    except CheckTimeout:
        return [_timed_out(None, reading, lang)]
    except Exception:  # noqa: BLE001 — fails again in each check that reads the tables: its error finding
        pass

    def run_one(i: int) -> list[Finding]:
        return _run_rule(report, rules[i], lang, (severities or {}).get(rules[i].id, rules[i].severity),
                         timeout, file_name)

    if two_processes and len(rules) >= SPLIT_MIN_RULES:
        from lkjip_lint.engine.split import run_split

        try:
            with time_limit(reading):
                report.read_all()  # once here, not once in each process (measured: most of what they share)
        except CheckTimeout:
            pass  # each check meets it again under its own limit
        except Exception:  # noqa: BLE001 — a reading that fails fails again in each check that needs it,
            pass  # where it becomes that check's error finding, as on one process
        per_rule, kept = run_split(len(rules), run_one, lambda: _worked_out(report))
        for name, value in kept.items():
            vars(report).setdefault(name, value)  # as if worked out here: the result reads them
    else:
        per_rule = [run_one(i) for i in range(len(rules))]
    return _dedupe([f for found in per_rule for f in found])


# What a FileResult reads from the report's cached values (lint.py) besides the findings.
_READ_AFTER = ("subject",)


def _worked_out(report: Report) -> dict:
    return {name: vars(report)[name] for name in _READ_AFTER if name in vars(report)}


def _run_rule(report: Report, rule: Rule, lang: str, base: str, timeout: float | None,
              file_name: str) -> list[Finding]:
    module = load_kind(rule.kind)
    findings: list[Finding] = []
    try:
        with time_limit(timeout):
            if rule.parsed is None:
                rule.parsed = parse_params(module, rule.params, trusted=rule.trusted)
            ctx = Context(report=report, params=rule.parsed, tables=report.tables_of(rule.applies_to.table_kinds))
            drafts = list(module.run(ctx))
    except CheckTimeout:
        drafts = []
        findings.append(_timed_out(rule, timeout, lang))
    except Exception as exc:  # a broken check must not hide the others
        drafts = []
        findings.append(_crash(rule, exc, lang))
    if base == "off":
        return findings
    return findings + [finding_of(rule, draft, base, lang, file_name) for draft in drafts]


def finding_of(rule: Rule, draft: Draft, base: Severity, lang: str, file_name: str) -> Finding:
    """The Finding a rule makes of a check's Draft (message in `lang`, severity from `base` and the grade)."""
    values = values_for(lang, {"actual": draft.actual, "expected": draft.expected, **draft.values})
    message = render(rule.template(draft.variant, lang), values, lang)
    location = draft.location
    if lang == "en" and (location.table or location.row):
        location = replace(location, **{k: english(v) for k, v in (("table", location.table), ("row", location.row)) if v})
    return Finding(
        rule=rule.id,
        severity=severity_of(base, draft.grade),
        message=message,
        location=location,
        actual=draft.actual,
        expected=draft.expected,
        evidence=_evidence_for(lang, draft),
        fingerprint=fingerprint(rule.id, draft.key or message, file_name),
    )


def _evidence_for(lang: str, draft: Draft) -> dict:
    """The table snapshot as the HTML report draws it: its label in the finding's language,
    and the right value on a highlighted cell whose check gave none (a category, say),
    so that every corrected cell shows what it should read."""
    evidence, table = draft.evidence, draft.evidence.get("table")
    if not isinstance(table, dict):
        return evidence
    table = dict(table)
    if lang == "en" and isinstance(table.get("label"), str):
        table["label"] = english(table["label"])
    marks = table.get("highlight") or []
    if draft.expected is not None and len(marks) == 1 and isinstance(marks[0], dict) \
            and marks[0].get("col") is not None and marks[0].get("expected") is None:
        table["highlight"] = [{**marks[0], "expected": show(draft.expected, lang)}]
    return {**evidence, "table": table}


def _timed_out(rule: Rule | None, seconds: float | None, lang: str) -> Finding:
    # An error, not a warning: a check that could not finish leaves the document unverified.
    what = rule.id if rule else ("pembacaan tabel" if lang == "id" else "reading the tables")
    text = (f"Pemeriksaan {what} dihentikan setelah {seconds:g} detik (batas waktu per pemeriksaan); hasilnya tidak "
            f"lengkap. Naikkan batasnya dengan --check-timeout atau check_timeout: di konfigurasi bila memang perlu."
            if lang == "id" else
            f"Check {what} was stopped after {seconds:g} seconds (the time limit per check); its result is incomplete. "
            f"Raise the limit with --check-timeout or check_timeout: in the configuration if needed.")
    return Finding(rule=rule.id if rule else "READ001", severity="error", message=text, location=Location(),
                   evidence={"timeout_s": seconds}, fingerprint=fingerprint(rule.id if rule else "READ001", "timeout", ""))


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
