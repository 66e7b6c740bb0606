"""Tables without ruling lines, found from the positions of words.

Many agencies draw no lines in their tables (or only a rule under the header), and
pdfplumber's lines strategy then finds nothing. Here, on the lines left after the
ruled tables:

1. a line is cut into segments at gaps wider than a word space;
2. a table is a run of lines, close together, at least two of which have several
   segments (a caption, a list with leaders or a paragraph has one);
3. its columns are the x-ranges between "rivers", vertical strips no body line has
   ink in (header cells spanning several columns are left out when finding them);
4. a line starts a new row unless every one of its segments continues a cell of
   the row above that was full (its next word would not have fitted: a wrap).
   Cells are top-aligned, so a new row has text at its own first line; a line
   further below than a cell's line pitch is a new row too (that pitch learnt from
   the document's other tables when a body's lines show only one, find_all);
5. unless the body's lines are staggered (a line beside another column's line at an
   offset of part of a line: cells centred vertically, or set at the bottom). Then the
   body's rows are bands of cell blocks (pdf_bands), the header still read line by line.

A "Tabel N" caption line ends a table however close under its last row it sits; lines
that fit inside the first column (a section label wrapped word by word) never do.

Measured against pdfplumber's text strategy (which needs pdfminer's page parse,
~55 ms a page against ~1 ms here), see tests/test_renditions.py for the parity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip_lint.readers.grid import is_column_numbers, number_cut, well_formed
from lkjip_lint.readers.pdf_bands import Piece, bands, blocks, staggered
from lkjip_lint.readers.pdf_labels import gather
from lkjip_lint.readers.pdf_tables import PCell, RawTable
from lkjip_lint.readers.pdf_text import Line, _line

_LEADER_DOTS = re.compile(r"(?:[.…][ \t]*){4,}")
_NUMERIC = re.compile(r"^[\s(]*[-−]?(rp\.?\s*)?\d[\d.,]*\s*%?\s*[)\-]*$", re.I)
_NIL = re.compile(r"^\s*[-−–—]\s*$")  # a dash for "none": a whole value, like a number


def _whole_value(text: str) -> bool:
    """A number or a dash: a cell value that never wraps onto a second line."""
    return bool(_NUMERIC.match(text) or _NIL.match(text))
_MARKER = re.compile(r"^(?:[-–•●▪■◦○❖➢►✓*\uf0a7\uf0b7\uf0d8\uf076\uf0fc]|[\uf000-\uf0ff]|\(?(?:\d{1,2}|[a-zA-Z]|[ivx]+)[.)])$")
# the start of an enumerated label: "a.", "b)", "2.", "(3)", "- ", "• "
_ITEM = re.compile(r"^(?:[-–•●▪■◦○❖➢►✓*\uf0a7\uf0b7]\s|(?:\d{1,2}|[a-zA-Z])[.)]\s?\S|\((?:\d{1,2}|[a-z])\)\s)")
_CAPTION_START = re.compile(r"^\**\s*(Tabel|Gambar|Grafik|Lampiran)\s+(\d|[IVX]+\b)", re.I)
MIN_RIVER = 4.0  # pt: narrower gaps are word spaces
STAGGERED = 0.03  # share of a body's lines set off by part of a line from their neighbours: not top-aligned
PADDING = 5.4  # pt: a cell's left or right margin as Word and LibreOffice set it by default


@dataclass
class Segment:
    """A piece of a PDF line between gaps wider than a word space: its x-range and characters."""

    x0: float
    x1: float
    chars: list


def find_unruled(lines: list[Line], page_no: int, rules: list[float] = (),
                 pitches: dict | None = None) -> tuple[list[RawTable], list[Line]]:
    """Tables made of `lines` (sorted top to bottom), and the lines that are not in any.
    `pitches`: the document's cell and row pitches (wrap_pitches), for tables whose own lines
    show only one."""
    lines = sorted(lines, key=lambda ln: ln.top)

    def _table(*args, **kw):
        return _table_of(*args, pitches=pitches, **kw)
    segs = [_segments(ln) for ln in lines]
    tables: list[RawTable] = []
    used: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if not _multi(lines[i], segs[i]):
            i += 1
            continue
        j, last, single = i + 1, i, 0
        while j < n and _close(lines[j - 1], lines[j]):
            if _CAPTION_START.match(lines[j].text):
                break  # "Tabel 3.2": the next table's caption, however close it follows
            if _multi(lines[j], segs[j]):
                last, single = j, 0
            elif lines[j].x1 < segs[last][1].x0 - MIN_RIVER:
                pass  # inside the first column: a label wrapped over many lines in a narrow column
            else:
                single += 1
                if single > 6:
                    break
            j += 1
        members = list(range(i, last + 1))
        table = _table(lines, segs, members, page_no, rules)
        if table is None and not tables and i <= 3:
            # one row at the top of a page: the last row of a table from the page before, maybe
            # (pdf.py joins it to that table or gives its lines back to the text)
            table = _table(lines, segs, members, page_no, rules, least=1)
            if table is not None:
                table.tentative = True
        if table is None:
            i += 1
            continue
        while members[0] > 0 and members[0] - 1 not in used and _tall_header_above(lines, segs, members):
            # a header set at the bottom of its cells: its tallest cells begin on lines above
            above = _table(lines, segs, [members[0] - 1] + members, page_no, rules)
            if above is None or len(above.rows) != len(table.rows):
                break  # the line made a row of its own: not the header's
            members, table = [members[0] - 1] + members, above
        i = members[0]
        k = last + 1  # lines wrapped below the last row (its label went on): they add no row
        while k < n and _close(lines[k - 1], lines[k]) and _fits_one_column(segs[k], table) \
                and not _CAPTION_START.match(lines[k].text):
            longer = _table(lines, segs, members + [k], page_no, rules)
            # a row of column numbers never ends a table: the line under it starts the body (on a
            # continued piece, the rest of a row cut by the page break); a line that completes a
            # centred label (pdf_labels) may leave one row fewer
            rows_wanted = len(table.rows) + (1 if _ends_in_column_numbers(table) else 0)
            if k == n - 1:  # the page's last line: a label row ("Desa") of a table going on overleaf
                rows_wanted += 1
            if longer is None or len(longer.rows) > rows_wanted or len(longer.rows) < len(table.rows) - 1:
                break
            members.append(k)
            table = longer
            k += 1
        if not tables and 0 < i <= 3 and all(_fits_one_column(segs[k], table) for k in range(i)) \
                and all(_close(lines[k], lines[k + 1]) for k in range(i)):
            # the page's first lines: the rest of a row cut by the page break, above this piece
            topped = _table(lines, segs, list(range(i)) + members, page_no, rules)
            if topped is not None:
                table, members = topped, list(range(i)) + members
        tables.append(table)
        used.update(members)
        i = members[-1] + 1
    rest = [ln for k, ln in enumerate(lines) if k not in used]
    return tables, rest


def _tall_header_above(lines: list[Line], segs: list[list[Segment]], members: list[int]) -> bool:
    """The line above a table's first line is the first line of its tallest header cells, set
    at the bottom: at the header's own line pitch, each of its pieces over a piece of the line
    below (the same cell going on), fewer pieces than there (the short cells start lower)."""
    a, b = members[0] - 1, members[0]
    if len(members) < 2 or _CAPTION_START.match(lines[a].text) or len(segs[a]) >= len(segs[b]):
        return False
    c = members[1]
    if lines[b].top - lines[a].bottom > lines[c].top - lines[b].bottom + 1.0 or abs(lines[a].size - lines[b].size) > 0.6:
        return False
    return all(any(x.x0 < y.x1 and y.x0 < x.x1 for y in segs[b]) for x in segs[a])


def _ends_in_column_numbers(table: RawTable) -> bool:
    # (cell texts are set later, once the document's words are known: read the lines)
    return is_column_numbers([" ".join(ln.text for ln in cell.lines) for cell in table.rows[-1]])


def _segments(line: Line) -> list[Segment]:
    """The line cut at gaps wider than a word space (run for every line of every page: kept lean)."""
    chars = line.chars
    out: list[Segment] = []
    start = 0
    last = None  # the last character with ink
    typed = False  # a space character since it
    for k, ch in enumerate(chars):
        if ch.text == " ":
            typed = True
            continue
        if last is not None:
            limit = 0.6 * (last.bottom - last.top)
            gap = ch.x0 - last.x1
            # no space typed there (none, or one pdfium made up): text set apart, as cells are,
            # when wider than a word space; HTML and ReportLab cells may be only 4-6 pt apart
            if gap > (limit if limit > MIN_RIVER else MIN_RIVER) or not typed and gap > MIN_RIVER:
                out.append(_seg(chars[start:k]))
                start = k
        last = ch
        typed = False
    if chars:
        out.append(_seg(chars[start:]))
    return out


def _seg(chars: list) -> Segment:
    x0, x1 = 1e9, -1e9
    for c in chars:
        if c.text != " ":
            if c.x0 < x0:
                x0 = c.x0
            if c.x1 > x1:
                x1 = c.x1
    if x1 < x0:  # only spaces
        x0, x1 = chars[0].x0, chars[-1].x1
    return Segment(x0, x1, chars)


def _multi(line: Line, segs: list[Segment]) -> bool:
    """A line with several segments that is not a contents entry (dot leader) or a list item."""
    if len(segs) < 2 or _LEADER_DOTS.search(line.text):
        return False
    if len(segs) == 2 and _MARKER.match(_text(segs[0])):
        return False  # "1.<tab>Text", "•<tab>Text": a list item
    if _CAPTION_START.match(_text(segs[0])):
        return False  # "Tabel 1.1 :<tab>Title": a caption or an entry of the list of tables
    return True


def _close(a: Line, b: Line) -> bool:
    gap = b.top - a.bottom
    # the font size too: a loose box without descenders ("Desa") is shorter than the line pitch
    return gap <= 1.2 * max(a.height, b.height, a.size, b.size, 1.0)


def _text(seg: Segment) -> str:
    return "".join(c.text for c in seg.chars).strip()


def _fits_one_column(segs: list[Segment], table: RawTable) -> bool:
    if len(segs) != 1:
        return False
    s = segs[0]
    # within one column's reach: from its ink to the next column's ink
    reach = [(x0, nxt[0] if nxt else x1) for (x0, x1), nxt in zip(table.spans, table.spans[1:] + [None])]
    return any(x0 - 1 <= s.x0 and s.x1 <= x1 + 1 for x0, x1 in reach)


# -- columns ----------------------------------------------------------------------------

def _columns(lines_segs: list[list[Segment]]) -> list[tuple[float, float]]:
    """Column x-ranges: the ink between rivers."""
    intervals = sorted((s.x0, s.x1) for segs in lines_segs for s in segs)
    cols: list[list[float]] = []
    for x0, x1 in intervals:
        if cols and x0 <= cols[-1][1] + MIN_RIVER:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _one_column_aligned_two_ways(spans, body: list[list[Segment]], head: list[list[Segment]]) -> list[tuple[float, float]]:
    """Two neighbouring columns that are one: a column's dashes centred and its numbers set
    right ('-' in most rows, '3' and '2' in others) leave ink that does not overlap, so the
    rivers make two columns of it. They are one when no body line has a value in both, every
    value in them is a whole value (a number or a dash), each holds at least two, and no header
    line names each of them apart (its own heading or column number over each ink)."""
    merged = list(spans)
    j = 0
    while j < len(merged) - 1:
        left, right = merged[j], merged[j + 1]
        in_left, in_right, both = 0, 0, False
        values = True
        for line in body:
            here = [(_within(s, left), _within(s, right), s) for s in line]
            l_here = any(x for x, _, _ in here)
            r_here = any(y for _, y, _ in here)
            if l_here and r_here:
                both = True
                break
            for x, y, seg in here:
                if x or y:
                    in_left, in_right = in_left + x, in_right + y
                    values = values and _whole_value(_text(seg))
            if not values:
                break
        if not both and values and in_left >= 2 and in_right >= 2 and not _named_apart(head, left, right):
            merged[j:j + 2] = [(left[0], right[1])]
            continue
        j += 1
    return merged


def _named_apart(head: list[list[Segment]], left, right) -> bool:
    """A header line with a segment over each column's ink and not the other's."""
    return any(any(_over(s, left) and not _over(s, right) for s in line)
               and any(_over(s, right) and not _over(s, left) for s in line) for line in head)


def _within(seg: Segment, span: tuple[float, float]) -> bool:
    return span[0] - 0.5 <= seg.x0 and seg.x1 <= span[1] + 0.5


def _over(seg: Segment, span: tuple[float, float]) -> bool:
    return seg.x0 < span[1] and span[0] < seg.x1


def _headed_widths(widths: list[float], spans, header: list[dict[int, Line]]) -> list[float]:
    """A column's room ends before the next column's heading too. Numbers aligned right
    start far into their cells, so their ink alone gave a label column room it never had
    and its wrapped lines looked like new rows ('Indeks Pembangunan' / 'Manusia'). Only a
    heading within its own column's ink counts: one reaching further right may span more."""
    out = list(widths)
    for c in range(len(spans) - 1):
        starts = [ln.x0 for placed in header for col, ln in placed.items()
                  if col == c + 1 and ln.x0 >= spans[c][1] and ln.x1 <= spans[c + 1][1] + 2.0]
        if starts:
            out[c] = min(out[c], max(spans[c][1], min(starts) - 2 * PADDING) - spans[c][0])
    return out


