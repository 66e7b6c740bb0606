"""Rows of an unruled table from cell blocks, for cells not aligned to the top.

When every cell starts at its row's top, a row can be built line by line
(pdf_unruled). When cells are centred vertically (or set at the bottom), a row's
cells start at different heights: a one-line number sits beside the middle of a
five-line label, and line by line the row falls into pieces. Here instead:

1. each column's lines are gathered into blocks: a line joins the block above it
   when it sits at the line pitch under it and continues it (a wrap, told by the
   caller, who knows the cell widths);
2. a row is a band: the union of blocks that overlap vertically (a horizontal
   rule between two blocks keeps them apart);
3. a band in which two columns each hold several numbers one under the other is
   several rows put together by a cell merged down over them: it is cut at the
   numbers of the column with the most, and the tall merged block goes to the
   first row it spans.

`alignment` tells from the blocks which way the cells are aligned, so the caller
keeps its line-by-line rows for top-aligned tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lkjip_lint.readers.grid import NUMERIC_CELL
from lkjip_lint.readers.pdf_text import Line

GAP = 0.5  # of a line's height: more white between two lines of a column starts a new block
OVERLAP = 0.25  # of the shorter block's line height: less vertical overlap is no overlap


@dataclass
class Piece:
    """One cell line: its column, its text line, and the columns it lies over besides."""
    col: int
    line: Line
    covered: frozenset = frozenset()


@dataclass
class Block:
    """The lines of one column that belong to one cell, top to bottom."""

    col: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.pieces[0].line.top

    @property
    def bottom(self) -> float:
        return self.pieces[-1].line.bottom

    @property
    def pitch(self) -> float:
        return max(min(p.line.height for p in self.pieces), 1.0)


def blocks(pieces: list[Piece], goes_on: Callable[[Line, Line, int], bool], rules=()) -> list[Block]:
    """Each column's pieces (any order) gathered into blocks, sorted by top; a horizontal
    rule between two lines (under the header, between rows) always ends a block."""
    out: list[Block] = []
    last: dict[int, Block] = {}
    for piece in sorted(pieces, key=lambda p: p.line.top):
        block = last.get(piece.col)
        if block is not None:
            prev = block.pieces[-1].line
            near = piece.line.top - prev.bottom <= GAP * max(prev.height, 1.0)
            ruled = any(prev.bottom - 1 <= y <= piece.line.top + 1 for y in rules)
            if near and not ruled and goes_on(prev, piece.line, piece.col):
                block.pieces.append(piece)
                continue
        block = Block(piece.col, [piece])
        last[piece.col] = block
        out.append(block)
    out.sort(key=lambda b: b.top)
    return out


def _overlap(a_top: float, a_bottom: float, b: Block) -> bool:
    return min(a_bottom, b.bottom) - max(a_top, b.top) > OVERLAP * b.pitch


def bands(found: list[Block], rules=()) -> list[list[Block]]:
    """Blocks that overlap vertically, transitively, with no rule between them: one row each."""
    out: list[list[Block]] = []
    top = bottom = 0.0
    for block in found:  # sorted by top
        if out and _overlap(top, bottom, block) and not any(top + 1 < y < block.top + 1 for y in rules):
            out[-1].append(block)
            bottom = max(bottom, block.bottom)
            continue
        out.append([block])
        top, bottom = block.top, block.bottom
    return [piece for band in out for piece in _split(band)]


def _split(band: list[Block]) -> list[list[Block]]:
    """A band in which two columns each hold several numbers, one under the other, is several
    rows put together (a wrapped number is one block, and a label cut into blocks by a missed
    wrap holds no number: neither splits a band). What joined them is either a cell merged
    down over the rows, when another text column has a block per row (its text belongs to
    the first row), or a label whose last line was taken for a wrap (its lines go to the
    rows they sit in, each to the row whose numbers are nearest)."""
    numbers: dict[int, list[Block]] = {}
    texts: dict[int, int] = {}
    for b in band:
        if all(NUMERIC_CELL.match(p.line.text) for p in b.pieces):
            numbers.setdefault(b.col, []).append(b)
        else:
            texts[b.col] = texts.get(b.col, 0) + 1
    counts = sorted((len(v) for v in numbers.values()), reverse=True)
    if len(counts) >= 2 and counts[1] >= 2:
        guide = [(b.top, b.bottom) for b in max(numbers.values(), key=len)]
    else:
        guide = _levels(band)
        if guide is None:
            return [band]
    centres = [(top + bottom) / 2 for top, bottom in guide]
    rows: list[list[Block]] = [[] for _ in guide]

    def nearest(top: float, bottom: float) -> int:
        return min(range(len(guide)), key=lambda i: abs(centres[i] - (top + bottom) / 2))

    for b in band:
        spanned = [k for k, (top, bottom) in enumerate(guide)
                   if min(bottom, b.bottom) - max(top, b.top) > OVERLAP * b.pitch]
        if len(spanned) <= 1:
            rows[spanned[0] if spanned else nearest(b.top, b.bottom)].append(b)
        elif any(n >= 2 for c, n in texts.items() if c != b.col):
            rows[spanned[0]].append(b)  # merged down beside a column of row labels
        else:
            parts: dict[int, Block] = {}
            for piece in b.pieces:
                k = nearest(piece.line.top, piece.line.bottom)
                if k not in parts:
                    parts[k] = Block(b.col, [])
                    rows[k].append(parts[k])
                parts[k].pieces.append(piece)
    return [r for r in rows if r]


def _levels(band: list[Block]) -> list[tuple[float, float]] | None:
    """The heights of a band's one-line numbers, when numbers of two columns are not level.

    One-line cells of one row are level with each other however the cells are aligned
    (top, centre, bottom); one-line numbers of two columns set apart (not overlapping)
    are two rows, joined into one band by a block taken across them (a label or a
    last column wrapped into the next row's). Numbers stacked in one column may be one
    cell's: they alone cut nothing. None when there is one level."""
    ones = sorted((b for b in band if len(b.pieces) == 1 and NUMERIC_CELL.match(b.pieces[0].line.text)),
                  key=lambda b: b.top)
    levels: list[list] = []  # [top, bottom, columns]
    for b in ones:
        if levels and min(levels[-1][1], b.bottom) - max(levels[-1][0], b.top) > OVERLAP * b.pitch:
            levels[-1][1] = max(levels[-1][1], b.bottom)
            levels[-1][2].add(b.col)
        else:
            levels.append([b.top, b.bottom, {b.col}])
    if len(levels) < 2 or len(set().union(*(cols for _, _, cols in levels))) < 2:
        return None
    return [(top, bottom) for top, bottom, _ in levels]


def staggered(pieces: list[tuple[int, Line]], counted) -> int:
    """How many of the (column, line) pieces `counted` (indexes into `pieces`) sit beside a
    piece of another column at an offset of a fraction of a line (neither level with it nor
    clear of it). None when every row's lines are level, as cells aligned to the top leave
    them; centred cells whose line counts differ in parity are offset by half a line. Needs
    no blocks, so no guess about wraps. Run on every unruled table: kept lean."""
    order = sorted(range(len(pieces)), key=lambda n: pieces[n][1].top)
    tops = [pieces[n][1].top for n in order]
    bottoms = [pieces[n][1].bottom for n in order]
    cols = [pieces[n][0] for n in order]
    off = [False] * len(order)
    for i in range(len(order)):
        top, bottom, col = tops[i], bottoms[i], cols[i]
        tol = 0.2 * max(bottom - top, 1.0)
        j = i + 1
        while j < len(order) and tops[j] < bottom:  # lines starting beside this one, lower down
            if cols[j] != col and tops[j] - top > tol and min(bottom, bottoms[j]) - tops[j] > tol:
                off[i] = off[j] = True
            j += 1
    counted = set(counted)
    return sum(1 for i, n in enumerate(order) if off[i] and n in counted)
