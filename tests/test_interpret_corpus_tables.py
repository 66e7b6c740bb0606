"""Interpretation of the tables of real reports in ../shared/corpus: row kinds, column roles, relations.

Each expectation was written from reading the table in the fragment (the line
numbers are the fragment's), not copied from the program's output.
"""
from __future__ import annotations

from functools import lru_cache

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


# ---- 29 Puskesmas: "%" is coverage (Angka / Sasaran), not capaian against the Target --------------

def test_puskesmas_percent_is_found_from_values_as_angka_over_sasaran():
    from lkjip_lint.interpret.relations import relations

    view = view_at("29-puskesmas-capaian-ukm-2020.txt", 7)
    headers = [c.header for c in view.columns]
    assert headers == ["Program", "Indikator Kinerja", "Sasaran", "Target", "Cakupan › Angka", "Cakupan › %"]
    assert roles(view)[3] == "target"
    # section rows: the sub-programme headings without numbers
    assert {line for line, kind in kinds(view).items() if kind == "section"} >= {9, 16, 20, 28, 33}
    [rel] = relations(view)
    assert (headers[rel.result], rel.op, headers[rel.a], headers[rel.b]) == ("Cakupan › %", "ratio100", "Cakupan › Angka", "Sasaran")
    assert rel.fits == rel.rows == 20  # every data row with all three numbers (line 30 has no %)


def test_puskesmas_a_broken_coverage_cell_is_noticed():
    from tests.helpers import findings

    text = (MORE / "29-puskesmas-capaian-ukm-2020.txt").read_text(encoding="utf-8").replace("\t779\t77.98\n", "\t779\t79.78\n", 1)
    [f] = [f for f in findings(text, "REL001") if f.severity == "error"]
    assert f.location.line == 21 and f.expected == pytest.approx(77.98)


# ---- 14 Disdikbudpora: the 2021 % is realisasi 2020 against the 2021 target -------------------------

def test_disdikbudpora_inputs_of_the_2021_percent_chosen_by_values():
    from lkjip_lint.relations._row_formula import _inputs
    from lkjip_lint.engine.expr import Formula

    view = view_at("14-disdikbudpora-kab-semarang-2020.txt", 28)
    assert roles(view) == ["no", None, "satuan", "realisasi", "target", "realisasi", "capaian", "target", "capaian", "kategori"]
    assert [c.year for c in view.columns[3:9]] == [2019, 2020, 2020, 2020, 2021, 2021]
    # the column-number row "1 2 3 … 10" is no data; "Angka Partisipasi Murni (APM):" heads a section
    assert {k: kinds(view)[k] for k in (31, 32, 33)} == {31: "section", 32: "data", 33: "data"}
    formula = [(None, Formula("realisasi / target * 100"))]
    chosen = _inputs(view, view.columns[8], formula)
    assert (chosen["realisasi"].header, chosen["target"].header) == ("2020 › Realisasi", "2021 › Target")
    assert (_inputs(view, view.columns[6], formula)["realisasi"].header) == "2020 › Realisasi"


# ---- 25 Tempursari: a Daftar Isi read as a name/page table (no "DAFTAR ISI" line above it) ----------

def test_tempursari_contents_table_is_the_contents():
    from lkjip_lint.interpret.contents import contents_lists

    [entries] = contents_lists(report("25-kec-tempursari-2020-daftar-isi.txt"))
    assert [(e.text, e.page_text) for e in entries[:5]] == [
        ("HALAMAN JUDUL", "i"), ("KATA PENGANTAR", "ii"), ("DAFTAR ISI", "iii"), ("IKHTISAR EKSEKUTIF", "iv"),
        ("BAB I PENDAHULUAN", "1")]
    assert (entries[-1].text, entries[-1].page_text, entries[-1].line) == ("DAFTAR LAMPIRAN", "41", 39)
    pages = [e.page for e in entries if e.page]
    assert pages == sorted(pages)  # roman front matter before arabic body pages, never decreasing


def test_tempursari_section_used_twice_is_found_and_nothing_else():
    from tests.helpers import findings

    text = (MORE / "25-kec-tempursari-2020-daftar-isi.txt").read_text(encoding="utf-8")
    [f] = findings(text, "DOC003")
    assert (f.location.line, f.expected) == (34, "3.3")
    broken = text.replace("1.1 Latar Belakang", "1.3 Latar Belakang").replace("1.5 Sistematika\t7", "1.5 Sistematika\t3")
    assert sorted((f.location.line, f.expected) for f in findings(broken, "DOC003")) == [(23, "1.1"), (27, None), (34, "3.3")]


