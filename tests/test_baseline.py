"""Baselines hide exactly the recorded findings, counting duplicates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkjip_lint.baseline import BaselineError, apply_baseline, fingerprint, write_baseline
from lkjip_lint.document import Location
from lkjip_lint.finding import Finding
from lkjip_lint.results import FileResult


def finding(rule: str, key: str, line: int, file: str = "laporan.txt", msg: str = "m") -> Finding:
    return Finding(rule=rule, severity="error", message=msg, location=Location(line=line),
                   fingerprint=fingerprint(rule, key, file))


def test_fingerprint_is_stable_short_hex():
    fp = fingerprint("SUM001", "Tabel 3.2|IKM|102.51", "laporan.txt")
    assert fp == fingerprint("SUM001", "Tabel 3.2|IKM|102.51", "laporan.txt")
    assert len(fp) == 16 and int(fp, 16) >= 0
    assert fp != fingerprint("SUM002", "Tabel 3.2|IKM|102.51", "laporan.txt")
    assert fp != fingerprint("SUM001", "Tabel 3.2|IKM|102.51", "lain.txt")
    assert fingerprint("A", "BC", "x") != fingerprint("AB", "C", "x")


def test_write_then_apply_hides_all_even_after_lines_moved(tmp_path):
    before = [FileResult(path="docs/laporan.txt", format="text",
                         findings=[finding("SUM001", "t3.2|IKM", 515, msg="Capaian <salah>"),
                                   finding("CAT001", "t3.2|IKM", 516)])]
    base = tmp_path / "baseline.json"
    assert write_baseline(before, base, root=Path.cwd()) == 2
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert {e["file"] for e in data["findings"]} == {"docs/laporan.txt"}
    assert {"file", "rule", "fingerprint", "message"} <= set(data["findings"][0])

    # Two lines inserted at the top: same findings at new lines, plus one new defect.
    after = [FileResult(path="docs/laporan.txt", format="text",
                        findings=[finding("SUM001", "t3.2|IKM", 517), finding("CAT001", "t3.2|IKM", 518),
                                  finding("SUM001", "t3.3|Pagu", 600)])]
    kept, unused = apply_baseline(after, base, root=Path.cwd())
    assert [(f.rule, f.location.line) for f in kept[0].findings] == [("SUM001", 600)]
    assert unused == []
    assert len(after[0].findings) == 3  # the input is not modified


def test_duplicates_are_counted(tmp_path):
    base = tmp_path / "b.json"
    write_baseline([FileResult(path="l.txt", findings=[finding("SUM001", "k", 1, "l.txt")])], base)
    now = [FileResult(path="l.txt", findings=[finding("SUM001", "k", 1, "l.txt"), finding("SUM001", "k", 9, "l.txt")])]
    kept, unused = apply_baseline(now, base)
    assert [f.location.line for f in kept[0].findings] == [9]  # one entry hides one finding
    assert unused == []


def test_unused_entries_reported(tmp_path):
    base = tmp_path / "b.json"
    old = [FileResult(path="l.txt", findings=[finding("SUM001", "k", 1, "l.txt"), finding("SUM001", "k", 2, "l.txt"),
                                              finding("TAB001", "gone", 3, "l.txt")])]
    write_baseline(old, base)
    now = [FileResult(path="l.txt", findings=[finding("SUM001", "k", 1, "l.txt")])]
    kept, unused = apply_baseline(now, base)
    assert kept[0].findings == []
    assert sorted(e["rule"] for e in unused) == ["SUM001", "TAB001"]  # the second SUM001 copy matched nothing


def test_same_fingerprint_in_another_file_not_hidden(tmp_path):
    base = tmp_path / "b.json"
    write_baseline([FileResult(path="a.txt", findings=[finding("SUM001", "k", 1, "a.txt")])], base)
    # a check that forgot the file in its key would give equal fingerprints; the file still tells them apart
    f = finding("SUM001", "k", 1, "a.txt")
    kept, unused = apply_baseline([FileResult(path="b.txt", findings=[f])], base)
    assert len(kept[0].findings) == 1 and len(unused) == 1


def test_findings_without_fingerprint_use_location_labels(tmp_path):
    def f(line, page):
        return Finding(rule="NUM001", severity="warning", message="m",
                       location=Location(line=line, page=page, table="Tabel 2.1", row="Belanja"), actual="1.473.36")
    base = tmp_path / "b.json"
    write_baseline([FileResult(path="d.pdf", findings=[f(None, 3)])], base)
    kept, _ = apply_baseline([FileResult(path="d.pdf", findings=[f(None, 4)])], base)
    assert kept[0].findings == []


def test_unreadable_results_pass_through(tmp_path):
    base = tmp_path / "b.json"
    write_baseline([], base)
    bad = FileResult(path="x.pdf", error="rusak")
    kept, unused = apply_baseline([bad], base)
    assert kept[0].error == "rusak" and unused == []


@pytest.mark.parametrize("text", ["not json", "[]", '{"version": 3, "findings": []}', '{"version": 1, "findings": [{"rule": 1}]}'])
def test_bad_baseline_file(tmp_path, text):
    base = tmp_path / "b.json"
    base.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match="b.json"):
        apply_baseline([], base)


def test_missing_baseline_file(tmp_path):
    with pytest.raises(BaselineError, match="cannot read"):
        apply_baseline([], tmp_path / "missing.json")


def test_same_name_in_two_folders_does_not_share_entries(tmp_path):
    """Keyed by the path from the project root: 2023/laporan.txt's accepted finding does not hide 2024/laporan.txt's."""
    (tmp_path / ".git").mkdir()
    base = tmp_path / "ci" / "baseline.json"
    base.parent.mkdir()
    old, new = tmp_path / "2023" / "laporan.txt", tmp_path / "2024" / "laporan.txt"
    same = finding("SUM001", "k", 1, "laporan.txt")  # equal fingerprints: the basename is all they share
    write_baseline([FileResult(path=str(old), findings=[same])], base)
    assert json.loads(base.read_text(encoding="utf-8"))["findings"][0]["file"] == "2023/laporan.txt"
    kept, unused = apply_baseline([FileResult(path=str(old), findings=[same]),
                                   FileResult(path=str(new), findings=[same])], base)
    assert kept[0].findings == [] and len(kept[1].findings) == 1 and unused == []


def test_keys_do_not_depend_on_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    report = tmp_path / "laporan" / "a.txt"
    base = tmp_path / "baseline.json"
    f = finding("SUM001", "k", 1, "a.txt")
    monkeypatch.chdir(tmp_path)
    write_baseline([FileResult(path="laporan/a.txt", findings=[f])], base)
    monkeypatch.chdir(tmp_path / ".git")
    kept, unused = apply_baseline([FileResult(path=str(report), findings=[f])], base)
    assert kept[0].findings == [] and unused == []


def test_version_1_baselines_still_match_by_basename(tmp_path):
    base = tmp_path / "b.json"
    f = finding("SUM001", "k", 1, "a.txt")
    base.write_text(json.dumps({"version": 1, "findings": [
        {"file": "a.txt", "rule": "SUM001", "fingerprint": f.fingerprint, "message": "m"}]}), encoding="utf-8")
    kept, unused = apply_baseline([FileResult(path="somewhere/a.txt", findings=[f])], base)
    assert kept[0].findings == [] and unused == []
