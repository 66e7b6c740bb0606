"""Every bundled rule's `examples:` runs: the good one gives the rule no error or
warning, the bad one at least one (an info rule: at least one finding). The
examples are the ones `lkjip-lint explain CODE` prints, decoded the same way."""
from pathlib import Path

import pytest

from lkjip_lint.engine.loader import load_rules
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.report import Report
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers import read_any

# Examples that show what a rule is for but cannot run as a small text report: rule → reason.
NOT_RUNNABLE: dict[tuple[str, str], str] = {
    ("READ003", "bad"): "reader notes come only from the PDF reader (a page without a text layer); "
                        "a text or data snippet cannot carry one",
}


def _cases():
    for rule in load_rules():
        for which in ("good", "bad"):
            marks = []
            if (rule.id, which) in NOT_RUNNABLE:
                marks.append(pytest.mark.xfail(reason=NOT_RUNNABLE[rule.id, which], strict=True))
            yield pytest.param(rule, which, id=f"{rule.id}-{which}", marks=marks)


def _findings(rule, which: str, tmp_path: Path):
    # read from a file, as `check` would: a data example (starting "--- ") by the data reader
    path = tmp_path / ("example" + rule.examples.suffix(which))
    path.write_text(rule.examples.decoded(which), encoding="utf-8")
    report = Report(document=read_any(path), vocab=load_vocabulary())
    return run_rules(report, [rule], "id")


def _counted(rule, found):
    if rule.severity == "info":
        return found
    return [f for f in found if f.severity in ("error", "warning")]


@pytest.mark.parametrize("rule, which", list(_cases()))
def test_rule_example(rule, which, tmp_path):
    assert rule.examples.decoded(which), f"{rule.id} has no {which} example"
    found = _counted(rule, _findings(rule, which, tmp_path))
    if which == "good":
        assert found == [], [f.message for f in found]
    else:
        assert found, f"{rule.id}: the bad example gives no finding"


def test_decoding_lines_cells_and_empty_cells():
    from lkjip_lint.engine.rule import decode_example

    assert decode_example("1 | Lor | 6 ⏎ | Jumlah | 6 ⏎ ⏎ Teks.") == "1\tLor\t6\n\tJumlah\t6\n\nTeks."
    assert decode_example("--- {a: 1 | 2}") == "--- {a: 1 | 2}"  # report data is YAML, left as written


def test_explain_prints_the_decoded_examples():
    from click.testing import CliRunner

    from lkjip_lint.cli import main

    output = CliRunner().invoke(main, ["explain", "SUM001"]).output
    rule = next(r for r in load_rules() if r.id == "SUM001")
    for which in ("good", "bad"):
        for line in rule.examples.decoded(which).split("\n"):
            assert "    " + line.replace("\t", " | ") in output.split("\n")
