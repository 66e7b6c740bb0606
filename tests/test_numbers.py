from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_lint.numbers import (
    MISSING,
    Malformed,
    Num,
    find_numbers,
    format_id,
    header_convention,
    is_ambiguous,
    parse_number,
    resolve_column,
    round_half_up,
    unit,
)


# text, value, decimals, percent, money, style
PLAIN = [
    ("10.903.497.000", "10903497000", 0, False, False, "grouped"),
    ("93,85", "93.85", 2, False, False, "comma"),
    ("91.5", "91.5", 1, False, False, "point"),
    ("1.97", "1.97", 2, False, False, "point"),
    ("102.51", "102.51", 2, False, False, "point"),
    ("Rp. 10.097.306.301,-", "10097306301", 0, False, True, "grouped"),
    ("Rp.10.903.497.000,-", "10903497000", 0, False, True, "grouped"),
    ("Rp 10.903.497.000", "10903497000", 0, False, True, "grouped"),
    ("IDR 1.000.000", "1000000", 0, False, True, "grouped"),
    ("10.000.-", "10000", 0, False, True, "grouped"),
    ("10.903.497.000,00", "10903497000.00", 2, False, False, "comma"),
    ("102.51%", "102.51", 2, True, False, "point"),
    ("96.15 %", "96.15", 2, True, False, "point"),
    ("96.15\u00a0%", "96.15", 2, True, False, "point"),
    ("3.85%", "3.85", 2, True, False, "point"),
    ("74,94%", "74.94", 2, True, False, "comma"),
    ("93,853%", "93.853", 3, True, False, "comma"),  # % settles ",ddd" as decimal
    ("95 persen", "95", 0, True, False, "int"),
    ("0,063", "0.063", 3, False, False, "comma"),
    ("0.125", "0.125", 3, False, False, "point"),
    ("3,5", "3.5", 1, False, False, "comma"),
    ("1234,567", "1234.567", 3, False, False, "comma"),  # no group of 4 digits
    ("1,234.56", "1234.56", 2, False, False, "english"),
    ("1.234,56", "1234.56", 2, False, False, "comma"),
    ("1,234,567", "1234567", 0, False, False, "grouped"),
    ("-27,24", "-27.24", 2, False, False, "comma"),
    ("(5)", "-5", 0, False, False, "int"),
    ("\u22125", "-5", 0, False, False, "int"),  # Unicode minus
    ("\u20133,5", "-3.5", 1, False, False, "comma"),  # en dash as minus
    ("100", "100", 0, False, False, "int"),
    ("0", "0", 0, False, False, "int"),
    ("**93,85**", "93.85", 2, False, False, "comma"),
    ("<i>91.5</i>", "91.5", 1, False, False, "point"),
    ("$93{,}85\\%$", "93.85", 2, True, False, "comma"),
    ("93.85.", "93.85", 2, False, False, "point"),  # sentence-final period
]


@pytest.mark.parametrize("text,value,decimals,percent,money,style", PLAIN)
def test_parse_plain(text, value, decimals, percent, money, style):
    n = parse_number(text)
    assert isinstance(n, Num)
    assert (n.value, n.decimals, n.percent, n.money, n.style) == (D(value), decimals, percent, money, style)
    assert n.value.as_tuple() == D(value).as_tuple()  # printed decimals kept in the Decimal
    assert n.raw == text.strip()
    assert not is_ambiguous(n)


@pytest.mark.parametrize("text,thousands,decimal,style", [
    ("3.174", "3174", "3.174", "point"),
    ("97.475", "97475", "97.475", "point"),
    ("3,758", "3758", "3.758", "comma"),
    ("1,063", "1063", "1.063", "comma"),
])
def test_parse_ambiguous(text, thousands, decimal, style):
    n = parse_number(text)
    assert is_ambiguous(n)
    assert (n.value, n.decimals, n.style) == (D(thousands), 0, "grouped")
    assert (n.alt.value, n.alt.decimals, n.alt.style, n.alt.alt) == (D(decimal), 3, style, None)
    assert n.alt.raw == text


def test_money_settles_ambiguous_as_thousands():
    n = parse_number("Rp 3.174")
    assert (n.value, n.money, n.alt) == (D(3174), True, None)


