"""names, of: variants — one place, unit or indicator name written two ways.

Three comparisons:

- **tables with the same list** — the label columns of two tables whose label
  sets mostly overlap (at least `min_overlap` of the smaller set, and at least
  `min_labels` labels each), e.g. the kelurahan of the area table and of the
  population table. A label with no exact counterpart whose near match (edit
  distance 1–`max_distance`, at most `max_ratio` of its length, same digits)
  has no exact counterpart either is one name spelt two ways. The finding sits
  on the spelling used less often in the document (the later one on a tie) and
  `expected` is the other spelling.
- **text against tables** — "<kind> <Name>" in the text ("Kelurahan
  Kandanggampang") whose name is not a label of any table but is a near match
  of one.
- **the signatory** — the official's name and rank under the signature written
  differently elsewhere in the document (e.g. "YUNI RAHAYU, M.Si / Pembina TK I"
  and "YUNI RAHAYU., M.Si / Pembina Tingkat I"): a note (info), since both
  spellings may be acceptable.

Parameters: min_labels (3), min_overlap (0.6), max_distance (2), max_ratio (0.2).

Good:  Tabel 1.1 … Kandanggampang … ⏎ Tabel 1.2 … Kandanggampang …
Bad:   Tabel 1.1 … Kandanggampang … ⏎ Tabel 1.2 … Kandanggangpang …  (expected Kandanggampang)
"""
from __future__ import annotations

import re
from typing import Iterator

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.finding import Draft
from lkjip_lint.interpret import names
from lkjip_lint.interpret.tables import TableView


def run(ctx: Context) -> Iterator[Draft]:
    yield from _tables(ctx)
    yield from _text(ctx)
    yield from _signatory(ctx)


# -- label columns ----------------------------------------------------------------

def _label(text: str) -> str:
    text = re.sub(r"^[\s\-–•*❖]*(\d+[.)]?\s+|[a-z][.)]\s+)?", "", text or "")
    return names.norm(text)


def _columns(views: list[TableView]):
    """(view, column, {normalised label: (printed, row)}) for each label column."""
    out = []
    for view in views:
        for j in view.label_cols:
            labels: dict[str, tuple] = {}
            for row in view.rows:
                if row.type != "data" or j >= len(row.cells):
                    continue
                printed = row.cells[j].strip()
                key = _label(printed)
                if len(key) < 2 or re.fullmatch(r"[\d\s.,%()-]+", key):
                    continue
                labels.setdefault(key, (printed, row))
            if labels:
                out.append((view, view.columns[j] if j < len(view.columns) else None, labels))
    return out


_ROMAN = re.compile(r"^[ivxl]+$")


def _word_variant(a: str, b: str) -> bool:
    """The spellings differ inside real words ("kandanggampang"), not in codes ("III/c", "Kelas VII")."""
    wa, wb = re.findall(r"\w+", a), re.findall(r"\w+", b)
    if len(wa) != len(wb):
        return True  # a word split or joined ("Kembaran Kulon" / "KembaranKulon")
    differing = [(x, y) for x, y in zip(wa, wb) if x != y]
    return bool(differing) and all(
        len(x) >= 4 and len(y) >= 4 and x.isalpha() and y.isalpha() and not _ROMAN.match(x) and not _ROMAN.match(y)
        for x, y in differing)


def _occurrences(report, printed: str) -> int:
    pattern = re.compile(rf"(?<!\w){re.escape(printed)}(?!\w)", re.I)
    count = 0
    for block in report.document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            count += len(pattern.findall(block.text))
    for view in report.views:
        for row in view.rows:
            count += sum(1 for c in row.cells if pattern.fullmatch(c.strip() or ""))
    return count


