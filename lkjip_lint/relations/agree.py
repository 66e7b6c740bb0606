"""agree — one fact, one value, wherever it is stated.

`of:` says which statements of one fact are compared:

- `facts` (the default): an indicator's target, realisasi or capaian for one
  year in a sentence against its table (within the printed precision of both);
  when the sentence's own target and realisasi give its capaian, the table cell
  is the one that disagrees; a sentence repeating a table row must give that
  row's values; one indicator's rate keeps one base ("per 1.000"). Two different
  indicators that share a value are never compared;
- `pk_target`: the target of every realisation table row against the operative
  Perjanjian Kinerja (a PK Perubahan supersedes the original);
- `indicator_capaian`: one indicator's capaian for the report year, printed
  where it cannot be recomputed (a table without target or realisasi, a
  sentence of the Ikhtisar or Penutup), against the capaian of its realisation
  tables;
- `report_year`: the year a heading, a contents or list-of-tables entry or a
  table caption names against the report's year (periods, regulation citations,
  dates, sources and comparisons left out).

Parameters: of; for `report_year`: max_heading_level, comparison_words, ignore.

Good:  Tabel 3.67: Nilai Evaluasi Kinerja Anggaran | 89 | 87.93 | 98.80% ⏎ "… memperoleh nilai 87.93 atau 98.80%."
Bad:   Tabel 3.67: Nilai Evaluasi Kinerja Anggaran | 89 | 87.93 | 98.80% ⏎ "… memperoleh nilai 87.93 atau 98.90%."   (expected 98.8)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lkjip_lint.relations import Relation, implementation, tagged

_Y = r"(?:19[5-9]\d|20\d\d)"
_MONTHS = r"(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember)"


@dataclass(kw_only=True)
class Facts(Relation):
    """Facts (indicator, measure, year) stated in sentences and tables."""

    of: Literal["facts"] = "facts"


@dataclass(kw_only=True)
class PkTarget(Relation):
    """An indicator's target in the operative PK and in the realisation tables."""

    of: Literal["pk_target"]


@dataclass(kw_only=True)
class IndicatorCapaian(Relation):
    """An indicator's capaian for the report year, wherever it is printed."""

    of: Literal["indicator_capaian"]


@dataclass(kw_only=True)
class ReportYear(Relation):
    """The year of the report and the years titles name."""

    of: Literal["report_year"]
    max_heading_level: int = 2  # numbered lines ("1. Juara I Lomba … 2023") are list items as often as headings
    comparison_words: list[str] = field(default_factory=lambda: [
        r"perbandingan", r"dibandingkan", r"\bdibanding\b", r"sebelumnya", r"tahun\s+lalu", r"\btre[n]d?\b",
        r"perkembangan", r"\bsejak\b", r"terakhir", r"beberapa\s+tahun",
    ])
    ignore: list[str] = field(default_factory=lambda: [
        # regulation citations: "Nomor 29 Tahun 2014", "No. 53 Tahun 2014", "53/2014", "Tahun 2014 tentang"
        rf"\b(nomor|no)\b\.?\s*:?\s*[\w./\-–]+\s+(tahun\s+)?{_Y}",
        rf"\b\d+[a-z]?\s*/\s*{_Y}\b",
        rf"\b(tahun\s+)?{_Y}\s+tentang\b",
        # periods
        rf"{_Y}\s*(?:[-–—/]|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*(?:tahun\s+)?{_Y}",
        # dates and source documents
        rf"\b\d{{0,2}}\s*{_MONTHS}\s+{_Y}",
        rf"dalam\s+angka\s+(tahun\s+)?{_Y}",
        r"^\s*sumber\b.*$",
        # column-style comparisons
        rf"\b(realisasi|capaian|target|kondisi\s+awal|baseline|data)\s+{_Y}",
    ])


Params = tagged(Facts, PkTarget, IndicatorCapaian, ReportYear)
DEFAULT_OF = "facts"
IMPLEMENTATIONS = {
    "facts": "_agree_facts",
    "pk_target": "_pk_target",
    "indicator_capaian": "_indicator_consistency",
    "report_year": "_years",
}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
