"""CI conventions (issue 15): typos in rule codes fail, --statistics, per-file-ignores,
inline suppression comments, non-report files in a folder, help for every option."""
import json
import shutil

import click
import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main

from tests.helpers import FIXTURES

REPORT = FIXTURES / "purbalingga-2024.txt"


def invoke(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], **kw)


def check_json(*args):
    result = invoke("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def full():
    return check_json(REPORT)


# ---- 1. unknown rule codes ---------------------------------------------------

@pytest.mark.parametrize("option, typo, hint", [("--select", "CAP01", "CAP001"), ("--ignore", "SUMM", "SUM"),
                                                ("--select", "SUM,CAT0O1", "CAT001")])
def test_a_typo_in_select_or_ignore_exits_2_with_a_hint(option, typo, hint):
    result = invoke("check", option, typo, REPORT)
    assert result.exit_code == 2
    assert f"tidak dikenal (maksudnya '{hint}'?)" in result.output and option in result.output
    english = invoke("check", "--lang", "en", option, typo, REPORT)
    assert english.exit_code == 2 and f"did you mean '{hint}'" in english.output


@pytest.mark.parametrize("config, hint", [
    ("select: [SUM, PCTT]\n", "PCT"),
    ("ignore: [NAME0003]\n", "NAME003"),
    ("severity: {CAP0001: warning}\n", "CAP001"),
    ("per-file-ignores: {'*.txt': [YEAR01]}\n", "YEAR001"),
])
def test_a_typo_in_the_config_file_exits_2_naming_file_and_key(tmp_path, config, hint):
    cfg = tmp_path / ".lkjip-lint.yaml"
    cfg.write_text(config + "lang: en\n", encoding="utf-8")
    result = invoke("check", "--config", cfg, REPORT)
    assert result.exit_code == 2
    assert str(cfg) in result.output and f"did you mean '{hint}'" in result.output


def test_valid_prefixes_and_all_are_accepted():
    assert invoke("check", "--select", "ALL", "--ignore", "SUM,NAME00", REPORT).exit_code == 1


# ---- 2. statistics, per-file-ignores, suppression comments ---------------------

def test_statistics_counts_each_rule_once_per_finding(full):
    result = invoke("check", "--statistics", REPORT)
    lines = result.stdout.strip().splitlines()
    expected: dict[str, int] = {}
    for f in full["files"][0]["findings"]:
        expected[f["rule"]] = expected.get(f["rule"], 0) + 1
    shown = {line.split()[1]: int(line.split()[0]) for line in lines[:-1]}
    assert shown == expected
    counts = [int(line.split()[0]) for line in lines[:-1]]
    assert counts == sorted(counts, reverse=True)  # most frequent first
    assert "SUM001" in result.stdout and "column-total" in result.stdout
    assert not any("Tabel 1.1, baris Jumlah" in line for line in lines)  # counts, not the findings
    assert result.exit_code == 1


def test_per_file_ignores_apply_only_to_matching_files(tmp_path):
    (tmp_path / "annex").mkdir()
    shutil.copy(REPORT, tmp_path / "annex" / "a.txt")
    shutil.copy(REPORT, tmp_path / "b.txt")
    (tmp_path / ".lkjip-lint.yaml").write_text("per-file-ignores:\n  'annex/*.txt': [YEAR001, NAME]\n", encoding="utf-8")
    data = check_json("--jobs", "1", tmp_path / "annex" / "a.txt", tmp_path / "b.txt")
    by_name = {f["path"].rsplit("/", 1)[-1]: {x["rule"] for x in f["findings"]} for f in data["files"]}
    assert "YEAR001" in by_name["b.txt"] and "NAME001" in by_name["b.txt"]
    assert not any(r == "YEAR001" or r.startswith("NAME") for r in by_name["a.txt"])
    assert by_name["a.txt"] == {r for r in by_name["b.txt"] if r != "YEAR001" and not r.startswith("NAME")}


def _first(full, rule):
    return next(f for f in full["files"][0]["findings"] if f["rule"] == rule)


def test_a_comment_on_the_line_suppresses_that_finding_and_json_lists_it(tmp_path, full):
    target = _first(full, "SUM001")
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    lines[target["location"]["line"] - 1] += "  <!-- lkjip-lint: disable=SUM001 -->"
    report = tmp_path / "r.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = check_json(report)
    entry = data["files"][0]
    on_line = [f for f in full["files"][0]["findings"]
               if f["location"]["line"] == target["location"]["line"]]
    hidden = sorted(f["message"] for f in on_line if f["rule"] == "SUM001")
    assert target["message"] not in [f["message"] for f in entry["findings"]]
    assert sorted(f["message"] for f in entry["suppressed"]) == hidden
    others = [f for f in full["files"][0]["findings"] if f["rule"] == "SUM001" and f["message"] not in hidden]
    assert len([f for f in entry["findings"] if f["rule"] == "SUM001"]) == len(others)
    assert len(entry["findings"]) == len(full["files"][0]["findings"]) - len(hidden)  # nothing else hidden
    assert data["summary"]["error"] == full["summary"]["error"] - len(hidden)

    import jsonschema

    schema = json.loads((FIXTURES.parent / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)  # the contract allows (and describes) the suppressed list

    sarif = json.loads(invoke("check", "--format", "sarif", report).stdout)
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert sorted(r["message"]["text"] for r in suppressed) == hidden
    assert suppressed[0]["suppressions"] == [{"kind": "inSource"}]


def test_a_comment_above_a_block_suppresses_the_block_and_a_file_comment_the_file(tmp_path, full):
    target = _first(full, "PCT001")  # a row of Tabel 1.2
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    row = target["location"]["line"] - 1
    top = row
    while lines[top - 1].strip():
        top -= 1
    block = set(range(top + 1, next(i for i in range(row, len(lines)) if not lines[i].strip()) + 1))
    lines.insert(top, "<!-- lkjip-lint: disable=PCT -->")
    report = tmp_path / "r.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entry = check_json(report)["files"][0]
    hidden = [f for f in full["files"][0]["findings"] if f["rule"].startswith("PCT") and f["location"]["line"] in block]
    assert len(hidden) >= 2
    assert sorted(f["message"] for f in entry["suppressed"]) == sorted(f["message"] for f in hidden)
    kept_pct = [f for f in entry["findings"] if f["rule"].startswith("PCT")]
    assert len(kept_pct) == len([f for f in full["files"][0]["findings"] if f["rule"].startswith("PCT")]) - len(hidden)

    whole = tmp_path / "w.txt"
    whole.write_text("<!-- lkjip-lint: disable-file=YEAR001,TBL -->\n" + REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    entry = check_json(whole)["files"][0]
    assert not any(f["rule"] == "YEAR001" or f["rule"].startswith("TBL") for f in entry["findings"])
    assert {f["rule"] for f in entry["suppressed"]} == {"YEAR001", "TBL001", "TBL002"}


def test_a_folder_skips_readme_and_ci_files_with_a_note(tmp_path):
    shutil.copy(REPORT, tmp_path / "laporan.txt")
    (tmp_path / "README.md").write_text("# Laporan kami\n\nFolder ini berisi laporan tahunan. Jalankan `make`.\n",
                                        encoding="utf-8")
    (tmp_path / "ci.yml").write_text("stages: [test]\nlint:\n  script: [lkjip-lint check laporan/]\n", encoding="utf-8")
    data = check_json("--jobs", "1", tmp_path)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    for name in ("README.md", "ci.yml"):
        assert by_name[name].get("skipped") is True
        assert [(f["rule"], f["severity"]) for f in by_name[name]["findings"]] == [("READ005", "info")]
    assert not by_name["laporan.txt"].get("skipped") and len(by_name["laporan.txt"]["findings"]) > 50
    # named explicitly, the same README is checked, and warned about
    named = check_json(tmp_path / "README.md")["files"][0]
    assert "READ005" in [f["rule"] for f in named["findings"] if f["severity"] == "warning"]
    # the pre-commit hook passes --skip-non-reports
    hook = check_json("--skip-non-reports", tmp_path / "ci.yml")["files"][0]
    assert hook.get("skipped") is True


def test_every_option_of_every_command_is_described():
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help",):
                assert param.help and len(param.help) > 10, f"{name} {param.opts}"
        assert command.help or command.short_help, name
    text = invoke("check", "--help").output
    for word in ("--format", "sarif", "--statistics", "--check-timeout", "--skip-non-reports"):
        assert word in text


# ---- errors in a configuration or a rule file speak the chosen language --------------

_ENGLISH = ("is not one of", "is not of type", "Input should", "Field required", ", rule ", "unknown measure")


@pytest.mark.parametrize("config, words", [
    ("fail_on: fatal\n", "bukan salah satu dari"),
    ("scale:\n  - {min: abc, label: X}\n", "harus bertipe angka"),
])
def test_a_wrong_value_in_the_configuration_is_told_in_indonesian(tmp_path, config, words):
    (tmp_path / ".lkjip-lint.yaml").write_text(config, encoding="utf-8")
    shutil.copy(REPORT, tmp_path / REPORT.name)
    result = invoke("check", tmp_path / REPORT.name)
    assert result.exit_code == 2 and words in result.output, result.output
    assert not any(e in result.output for e in _ENGLISH), result.output
    english = invoke("check", "--lang", "en", tmp_path / REPORT.name)
    assert english.exit_code == 2 and not any(w in english.output for w in ("bukan", "harus")), english.output


@pytest.mark.parametrize("params, words", [
    ("{of: row, result: capaianx, formulas: [{name: p, expr: 'realisasi / target * 100'}]}", "tidak dikenal; maksudnya"),
    ("{of: row, result: capaian, formulas: [{name: p}]}", "wajib diisi"),
])
def test_a_wrong_parameter_in_a_user_rule_is_told_in_indonesian(tmp_path, params, words):
    (tmp_path / "user.yaml").write_text(
        "rules:\n  - {id: USR001, name: mine, kind: formula, severity: warning, summary: {id: R, en: S},\n"
        f"     message: {{id: P, en: M}}, params: {params}}}\n", encoding="utf-8")
    result = invoke("check", "--rules", tmp_path, REPORT)
    assert result.exit_code == 2 and words in result.output and "aturan USR001" in result.output, result.output
    assert not any(e in result.output for e in _ENGLISH), result.output


# ---- the first file's reading starts before the configuration is read ------------------

@pytest.mark.parametrize("name", ["purbalingga-2024.docx", "purbalingga-2024.pdf"])
def test_the_configured_size_limit_holds_for_a_reading_begun_before_it(tmp_path, name):
    shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / ".lkjip-lint.yaml").write_text("max_file_mb: 0.01\n", encoding="utf-8")  # 10 KB
    result = invoke("check", "--format", "json", tmp_path / name)
    assert result.exit_code == 2
    entry = json.loads(result.stdout)["files"][0]
    assert "terlalu besar" in entry["error"] and entry["findings"] == []
    allowed = invoke("check", "--format", "json", "--max-file-mb", "30", tmp_path / name)
    assert allowed.exit_code == 1 and json.loads(allowed.stdout)["files"][0]["findings"]


@pytest.mark.parametrize("content, words, english", [
    ("{not json", "JSON tidak sah", "invalid JSON"),
    ('{"version": 2, "findings": [{"file": 1}]}', "harus memuat teks 'file'", "needs string"),
    ("[]", "bukan baseline lkjip-lint", "not a lkjip-lint baseline"),
])
def test_a_broken_baseline_is_told_in_the_chosen_language(tmp_path, content, words, english):
    base = tmp_path / "baseline.json"
    base.write_text(content, encoding="utf-8")
    result = invoke("check", "--baseline", base, REPORT)
    assert result.exit_code == 2 and words in result.output and english not in result.output, result.output
    result = invoke("check", "--lang", "en", "--baseline", base, REPORT)
    assert result.exit_code == 2 and english in result.output, result.output
