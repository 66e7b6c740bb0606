"""Check one file: read → interpret → rules → FileResult. Never raises for bad input."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_lint.engine.rule import Rule
from lkjip_lint.engine.runner import DEFAULT_TIMEOUT, finding_of, run_rules
from lkjip_lint.finding import Finding
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import Vocabulary, load_vocabulary
from lkjip_lint.locate import locate
from lkjip_lint.messages import input_error
from lkjip_lint.readers import DEFAULT_MAX_BYTES, Reading, start_reading
from lkjip_lint.readers.errors import InputError
from lkjip_lint.results import FileResult


@dataclass
class Options:
    """How files are checked: the rules, language, settings, severities, limits and what to gather."""

    rules: list[Rule]
    lang: str = "id"
    settings: Settings = field(default_factory=Settings)
    severities: dict[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    rule_dirs: tuple[Path, ...] = ()
    vocab: Vocabulary | None = None
    charts: bool = False  # gather chart data (the HTML report draws it)
    check_timeout: float | None = DEFAULT_TIMEOUT  # seconds per check
    skip_non_reports: bool = False  # a file with no report content gets an info note instead of the checks
    two_processes: bool = False  # run the rules on this process and a forked copy (engine.split)


def build_report(path: Path, options: Options, reading: Reading | None = None) -> Report:
    """`reading`: the file's reading when it was started earlier (start_reading), so that it ran meanwhile."""
    reading = reading or start_reading(path, options.max_bytes)
    if reading.child_pid is not None:  # a DOCX's or PDF's reader child works meanwhile
        from lkjip_lint.checks import prepare

        prepare(options.rules, done=reading.read)
    document = reading.document()
    vocab = options.vocab or load_vocabulary(options.rule_dirs)
    return Report(document=document, vocab=vocab, settings=options.settings)


def check_file(path: Path, options: Options, reading: Reading | None = None) -> FileResult:
    return check_document(path, options, reading)[0]


def check_document(path: Path, options: Options, reading: Reading | None = None):
    """(FileResult, the Document read, or None when it could not be read): annotate needs both."""
    try:
        report = build_report(path, options, reading)
    except InputError as exc:
        return FileResult(path=str(path), error=input_error(exc.code, exc.values, options.lang)), None
    if options.skip_non_reports and not _has_report_content(report, options.check_timeout):
        return _skipped(path, report, options), report.document
    findings = run_rules(report, options.rules, options.lang, options.severities, options.check_timeout,
                         options.two_processes)
    suppressed: list[Finding] = []
    if report.document.format == "text":
        findings, suppressed = _inline_suppressions(path, findings)
    findings = locate(findings, report.document)
    link_related(findings)
    return FileResult(
        path=str(path),
        format=report.document.format,
        findings=findings,
        suppressed=suppressed,
        tables_read=len(report.document.tables()),
        # views were built under the time limit; if that ran out they are not there (vars:
        # the cached_property's value), and building them again here would stall after all
        tables_recognised=sum(1 for v in vars(report).get("views") or [] if v.kind),
        charts=_charts(report) if options.charts and "views" in vars(report) else {},
        subject=_subject(report),
    ), report.document


def _subject(report) -> dict:
    """Instansi and year for the review worksheet's summary sheet, when the checks found them (vars: the
    cached value; working it out here would read the tables again, outside the checks' time limit)."""
    subject = vars(report).get("subject")
    if subject is None:
        return {}
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


def _has_report_content(report: Report, timeout: float | None) -> bool:
    from lkjip_lint.checks.no_report import has_report_content
    from lkjip_lint.engine.deadline import CheckTimeout, time_limit

    try:
        with time_limit(timeout):
            return has_report_content(report)
    except CheckTimeout:  # too slow to tell: check it, under the checks' own limits
        return True


def _skipped(path: Path, report: Report, options: Options) -> FileResult:
    """Not a report (a README, a CI file found in a folder): one info note, no checks."""
    from lkjip_lint.document import Location
    from lkjip_lint.finding import Draft

    rule = next((r for r in options.rules if r.kind == "no_report"), None)
    notes = []
    if rule is not None and options.severities.get(rule.id) != "off":
        notes.append(finding_of(rule, Draft(location=Location(), grade="note", variant="skipped", key="skipped"),
                                "info", options.lang, path.name))
    return FileResult(path=str(path), format=report.document.format, findings=notes,
                      tables_read=len(report.document.tables()), skipped=True)


def _inline_suppressions(path: Path, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    from lkjip_lint import suppression
    from lkjip_lint.readers.encoding import decode_text

    try:
        text = decode_text(Path(path).read_bytes())
    except (OSError, ValueError, InputError):  # it was just read; if it cannot be now, suppress nothing
        return findings, []
    return suppression.split(findings, suppression.parse(text))


def _charts(report) -> dict:
    from lkjip_lint.interpret.export import chart_data

    return chart_data(report)

