"""CI behaviour: selection, baselines that survive moved lines, batches with a bad file."""
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main

from tests.helpers import FIXTURES, ROOT

REPORT = FIXTURES / "purbalingga-2024.txt"


def run(*args):
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip().startswith("{") else result.output


def rules_of(data):
    return {f["rule"] for f in data["files"][0]["findings"]}


def test_ignore_removes_exactly_that_rule():
    _, full = run(REPORT)
    _, without = run("--ignore", "CAP001", REPORT)
    assert "CAP001" in rules_of(full) and "CAP001" not in rules_of(without)
    assert rules_of(full) - {"CAP001"} == rules_of(without)
    def plain(findings):  # `related` names the CAP001 findings that are gone
        return [{k: v for k, v in f.items() if k != "related"} for f in findings]
    before = [f for f in full["files"][0]["findings"] if f["rule"] != "CAP001"]
    assert plain(before) == plain(without["files"][0]["findings"])


def test_select_by_prefix():
    _, data = run("--select", "PCT,SUM00", REPORT)
    assert rules_of(data) and all(r.startswith(("PCT", "SUM00")) for r in rules_of(data))


def test_baseline_survives_inserted_lines_and_shows_new_defects(tmp_path):
    report = tmp_path / "report.txt"
    shutil.copy(REPORT, report)
    baseline = tmp_path / "baseline.json"
    code, _ = run("--write-baseline", baseline, report)
    assert code == 1 and json.loads(baseline.read_text())["findings"]
    text = REPORT.read_text(encoding="utf-8")
    report.write_text("Catatan revisi\n\n" + text, encoding="utf-8")  # two lines inserted at the top
    code, data = run("--baseline", baseline, report)
    assert data["files"][0]["findings"] == [] and code == 0
    broken = text.replace("2\tKulon\t0,56\t-\t3\t12", "2\tKulon\t0,56\t-\t3\t12").replace(
        "6\tBancar\t1,21\t-\t6\t18", "6\tBancar\t1,21\t-\t6\t19")
    report.write_text("Catatan revisi\n\n" + broken, encoding="utf-8")
    code, data = run("--baseline", baseline, report)
    new = data["files"][0]["findings"]
    assert code == 1 and {f["rule"] for f in new} <= {"SUM001", "COUNT001"}  # only what the new defect changed
    assert any(f["expected"] == 258 for f in new)  # RT now adds up to 258


def test_batch_of_twelve_reports_and_a_corrupt_pdf(tmp_path):
    for i in range(12):
        shutil.copy(REPORT if i % 2 else FIXTURES / "purbalingga-2024-clean.txt", tmp_path / f"laporan-{i:02}.txt")
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "2", str(tmp_path)])
    data = json.loads(result.output)
    assert result.exit_code == 2
    readable = [f for f in data["files"] if not f.get("error")]
    assert len(readable) == 12 and all(f["tables_read"] == 22 for f in readable)
    [bad] = [f for f in data["files"] if f.get("error")]
    assert bad["path"].endswith("rusak.pdf")


def test_text_batch_ends_with_a_summary_table(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(REPORT, tmp_path / name)
    result = CliRunner().invoke(main, ["check", "--jobs", "1", str(tmp_path)])
    tail = result.output.strip().splitlines()[-3:]
    assert tail[0].split()[:2] == ["berkas", "kesalahan"] and tail[1].endswith("22")


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "html"])
def test_every_format_writes_to_output_file(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["check", "--format", fmt, "--output", str(out), str(REPORT)])
    assert result.exit_code == 1 and out.stat().st_size > 500 and result.output == ""


SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="official SARIF schema not available (../shared/schemas)")
def test_sarif_of_the_corpus_report_validates_against_the_official_schema():
    import jsonschema

    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(REPORT), str(FIXTURES / "purbalingga-2024.docx")])
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    results = sarif["runs"][0]["results"]
    assert results and all(r.get("locations") for r in results)
    assert all(r["partialFingerprints"] for r in results)
    docx = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")]
    assert docx and any(r["locations"][0].get("logicalLocations") for r in docx)


def test_junit_of_the_corpus_report_parses_with_failures():
    import xml.etree.ElementTree as ET

    result = CliRunner().invoke(main, ["check", "--format", "junit", str(REPORT)])
    root = ET.fromstring(result.stdout)
    cases = root.findall(".//testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(names) == len(set(names)) and root.findall(".//failure")


def test_github_annotations_of_the_corpus_report_are_well_formed():
    import re

    result = CliRunner().invoke(main, ["check", "--format", "github", str(REPORT)])
    lines = [l for l in result.stdout.splitlines() if l]
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+(,line=\d+)?,title=[^:]+::.+$")
    assert lines and all(pattern.match(l) for l in lines)


def _dying_worker(path):
    """Stands in for app._check_in_worker: b.txt kills its process, as the system would."""
    from lkjip_lint import app

    if path.name == "b.txt":
        os._exit(9)
    from lkjip_lint.lint import check_file

    return check_file(path, app._WORKER_OPTIONS)


def test_a_worker_that_dies_costs_only_its_file(tmp_path, monkeypatch):
    from lkjip_lint import app
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.lint import Options

    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(FIXTURES / "purbalingga-2024-clean.txt", tmp_path / name)
    monkeypatch.setattr(app, "_check_in_worker", _dying_worker)
    results = list(app._in_parallel(sorted(tmp_path.glob("*.txt")), Options(rules=load_rules()), 2, "id"))
    assert len(results) == 3
    a, b, c = results
    assert b.error and "mati" in b.error
    assert not a.error and not c.error and a.tables_read == c.tables_read == 22
