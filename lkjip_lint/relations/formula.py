"""formula — a value equals an expression of other values of the same entity and period.

`of:` says which values:

- `row`: a column computed from other columns of the same row, by the formulas
  the rule gives over column roles (capaian = realisasi / target × 100 with the
  negative-polarity variants, serapan, efisiensi, sisa, the survey conversion
  NRR × 25);
- `share`: a percentage beside a count = count / its base × 100 (the row's
  total column, or the total row below it);
- `change`: a change column between two period columns = the relative change
  or the difference, as the table's own rows do;
- `derived_column`: a column the table's own rows show to be a / b × 100,
  a / b, a − b or a + b of two others, on every row;
- `survey_index`: the survey table's weighted NRR, IKM = weighted NRR × 25 and
  the mutu letter (PermenPANRB 14/2017);
- `akip`: the AKIP evaluation's component scores within their weights, their
  total, the predikat (PermenPANRB 88/2021);
- `text`: the arithmetic a sentence states (capaian from its realisasi and
  target, serapan, efisiensi, sums, shares, formulas written out).

Parameters: of; for `row`: result, formulas ({name, expr, polarity}),
expected_decimals, capped_values; for `survey_index`: weights, scale_factor,
weighted_label, index_label; for `text`: only, skip (claim kinds).

Good:  Indikator Kinerja | Target | Realisasi | Capaian (%) ⏎ Indeks Kepuasan Masyarakat | 91.5 | 93.85 | 102.57
Bad:   Indikator Kinerja | Target | Realisasi | Capaian (%) ⏎ Indeks Kepuasan Masyarakat | 91.5 | 93.85 | 102.51   (expected 102.57)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lkjip_lint.datamodel import FieldError, Strict, require_items
from lkjip_lint.engine.expr import Formula
from lkjip_lint.interpret.measures import check_measure
from lkjip_lint.relations import Relation, implementation, tagged


@dataclass(kw_only=True)
class FormulaSpec(Strict):
    """A formula of `of: row`: its name, its expression over column roles, and the polarity it is for."""

    expr: str
    name: str
    polarity: Literal["positive", "negative", "any"] = "any"

    def __post_init__(self) -> None:
        try:
            Formula(self.expr)  # raises ExpressionError with the reason
        except ValueError as exc:
            raise FieldError("expr", str(exc)) from None


@dataclass(kw_only=True)
class Row(Relation):
    """A column of a row and the formulas over the row's other columns that give it."""

    of: Literal["row"]
    result: str
    formulas: list[FormulaSpec]
    expected_decimals: int = 2
    capped_values: list[float] = field(default_factory=list)  # printed caps (100, 120) → note only

    MIN_ITEMS = {"formulas": 1}

    def __post_init__(self) -> None:
        # from a trusted bundled file the formulas come as the file gives them
        self.formulas = [f if isinstance(f, FormulaSpec) else FormulaSpec(**f) for f in self.formulas]
        require_items(self)
        try:
            self.result = check_measure(self.result)
        except ValueError as exc:
            raise FieldError("result", str(exc)) from None
        for k, spec in enumerate(self.formulas):
            for name in Formula(spec.expr).names:
                try:
                    check_measure(name)  # a formula over a role no column has would silently never fire
                except ValueError as exc:
                    raise FieldError(f"formulas.{k}.expr", str(exc)) from None


@dataclass(kw_only=True)
class Share(Relation):
    """A percentage and the count and base beside it."""

    of: Literal["share"]


@dataclass(kw_only=True)
class Change(Relation):
    """A change column and the two period columns it compares."""

    of: Literal["change"]


@dataclass(kw_only=True)
class DerivedColumn(Relation):
    """A column and the two columns the table's rows show it is computed from."""

    of: Literal["derived_column"]


@dataclass(kw_only=True)
class SurveyIndex(Relation):
    """The NRR of a survey's unsur, its weighted NRR, the IKM and the mutu letters."""

    of: Literal["survey_index"]
    # "1/n": one over the number of unsur; "1/n:3": that rounded to 3 decimals as forms print it
    # (0,111 for 9 unsur); a plain number is a fixed weight
    weights: list[str] = field(default_factory=lambda: ["1/n:3", "1/n", "1/n:2"])
    scale_factor: float = 25
    weighted_label: str = r"tertimbang"
    index_label: str = r"^(ikm|indeks\s+kepuasan|nilai\s+ikm|skm)\b"


@dataclass(kw_only=True)
class Akip(Relation):
    """The AKIP components, their weights, the total and the predikat."""

    of: Literal["akip"]


@dataclass(kw_only=True)
class Text(Relation):
    """The numbers one sentence states together."""

    of: Literal["text"]
    only: list[str] = field(default_factory=list)  # claim kinds this rule checks (empty: all but `skip`)
    skip: list[str] = field(default_factory=list)


Params = tagged(Row, Share, Change, DerivedColumn, SurveyIndex, Akip, Text)
DEFAULT_OF = "row"
IMPLEMENTATIONS = {
    "row": "_row_formula",
    "share": "_share",
    "change": "_change_column",
    "derived_column": "_column_relation",
    "survey_index": "_survey_index",
    "akip": "_akip",
    "text": "_text_claims",
}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
