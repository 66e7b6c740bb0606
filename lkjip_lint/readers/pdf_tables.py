"""Ruled tables of one PDF page.

pdfplumber's TableFinder (lines strategy) turns ruling lines into cells; the lines
come from pypdfium2's path objects and the cell text from pypdfium2's characters,
because pdfplumber's own page parsing (pdfminer) costs ~75 ms a page against a few
ms here, and the grid algorithm is the part PARSING.md measured as right (on the
corpus PDF the cells equal pdfplumber's extract_tables, merges included).
A grid position no cell starts at is covered by a merge: `vmerged` when the covering
cell starts in a row above, `merged` (continues the cell to its left) otherwise.
"""
from __future__ import annotations

import ctypes
from bisect import bisect_right
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder, TableSettings, merge_edges

from lkjip_lint.readers.pdf_stacked import unstack
from lkjip_lint.readers.pdf_text import Char, split_lines

MAX_SEGMENTS = 20000  # a page drawn with more line segments than this is a chart or a map, not a table
MAX_EDGES = 1500  # ruling lines left after joining collinear segments
_SETTINGS = TableSettings(vertical_strategy="lines", horizontal_strategy="lines")


@dataclass
class PCell:
    """One cell of a PDF table: its text, whether a merge covers it, its text lines, its right border."""

    text: str = ""  # set by pdf_cells.resolve once the document's words are known
    merged: bool = False
    vmerged: bool = False
    lines: list = field(default_factory=list)  # the cell's text lines (pdf_text.Line)
    right: float = 0.0  # the cell's right border


@dataclass
class RawTable:
    """A table as found on PDF pages, ruled or from word positions, before it becomes a document Table."""

    page: int  # 1-based
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    xs: list[float]  # left edge of every column
    rows: list[list[PCell]]
    pages: list[int] = field(default_factory=list)  # page of every row
    caption: object = None  # a document.Caption once the flow has found one
    ruled: bool = True  # False: found from word positions (pdf_unruled)
    spans: list = field(default_factory=list)  # unruled: the ink x-range of every column
    source_lines: list = field(default_factory=list)  # unruled: its lines, to read it again in other columns
    rules: list = field(default_factory=list)  # unruled: horizontal rules across it
    room: list = field(default_factory=list)  # unruled: the width a line of each column can take
    tentative: bool = False  # unruled, one row at a page top: a table only if it continues one
    pitches: dict | None = None  # unruled: the document's cell and row pitches it was read with
    # the last page a piece of it was found on: a piece holding only a repeated header and the
    # rest of a row cut by the page break adds no row of its own, yet the table went on there
    reached: int = 0

    @property
    def n_cols(self) -> int:
        return len(self.xs)

    @property
    def last_page(self) -> int:
        return max(self.reached, self.pages[-1] if self.pages else self.page)


