"""Indicators across the report: one model per indicator, merged from every table.

An indicator appears in the PK (original and Perubahan), the Renstra table, the
capaian tables, the multi-year comparison and the efficiency analysis, each time
worded a little differently ("Indeks Kepuasan Masyarakat (IKM) Kecamatan",
"Indeks Kepuasan Masyarakat", "Indek Kepuasan Masyarakat (IKM)"). Names are
compared after dropping generic words and the report's own place names, with a
fuzzy ratio that never merges names whose digits differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz, process

from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.tables import TableView, TRow

INDICATOR_KINDS = ("pk", "pk_amendment", "renstra", "capaian", "multi_year", "efficiency")
REALISATION_KINDS = ("capaian", "multi_year", "efficiency")
PK_KINDS = ("pk", "pk_amendment")
_MATCH = 90


@dataclass(kw_only=True)
class Value:
    """One value of an indicator as a table states it: the number as printed, the table, its kind, year."""

    value: float
    raw: str
    decimals: int = 0
    table: str
    kind: str | None = None
    line: int | None = None
    page: int | None = None
    year: int | None = None
    name_as_written: str = ""


@dataclass(kw_only=True)
class Indicator:
    """One indicator across the report: its names, units, polarity, targets, realisasi and capaian."""

    name: str
    variants: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    polarity: str = "positive"
    targets: list[Value] = field(default_factory=list)
    realisasi: list[Value] = field(default_factory=list)
    capaian: list[Value] = field(default_factory=list)
    kategori: list[str] = field(default_factory=list)
    acronym: str | None = None

    def key(self) -> str:
        return self.name


def _bundled_generic_words() -> frozenset[str]:
    from lkjip_lint.interpret.vocabulary import load_vocabulary

    return load_vocabulary().indicators.generic_words


def acronym_of(name: str) -> str | None:
    m = re.search(r"\(([A-Z][A-Za-z]{1,9})\)", name)
    return m.group(1).upper() if m else None


@lru_cache(maxsize=16384)  # pure, and asked for the same names thousands of times per report
def normalise(name: str, ignored: frozenset[str] | None = None) -> str:
    """The words of a name that tell indicators apart. `ignored`: words to drop, the vocabulary's
    generic words and the report's place names (ignored_words); by default the bundled generic words."""
    if ignored is None:
        ignored = _bundled_generic_words()
    text = re.sub(r"\([^)]*\)", " ", name.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w not in ignored]
    return " ".join(words)


def _initials(normalised: str) -> str:
    return "".join(w[0] for w in normalised.split()).upper()


def same_indicator(a: str, b: str, ignored: frozenset[str] | None = None) -> bool:
    na, nb = normalise(a, ignored), normalise(b, ignored)
    if not na or not nb:
        return False
    if re.findall(r"\d+", na) != re.findall(r"\d+", nb):
        return False
    if na == nb or fuzz.ratio(na, nb, score_cutoff=_MATCH) >= _MATCH:
        return True
    acr_a, acr_b = acronym_of(a), acronym_of(b)
    return bool((acr_a and acr_a == _initials(nb)) or (acr_b and acr_b == _initials(na)))


class IndicatorIndex:
    """Find an indicator by any spelling in (amortised) constant time: exact
    normalised names first, then rapidfuzz's C search, then acronyms."""

    def __init__(self, ignored: frozenset[str]) -> None:
        self.ignored = ignored
        self.by_norm: dict[str, Indicator] = {}
        self.by_initials: dict[str, Indicator] = {}
        self.by_acronym: dict[str, Indicator] = {}

    def add(self, ind: Indicator, variant: str) -> None:
        norm = normalise(variant, self.ignored)
        if norm:
            self.by_norm.setdefault(norm, ind)
            self.by_initials.setdefault(_initials(norm), ind)
        acr = acronym_of(variant)
        if acr:
            self.by_acronym.setdefault(acr, ind)

    def find(self, name: str) -> Indicator | None:
        norm = normalise(name, self.ignored)
        if not norm:
            return None
        if norm in self.by_norm:
            return self.by_norm[norm]
        digits = re.findall(r"\d+", norm)
        for candidate, score, _ in process.extract(norm, list(self.by_norm), scorer=fuzz.ratio, score_cutoff=_MATCH, limit=5):
            if re.findall(r"\d+", candidate) == digits:
                return self.by_norm[candidate]
        acr = acronym_of(name)
        if acr and acr in self.by_initials:
            return self.by_initials[acr]
        return self.by_acronym.get(_initials(norm)) if len(norm.split()) >= 2 else None


