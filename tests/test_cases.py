"""Data-driven cases: tests/cases/<family>/*.yaml hold pass/fail snippets per rule,
so a new case needs no Python. Each case: name, rule, text, optional settings and
severities (default error+warning), and expect: [{line, expected}] (or [])."""
from pathlib import Path

import pytest

from lkjip_lint.yamlio import safe_load

from tests.helpers import findings

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*/*.yaml")):
        for case in (safe_load(path.read_text(encoding="utf-8")) or {}).get("cases", []):
            yield pytest.param(case, id=f"{path.parent.name}/{path.stem}:{case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case):
    severities = tuple(case.get("severities", ["error", "warning"]))
    found = [f for f in findings(case["text"], case["rule"], **case.get("settings", {})) if f.severity in severities]
    got = sorted(({"line": f.location.line, "expected": f.expected} for f in found), key=str)
    want = sorted(({"line": e.get("line"), "expected": e.get("expected")} for e in case["expect"]), key=str)
    assert got == want
