"""GitHub Actions workflow commands: one annotation line per finding.

    ::error file=laporan.md,line=515,title=SUM001 capaian-formula::Capaian 102,51 ...

The level follows the finding's severity (error / warning / notice for info) so
annotations read the same as the text report; annotations never fail a job, the
exit code does, so `fail_on` is accepted only to keep one signature for all CI
reporters. Values are escaped the way the Actions runner unescapes them; a file
that could not be read is an `::error` on that file. `write_step_summary`
appends a Markdown table to $GITHUB_STEP_SUMMARY.
"""
from __future__ import annotations

import re
from pathlib import Path, PurePath

from lkjip_lint.engine.rule import Rule
from lkjip_lint.finding import Finding
from lkjip_lint.results import FileResult
from lkjip_lint.reporters.common import sorted_findings, where

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


# Other control characters (PDF text carries \x0c) and Unicode line separators
# would split or garble a command line in some log viewers: make them spaces.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(" ", text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], rules: list[Rule], fail_on: str = "error") -> str:
    names = {r.id: r.name for r in rules}
    lines = []
    for result in results:
        path = PurePath(result.path).as_posix()
        if result.error is not None:
            lines.append(f"::error file={escape_property(path)},title=lkjip-lint::"
                         f"{escape_data(result.error)}")
            continue
        for f in sorted_findings(result.findings):
            lines.append(annotation(path, f, names.get(f.rule)))
    return "".join(line + "\n" for line in lines)


def annotation(path: str, f: Finding, rule_name: str | None = None) -> str:
    props = [f"file={escape_property(path)}"]
    if f.location.line is not None:
        props.append(f"line={f.location.line}")
    title = f"{f.rule} {rule_name}" if rule_name else f.rule
    props.append(f"title={escape_property(title)}")
    message = f.message or f.rule
    # Without a line GitHub pins the note to the file, so say where in the text.
    place = where(f.location) if f.location.line is None else ""
    if place:
        message = f"{message} ({place})"
    return f"::{COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}"


SUMMARY_HEAD = {
    "id": ("Berkas", "Kesalahan", "Peringatan", "Catatan", "Tabel terbaca"),
    "en": ("File", "Errors", "Warnings", "Infos", "Tables read"),
}


def write_step_summary(results: list[FileResult], path: str | Path, lang: str = "id") -> None:
    """Append (GitHub concatenates step summaries) a table of counts per file."""
    head = SUMMARY_HEAD["en" if lang == "en" else "id"]
    rows = ["## lkjip-lint", "", "| " + " | ".join(head) + " |", "|---|--:|--:|--:|--:|"]
    total = [0, 0, 0, 0]
    for r in results:
        c = r.counts()
        cells = [c["error"], c["warning"], c["info"], r.tables_read]
        total = [a + b for a, b in zip(total, cells)]
        name = _md(r.path) + (f" ⚠ {_md(r.error)}" if r.error is not None else "")
        rows.append(f"| {name} | " + " | ".join(map(str, cells)) + " |")
    if len(results) > 1:
        rows.append("| **Total** | " + " | ".join(f"**{n}**" for n in total) + " |")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n\n")


def _md(text: str) -> str:
    # A pipe or newline would break the table row.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