def _without_centred_headings(spans, data) -> list[tuple[float, float]]:
    """With one body row the header's ink makes columns too: a heading centred in a wide cell
    over a left-aligned label ('Indikator Kinerja' over 'Nilai Evaluasi …') lies between two
    columns of the body, centred between their starts (less a cell padding). It is that
    left column's heading, not a column of its own."""
    # a column's start is where its ink starts, heading included (numbers set right start late)
    bodied = [(x0, x1) for x0, x1 in spans if any(a < x1 and x0 < b for a, b in data)]
    out = []
    for x0, x1 in spans:
        left = max((c for c in bodied if c[1] <= x0), default=None)
        right = min((c for c in bodied if c[0] >= x1), default=None)
        alone = (x0, x1) not in bodied
        offset = (x0 + x1) / 2 - (left[0] + right[0]) / 2 if alone and left and right else None
        if offset is not None and -(PADDING + 2.0) <= offset <= 2.0:
            continue
        out.append((x0, x1))
    return out


def reread(table: RawTable, spans: list[tuple[float, float]]) -> RawTable | None:
    """The table read again in given columns: the piece of a table continued from the page
    before, whose own rivers may be fewer (a column empty on this page)."""
    lines = table.source_lines
    return _table_of(lines, [_segments(ln) for ln in lines], list(range(len(lines))), table.page, table.rules,
                     spans=spans, least=1, pitches=table.pitches)


