"""A table as the checks see it: columns with roles, numbers parsed per column, row types, a kind."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_lint.document import Location, Table
from lkjip_lint.interpret.columns import Column, assign_roles, header_paths
from lkjip_lint.interpret.structure import structure
from lkjip_lint.interpret.vocabulary import Vocabulary
from lkjip_lint.numbers import Malformed, Num, resolve_column

# Roles whose cells hold numbers; a column whose cells are mostly words has no role.
TEXT_ROLES = {"kategori", "mutu", "satuan", "interval", "no"}
ADDITIVE_ROLES = {"count", "amount", "area", "pagu", "realisasi_anggaran", "sisa", "bobot"}
TOTAL_ROWS = ("total", "subtotal", "implicit_total")  # the row types that add up rows above them


@dataclass
class TRow:
    """A row of a table view: its cells, the value parsed in each column, its type, label and level."""

    index: int
    cells: list[str]
    values: list  # Num | Malformed | MISSING | None per column
    line: int | None
    page: int | None
    type: str = "data"  # data | section | total | subtotal | implicit_total | average | note
    label: str = ""
    level: int = 0  # budget hierarchy: 1 programme, 2 kegiatan, 3 sub kegiatan


@dataclass
class TableView:
    """A table as the checks see it: columns with roles, rows with parsed numbers and types, a kind."""

    table: Table
    columns: list[Column]
    rows: list[TRow]
    kind: str | None = None
    label_cols: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # table row index → header | column_numbers | formula
    outline: object | None = None  # the row levels the numbers confirm (interpret/outline.py), if any
    _shared: dict | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.table.label()

    @property
    def ident(self) -> str:
        """A name for baseline keys: caption number and title, never a line or page number."""
        cap = self.table.caption
        if cap is not None:
            return f"Tabel {cap.raw_number or ''} {cap.title}".strip()
        return "tabel " + " | ".join(c.header for c in self.columns)[:80]

    @property
    def title(self) -> str:
        return self.table.caption.title if self.table.caption else ""

    def cols(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role}

    def num(self, row: TRow, col: Column) -> Num | None:
        v = row.values[col.index] if col.index < len(row.values) else None
        return v if isinstance(v, Num) else None

    def location(self, row: TRow | None = None, col: Column | None = None) -> Location:
        label = row.label if row else None
        if row is not None and row.line is None:
            # no line numbers (DOCX, PDF, data): say which row — equal rows must stay distinct findings,
            # and data extracted from a DOCX must name its rows as the DOCX does
            label = f"{label} (baris tabel {row.index + 1})"
        return Location(
            line=row.line if row else self.table.line,
            page=(row.page if row else None) or self.table.page,
            table=self.name,
            row=label,
            column=col.header if col else None,
            path=self._path(row, col),
        )

    def _path(self, row: TRow | None, col: Column | None) -> str | None:
        """JSON path for structured-data input: the row's, plus the cell when the table came from `tables`."""
        raw = self.table.rows[row.index] if row is not None and 0 <= row.index < len(self.table.rows) else None
        path = raw.path if raw is not None else self.table.path
        if path and raw is not None and col is not None and self.table.path:
            path += f".cells[{col.index}]"
        return path

    def snapshot(self, highlight: list[dict] | None = None) -> dict:
        """The table as evidence for reporters that redraw it (HTML).

        Every finding on a table shares one copy of its header and rows (built
        once): a table with thousands of wrong rows must not be copied per finding.
        """
        if self._shared is None:
            self._shared = {
                "label": self.name,
                "title": self.title,
                "header": [[c.header for c in self.columns]],
                "rows": [{"cells": r.cells, "line": r.line, "page": r.page} for r in self.rows],
            }
        # highlights name rows by their index in the table; the snapshot lists only the data rows
        position = {r.index: p for p, r in enumerate(self.rows)}
        marks = [{**h, "row": position.get(h["row"], h["row"])} for h in highlight or []]
        return {**self._shared, "highlight": marks}


def build_view(table: Table, vocab: Vocabulary, context_text: str = "") -> TableView:
    shape = structure(table)  # header, column-number and formula rows, decided here for every format
    paths = header_paths(shape.header_rows, table.n_cols)
    columns = assign_roles(paths, vocab)
    raw_rows = [r for _, r in shape.body]
    cells = [[c.text for c in r.cells] + [""] * (table.n_cols - len(r.cells)) for r in raw_rows]
    parsed_cols = []
    for col in columns:
        column_cells = [row[col.index] for row in cells]
        parsed_cols.append(resolve_column(column_cells, col.header))
    rows = [
        TRow(index=k, cells=cells[i], values=[parsed_cols[j][i] for j in range(len(columns))],
             line=r.line, page=r.page)
        for i, (k, r) in enumerate(shape.body)
    ]
    view = TableView(table=table, columns=columns, rows=rows, skipped=shape.skipped)
    _numeric_columns(view)
    _classify_rows(view, vocab)
    from lkjip_lint.interpret.hierarchy import mark_totals  # (it reads TableView: imported here, not above)

    mark_totals(view)
    view.kind = _kind(view, vocab, context_text)
    if view.kind is None:
        from lkjip_lint.interpret.contents import table_entries

        if table_entries(table):
            view.kind = "contents"  # titles with page numbers: the Daftar Isi, not a table of figures
    _levels(view, vocab)
    return view


