"""The capaian convention a report uses for lower-is-better indicators, learned from its own rows.

Every row below names a negative indicator (by wording). With target 20 and realisasi 17,0 the
formulas give: (2T − R) / T = 115, T / R = 117,65, R / T = 85 (realisasi is printed with one decimal,
so that only one formula reproduces each capaian).
"""
from lkjip_lint.interpret.convention import learn_convention
from tests.helpers import errors_and_warnings, findings, report_of, tsv

HEADER = "Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)"
NAMES = ["Angka Kematian Bayi", "Angka Kematian Ibu", "Prevalensi Balita Gizi Buruk", "Angka Putus Sekolah SD",
         "Jumlah Kasus DBD"]


def table(*capaian: str) -> str:
    rows = [f"{name} | orang | 20 | 17,0 | {c}" for name, c in zip(NAMES, capaian)]
    return "LAPORAN KINERJA DINAS CONTOH TAHUN 2024\n\nTabel 3.1 Capaian Kinerja\n" + tsv(HEADER, *rows)


def cap_errors(text: str):
    return errors_and_warnings(findings(text, "CAP001"))


def test_rows_that_all_use_2t_minus_r_settle_it_and_a_t_over_r_row_is_flagged():
    text = table("115,00", "115,00", "115,00", "117,65")
    conv = report_of(text).capaian_convention
    assert conv.negative == "(2T − R) / T" and conv.votes == {"(2T − R) / T": 3, "T / R": 1} and conv.places == 4
    [f] = cap_errors(text)
    assert f.location.row == NAMES[3] and f.actual == 117.65 and f.expected == 115
    assert "3 dari 4 baris" in f.message


def test_rows_that_all_use_t_over_r_settle_it_and_a_2t_minus_r_row_is_flagged():
    text = table("117,65", "117,65", "117,65", "115,00")
    assert report_of(text).capaian_convention.negative == "T / R"
    [f] = cap_errors(text)
    assert f.location.row == NAMES[3] and f.actual == 115 and f.expected == 117.65


def test_a_row_that_fits_no_formula_is_judged_by_the_reports_formula():
    # 116 is nearest to (2T − R) / T = 115, but this report computes T / R
    [f] = cap_errors(table("117,65", "117,65", "117,65", "116,00"))
    assert f.expected == 117.65
    # without a convention the nearest negative formula is shown, as before
    [f] = cap_errors(table("117,65", "116,00"))
    assert f.expected == 115


def test_mixed_or_too_few_rows_settle_nothing_and_every_negative_formula_stays_admitted():
    for capaian in [("115,00", "115,00", "117,65", "117,65"), ("117,65",), ("115,00", "117,65"), ("117,65", "117,65", "115,00")]:
        text = table(*capaian)
        assert report_of(text).capaian_convention.negative is None, capaian
        assert cap_errors(text) == [], capaian


def test_rows_where_both_formulas_agree_are_no_evidence():
    # target = realisasi: every formula gives 100
    text = "LAPORAN KINERJA DINAS CONTOH TAHUN 2024\n\n" + tsv(
        HEADER, *[f"{name} | orang | 10 | 10 | 100" for name in NAMES[:3]], f"{NAMES[3]} | orang | 20 | 17,0 | 117,65")
    conv = report_of(text).capaian_convention
    assert conv.negative is None and conv.places == 4 and conv.votes == {"T / R": 1}
    assert cap_errors(text) == []


def test_positive_rows_do_not_vote():
    text = "LAPORAN KINERJA DINAS CONTOH TAHUN 2024\n\n" + tsv(
        HEADER, *[f"Indeks Kepuasan Masyarakat {i} | indeks | 80 | 100 | 125" for i in "ABC"])
    assert report_of(text).capaian_convention.places == 0


def test_sentences_stating_target_realisasi_and_capaian_vote_too():
    # as a provincial report states its infant mortality (63-prov-lampung): (2 × 32 − 4,88) / 32 = 184,75
    text = ("LAPORAN KINERJA PEMERINTAH PROVINSI CONTOH TAHUN 2015\n\n"
            "Angka Kematian Bayi tahun 2015 realisasi sebesar 4,88 dari target sebesar 32 dengan capaian 184,75.\n\n"
            "Angka Kematian Ibu tahun 2015 realisasi sebesar 80 dari target sebesar 100 dengan capaian 120.\n")
    conv = report_of(text).capaian_convention
    assert conv.negative == "(2T − R) / T" and conv.places == 2


def test_capaian_facts_say_which_formula_their_value_follows():
    report = report_of(table("115,00", "115,00", "115,00", "117,65"))
    how = {f.where.split(", ", 1)[1]: f.how for f in report.facts if f.measure == "capaian"}
    assert how[NAMES[0]] == "column; capaian = (2T − R) / T"
    assert how[NAMES[3]] == "column; capaian = T / R"


def test_learning_from_nothing():
    conv = learn_convention([], [], None)
    assert conv.negative is None and conv.places == 0 and conv.votes == {}