def _table_of(lines: list[Line], segs: list[list[Segment]], members: list[int], page_no: int, rules,
              spans: list[tuple[float, float]] | None = None, least: int = 2,
              pitches: dict | None = None) -> RawTable | None:
    multi = [k for k in members if _multi(lines[k], segs[k])]
    if len(multi) < least:
        return None
    # rivers from the body: lines from the first one holding a number (headers may span columns)
    numbers = {k for k in members if is_column_numbers([_text(x) for x in segs[k]])}
    # a row of column numbers closes the header: years over it ("2020", "2021") are headings, not data
    below = min(numbers, default=-1)
    first_data = next((k for k in multi if k not in numbers and k > below
                       and any(_NUMERIC.match(_text(x)) for x in segs[k])), None)
    # rivers from the body, column-number rows left out: headers and column numbers are
    # often centred (and headers span columns) while the body is aligned to one side
    body = [segs[k] for k in members if first_data is not None and k >= first_data and k not in numbers]
    few = first_data is None or len([k for k in multi if k >= first_data and k not in numbers]) < 2
    if few:
        body = [segs[k] for k in members]  # no body to speak of: the column numbers name the columns too
    if first_data is None:  # the header read as a header down to its column numbers, if any
        first_data = max(numbers) + 1 if numbers else multi[0]
    if not spans:
        spans = _columns(body)
        # a first column empty in the body ("Program" over a section label above the first number);
        # further right, header text clear of the body's ink is a header centred in a wide cell,
        # and so is a column number, unless there are more numbers than columns: then those past
        # the body's last column name columns it left empty ("Ket" over nothing)
        spare = [x for k in members if k < first_data for x in segs[k]
                 if x.x1 < spans[0][0] - 2 * MIN_RIVER
                 or k in numbers and len(segs[k]) > len(spans) and _clear(x, spans)]
        if spare:
            spans = sorted(spans + _columns([spare]))
        if few and first_data is not None:
            spans = _without_centred_headings(spans, _columns([segs[k] for k in members if k >= first_data
                                                               and k not in numbers]))
        if not few:
            spans = _one_column_aligned_two_ways(spans, body, [segs[k] for k in members if k < first_data or k in numbers])
    if len(spans) < 2:
        return None
    if len(spans) == 2 and all(len(segs[k]) <= 2 and _MARKER.match(_text(segs[k][0])) for k in multi):
        return None
    # a cell reaches from its column's ink to the next column's ink less two cell paddings
    # (Word and LibreOffice default to 0.19 cm a side): the room a wrapped line had
    widths = [max(x1, nxt[0] - 2 * PADDING) - x0 if nxt else x1 - x0
              for (x0, x1), nxt in zip(spans, spans[1:] + [None])]
    entries = []  # per member line: the pieces placed in columns, and the columns a piece lies over
    for k in members:
        placed: dict[int, Line] = {}
        over: dict[int, list[int]] = {}
        head = k < first_data or k in numbers
        for s in (_split_at_rivers(segs[k], spans) if head else segs[k]):
            c, cols = _place(s, spans, header=head)
            piece = _line(s.chars, page_no)
            if c in placed:  # two segments in one column: one cell's text with a wide gap
                piece = _line(placed[c].chars + s.chars, page_no)
            placed[c] = piece
            over.setdefault(c, []).extend(cols)
        if placed:
            entries.append((k, placed, over))
    widths = _headed_widths(widths, spans, [placed for k, placed, _ in entries if k < first_data])
    body = _middle_body(entries, first_data, numbers, widths, rules)
    if body is None:
        rows, merged_rows = _line_rows(entries, lines, first_data, spans, widths, rules, pitches)
    else:
        head, band_rows = body
        rows, merged_rows = _line_rows(head, lines, first_data, spans, _snug_widths(spans, head), rules, pitches)
        for band in band_rows:
            row: dict[int, list[Line]] = {}
            covered: set[int] = set()
            for block in band:
                for p in block.pieces:
                    row.setdefault(p.col, []).append(p.line)
                    covered.update(p.covered)
            for c in row:
                row[c].sort(key=lambda ln: ln.top)
            rows.append(row)
            merged_rows.append(covered)
    _centred_header_cells(rows, merged_rows)
    row_pages = [page_no] * len(rows)
    if len(rows) < least:
        return None
    # the header ends at a row of column numbers, when there is one (years over columns are
    # headings there), else at the first row holding a number
    texts = [[" ".join(ln.text for ln in row.get(c, ())) for c in range(len(spans))] for row in rows]
    closing = next((n for n, cells in enumerate(texts) if is_column_numbers(cells)), None)
    heads = next((n for n, row in enumerate(rows) if n == closing or closing is None and any(
        _NUMERIC.match(ln.text) for lines_ in row.values() for ln in lines_)), len(rows))
    for n, (row, covered) in enumerate(zip(rows[:heads], merged_rows)):
        _centre_spans(row, covered, spans, rows[n + 1] if n + 1 < heads else None)
    grid = []
    for row, covered in zip(rows, merged_rows):
        cells = []
        for c, (x0, x1) in enumerate(spans):
            if c in row:
                cells.append(PCell(lines=row[c], right=x1 + 2.0))
            else:
                cells.append(PCell(merged=c in covered))
        grid.append(cells)
    top = lines[members[0]].top
    bottom = max(lines[k].bottom for k in members)
    bbox = (spans[0][0], top, spans[-1][1], bottom)
    return RawTable(page=page_no, bbox=bbox, xs=[x0 for x0, _ in spans], rows=grid, pages=row_pages,
                    ruled=False, spans=spans, source_lines=[lines[k] for k in members], rules=list(rules),
                    room=widths, pitches=pitches)


