"""What runs in the check processes: read → check → JSON contract + HTML report,
or the annotated copy and the review worksheet for download.

Kept free of web imports so the pool's processes start light. Rules and
configuration are loaded once per process (`init`), options once per language.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

_STATE: dict = {}


def init(config_path: str | None, rule_dirs: tuple[str, ...], start: str, max_bytes: int) -> None:
    """Load configuration and rules; raises ConfigError/RuleFileError (the server reports them at start)."""
    from lkjip_lint.app import load_config_with

    config = load_config_with(Path(config_path) if config_path else None, Path(start))
    _STATE.clear()
    _STATE.update(config=config, rule_dirs=tuple(Path(d) for d in rule_dirs), max_bytes=max_bytes, options={})
    _options("id")  # fail now, not at the first upload, when a rule file is broken


def _options(lang: str):
    cached = _STATE["options"].get(lang)
    if cached is None:
        from lkjip_lint.app import options_from_config as build
        from lkjip_lint.interpret.vocabulary import load_vocabulary

        options, rules = build(_STATE["config"], _STATE["rule_dirs"], None, lang)
        options.max_bytes = _STATE["max_bytes"]
        options.vocab = load_vocabulary(options.rule_dirs)  # once, not per upload
        cached = _STATE["options"][lang] = (options, rules)
    return cached


def check(path: str, name: str, lang: str, want_html: bool) -> dict:
    """{"report": JSON contract, "html": report or None, "error": input error message or None}.

    `name` (the uploaded file's own name) replaces the temporary path everywhere
    the user sees it.
    """
    from lkjip_lint.lint import check_file
    from lkjip_lint.reporters.json_report import as_dict

    options, rules = _options(lang)
    result = replace(check_file(Path(path), options), path=name)
    html = None
    if want_html and result.error is None:
        from lkjip_lint.reporters.html import render

        html = render([result], rules, lang, _documents([result]))
    return {"report": as_dict([result]), "html": html, "error": result.error}


def annotate(path: str, name: str, lang: str) -> dict:
    """{"data": the annotated copy (bytes) or None, "error": message or None} for a DOCX or PDF."""
    import tempfile

    from lkjip_lint.lint import check_document
    from lkjip_lint.messages import input_error, ui
    from lkjip_lint.readers.errors import InputError

    options, _ = _options(lang)
    result, document = check_document(Path(path), options)
    if result.error:
        return {"data": None, "error": result.error}
    if document.format not in ("docx", "pdf"):
        return {"data": None, "error": ui("annotate_format", lang, path=name)}
    findings = [f for f in result.findings if f.severity in ("error", "warning")]
    if document.format == "docx":
        from lkjip_lint.annotate.docx import annotate as write
    else:
        from lkjip_lint.annotate.pdf import annotate as write
    with tempfile.TemporaryDirectory(prefix="lkjip-annotate-") as folder:
        target = Path(folder) / f"reviu.{document.format}"
        try:
            write(Path(path), target, findings, document, lang)
        except InputError as exc:
            return {"data": None, "error": input_error(exc.code, exc.values, lang)}
        return {"data": target.read_bytes(), "error": None, "format": document.format}


def worksheet(path: str, name: str, lang: str, fmt: str) -> dict:
    """{"data": the review worksheet (xlsx or csv bytes), "error": message or None}."""
    from lkjip_lint.lint import check_file

    options, _ = _options(lang)
    result = replace(check_file(Path(path), options), path=name)
    if result.error:
        return {"data": None, "error": result.error}
    if fmt == "csv":
        from lkjip_lint.reporters.csv_report import render

        return {"data": render([result], lang).encode("utf-8"), "error": None}
    from lkjip_lint.reporters.xlsx import render as render_xlsx

    return {"data": render_xlsx([result], lang), "error": None}


def _documents(results) -> dict:
    # The CLI's chart data for the HTML report, so `serve` shows what `check --format html` shows.
    try:
        from lkjip_lint.app import chart_data as documents

        return documents(results) or {}
    except Exception:  # charts are optional; never lose the findings over them
        return {}


def ping() -> bool:
    """Used at start-up to spawn a worker (and load the rules) before the first upload."""
    return bool(_STATE)
