"""Nothing stalls (issue 15, point 4): checks run under a time limit, user patterns
included, and the cost of a check grows linearly with the document."""
import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from bench.many_tables import many_tables
from lkjip_lint.cli import main
from lkjip_lint.engine.deadline import CheckTimeout, available, time_limit

from tests.helpers import FIXTURES, ROOT

SLOW_TABLE = f"Tabel 1\n\nNo\t{'a' * 40}b\tJumlah\n1\tx\t5\n2\ty\t6\n"


@pytest.fixture
def slow_rules(tmp_path):
    """A user's tables.yaml with a pattern that backtracks for minutes on the header above."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "tables.yaml").write_text("roles:\n  - {role: target, match: ['^(a+)+$']}\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(not available(), reason="SIGALRM is needed for the time limit")
def test_a_backtracking_user_pattern_is_stopped_with_a_clear_finding(tmp_path, slow_rules):
    report = tmp_path / "lambat.txt"
    report.write_text(SLOW_TABLE, encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "lkjip_lint", "check", "--format", "json", "--check-timeout", "1",
                           "--rules", str(slow_rules), str(report)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert time.monotonic() - start < 30
    assert proc.returncode == 1, proc.stderr
    [entry] = json.loads(proc.stdout)["files"]
    stopped = [f for f in entry["findings"] if "dihentikan setelah 1 detik" in f["message"]]
    assert stopped and stopped[0]["severity"] == "error" and "--check-timeout" in stopped[0]["message"]


@pytest.mark.skipif(not available(), reason="SIGALRM is needed for the time limit")
def test_the_limit_comes_from_the_configuration_too(tmp_path, slow_rules):
    report = tmp_path / "lambat.txt"
    report.write_text(SLOW_TABLE, encoding="utf-8")
    (tmp_path / ".lkjip-lint.yaml").write_text("check_timeout: 0.5\nlang: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(slow_rules), str(report)])
    assert result.exit_code == 1
    assert "stopped after 0.5 seconds" in result.stdout


@pytest.mark.skipif(not available(), reason="SIGALRM is needed for the time limit")
def test_a_check_cannot_swallow_the_time_limit():
    start = time.monotonic()
    with pytest.raises(CheckTimeout):
        with time_limit(0.2):
            while True:
                try:
                    time.sleep(0.05)
                except Exception:  # a check's broad handler must not hide the limit
                    pass
    assert time.monotonic() - start < 2


def test_the_limit_is_a_checked_config_value(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("check_timeout: -1\n", encoding="utf-8")
    report = FIXTURES / "purbalingga-2024-clean.txt"
    result = CliRunner().invoke(main, ["check", "--config", str(cfg), str(report)])
    assert result.exit_code == 2 and "check_timeout" in result.output


def _per_rule(path, rules) -> dict[str, float]:
    """Seconds per rule (best of three: on a loaded machine one slow run of a 10 ms rule would read as
    quadratic), reading the tables counted apart."""
    from lkjip_lint.engine.runner import run_rules
    from lkjip_lint.lint import Options, build_report

    best: dict[str, float] = {}
    for _ in range(3):
        report = build_report(path, Options(rules=rules))
        start = time.perf_counter()
        report.views  # noqa: B018
        times = {"reading the tables": time.perf_counter() - start}
        for rule in rules:
            start = time.perf_counter()
            run_rules(report, [rule], "id")
            times[rule.id] = time.perf_counter() - start
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return best


def test_the_cost_grows_linearly_with_the_number_of_tables(tmp_path):
    """Four times the tables must cost about four times as much, in total and for every
    rule that takes measurable time (quadratic would be sixteen). bench/bench_scaling.py
    measures the 2 MB text."""
    from lkjip_lint.engine.loader import load_rules

    rules = load_rules()
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(many_tables(150), encoding="utf-8")
    large.write_text(many_tables(600), encoding="utf-8")
    _per_rule(small, rules)  # warm: imports and compiled vocabularies
    t_small, t_large = _per_rule(small, rules), _per_rule(large, rules)
    assert sum(t_large.values()) / sum(t_small.values()) < 7
    slow = {k: round(t_large[k] / max(t_small[k], 1e-3), 1) for k in t_large if t_large[k] > 0.08}
    assert all(ratio < 8 for ratio in slow.values()), slow