@pytest.mark.parametrize("text,reason,guess", [
    ("1.473.36", "thousands group of 2 digits", D("1473.36")),
    ("1.2.3", "thousands group of 1 digit", None),
    ("1234.567.890", "first group of 4 digits", None),
    ("1.234,567,8", "mixed separators", None),
    ("1..5", "empty digit group", None),
])
def test_parse_malformed(text, reason, guess):
    m = parse_number(text)
    assert m == Malformed(text, reason, guess)


@pytest.mark.parametrize("text", ["NA", "N/A", "n/a", "na", "-", "\u2013", "\u2014", "", "  ", "\u2026"])
def test_parse_missing(text):
    assert parse_number(text) is MISSING
    assert not MISSING


@pytest.mark.parametrize("text", [
    "$91\\% \\leq 100\\%$", "Sangat Tinggi", "2021-2026", "1 tujuan", "Rp", "%", "12 Januari 2024",
    "11(sebelas)", "IKU 1",
])
def test_parse_not_a_number(text):
    assert parse_number(text) is None


# ------------------------------------------------------------------ columns

def values(col):
    return [(c.value, c.decimals, c.alt) for c in col]


def test_column_header_jumlah_thousands():
    (n,) = resolve_column(["4.833"], "Jumlah")
    assert (n.value, n.decimals, n.alt) == (D(4833), 0, None)


def test_column_nilai_konversi_decimal():
    col = resolve_column(["93,95", "90,825", "97.475"], "NILAI KONVERSI")
    assert values(col) == [(D("93.95"), 2, None), (D("90.825"), 3, None), (D("97.475"), 3, None)]


def test_column_flattened_header_last_word_wins():
    col = resolve_column(["3.174", "1.334", "2.932"], "Pria \u203a Jumlah")
    assert values(col) == [(D(3174), 0, None), (D(1334), 0, None), (D(2932), 0, None)]


def test_column_luas_mixed_styles():
    col = resolve_column(["0,84", "1.97", "1,03"], "Luas Wilayah (Km\u00b2)")
    assert [c.value for c in col] == [D("0.84"), D("1.97"), D("1.03")]
    assert [c.style for c in col] == ["comma", "point", "comma"]


def test_column_percent_header():
    col = resolve_column(["49.70", "50,30"], "%")
    assert values(col) == [(D("49.70"), 2, None), (D("50.30"), 2, None)]


def test_column_cell_majority_without_header():
    dec = resolve_column(["91.5", "3.174", "88,2", "-"])
    assert dec[1].value == D("3.174") and dec[3] is MISSING
    tho = resolve_column(["10.903.497.000", "3.174", "1.000.000"])
    assert tho[1].value == D(3174) and tho[1].alt is None


def test_column_open_stays_ambiguous():
    col = resolve_column(["3.174", "100", "Sangat Tinggi"], "Target")
    assert is_ambiguous(col[0]) and col[2] is None


def test_column_header_beats_cells():
    col = resolve_column(["91.5", "88,2", "3.174"], "Jumlah Penduduk")
    assert col[2].value == D(3174)


@pytest.mark.parametrize("header,expected", [
    ("Realisasi Anggaran (%)", "decimal"),
    ("Nilai Anggaran (Rp)", "thousands"),
    ("Pagu", "thousands"),
    ("Capaian", "decimal"),
    ("Target", None),  # "te" inside a word is not the TE header
    ("", None),
])
def test_header_convention(header, expected):
    assert header_convention(header) == expected


# ------------------------------------------------------------------ running text

def spans(sentence):
    return [(sentence[s:e], n.value, n.decimals, n.percent, n.money, n.alt)
            for s, e, n in find_numbers(sentence)]


def test_find_population_counts():
    s = ("jumlah penduduk ... tercatat sebanyak 59.144 orang, terdiri dari laki-laki 29.350 jiwa "
         "(49,62%) dan perempuan 29.794 jiwa (51.38%)")
    found = find_numbers(s)
    assert [(s[a:b], n.raw) for a, b, n in found] == [
        ("59.144", "59.144"), ("29.350", "29.350"), ("49,62%", "49,62%"),
        ("29.794", "29.794"), ("51.38%", "51.38%")]
    assert found[0][0] == s.index("59.144")
    assert spans(s) == [
        ("59.144", D(59144), 0, False, False, None),
        ("29.350", D(29350), 0, False, False, None),
        ("49,62%", D("49.62"), 2, True, False, None),
        ("29.794", D(29794), 0, False, False, None),
        ("51.38%", D("51.38"), 2, True, False, None),
    ]


