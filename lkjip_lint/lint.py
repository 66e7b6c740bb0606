"""Check one file: read → interpret → rules → FileResult. Never raises for bad input."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_lint.engine.rule import Rule
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.finding import Finding
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import Vocabulary, load_vocabulary
from lkjip_lint.messages import input_error
from lkjip_lint.readers import DEFAULT_MAX_BYTES, read_any
from lkjip_lint.readers.errors import InputError
from lkjip_lint.results import FileResult


@dataclass
class Options:
    rules: list[Rule]
    lang: str = "id"
    settings: Settings = field(default_factory=Settings)
    severities: dict[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    rule_dirs: tuple[Path, ...] = ()
    vocab: Vocabulary | None = None
    charts: bool = False  # gather chart data (the HTML report draws it)


def build_report(path: Path, options: Options) -> Report:
    document = read_any(path, options.max_bytes)
    vocab = options.vocab or load_vocabulary(options.rule_dirs)
    return Report(document=document, vocab=vocab, settings=options.settings)


def check_file(path: Path, options: Options) -> FileResult:
    try:
        report = build_report(path, options)
    except InputError as exc:
        return FileResult(path=str(path), error=input_error(exc.code, exc.values, options.lang))
    findings = run_rules(report, options.rules, options.lang, options.severities)
    findings.sort(key=_order)
    link_related(findings)
    return FileResult(
        path=str(path),
        format=report.document.format,
        findings=findings,
        tables_read=len(report.document.tables()),
        tables_recognised=sum(1 for v in report.views if v.kind),
        charts=_charts(report) if options.charts else {},
    )


def link_related(findings: list[Finding]) -> None:
    """Errors and warnings on one row or one sentence usually share a cause (a wrong target makes a wrong
    capaian): each names the others, so a reviewer fixes the cause once."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.severity == "info" or not f.fingerprint:
            continue
        loc = f.location
        anchor = (loc.line, loc.page, loc.path) if loc.line is not None or loc.path else (loc.table, loc.row, loc.paragraph, loc.page)
        if any(a is not None for a in anchor):
            groups.setdefault(anchor, []).append(f)
    for group in groups.values():
        for f in group:
            f.related = [g.fingerprint for g in group if g is not f and g.rule != f.rule]


def _charts(report) -> dict:
    from lkjip_lint.interpret.export import chart_data

    return chart_data(report)


def _order(f: Finding):
    loc = f.location
    return (loc.line is None, loc.line or 0, loc.page or 0, loc.table or "", loc.row or "", f.rule)
