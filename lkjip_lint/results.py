"""What `check` produces for each file, handed to the reporters."""
from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_lint.finding import Finding


@dataclass(kw_only=True)
class FileResult:
    """What checking one file gave: its findings (and suppressed ones), table counts, or its input error."""

    path: str
    format: str | None = None  # text | docx | pdf | data; None when the file could not be read
    findings: list[Finding] = field(default_factory=list)
    tables_read: int = 0
    tables_recognised: int = 0
    error: str | None = None  # the input error message, when the file could not be read
    charts: dict = field(default_factory=dict)  # indicators and budget, for the HTML report's charts
    subject: dict = field(default_factory=dict)  # {"instansi": "Kecamatan Purbalingga", "year": 2024}, for worksheets
    suppressed: list[Finding] = field(default_factory=list)  # hidden by a comment in the file; listed in JSON/SARIF
    skipped: bool = False  # not a report (found in a folder): only a note, no checks

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out