def _centred_header_cells(rows: list[dict[int, list[Line]]], merged_rows: list[set[int]]) -> None:
    """Header cells spanning the header's rows, centred vertically ("No", "Kelurahan" beside
    "Pria" over "Jumlah", "%"), sit on a line of their own between two header lines: with
    no column in common with the rows above and below, that line is part of the row above
    (as the text's two header rows have them), not a header row of its own."""
    header = next((n for n, row in enumerate(rows)
                   if any(_NUMERIC.match(ln.text) for lines in row.values() for ln in lines)), len(rows))
    n = 1
    while n < header - 1:
        above, mid, below = rows[n - 1], rows[n], rows[n + 1]
        one_line = all(len(lines) == 1 for lines in mid.values())
        if one_line and not set(mid) & set(above) and not set(mid) & set(below):
            above.update(mid)
            merged_rows[n - 1] |= merged_rows[n]
            del rows[n], merged_rows[n]
            header -= 1
            continue
        n += 1


def _split_at_rivers(segs: list[Segment], spans) -> list[Segment]:
    """Header segments cut at a gap wider than a word space centred in the white between two
    body columns: bold headers of two narrow columns ("Satuan  Target") a little more than a
    word space apart are one segment by the gap rule, and would be placed as one cell."""
    out = []
    for seg in segs:
        start, last = 0, None
        for k, ch in enumerate(seg.chars):
            if ch.text == " ":
                continue
            if last is not None and ch.x0 - last.x1 > MIN_RIVER and any(
                    a[1] < (last.x1 + ch.x0) / 2 < b[0] for a, b in zip(spans, spans[1:])):
                out.append(_seg(seg.chars[start:k]))
                start = k
            last = ch
        out.append(_seg(seg.chars[start:]) if start else seg)
    return out


