"""count, of: tables, pk or list — a count stated in a sentence against the things it counts.

`of: tables` (default). In a sentence with a counting word (`cues`:
"terdiri dari", "tersebar di", "meliputi" …) every "N <noun>" (also "11
(sebelas) Kelurahan") is compared with the tables:

- a table whose label column is headed by the noun ("Kelurahan") → the number
  of distinct labels of its data rows before the first section row (such as "Desa");
- a section row named by the noun ("Desa") → the data rows of that section;
- a column headed by the noun ("Dusun", "RW", "RT") → its sum over the data rows.

When several tables answer they must agree, or the claim is left alone.
`expected` is the table's count.

`of: list`. "3 (tiga) sasaran antara lain :" followed by enumerated
paragraphs, or "5 (lima) indikator yaitu A, B, C, D dan E": the number of items
listed. A "dan" may join two items or sit inside one name ("Sarana dan
Prasarana"), so a count is a finding only outside the range both readings allow.

`of: pk`. A sentence that counts at least two of tujuan / sasaran /
indikator ("1 tujuan, 2 sasaran dengan 2 indikator") is compared with the
distinct non-empty values of those columns in the operative Perjanjian Kinerja
(the last PK Perubahan table, else the last PK table). A count that another
PK table of the document gives (the text follows the PK before its amendment)
is a note (`earlier_pk`).

Parameters: of, cues, ignore_nouns, pk_columns (noun → header pattern).

Good:  terdiri dari 11 Kelurahan, 2 desa   (the table lists 11 kelurahan and a section Desa of 2)
Bad:   terdiri dari 12 Kelurahan, 2 desa   (expected 11)
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret import names
from lkjip_lint.interpret.sentences import split
from lkjip_lint.interpret.tables import TOTAL_ROWS, TableView
from lkjip_lint.numbers import MISSING, Num

_DIGIT = re.compile(r"\d")
_CLAIM = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,5})(?![\d])(?![.,]\d)\s*(?:\(\s*[a-z\s-]+\)\s*)?\s*(?P<noun>[A-Za-z][A-Za-z-]*)"
)


def run(ctx: Context) -> Iterator[Draft]:
    if ctx.params.of == "pk":
        yield from _pk(ctx)
    elif ctx.params.of == "list":
        yield from _lists(ctx)
    else:
        yield from _tables(ctx)


def _lists(ctx: Context) -> Iterator[Draft]:
    """A count against the list it introduces (the items of the sentence, or the enumerated paragraphs after it)."""
    ignore = frozenset(w.lower() for w in ctx.params.ignore_nouns)
    for lc in ctx.report.list_counts:
        if lc.count.noun in ignore:
            continue  # "5 (lima) tahun sebagaimana …": a duration, not the things listed
        n = lc.count.n
        if lc.low <= n <= lc.high:
            continue
        block = lc.block
        yield Draft(
            location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
            actual=n, expected=lc.low if lc.low == lc.high else None,
            values={"noun": lc.count.noun, "low": lc.low, "high": lc.high,
                    "listed": str(lc.low) if lc.low == lc.high else f"{lc.low}–{lc.high}"},
            evidence={"sentence": lc.sentence},
            key=f"list|{lc.count.noun}|{n}|{lc.sentence[:80]}",
        )


def _claims(text: str):
    for m in _CLAIM.finditer(text):
        n = int(m.group("n"))
        if 1900 <= n <= 2100:
            continue
        yield n, m.group("noun"), m


@lru_cache(maxsize=4096)  # asked for every column of every table, once per noun
def _leaf(header: str) -> str:
    leaf = header.split("›")[-1]
    leaf = re.sub(r"^(jumlah|nama|banyaknya|daftar)\s+", "", leaf.strip(), flags=re.I)
    return names.norm(leaf)


def _row_label(view: TableView, row) -> str:
    first = next((row.cells[j] for j in view.label_cols if j < len(row.cells) and row.cells[j]), row.label)
    return names.norm(re.sub(r"^[\d.)\s-]+", "", first or ""))


def table_count(view: TableView, noun: str) -> int | None:
    """What `view` says about how many `noun` there are, or None when it does not list them."""
    noun = noun.lower()
    # a label column headed by the noun: its distinct labels before the first section row
    for j in view.label_cols:
        if j < len(view.columns) and _leaf(view.columns[j].header) == noun:
            labels: set[str] = set()
            for row in view.rows:
                if row.type == "section" or row.type in TOTAL_ROWS:
                    if labels:
                        break
                    continue
                if row.type == "data" and j < len(row.cells) and row.cells[j].strip():
                    labels.add(names.norm(row.cells[j]))
            return len(labels) or None
    # a section row named by the noun
    for k, row in enumerate(view.rows):
        if row.type == "section" and _row_label(view, row) == noun:
            count = 0
            for nxt in view.rows[k + 1:]:
                if nxt.type != "data":
                    break
                count += 1
            return count or None
    # a column headed by the noun: its sum
    for col in view.columns:
        if col.index in view.label_cols or _leaf(col.header) != noun:
            continue
        total = Decimal(0)
        seen = False
        for row in view.rows:
            if row.type != "data":
                continue
            value = row.values[col.index] if col.index < len(row.values) else None
            if isinstance(value, Num):
                if value.value != value.value.to_integral_value():
                    return None
                total += value.value
                seen = True
            elif value is MISSING or value is None:
                continue
            else:
                return None
        return int(total) if seen else None
    return None


def _tables(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    cues = [re.compile(c, re.I) for c in p.cues]
    ignore = {w.lower() for w in p.ignore_nouns} | set(p.pk_columns)
    views = ctx.report.views
    counts: dict[str, list[tuple[TableView, int]]] = {}  # noun → the tables' answers (a noun recurs)
    for block in ctx.report.texts:
        for sentence in split(block.text):
            text = sentence.text
            if not _DIGIT.search(text):
                continue  # no count in it (most sentences): not worth looking for the cues
            cue = min((m.start() for c in cues if (m := c.search(text))), default=None)  # the earliest cue
            if cue is None:
                continue
            for n, noun, m in _claims(text):
                if m.start() < cue or noun.lower() in ignore:
                    continue
                if noun not in counts:
                    counts[noun] = [(view, c) for view in views if (c := table_count(view, noun)) is not None]
                answers = counts[noun]
                if not answers or len({c for _, c in answers}) != 1:
                    continue
                expected = answers[0][1]
                if expected == n:
                    continue
                tables = ", ".join(dict.fromkeys(v.name for v, _ in answers))
                yield Draft(
                    location=Location(line=block.line, page=block.page),
                    actual=n, expected=expected,
                    values={"noun": noun, "tables": tables, "claim": m.group(0).strip()},
                    evidence={"sentence": text, "tables": [v.name for v, _ in answers]},
                    key=f"count|{noun.lower()}|{n}|{expected}",
                )


def operative_pk(report) -> TableView | None:
    amended = [v for v in report.views if v.kind == "pk_amendment"]
    if amended:
        return amended[-1]
    plain = [v for v in report.views if v.kind == "pk"]
    return plain[-1] if plain else None


def pk_counts(view: TableView, patterns: dict[str, str]) -> dict[str, int]:
    out = {}
    for noun, pattern in patterns.items():
        rx = re.compile(pattern, re.I)
        col = next((c for c in view.columns if rx.search(c.header.split("›")[-1].strip())), None)
        if col is None:
            continue
        values = {names.norm(re.sub(r"^[\d.)\s-]+", "", r.cells[col.index]))
                  for r in view.rows if col.index < len(r.cells) and r.cells[col.index].strip() and r.type != "total"}
        values.discard("")
        if values:
            out[noun] = len(values)
    return out


def _pk(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    view = operative_pk(ctx.report)
    if view is None:
        return
    counts = pk_counts(view, p.pk_columns)
    if not counts:
        return
    others = [(v, pk_counts(v, p.pk_columns)) for v in ctx.report.views
              if v is not view and v.kind in ("pk", "pk_amendment")]
    for block in ctx.report.texts:
        for sentence in split(block.text):
            claims = [(n, noun.lower(), m) for n, noun, m in _claims(sentence.text) if noun.lower() in p.pk_columns]
            if len({noun for _, noun, _ in claims}) < p.min_pk_nouns:
                continue
            for n, noun, m in claims:
                expected = counts.get(noun)
                if expected is None or expected == n:
                    continue
                # a count that another (earlier) PK table gives is likely copied from it: a note
                earlier = next((v for v, c in others if c.get(noun) == n), None)
                yield Draft(
                    location=Location(line=block.line, page=block.page),
                    actual=n, expected=expected,
                    grade="note" if earlier is not None else "mismatch",
                    variant="earlier_pk" if earlier is not None else "default",
                    values={"noun": noun, "tables": view.name, "claim": m.group(0).strip(),
                            "earlier": earlier.name if earlier is not None else ""},
                    evidence={"sentence": sentence.text, "pk": view.name, "counts": counts},
                    key=f"pk-count|{noun}|{n}|{expected}",
                )
