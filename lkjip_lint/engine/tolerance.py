"""Tolerance from printed precision, by interval reasoning.

A printed `102.51` stands for anything in [102.505, 102.515); inputs printed with
d decimals carry ± half a unit of their last digit through the arithmetic. When
the recomputed interval meets the printed one there is nothing to say; when the
rounded value is one unit of the last printed digit away it is a warning; more is
an error. A printed value that is the truncation of the true one is only a note.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from lkjip_lint.numbers import Num, round_half_up, unit


@dataclass(frozen=True)
class Interval:
    """The values a printed number stands for, [lo, hi], and its point value; arithmetic keeps the bounds."""

    lo: Decimal
    hi: Decimal
    point: Decimal

    @staticmethod
    def exact(value: Decimal) -> "Interval":
        return Interval(value, value, value)

    @staticmethod
    def of(num: Num, exact: bool = False) -> "Interval":
        if exact:
            return Interval.exact(num.value)
        half = unit(num.decimals) / 2
        return Interval(num.value - half, num.value + half, num.value)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi, self.point + other.point)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo, self.point - other.point)

    def __mul__(self, other: "Interval") -> "Interval":
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return Interval(min(products), max(products), self.point * other.point)

    def __truediv__(self, other: "Interval") -> "Interval":
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("interval divisor contains zero")
        quotients = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(quotients), max(quotients), self.point / other.point)

    def __neg__(self) -> "Interval":
        return Interval(-self.hi, -self.lo, -self.point)


@dataclass(frozen=True)
class Verdict:
    """How a printed value disagrees with the computed one: the grade, the expected value, why if a note."""

    grade: str  # "last_digit" | "mismatch" | "note"
    expected: Decimal
    reason: str = ""  # "truncated" for a note


def judge(printed: Num, computed: Interval, *, exact: bool = False, expected_decimals: int | None = None) -> Verdict | None:
    """None when `printed` agrees with `computed` at the printed precision."""
    dp = printed.decimals
    half = Decimal(0) if exact else unit(dp) / 2
    if computed.hi >= printed.value - half and computed.lo <= printed.value + half:
        return None
    shown = max(dp, expected_decimals if expected_decimals is not None else dp)
    try:
        expected = round_half_up(computed.point, shown)
        rounded = round_half_up(computed.point, dp)
        truncated = computed.point.quantize(unit(dp), rounding=ROUND_DOWN)
    except InvalidOperation:
        return None
    if truncated == printed.value and computed.point >= 0:
        return Verdict("note", expected, "truncated")
    off_by = abs(rounded - printed.value) / unit(dp)
    if dp == 0 and computed.lo == computed.hi == computed.point.to_integral_value():
        # A whole number computed exactly from whole counts: no rounding to forgive, so one off is plainly wrong.
        return Verdict("mismatch", expected)
    return Verdict("last_digit" if off_by <= 1 else "mismatch", expected)


def to_json_number(value: Decimal):
    """Decimals go out as JSON numbers: ints when whole, floats otherwise."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
