"""Numeric claims of the running text.

"realisasi sebesar 91.4 dari target 88 dengan capaian 102.7%", "serapan anggaran
sebesar 92.61% dan nilai efisiensi anggaran sebesar 7.39%", "luas wilayah 15,55
Km², terdiri dari lahan pertanian 6,25 Km² dan … 9,41 Km²", "perempuan 29.794
jiwa (51.38%)", "capaian kinerja sebesar 98.26% (kategori tinggi)". Each number
takes the role of the nearest keyword before it (rules/claims.yaml); claims are
the groups of roles that can be checked against each other or against tables.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz

from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.interpret.claim_types import Claim, Token, make_claim
from lkjip_lint.interpret.counts import Count, counts
from lkjip_lint.interpret.expressions import expression_claims
from lkjip_lint.interpret.ledger import Ledger, parts_start
from lkjip_lint.interpret.indicators import computed_capaian, normalise
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.sentences import split
from lkjip_lint.interpret.scale import norm_label
from lkjip_lint.numbers import Num, find_numbers

MAX_SENTENCE = 3000
# "4,88 per 1000 kelahiran hidup", "24 per 100.000 lahir hidup": the base of a rate
_PER_BASE = re.compile(r"\s*per\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d.,]*\d)", re.I)
_RATIO_AFTER = re.compile(r"\s?:\s?\d")
_COUNTED_NOUN = re.compile(r"\s*([A-Za-z]{3,})\b")  # the word a whole number counts: "10 desa"
_RATIO_BEFORE = re.compile(r"\d\s?:\s?$")
# "Angka ini …", "Nilai tersebut …": the sentence speaks of the value stated just before
_ANAPHOR = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:angka|nilai|realisasi|hasil|capaian)\s+(?:ini|tersebut)\b", re.I)


class ClaimWords:
    """rules/claims.yaml (bundled and users'), compiled: which words before a number say what it is."""

    def __init__(self, data: dict) -> None:
        self.window = int(data["window"])
        self.roles = [(role, re.compile(r"(?:" + "|".join(p) + r")", re.I)) for role, p in data["roles"].items()]
        self.not_values = re.compile(r"\b(?:" + "|".join(data["not_values_before"]) + r")\s*$", re.I)
        after = data.get("not_values_after") or []
        self.not_values_after = re.compile(r"\s*(?:" + "|".join(after) + r")", re.I) if after else None
        self.units = [(u, re.compile(r"^\s*(?:" + "|".join(p) + r")", re.I)) for u, p in data["units"].items()]
        self.realised_from = re.compile(r"^\s*(?:" + "|".join(data["realised_from"]) + r")", re.I)
        self.consequence = re.compile(r"\b(?:" + "|".join(data["consequence"]) + r")\b", re.I)
        self.category = re.compile(r"\b(?:" + "|".join(data["category_words"]) + r")\b", re.I)


def sentences(text: str) -> list[str]:
    return [s.text for s in split(text)]


def _role(window: str, vocab: ClaimWords) -> str | None:
    """The role of the last noun phrase before a number: its first keyword is the head
    ("serapan anggaran" is a serapan, "efisiensi penggunaan anggaran" an efisiensi)."""
    words = re.findall(r"\S+", window)[-vocab.window:]
    hits: list[tuple[int, str]] = []
    for i in range(len(words)):
        rest = " ".join(words[i:i + 3]).lstrip("(“\"")
        for role, pattern in vocab.roles:
            if pattern.match(rest):
                hits.append((i, role))
                break
    if not hits:
        return None
    phrase = [hits[-1]]
    for hit in reversed(hits[:-1]):
        if phrase[0][0] - hit[0] > 2:
            break
        phrase.insert(0, hit)
    # budget words ("anggaran", "belanja") qualify other heads; they lead only alone
    strong = [role for _, role in phrase if role != "pagu"]
    return strong[0] if strong else "pagu"


# A list item's or section's number at the start of a sentence: "1. Kualitas …", "3.1. Identifikasi …",
# "(2) Belum …", "3.2 Capaian Kinerja …" (a chapter's section before a capitalised word; "12.5 Km" is a value),
# "a.1 Capaian …", "III. 2 Evaluasi …"; after a bullet too ("- 1) Menyelenggarakan …")
_ENUMERATOR = re.compile(r"\s*(?:[-–•➢❖▪●*>]\s*)?(?:[(\[]?\d{1,3}(?:\.\d{1,3})*[.)\]]\s+(?=\S)"
                         r"|\d(?:\.\d{1,2})+\s+(?=[A-Z][a-z]{3})"
                         r"|(?:[A-Za-z]|[IVX]{1,4})\.\s?\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z]))")


def _is_label_number(sentence: str, start: int, end: int, num: Num, vocab: ClaimWords) -> bool:
    """Years, "Nomor 29", "Tabel 3.2", "tujuan 2", a list item's number, a date's day: numbers that name something."""
    if start < 10 and (m := _ENUMERATOR.match(sentence)) and m.end() > end:
        return True
    if vocab.not_values_after is not None and vocab.not_values_after.match(sentence, end):
        return True
    before = sentence[max(0, start - 25):start]
    if vocab.not_values.search(before) or re.search(r"[A-Za-z/]$", before) or re.match(r"[A-Za-z]", sentence[end:end + 1]):
        return True
    after = sentence[end:end + 12].lower()
    is_unit = any(p.match(after) for _, p in vocab.units)
    return (num.decimals == 0 and not num.percent and not num.money and 1950 <= num.value <= 2100 and not is_unit)


@lru_cache(maxsize=8192)
def tokens(sentence: str, vocab: ClaimWords) -> tuple[Token, ...]:
    """The value tokens of a sentence with their roles (cached: claims, facts, changes and coverage all ask).
    `vocab`: report.vocab.claims."""
    return tuple(_tokens(sentence, vocab))


def _tokens(sentence: str, vocab: ClaimWords) -> list[Token]:
    out: list[Token] = []
    prev_end = 0
    for start, end, num in find_numbers(sentence):
        if not isinstance(num, Num) or _is_label_number(sentence, start, end, num, vocab):
            continue
        if _RATIO_AFTER.match(sentence, end) or _RATIO_BEFORE.search(sentence[max(0, start - 3):start]):
            continue  # "1:17,9" is a ratio, neither 1 nor 17,9
        tok = Token(start, end, num, role=_role(sentence[prev_end:start], vocab))
        if vocab.realised_from.match(sentence[end:end + 30]):
            tok.role = "realisasi"  # "… sebesar 93.85 dari target 91.5": the number before "dari target"
        if num.money:
            if tok.role != "sisa":
                tok.role = "realisasi_anggaran" if tok.role in ("realisasi", "serapan") else "pagu"
        elif tok.role == "pagu":
            tok.role = None  # "anggaran … 92%" without a head word says nothing certain
        after = sentence[end:end + 20]
        for unit, pattern in vocab.units:
            if pattern.match(after) or (unit == "money" and num.money):
                tok.unit = unit
                break
        tok.in_parens_pct = num.percent and sentence[max(0, start - 2):start].strip().endswith("(")
        per = _PER_BASE.match(sentence, end)
        if per:
            tok.per_base = int(re.sub(r"[.,]", "", per.group(1)))
        out.append(tok)
        prev_end = end
    return out


def extract_claims(report) -> list[Claim]:
    claims: list[Claim] = []
    indicators = report.indicators
    year = report.year
    words = report.vocab.claims
    ignored = report.vocab.indicators.generic_words
    # category words: every known scale's and the report's own (e.g. "Tercapai")
    labels = report.vocab.scales.labels | {norm_label(b.label) for b in report.scale.bands}
    ledger = Ledger()
    last_measured: Token | None = None  # the value "angka ini" refers to
    recent: list[str] = []  # the passage so far: its wording says whether lower is better
    wholes: dict[str, Count] = {}  # "pada 5 (lima) indikator": what later parts are shares of
    for block in report.texts:
        if isinstance(block, Heading):
            ledger.reset()  # a budget (or indicator) passage ends at the next heading
            last_measured, recent, wholes = None, [], {}
        recent = (recent + [block.text])[-3:]
        passage = " ".join(recent)[-2000:]

        def negative(passage=passage) -> bool:  # asked only when a sentence states a whole capaian
            return is_negative(passage, report)

        if not isinstance(block, (Paragraph, Heading)) or not re.search(r"\d", block.text):
            continue
        para_tokens: list[tuple[str, Token]] = []
        for sentence in sentences(block.text):
            if len(sentence) > MAX_SENTENCE:
                continue  # not a sentence (a flattened table, a pasted blob): nothing to claim
            toks = tokens(sentence, words)
            para_tokens.extend((sentence, t) for t in toks)
            claims.extend(_capaian_claims(sentence, toks, block, last_measured, negative))
            last_measured = _measured(toks) or last_measured
            claims.extend(_sum_claims(sentence, toks, block))
            claims.extend(_share_claims(sentence, toks, block))
            claims.extend(_category_claims(sentence, toks, block, indicators, year, labels, words, ignored))
            claims.extend(_indicator_claims(sentence, toks, block, indicators, year, ignored))
            ledger.read(sentence, toks, block)
            claims.extend(_count_claims(sentence, block, wholes))
            claims.extend(_ratio_claims(sentence, toks, block, words))
        claims.extend(_budget_claims(block, para_tokens))
    return _distinct(claims + ledger.claims + expression_claims(report))


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per statement: the sentence reader and the ledger may both read "terdiri dari"."""
    seen, out = set(), []
    for c in claims:
        key = (c.kind if c.kind != "budget" else "budget", c.sentence, c.value.raw if c.value else None,
               tuple(sorted((k, v.raw) for k, v in c.values.items())))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return sorted(out, key=lambda c: (c.paragraph or 0))


def claim_location(claim: Claim) -> Location:
    return Location(line=claim.line, page=claim.page, paragraph=None if claim.line else claim.paragraph)


_claim = make_claim


def _measured(toks: list[Token]) -> Token | None:
    """The last plain value of a sentence (not money, not a percentage, no target): what "angka ini" means."""
    plain = [t for t in toks if not t.num.money and not t.num.percent and t.role in (None, "realisasi")]
    return plain[-1] if plain else None


def _capaian_claims(sentence, toks, block, last_measured=None, negative=lambda: False):
    """"realisasi R … target T … capaian C" in any order; "Angka ini … target T … capaian C" takes R
    from the sentence before. Realisasi and target of one claim must share their rate base ("per 1000")."""
    group: dict[str, Token] = {}
    complete = []
    for t in toks:
        if t.role not in ("target", "realisasi", "capaian"):
            continue
        if t.role in group:
            group = {}
        group[t.role] = t
        if len(group) == 3:
            complete.append(group)
            group = {}
    if not complete and set(group) == {"target", "capaian"} and last_measured is not None and _ANAPHOR.match(sentence):
        complete.append({**group, "realisasi": last_measured})
    for g in complete:
        values = {role: t.num for role, t in g.items()}
        yield _claim("capaian", sentence, block, values=values, negative=negative() or None)
        bases = {role: t.per_base for role, t in g.items() if t.per_base}
        if bases.get("target") and bases.get("realisasi") and bases["target"] != bases["realisasi"]:
            yield _claim("unit", sentence, block, value=g["target"].num,
                         label=_per_label(bases["target"]), values={"realisasi": g["realisasi"].num},
                         indicator=_per_label(bases["realisasi"]))


def _count_claims(sentence, block, wholes: dict):
    """"7 (delapan)": digits and words disagree. "3 (tiga) indikator … atau 60,00%" of the whole counted before."""
    for c in counts(sentence):
        if c.words_n is not None and c.words_n != c.n:
            yield _claim("number_words", sentence, block, value=_int_num(c.n), label=f"{c.n} ({c.words})",
                         values={"words": _int_num(c.words_n)})
        if c.whole:
            wholes[c.noun] = c
        elif c.share is not None and c.noun in wholes and wholes[c.noun].n >= c.n:
            yield _claim("share", sentence, block, value=c.share,
                         values={"part": _int_num(c.n), "base": _int_num(wholes[c.noun].n)})


def _ratio_claims(sentence, toks, block, vocab: ClaimWords):
    """"penduduk … 26.508.500 orang, sedangkan … siswa … 22.736.501 siswa, sehingga APM … adalah 85.77%":
    exactly two counts of people, then a consequence word and one percentage: their ratio."""
    if len(toks) < 3:
        return
    m = vocab.consequence.search(sentence)
    if not m:
        return
    before = [t for t in toks if t.end <= m.start()]
    after = [t for t in toks if t.start >= m.end()]
    counts_ = [t for t in before if t.unit == "people" and t.num.decimals == 0 and not t.num.percent]
    if len(counts_) != 2:
        counts_ = _same_noun_counts(sentence, before)  # "Dari 10 desa, sebanyak 9 desa …"
    others = [t for t in before if t not in counts_]
    # ages and ranges ("berusia 7-12 tahun") may stand between; any other value makes the ratio unclear
    if any(t.num.percent or t.num.money or t.num.decimals or t.num.value >= 100 for t in others):
        return
    if len(counts_) != 2 or len(after) != 1 or not after[0].num.percent:
        return
    yield _claim("ratio", sentence, block, value=after[0].num,
                 values={"part": counts_[1].num, "base": counts_[0].num})


def _same_noun_counts(sentence: str, toks) -> list:
    """The two whole numbers of a sentence that count the same thing ("10 desa" and "9 desa"), if exactly two do."""
    by_noun: dict[str, list] = {}
    for t in toks:
        if t.num.decimals or t.num.percent or t.num.money:
            continue
        m = _COUNTED_NOUN.match(sentence, t.end)
        if m and m.group(1).lower() not in ("persen", "per"):
            by_noun.setdefault(m.group(1).lower(), []).append(t)
    pairs = [ts for ts in by_noun.values() if len(ts) == 2]
    return pairs[0] if len(pairs) == 1 else []


def _int_num(n: int) -> Num:
    return Num(Decimal(n), 0, str(n))


def _per_label(base: int) -> str:
    return "per " + f"{base:,}".replace(",", ".")


def _sum_claims(sentence, toks, block):
    """"A <unit>, terdiri dari B <unit> dan C <unit>": A = B + C when every number has A's unit."""
    m = re.search(r"terdiri\s+(dari|atas)", sentence, re.I)
    if not m:
        return
    before = [t for t in toks if t.end <= m.start() and t.unit and not t.in_parens_pct]
    after = [t for t in toks if t.start >= m.end() and not t.num.percent]
    if not before or len(after) < 2:
        return
    total = before[-1]
    if any(t.unit != total.unit for t in after):
        return
    yield _claim("sum", sentence, block, value=total.num, parts=[t.num for t in after], label=total.unit)


def _share_claims(sentence, toks, block):
    """"N jiwa (x%)" parts of a total named in the same sentence (the number equal to their sum)."""
    parts = []
    for i, t in enumerate(toks):
        if t.in_parens_pct and i > 0 and not toks[i - 1].num.percent:
            parts.append((toks[i - 1].num, t.num))
    if len(parts) < 2:
        return
    total = sum(p[0].value for p in parts)
    base = next((t.num for t in toks if not t.num.percent and t.num.value == total), None)
    if base is None:
        return
    for part, pct in parts:
        yield _claim("share", sentence, block, value=pct, values={"part": part, "base": base})


def _category_claims(sentence, toks, block, indicators, year, labels: frozenset[str], vocab: ClaimWords, ignored):
    for t in toks:
        if t.role != "capaian":
            continue
        after = sentence[t.end:t.end + 60]
        m = vocab.category.search(after)
        if not m or len(re.findall(r"\S+", after[:m.start()])) > 4:
            continue
        words = re.findall(r"[A-Za-z]+", after[m.end():m.end() + 40])[:3]
        for n in range(len(words), 0, -1):
            label = " ".join(words[:n])
            if norm_label(label) in labels:
                # classify the indicator's true capaian when the sentence names one
                ind = mentioned_indicator(sentence[:t.start], indicators, ignored)
                computed = computed_capaian(ind, year) if ind is not None else None
                yield _claim("category", sentence, block, value=t.num, label=label,
                             indicator=ind.name if ind else None,
                             indicator_capaian=float(computed) if computed is not None else None)
                break


def mentioned_indicator(text: str, indicators, ignored: frozenset[str] | None = None) -> object | None:
    """The indicator a text names last; `ignored`: the words normalise drops (report.vocab.indicators.generic_words)."""
    norm = normalise(text, ignored)
    best = None
    for ind in indicators:
        for variant in ind.variants:
            v = normalise(variant, ignored)
            if not v:
                continue
            pos = norm.rfind(v)
            if pos < 0 and len(v) >= 8 and fuzz.partial_ratio(v, norm, score_cutoff=92) >= 92:
                pos = 0
            if pos < 0 and ind.acronym and re.search(rf"\b{ind.acronym}\b", text):
                pos = 0
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, ind)
    return best[1] if best else None


