"""Row labels wrapped over an odd number of lines beside centred one-line cells.

In a table whose cells are centred vertically, every cell of a row shares the row's
vertical centre. A label wrapped over three lines has its middle line level with the
row's numbers; its first and last lines touch no other cell, so bands of overlapping
blocks (pdf_bands) leave them as rows of their own, and the wrap test cannot join them
when the column's room is overestimated (numbers aligned right in the next column leave
wide white). Here, first, a label set off its numbers' centre (its first lines taken for
a wrap, its last left alone) takes the lone line next to it that brings it to the centre;
then centred labels take lone lines in pairs, one above and one below, while:

- each is alone in its band, in the label's column, and covers no other column;
- each sits at the line pitch from the label (no white of a row boundary);
- the label stays centred on the numbers' centre (a pair moves the centre by nothing);
- the join is not refuted: the next line's first word would not have fitted after the
  line before it in the room the column is known to have (its widest line).

Gathering stops at the first pair that fails, so a section label above a row and
another below it (each a row of its own) stay apart: their lines would have fitted.
"""
from __future__ import annotations

from typing import Callable

from lkjip_lint.readers.grid import NUMERIC_CELL
from lkjip_lint.readers.pdf_bands import GAP, Block
from lkjip_lint.readers.pdf_text import Line

CENTRED = 0.25  # of a line's height: how far the label's centre may sit from the numbers'


def _numeric(block: Block) -> bool:
    return all(NUMERIC_CELL.match(p.line.text) for p in block.pieces)


def _lone_label(band: list[Block], col: int) -> Block | None:
    if len(band) != 1:
        return None
    block = band[0]
    if block.col != col or _numeric(block) or any(p.covered for p in block.pieces):
        return None
    return block


def gather(found: list[list[Block]], fits: Callable[[Line, Line, int], bool]) -> list[list[Block]]:
    """The bands with wrapped labels' outer lines gathered back to the row whose numbers they
    are centred on. `fits(prev, nxt, col)`: nxt's first word would have fitted after prev.
    First each label set off-centre takes the lone lines that centre it (the rest of a label
    whose first lines were taken for a wrap), then centred labels take pairs around them."""
    out = list(found)
    for balanced in (False, True):
        n = 0
        while n < len(out):
            n = _grow(out, n, fits, balanced) + 1
    return out


def _grow(out: list[list[Block]], n: int, fits, balanced: bool) -> int:
    """Grow band n by lone label lines next to it; returns its index afterwards."""
    band = out[n]
    numbers = [b for b in band if _numeric(b)]
    labels = [b for b in band if not _numeric(b)]
    cols = {b.col for b in labels}
    if not numbers or len(cols) != 1:
        return n
    col = cols.pop()
    centre = sum((b.top + b.bottom) / 2 for b in numbers) / len(numbers)
    pitch = max(min(b.pitch for b in labels), 1.0)
    top = min(b.top for b in labels)
    bottom = max(b.bottom for b in labels)
    first = min(labels, key=lambda b: b.top).pieces[0].line
    last = max(labels, key=lambda b: b.bottom).pieces[-1].line

    def joins_above() -> Block | None:
        above = _lone_label(out[n - 1], col) if n > 0 else None
        if above is None or top - above.bottom > GAP * pitch or fits(above.pieces[-1].line, first, col):
            return None
        return above

    def joins_below() -> Block | None:
        below = _lone_label(out[n + 1], col) if n + 1 < len(out) else None
        if below is None or below.top - bottom > GAP * pitch or fits(last, below.pieces[0].line, col):
            return None
        return below

    while True:
        offset = (top + bottom) / 2 - centre
        if not balanced:
            if abs(offset) <= CENTRED * pitch:
                return n
            side = joins_below() if offset < 0 else joins_above()
            if side is None:
                return n
            new_top, new_bottom = min(top, side.top), max(bottom, side.bottom)
            if abs((new_top + new_bottom) / 2 - centre) >= abs(offset):
                return n  # it would not bring the label nearer its row's centre
            if offset < 0:
                out[n:n + 2] = [[*out[n], side]]
                last = side.pieces[-1].line
            else:
                out[n - 1:n + 1] = [[side, *out[n]]]
                n -= 1
                first = side.pieces[0].line
            top, bottom = new_top, new_bottom
            continue
        if abs(offset) > CENTRED * pitch:
            return n
        above, below = joins_above(), joins_below()
        if above is None or below is None or abs((above.top + below.bottom) / 2 - centre) > CENTRED * pitch:
            return n
        out[n - 1:n + 2] = [[above, *out[n], below]]
        n -= 1
        top, bottom = above.top, below.bottom
        first, last = above.pieces[0].line, below.pieces[-1].line