def test_find_budget_sentence():
    s = ("sebesar Rp.10.903.497.000,-, sedangkan realisasi anggaran sebesar Rp. 10.097.306.301,-. "
         "Dengan demikian ... serapan anggaran sebesar 92.61% dan nilai efisiensi anggaran sebesar 7.39%.")
    assert spans(s) == [
        ("Rp.10.903.497.000,-", D(10903497000), 0, False, True, None),
        ("Rp. 10.097.306.301,-", D(10097306301), 0, False, True, None),
        ("92.61%", D("92.61"), 2, True, False, None),
        ("7.39%", D("7.39"), 2, True, False, None),
    ]


def test_find_sentence_final_period():
    s = "realisasi sebesar 91.4 dari target 88 dengan capaian 102.7%."
    assert spans(s) == [
        ("91.4", D("91.4"), 1, False, False, None),
        ("88", D(88), 0, False, False, None),
        ("102.7%", D("102.7"), 1, True, False, None),
    ]
    assert [n.value for _, _, n in find_numbers("sebesar 93.85. Lalu 64,86.")] == [D("93.85"), D("64.86")]


def test_find_area():
    s = "luas wilayah 15,55 Km\u00b2, terdiri dari lahan pertanian 6,25 Km\u00b2"
    assert [(n.value, n.decimals) for _, _, n in find_numbers(s)] == [(D("15.55"), 2), (D("6.25"), 2)]


def test_find_leaves_unitless_ddd_ambiguous():
    (_, _, n), = find_numbers("nilai IKM sebesar 97.475 pada tahun ini")
    assert is_ambiguous(n) and n.alt.value == D("97.475")


def test_find_glued_ranges_and_words():
    s = "SDGs 2(dua) dan 11(sebelas) kelas 7-12 periode 2021-2026, 3,5 persen, turun -5"
    assert [(t, v) for t, v, *_ in spans(s)] == [
        ("2", D(2)), ("11", D(11)), ("7", D(7)), ("12", D(12)), ("2021", D(2021)), ("2026", D(2026)),
        ("3,5 persen", D("3.5")), ("-5", D(-5))]


def test_find_malformed_and_no_cents():
    (_, _, m), = find_numbers("nilai 1.473.36 pada tabel")
    assert isinstance(m, Malformed) and m.guess == D("1473.36")
    (_, _, n), = find_numbers("Rp 1.500,00- saja")
    assert (n.value, n.money) == (D(1500), True)


# ------------------------------------------------------------------ helpers

def test_helpers():
    assert unit(2) == D("0.01") and unit(0) == D(1)
    assert round_half_up(D("2.675"), 2) == D("2.68")  # not banker's rounding
    assert round_half_up(D("92.605"), 2) == D("92.61")
    assert round_half_up(D("-0.5"), 0) == D(-1)
    assert format_id(D("10903497000"), 0) == "10.903.497.000"
    assert format_id(D("93.85"), 2) == "93,85"
    assert format_id(D("102.5651"), 2) == "102,57"
    assert format_id(D("-1234.5"), 1) == "-1.234,5"
    assert format_id(D("0.063"), 3) == "0,063"


# ------------------------------------------------------------------ never raise

NUMBERISH = st.text(alphabet="0123456789.,-%() Rp$\\*\u2212\u2013\u00a0persnNA/", max_size=30)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=60), NUMBERISH))
def test_never_raises(text):
    r = parse_number(text)
    assert r is None or r is MISSING or isinstance(r, (Num, Malformed))
    for s, e, n in find_numbers(text):
        assert isinstance(n, (Num, Malformed)) and text[s:e] == n.raw


@pytest.mark.parametrize("text, value", [
    ("95 (angka sementara)", "95"),  # a remark beside the value
    ("≥ 80", "80"), (">80", "80"), ("≤ 3", "3"), ("min 75%", "75"),  # targets written as bounds
    ("12,5¹", "12.5"),  # a footnote mark glued to the number
])
def test_cell_forms_around_a_number(text, value):
    from decimal import Decimal
    n = parse_number(text)
    assert n is not None and n.value == Decimal(value) and n.raw == text


def test_a_range_is_not_one_number():
    assert parse_number("80-85") is None and parse_number("80 - 85") is None
