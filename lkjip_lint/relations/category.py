"""category — a label equals the band of its value on the report's scale.

`of:` says which labels:

- `labels` (the default): a kategori / predikat / kriteria in a capaian table
  or stated in a sentence next to a capaian ("98,26% (kategori tinggi)") against
  the report's own scale table, the configured scale, or Permendagri 86/2017;
  a label from another scale (an AKIP predikat, an IKM mutu letter) is a finding
  too, words of no scale ("Tercapai") are left alone;
- `scale`: the report's own scale table gives every value a band (no gaps
  between bands, something above 100 %).

Parameters: of; for `labels`: text (also sentences), capaian_formula,
negative_formula.

Good:  Capaian 100 | Kategori Sangat Tinggi      (91–100 = Sangat Tinggi)
Bad:   Capaian 100 | Kategori Tinggi             (expected Sangat Tinggi)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lkjip_lint.relations import Relation, implementation, tagged


@dataclass(kw_only=True)
class Labels(Relation):
    """A category label and the capaian it stands beside."""

    of: Literal["labels"] = "labels"
    text: bool = True  # also categories stated in the running text
    capaian_formula: str = "realisasi / target * 100"
    negative_formula: str = "(2 * target - realisasi) / target * 100"


@dataclass(kw_only=True)
class Scale(Relation):
    """The bands of the report's own scale table and the values they classify."""

    of: Literal["scale"]


Params = tagged(Labels, Scale)
DEFAULT_OF = "labels"
IMPLEMENTATIONS = {"labels": "_category", "scale": "_scale_table"}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
