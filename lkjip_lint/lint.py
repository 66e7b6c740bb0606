"""Check one file: read → interpret → rules → FileResult. Never raises for bad input."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_lint.engine.rule import Rule
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import Vocabulary, load_vocabulary
from lkjip_lint.locate import locate
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
    return check_document(path, options)[0]


def check_document(path: Path, options: Options):
    """(FileResult, the Document read, or None when it could not be read): annotate needs both."""
    try:
        report = build_report(path, options)
    except InputError as exc:
        return FileResult(path=str(path), error=input_error(exc.code, exc.values, options.lang)), None
    findings = locate(run_rules(report, options.rules, options.lang, options.severities), report.document)
    link_related(findings)
    return FileResult(
        path=str(path),
        format=report.document.format,
        findings=findings,
        tables_read=len(report.document.tables()),
        tables_recognised=sum(1 for v in report.views if v.kind),
        charts=_charts(report) if options.charts else {},
        subject=_subject(report),
    ), report.document


def _subject(report) -> dict:
    """Instansi and year for the review worksheet's summary sheet."""
    subject = report.subject
    name = " ".join(p for p in (getattr(subject, "kind", None), getattr(subject, "name", None)) if p)
    return {"instansi": name or None, "year": getattr(subject, "year", None)}


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

