"""Reading numbers as printed in LKjIP reports (Indonesian and mixed styles).

See PARSING.md, "Numbers". Values are always ``Decimal``; the printed number of
decimals and the raw text travel with every value so messages can quote them.
The one hard case is ``3.174`` / ``3,758``: a single separator followed by exactly
three digits is either thousands or a 3-decimal number, so we keep both readings
(``Num.alt``) until a column header, a unit word or the caller's arithmetic decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, localcontext


@dataclass(frozen=True)
class Num:
    """A number as printed: its value, decimals and text, its style, and whether a percentage or money."""

    value: Decimal
    decimals: int
    raw: str
    percent: bool = False
    money: bool = False
    style: str = ""  # "comma", "point", "english", "grouped", "int"
    alt: "Num | None" = None  # the decimal reading of an ambiguous ".ddd"/",ddd"


@dataclass(frozen=True)
class Malformed:
    """A number that cannot be read as printed ("1.473.36"): its text, why, and a guess for messages only."""

    raw: str
    reason: str
    guess: Decimal | None = None  # only for messages, never used as a value


class Missing:
    """Singleton for the missing-value markers ('-', 'NA', empty, ...)."""

    _instance: "Missing | None" = None

    def __new__(cls) -> "Missing":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = Missing()
Parsed = Num | Malformed | Missing | None  # what parse_number returns

_MISSING_MARKERS = {"", "-", "--", "–", "—", "na", "n/a", "n.a.", "…", "..."}

# Words after a number in running text that make it a count (so "." groups thousands).
_COUNT_WORDS = {"jiwa", "orang", "responden", "pegawai", "unit", "kk", "penduduk",
                "dusun", "desa", "kelurahan", "rumah", "buah", "asn", "rw", "rt"}

# Column headers. "Strong" markers settle the column alone; otherwise the last weak
# word wins, since flattened headers read general → specific ("Pria › Jumlah").
def _words(alts: str) -> re.Pattern[str]:
    # Letters must not be glued to other letters: "te" is not in "target".
    return re.compile(r"(?<![a-z0-9])(?:" + alts + r")(?![a-z])")


_HEADER_WORDS = [
    (re.compile(r"%"), "decimal"),
    (_words(r"persen|persentase|presentase|prosentase"), "decimal"),
    (_words(r"rp|rupiah|idr"), "thousands"),
    (_words(r"capaian|indeks|index|nilai|ikm|nrr|konversi|skor|rata-rata|rata rata"
            r"|ie|te|rasio|luas|km"), "decimal"),
    (_words(r"pagu|anggaran|jumlah|jiwa|orang|penduduk|responden|dusun|rw|rt|pegawai|kk"),
     "thousands"),
]

_MARKUP = re.compile(r"\*+|</?(?:i|b|em|strong|u)>", re.I)
_DASH_SIGN = re.compile(r"[\u2212\u2013\u2014](?=[0-9])")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.I)
_PERCENT = re.compile(r"\s*(?:%|persen)$", re.I)
_MONEY_TAIL = re.compile(r"(?:,00-|,-|\.-)$")
# a remark in words, but not a count's number word ("11 (sebelas)" stays a label, as before)
_REMARK = re.compile(r"(?<=[\d%])\s*\((?=[^)]*[A-Za-z])(?!\s*(?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
                     r"(?:\s*(?:puluh|belas|ratus|ribu|\w*))*\s*\))[^)]{1,60}\)$", re.I)
_FOOTNOTE = re.compile(r"(?<=[\d%])(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\s?\*+\)?)$")
_BOUND = re.compile(r"^(?:[≥≤<>]=?|>=|<=|min\.?|maks\.?|maksimal|minimal)\s*", re.I)


# ---------------------------------------------------------------- shape of one number

def _check_groups(groups: list[str]) -> str | None:
    """Reason why '.'/','-separated groups are not a valid thousands grouping."""
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3:
        return f"first group of {len(first)} digits"
    if first[0] == "0":
        return "thousands grouping starts with 0"
    for g in rest:
        if len(g) != 3:
            return f"thousands group of {len(g)} digit{'s' if len(g) != 1 else ''}"
    return None


def _shape(body: str, raw: str, neg: bool, percent: bool, money: bool) -> Num | Malformed:
    """Read digits with '.'/',' separators; flags are already stripped off."""
    sign = "-" if neg else ""
    if body[0] in ".,":  # ".5" / ",5"
        body = "0" + body
    if re.search(r"[.,]{2}", body):
        return Malformed(raw, "empty digit group")

    def num(ip: str, fp: str, style: str, **kw) -> Num:
        text = sign + ip + ("." + fp if fp else "")
        return Num(Decimal(text), len(fp), raw, percent, money, style, **kw)

    has_dot, has_comma = "." in body, "," in body
    if not (has_dot or has_comma):
        return num(body, "", "int")

    if has_dot and has_comma:
        # The last separator is the decimal one; the other must group by three.
        dec = "." if body.rfind(".") > body.rfind(",") else ","
        grp = "," if dec == "." else "."
        ip, fp = body.rsplit(dec, 1)
        if dec in ip:
            return Malformed(raw, "mixed separators")
        reason = _check_groups(ip.split(grp))
        if reason:
            return Malformed(raw, reason)
        return num(ip.replace(grp, ""), fp, "comma" if dec == "," else "english")

    sep = "." if has_dot else ","
    groups = body.split(sep)
    if len(groups) == 2:
        ip, fp = groups
        decimal_style = "comma" if sep == "," else "point"
        # No thousands group has 4+ digits before it or starts with 0 ("0,063").
        if len(fp) == 3 and len(ip) <= 3 and ip[0] != "0":
            alt = num(ip, fp, decimal_style)
            thousands = num(ip + fp, "", "grouped", alt=alt)
            # A unit on the token settles it: % is a ratio, Rp an amount.
            if percent:
                return alt
            return replace(thousands, alt=None) if money else thousands
        return num(ip, fp, decimal_style)

    reason = _check_groups(groups)
    if reason:
        # For messages only: most often the last separator was meant as decimal.
        guess = None
        if _check_groups(groups[:-1]) is None:
            guess = Decimal(sign + "".join(groups[:-1]) + "." + groups[-1])
        return Malformed(raw, reason, guess)
    return num("".join(groups), "", "grouped")


# ---------------------------------------------------------------- cells

@lru_cache(maxsize=1 << 16)  # a report repeats its numbers ("100", "-", small counts); results are immutable
def parse_number(text: str) -> Num | Malformed | Missing | None:
    """Parse one cell or token: Num, Malformed (bad grouping), MISSING, or None (not a number)."""
    raw = text.strip()
    t = _MARKUP.sub("", raw).strip()
    if len(t) >= 2 and t[0] == "$" and t[-1] == "$":  # LaTeX math
        t = t[1:-1].replace("{,}", ",").replace("{.}", ".").strip()
    t = t.replace("\\%", "%")
    for space in ("\u00a0", "\u2009", "\u202f"):
        t = t.replace(space, "")
    if t.lower() in _MISSING_MARKERS:
        return MISSING
    t = _DASH_SIGN.sub("-", t)
    # what cells carry beside the number: a remark "95 (angka sementara)", a footnote "12,5¹" / "90*)",
    # a bound "≥ 80" (the target is its number)
    t = _REMARK.sub("", t)
    t = _FOOTNOTE.sub("", t)
    bound = _BOUND.match(t)
    if bound:
        t = t[bound.end():]

    neg = money = percent = False
    if t.startswith("(") and t.endswith(")"):  # accounting negative
        neg, t = True, t[1:-1].strip()
    for _ in range(2):  # sign and currency in either order: "-Rp 5", "Rp -5"
        if t[:1] in ("-", "+"):
            neg, t = neg or t[0] == "-", t[1:].lstrip()
        m = _CURRENCY.match(t)
        if m:
            money, t = True, t[m.end():]
    m = _PERCENT.search(t)
    if m:
        percent, t = True, t[: m.start()]
    m = _MONEY_TAIL.search(t)
    if m:
        money, t = True, t[: m.start()]
    if t[-1:] in (".", ",") and t[-2:-1].isdigit():  # sentence punctuation: "93.85."
        t = t[:-1]
    if not re.fullmatch(r"[0-9.,]*[0-9][0-9.,]*", t):
        return None
    return _shape(t, raw, neg, percent, money)


def is_ambiguous(n: object) -> bool:
    return isinstance(n, Num) and n.alt is not None


def _settle(n: Num, decimal: bool) -> Num:
    """Pick one reading of an ambiguous Num."""
    if n.alt is None:
        return n
    return n.alt if decimal else replace(n, alt=None)


def header_convention(header: str) -> str | None:
    """'decimal', 'thousands' or None from a column header's words."""
    h = header.lower()
    for pair in (_HEADER_WORDS[:3], _HEADER_WORDS[3:]):
        hits = [(m.start(), kind) for rx, kind in pair for m in rx.finditer(h)]
        if hits:
            return max(hits)[1]
    return None


