"""Reports as data: the schema of the LKjIP model, YAML/JSON input, extract → check round trip,
and invalid or hostile data reported cleanly (DATA001, exit 2), never crashed on."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from lkjip_lint.cli import main
from lkjip_lint.engine.loader import load_rules
from lkjip_lint.lint import Options, check_file
from lkjip_lint.readers import data as data_reader
from lkjip_lint.readers.errors import InputError

from tests.helpers import FIXTURES, ROOT

SCHEMA = ROOT / "schemas" / "lkjip.schema.json"
MIN_RECALL = 0.95


@lru_cache(maxsize=1)
def _options() -> Options:
    return Options(rules=load_rules())


def _gen_schema():
    spec = importlib.util.spec_from_file_location("gen_schema", ROOT / "tools" / "gen_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(report: Path, fmt: str = "yaml") -> str:
    result = CliRunner().invoke(main, ["extract", "--format", fmt, str(report)])
    assert result.exit_code == 0, result.output
    return result.output


def _defects(result) -> Counter:
    """(rule, expected) of errors and warnings: what must survive the round trip."""
    return Counter((f.rule, json.dumps(f.expected, sort_keys=True)) for f in result.findings
                   if f.severity in ("error", "warning"))


def _check(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check_file(path, _options())
    assert result.error is None, result.error
    return result


# ---- the schema -------------------------------------------------------------------------

def test_committed_schema_is_the_models():
    assert SCHEMA.read_text(encoding="utf-8") == _gen_schema().schema_text(), \
        "schemas/lkjip.schema.json is stale: run python tools/gen_schema.py"


def test_extract_validates_against_schema():
    data = yaml.safe_load(_extract(FIXTURES / "purbalingga-2024.txt"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors[:5]]


# ---- round trip -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_reproduces_the_texts_defects(tmp_path, fmt):
    source = FIXTURES / "purbalingga-2024.txt"
    text = _defects(check_file(source, _options()))
    result = _check(tmp_path, f"purbalingga-2024.{fmt}", _extract(source, fmt))
    assert result.format == "data"
    data = _defects(result)
    found = sum((text & data).values())
    assert text and found / sum(text.values()) >= MIN_RECALL, (text - data)
    assert not data - text, f"extra in data: {data - text}"
    assert not [f for f in result.findings if f.rule == "DATA001"]


def test_round_trip_keeps_lines_and_adds_json_paths(tmp_path):
    result = _check(tmp_path, "p.yaml", _extract(FIXTURES / "purbalingga-2024.txt"))
    cap = next(f for f in result.findings if f.rule == "CAP001" and f.location.line == 515)
    assert cap.location.table == "Tabel 3.2"
    assert cap.location.path.startswith("tables[") and ".rows[" in cap.location.path and ".cells[" in cap.location.path


def test_clean_copy_as_data_has_no_errors_or_warnings(tmp_path):
    result = _check(tmp_path, "clean.yaml", _extract(FIXTURES / "purbalingga-2024-clean.txt"))
    assert not _defects(result), [f.message for f in result.findings if f.severity != "info"]


# ---- hand-written data --------------------------------------------------------------------

HAND_WRITTEN = """\
subject: {kind: Kecamatan, name: Purbalingga, kabupaten: Purbalingga, year: 2024}
indicators:
  - name: Indeks Kepuasan Masyarakat
    units: [Indeks]
    targets:
      - {value: 88, raw: "88", year: 2024, table_kind: pk_amendment, source: {table: PK Perubahan}}
      - {value: 91.5, raw: "91.5", year: 2024, table_kind: capaian, source: {}}
    realisasi: [{value: 93.85, raw: "93.85", year: 2024, source: {}}]
    capaian: [{value: 102.51, raw: "102.51", year: 2024, source: {}}]
    kategori: [Sangat Tinggi]
"""


def test_hand_written_indicators_are_checked_by_json_path(tmp_path):
    result = _check(tmp_path, "ikm.yaml", HAND_WRITTEN)
    by_rule = {f.rule: f for f in result.findings if f.severity == "error"}
    assert set(by_rule) == {"CAP001", "PK001"}, [f.message for f in result.findings]
    # the PK Perubahan's target 88 is the operative one: 93.85 / 88 × 100 = 106.65
    assert by_rule["CAP001"].expected == 106.65 and by_rule["CAP001"].location.path == "indicators[0]"
    assert by_rule["PK001"].actual == 91.5 and by_rule["PK001"].expected == 88
    assert by_rule["PK001"].location.path == "indicators[0]"


def test_hand_written_scale_and_budget(tmp_path):
    text = """\