def _clear(seg: Segment, spans) -> bool:
    """Clear of every column's ink: past the last column, or in the white between two (a column
    number naming a column the body leaves empty on this page)."""
    return all(seg.x1 < x0 - 2 * MIN_RIVER or seg.x0 > x1 + 2 * MIN_RIVER for x0, x1 in spans)


def _snug_widths(spans, header=()) -> list[float]:
    """The room of each column measured from this table, for the header of a table whose
    cells are not aligned to the top (its margins may be wider than the default): the
    narrowest white between two columns' ink is two cell margins where a cell is full
    (the default margins or wider, up to twice as wide). In the header (its entries
    given), centred over body ink that may sit at one side, no line is wider than its
    cell's room and a wrapped one is nearly as wide: the widest header line measures it."""
    gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:])]
    margins = min(max(2 * PADDING, min(gaps, default=0.0)), 4 * PADDING)
    room = [max(x1, nxt[0] - margins) - x0 if nxt else x1 - x0 for (x0, x1), nxt in zip(spans, spans[1:] + [None])]
    widest = [0.0] * len(spans)
    for _, placed, _ in header:
        for c, piece in placed.items():
            widest[c] = max(widest[c], piece.x1 - piece.x0)
    return [min(r, w + 1.0) if w else r for r, w in zip(room, widest)]


def _line_rows(entries, lines: list[Line], first_data: int, spans, widths, rules, pitches=None):
    """Rows built line by line: a line starts a new row unless it continues the row above."""
    rows: list[dict[int, list[Line]]] = []
    merged_rows: list[set[int]] = []
    prev_line: Line | None = None
    pitch = _cell_pitch([lines[k] for k, _, _ in entries])
    body_pitch = _body_pitch(pitch, [lines[k] for k, _, _ in entries if k >= first_data], pitches)

    def set_apart(a: Line, b: Line) -> bool:
        """A rule between the two lines, or b further below than a wrapped line would be."""
        return any(a.bottom <= y <= b.top for y in rules) or \
            pitch is not None and b.top - a.top > pitch + max(2.5, 0.2 * pitch)

    for n, (k, placed, over) in enumerate(entries):
        line = lines[k]
        placed = dict(placed)
        covered = {c for cols in over.values() for c in cols}
        ruled = prev_line is not None and any(prev_line.bottom <= y <= line.top for y in rules)
        p = body_pitch if k >= first_data else pitch
        apart = prev_line is not None and p is not None and line.top - prev_line.top > p + max(2.5, 0.2 * p)
        # the header's foot: the table's first row began above the body's first number and this
        # line, tight under it, is the last before a rule or a row gap (a header set at the bottom
        # of narrow cells ends on the rests of its broken words, years cut too: "202" / "4")
        foot = len(rows) == 1 and entries[0][0] < first_data <= k and n + 1 < len(entries) \
            and set_apart(line, lines[entries[n + 1][0]])
        if rows and not ruled and not apart and _continues(rows[-1], placed, spans, widths, header=k < first_data,
                                                           foot=foot):
            for c, piece in placed.items():
                rows[-1].setdefault(c, []).append(piece)
        else:
            if rows and not ruled:  # a cell merged down over this row goes on beside the new row's text
                for c in [c for c, piece in placed.items() if _runs_on(rows[-1], c, piece, widths)]:
                    rows[-1][c].append(placed.pop(c))
                if not placed:
                    prev_line = line
                    continue
            rows.append({c: [piece] for c, piece in placed.items()})
            merged_rows.append(covered)
        prev_line = line
    return rows, merged_rows