def test_puskesmas_balita_row_is_the_parent_of_the_two_age_groups():
    from lkjip_lint.interpret.hierarchy import parents

    view = view_at("29-puskesmas-capaian-ukm-2020.txt", 7)
    # line 21 "Cakupan balita …" 999 | 779 = line 22 (163 | 156) + line 23 (836 | 623), unlabelled as such
    [parent] = parents(view)
    assert view.rows[parent.row].line == 21 and [view.rows[c].line for c in parent.children] == [22, 23]
    assert [view.columns[j].header for j in parent.fitting] == ["Sasaran", "Cakupan › Angka"]


def test_puskesmas_a_broken_parent_is_one_finding_not_two():
    from tests.helpers import errors_and_warnings, findings

    text = (MORE / "29-puskesmas-capaian-ukm-2020.txt").read_text(encoding="utf-8").replace("\t999\t100%\t779\t", "\t979\t100%\t779\t", 1)
    [f] = errors_and_warnings(findings(text))
    assert (f.rule, f.location.line, f.expected) == ("SUM005", 21, 999)


def test_extract_shows_roles_how_they_were_decided_and_parents():
    from lkjip_lint.interpret.export import export_model

    model = export_model(report("29-puskesmas-capaian-ukm-2020.txt"))
    [table] = model.tables
    by_header = {c.header: c for c in table.columns}
    assert (by_header["Target"].role, by_header["Target"].decided_by) == ("target", "header")
    assert by_header["Cakupan › %"].decided_by == "both"  # "%" from the words, its formula from the values
    assert by_header["Cakupan › %"].relation == "Cakupan › Angka / Sasaran × 100"
    assert by_header["Indikator Kinerja"].decided_by is None
    balita = next(r for r in table.rows if r.line == 21)
    assert [table.rows[k - 1].line for k in balita.children] == [22, 23]


# ---- the other fragments' tables ----------------------------------------------------------------

def relation_names(view):
    from lkjip_lint.interpret.relations import relations

    h = [c.header for c in view.columns]
    return {(h[r.result], r.op, h[r.a], h[r.b]) for r in relations(view)}


def test_bpom_efficiency_table_two_header_rows_and_its_formulas():
    view = view_at("04-bpom-prkom-2021-efisiensi.txt", 28)
    assert roles(view) == [None, None, "target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan",
                           "index_efisiensi", "efisiensi", "kategori"]
    assert view.kind == "efficiency"
    assert [kinds(view)[k] for k in (30, 31)] == ["data", "data"]
    # KINERJA % = R / T × 100 and IE = KINERJA % / ANGGARAN % on both rows (header and values agree)
    assert {("KINERJA › %", "ratio100", "KINERJA › R", "KINERJA › T"),
            ("IE", "ratio", "KINERJA › %", "ANGGARAN › %")} <= relation_names(view)


def test_kemdikbud_year_groups_give_the_periods():
    view = view_at("12-kemdikbud-2012-apm.txt", 19)
    assert [(c.role, c.year) for c in view.columns[2:]] == [
        ("target", 2011), ("realisasi", 2011), ("capaian", 2011), ("target", 2012), ("realisasi", 2012), ("capaian", 2012)]
    assert kinds(view) == {21: "data"}


def test_temanggung_efficiency_is_capaian_minus_absorption():
    view = view_at("13-dindikpora-temanggung-2020.txt", 18)
    assert roles(view) == ["no", None, "capaian", "efisiensi", "serapan", None]
    assert [kinds(view)[k] for k in (19, 20)] == ["data", "data"]
    # 98,68 − 90,37 = 8,31 and 71,50 − 98,74 = −27,24: efisiensi = capaian − serapan
    assert relation_names(view) == {("Efisiensi (%)", "difference", "Capaian Kinerja (%)", "Realisasi Anggaran (%)")}


def test_tanah_datar_years_in_a_second_header_row():
    view = view_at("42-kab-tanah-datar-2016-apm.txt", 21)
    assert [(c.role, c.year) for c in view.columns[2:]] == [("realisasi", 2015), ("realisasi", 2016), ("capaian", 2015), ("capaian", 2016)]
    assert kinds(view) == {23: "data"}  # the years row (line 22) is header, not data
    assert view.skipped == {0: "header"}


def test_puslatbang_one_row_capaian_table():
    view = view_at("43-lan-puslatbang-kmp-2021.txt", 10)
    assert roles(view) == [None, "target", "realisasi", "capaian"]
    assert kinds(view) == {11: "data"}


