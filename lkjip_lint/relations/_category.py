"""category, of: labels — a kategori agrees with the report's scale for its capaian.

Every Kategori/Predikat/Kriteria cell of a capaian table, and every category
stated in the text next to a capaian ("capaian 98,26% (kategori tinggi)"), is
compared with the band of the report's own scale table (e.g. Tabel "Skala Nilai
Peringkat Kinerja", Permendagri 86/2017), or of the configured or default scale
when the report has none. The capaian is the recomputed realisasi / target when
the row has both, else the printed one. A label from another scale (the AKIP
predikat "Baik", an IKM mutu letter) used as a capaian category is an error too;
words that belong to no scale ("Efisien", "Tercapai") are left alone.

Good:  Capaian 100 | Kategori Sangat Tinggi      (91–100 = Sangat Tinggi)
Bad:   Capaian 100 | Kategori Tinggi             (expected Sangat Tinggi)
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.engine.expr import Formula
from lkjip_lint.engine.tolerance import Interval
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.claims import claim_location
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.scale import Scale, norm_label


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    scale = report.scale
    foreign = {norm_label(l) for s in report.vocab.scales.scales.values() if s.name != scale.name
               for b in s.bands for l in [b.label, *b.aliases]}
    positive, negative = Formula(ctx.params.capaian_formula), Formula(ctx.params.negative_formula)
    negative = report.capaian_convention.formula() or negative  # the report's own negative formula, when settled
    for view in ctx.tables:
        kat = next(iter(view.cols("kategori")), None)
        cap = next(iter(view.cols("capaian")), None)
        if kat is None or cap is None:
            continue
        target = next((c for c in view.cols("target") if c.group == cap.group), None)
        realisasi = next((c for c in view.cols("realisasi") if c.group == cap.group), None)
        for row in view.rows:
            label = row.cells[kat.index].strip()
            if row.type != "data" or not label:
                continue
            value = _capaian(view, row, cap, target, realisasi, positive, negative, report)
            if value is None:
                continue
            yield from _judge(label, value, scale, foreign, view.location(row, kat),
                              key=f"{view.ident}|{row.label}|{label}",
                              evidence=lambda view=view, row=row: {"table": view.snapshot([{"row": row.index, "col": kat.index}])},
                              where=f"{view.name}, {row.label}")
    if ctx.params.text:
        for claim in report.claims:
            if claim.kind != "category" or claim.value is None:
                continue
            value = Decimal(str(claim.indicator_capaian)) if claim.indicator_capaian is not None else claim.value.value
            yield from _judge(claim.label, value, scale, foreign, claim_location(claim),
                              key=f"text|{claim.sentence[:80]}|{claim.label}",
                              evidence=lambda claim=claim: {"sentence": claim.sentence}, where=claim.sentence[:60] + "…")


def _capaian(view, row, cap, target, realisasi, positive, negative, report) -> Decimal | None:
    t = view.num(row, target) if target else None
    r = view.num(row, realisasi) if realisasi else None
    if t is not None and r is not None and t.value:
        formula = negative if is_negative(row.label, report) else positive
        try:
            return formula({"target": Interval.exact(t.value), "realisasi": Interval.exact(r.value)}).point
        except ArithmeticError:
            pass
    printed = view.num(row, cap)
    return printed.value if printed is not None else None


def _judge(label: str, value: Decimal, scale: Scale, foreign: set[str], location: Location,
           key: str, evidence, where: str) -> Iterator[Draft]:
    """`evidence` is a callable: the table snapshot is built only for a finding."""
    expected = scale.classify(value)
    own = scale.find(label)
    if own is not None and own.label == expected.label:
        return
    if own is None and norm_label(label) not in foreign:
        return  # not a category word of any scale ("Efisien", "Tercapai")
    yield Draft(
        location=location,
        actual=label,
        expected=expected.label,
        variant="default" if own is not None else "foreign_label",
        values={"where": where, "value": float(round(value, 2)), "scale": scale.name},
        evidence=evidence(),
        key=key,
    )