def ignored_words(report) -> frozenset[str]:
    """Words that do not tell one of the report's indicators from another: the vocabulary's
    generic words (bundled and the user's) and the report's own place names."""
    s = report.subject
    places = " ".join(filter(None, [s.name, s.kabupaten])).lower().split()
    return report.vocab.indicators.generic_words | frozenset(places)


def indicator_column(view: TableView):
    for col in view.columns:
        if col.role is None and re.search(r"indikator", col.header, re.I):
            return col
    return None


def indicator_name(view: TableView, row: TRow) -> str:
    col = indicator_column(view)
    if col is not None:
        return row.cells[col.index].strip()
    if view.kind in REALISATION_KINDS and view.label_cols:
        return row.cells[view.label_cols[0]].strip() or row.label
    return ""


def collect_indicators(report) -> tuple[list[Indicator], IndicatorIndex]:
    year = report.year
    indicators: list[Indicator] = []
    index = IndicatorIndex(ignored_words(report))
    for view in report.views:
        if view.kind not in INDICATOR_KINDS:
            continue
        for row in view.rows:
            if row.type != "data" and view.kind not in ("renstra",):
                continue
            name = indicator_name(view, row)
            if not name or len(name) < 4 or not re.search(r"[A-Za-z]{3}", name):
                continue
            ind = index.find(name)
            if ind is None:
                ind = Indicator(name=name, acronym=acronym_of(name), polarity="negative" if is_negative(name, report) else "positive")
                indicators.append(ind)
            if name not in ind.variants:
                ind.variants.append(name)
                index.add(ind, name)
            ind.acronym = ind.acronym or acronym_of(name)
            _record(ind, view, row, year, name)
    return indicators, index


def _record(ind: Indicator, view: TableView, row: TRow, year: int | None, name: str) -> None:
    for col in view.columns:
        n = view.num(row, col)
        if col.role == "satuan" and row.cells[col.index] and row.cells[col.index] not in ind.units:
            ind.units.append(row.cells[col.index])
        if col.role == "kategori" and row.cells[col.index]:
            ind.kategori.append(row.cells[col.index])
        if n is None or col.role not in ("target", "realisasi", "capaian"):
            continue
        if col.role == "target" and col.year not in (None, year):
            continue
        value = Value(value=float(n.value), raw=n.raw, decimals=n.decimals, table=view.name, kind=view.kind,
                      line=row.line, page=row.page, year=col.year or (year if col.role != "realisasi" or view.kind != "multi_year" else None),
                      name_as_written=name)
        getattr(ind, {"target": "targets", "realisasi": "realisasi", "capaian": "capaian"}[col.role]).append(value)


def operative_pk(report) -> TableView | None:
    """The PK whose targets count: the last Perubahan if there is one, else the last PK."""
    amended = [v for v in report.views if v.kind == "pk_amendment"]
    if amended:
        return amended[-1]
    originals = [v for v in report.views if v.kind == "pk"]
    return originals[-1] if originals else None


def pk_targets(report) -> dict[str, tuple]:
    """Indicator name → (target Num, PK row, PK view) of the operative Perjanjian Kinerja, for the report year."""
    pk = operative_pk(report)
    targets: dict[str, tuple] = {}
    if pk is None:
        return targets
    col = next((c for c in pk.cols("target") if c.year in (None, report.year)), None)
    if col is None:
        return targets
    for row in pk.rows:
        name = indicator_name(pk, row)
        value = pk.num(row, col)
        ind = report.find_indicator(name) if name else None
        if ind is not None and value is not None:
            targets.setdefault(ind.name, (value, row, pk))
    return targets


def computed_capaian(ind: Indicator, year: int | None, negative_formula: str | None = None) -> Decimal | None:
    """Realisasi / target of the report year, from the realisation tables (the values most tables use); a negative
    indicator's by (2T − R) / T, or by T / R when `negative_formula` (the report's convention) says so."""
    from collections import Counter

    results = Counter()
    for t in ind.targets:
        if t.kind not in REALISATION_KINDS:
            continue
        for r in ind.realisasi:
            if r.table == t.table and r.line == t.line and (r.year in (None, year)) and t.value:
                v = Decimal(str(r.value)) / Decimal(str(t.value)) * 100
                if ind.polarity == "negative" and negative_formula == "T / R":
                    if not r.value:
                        continue
                    v = Decimal(str(t.value)) / Decimal(str(r.value)) * 100
                elif ind.polarity == "negative":
                    v = (2 * Decimal(str(t.value)) - Decimal(str(r.value))) / Decimal(str(t.value)) * 100
                results[v.quantize(Decimal("0.0001"))] += 1
    return results.most_common(1)[0][0] if results else None
