"""A single file's rules on two processes (engine.split): same findings, in the same order, as on one."""
from __future__ import annotations

import os
import time

import pytest

from lkjip_lint.engine import split
from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(not split.available(), reason="fork on Linux with two or more cores only")


@pytest.fixture(autouse=True)
def idle_core(monkeypatch):
    """The split waits for an idle core; a test suite running beside it may keep both busy."""
    monkeypatch.setattr(split, "core_free", lambda: True)


def test_results_come_back_in_order_from_both_processes():
    def run_one(i):
        time.sleep(0.02)  # long enough for the forked copy to take its share
        return (i * i, os.getpid())

    results, _ = split.run_split(30, run_one, lambda: {})
    assert [r[0] for r in results] == [i * i for i in range(30)]
    assert len({pid for _, pid in results}) == 2  # the second process did some of the work


def test_what_the_copy_worked_out_comes_back():
    parent = os.getpid()
    _, kept = split.run_split(4, lambda i: time.sleep(0.02) or i, lambda: {"who": os.getpid() != parent})
    assert kept == {"who": True}  # sent when the copy has no rule left, even if it took none


def test_rules_the_copy_took_and_never_answered_are_run_here():
    parent = os.getpid()

    def run_one(i):
        time.sleep(0.02)
        if os.getpid() != parent and i >= 3:
            os._exit(3)  # the copy dies in the middle of its work
        return -i

    results, _ = split.run_split(12, run_one, lambda: {})
    assert results == [-i for i in range(12)]


def test_a_busy_machine_runs_the_rules_on_one_process(monkeypatch):
    monkeypatch.setattr(split, "core_free", lambda: False)
    parent = os.getpid()
    results, _ = split.run_split(6, lambda i: (i, os.getpid()), lambda: {"x": 1})
    assert results == [(i, parent) for i in range(6)]


def test_a_report_checked_on_two_processes_reads_as_on_one():
    from lkjip_lint.datamodel import dump
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.engine.runner import run_rules
    from lkjip_lint.lint import Options, build_report

    options = Options(rules=load_rules())
    report = ROOT / "fixtures" / "purbalingga-2024.txt"
    one = run_rules(build_report(report, options), options.rules, "id")
    two_report = build_report(report, options)
    two = run_rules(two_report, options.rules, "id", two_processes=True)
    assert one, "the sample report has findings"
    assert [dump(f) for f in two] == [dump(f) for f in one]
    assert "subject" in vars(two_report)  # worked out by whichever process: the result reads it


def test_a_shared_reading_that_fails_is_each_needing_checks_error_as_on_one_process(monkeypatch):
    """A reading worked out before the split (here the list counts) that raises must not end the run:
    each check that needs it reports the error, as on one process."""
    from lkjip_lint.datamodel import dump
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.engine.runner import run_rules
    from lkjip_lint.interpret import counts
    from lkjip_lint.lint import Options, build_report

    def broken(*_args, **_kwargs):
        raise ValueError("a reader bug")

    monkeypatch.setattr(counts, "list_counts", broken)
    options = Options(rules=load_rules())
    report = ROOT / "fixtures" / "purbalingga-2024.txt"
    one = run_rules(build_report(report, options), options.rules, "id")
    two = run_rules(build_report(report, options), options.rules, "id", two_processes=True)
    crashed = {f.rule for f in one if "ValueError" in f.message or "a reader bug" in f.message}
    assert crashed == {"COUNT003", "READ004"}, crashed  # the list-count rule and coverage
    assert [dump(f) for f in two] == [dump(f) for f in one]


@pytest.mark.parametrize("two_processes", [False, True])
def test_a_bug_in_reading_the_tables_is_each_checks_error_not_a_traceback(monkeypatch, two_processes):
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.engine.runner import run_rules
    from lkjip_lint.interpret import report as report_module
    from lkjip_lint.lint import Options, build_report

    def broken(*_args, **_kwargs):
        raise ValueError("a table the reader cannot handle")

    monkeypatch.setattr(report_module, "build_view", broken)
    options = Options(rules=load_rules())
    found = run_rules(build_report(ROOT / "fixtures" / "purbalingga-2024.txt", options), options.rules, "en",
                      two_processes=two_processes)
    assert found and all("failed to run (ValueError)" in f.message for f in found)
    assert {f.rule for f in found} <= {r.id for r in options.rules}
