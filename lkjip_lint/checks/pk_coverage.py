"""pk_coverage — realisation tables report the indicators of the PK, and only those.

Not a relation: it compares which indicators are named in the PK and in the
realisation tables (presence by name); their values are compared by the agree
rules (PK001, AGREE001).

An indicator in a capaian, multi-year or efficiency table that is not in the
operative Perjanjian Kinerja (`unknown`), or a PK indicator that no realisation
table reports (`unreported`), is a warning; one indicator written with different
units (satuan) is a note (`units`). Only runs when the report has a PK table.

Good:  PK: Indeks Kepuasan Masyarakat ⏎ Tabel 3.2: Indeks Kepuasan Masyarakat
Bad:   PK: Indeks Kepuasan Masyarakat ⏎ Efisiensi: Indeks Pelayanan Publik
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.indicators import REALISATION_KINDS, indicator_name, operative_pk

Params = NoParams


def run(ctx: Context) -> Iterator[Draft]:
    report = ctx.report
    pk = operative_pk(report)
    if pk is None:
        return
    in_pk = {ind.name for row in pk.rows if (ind := report.find_indicator(indicator_name(pk, row)))}
    reported = set()
    for view in report.views:
        if view.kind not in REALISATION_KINDS:
            continue
        for row in view.rows:
            name = indicator_name(view, row)
            if row.type != "data" or not name:
                continue
            ind = report.find_indicator(name)
            if ind is not None and ind.name in in_pk:
                reported.add(ind.name)
                continue
            yield Draft(location=view.location(row), actual=name, expected=None, variant="unknown",
                        values={"indicator": name, "table": view.name, "pk": pk.name},
                        key=f"unknown|{view.ident}|{name}")
    for row in pk.rows:
        ind = report.find_indicator(indicator_name(pk, row))
        if ind is not None and ind.name not in reported:
            reported.add(ind.name)  # once per indicator
            yield Draft(location=pk.location(row), actual=ind.name, expected=None, variant="unreported",
                        values={"indicator": ind.name, "table": pk.name, "pk": pk.name},
                        key=f"unreported|{ind.name}")
    for ind in report.indicators:
        if ind.name in in_pk and len({u.lower() for u in ind.units}) > 1:
            yield Draft(location=pk.location(), actual=", ".join(ind.units), expected=None, grade="note",
                        variant="units", values={"indicator": ind.name, "units": ", ".join(ind.units), "table": pk.name, "pk": pk.name},
                        key=f"units|{ind.name}")
