"""Which rows of a grid are header, column numbers, formulas or data — decided once, for every format.

Readers deliver the rows they saw with a first guess at the header. This
module re-reads them with what the whole grid shows:

- a row of years only ("| | 2015 | 2016 | 2015 | 2016") right under the header,
  before any data, continues the header (years in a second header row);
- column-number rows ("1 2 3 … 10", "(1) (2) (3)") anywhere are not data;
- formula rows ("(5) = (4)/(3) x 100") are not data;
- a row repeating the header (a page break inside the table) is not data.

The rows that are not data are kept with their kind, so `extract` can show them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_lint.document import Row, Table

_YEAR_CELL = re.compile(r"(?:tahun\s+)?(19[5-9]\d|20\d\d)", re.I)
_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?\.?")
_FORMULA_CELL = re.compile(r"^[\s(]*\d{1,2}\s*\)?\s*(=|[x×*/:+\-])\s*.*\(\s*\d{1,2}\s*\)", re.I)


@dataclass
class Structure:
    """A grid's rows sorted out: the header rows, the rows that carry data, and why others are not data."""

    header_rows: list[Row]
    body: list[tuple[int, Row]]  # (index in table.rows, row) of the rows that carry data; -1, -2 … for a reader's header rows
    skipped: dict[int, str] = field(default_factory=dict)  # index in table.rows → header | column_numbers | formula


def structure(table: Table) -> Structure:
    header = list(table.header_rows)
    body: list[tuple[int, Row]] = []
    if header and is_numbered_entry(header[0].texts()):
        # a table tail continued from the previous page: its first row numbers an entry, it heads nothing
        body = [(-1 - k, r) for k, r in enumerate(header)]
        header = []
    header_texts = [_norm(r.texts()) for r in header]
    skipped: dict[int, str] = {}
    for k, row in enumerate(table.rows):
        texts = row.texts()
        if not body and header and is_year_row(texts) and _under_labels(header[-1].texts(), texts):
            header.append(row)
            skipped[k] = "header"
        elif is_column_numbers(texts):
            skipped[k] = "column_numbers"
        elif is_formula_row(texts):
            skipped[k] = "formula"
        elif header_texts and _norm(texts) in header_texts and any(texts):
            skipped[k] = "header"
        else:
            body.append((k, row))
    return Structure(header, body, skipped)


def is_numbered_entry(texts: list[str]) -> bool:
    """"2 | Rasio guru murid per kelas rata-rata: | …": a row number before a long label, never a header."""
    values = [t.strip() for t in texts if t.strip()]
    return (len(values) >= 2 and re.fullmatch(r"\d{1,3}\.?", values[0]) is not None
            and len(values[1]) >= 15 and re.search(r"[a-z]{3}", values[1]) is not None)


def is_year_row(texts: list[str]) -> bool:
    values = [t.strip() for t in texts if t.strip()]
    return len(values) >= 2 and all(_YEAR_CELL.fullmatch(v) for v in values)


def is_column_numbers(texts: list[str]) -> bool:
    """"1 2 3 4" or "(1) (2) (3)": consecutive small numbers from 0 or 1 in every filled cell."""
    values = [t.strip() for t in texts if t.strip()]
    if len(values) < 3:
        return False
    nums = []
    for v in values:
        m = _COLUMN_NUMBER.fullmatch(v)
        if not m:
            return False
        nums.append(int(m.group(1)))
    return nums == list(range(nums[0], nums[0] + len(nums))) and nums[0] in (0, 1)


def is_formula_row(texts: list[str]) -> bool:
    """"(5)=(4)/(3)x100" beside column numbers: a row that says how columns are computed."""
    values = [t.strip() for t in texts if t.strip()]
    if not values or not any(_FORMULA_CELL.match(v) for v in values):
        return False
    return all(_FORMULA_CELL.match(v) or _COLUMN_NUMBER.fullmatch(v) for v in values)


def _under_labels(header: list[str], years: list[str]) -> bool:
    """Every year sits under a labelled header cell or the gap a merged label left (not under "No")."""
    return not any(y.strip() and j < len(header) and re.fullmatch(r"(?i)no\.?|nomor", header[j].strip())
                   for j, y in enumerate(years))


def _norm(texts: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", t).strip().lower() for t in texts)
