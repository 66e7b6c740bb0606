"""What the commands do, apart from parsing arguments (cli.py)."""
from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

import click

from lkjip_lint.finding import SEVERITY_RANK
from lkjip_lint.readers import SUFFIXES, start_reading
from lkjip_lint.results import FileResult

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _fail(message: str) -> int:
    click.echo(f"lkjip-lint: {message}", err=True)
    return EXIT_INPUT


# ---- files -------------------------------------------------------------------

def collect(paths: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """Files from files, folders (recursively, known suffixes) and globs; and the paths that matched nothing."""
    files, missing, _ = collect_with_origin(paths)
    return files, missing


def collect_with_origin(paths: tuple[str, ...]) -> tuple[list[Path], list[str], set[Path]]:
    """As collect, plus the files found by expanding a folder (resolved): those are
    skipped with a note when they turn out not to be reports (a README, a CI file)."""
    files: list[Path] = []
    missing: list[str] = []
    in_folders: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            files.extend(found)
            in_folders.update(f.resolve() for f in found)
        elif p.exists():
            files.append(p)
        elif any(ch in raw for ch in "*?["):
            matched = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            files.extend(matched) if matched else missing.append(raw)
        else:
            missing.append(raw)
    seen, unique = set(), []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing, in_folders


# ---- configuration → options ---------------------------------------------------

def options_from_config(config, rule_dirs, year, lang, cli_codes: dict | None = None):
    """The check Options (and every rule loaded) a configuration and the command line give; `serve` uses it too."""
    from lkjip_lint.config import select_rules, severity_for, unknown_codes
    from lkjip_lint.datamodel import dump
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.interpret.report import Settings
    from lkjip_lint.lint import Options

    dirs = tuple(Path(d) for d in (*config.rules, *rule_dirs))
    rules = load_rules(dirs)
    unknown_codes(config, [r.id for r in rules], cli_codes)  # a typo must not switch checks off silently
    chosen = select_rules([r.id for r in rules], config.select, config.ignore)
    severities = {}
    for r in rules:
        sev = severity_for(r.id, r.severity, config.severity)
        severities[r.id] = sev if sev is not None else "off"
    settings = Settings(
        year=year or config.year,
        subject=dump(config.subject, exclude_none=True) if config.subject else {},
        scale=[dump(b) for b in config.scale] if isinstance(config.scale, list) else config.scale,
        negative_indicators=list(config.negative_indicators),
    )
    return Options(rules=[r for r in rules if r.id in chosen], lang=lang, settings=settings,
                   severities=severities, max_bytes=int(config.max_file_mb * 1024 * 1024), rule_dirs=dirs,
                   check_timeout=config.check_timeout), rules


def _file_lang(config_path, start: Path) -> str:
    """The configuration's `lang:` when it can be read at all (to word its own errors), else id."""
    from lkjip_lint.config import load_config

    try:
        return load_config(config_path, start).lang
    except Exception:  # the broken file is reported by the caller; this only picks words
        return "id"


def load_config_with(config_path, start: Path, **cli):
    """The configuration found from `start` (or at `config_path`), with the command line's settings over it."""
    from lkjip_lint.config import load_config

    config = load_config(config_path, start)
    return config.merge_cli(**cli)


# ---- check ---------------------------------------------------------------------

_NO_LIMIT = 1 << 62  # bytes: until the configuration says
_WORKER_OPTIONS = None
_SKIP_NON_REPORTS: frozenset = frozenset()  # resolved paths checked with options.skip_non_reports


def _init_worker(options, skip: frozenset = frozenset()) -> None:
    global _WORKER_OPTIONS, _SKIP_NON_REPORTS
    _WORKER_OPTIONS, _SKIP_NON_REPORTS = options, skip


def _options_for(path: Path, options, skip: frozenset):
    if options.skip_non_reports or path.resolve() not in skip:
        return options
    from dataclasses import replace

    return replace(options, skip_non_reports=True)


def _check_in_worker(path: Path) -> FileResult:
    from lkjip_lint.lint import check_file

    return check_file(path, _options_for(path, _WORKER_OPTIONS, _SKIP_NON_REPORTS))


def run_check(*, paths, fmt, output, lang, fail_on, select, ignore, rule_dirs, config_path, year,
              baseline, write_baseline, jobs, max_file_mb, quiet, statistics=False, check_timeout=None,
              skip_non_reports=False) -> int:
    from lkjip_lint.config import ConfigError
    from lkjip_lint.engine.loader import RuleFileError

    files, missing, in_folders = collect_with_origin(paths)
    start = files[0].parent if files else Path.cwd()
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    in_parallel = len(files) > 1 and workers > 1
    first = None  # the first file's reading, started before the configuration and the rules load
    if files and not in_parallel:
        # a PDF's or DOCX's reader child works on the other core meanwhile; the configuration's size
        # limit is applied when it is known (Reading.within)
        first = start_reading(files[0], int(max_file_mb * 1024 * 1024) if max_file_mb else _NO_LIMIT)
    try:
        config = load_config_with(config_path, start, select=list(select), ignore=list(ignore), lang=lang,
                              fail_on=fail_on, max_file_mb=max_file_mb, check_timeout=check_timeout)
        if first is not None:
            first.within(int(config.max_file_mb * 1024 * 1024))
        options, all_rules = options_from_config(config, rule_dirs, year, config.lang,
                                      cli_codes={"select": select, "ignore": ignore})
    except (ConfigError, RuleFileError) as exc:
        from lkjip_lint.messages import usage_error

        if first is not None:
            first.cancel()
        return _fail(usage_error(str(exc), lang or _file_lang(config_path, start)))
    try:
        return _run_checks(files, missing, in_folders, first, in_parallel, workers, config, options, all_rules,
                           fmt=fmt, output=output, baseline=baseline, write_baseline=write_baseline,
                           quiet=quiet, statistics=statistics, skip_non_reports=skip_non_reports)
    finally:
        if first is not None:
            first.cancel()  # nothing when it was read; a child not waited for when the run stopped early


def _run_checks(files, missing, in_folders, first, in_parallel, workers, config, options, all_rules, *,
                fmt, output, baseline, write_baseline, quiet, statistics, skip_non_reports) -> int:
    from lkjip_lint.lint import check_file
    from lkjip_lint.messages import input_error

    lang, fail_on = config.lang, config.fail_on
    options.charts = fmt == "html"
    if fmt == "xlsx" and output is None:
        from lkjip_lint.messages import ui

        return _fail(ui("format_needs_output", lang, fmt=fmt))
    options.skip_non_reports = skip_non_reports
    config_file = [config.source] if config.source else []
    # --write-baseline may rewrite the --baseline it was given (refreshing it); nothing else is overwritten
    for target, inputs in ((output, [*files, *config_file, *([baseline] if baseline else [])]),
                           (write_baseline, [*files, *config_file])):
        problem = _output_problem(target, inputs, lang)  # before minutes of checking, not after
        if problem:
            return _fail(problem)

    results: list[FileResult] = [FileResult(path=m, error=input_error("not_found", {}, lang)) for m in missing]
    skip = frozenset(in_folders)
    if in_parallel:
        results.extend(_progress(_in_parallel(files, options, min(workers, len(files)), lang, skip), len(files)))
    else:
        # one file at a time: its rules may use the second core (not with --jobs 1, which asks for one)
        options.two_processes = workers > 1
        readings = [first, *[None] * (len(files) - 1)] if files else []
        results.extend(_progress((check_file(f, _options_for(f, options, skip), r) for f, r in zip(files, readings)),
                                 len(files)))

    from lkjip_lint.per_file import apply as per_file_ignores

    results = per_file_ignores(results, config.per_file_ignores,
                               config.source.parent if config.source else Path.cwd())
    if write_baseline:
        from lkjip_lint.baseline import project_root, write_baseline as write

        try:
            write(results, write_baseline, project_root(write_baseline, config.source))
        except OSError as exc:
            return _fail(_cannot_write(write_baseline, exc, lang))
    unused = []
    if baseline:
        from lkjip_lint.baseline import BaselineError, apply_baseline, project_root

        try:
            results, unused = apply_baseline(results, baseline, project_root(baseline, config.source))
        except BaselineError as exc:
            from lkjip_lint.messages import usage_error

            return _fail(usage_error(str(exc), lang))

    if fmt == "xlsx":
        from lkjip_lint.reporters.xlsx import render as render_xlsx

        data = render_xlsx(results, lang)
        if statistics:
            click.echo(_statistics(results, all_rules, lang), err=True)
    else:
        if statistics and fmt == "text":
            text = _statistics(results, all_rules, lang)
        else:
            text = _render(fmt, results, all_rules, lang, fail_on, quiet, output)
            if statistics:
                click.echo(_statistics(results, all_rules, lang), err=True)
        data = (text + ("\n" if not text.endswith("\n") else "")).encode("utf-8")
    if output:
        from lkjip_lint.safe_output import write_atomically

        try:
            write_atomically(output, lambda fh: fh.write(data))
        except OSError as exc:
            return _fail(_cannot_write(output, exc, lang))
    else:
        click.echo(text, nl=not text.endswith("\n"))
    if unused:
        from lkjip_lint.messages import ui

        click.echo(ui("baseline_unused", lang, n=len(unused)), err=True)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from lkjip_lint.reporters.github import write_step_summary

        write_step_summary(results, os.environ["GITHUB_STEP_SUMMARY"], lang)

    if any(r.error for r in results):
        return EXIT_INPUT
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _statistics(results, rules, lang) -> str:
    from lkjip_lint.messages import ui
    from lkjip_lint.reporters.statistics import render

    totals = {k: sum(r.counts()[k] for r in results if not r.error) for k in ("error", "warning", "info")}
    return render(results, rules, lang) + "\n" + ui("summary", lang, files=len(results), **totals)


def _output_problem(target: Path | None, inputs: list[Path], lang: str) -> str | None:
    """Why the report cannot go to `target` (a missing folder, one of the files being read), or None."""
    from lkjip_lint.messages import ui
    from lkjip_lint.safe_output import same_file

    if target is None:
        return None
    if not target.parent.is_dir():
        return ui("output_no_folder", lang, path=str(target), folder=str(target.parent))
    if same_file(target, inputs):  # device and inode: a hard link or symlink to an input counts
        return ui("output_is_input", lang, path=str(target))
    return None


def _cannot_write(target: Path, exc: OSError, lang: str) -> str:
    from lkjip_lint.messages import ui

    return ui("output_failed", lang, path=str(target), reason=exc.strerror or type(exc).__name__)


def _in_parallel(files: list[Path], options, workers: int, lang: str, skip: frozenset = frozenset()):
    """Results in file order. A worker that dies (killed, out of memory) breaks the pool
    and every file still in it; those are retried one by one in a fresh process, so only
    the file that kills its worker is reported as unreadable."""
    from concurrent.futures import ProcessPoolExecutor  # only batches need it (28 ms to import)
    from concurrent.futures.process import BrokenProcessPool

    from lkjip_lint.messages import input_error

    results: dict[int, FileResult] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(options, skip)) as pool:
        futures = [pool.submit(_check_in_worker, f) for f in files]
        for k, future in enumerate(futures):
            try:
                results[k] = future.result()
            except BrokenProcessPool:
                pass
    for k, path in enumerate(files):
        if k not in results:
            try:
                with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(options, skip)) as alone:
                    results[k] = alone.submit(_check_in_worker, path).result()
            except BrokenProcessPool:
                results[k] = FileResult(path=str(path), error=input_error("worker_died", {}, lang))
    return [results[k] for k in range(len(files))]