def _cell_vote(n: Num) -> str | None:
    if n.alt is not None or n.style == "int":
        return None
    if n.percent:
        return "decimal"
    if n.money or n.style == "grouped":
        return "thousands"
    if n.style == "english" or ("." in n.raw and "," in n.raw):
        return "thousands"  # '1.234,56': the column groups its amounts
    return "decimal"  # '93,85', '91.5'


def resolve_column(cells: list[str], header: str = "") -> list[Num | Malformed | Missing | None]:
    """Parse one table column; settle ambiguous cells by the header, else the cells' majority."""
    parsed = [parse_number(c) for c in cells]
    convention = header_convention(header)
    if convention is None:
        votes = [v for p in parsed if isinstance(p, Num) and (v := _cell_vote(p))]
        dec, tho = votes.count("decimal"), votes.count("thousands")
        convention = "decimal" if dec > tho else "thousands" if tho > dec else None
    if convention is None:
        return parsed  # still open: callers decide by arithmetic
    return [_settle(p, convention == "decimal") if isinstance(p, Num) else p for p in parsed]


# ---------------------------------------------------------------- running text

_TOKEN = re.compile(r"""
    (?P<cur>(?<![A-Za-z])(?i:rp\.?|idr)\s{0,2})?
    (?P<sign>(?<![0-9A-Za-z.,])[-\u2212\u2013\u2014](?=[0-9]))?
    (?P<num>[0-9]+(?:[.,][0-9]+)*)
    (?P<suf>,-(?![0-9])|\.-(?![0-9])|(?<=,00)-(?![0-9]))?
    (?P<pct>\s?\\?%|\s*(?i:persen)(?![A-Za-z]))?
""", re.X)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def find_numbers(sentence: str) -> list[tuple[int, int, Num | Malformed]]:
    """Every number token in running text with its (start, end) span.

    The span covers currency, ',-' and '%'; raw is exactly sentence[start:end].
    Years, ranges and identifiers are returned too (callers filter).
    """
    return list(_numbers_in(sentence))