subject: {kind: Dinas, name: Pendidikan, year: 2023}
scale:
  name: Skala Nilai Peringkat Kinerja
  source: table
  bands: [{min: 91, max: 100, label: Sangat Tinggi}, {min: 76, max: 90, label: Tinggi},
          {min: 66, max: 75, label: Sedang}, {min: 51, max: 65, label: Rendah}, {max: 50, label: Sangat Rendah}]
indicators:
  - name: Angka Partisipasi Murni SD
    targets: [{value: 98, raw: "98", year: 2023, table_kind: pk, source: {}}]
    realisasi: [{value: 70, raw: "70,00", year: 2023, source: {}}]
    capaian: [{value: 71.43, raw: "71,43", year: 2023, source: {}}]
    kategori: [Tinggi]
budget:
  - name: Program Pengelolaan Pendidikan
    level: 1
    pagu: 1000000
    realisasi: 900000
    persen: 90
    source: {}
    children:
      - {name: Pengelolaan SD, level: 2, pagu: 600000, realisasi: 500000, persen: 83.33, source: {}}
      - {name: Pengelolaan SMP, level: 2, pagu: 300000, realisasi: 400000, persen: 133.33, source: {}}
"""
    result = _check(tmp_path, "dinas.yaml", text)
    errors = {(f.rule, f.expected, f.location.path) for f in result.findings if f.severity == "error"}
    assert ("CAT001", "Sedang", "indicators[0]") in errors  # 71.43 is Sedang on the given scale
    assert ("SUM003", 900000, "budget[0]") in errors  # the programme's pagu is not the sum of its kegiatan
    assert not any(rule == "CAP001" for rule, _, _ in errors)


# ---- invalid and hostile data ---------------------------------------------------------------

def test_schema_violation_is_a_finding_with_its_path(tmp_path):
    text = HAND_WRITTEN.replace('{value: 91.5, raw: "91.5"', '{value: abc, raw: "91.5"')
    result = _check(tmp_path, "bad.yaml", text)
    data001 = [f for f in result.findings if f.rule == "DATA001"]
    assert [f.location.path for f in data001] == ["indicators[0].targets[1].value"]
    assert data001[0].severity == "error"
    assert "'abc' is not of type 'number'" in data001[0].message
    assert "indicators[0].targets[1].value" in data001[0].message
    assert any(f.rule == "CAP001" for f in result.findings)  # the rest is still checked


def test_unknown_field_and_wrong_shapes_are_reported_not_raised(tmp_path):
    text = json.dumps({"subject": {"year": "2024"}, "colour": "red", "indicators": [5, {"name": 7}],
                       "tables": [{"label": "T", "rows": [{"cells": [1, None, {"x": 1}]}, "row"]}], "text": ["x"]})
    result = _check(tmp_path, "shapes.json", text)
    paths = {f.location.path for f in result.findings if f.rule == "DATA001"}
    assert {"$", "subject.year", "indicators[0]", "indicators[1].name", "tables[0].rows[0].cells[0]", "text[0]"} <= paths


def test_python_tag_is_refused_via_cli(tmp_path):
    marker = tmp_path / "PWNED"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(evil)])
    assert result.exit_code == 2
    assert "python/object/apply:os.system" in result.output
    assert not marker.exists()
    assert "Traceback" not in result.output


def test_deeply_nested_json_is_refused_without_recursion_error(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"subject": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--lang", "en", str(deep)])
    assert result.exit_code == 2
    assert "too deeply nested" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_depth_and_size_limits_are_measured_iteratively():
    nested: dict = {"leaf": 1}
    for _ in range(data_reader.MAX_DEPTH):
        nested = {"a": nested}
    with pytest.raises(InputError) as exc:
        data_reader.build(nested)
    assert exc.value.code == "data_too_deep"
    # YAML aliases that fan out ("billion laughs") stop at the node limit, quickly
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(InputError) as exc:
        data_reader.build(data_reader.load("\n".join(lines).encode(), json_syntax=False))
    assert exc.value.code == "data_too_deep"


@pytest.mark.parametrize("text,suffix", [("- 1\n- 2\n", "yaml"), ("a: [1, 2\n", "yaml"), ('{"a": }', "json"),
                                         ("~\n", "yaml")])
def test_unreadable_data_is_an_input_error(tmp_path, text, suffix):
    path = tmp_path / f"x.{suffix}"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, _options())
    assert result.error and "Data" in result.error
