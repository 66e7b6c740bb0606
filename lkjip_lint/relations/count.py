"""count — a count stated in the text equals the number of things it counts.

`of:` says what holds the things counted:

- `tables` (the default): "terdiri dari 11 Kelurahan, 2 desa" against the table
  that lists them (its distinct labels, a section's rows, a column's sum);
- `pk`: "1 tujuan, 2 sasaran dengan 2 indikator" against the distinct tujuan,
  sasaran and indicators of the operative Perjanjian Kinerja;
- `list`: "3 (tiga) sasaran yaitu …" against the items listed after it.

Parameters: of, cues, ignore_nouns, pk_columns (noun → header pattern), min_pk_nouns.

Good:  terdiri dari 11 Kelurahan, 2 desa   (the table lists 11 kelurahan and a section Desa of 2)
Bad:   terdiri dari 12 Kelurahan, 2 desa   (expected 11)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lkjip_lint.relations import Relation, implementation


@dataclass(kw_only=True)
class Params(Relation):
    """A count in a sentence and what it counts (`of`)."""

    of: Literal["tables", "pk", "list"] = "tables"
    cues: list[str] = field(default_factory=lambda: [
        r"terdiri\s+(dari|atas)", r"tersebar\s+(di|ke)", r"meliputi", r"membawahi", r"membawahkan", r"mencakup",
        r"terbagi\s+(atas|menjadi|dalam)", r"berjumlah", r"menetapkan", r"sebanyak",
    ])
    ignore_nouns: list[str] = field(default_factory=lambda: [
        "jumlah", "total", "tahun", "bulan", "hari", "orang", "jiwa", "persen", "kali", "buah", "unit", "jam",
        "km", "ha", "m", "no", "nomor", "tentang",
    ])
    pk_columns: dict[str, str] = field(default_factory=lambda: {
        "tujuan": r"^tujuan\b", "sasaran": r"^sasaran\b", "indikator": r"^indikator\b",
    })
    min_pk_nouns: int = 2


IMPLEMENTATIONS = {"tables": "_count", "pk": "_count", "list": "_count"}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