def _cell_pitch(lines: list[Line]) -> float | None:
    """The line pitch inside a cell: the closest two lines one under the other. Producers
    that pad cells top and bottom (ReportLab, HTML) set rows further apart than that, so a
    line further below than a wrapped line would be is a new row, however full the one
    above (Word's cells have no such padding: their rows keep the pitch)."""
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top - a.top > 0.8 * max(a.height, b.height, 1.0)]
    return min(gaps) if gaps else None


# -- the document's pitches ------------------------------------------------------------------
# A table whose every body line sits at one pitch shows nothing that tells its rows from the
# lines of one cell: a lone label line under a label too long to take its first word may be
# either. Producers that pad cells top and bottom (ReportLab, HTML) show both pitches in the
# document's other tables of that font size: a wrapped cell's lines closer than its one-line
# rows, these at one pitch. A body line of such a table at that row pitch is a new row (the
# section row "Desa" under "Kembaran Kulon"), not a wrap, which would sit a cell pitch lower.
# Word's cells set lines and rows at one pitch and teach nothing; the header keeps its own pitch.

_SAME_PITCH = 1.0  # pt: two measures of one pitch


def _apart(w: float, r: float) -> bool:
    """r is further than a wrapped line at pitch w would be (the margin set_apart uses)."""
    return r > w + max(2.5, 0.2 * w)


def _size(lines: list[Line]) -> float:
    sizes = sorted(ln.size for ln in lines)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _gaps(table: RawTable) -> tuple[list[float], list[float]]:
    """Top to top: between two lines of one cell (one under the other, as _cell_pitch measures),
    and between a row of one-line cells and the next row."""
    within, between = [], []
    prev = None  # the top of the row above when its cells are one line each
    for row in table.rows:
        tops = [ln.top for cell in row for ln in cell.lines]
        if not tops:
            prev = None
            continue
        for cell in row:
            within += [b.top - a.top for a, b in zip(cell.lines, cell.lines[1:])
                       if b.top - a.top > 0.8 * max(a.height, b.height, 1.0)]
        if prev is not None:
            between.append(min(tops) - prev)
        prev = min(tops) if all(len(cell.lines) <= 1 for cell in row) else None
    return within, between


def wrap_pitches(tables: list[RawTable]) -> dict[float, list[tuple[float, float]]]:
    """Per font size, (cell pitch, row pitch) of the tables without rules whose wrapped cells
    set their lines closer than their one-line rows are set."""
    found: dict[float, list[tuple[float, float]]] = {}
    for table in tables:
        if table.ruled:
            continue
        within, between = _gaps(table)
        # every wrapped line closer than every row, the rows at one pitch: a table that took a row
        # for a wrap, or whose rows' heights vary (cells centred on a taller neighbour), is no evidence
        if within and between and _apart(max(within), min(between)) and _one_pitch(between):
            found.setdefault(_size(table.source_lines), []).append((_median(within), _median(between)))
    return found


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def _one_pitch(gaps: list[float]) -> bool:
    return max(gaps) - min(gaps) <= _SAME_PITCH


def _body_pitch(pitch: float | None, body: list[Line], pitches) -> float | None:
    """The pitch a body's wrapped line would have: the table's own, or, when every line of its body
    sits at one pitch that is the row pitch of the document's tables of that font size, their cell
    pitch (its lines are rows then, none a wrap)."""
    tops = sorted(ln.top for ln in body)
    gaps = [b - a for a, b in zip(tops, tops[1:])]
    if pitch is None or not pitches or len(gaps) < 2 or not _one_pitch(gaps):
        return pitch
    size = _size(body)
    own = min(gaps)
    return min([pitch] + [w for s, pairs in pitches.items() if abs(s - size) <= 0.3 for w, r in pairs
                          if abs(own - r) <= _SAME_PITCH and _apart(w, own)])


def _wrapped_at_row_pitch(table: RawTable, pitches) -> bool:
    """A cell of the table has a line under another at the row pitch of the document's tables."""
    within, _ = _gaps(table)
    size = _size(table.source_lines)
    return any(abs(g - r) <= _SAME_PITCH and _apart(w, g) for g in within
               for s, pairs in pitches.items() if abs(s - size) <= 0.3 for w, r in pairs)


def find_all(pages: list[tuple[list[Line], int, list[float]]]) -> list[tuple[list[RawTable], list[Line]]]:
    """find_unruled on every page (lines, number, rules); a page with a table that took a line
    at the document's row pitch as a wrapped line is read again knowing the document's pitches."""
    found = [find_unruled(lines, number, rules) for lines, number, rules in pages]
    pitches = wrap_pitches([t for tables, _ in found for t in tables])
    if pitches:
        for n, ((lines, number, rules), (tables, _)) in enumerate(zip(pages, found)):
            if any(_wrapped_at_row_pitch(t, pitches) for t in tables):
                found[n] = find_unruled(lines, number, rules, pitches)
    return found