def _levels(view: TableView, vocab: Vocabulary) -> None:
    """Row levels from numbering, bullets, keywords, capitals or indentation, when the sums confirm them."""
    from lkjip_lint.interpret.hierarchy import additive_columns
    from lkjip_lint.interpret.outline import read_outline

    view.outline = read_outline(view, vocab, additive_columns(view))
    if view.outline is None:
        _budget_levels(view, vocab)
        return
    for k, row in enumerate(view.rows):
        if row.type == "data":
            row.level = view.outline.levels.get(k, 1)


def _numeric_columns(view: TableView) -> None:
    """Columns of words get no numeric role; unnamed numeric columns beside labels stay as they are."""
    first = view.columns[0] if view.columns else None
    if first is not None and not first.path and _row_numbers(view, first.index):
        first.role = "no"  # a header-less table still numbers its rows in the first column
    for col in view.columns:
        values = [r.values[col.index] for r in view.rows]
        numbers = sum(1 for v in values if isinstance(v, (Num, Malformed)))
        words = sum(1 for r in view.rows if r.cells[col.index] and r.values[col.index] is None)
        if col.role in TEXT_ROLES:
            continue
        if words > numbers:
            col.role = None if col.role not in ("kategori",) else col.role
    view.label_cols = [
        c.index for c in view.columns
        if c.role in (None,) and any(r.cells[c.index] and r.values[c.index] is None for r in view.rows)
    ]


def _row_numbers(view: TableView, j: int) -> bool:
    nums = [v for r in view.rows if isinstance(v := r.values[j], Num)]
    words = [r for r in view.rows if r.cells[j] and r.values[j] is None]
    return bool(nums) and not words and all(n.decimals == 0 and 0 < n.value < 1000 and not n.percent for n in nums)


def _classify_rows(view: TableView, vocab: Vocabulary) -> None:
    # numbers count in columns with a numeric role, and in unnamed columns of numbers (a header-less tail)
    numeric = [c.index for c in view.columns
               if (c.role and c.role not in TEXT_ROLES) or (c.role is None and c.index not in view.label_cols)]
    # an "Indikator" column names a row better than the tujuan/sasaran beside it
    naming = [j for j in view.label_cols if re.search(r"indikator", view.columns[j].header, re.I)]
    since_total = 0
    for row in view.rows:
        labels = [row.cells[j] for j in view.label_cols if row.cells[j]]
        named = [row.cells[j] for j in naming if row.cells[j]]
        row.label = (" ".join(named) or " ".join(labels)).strip() or next(
            (c for j, c in enumerate(row.cells) if c and row.values[j] is None), "")
        has_number = any(isinstance(row.values[j], (Num, Malformed)) for j in numeric)
        kind = vocab.row_type(_first_label(row, view))
        if kind in ("total", "subtotal", "average"):
            row.type = kind if has_number else "note"
        elif not has_number:
            row.type = "section" if row.label else "note"
        elif not labels and since_total >= 2 and not any(
            row.cells[j] for j in range(len(row.cells)) if row.values[j] is None and row.cells[j]
        ):
            row.type = "implicit_total"
        else:
            row.type = "data"
        since_total = 0 if row.type in TOTAL_ROWS else since_total + (row.type == "data")


def _first_label(row: TRow, view: TableView) -> str:
    for j in view.label_cols:
        if row.cells[j]:
            return re.sub(r"^[\d.)\s-]+", "", row.cells[j]).strip()
    return row.label


def _kind(view: TableView, vocab: Vocabulary, context_text: str) -> str | None:
    roles = view.roles()
    # the paragraph above names a table only when it has no caption title of its own
    caption = (view.title or context_text).lower()
    headers = [c.header.lower() for c in view.columns]
    years = {c.year for c in view.columns if c.role == "realisasi" and c.year}
    for entry in vocab.kinds:
        if entry.caption and not any(p.search(caption) for p in entry.caption):
            continue
        if entry.header and not all(any(p.search(h) for h in headers) for p in entry.header):
            continue
        if not set(entry.roles_all) <= roles:
            continue
        if entry.roles_any and not (set(entry.roles_any) & roles):
            continue
        if set(entry.roles_none) & roles:
            continue
        if entry.multi_year and len(years) < 2:
            continue
        return entry.kind
    return None


def _budget_levels(view: TableView, vocab: Vocabulary) -> None:
    """Programme rows (upper-case "PROGRAM …", numbered "1.") over kegiatan rows ("- …", "1.1"), from the labels
    alone: not a hierarchy claim (no check sums them), only what keeps a budget total from counting a
    programme and its kegiatan twice."""
    if view.kind not in ("budget", "efficiency"):
        return
    for row in view.rows:
        label = row.label.strip()
        if row.type != "data":
            continue
        code = re.match(r"^(\d+(?:\.\d+)*)\.?\s", label)
        kind = vocab.row_type(re.sub(r"^[-•\s]+", "", label))
        if kind == "programme" or (label.isupper() and label.lower().startswith("program")):
            row.level = 1
        elif kind == "activity" and label.lower().startswith("sub"):
            row.level = 3
        elif label.startswith(("-", "•")):
            row.level = 3 if label.startswith(("- -", "--", "••")) else 2
        elif code:
            row.level = min(code.group(1).count(".") + 1, 3)
        else:
            row.level = 2


def share_pairs(view: TableView):
    """(count column, percent column) pairs: the nearest count to the left, same parent header.
    The share formula checks them; the relations found from values leave them to it."""
    for col in view.columns:
        if col.role != "percent":
            continue
        for left in reversed(view.columns[: col.index]):
            if left.role == "count" and left.parent == col.parent:
                yield left, col
                break
            if left.role == "percent":
                break
