"""sum, of: facts — a whole equals the sum of its parts, for entities a rule names.

The rule selects entities by name (regular expressions on row labels and on the
words before a number in a sentence) and the measures to add up:

    params:
      total: 'belanja\\s+langsung'
      parts: ['belanja\\s+pegawai', 'belanja\\s+barang', 'belanja\\s+modal']
      measures: [pagu, realisasi_anggaran]

In a table, the rows whose label matches the total and each part are read in
every column whose role is one of the measures; in a sentence, a number belongs
to the last selector named before it (with no other number between) and takes
the sentence's role for it (an amount alone is the pagu). The relation is
checked only where the total and every part are stated in the same table or the
same paragraph: parts gathered from different places are never added up.

Good:  Belanja Langsung | 100 ⏎ Belanja Pegawai | 40 ⏎ Belanja Barang dan Jasa | 35 ⏎ Belanja Modal | 25
Bad:   Belanja Langsung | 100 ⏎ Belanja Pegawai | 40 ⏎ Belanja Barang dan Jasa | 35 ⏎ Belanja Modal | 20   (expected 95)
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from lkjip_lint.checks.base import Context, interval
from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.engine.tolerance import Interval, judge, to_json_number
from lkjip_lint.finding import Draft, excerpt
from lkjip_lint.interpret.claims import sentences, tokens


def run(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    total = re.compile(p.total, re.I)
    parts = [re.compile(x, re.I) for x in p.parts]
    yield from _tables(ctx, total, parts, set(p.measures))
    yield from _text(ctx, total, parts, set(p.measures))


def _which(label: str, total, parts) -> int | None:
    """-1 for the total, k for part k, None for neither (the first match in the label wins)."""
    if total.search(label):
        return -1
    hits = [k for k, part in enumerate(parts) if part.search(label)]
    return hits[0] if len(hits) == 1 else None


def _tables(ctx, total, parts, measures) -> Iterator[Draft]:
    for view in ctx.report.views:
        found: dict[int, object] = {}
        for row in view.rows:
            k = _which(row.label, total, parts) if row.label else None
            if k is not None and k not in found:
                found[k] = row
        if -1 not in found or any(k not in found for k in range(len(parts))):
            continue
        whole = found[-1]
        for col in view.columns:
            if col.role not in measures:
                continue
            printed = view.num(whole, col)
            values = [view.num(found[k], col) for k in range(len(parts))]
            if printed is None or any(v is None for v in values):
                continue
            computed = Interval.exact(Decimal(0))
            for v in values:
                computed = computed + interval(v, col.role)
            verdict = judge(printed, computed)
            if verdict is None or verdict.grade == "note":
                continue
            yield Draft(location=view.location(whole, col), actual=to_json_number(printed.value),
                        expected=to_json_number(verdict.expected), grade=verdict.grade,
                        values={"where": f"{view.name}, {whole.label}, {col.header}", "total": whole.label,
                                "parts": " + ".join(v.raw for v in values), "measure": col.role},
                        evidence={"table": view.snapshot([{"row": whole.index, "col": col.index}])},
                        key=f"sum|{view.ident}|{whole.label}|{col.header}|{printed.raw}")


def _text(ctx, total, parts, measures) -> Iterator[Draft]:
    for block in ctx.report.texts:
        if not isinstance(block, (Paragraph, Heading)) or not re.search(r"\d", block.text):
            continue
        stated: dict[tuple[str, int], object] = {}  # (measure, -1 | part index) → Num, first statement wins
        for sentence in sentences(block.text):
            prev_end = 0
            for t in tokens(sentence, ctx.report.vocab.claims):
                window = sentence[prev_end:t.start]
                prev_end = t.end
                hits = [(m.end(), k) for k, pat in [(-1, total), *enumerate(parts)] for m in pat.finditer(window)]
                if not hits:
                    continue
                k = max(hits)[1]  # the selector named last before the number
                measure = t.role if t.role in measures else ("pagu" if t.num.money and "pagu" in measures else None)
                if measure is not None:
                    stated.setdefault((measure, k), t.num)
        for measure in measures:
            printed = stated.get((measure, -1))
            values = [stated.get((measure, k)) for k in range(len(parts))]
            if printed is None or any(v is None for v in values):
                continue
            computed = Interval.exact(Decimal(0))
            for v in values:
                computed = computed + Interval.of(v, exact=v.decimals == 0)
            verdict = judge(printed, computed)
            if verdict is None or verdict.grade == "note":
                continue
            yield Draft(location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
                        actual=to_json_number(printed.value), expected=to_json_number(verdict.expected), grade=verdict.grade,
                        values={"where": excerpt(block.text), "total": printed.raw,
                                "parts": " + ".join(v.raw for v in values), "measure": measure},
                        evidence={"sentence": block.text},
                        key=f"sum|text|{excerpt(block.text, 80)}|{measure}|{printed.raw}")
