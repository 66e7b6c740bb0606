"""A single file's rules on two processes (engine.split): same findings, in the same order, as on one."""
from __future__ import annotations

import json
import os
import time

import pytest

from lkjip_lint.engine import split
from tests.helpers import ROOT, run_cli

pytestmark = pytest.mark.skipif(not split.available(), reason="fork on Linux with two or more cores only")


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


def test_a_report_checked_on_two_processes_reads_as_on_one(tmp_path):
    report = ROOT / "fixtures" / "purbalingga-2024.txt"
    two = run_cli("check", "--format", "json", str(report))
    one = run_cli("check", "--jobs", "1", "--format", "json", str(report))
    assert two.returncode == one.returncode == 1, two.stderr + one.stderr
    assert json.loads(two.stdout)["files"][0]["findings"], "the sample report has findings"
    assert two.stdout == one.stdout
