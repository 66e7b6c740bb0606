"""Arithmetic written out in the running text.

Reports show how a value was computed, in three shapes:

- an expression and its result: "IKLH = (0,376 x 77,50%) + (0,405 x 84,18%) +
  (0,219 x 41,81%)" then "IKLH =72,39%" (or "… = 72,39" on the same line);
- a fraction printed over two lines, the result on the numerator's line:
  "APM 36.743 Penduduk usia 7-12 tahun yang sekolah x 100 = 92.22" over
  "39.834 Penduduk usia 7-12 tahun di …" (the two lines name the same thing);
- the same formula first with names, then with numbers: "IKLH = (0,376 x IKA) +
  …" then "IKLH = (0,376 x 77,50%) + …": the constants must be the same, and a
  name must stand for the value the text gives it ("IKA = target : 82%
  realisasi : 77,50%").

Each becomes a claim: `arith` (result = expression) or `binding` (a number of
the numeric form = the value stated for the name or constant in the named form).
"""
from __future__ import annotations

import re

from lkjip_lint.document import Heading, Paragraph
from lkjip_lint.engine.expr import ExpressionError, Formula
from lkjip_lint.interpret.claim_types import Claim, make_claim
from lkjip_lint.numbers import Num, find_numbers

_TIMES = re.compile(r"\s*[x×*]\s*", re.I)
_NAME = r"[A-Za-z][\w/]{0,30}"
_DEFINITION = re.compile(rf"^\W*(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})\s*=\s*(?P<rhs>.+)$")
_OPERATORS = re.compile(r"^[\s()+\-x×*/:%]*$", re.I)
_PERCENT_OF_100 = re.compile(r"[x×*]\s*100\s*%?\s*=\s*(?P<result>\S+)\s*$", re.I)
MAX_LINE = 300


def expression_claims(report) -> list[Claim]:
    blocks = [b for b in report.texts if isinstance(b, (Paragraph, Heading))]
    claims: list[Claim] = []
    named: dict[str, tuple[str, str]] = {}  # the left-hand name → its formula with names, and that line
    stated: dict[str, tuple[dict[str, Num], str]] = {}  # "IKA" → ({"target": 82%, "realisasi": 77,50%}, its line)
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if len(text) > MAX_LINE:
            continue
        m = _DEFINITION.match(text)
        if m:
            name, rhs = m.group("name").strip(), m.group("rhs")
            numeric = _numeric(rhs)
            if numeric is None:
                if re.search(r"[A-Za-z]", rhs) and re.search(r"[+x×*/]", rhs) and "(" in rhs:
                    named[name.lower()] = (rhs, text)
                stated[name.lower()] = (_stated(rhs), text)
                continue
            expr, nums, result = numeric
            sources: tuple[str, ...] = ()
            if result is None and i + 1 < len(blocks):
                result = _lone_result(blocks[i + 1].text, name)
                sources = (blocks[i + 1].text.strip(),) if result is not None else ()
            if result is not None and len(nums) >= 2:
                claims.append(make_claim("arith", text, block, value=result, parts=nums, label=expr, sources=sources))
            if name.lower() in named:
                claims.extend(_bindings(named[name.lower()], rhs, nums, stated, text, block))
            continue
        fraction = _two_line_fraction(text, blocks[i + 1].text if i + 1 < len(blocks) else "")
        if fraction is not None:
            num, den, result = fraction
            claims.append(make_claim("arith", text, block, value=result, parts=[num, den], label="n0 / n1 * 100",
                                     sources=(blocks[i + 1].text.strip(),)))
    return claims


def _numeric(rhs: str):
    """"(0,376 x 77,50%) + …" → ("(n0 * n1) + …", [Num…], result or None) when the rhs is only arithmetic."""
    result = None
    parts = rhs.split("=")
    if len(parts) == 2:
        rhs, tail = parts
        tail_nums = [n for _, _, n in find_numbers(tail)]
        if len(tail_nums) != 1 or not isinstance(tail_nums[0], Num) or not _OPERATORS.match(_strip_numbers(tail)):
            return None
        result = tail_nums[0]
    elif len(parts) > 2:
        return None
    found = [(s, e, n) for s, e, n in find_numbers(rhs)]
    if not found or any(not isinstance(n, Num) for _, _, n in found):
        return None
    if not _OPERATORS.match(_strip_numbers(rhs, found)):
        return None
    expr, pos, nums = "", 0, []
    for k, (s, e, n) in enumerate(found):
        expr += _ops(rhs[pos:s]) + f"n{k}"
        nums.append(n)
        pos = e
    expr += _ops(rhs[pos:])
    try:
        Formula(expr)
    except ExpressionError:
        return None
    return expr, nums, result


