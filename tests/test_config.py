"""Configuration discovery, validation, CLI precedence and rule selection."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from lkjip_lint import config as cfgmod
from lkjip_lint.config import Config, ConfigError, load_config, select_rules, severity_for, unknown_selectors

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "config.schema.json"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- discovery ---------------------------------------------------------------

def test_defaults_when_nothing_found(tmp_path):
    doc = write(tmp_path / "a" / "laporan.txt", "x")
    cfg = load_config(None, doc)
    assert cfg == Config() and cfg.fail_on == "error" and cfg.lang == "id" and cfg.max_file_mb == 20


def test_yaml_beats_pyproject_in_one_folder(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "lang: en\n")
    write(tmp_path / "pyproject.toml", '[tool.lkjip-lint]\nlang = "id"\nfail_on = "warning"\n')
    cfg = load_config(None, write(tmp_path / "laporan.txt", "x"))
    assert cfg.lang == "en" and cfg.fail_on == "error"
    assert cfg.source == (tmp_path / ".lkjip-lint.yaml").resolve()


def test_yml_spelling_and_pyproject_alone(tmp_path):
    write(tmp_path / "p" / "pyproject.toml", '[tool.lkjip-lint]\nfail-on = "warning"\nyear = 2024\n')
    cfg = load_config(None, tmp_path / "p" / "laporan.txt")  # the file need not exist yet
    assert cfg.fail_on == "warning" and cfg.year == 2024
    write(tmp_path / "y" / ".lkjip-lint.yml", "year: 2023\n")
    assert load_config(None, tmp_path / "y").year == 2023


def test_nearer_folder_wins(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "year: 2020\nlang: en\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.lkjip-lint]\nyear = 2024\n")
    doc = write(tmp_path / "sub" / "deeper" / "laporan.txt", "x")
    cfg = load_config(None, doc)
    assert cfg.year == 2024 and cfg.lang == "id"  # no merging with the farther file


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "year: 2021\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(None, tmp_path / "sub" / "l.txt").year == 2021


def test_explicit_config_skips_discovery(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "year: 2020\n")
    explicit = write(tmp_path / "elsewhere" / "ci.yaml", "year: 2025\nrules: [../extra-rules]\n")
    cfg = load_config(explicit, tmp_path / "laporan.txt")
    assert cfg.year == 2025
    assert cfg.rules == [(tmp_path / "extra-rules").resolve()]  # relative to the config file


def test_explicit_pyproject_needs_table(tmp_path):
    p = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"tool\.lkjip-lint"):
        load_config(p, tmp_path)


def test_explicit_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.yaml", tmp_path)


# ---- validation ----------------------------------------------------------------

def test_unknown_key_names_key_and_file(tmp_path):
    p = write(tmp_path / ".lkjip-lint.yaml", "select: [SUM]\nfail_onn: warning\n")
    with pytest.raises(ConfigError) as exc:
        load_config(None, tmp_path)
    msg = str(exc.value)
    assert "'fail_onn'" in msg and str(p) in msg and "did you mean 'fail_on'" in msg


def test_unknown_nested_key(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "subject:\n  name: Kecamatan X\n  provinsi: Jateng\n")
    with pytest.raises(ConfigError, match=r"unknown key 'subject\.provinsi'"):
        load_config(None, tmp_path)


def test_unknown_key_in_pyproject(tmp_path):
    p = write(tmp_path / "pyproject.toml", '[tool.lkjip-lint]\ncolour = "red"\n')
    with pytest.raises(ConfigError, match="'colour'") as exc:
        load_config(None, tmp_path)
    assert str(p) in str(exc.value)


@pytest.mark.parametrize("text, where", [
    ("fail_on: fatal\n", "$.fail_on"),
    ("severity:\n  SUM001: fatal\n", "$.severity.SUM001"),
    ("year: dua ribu\n", "$.year"),
    ("scale: [{min: 91}]\n", "$.scale"),
    ("max_file_mb: 0\n", "$.max_file_mb"),
])
def test_bad_values_name_json_path(tmp_path, text, where):
    write(tmp_path / ".lkjip-lint.yaml", text)
    with pytest.raises(ConfigError) as exc:
        load_config(None, tmp_path)
    assert where in str(exc.value)


def test_safe_load_refuses_python_objects(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "year: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(None, tmp_path)
    write(tmp_path / ".lkjip-lint.yaml", "year: !!python/object:pathlib.Path {}\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(None, tmp_path)


def test_not_a_mapping_and_empty_file(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "- a\n- b\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(None, tmp_path)
    write(tmp_path / ".lkjip-lint.yaml", "# only a comment\n")
    assert load_config(None, tmp_path).year is None


def test_full_config_loads(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", """\
select: [SUM, CAT]
ignore: [SUM002]
severity: {CAT001: warning, TAB: off}
rules: [rules-inspektorat]
scale:
  - {min: 91, label: Sangat Tinggi}
  - {min: 76, max: 90.99, label: Tinggi}
  - {min: 0, label: Sangat Rendah}
