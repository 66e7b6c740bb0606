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
from typing import Literal

from pydantic import Field, field_validator

from lkjip_lint.interpret.measures import check_measure
from lkjip_lint.relations import Relation, implementation, tagged


class Facts(Relation):
    """A total and its parts, entities named by the rule."""

    of: Literal["facts"] = "facts"
    total: str
    parts: list[str] = Field(min_length=2)
    measures: list[str] = Field(default_factory=lambda: ["pagu", "realisasi_anggaran"], min_length=1)

    @field_validator("total", "parts")
    @classmethod
    def _selectors_compile(cls, value):
        for pattern in [value] if isinstance(value, str) else value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"entity selector '{pattern}' is not a valid regular expression ({exc})") from None
            if not pattern.strip():
                raise ValueError("an entity selector is empty")
        return value

    @field_validator("measures")
    @classmethod
    def _measures_known(cls, value):
        return [check_measure(m) for m in value]


class Column(Relation):
    """A total row and the rows above it."""

    of: Literal["column"]


class Row(Relation):
    """A row's total column and its part columns."""

    of: Literal["row"]


class Hierarchy(Relation):
    """A programme row and its kegiatan rows (budget tables)."""

    of: Literal["hierarchy"]


class ParentRows(Relation):
    """A parent row, found from the values, and its child rows."""

    of: Literal["parent_rows"]


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
