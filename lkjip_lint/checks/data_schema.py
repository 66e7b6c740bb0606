"""data_schema — report data (.yaml/.json) follows schemas/lkjip.schema.json.

Not a relation: it validates the shape of a data file against its schema,
before facts are read from it.

Only for reports read as data. The reader validates the file against the schema
of the LKjIP model (the format `lkjip-lint extract` writes) and keeps every
violation; each becomes one finding that names the JSON path and what was
expected there. The rest of the data is still read and checked: a wrong value
is reported, never a crash.

Good:  indicators: [{name: IKM, targets: [{value: 88, raw: "88", source: {}}]}]
Bad:   indicators: [{name: IKM, targets: [{value: abc, raw: "88", source: {}}]}]
       (indicators[0].targets[0].value: 'abc' is not of type 'number')
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context, NoParams
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft

Params = NoParams


def run(ctx: Context) -> Iterator[Draft]:
    document = ctx.report.document
    if document.format != "data":
        return
    for problem in document.problems:
        path = problem.get("path") or "$"
        yield Draft(location=Location(path=path), actual=problem.get("actual"), expected=problem.get("expected"),
                    values={"path": path, "problem": problem.get("message", "")},
                    key=f"{path}|{problem.get('message', '')}")
