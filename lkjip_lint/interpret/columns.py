"""Header paths and column roles.

A two-row header whose merged cells became empty cells ("Pria", "", "Wanita", "")
over ("Jumlah", "%", "Jumlah", "%") gives the paths "Pria › Jumlah", "Pria › %"...
Each column then gets a role (target, realisasi, capaian, pagu, serapan, count,
percent ...) from the vocabulary in rules/tables.yaml, a year when the header names
one, and a group: the columns that belong together for a row formula.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.document import Row
from lkjip_lint.interpret.vocabulary import Vocabulary

SEP = " › "
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# "Tahun N", "Tahun N-1": periods relative to the report year
_RELATIVE_YEAR = re.compile(r"\btahun\s+n\s*(?:[-–]\s*(\d))?(?![\w])", re.I)


@dataclass
class Column:
    """A column of a table view: its header path, its role, its year, and the group it belongs to."""

    index: int
    path: list[str]
    role: str | None = None
    year: int | None = None
    context: str = "performance"
    group: str = ""
    is_row_total: bool = False
    relative_year: int | None = None  # "Tahun N-1" → -1, "Tahun N" → 0

    @property
    def period(self) -> int | None:
        """A sortable period: the year, or the offset from the report year (N-1 < N)."""
        if self.year is not None:
            return self.year
        return self.relative_year

    @property
    def header(self) -> str:
        return SEP.join(p for p in self.path if p) or f"kolom {self.index + 1}"

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def parent(self) -> str:
        return SEP.join(p for p in self.path[:-1] if p)


def header_paths(header_rows: list[Row], n_cols: int) -> list[list[str]]:
    """Build one path per column; an empty or merged cell in an upper row continues the cell to its left."""
    grid = []
    for r, row in enumerate(header_rows):
        texts = [_norm(c.text) for c in row.cells] + [""] * (n_cols - len(row.cells))
        merged = [c.merged for c in row.cells] + [False] * (n_cols - len(row.cells))
        filled = list(texts)
        last_row = r == len(header_rows) - 1
        last_text = max((j for j, t in enumerate(texts) if t), default=-1)
        for j in range(1, n_cols):
            if filled[j]:
                continue
            below_has_text = any(
                j < len(lower.cells) and lower.cells[j].text.strip() for lower in header_rows[r + 1:]
            )
            # a merge spans to the right; in flattened text an empty cell over a sub-header does too.
            # Columns past the end of a one-row header are unlabelled extra columns, not a span, in
            # every format (a Word header cell stretched over them labels none of them).
            past_end = len(header_rows) == 1 and j > last_text
            spans_flat = len(header_rows) == 1 and filled[j - 1] and not past_end
            if (merged[j] and not past_end) or (not last_row and below_has_text) or spans_flat:
                filled[j] = filled[j - 1]
        grid.append(filled)
    paths = []
    for j in range(n_cols):
        path: list[str] = []
        for filled in grid:
            if filled[j] and (not path or path[-1] != filled[j]):
                path.append(filled[j])
        paths.append(path)
    if len(header_rows) == 1:
        _split_flattened(paths)
    return paths


_PERCENT = re.compile(r"^(%|\(%\)|persen(tase)?)$", re.I)


def _split_flattened(paths: list[list[str]]) -> None:
    """A two-level header flattened into one row, each cell its group's words then its own
    ("Pria Jumlah", "Pria %"): adjacent cells with the same leading words, a count and its
    share under them, get the path the two rows would have given ("Pria › Jumlah", "Pria › %")."""
    def split(text: str) -> list[str]:  # "Wanita%": a PDF line glued to its "%"
        return re.sub(r"(?<=\w)%$", " %", text).split()

    j = 0
    while j < len(paths) - 1:
        words = split(paths[j][0]) if len(paths[j]) == 1 else []
        k, prefix = j + 1, len(words) - 1
        while prefix > 0 and k < len(paths) and len(paths[k]) == 1:
            other = split(paths[k][0])
            common = next((n for n in range(min(prefix, len(other) - 1), 0, -1) if other[:n] == words[:n]), 0)
            if not common:
                break
            prefix, k = common, k + 1
        run = paths[j:k]
        tails = [" ".join(split(p[0])[prefix:]) for p in run] if len(run) >= 2 else []
        if tails and prefix and all(tails) and any(_PERCENT.match(t) for t in tails) \
                and not all(_PERCENT.match(t) for t in tails):
            head = " ".join(words[:prefix])
            for p, tail in zip(run, tails):
                p[:] = [head, tail]
            j = k
        else:
            j += 1


def assign_roles(paths: list[list[str]], vocab: Vocabulary) -> list[Column]:
    columns = [Column(index=j, path=p) for j, p in enumerate(paths)]
    budget_seen = False
    for col in columns:
        parent = col.parent.lower()
        leaf = col.leaf.lower()
        years = _YEAR.findall(col.leaf) or _YEAR.findall(col.parent)
        col.year = int(years[0]) if len(set(years)) == 1 else None
        relative = _RELATIVE_YEAR.findall(col.leaf) or _RELATIVE_YEAR.findall(col.parent)
        if col.year is None and len(set(relative)) == 1:
            col.relative_year = -int(relative[0] or 0)
        if parent and any(p.search(parent) for p in vocab.context.get("budget", [])):
            col.context = "budget"
        elif parent and any(p.search(parent) for p in vocab.context.get("performance", [])):
            col.context = "performance"
        elif budget_seen and not parent:
            col.context = "budget"
        # "Realisasi › 2015": when the leaf is only a year, the words above it name the role
        role_text = parent if _YEAR.fullmatch(re.sub(r"(?i)^tahun\s*", "", leaf).strip()) and parent else leaf
        col.role = _role(role_text, col.header.lower(), col.context, vocab)
        if col.role == "pagu" and not parent:
            budget_seen = True
            col.context = "budget"
        col.group = f"{col.context}|{col.year or ''}|{_group_parent(col)}"
    _row_totals(columns, vocab)
    _percent_as_capaian(columns)
    return columns


def _row_totals(columns: list[Column], vocab: Vocabulary) -> None:
    counts = [c for c in columns if c.role == "count"]
    for k, col in enumerate(counts):
        if col.parent:
            col.is_row_total = any(p.search(col.parent.lower()) for p in vocab.row_total)
        elif k > 0 and any(p.search(col.leaf.lower()) for p in vocab.row_total):
            col.is_row_total = True  # "L | P | Jumlah": the last count column totals the others


def _role(leaf: str, full: str, context: str, vocab: Vocabulary) -> str | None:
    if not leaf:
        return None
    key = (leaf, context)
    if key in vocab.role_cache:  # the same header in another table
        return vocab.role_cache[key]
    found = None
    for text in dict.fromkeys((leaf, _rejoin_split_words(leaf))):
        for entry in vocab.roles:
            if entry.context and entry.context != context:
                continue
            if any(p.search(text) for p in entry.patterns):
                found = entry.role
                break
        if found:
            break
    if len(vocab.role_cache) < 100_000:
        vocab.role_cache[key] = found
    return found


def _rejoin_split_words(text: str) -> str:
    """'satua n', 'realisa si': extraction split a word before its last letters; tried when the words fit no role."""
    return re.sub(r"\b([a-z]{3,}) ([a-z]{1,2})\b", r"\1\2", text)


def _group_parent(col: Column) -> str:
    """Columns under one parent header belong together unless the parent is only a year."""
    parent = col.parent
    if not parent or _YEAR.fullmatch(re.sub(r"(?i)tahun\s*", "", parent).strip()):
        return ""
    return parent.lower()


def _percent_as_capaian(columns: list[Column]) -> None:
    """A bare "%" beside a target and a realisasi of the same group is their capaian."""
    by_group: dict[str, set[str]] = {}
    for c in columns:
        by_group.setdefault(c.group, set()).add(c.role or "")
    any_realisasi = any(c.role == "realisasi" for c in columns)
    for c in columns:
        if c.role == "percent" and {"target", "realisasi"} <= by_group[c.group]:
            c.role = "capaian"
        elif c.role == "percent" and c.year and "target" in by_group[c.group] and any_realisasi:
            # "2021 › Target | 2021 › %" with the realisasi in another year's group: a capaian
            # against that target, whose realisasi the row formula picks by the values
            c.role = "capaian"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\n", " ")).strip()
