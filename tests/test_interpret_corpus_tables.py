"""Interpretation of the tables of real reports in ../shared/corpus: row kinds, column roles, relations.

Each expectation was written from reading the table in the fragment (the line
numbers are the fragment's), not copied from the program's output.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lkjip_lint.interpret.report import Report
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers.text import read

from tests.helpers import ROOT

MORE = ROOT.parent / "shared" / "corpus" / "more"
pytestmark = pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus not available")


@lru_cache(maxsize=None)
def report(name: str) -> Report:
    return Report(document=read(MORE / name), vocab=load_vocabulary())


def view_at(name: str, header_line: int):
    """The table whose header starts on `header_line` (or whose first row is there)."""
    for view in report(name).views:
        lines = [r.line for r in view.table.header_rows] + [view.table.line] + [r.line for r in view.rows[:1]]
        if header_line in lines:
            return view
    raise AssertionError(f"no table at line {header_line} of {name}")


def roles(view) -> list:
    return [c.role for c in view.columns]


def kinds(view) -> dict[int, str]:
    return {r.line: r.type for r in view.rows}


# ---- 32 Lombok Tengah: a one-row header over rows with two unlabelled extra columns -------------

def test_lombok_tengah_extra_columns_get_no_role():
    view = view_at("32-kab-lombok-tengah-2020-sasaran1.txt", 16)
    # No | Indikator Kinerja | Satua n | Target | Realisasi | % | (100) | (DP3AP2KB)
    assert roles(view)[:6] == ["no", None, "satuan", "target", "realisasi", "capaian"]
    assert roles(view)[6:] == [None, None]  # a repeated realisasi and the responsible unit: unlabelled
    assert kinds(view) == {17: "data", 18: "data", 19: "average"}
    row = next(r for r in view.rows if r.line == 17)
    assert [float(view.num(row, view.columns[j]).value) for j in (3, 4, 5)] == [90, 100, pytest.approx(111.11)]


# ---- 65 Inspektorat Labura: a change column between "Tahun N-1" and "Tahun N" ---------------------

def test_labura_change_column_between_relative_years():
    view = view_at("65-inspektorat-labura-reviu-lppd-2020.txt", 37)
    assert roles(view) == ["no", None, None, None, "perubahan"]
    assert [c.period for c in view.columns[2:4]] == [-1, 0]
    assert set(kinds(view).values()) == {"data"} and sorted(kinds(view)) == list(range(38, 44))
    row = next(r for r in view.rows if r.line == 41)  # "17.259,19": thousand dots and a decimal comma
    assert float(view.num(row, view.columns[2]).value) == 17259.19
    row = next(r for r in view.rows if r.line == 38)  # "- 28,39%": the sign split from the number
    assert float(view.num(row, view.columns[4]).value) == -28.39