def _middle_body(entries, first_data: int, numbers: set[int], widths, rules):
    """For a table whose cells are centred vertically (or set at the bottom): the header's
    entries, and the body's rows built from cell blocks (pdf_bands). None when the cells
    are aligned to the top: the rows line by line are right and cost less."""

    def goes_on(prev: Line, nxt: Line, c: int) -> bool:
        if _ITEM.match(nxt.text):
            return False
        if _whole_value(prev.text) and _whole_value(nxt.text):
            return number_cut(prev.text, nxt.text)
        return (prev.x1 - prev.x0) + 0.25 * max(prev.height, 1.0) + _first_word_width(nxt) > widths[c] - 1.0

    cells = [(c, piece, k, over) for k, placed, over in entries if k not in numbers for c, piece in placed.items()]
    in_body = [n for n, cell in enumerate(cells) if cell[2] >= first_data]
    if staggered([(c, piece) for c, piece, _, _ in cells], in_body) < max(2, STAGGERED * len(in_body)):
        return None
    pieces = [Piece(c, piece, frozenset(over.get(c, ()))) for c, piece, _, over in cells]
    widest: dict[int, float] = {}  # the room a column surely has: its widest body line
    for c, piece, k, _ in cells:
        if k >= first_data:
            widest[c] = max(widest.get(c, 0.0), piece.x1 - piece.x0)

    def fits(prev: Line, nxt: Line, c: int) -> bool:
        return (prev.x1 - prev.x0) + 0.25 * max(prev.height, 1.0) + _first_word_width(nxt) <= widest.get(c, 0.0) - 1.0

    found = gather(bands(blocks(pieces, goes_on, rules), rules), fits)
    first = {id(piece) for k, placed, _ in entries if k == first_data for piece in placed.values()}
    first_row = next((n for n, band in enumerate(found) if any(id(p.line) in first for b in band for p in b.pieces)),
                     None)
    if first_row is None:
        return None
    body = found[first_row:]
    start = min(b.top for b in body[0])
    head = [e for e in entries if all(piece.bottom <= start + 1 for piece in e[1].values())]
    return head, body


def _place(seg: Segment, spans, header: bool) -> tuple[int, list[int]]:
    """The column a segment's text belongs to, and the columns it covers besides.

    Header text and column numbers are centred: the column holding the segment's
    centre (a header merged over several columns is moved later, _centre_spans).
    Body text is aligned left: the first column it overlaps; the columns it lies
    over entirely are covered by it (a section row across the table).
    """
    centre = (seg.x0 + seg.x1) / 2

    def distance(c: int) -> float:
        x0, x1 = spans[c]
        return 0.0 if x0 <= centre <= x1 else min(abs(centre - x0), abs(centre - x1))
    overlapped = [c for c, (x0, x1) in enumerate(spans) if seg.x0 < x1 - 0.5 and seg.x1 > x0 + 0.5]
    if header or not overlapped:
        return min(range(len(spans)), key=distance), []
    first = overlapped[0]
    return first, [c for c in overlapped[1:] if spans[c][0] >= seg.x0 - 1 and spans[c][1] <= seg.x1 + 1]


_DANGLING = re.compile(r"(\b(dan|atau|di|ke|yang|serta|untuk|pada|dalam|dengan|of|and)|[,\-/&])$", re.I)


def _runs_on(row: dict[int, list[Line]], c: int, piece: Line, widths) -> bool:
    """A piece on a new row's first line that is the wrapped rest of the cell above (a cell
    merged down over several rows): the cell was full and its text breaks off mid-phrase."""
    if c not in row or _whole_value(piece.text) or _whole_value(row[c][-1].text):
        return False
    prev = row[c][-1]
    full = (prev.x1 - prev.x0) + 0.25 * max(prev.height, 1.0) + _first_word_width(piece) > widths[c] - 1.0
    return full and bool(_DANGLING.search(prev.text.strip()))


def row_runs_on(table: RawTable, first: list[PCell]) -> bool:
    """The first row of a piece on the next page is the rest of the table's last row, cut by the
    page break: each of its cells goes on a cell of that row whose last line was full."""
    last = table.rows[-1]
    row = {c: cell.lines for c, cell in enumerate(last) if cell.lines}
    placed = {c: cell.lines[0] for c, cell in enumerate(first) if cell.lines}
    return bool(placed) and len(table.room) == len(first) and _continues(row, placed, table.spans, table.room)


