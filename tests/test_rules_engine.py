"""Rules are data: schema validation of rule files, the registry, the safe evaluator, messages."""
import json
from pathlib import Path
from decimal import Decimal

import pytest
import yaml

from lkjip_lint.checks import KINDS, load_kind
from lkjip_lint.engine.expr import ExpressionError, Formula
from lkjip_lint.engine.loader import RuleFileError, load_rule_file, load_rules
from lkjip_lint.engine.tolerance import Interval
from lkjip_lint.resources import rules_dir, schema_path

GOOD = {"rules": [{"id": "USR001", "name": "my-capaian", "kind": "formula", "severity": "warning",
                   "summary": {"id": "Ringkas", "en": "Summary"}, "message": {"id": "Pesan {row}", "en": "Message {row}"},
                   "params": {"of": "row", "result": "capaian",
                              "formulas": [{"name": "p", "expr": "realisasi / target * 100"}]}}]}


def write(tmp_path, data, name="user.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_bundled_rules_load_and_every_kind_is_registered():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) >= 20
    for rule in rules:
        module = load_kind(rule.kind)
        assert module.__doc__ and "Good" in module.__doc__ and "Bad" in module.__doc__, rule.kind
        assert rule.summary.id and rule.summary.en and rule.message.id and rule.message.en


def test_schema_kind_enum_matches_the_registry():
    schema = json.loads(schema_path("rule.schema.json").read_text())
    assert set(schema["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)


def test_schema_is_generated_from_the_registry_and_the_params_models():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_schema", Path(__file__).resolve().parents[1] / "tools" / "gen_schema.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert schema_path("rule.schema.json").read_text(encoding="utf-8") == gen.rule_schema_text(), \
        "schemas/rule.schema.json is stale: run python tools/gen_schema.py"


def test_relation_kinds_are_few_and_the_other_kinds_say_why_they_are_not_relations():
    from lkjip_lint.checks import CHECK_KINDS, RELATION_KINDS

    assert len(RELATION_KINDS) <= 12
    for kind in CHECK_KINDS:
        doc = load_kind(kind).__doc__
        assert "Not a relation:" in doc, kind
    rules = load_rules()
    # every bundled rule of a relation kind says which facts it relates
    assert all("of" in r.params for r in rules if r.kind in RELATION_KINDS)


def test_old_kind_names_load_as_the_relation_kind_with_a_note(tmp_path, capsys):
    data = json.loads(json.dumps(GOOD))
    data["rules"][0]["kind"] = "row_formula"
    del data["rules"][0]["params"]["of"]
    data["rules"].append({"id": "USR002", "name": "my-totals", "kind": "column_total", "severity": "error",
                          "summary": {"id": "x", "en": "x"}, "message": {"id": "x", "en": "x"}})
    data["rules"].append({"id": "USR003", "name": "my-counts", "kind": "count_claims", "severity": "error",
                          "params": {"source": "pk"}, "summary": {"id": "x", "en": "x"}, "message": {"id": "x", "en": "x"}})
    rules = {r.id: r for r in load_rule_file(write(tmp_path, data))}
    assert (rules["USR001"].kind, rules["USR001"].params["of"], rules["USR001"].params["result"]) == ("formula", "row", "capaian")
    assert (rules["USR002"].kind, rules["USR002"].params) == ("sum", {"of": "column"})
    assert (rules["USR003"].kind, rules["USR003"].params) == ("count", {"of": "pk"})
    err = capsys.readouterr().err
    assert "kind 'row_formula' is deprecated; write `kind: formula` with `of: row`" in err
    assert "kind 'column_total' is deprecated; write `kind: sum` with `of: column`" in err and "`source:` is now `of:`" in err


def test_an_unknown_of_is_a_load_error_naming_the_values(tmp_path):
    data = json.loads(json.dumps(GOOD))
    data["rules"][0]["params"]["of"] = "rows"
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, data))
    assert err.value.field == "params.of" and "'row'" in err.value.reason and "'share'" in err.value.reason


def test_user_rule_directory_adds_rules(tmp_path):
    write(tmp_path, GOOD)
    assert "USR001" in {r.id for r in load_rules((tmp_path,))}


@pytest.mark.parametrize("mutate, field", [
    (lambda r: r.pop("severity"), ""),
    (lambda r: r.update(severity="fatal"), "severity"),
    (lambda r: r.update(kind="eval_python"), "kind"),
    (lambda r: r.update(id="x1"), "id"),
    (lambda r: r["message"].pop("en"), "message"),
    (lambda r: r.update(colour="red"), ""),
    (lambda r: r["params"].update(result=7), "params.result"),
    (lambda r: r["params"]["formulas"][0].update(expr="__import__('os').system('x')"), "params.formulas.0.expr"),
])
def test_malformed_rule_files_are_rejected_naming_file_rule_and_field(tmp_path, mutate, field):
    data = json.loads(json.dumps(GOOD))
    mutate(data["rules"][0])
    path = write(tmp_path, data)
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    assert str(path) in str(err.value)
    assert err.value.rule in ("USR001", "x1", "#1")
    assert err.value.field.startswith(field)


def test_yaml_tags_are_not_constructed(tmp_path):
    path = write(tmp_path, "rules: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(RuleFileError, match="not valid YAML"):
        load_rule_file(path)


def test_cli_exits_2_on_a_bad_rule_folder(tmp_path):
    from click.testing import CliRunner

    from lkjip_lint.cli import main

    write(tmp_path, {"rules": [{"id": "BAD"}]})
    result = CliRunner().invoke(main, ["check", "--rules", str(tmp_path), str(rules_dir() / "tables.yaml")])
    assert result.exit_code == 2 and "user.yaml" in result.output


@pytest.mark.parametrize("source", [
    "target.__class__", "open('x')", "realisasi ** 1000000", "[x for x in target]", "target[0]",
    "lambda: 1", "target if realisasi else 1", "__import__('os')", "a" * 400,
])
def test_safe_evaluator_rejects_everything_but_arithmetic(source):
    with pytest.raises(ExpressionError):
        Formula(source)


def test_safe_evaluator_carries_intervals():
    f = Formula("realisasi / target * 100")
    result = f({"realisasi": Interval(Decimal("93.845"), Decimal("93.855"), Decimal("93.85")),
                "target": Interval.exact(Decimal("91.5"))})
    assert result.lo < Decimal("102.57") < result.hi and list(f.names) == ["realisasi", "target"]
    assert Formula("abs(-2 + 1)")({}).point == 1


def test_messages_render_in_both_languages():
    from tests.helpers import findings, tsv

    text = tsv("Indikator | Target | Realisasi | Capaian (%)", "IKM | 91.5 | 93.85 | 102.51")
    [id_] = findings(text, "CAP001", lang="id")
    [en] = findings(text, "CAP001", lang="en")
    assert "seharusnya" not in id_.message and "102,57" in id_.message
    assert "102.57" in en.message and "gives" in en.message


def test_safe_evaluator_rejects_non_finite_constants():
    with pytest.raises(ExpressionError):
        Formula("realisasi * 1e999")


def test_the_record_of_validated_bundled_rule_files_is_current():
    import importlib.util

    from tests.helpers import ROOT

    spec = importlib.util.spec_from_file_location("validate_rules", ROOT / "tools" / "validate_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, target = module.record()  # validates every bundled rule file as it goes
    assert target.read_text(encoding="utf-8") == text, "run: python tools/validate_rules.py --write"


def test_a_changed_bundled_file_is_validated_again(tmp_path, monkeypatch):
    from lkjip_lint.engine import loader

    bad = rules_dir() / "zz-temporary-test.yaml"
    bad.write_text("rules: [{id: BAD}]\n", encoding="utf-8")
    try:
        with pytest.raises(RuleFileError):
            loader.load_rule_file(bad)  # not in the record: validated, and refused
    finally:
        bad.unlink()


def test_bundled_parameters_built_without_pydantic_equal_the_validated_ones():
    """A bundled rule file unchanged since release is built as it is (no pydantic at start-up); what that
    gives must be exactly what validating the same parameters gives (types, nested classes, defaults)."""
    from lkjip_lint.checks.base import parse_params

    rules = load_rules()
    assert rules and all(r.trusted and r.parsed is None for r in rules)  # built when they run
    for rule in rules:
        module = load_kind(rule.kind)
        built, validated = parse_params(module, rule.params, trusted=True), parse_params(module, rule.params)
        assert built == validated and type(built) is type(validated), rule.id


def test_a_check_of_a_text_report_imports_no_validator_and_no_yaml_parser(tmp_path):
    """pydantic (a third of the start-up) and jsonschema are for validating what users write, PyYAML for
    reading it; the bundled rules and vocabularies come from their record (datafiles.py)."""
    import subprocess
    import sys

    report = tmp_path / "laporan.txt"
    report.write_text("BAB I PENDAHULUAN\nTabel 1.1 Capaian\nNo\tIndikator\tTarget\tRealisasi\tCapaian (%)\n"
                      "1\tIndeks Kepuasan Masyarakat\t80\t88\t110\n", encoding="utf-8")
    code = ("import sys\nfrom lkjip_lint.cli import main\ntry:\n    main(['check', '--format', 'json', sys.argv[1]])\n"
            "except SystemExit:\n    pass\nprint(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'jsonschema', 'yaml'}) or 'CLEAN')")
    out = subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True, cwd=tmp_path)
    assert out.stdout.strip().splitlines()[-1] == "CLEAN", out.stderr[-2000:]


def test_a_user_rule_refused_by_its_class_names_the_field(tmp_path):
    data = json.loads(json.dumps(GOOD))
    data["rules"][0]["params"]["result"] = "capaian_kinerja_xyz"  # no such measure
    with pytest.raises(RuleFileError) as err:
        load_rule_file(write(tmp_path, data))
    assert err.value.field == "params.result" and "unknown measure" in err.value.reason


def test_prepare_imports_what_each_rule_will_run():
    import subprocess
    import sys

    code = ("import sys\nfrom lkjip_lint.engine.loader import load_rules\nfrom lkjip_lint.checks import prepare\n"
            "before = set(sys.modules)\nprepare(load_rules())\n"
            "print(' '.join(sorted(m for m in set(sys.modules) - before if m.startswith('lkjip_lint.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split()
    # the kind of CAP001 (formula, of: row) and the module behind its `of:`
    assert "lkjip_lint.relations.formula" in out and "lkjip_lint.relations._row_formula" in out, out