def _indicator_claims(sentence, toks, block, indicators, year, ignored):
    roles = {t.role for t in toks}
    if "target" in roles and "realisasi" in roles:
        return  # self-contained: the capaian claim checks it
    for t in toks:
        if t.role != "capaian" or t.num.money:
            continue
        ind = mentioned_indicator(sentence[:t.start], indicators, ignored)
        if ind is None:
            continue
        computed = computed_capaian(ind, year)
        yield _claim("indicator_capaian", sentence, block, value=t.num, indicator=ind.name,
                     indicator_capaian=float(computed) if computed is not None else None)


def _budget_claims(block, para_tokens):
    """Within a paragraph: serapan = realisasi / pagu; efisiensi = 100 − serapan or capaian − serapan."""
    last: dict[str, Num] = {}
    parts_from: dict[str, int | None] = {}
    for sentence, t in para_tokens:
        if t.num.money and t.role == "pagu":
            if sentence not in parts_from:
                parts_from[sentence] = parts_start(sentence)
            start = parts_from[sentence]
            if start is not None and t.start >= start:
                continue  # a part of a breakdown ("terdiri dari Belanja Pegawai Rp A dan …") is not the pagu
        if t.role == "serapan" or (t.num.percent and last.get("realisasi_anggaran") is not None
                                   and t.role in (None, "realisasi") and "serapan" not in last):
            if "pagu" in last and "realisasi_anggaran" in last:
                yield _claim("budget", sentence, block, value=t.num,
                             values={"pagu": last["pagu"], "realisasi_anggaran": last["realisasi_anggaran"]})
            last["serapan"] = t.num
            continue
        if t.role == "efisiensi" and t.num.percent and "serapan" in last:
            values = {"serapan": last["serapan"]}
            if "capaian" in last:
                values["capaian"] = last["capaian"]
            yield _claim("efficiency", sentence, block, value=t.num, values=values)
            continue
        if t.role in ("pagu", "realisasi_anggaran", "capaian"):
            last[t.role] = t.num
            if t.role == "pagu":
                last.pop("realisasi_anggaran", None)
                last.pop("serapan", None)