def _continues(row: dict[int, list[Line]], placed: dict[int, Line], spans, widths, header: bool = False,
               foot: bool = False) -> bool:
    """Every piece of the new line goes on a cell of the row whose last line was full.

    A piece in a column the row has no text in yet joins it only while another cell of
    the row is still running on (its last line nearly full): cells centred vertically
    in a row whose label wraps over several lines sit beside the label's middle line. Not in
    the header: there a line with text under an empty cell is the next header row.
    `foot`: the line may be the header's last (pdf_unruled._line_rows): there a number
    under a number is the rest of one cut at its cell's edge ("202" / "4") when the two make
    one number too wide for the cell; in the body a next row's value looks the same.
    """
    running = None
    # a number cut by its cell's edge ("6.910.3" over "87.000") proves the line goes on the row:
    # then a number under a full number in another column is that cell's rest too ("94,0" "0%")
    cut = any(c in row and _number_goes_on(row[c], piece) for c, piece in placed.items())
    # the line's one number, a few characters that make one number with the full one above:
    # the rest of a number wrapped in its cell ("111,1" "1"); a next row brings its numbers
    # in several columns
    lone = sum(1 for piece in placed.values() if _NUMERIC.match(piece.text)) == 1
    for c, piece in placed.items():
        if c not in row:
            if _whole_value(piece.text) and any(_whole_value(ln.text) for lines in row.values() for ln in lines):
                return False  # a row's one-line values share a line: values further down are the next row's
            if header:
                # a header set at the bottom of its cells: the first line holds only the tall
                # cells' first lines, and the short cells start beside their next line; every
                # cell of the row so far goes on (a two-level header's first line has cells
                # that end there)
                if not set(row) <= set(placed) or is_column_numbers([ln.text for ln in placed.values()]):
                    return False  # column numbers ('1 2 3 4') are a row of their own
                continue
            if running is None:
                running = any((ln[-1].x1 - ln[-1].x0) >= 0.7 * widths[k] and not _NUMERIC.match(ln[-1].text)
                              for k, ln in row.items())
            if not running:
                return False
            continue
        prev = row[c][-1]
        if _number_goes_on(row[c], piece):
            continue  # the rest of a number cut by its cell's edge, whatever it looks like ("87.000")
        if _ITEM.match(piece.text):
            return False  # "b. Pelayanan …", "2) …": an enumerated row of its own
        if _whole_value(prev.text) and _whole_value(piece.text) and not number_cut(prev.text, piece.text) \
                and not (_next_line(prev, piece) and (cut or lone and len(piece.text) <= 3
                                                      and well_formed(prev.text + piece.text))) \
                and not (foot and _next_line(prev, piece) and well_formed(prev.text + piece.text)
                         and (prev.x1 - prev.x0) + _first_word_width(piece) > widths[c] - 1.0):
            return False  # a whole value under a whole value ('-' under '-' too): the next row's
        first = _first_word_width(piece)
        space = 0.25 * max(prev.height, 1.0)
        if (prev.x1 - prev.x0) + space + first <= widths[c] - 1.0:
            return False  # the word would have fitted: this line is a new row's
    return True


def _next_line(prev: Line, piece: Line) -> bool:
    """The piece is on the line right under prev (a wrapped number's rest is, a next row's number
    under a label that wrapped is further down)."""
    return piece.top - prev.bottom <= 0.6 * max(prev.height, 1.0)


def _number_goes_on(lines: list[Line], piece: Line) -> bool:
    """The piece is more digits of a number its cell's lines began and cut at the cell's edge:
    the first line is no number on its own, all of them with the piece are one ("1," "06" "3")."""
    return number_cut(lines[0].text, "".join(ln.text for ln in lines[1:]) + piece.text)


def _first_word_width(line: Line) -> float:
    """Width of the first unbreakable piece: an opening bracket keeps the word after it ("( penjaringan")."""
    start = line.chars[0].x0
    end = start
    words = 0
    for k, ch in enumerate(line.chars):
        if ch.text == " ":
            if line.chars[0].text in "([{" and words == 0 and k <= 2:
                continue
            break
        if k and line.chars[k - 1].text == " ":
            words += 1
        end = ch.x1
    return end - start


def _mid(lines: list[Line]) -> float:
    return sum((ln.x0 + ln.x1) / 2 for ln in lines) / len(lines)


def _centre_spans(row: dict[int, list[Line]], covered: set[int], spans, below=None) -> None:
    """A header cell merged over several columns is centred over them: its text sits in a middle
    column. Move it to the first column of the span whose centre matches, the others merged.

    The columns' ink is narrower than their cells (left-aligned numbers leave room on the
    right), so a span's ink centre and its middle column's may both match the text: then
    empty columns beside it that the next header row names (T | R | % under 'KINERJA')
    decide for the span, since a column left blank above its sub-heading is under one. A span
    over columns only some of which the next row names is no span: a heading merged down
    (over its label column) is not also merged across a sub-headed one."""
    for c in sorted(row):
        lines = row[c]
        if abs(min(ln.x0 for ln in lines) - spans[c][0]) <= 1.0:
            continue  # aligned to its column's left edge: not centred over a span
        centre = sum((ln.x0 + ln.x1) / 2 for ln in lines) / len(lines)
        best, error = (c, c), abs((spans[c][0] + spans[c][1]) / 2 - centre)
        # the sub-headings are centred in their cells, unlike the body's ink: they measure too
        heads = abs(_mid(below[c]) - centre) + 2.0 if below is not None and c in below else float("inf")
        for a in range(c, -1, -1):
            if a != c and (a in row or a in covered):
                break
            for b in range(c, len(spans)):
                if b != c and (b in row or b in covered):
                    break
                if b == a:
                    continue
                err = abs((spans[a][0] + spans[b][1]) / 2 - centre)
                named = below is not None and all(k in below for k in range(a, b + 1))
                if below is not None and not named and any(k in below for k in range(a, b + 1)):
                    continue
                by_heads = abs((_mid(below[a]) + _mid(below[b])) / 2 - centre) if named else float("inf")
                if err < error - 2.0 or named and (by_heads < heads or best == (c, c) and err <= error + 2.0):
                    best, error, heads = (a, b), err, min(heads, by_heads)
        a, b = best
        if a != c:
            row[a] = row.pop(c)
        covered.update(range(a + 1, b + 1))
