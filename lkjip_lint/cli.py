"""Command line: `lkjip-lint check | annotate | extract | rules | explain | serve`.

Imports are lazy so that `--help` is instant. Exit codes: 0 nothing at or above
the fail level, 1 findings at or above it, 2 a file could not be read or a usage,
configuration or rule-file error (after every other file is done).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

# pydantic would scan every installed package's metadata for plugins before the first model
# (~40 ms of each start); this program uses none. A user may still set the variable otherwise.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

FORMATS = ("text", "json", "sarif", "junit", "github", "html", "xlsx", "csv")


def _finite(ctx, param, value):
    """FloatRange lets NaN through (every comparison with NaN is false)."""
    if value is not None and value != value:
        raise click.BadParameter("not a number", ctx=ctx, param=param)
    return value


def _lang_option(f):
    return click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                        help="Bahasa pesan: id (bawaan) atau en. / Message language.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lkjip-lint", prog_name="lkjip-lint")
def main() -> None:
    """lkjip-lint: periksa Laporan Kinerja Instansi Pemerintah (LKjIP).

    Checks LKjIP reports (.txt/.md, .docx, .pdf, .yaml/.json data) for totals,
    percentages, capaian, categories, agreement with the Perjanjian Kinerja,
    names, years and structure.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output: text (readable), json (the findings contract), sarif (code scanning), junit (CI test "
                   "reports), github (pull-request annotations), html (a report with the tables to correct).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE instead of stdout (never to a file being checked; written atomically).")
@_lang_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (e.g. SUM,CAP001); an unknown code is an error.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes; an unknown code is an error.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path), help="Extra folder of rule files (and tables.yaml).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Configuration file (default: .lkjip-lint.yaml or pyproject.toml found upward).")
@click.option("--year", type=int, default=None, help="Report year, when the title page does not say it.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Hide the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Record the current findings in this file (paths relative to the repository root).")
@click.option("--jobs", "-j", type=int, default=None, help="Parallel processes (default: core count): files of a batch, or the checks of a single file (1: one process).")
@click.option("--max-file-mb", type=click.FloatRange(min=0.001, max=100_000), default=None, callback=_finite,
              help="Refuse files larger than this (default 20).")
@click.option("--check-timeout", type=click.FloatRange(min=0.01, max=3600), default=None, callback=_finite,
              help="Seconds one check may spend on one file (default 20); past it the check stops with an error finding.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule produced instead of the findings.")
@click.option("--skip-non-reports", is_flag=True,
              help="Skip, with a note, files that are not LKjIP reports (as files found in a folder are); for pre-commit.")
@click.option("--quiet", "-q", is_flag=True, help="Text output: only errors and warnings.")
def check(paths, fmt, output, lang, fail_on, select, ignore, rule_dirs, config_path, year, baseline, write_baseline,
          jobs, max_file_mb, check_timeout, statistics, skip_non_reports, quiet):
    """Periksa laporan. / Check reports (files, folders or globs).

    Exit code 0: nothing at or above --fail-on; 1: findings; 2: a file could not be
    read, or a usage, configuration or rule-file error.
    """
    from lkjip_lint.app import run_check

    code = run_check(
        paths=paths, fmt=fmt, output=output, lang=lang, fail_on=fail_on, select=select, ignore=ignore,
        rule_dirs=rule_dirs, config_path=config_path, year=year, baseline=baseline,
        write_baseline=write_baseline, jobs=jobs, max_file_mb=max_file_mb, quiet=quiet,
        statistics=statistics, check_timeout=check_timeout, skip_non_reports=skip_non_reports,
    )
    sys.exit(code)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="YAML or JSON (schemas/lkjip.schema.json); either can be checked again with `check`.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE instead of stdout (never to the report itself; written atomically).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of rule files (its tables.yaml is used for reading).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: found upward from the report).")
@_lang_option
def extract(path, fmt, output, rule_dirs, config_path, lang):
    """Tampilkan apa yang terbaca dari laporan. / Print the model read from a report."""
    from lkjip_lint.app import run_extract

    sys.exit(run_extract(path, fmt, output, rule_dirs, config_path, lang))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas salinan (bawaan: REPORT.reviu.docx / .pdf di sebelahnya). / The copy to write.")
@click.option("--suggest", is_flag=True, help="DOCX: tulis koreksi sebagai perubahan terlacak. / Also write corrections as tracked changes.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Tingkat terendah yang diberi catatan. / Lowest severity that gets a note.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder aturan tambahan. / Extra folder of rule files.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas konfigurasi (bawaan: dicari ke atas dari laporan). / Configuration file (default: found upward from the report).")
@click.option("--year", type=int, default=None, help="Report year, when the title page does not say it.")
@_lang_option
def annotate(path, output, suggest, min_severity, rule_dirs, config_path, year, lang):
    """Salinan laporan dengan catatan reviu. / A copy of a DOCX or PDF with a note at each finding."""
    from lkjip_lint.app import run_annotate

    sys.exit(run_annotate(path, output, suggest, min_severity, rule_dirs, config_path, year, lang))


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table to read, or JSON for scripts.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of rule files to list with the bundled ones.")
@_lang_option
def list_rules(fmt, rule_dirs, lang):
    """Daftar aturan. / List the rules."""
    from lkjip_lint.app import run_rules_list

    sys.exit(run_rules_list(fmt, rule_dirs, lang or "id"))


@main.command()
@click.argument("code")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of rule files (to explain one of its rules).")
@_lang_option
def explain(code, rule_dirs, lang):
    """Jelaskan satu aturan. / Explain one rule."""
    from lkjip_lint.app import run_explain

    sys.exit(run_explain(code, rule_dirs, lang or "id"))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (default: this computer only).")
@click.option("--port", default=8000, type=click.IntRange(0, 65535), show_default=True, help="Port (0: any free port).")
@click.option("--max-upload-mb", type=click.FloatRange(min=0.001), default=20.0, show_default=True, help="Largest upload accepted.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Check processes (default: up to 4, one per core).")
@click.option("--job-timeout", type=click.FloatRange(min=0.1, max=86400), default=60.0, show_default=True,
              callback=_finite, help="Seconds one upload may keep a check process; past it the check is stopped.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path), help="Extra folder of rule files.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Configuration file (default: found from the current folder).")
@_lang_option
def serve(host, port, max_upload_mb, workers, job_timeout, rule_dirs, config_path, lang):
    """Halaman web lokal untuk staf. / Local web page: drop a report, see what to fix."""
    # The web extra is optional: `check` and friends never import it.
    from lkjip_lint.web import missing

    if missing():
        click.echo(f"lkjip-lint serve needs {', '.join(missing())}: pip install 'lkjip-lint[web]'", err=True)
        sys.exit(2)
    from lkjip_lint.web.server import run

    sys.exit(run(host, port, max_upload_mb, workers, config_path, rule_dirs, lang or "id", job_timeout))


if __name__ == "__main__":  # pragma: no cover
    main()
