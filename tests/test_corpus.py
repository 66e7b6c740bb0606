"""End to end on the real reports in fixtures/: defects found with their expected values,
the corrected copy clean, the fragments of other reports free of false alarms.

The expectations below were written for this suite from the report itself (they
are not read from any gold file)."""
import json

import jsonschema
import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main
from lkjip_lint.resources import schema_path

from tests.helpers import FIXTURES

# (rule prefix, line, expected): totals, shares, capaian, categories, PK agreement, text claims
EXPECTED = [
    ("SUM001", 160, 15.65), ("SUM001", 160, 70), ("SUM001", 160, 257), ("TXT001", 128, 15.66),
    ("PCT001", 182, 49.78), ("PCT001", 182, 50.22), ("PCT001", 189, 49.43), ("PCT001", 189, 50.57),
    ("PCT001", 192, 49.98), ("PCT001", 193, 50.38), ("TXT001", 171, 50.38),
    # IKM rows whose target 91.5 is not the PK Perubahan's 88: capaian recomputed with 88 (93.85 / 88 = 106.65)
    ("CAP001", 515, 106.65), ("CAP001", 516, 106.65), ("CAP001", 539, 106.65), ("CAP001", 547, 106.65),
    ("CAP001", 918, 102.57), ("CAP001", 920, 102.57), ("CAP001", 518, 98.27), ("TXT001", 550, 103.86),
    ("CAP002", 959, 102.57),
    ("CAT001", 678, "Sangat Tinggi"), ("CAT001", 742, "Sangat Tinggi"), ("CAT001", 961, "Sangat Tinggi"),
    ("PK001", 515, 88), ("PK001", 517, 34),
]


def check_json(*paths, extra=()):
    result = CliRunner().invoke(main, ["check", "--format", "json", *extra, *map(str, paths)])
    return result.exit_code, json.loads(result.output)


@pytest.fixture(scope="module")
def corpus():
    code, data = check_json(FIXTURES / "purbalingga-2024.txt")
    assert code == 1
    return data


def _same(a, b):
    if isinstance(b, str):
        return isinstance(a, str) and a.casefold() == b.casefold()
    return isinstance(a, (int, float)) and abs(a - b) <= 0.005


@pytest.mark.parametrize("rule, line, expected", EXPECTED)
def test_corpus_defect_found_with_expected_value(corpus, rule, line, expected):
    found = [f for f in corpus["files"][0]["findings"]
             if f["rule"].startswith(rule) and f["location"]["line"] == line and f["severity"] in ("error", "warning")]
    assert any(_same(f["expected"], expected) for f in found), found


def test_indicator_outside_the_pk_is_reported(corpus):
    assert any(f["rule"] == "PK002" and f["location"]["line"] in (918, 920) for f in corpus["files"][0]["findings"])


# lines whose numbers are right and must never be flagged
CONSISTENT_LINES = [146, 147, 148, 156, 158, 179, 180, 191, 295, 296, 297, 303, 308, 444, 458, 573, 580, 582, 583,
                    695, 706, 753, 761, 765, 766, 875, 882, 887, 890, 894, 908, 910, 924, 132, 965]


def test_no_error_or_warning_on_consistent_lines(corpus):
    bad = [f for f in corpus["files"][0]["findings"]
           if f["location"]["line"] in CONSISTENT_LINES and f["severity"] in ("error", "warning")]
    assert bad == []


def test_json_output_validates_against_the_schema(corpus):
    schema = json.loads(schema_path("findings.schema.json").read_text())
    jsonschema.validate(corpus, schema)


def test_corrected_copy_is_clean():
    code, data = check_json(FIXTURES / "purbalingga-2024-clean.txt")
    assert [f for f in data["files"][0]["findings"] if f["severity"] != "info"] == []
    assert code == 0


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "more").glob("*.txt")))
def test_fragments_of_other_reports_raise_no_arithmetic_false_alarm(name):
    code, data = check_json(FIXTURES / "more" / name, extra=("--select", "SUM,PCT,CAP,BUD,SKM,CAT,PK,TXT,AKIP,NKPD,NUM"))
    assert [f for f in data["files"][0]["findings"] if f["severity"] != "info"] == []


def test_text_output_groups_by_file_and_summarises():
    result = CliRunner().invoke(main, ["check", str(FIXTURES / "purbalingga-2024.txt")])
    assert result.exit_code == 1
    assert "tabel terbaca" in result.output and "kesalahan" in result.output.splitlines()[-1]
    assert "seharusnya 102,57" in result.output
    en = CliRunner().invoke(main, ["check", "--lang", "en", str(FIXTURES / "purbalingga-2024.txt")])
    assert "expected 102.57" in en.output and "errors" in en.output.splitlines()[-1]


def test_fail_on_and_exit_codes(tmp_path):
    clean = FIXTURES / "purbalingga-2024-clean.txt"
    runner = CliRunner()
    assert runner.invoke(main, ["check", str(clean)]).exit_code == 0
    assert runner.invoke(main, ["check", "--fail-on", "info", str(clean)]).exit_code == 1
    missing = runner.invoke(main, ["check", str(clean), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "tidak ditemukan" in missing.output
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    both = runner.invoke(main, ["check", "--format", "json", str(empty), str(FIXTURES / "purbalingga-2024.txt")])
    data = json.loads(both.output)
    assert both.exit_code == 2 and data["files"][0]["error"] and data["files"][1]["findings"]


def test_a_document_without_tables_is_not_silently_clean(tmp_path):
    prose = tmp_path / "prose.txt"
    prose.write_text("LAPORAN KINERJA\n\nHanya teks tanpa tabel apa pun.\n")
    code, data = check_json(prose)
    assert data["files"][0]["tables_read"] == 0


def test_rules_and_explain_commands():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules", "--format", "json"])
    rules = {r["id"]: r for r in json.loads(listing.output)}
    assert {"SUM001", "CAP001", "CAT001", "PK001", "TXT001"} <= set(rules)
    # a relation rule is listed with the facts it relates, not only its generic kind
    assert (rules["SUM001"]["kind"], rules["SUM001"]["of"]) == ("sum", "column")
    assert (rules["SUM002"]["kind"], rules["SUM002"]["of"]) == ("sum", "row")
    assert "of" not in rules["NUM001"]  # not a relation
    assert "sum (column)" in runner.invoke(main, ["rules"]).output
    text = runner.invoke(main, ["explain", "CAP001"])
    assert text.exit_code == 0 and "realisasi / target" in text.output and "Salah" in text.output
    assert runner.invoke(main, ["explain", "NOPE999"]).exit_code == 2


def test_extract_lists_indicators_with_targets_of_both_pk_tables():
    import yaml

    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "purbalingga-2024.txt")])
    model = yaml.safe_load(result.output)
    names = [i["name"] for i in model["indicators"]]
    assert any("Kepuasan" in n for n in names) and any("Kematangan" in n for n in names) and any("SAKIP" in n for n in names)
    ikm = next(i for i in model["indicators"] if "Kepuasan" in i["name"])
    tables = {t["source"]["table"] for t in ikm["targets"]}
    assert {"Tabel 2.3", "Tabel 2.4", "Tabel 3.2"} <= tables
    assert model["subject"]["year"] == 2024 and model["scale"]["source"] == "table"