def _strip_numbers(text: str, found=None) -> str:
    found = found if found is not None else find_numbers(text)
    out, pos = "", 0
    for s, e, _ in found:
        out += text[pos:s]
        pos = e
    return out + text[pos:]


def _ops(text: str) -> str:
    text = text.replace("%", "")
    text = _TIMES.sub(" * ", text)
    return text.replace(":", " / ")


def _lone_result(text: str, name: str) -> Num | None:
    """The next line "IKLH =72,39%": the same name and one number."""
    m = _DEFINITION.match(text.strip())
    if not m or m.group("name").strip().lower() != name.lower():
        return None
    nums = [n for _, _, n in find_numbers(m.group("rhs"))]
    if len(nums) == 1 and isinstance(nums[0], Num) and _OPERATORS.match(_strip_numbers(m.group("rhs"))):
        return nums[0]
    return None


def _stated(rhs: str) -> dict[str, Num]:
    """"target : 82% realisasi : 77,50%" → {"target": 82%, "realisasi": 77,50%}."""
    out = {}
    for m in re.finditer(r"\b(target|realisasi|capaian|nilai)\s*[:=]?\s*", rhs, re.I):
        nums = [n for s, _, n in find_numbers(rhs[m.end():m.end() + 30]) if s == 0]
        if nums and isinstance(nums[0], Num):
            out[m.group(1).lower()] = nums[0]
    return out


def _bindings(named: tuple[str, str], rhs: str, nums: list[Num], stated, text, block) -> list[Claim]:
    """Align the named formula with the numeric one, term by term: one claim per term, so a term that
    agrees is read (and counted as read) as much as one that does not."""
    symbolic, named_line = named
    terms = [t for t in re.findall(rf"\d+(?:[.,]\d+)*%?|{_NAME}", symbolic) if t.lower() != "x"]
    if len(terms) != len(nums):
        return []
    out = []
    for term, num in zip(terms, nums):
        if term[0].isdigit():
            const = find_numbers(term)[0][2]
            if isinstance(const, Num):
                out.append(make_claim("binding", text, block, value=num, values={"stated": const}, label=term,
                                      sources=(named_line,)))
            continue
        values, stated_line = stated.get(term.lower(), ({}, ""))
        known = list(values.values())
        if not known:
            continue
        same = next((v for v in known if v.value == num.value), None)
        # the formula uses the realisasi of its parts; name the stated realisasi when there is one
        ref = same or values.get("realisasi") or values.get("nilai") or known[-1]
        out.append(make_claim("binding", text, block, value=num, values={"stated": ref}, label=term,
                              sources=(named_line, stated_line)))
    return out


def _two_line_fraction(text: str, below: str):
    """"36.743 Penduduk usia … x 100 = 92.22" over "39.834 Penduduk usia …": the two lines name one thing."""
    m = _PERCENT_OF_100.search(text)
    if not m:
        return None
    result = [n for _, _, n in find_numbers(m.group("result"))]
    top = [(s, e, n) for s, e, n in find_numbers(text[:m.start()]) if isinstance(n, Num)]
    bottom = [(s, e, n) for s, e, n in find_numbers(below) if isinstance(n, Num)]
    if len(result) != 1 or not isinstance(result[0], Num) or not top or not bottom:
        return None
    s, e, numerator = top[0]
    bs, be, denominator = bottom[0]
    if below[:bs].strip():
        return None  # the line below must begin with its number
    words_top = re.findall(r"[a-z]+", text[e:m.start()].lower())[:2]
    words_bottom = re.findall(r"[a-z]+", below[be:].lower())[:2]
    if len(words_top) < 2 or words_top != words_bottom:
        return None
    return numerator, denominator, result[0]
