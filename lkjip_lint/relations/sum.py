"""sum — a whole equals the sum of its parts.

`of:` says which facts are the whole and the parts:

- `facts` (the default): entities a rule names — a total and its parts selected
  by regular expressions on row labels and on the words before a number in a
  sentence, in the measures listed ("Belanja Langsung = Belanja Pegawai +
  Belanja Barang dan Jasa + Belanja Modal"); added up only where the total and
  every part are stated together (one table, one paragraph);
- `column`: a Jumlah/Total row = the rows it covers, in every additive column;
- `row`: a row's total column = its part columns ("Pria | Wanita | Jumlah");
- `hierarchy`: a programme's pagu and realisasi = the sums of its kegiatan;
- `parent_rows`: a row whose numbers add up the rows below it = those rows, in
  every additive column;
- `maturity`: the maturity variables (1–5 each) = the Nilai Kematangan
  (Permendagri 99/2018).

Parameters: of; for `facts`: total, parts (regular expressions), measures.

Good:  Belanja Langsung | 100 ⏎ Belanja Pegawai | 40 ⏎ Belanja Barang dan Jasa | 35 ⏎ Belanja Modal | 25
Bad:   Belanja Langsung | 100 ⏎ Belanja Pegawai | 40 ⏎ Belanja Barang dan Jasa | 35 ⏎ Belanja Modal | 20   (expected 95)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lkjip_lint.datamodel import FieldError, require_items
from lkjip_lint.interpret.measures import check_measure
from lkjip_lint.relations import Relation, implementation, tagged


@dataclass(kw_only=True)
class Facts(Relation):
    """A total and its parts, entities named by the rule."""

    of: Literal["facts"] = "facts"
    total: str
    parts: list[str]
    measures: list[str] = field(default_factory=lambda: ["pagu", "realisasi_anggaran"])

    MIN_ITEMS = {"parts": 2, "measures": 1}

    def __post_init__(self) -> None:
        require_items(self)
        for name, value in (("total", self.total), ("parts", self.parts)):
            for pattern in [value] if isinstance(value, str) else value:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise FieldError(name, f"entity selector '{pattern}' is not a valid regular expression ({exc})") from None
                if not pattern.strip():
                    raise FieldError(name, "an entity selector is empty")
        try:
            self.measures = [check_measure(m) for m in self.measures]
        except ValueError as exc:
            raise FieldError("measures", str(exc)) from None


@dataclass(kw_only=True)
class Column(Relation):
    """A total row and the rows above it."""

    of: Literal["column"]


@dataclass(kw_only=True)
class Row(Relation):
    """A row's total column and its part columns."""

    of: Literal["row"]


@dataclass(kw_only=True)
class Hierarchy(Relation):
    """A programme row and its kegiatan rows (budget tables)."""

    of: Literal["hierarchy"]


@dataclass(kw_only=True)
class ParentRows(Relation):
    """A parent row, found from the values, and its child rows."""

    of: Literal["parent_rows"]


@dataclass(kw_only=True)
class Maturity(Relation):
    """The variables of the maturity table and the Nilai Kematangan."""

    of: Literal["maturity"]


Params = tagged(Facts, Column, Row, Hierarchy, ParentRows, Maturity)
DEFAULT_OF = "facts"
IMPLEMENTATIONS = {
    "facts": "_sum_facts",
    "column": "_column_total",
    "row": "_row_total",
    "hierarchy": "_hierarchy",
    "parent_rows": "_parent_sum",
    "maturity": "_maturity",
}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