def _progress(iterable, total: int):
    if total > 1 and sys.stderr.isatty():
        with click.progressbar(iterable, length=total, file=sys.stderr, label="lkjip-lint") as bar:
            yield from bar
    else:
        yield from iterable


def _render(fmt, results, rules, lang, fail_on, quiet, output) -> str:
    if fmt == "json":
        from lkjip_lint.reporters.json_report import render

        return render(results)
    if fmt == "sarif":
        from lkjip_lint import __version__
        from lkjip_lint.reporters.sarif import render

        return render(results, rules, lang, __version__)
    if fmt == "junit":
        from lkjip_lint.reporters.junit import render

        return render(results, rules, fail_on)
    if fmt == "github":
        from lkjip_lint.reporters.github import render

        return render(results, rules, fail_on)
    if fmt == "html":
        from lkjip_lint.reporters.html import render

        return render(results, rules, lang, chart_data(results))
    if fmt == "csv":
        from lkjip_lint.reporters.csv_report import render

        return render(results, lang)
    from lkjip_lint.reporters.text import render

    colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = render(results, lang, colour, "warning" if quiet else "info")
    if len(results) > 1:
        text += "\n" + _batch_table(results, lang)
    return text


def chart_data(results) -> dict:
    """Chart data for the HTML report, gathered while checking."""
    return {r.path: r.charts for r in results if r.charts}


