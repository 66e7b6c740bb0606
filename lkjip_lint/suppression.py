"""Inline suppression comments in text and Markdown reports.

    <!-- lkjip-lint: disable=CAP001,SUM -->        at the end of a line: that line
                                                   on a line of its own: the block below it
                                                   (up to the next blank line)
    <!-- lkjip-lint: disable-file=NAME003 -->      anywhere: the whole file

Codes are rule codes or prefixes, as in --ignore. A suppressed finding is not
dropped silently: it moves to FileResult.suppressed, which JSON lists and SARIF
marks with `suppressions` (kind inSource); it counts neither in totals nor in the
exit code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_lint.finding import Finding

MARK = "lkjip-lint:"
_DIRECTIVE = re.compile(r"<!--\s*lkjip-lint:\s*(disable-file|disable)\s*=\s*([A-Za-z0-9_,\s]{1,500}?)\s*-->")


@dataclass
class Directives:
    """The suppression comments of one file: the codes disabled in the whole file and on each line."""

    whole_file: list[str] = field(default_factory=list)
    by_line: dict[int, list[str]] = field(default_factory=dict)  # 1-based line -> codes

    def codes_for(self, line: int | None) -> list[str]:
        return self.whole_file + (self.by_line.get(line, []) if line is not None else [])


def parse(text: str) -> Directives:
    out = Directives()
    if MARK not in text:  # the common case costs one substring search
        return out
    lines = text.splitlines()
    for i, line in enumerate(lines):
        for m in _DIRECTIVE.finditer(line):
            codes = [c.strip() for c in m.group(2).split(",") if c.strip()]
            if m.group(1) == "disable-file":
                out.whole_file.extend(codes)
            elif line[:m.start()].strip() or line[m.end():].strip():
                out.by_line.setdefault(i + 1, []).extend(codes)  # a comment beside content: this line
            else:
                for n in _block_below(lines, i):
                    out.by_line.setdefault(n, []).extend(codes)
    return out


def _block_below(lines: list[str], i: int) -> range:
    """1-based line numbers of the block after line i (0-based): blank lines skipped, then up to the next blank."""
    start = i + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return range(start + 1, end + 1)


def strip_comments(text: str) -> str:
    """The text without its suppression comments (line numbers kept), so that a comment
    at the end of a table row is not read as one more cell."""
    return _DIRECTIVE.sub("", text) if MARK in text else text


def split(findings: list[Finding], directives: Directives) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed)."""
    if not directives.whole_file and not directives.by_line:
        return findings, []
    from lkjip_lint.config import select_rules  # only files with comments need it
    kept, suppressed = [], []
    for f in findings:
        codes = directives.codes_for(f.location.line)
        if codes and f.rule not in select_rules([f.rule], (), codes):
            suppressed.append(f)
        else:
            kept.append(f)
    return kept, suppressed