subject: {kind: kecamatan, name: Kecamatan Purbalingga, kabupaten: Purbalingga}
year: 2024
negative_indicators: [Angka kemiskinan]
lang: en
fail_on: warning
max_file_mb: 50
efficiency: {min_ratio: 1.0}
""")
    cfg = load_config(None, tmp_path)
    assert cfg.severity == {"CAT001": "warning", "TAB": "off"}  # bare YAML `off` kept as meant
    assert cfg.scale[0].label == "Sangat Tinggi" and cfg.scale[1].max == 90.99
    assert cfg.subject.kabupaten == "Purbalingga"
    assert cfg.rules == [(tmp_path / "rules-inspektorat").resolve()]
    assert cfg.max_file_mb == 50 and cfg.efficiency == {"min_ratio": 1.0}
    write(tmp_path / ".lkjip-lint.yaml", "scale: permendagri-86-2017\n")
    assert load_config(None, tmp_path).scale == "permendagri-86-2017"


def test_schema_and_model_agree():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {f.name for f in dataclasses.fields(Config)} - {"source"}
    assert cfgmod.schema_path().resolve() == SCHEMA.resolve()


# ---- CLI precedence ------------------------------------------------------------

def test_merge_cli_precedence(tmp_path):
    write(tmp_path / ".lkjip-lint.yaml", "select: [SUM]\nignore: [SUM002]\nlang: en\nfail_on: warning\n"
                                          "severity: {CAT001: info}\n")
    cfg = load_config(None, tmp_path)
    merged = cfg.merge_cli(lang="id", fail_on=None, select=("CAT,TAB",), ignore=["TAB001"],
                           severity={"SUM001": "warning"}, max_file_mb=5)
    assert merged.lang == "id" and merged.fail_on == "warning"  # None = not given
    assert merged.select == ["CAT", "TAB"]  # replaces
    assert merged.ignore == ["SUM002", "TAB001"]  # adds
    assert merged.severity == {"CAT001": "info", "SUM001": "warning"}
    assert merged.max_file_mb == 5 and merged.source == cfg.source
    assert cfg.lang == "en"  # the original is untouched
    assert cfg.merge_cli(select=()).select == ["SUM"]  # click's empty tuple = absent


def test_merge_cli_rejects_bad_values():
    with pytest.raises(ConfigError, match="lang"):
        Config().merge_cli(lang="fr")
    with pytest.raises(ConfigError, match="unknown option"):
        Config().merge_cli(colour="red")


# ---- selection -------------------------------------------------------------------

IDS = ["SUM001", "SUM002", "SUM010", "CAT001", "TAB001", "TAB002"]


@pytest.mark.parametrize("select, ignore, expected", [
    ([], [], set(IDS)),
    (["ALL"], [], set(IDS)),
    (["SUM"], [], {"SUM001", "SUM002", "SUM010"}),
    (["SUM0"], ["SUM01"], {"SUM001", "SUM002"}),
    (["SUM001"], [], {"SUM001"}),
    ([], ["SUM"], {"CAT001", "TAB001", "TAB002"}),
    (["SUM"], ["SUM"], set()),  # equal specificity: ignore wins
    (["SUM001"], ["SUM"], {"SUM001"}),  # select more specific: select wins
    (["SUM"], ["SUM001"], {"SUM002", "SUM010"}),
    (["ALL"], ["TAB"], {"SUM001", "SUM002", "SUM010", "CAT001"}),
    ([], ["ALL"], set()),
    (["sum001", " cat "], [], {"SUM001", "CAT001"}),  # case and spaces do not matter
    (["SUM,CAT"], ["SUM002"], {"SUM001", "SUM010", "CAT001"}),  # comma-separated CLI values
    (["XYZ"], [], set()),
])
def test_select_rules(select, ignore, expected):
    assert select_rules(IDS, select, ignore) == expected


def test_ignore_removes_exactly_that_rule():
    assert set(IDS) - select_rules(IDS, [], ["TAB001"]) == {"TAB001"}


def test_unknown_selectors_and_severity_for():
    assert unknown_selectors(IDS, ["SUM", "XYZ", "ALL", "TAB00"]) == ["XYZ"]
    mapping = {"SUM": "warning", "SUM001": "off", "CAT001": "info"}
    assert severity_for("SUM001", "error", mapping) is None
    assert severity_for("SUM002", "error", mapping) == "warning"
    assert severity_for("CAT001", "error", mapping) == "info"
    assert severity_for("TAB001", "error", mapping) == "error"