def _batch_table(results: list[FileResult], lang: str) -> str:
    head = ("berkas", "kesalahan", "peringatan", "tabel") if lang == "id" else ("file", "errors", "warnings", "tables")
    rows = [head] + [
        (r.path, "-" if r.error else str(r.counts()["error"]), "-" if r.error else str(r.counts()["warning"]),
         "-" if r.error else str(r.tables_read))
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)) for row in rows)


# ---- annotate ----------------------------------------------------------------------

def run_annotate(path: Path, output, suggest: bool, min_severity: str, rule_dirs, config_path, year, lang) -> int:
    from lkjip_lint.safe_output import default_target, same_file
    from lkjip_lint.config import ConfigError
    from lkjip_lint.engine.loader import RuleFileError
    from lkjip_lint.lint import check_document
    from lkjip_lint.messages import input_error, ui
    from lkjip_lint.readers.errors import InputError

    try:
        config = load_config_with(config_path, path.parent, lang=lang)
        options, _ = options_from_config(config, rule_dirs, year, config.lang)
    except (ConfigError, RuleFileError) as exc:
        from lkjip_lint.messages import usage_error

        return _fail(usage_error(str(exc), lang or _file_lang(config_path, path.parent)))
    lang = config.lang
    if not path.is_file():
        return _fail(f"{path}: {input_error('not_found', {}, lang)}")
    if output is not None:  # refused before the check, not after
        problem = _output_problem(output, [path], lang)
        if problem or same_file(path, [output]):
            return _fail(problem or ui("output_is_input", lang, path=str(output)))
    result, document = check_document(path, options)
    if result.error:
        return _fail(f"{path}: {result.error}")
    if document.format not in ("docx", "pdf"):
        return _fail(ui("annotate_format", lang, path=str(path)))
    # the content decides the format: a PDF named .docx gets a .reviu.pdf
    target = output or default_target(path, document.format)
    if same_file(path, [target]):
        return _fail(ui("output_is_input", lang, path=str(target)))
    threshold = SEVERITY_RANK[min_severity]
    findings = [f for f in result.findings if SEVERITY_RANK[f.severity] >= threshold]
    try:
        if document.format == "docx":
            from lkjip_lint.annotate.docx import annotate

            done = annotate(path, target, findings, document, lang, suggest)
        else:
            from lkjip_lint.annotate.pdf import annotate

            if suggest:
                click.echo(ui("suggest_pdf", lang), err=True)
            done = annotate(path, target, findings, document, lang)
    except InputError as exc:
        return _fail(f"{path}: {input_error(exc.code, exc.values, lang)}")
    except OSError as exc:
        return _fail(_cannot_write(target, exc, lang))
    except Exception as exc:  # a part the writer cannot handle (pypdf on an odd PDF): a message, not a traceback
        reason = " ".join(f"{type(exc).__name__}: {str(exc)[:200]}".split())
        return _fail(f"{path}: {input_error('corrupt_detail', {'kind': document.format, 'reason': reason}, lang)}")
    click.echo(ui("annotate_done", lang, path=str(target), comments=done.comments, suggestions=done.suggestions))
    return EXIT_OK


