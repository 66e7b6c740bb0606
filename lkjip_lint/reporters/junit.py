"""JUnit XML output, for GitLab/Jenkins/Azure test report widgets.

One <testsuite> per file, one <testcase> per loaded rule (so passing rules show
as passing tests). A rule fails when it has findings at or above `fail_on`;
findings below that level are listed in <system-out> so they are not lost.
A file that could not be read is a suite with one errored testcase.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lkjip_lint.engine.rule import Rule
from lkjip_lint.finding import Finding
from lkjip_lint.results import FileResult
from lkjip_lint.reporters.common import fails, sorted_findings, value_text

# XML 1.0 forbids most control characters; PDF text sometimes carries them (\x0c).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL_XML.sub("\ufffd", text)


def render(results: list[FileResult], rules: list[Rule], fail_on: str = "error") -> str:
    root = ET.Element("testsuites", name="lkjip-lint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = _error_suite(result) if result.error is not None else _suite(result, rules, fail_on)
        root.append(suite)
        for k in totals:
            totals[k] += int(suite.get(k, "0"))
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: FileResult, rules: list[Rule], fail_on: str) -> ET.Element:
    by_rule: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    # Every loaded rule, then any rule that only appears in findings; ids are unique.
    names = {r.id: r.name for r in rules}
    ids = list(dict.fromkeys([r.id for r in rules] + list(by_rule)))

    suite = ET.Element("testsuite", name=_clean(result.path), time="0", skipped="0", errors="0")
    failures = 0
    for rule_id in ids:
        case = ET.SubElement(
            suite, "testcase",
            classname=_clean(result.path),
            name=_clean(f"{rule_id} {names[rule_id]}" if rule_id in names else rule_id),
            time="0",
        )
        found = sorted_findings(by_rule.get(rule_id, []))
        failing = [f for f in found if fails(f.severity, fail_on)]
        passing = [f for f in found if not fails(f.severity, fail_on)]
        if failing:
            failures += 1
            worst = failing[0].severity
            fail = ET.SubElement(
                case, "failure",
                message=_clean(f"{len(failing)} finding(s): {failing[0].message}"),
                type=worst,
            )
            fail.text = _clean("\n".join(_line(f) for f in failing))
        if passing:
            ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in passing))
    suite.set("tests", str(len(ids)))
    suite.set("failures", str(failures))
    return suite


def _error_suite(result: FileResult) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(result.path), tests="1", failures="0",
                       errors="1", skipped="0", time="0")
    case = ET.SubElement(suite, "testcase", classname=_clean(result.path), name="read", time="0")
    err = ET.SubElement(case, "error", message=_clean(result.error or "file could not be read"), type="input")
    err.text = _clean(result.error or "")
    return suite


def _line(f: Finding) -> str:
    """One finding as a line: severity, location, message, actual/expected."""
    loc = f.location.brief() or "-"
    out = f"[{f.severity}] {loc}: {f.message}"
    if f.actual is not None or f.expected is not None:
        out += f" (actual: {value_text(f.actual) or '-'}; expected: {value_text(f.expected) or '-'})"
    return out