@lru_cache(maxsize=8192)  # several readers of a sentence ask (tokens, counts, changes); Num is frozen
def _numbers_in(sentence: str) -> tuple[tuple[int, int, Num | Malformed], ...]:
    out: list[tuple[int, int, Num | Malformed]] = []
    for m in _TOKEN.finditer(sentence):
        body, suf = m["num"], m["suf"] or ""
        if suf == "-":  # ',00-' means no cents, like ',-'
            if not body.endswith(",00") or len(body) <= 3:
                continue  # ",00-" alone: no number before the cents
            body = body[:-3]
        raw = sentence[m.start():m.end()]
        n = _shape(body, raw, bool(m["sign"]), bool(m["pct"]), bool(m["cur"] or suf))
        if is_ambiguous(n):
            w = _NEXT_WORD.match(sentence, m.end())
            if w and w[1].lower() in _COUNT_WORDS:
                n = _settle(n, decimal=False)
        out.append((m.start(), m.end(), n))
    return tuple(out)


# ---------------------------------------------------------------- helpers

def unit(decimals: int) -> Decimal:
    """10**-decimals, e.g. 0.01 for 2."""
    return Decimal(1).scaleb(-decimals)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    # Reports round half up (Excel), not banker's rounding; wide precision for big Rp.
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + decimals + 2)
        return value.quantize(unit(decimals), rounding=ROUND_HALF_UP)


def format_id(value: Decimal, decimals: int) -> str:
    """Indonesian formatting: '.' groups thousands, ',' is the decimal mark."""
    q = round_half_up(value, decimals)
    ip, _, fp = f"{abs(q):f}".partition(".")
    grouped = f"{int(ip):,}".replace(",", ".")
    return ("-" if q < 0 else "") + grouped + ("," + fp if fp else "")