def _tables(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    columns = _columns(ctx.report.views)
    reported: set[frozenset] = set()
    for i, j in _sharing_pairs(columns):
        (va, ca, la), (vb, cb, lb) = columns[i], columns[j]
        if va is vb:
            continue
        small = min(len(la), len(lb))
        common = set(la) & set(lb)
        if small < p.min_labels or len(common) < 2 or len(common) < p.min_overlap * small:
            continue
        only_a = [k for k in la if k not in lb]
        only_b = [k for k in lb if k not in la]
        for a in only_a:
            for b in only_b:
                if min(len(a), len(b)) < p.min_length:
                    continue
                if names.near(a, b, p.max_distance, p.max_ratio) is None or not _word_variant(a, b):
                    continue
                pair = frozenset((a, b))
                if pair in reported:
                    continue
                reported.add(pair)
                yield _pair_draft(ctx, (va, ca, la[a]), (vb, cb, lb[b]))


def _sharing_pairs(columns) -> Iterator[tuple[int, int]]:
    """The pairs (i < j, in the order of a double loop) of label columns with at least two
    labels in common: the only ones that can be compared. Found through an index of
    labels, and a column with exactly the labels of an earlier one is left out (it can
    only repeat that one's pairs), so a document of thousands of small tables costs
    time in proportion to its size rather than to the square of its tables."""
    seen_sets: set[frozenset] = set()
    index: dict[str, list[int]] = {}
    keep = []
    for i, (_, _, labels) in enumerate(columns):
        keys = frozenset(labels)
        if keys in seen_sets:
            continue
        seen_sets.add(keys)
        keep.append(i)
        for key in keys:
            index.setdefault(key, []).append(i)
    for i in keep:
        shared: dict[int, int] = {}
        for key in columns[i][2]:
            for j in index[key]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        yield from ((i, j) for j in sorted(shared) if shared[j] >= 2)


def _pair_draft(ctx: Context, first, second) -> Draft:
    (va, ca, (pa, ra)), (vb, cb, (pb, rb)) = first, second
    na, nb = _occurrences(ctx.report, pa), _occurrences(ctx.report, pb)
    # the finding sits on the rarer spelling; on a tie, on the later one
    if na < nb:
        odd, other = (va, ca, pa, ra), (vb, cb, pb, rb)
    else:
        odd, other = (vb, cb, pb, rb), (va, ca, pa, ra)
    view, col, printed, row = odd
    oview, ocol, oprinted, orow = other
    location = view.location(row, col)
    return Draft(
        location=location,
        actual=printed,
        expected=oprinted,
        values={"name": printed, "other": oprinted, "where": view.name,
                "other_where": oview.name + (f" (baris {orow.line})" if orow.line else ""),
                "table": view.name, "row": row.label},
        evidence={"spellings": {printed: view.name, oprinted: oview.name},
                  "lines": {printed: row.line, oprinted: orow.line}},
        key=f"variant|{names.norm(printed)}|{names.norm(oprinted)}",
    )


# -- text against table labels -------------------------------------------------------

def _text(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    labels: dict[str, tuple] = {}
    for view, col, column_labels in _columns(ctx.report.views):
        if len(column_labels) < p.min_labels:
            continue
        for key, (printed, row) in column_labels.items():
            labels.setdefault(key, (printed, view, row))
    if not labels:
        return
    subject = ctx.report.subject
    label_keys = list(labels)
    seen = set()
    for text, line, page, table, para in names.text_blocks(ctx.report):
        for mention in names.find_mentions(text, ctx.report.vocab.names):
            key = names.norm(mention.name)
            if key in labels or len(key) < p.min_length:
                continue
            if subject.name and names.near_own(mention.name, subject.name) is not None:
                continue  # the report's own name: misspelt_subject's
            if subject.kabupaten and names.near_own(mention.name, subject.kabupaten) is not None:
                continue
            best = None
            # rapidfuzz's C search finds the few labels within reach; `near` then applies the finer rules
            close = process.extract(key, label_keys, scorer=Levenshtein.distance, score_cutoff=p.max_distance, limit=None)
            for label, _, _ in close:
                printed, view, row = labels[label]
                if len(label.split()) != len(key.split()):
                    continue
                d = names.near(key, label, p.max_distance, p.max_ratio)
                if d is not None and not _word_variant(key, label):
                    d = None
                if d is not None and (best is None or d < best[0]):
                    best = (d, printed, view, row)
            if best is None or (line, para, key) in seen:
                continue
            seen.add((line, para, key))
            _, printed, view, row = best
            yield Draft(
                location=Location(line=line, page=page, table=table, paragraph=None if line else para),
                actual=mention.name,
                expected=printed,
                values={"name": mention.name, "other": printed, "where": "teks",
                        "other_where": view.name + (f" (baris {row.line})" if row.line else ""),
                        "table": view.name, "row": row.label},
                evidence={"text": text[:300]},
                key=f"text|{key}|{names.norm(printed)}",
            )


# -- the signatory ------------------------------------------------------------------

_RANK = re.compile(r"^(pembina|penata|pengatur|juru)\b", re.I)
_DEGREES = re.compile(r"\b(dra?s?|ir|dr|prof|h|hj|s\.?\s?\w{1,4}|m\.?\s?\w{1,4}|mm|mt|msi|ph\.?d)\b\.?", re.I)


def _core(name: str) -> str:
    """The person's name without titles and degrees: "Dra. YUNI RAHAYU, M.Si" → "yuni rahayu"."""
    words = [w for w in re.split(r"[\s,]+", name) if w and "." not in w.strip(".") and not _DEGREES.fullmatch(w)]
    words = [w.strip(".,") for w in words if w.strip(".,")]
    return " ".join(words).lower()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def _signatory(ctx: Context) -> Iterator[Draft]:
    sig = ctx.report.subject.signatory
    if sig is None:
        return
    core = _core(sig.name)
    if len(core) < 4:
        return
    blocks = [b for b in ctx.report.document.blocks if isinstance(b, (Paragraph, Heading))]
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in core.split()) + r"(?!\w)", re.I)
    for i, block in enumerate(blocks):
        if block.index == sig.block or len(block.text) > 80 or not pattern.search(block.text):
            continue
        if _squash(block.text) != _squash(sig.name):
            yield Draft(
                location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
                actual=_squash(block.text), expected=_squash(sig.name), grade="note", variant="official",
                values={"name": _squash(block.text), "other": _squash(sig.name), "what": "nama", "what_en": "name"},
                key=f"official-name|{_squash(block.text)}|{_squash(sig.name)}",
            )
        rank = next((b for b in blocks[i + 1:i + 4] if _RANK.match(b.text.strip())), None)
        if rank is not None and sig.rank and _squash(rank.text) != _squash(sig.rank):
            yield Draft(
                location=Location(line=rank.line, page=rank.page, paragraph=None if rank.line else rank.index + 1),
                actual=_squash(rank.text), expected=_squash(sig.rank), grade="note", variant="official",
                values={"name": _squash(rank.text), "other": _squash(sig.rank), "what": "pangkat", "what_en": "rank"},
                key=f"official-rank|{_squash(rank.text)}|{_squash(sig.rank)}",
            )
