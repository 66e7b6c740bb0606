"""Findings are data: what a check found, filled into a message only by reporters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from lkjip_lint.document import Location

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(kw_only=True)
class Finding:
    """One finding of a rule in a file: code, severity, message, location, values and evidence."""

    rule: str
    severity: Severity
    message: str
    location: Location
    actual: Any = None
    expected: Any = None
    evidence: dict[str, Any] = field(default_factory=dict)
    fingerprint: str | None = None
    related: list[str] = field(default_factory=list)  # fingerprints of findings on the same row or sentence


@dataclass(kw_only=True)
class Draft:
    """What a check yields: no id, no severity, no message text of its own.

    `grade` says how far off the value is: "mismatch" takes the rule's severity,
    "last_digit" one level lower, "note" is always info. `variant` picks a message
    variant from the rule (e.g. "malformed"); `values` fill the template.
    """

    location: Location
    actual: Any = None
    expected: Any = None
    grade: Literal["mismatch", "last_digit", "note"] = "mismatch"
    variant: str = "default"
    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    key: str = ""  # stable identity for baselines (labels and values, never line numbers)


def excerpt(text: str, n: int = 90) -> str:
    """A sentence as a message quotes it: cut to n characters with an ellipsis."""
    return text if len(text) <= n else text[: n - 1] + "…"
