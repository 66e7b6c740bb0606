"""names — one entity, one name.

`of:` says which names are compared:

- `foreign_subject`: the instansi a sentence makes the actor against the
  report's own subject (another kecamatan's name left from a copied report);
- `own_name`: every "<kind> <Name>" of the subject's kind, or of its
  kabupaten/kota, against the subject's name (a small edit away is a misspelling);
- `variants`: one place, unit, indicator or official written two ways — labels
  of tables listing the same things, names in the text against table labels,
  the signatory's name and rank.

Parameters: of; for `foreign_subject`: actor_before, actor_after, max_distance;
for `own_name`: max_distance, max_ratio; for `variants`: min_labels,
min_overlap, max_distance, max_ratio, min_length.

Good:  Utara : Kecamatan Bojongsari dan Kaligondang      (a border)
Bad:   Pemerintah Kecamatan Bojongsari telah menyusun SOP (expected Kecamatan Purbalingga)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lkjip_lint.relations import Relation, implementation, tagged


@dataclass(kw_only=True)
class ForeignSubject(Relation):
    """The actor a sentence names and the report's subject."""

    of: Literal["foreign_subject"]
    actor_before: list[str] = field(default_factory=lambda: [
        r"pemerintah(an)?", r"kantor", r"laporan\s+(akuntabilitas\s+)?kinerja(\s+instansi(\s+pemerintah)?)?",
        r"lkjip", r"lakip", r"lkj", r"renstra", r"renja", r"perjanjian\s+kinerja", r"website", r"laman", r"situs",
        r"(capaian|akuntabilitas)\s+kinerja",
    ])
    actor_after: list[str] = field(default_factory=lambda: [
        r"tahun\s+(anggaran\s+)?(19|20)\d\d", r"berupaya\b", r"senantiasa\b",
    ])
    max_distance: int = 2


@dataclass(kw_only=True)
class OwnName(Relation):
    """The subject's name (and its kabupaten/kota) as written throughout."""

    of: Literal["own_name"]
    max_distance: int = 2
    max_ratio: float = 0.2


@dataclass(kw_only=True)
class Variants(Relation):
    """Names of places, units, indicators and officials in tables and text."""

    of: Literal["variants"]
    min_labels: int = 3
    min_overlap: float = 0.6
    max_distance: int = 2
    max_ratio: float = 0.2
    min_length: int = 5


Params = tagged(ForeignSubject, OwnName, Variants)
DEFAULT_OF = "variants"
IMPLEMENTATIONS = {"foreign_subject": "_foreign_subject", "own_name": "_misspelt_subject", "variants": "_name_variants"}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
