"""What the sentences of other agencies' reports say, pinned: the claims, changes and facts a careful
reviewer reads in each fragment of ../shared/corpus/more (written from reading the fragments, line by
line; see each fragment's text). Tables are pinned in their own tests."""
from pathlib import Path

import pytest

from lkjip_lint.interpret.changes import achievement_statements, change_statements
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers.text import read

MORE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "more"
pytestmark = pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus/more is not beside the project")


def report(prefix: str) -> Report:
    [path] = MORE.glob(prefix + "-*.txt")
    return Report(document=read(path), vocab=load_vocabulary(), settings=Settings())


def claims(prefix: str) -> set[tuple]:
    return {(c.kind, c.line, c.value.raw if c.value else None, tuple(sorted((k, v.raw) for k, v in c.values.items())))
            for c in report(prefix).claims}


# (fragment, [(kind, line, value as printed, {role: value as printed})])
SENTENCES = [
    ("06", [("capaian", 5, None, {"target": "80", "realisasi": "72,39", "capaian": "90,49%"})]),
    ("12", [("ratio", 27, "85.77%", {"part": "22.736.501", "base": "26.508.500"})]),
    ("13", [("efficiency", 13, "6,60%", {"serapan": "90,44%", "capaian": "97,04%"}),
            ("efficiency", 13, "6,98%", {"serapan": "90,44%", "capaian": "97,42%"})]),
    ("42", [("capaian", 9, None, {"target": "90,89", "realisasi": "92,22", "capaian": "101,46"}),
            ("capaian", 29, None, {"target": "81,73", "realisasi": "82,92", "capaian": "101,46"})]),
    ("45", [("share", 11, "60,00%", {"part": "3", "base": "5"}), ("share", 13, "20,00%", {"part": "1", "base": "5"})]),
    ("48", [("capaian", 12, None, {"target": "0,277", "realisasi": "0,320", "capaian": "115,52"}),
            ("capaian", 14, None, {"target": "0,370", "realisasi": "0,293", "capaian": "79,19"})]),
    ("61", [("sum", 9, "Rp.12.372.380.505,-", {}), ("sum", 11, "Rp. 11.086.045.405,-", {}),
            ("budget", 13, "84,33 persen", {"pagu": "Rp. 11.086.045.405,-", "realisasi_anggaran": "Rp. 9.349.027.544,-"}),
            ("remainder", 15, "Rp. 1.737.017.861,-", {"pagu": "Rp. 11.086.045.405,-", "realisasi_anggaran": "Rp. 9.349.027.544,-"}),
            ("share_of_total", 15, "15,67 persen", {"part": "Rp. 1.737.017.861,-", "base": "Rp. 11.086.045.405,-"})]),
    # "Angka ini" on line 7 is the 4,88 of line 5
    ("63", [("capaian", 7, None, {"target": "32", "realisasi": "4,88", "capaian": "184,75"}),
            ("capaian", 9, None, {"target": "24", "realisasi": "4,88", "capaian": "179,67"})]),
    ("67", [("sum", 11, "Rp.105.370.538.000", {}),
            ("change_total", 13, "Rp. 103.826.538.000", {"before": "Rp.105.370.538.000", "change": "Rp. 1.544.000.000,-"}),
            ("budget", 15, "23.03%", {"pagu": "Rp. 103.826.538.000", "realisasi_anggaran": "Rp. 23.906.077.655"})]),
]


@pytest.mark.parametrize("prefix, expected", SENTENCES, ids=[s[0] for s in SENTENCES])
def test_sentences_read_as_a_reviewer_reads_them(prefix, expected):
    got = claims(prefix)
    for kind, line, value, values in expected:
        assert (kind, line, value, tuple(sorted(values.items()))) in got, (kind, line, sorted(got))


def test_ratios_are_not_read_as_two_numbers():
    # 48: "target akhir RPJM yaitu 1:32 … terealisasi 1:17,9": no capaian claim from the ratios
    assert not [c for c in report("48").claims if c.line in (18, 20)]


def test_the_rate_base_mismatch_of_63():
    [unit] = [c for c in report("63").claims if c.kind == "unit"]
    assert (unit.line, unit.label, unit.indicator) == (9, "per 100.000", "per 1.000")


def test_breakdown_parts_and_formula_written_out():
    r = report("06")
    [arith] = [c for c in r.claims if c.kind == "arith"]
    assert arith.line == 14 and arith.value.raw == "72,39%" and [p.raw for p in arith.parts] == [
        "0,376", "77,50%", "0,405", "84,18%", "0,219", "41,81%"]
    [fraction] = [c for c in report("42").claims if c.kind == "arith"]
    assert fraction.line == 13 and [p.raw for p in fraction.parts] == ["36.743", "39.834"] and fraction.value.raw == "92.22"


def test_change_statements():
    # 06 line 5: realisasi 72,39 (sentence before) against 2019's 67,1: up by 5,29 points
    [change] = change_statements(report("06"))
    assert (change.block.line, change.up, change.amount.raw, change.baseline.raw, change.current.raw) == (
        5, True, "5,29", "67,1", "72,39")
    # 42 line 25: capaian 2016 against 2015, from Tabel 3.3.9
    [change] = change_statements(report("42"))
    assert (change.block.line, change.up, change.amount.raw, change.measure, change.later, change.earlier) == (
        25, True, "8,54", "capaian", 2016, 2015)


def test_achievement_statements():
    by_line = {(a.block.line, a.met, (a.capaian or a.realisasi).raw) for f in ("06", "12", "14")
               for a in achievement_statements(report(f))}
    assert (5, False, "90,49%") in by_line  # 06: "capaian … 90,49% atau belum bisa memenuhi target"
    assert (25, True, "102.97%") in by_line  # 12: "melebihi target … ketercapaian 102.97%"
    assert (21, True, "78,51%") in by_line  # 14: "APK sebesar 78,51% yang berarti telah mencapai target … 72,05%"


def test_text_facts_bound_to_the_indicator_of_the_table():
    facts = {(f.measure, f.value.raw, f.how) for f in report("43").facts if f.source == "text"}
    assert facts == {("realisasi", "87.93", "repeats-table-value"), ("capaian", "98.90%", "capaian-after-value")}