# ---- extract / rules / explain ---------------------------------------------------

def run_extract(path: Path, fmt: str, output, rule_dirs, config_path, lang) -> int:
    from lkjip_lint.config import ConfigError
    from lkjip_lint.engine.loader import RuleFileError
    from lkjip_lint.interpret.export import export_model
    from lkjip_lint.lint import build_report
    from lkjip_lint.messages import input_error
    from lkjip_lint.readers.errors import InputError

    try:
        config = load_config_with(config_path, path.parent, lang=lang)
        options, _ = options_from_config(config, rule_dirs, None, config.lang)
    except (ConfigError, RuleFileError) as exc:
        from lkjip_lint.messages import usage_error

        return _fail(usage_error(str(exc), lang or _file_lang(config_path, path.parent)))
    if not path.exists():
        return _fail(f"{path}: {input_error('not_found', {}, config.lang)}")
    try:
        report = build_report(path, options)
    except InputError as exc:
        return _fail(f"{path}: {input_error(exc.code, exc.values, config.lang)}")
    model = export_model(report)
    data = model.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        import yaml

        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    if output:
        problem = _output_problem(output, [path, *([config.source] if config.source else [])], config.lang)
        if problem:
            return _fail(problem)
        from lkjip_lint.safe_output import write_atomic

        try:
            write_atomic(output, text)
        except OSError as exc:
            return _fail(_cannot_write(output, exc, config.lang))
    else:
        click.echo(text)
    return EXIT_OK


