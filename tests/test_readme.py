"""The README stays true: its rule table is generated from rules/, its commands exist."""
import re

from tests.helpers import ROOT


def test_readme_rule_table_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("rules_table", ROOT / "tools" / "rules_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.table() in text, "run: python tools/rules_table.py --write"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"Install and run the tests.*?```sh\n(.*?)\n```", readme, re.S).group(1)
    for part in command.split(" && "):
        assert part.strip() in ci


def test_readme_shows_each_relation_kind_with_an_example_that_loads():
    import re

    import yaml

    from lkjip_lint.checks import RELATION_KINDS, load_kind
    from lkjip_lint.checks.base import parse_params

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = {}
    for line in re.findall(r"^- \{kind: .*$", text, re.M):
        [rule] = yaml.safe_load(line)
        shown[rule["kind"]] = parse_params(load_kind(rule["kind"]), rule["params"])  # raises when it does not load
    assert set(shown) == set(RELATION_KINDS)
