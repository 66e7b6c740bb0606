"""Finding the reported value in a run's text and writing the expected one the same way."""
from __future__ import annotations

import pytest

from lkjip_lint.annotate.values import find_token, printed_forms, written_like


@pytest.mark.parametrize("value, forms", [
    (102.51, ["102,51", "102.51"]),
    (2022, ["2.022", "2022"]),
    (68, ["68"]),
    ("Tinggi", ["Tinggi"]),
    (None, []),
    (True, []),
])
def test_printed_forms(value, forms):
    assert printed_forms(value) == forms


@pytest.mark.parametrize("text, form, at", [
    ("68", "68", 0),
    ("terdiri dari 68 RW", "68", 13),
    ("168 RW", "68", None),          # part of a longer number
    ("6,68 km", "68", None),         # the decimals of another number
    ("68,5 km", "68", None),         # the integer part of another number
    ("68 RW dan 68 RT", "68", None),  # twice: which one is meant is unknown
    ("Tahun 2022.", "2022", 6),      # a full stop after a number ends it
    ("Kecamatan Bojongsari telah", "Kecamatan Bojongsari", 0),
    ("Bojongsarian", "Bojongsari", None),
])
def test_find_token(text, form, at):
    assert find_token(text, form) == at


@pytest.mark.parametrize("expected, form, written", [
    (102.57, "102,51", "102,57"),
    (102.57, "102.51", "102.57"),
    (49.78, "50,6", "49,8"),          # the reported number's decimals
    (70, "68", "70"),
    (1473.36, "1.473", "1.473"),      # a grouped integer stays an integer with groups
    (29794, "29.795", "29.794"),
    (88, "91.5", "88"),               # a whole target is written whole
    (15.65, "1.473.36", "15.65"),     # beside a malformed number: plainly
    ("Sangat Tinggi", "Tinggi", "Sangat Tinggi"),
    (True, "1", None),
])
def test_written_like(expected, form, written):
    assert written_like(expected, form) == written