def test_dumai_header_less_tail_is_no_header():
    view = view_at("48-kota-dumai-2016-pendidikan.txt", 4)
    # "2 | Rasio guru murid per kelas rata-rata:" numbers an indicator group: a section row, not a header
    assert roles(view) == ["no"] + [None] * 6 and kinds(view)[4] == "section"
    assert kinds(view)[5] == kinds(view)[6] == "data"


# ---- the sample's main tables -------------------------------------------------------------------

SAMPLE = ROOT.parent / "shared" / "corpus" / "purbalingga-2024.txt"


@lru_cache(maxsize=1)
def sample():
    return Report(document=read(SAMPLE), vocab=load_vocabulary())


def sample_view(label: str):
    return next(v for v in sample().views if v.name == label)


def test_sample_population_table_shares_and_row_total_from_values():
    view = sample_view("Tabel 1.2")
    assert roles(view)[2:] == ["count", "percent", "count", "percent", "count", "percent"]
    assert view.columns[6].is_row_total
    # Jumlah = Pria + Wanita on every row; Pria % = Pria / Jumlah on the rows the gold does not mark wrong
    names = relation_names(view)
    assert ("Jumlah Total › Jumlah", "sum", "Pria › Jumlah", "Wanita › Jumlah") in names
    assert ("Pria › %", "ratio100", "Pria › Jumlah", "Jumlah Total › Jumlah") in names
    assert kinds(view)[193] == "total"


def test_sample_capaian_table_roles_and_years():
    view = sample_view("Tabel 3.2")
    assert roles(view) == [None, None, None, "satuan", "target", "realisasi", "capaian", "kategori"]
    assert [c.year for c in view.columns[4:7]] == [2024, 2024, 2024]
    assert set(kinds(view).values()) == {"data"}


def test_sample_budget_table_programmes_are_parents_of_their_kegiatan():
    from lkjip_lint.interpret.hierarchy import parents

    view = next(v for v in sample().views if v.kind == "budget")
    assert roles(view) == [None, "pagu", "realisasi_anggaran", "serapan"]
    found = {view.rows[p.row].line: [view.rows[c].line for c in p.children] for p in parents(view)}
    assert found[875] == list(range(876, 882)) and found[882] == [883, 884]


def test_tempursari_contents_table_has_the_contents_kind():
    view = view_at("25-kec-tempursari-2020-daftar-isi.txt", 17)
    assert view.kind == "contents"
    assert roles(view) == [None, None] and sorted(kinds(view)) == list(range(18, 40))


# ---- the table fragments against their gold files ----------------------------------------------

TABLE_FRAGMENTS = ["04-bpom-prkom-2021-efisiensi", "14-disdikbudpora-kab-semarang-2020", "25-kec-tempursari-2020-daftar-isi",
                   "29-puskesmas-capaian-ukm-2020", "32-kab-lombok-tengah-2020-sasaran1",
                   "65-inspektorat-labura-reviu-lppd-2020"]


def _matches(finding, item) -> bool:
    if finding.location.line not in item["lines"]:
        return False
    wanted = item.get("expected")
    if wanted is None:
        return True
    for value in wanted if isinstance(wanted, list) else [wanted]:
        if isinstance(value, (int, float)) and isinstance(finding.expected, (int, float)):
            if abs(finding.expected - value) <= 0.02:
                return True
        elif str(value).lower() == str(finding.expected).lower():
            return True
    return False


@pytest.mark.parametrize("name", TABLE_FRAGMENTS)
def test_table_fragment_meets_its_gold(name):
    import yaml

    from tests.helpers import errors_and_warnings, findings

    gold = yaml.safe_load((MORE / f"{name}.gold.yaml").read_text(encoding="utf-8"))
    found = errors_and_warnings(findings((MORE / f"{name}.txt").read_text(encoding="utf-8")))
    for item in gold.get("must_find") or []:
        assert any(_matches(f, item) for f in found), item["id"]
    allowed = {line for item in (gold.get("must_find") or []) + (gold.get("may_find") or []) for line in item["lines"]}
    clean = {line for item in gold.get("must_not_flag") or [] for line in item["lines"]} - allowed
    assert [(f.rule, f.location.line) for f in found if f.location.line in clean] == []


def test_lombok_tengah_a_copied_column_does_not_overrule_the_header():
    from tests.helpers import findings

    # the 7th column repeats the realisasi; breaking the realisasi must still be checked as capaian
    text = (MORE / "32-kab-lombok-tengah-2020-sasaran1.txt").read_text(encoding="utf-8").replace("\t53,85\t77,78", "\t53,45\t77,78", 1)
    [f] = [f for f in findings(text, "CAP001", "REL001") if f.severity == "error"]
    assert (f.rule, f.location.line, f.expected) == ("CAP001", 18, pytest.approx(77.21))