def run_rules_list(fmt: str, rule_dirs, lang: str) -> int:
    from lkjip_lint.engine.loader import RuleFileError, load_rules

    try:
        rules = load_rules(tuple(rule_dirs))
    except RuleFileError as exc:
        from lkjip_lint.messages import usage_error

        return _fail(usage_error(str(exc), lang))
    if fmt == "json":
        import json

        click.echo(json.dumps([{"id": r.id, "name": r.name, "severity": r.severity, "kind": r.kind,
                                **({"of": r.params["of"]} if "of" in r.params else {}),
                                "summary": r.summary.get(lang)} for r in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(r.name) for r in rules)
    for r in sorted(rules, key=lambda r: r.id):
        # a relation kind says little without its `of:` (sum of a column, of a row, of a hierarchy …)
        kind = f"{r.kind} ({r.params['of']})" if "of" in r.params else r.kind
        click.echo(f"{r.id:<9} {r.name:<{width}}  {r.severity:<8} {kind:<26} {r.summary.get(lang)}")
    return EXIT_OK


def run_explain(code: str, rule_dirs, lang: str) -> int:
    from lkjip_lint.checks import load_kind
    from lkjip_lint.engine.loader import RuleFileError, load_rules
    from lkjip_lint.explain import explain

    try:
        rules = load_rules(tuple(rule_dirs))
    except RuleFileError as exc:
        from lkjip_lint.messages import usage_error

        return _fail(usage_error(str(exc), lang))
    rule = next((r for r in rules if r.id.upper() == code.upper() or r.name == code), None)
    if rule is None:
        from lkjip_lint.config import nearest_code

        hint = nearest_code(code, [r.id for r in rules])
        if lang == "en":
            return _fail(f"unknown rule {code!r}" + (f" (did you mean {hint!r}?)" if hint else "; `lkjip-lint rules` lists them"))
        return _fail(f"aturan {code!r} tidak dikenal" + (f" (maksudnya {hint!r}?)" if hint else "; `lkjip-lint rules` mendaftar semuanya"))
    click.echo(explain(rule, load_kind(rule.kind), lang))
    return EXIT_OK