class _EdgePage:
    """The two attributes of a pdfplumber Page that TableFinder reads for the lines strategy."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.edges = edges
        self.bbox = bbox


class TooManyLines(Exception):
    pass


def object_kinds(page) -> set[int]:
    """The kinds of top-level objects on a page (FPDF_PAGEOBJ_*): a cheap test before the table pass."""
    raw = page.raw
    return {pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i))
            for i in range(pdfium_c.FPDFPage_CountObjects(raw))}


def has_paths(kinds: set[int]) -> bool:
    return bool(kinds & {pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM})


def find_tables(page, chars: list[Char], page_no: int, width: float, height: float,
                rules: list[float] | None = None) -> list[RawTable]:
    """Ruled tables; `rules` receives the y of every horizontal line (a rule under a header)."""
    edges = page_edges(page, height)
    if rules is not None:
        rules.extend(e["top"] for e in edges if e["orientation"] == "h" and e["width"] >= 20)
    if len(edges) < 4:
        return []
    edges = merge_edges(edges, 3, 3, 3, 3)  # TableFinder's own defaults; merged once here to count them
    edges += _cut_row_bottoms(edges, height)
    if len(edges) > MAX_EDGES:
        raise TooManyLines()  # finding intersections is quadratic: a drawing, not a table
    finder = TableFinder(_EdgePage(edges, (0, 0, width, height)), _SETTINGS)
    tables = []
    for found in finder.tables:
        table = _build(found.cells, chars, page_no)
        if table is not None:
            tables.append(unstack(table))
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables


def _cut_row_bottoms(edges: list[dict], height: float) -> list[dict]:
    """A closing rule for a row cut by the page break. Some producers (WeasyPrint) break a
    row across pages and draw its cells' sides down to the page's end without a bottom
    rule: without one the row's cells are not cells and its text on this page becomes a
    paragraph between the table's two pieces. Verticals in the lower part of the page that
    end together on no rule, under one rule that spans them all, get one."""
    h = [e for e in edges if e["orientation"] == "h"]
    open_ends: dict[int, list[dict]] = {}
    for v in edges:
        if v["orientation"] != "v" or v["bottom"] < 0.6 * height:
            continue
        if any(abs(e["top"] - v["bottom"]) <= 3 and e["x0"] - 3 <= v["x0"] <= e["x1"] + 3 for e in h):
            continue
        open_ends.setdefault(round(v["bottom"]), []).append(v)
    out = []
    for group in open_ends.values():
        if len(group) < 2:
            continue
        lo, hi = min(v["x0"] for v in group), max(v["x0"] for v in group)
        bottom = max(v["bottom"] for v in group)
        if not any(e["x0"] <= lo + 3 and e["x1"] >= hi - 3 and all(v["top"] - 3 <= e["top"] <= v["bottom"] for v in group)
                   for e in h):
            continue
        out.append({"x0": lo, "x1": hi, "top": bottom, "bottom": bottom, "width": hi - lo, "height": 0,
                    "orientation": "h", "object_type": "line"})
    return out


# -- ruling lines from pdfium path objects ------------------------------------------

def page_edges(page, height: float) -> list[dict]:
    edges: list[dict] = []
    raw = page.raw
    count = [0]
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        _collect(pdfium_c.FPDFPage_GetObject(raw, i), (1, 0, 0, 1, 0, 0), height, edges, count, 0)
    return edges


def _collect(obj, outer, height, edges, count, depth) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM) or depth > 8:
        return
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return
    matrix = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:  # a form XObject: its objects sit in its own space
        for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _collect(pdfium_c.FPDFFormObj_GetObject(obj, i), matrix, height, edges, count, depth + 1)
        return
    n = pdfium_c.FPDFPath_CountSegments(obj)
    count[0] += n
    if count[0] > MAX_SEGMENTS:
        raise TooManyLines()
    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = _apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            _edge(prev, point, height, edges)
        prev = point  # a Bézier curve only moves the pen
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _edge(prev, start, height, edges)
            prev = start


def _edge(a, b, height, edges) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= 1:
        top = height - y0
        lo, hi = sorted((x0, x1))
        edges.append({"x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo, "height": 0,
                      "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) < 0.5 and abs(y1 - y0) >= 1:
        top, bottom = sorted((height - y0, height - y1))
        edges.append({"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                      "orientation": "v", "object_type": "line"})


def _mul(m, n):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


# -- cells --------------------------------------------------------------------------

def _build(cells: list[tuple], chars: list[Char], page_no: int) -> RawTable | None:
    xs = _positions(c[0] for c in cells)
    ys = _positions(c[1] for c in cells)
    if len(cells) < 2:
        return None  # a framed paragraph or a single box, not a table
    bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    owner: list[list[int | None]] = [[None] * len(xs) for _ in ys]
    starts: list[tuple[int, int]] = []
    for k, (x0, top, x1, bottom) in enumerate(cells):
        r0, c0 = _index(ys, top), _index(xs, x0)
        starts.append((r0, c0))
        for r in range(r0, len(ys)):
            if ys[r] >= bottom - 0.5:
                break
            for c in range(c0, len(xs)):
                if xs[c] >= x1 - 0.5:
                    break
                owner[r][c] = k
    texts: list[list[Char]] = [[] for _ in cells]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if not (bbox[0] <= cx < bbox[2] and bbox[1] <= cy < bbox[3]):
            continue
        k = owner[bisect_right(ys, cy) - 1][bisect_right(xs, cx) - 1]
        if k is not None:
            texts[k].append(ch)
    rows: list[list[PCell]] = []
    for r in range(len(ys)):
        row = []
        for c in range(len(xs)):
            k = owner[r][c]
            if k is None:
                row.append(PCell())
            elif starts[k] == (r, c):
                row.append(PCell(lines=split_lines(texts[k], page_no), right=cells[k][2]))
            else:
                row.append(PCell(vmerged=starts[k][0] < r, merged=starts[k][0] == r))
        rows.append(row)
    return RawTable(page=page_no, bbox=bbox, xs=xs, rows=rows, pages=[page_no] * len(rows))


def _positions(values) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 0.5:
            out.append(v)
    return out


def _index(positions: list[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))
