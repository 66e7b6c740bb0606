"""From positioned lines and tables to the reading flow of blocks.

A PDF has lines, not paragraphs. A line continues the paragraph above when the
gap between them is a line gap (not a paragraph gap) and the line above is full
(the first word of this line would not have fitted on it), and this line does not
start a list item or a caption. Short lines (titles, "Tabel 3.2", list items) thus
stay blocks of their own, like the lines of the text reader.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from lkjip_lint.document import Heading, ListBlock
from lkjip_lint.readers.pdf_tables import RawTable
from lkjip_lint.readers.pdf_text import Line
from lkjip_lint.readers.lists import LIST_HEADINGS, entry, table_entries
from lkjip_lint.readers.markup import plain

# A line that starts a new block even right under a full line.
_STARTER = re.compile(
    r"^(?:[-–•●▪■◦○❖➢►✓*\uf0a7\uf0b7\uf0d8\uf076\uf0fc]\s|[\uf000-\uf0ff]|"  # bullets, Symbol/Wingdings glyphs
    r"(?:\d{1,2}|[a-zA-Z])[.)]\s|\((?:\d{1,2}|[a-z])\)\s|"  # 1.  a)  (1)
    r"(?:Tabel|Gambar|Grafik|Lampiran)\s+(?:\d|[IVX]+\b))"
)
# "… dapat dilihat pada / Tabel 19." : a table named in a sentence that wrapped before it, not a caption
_CITED = re.compile(r"^(?:Tabel|Gambar|Grafik|Lampiran)\s", re.I)
_OPEN_END = re.compile(r"\b(?:pada|dalam|di|ke|dari|dengan|oleh|dan|atau|yaitu|seperti|lihat|dilihat|sesuai)$", re.I)
# Leaders (tab gaps, dot runs) are first squashed to one tab: patterns over long dot runs backtrack.
_LEADER = re.compile(r"[ \t]*(?:[.…][ \t]*){3,}|\t+")
ENTRY_END = re.compile(r"\t ?([0-9]{1,4}|[ivxlc]{1,6}) ?$", re.I)
_LEADER_TAIL = re.compile(r"\t ?([0-9]{1,4}|[ivxlc]{1,6})? ?$", re.I)
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:hal(?:aman)?\.?|page)\s*)?(\d{1,4}|[ivxlcdm]{1,7})(\s*(dari|of)\s*\d+)?[-–—\s]*$", re.I)


@dataclass
class TextBlock:
    """Lines of a PDF page that make one block of the reading flow (a paragraph, a title, a list item)."""

    lines: list[Line]

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def text(self) -> str:
        out = ""
        for k, line in enumerate(self.lines):
            piece = line.text.replace("\t", " ").strip()
            if k and out.endswith("-") and not self.lines[k - 1].ends_with_space and piece[:1].islower():
                out += piece  # a word hyphenated at the line end
            else:
                out += (" " if out else "") + piece
        return re.sub(r"\s+", " ", out).strip()


@dataclass
class PageContent:
    """What one PDF page holds: its size, text lines, tables, rules outside them and images."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    tables: list[RawTable] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)  # y of horizontal lines outside ruled tables
    pictures: list[float] = field(default_factory=list)  # top of every image on the page


# -- running headers and footers ----------------------------------------------------

def strip_running(pages: list[PageContent]) -> int:
    """Remove lines repeated in the top or bottom margin of most pages, and bare page numbers."""
    def zone_lines(page: PageContent):
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        picked = []
        for ln in ordered[:3]:  # the page's margins: body text starts lower and ends higher
            if ln.top < page.height * 0.1:
                picked.append((ln, "top"))
        for ln in ordered[-3:]:
            if ln.bottom > page.height * 0.9:
                picked.append((ln, "bottom"))
        return picked

    counts: Counter = Counter()
    for page in pages:
        counts.update({(_key(ln.text), zone) for ln, zone in zone_lines(page)})
    with_text = sum(1 for p in pages if p.lines)
    limit = max(2, round(with_text * 0.4))
    removed = 0
    for page in pages:
        drop = {id(ln) for ln, zone in zone_lines(page)
                if counts[(_key(ln.text), zone)] >= limit or _PAGE_NUMBER.match(ln.text)}
        if with_text < 3:  # too few pages to see a line repeat: where it sits tells
            drop |= _in_margin(page)
        if drop:
            removed += len(drop)
            page.lines = [ln for ln in page.lines if id(ln) not in drop]
    return removed


def _in_margin(page: PageContent) -> set[int]:
    """Lines inside the top or bottom margin, set apart from the body: a running header or footer.

    Body text starts at the top margin (2 cm or more in Word and LibreOffice); a header sits
    in it, at 1.25 cm by default, with a gap under it wider than a line.
    """
    ordered = sorted(page.lines, key=lambda ln: ln.top)
    out = set()
    if len(ordered) >= 2:
        first, second = ordered[0], ordered[1]
        if first.bottom < page.height * 0.06 and second.top - first.bottom > 1.5 * max(first.height, 1.0):
            out.add(id(first))
        last, above = ordered[-1], ordered[-2]
        if last.top > page.height * 0.94 and last.top - above.bottom > 1.5 * max(last.height, 1.0):
            out.add(id(last))
    return out


def _key(text: str) -> str:
    """The line with its page number (a number at either end) masked."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    return re.sub(r"(^\d{1,4}(?![\d.,])|(?<![\d.,])\d{1,4}$)", "#", text)


# -- layout measures -----------------------------------------------------------------

class Layout:
    """The right margin of each page and the largest gap between two lines of one paragraph."""

    def __init__(self, pages: list[PageContent]) -> None:
        # the right margin per page width (portrait and landscape pages differ): where full lines end
        by_width: dict[int, list[float]] = {}
        for p in pages:
            by_width.setdefault(round(p.width), []).extend(ln.x1 for ln in p.lines if len(ln.text) >= 30)
        margin = {w: _percentile(xs, 0.95) for w, xs in by_width.items() if xs}
        self.right = {p.number: margin.get(round(p.width), 0.0) for p in pages}
        self.page_height = {p.number: p.height for p in pages}
        gaps, heights = [], []
        for p in pages:
            ordered = sorted(p.lines, key=lambda ln: ln.top)
            for a, b in zip(ordered, ordered[1:]):
                if a.x1 >= self.right[p.number] - 15 and abs(a.height - b.height) < 2 and b.top > a.top:
                    gaps.append(b.top - a.bottom)
                    heights.append(a.height)
        h = median(heights) if heights else 12.0
        self.gap_limit = (median(gaps) if gaps else 0.2 * h) + 0.4 * h

    def continues(self, prev: Line, line: Line, same_page: bool) -> bool:
        if _STARTER.match(line.text) and not (_CITED.match(line.text) and _OPEN_END.search(prev.text)):
            return False
        if same_page and (line.top - prev.bottom > self.gap_limit or line.top < prev.top):
            return False
        if abs(line.size - prev.size) > 0.6 or _all_caps(prev.text) != _all_caps(line.text):
            return False  # a title in another size or in capitals is not the paragraph's first line
        right = self.right.get(prev.page, 0.0)
        if not right:
            return False
        first = _first_word_width(line)
        space = 0.25 * max(prev.height, 1.0)
        return prev.x1 + space + first > right + 1.0  # the word did not fit: the line was wrapped


def _all_caps(text: str) -> bool:
    """A title in capitals ("SASARAN 1 MENINGKATNYA ..."), not an acronym like "(SAKIP)"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and all(c.isupper() for c in letters)


def _first_word_width(line: Line) -> float:
    start = line.chars[0].x0
    end = start
    for ch in line.chars:
        if ch.text == " " or ch.gap_before and ch is not line.chars[0]:
            break
        end = ch.x1
    return end - start


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- blocks ---------------------------------------------------------------------------

def build(pages: list[PageContent], layout: Layout) -> list:
    """The flow: TextBlock, Heading + ListBlock (contents, list of tables) and RawTable items."""
    items: list = []
    for page in pages:
        content = [(ln.top, 0, ln) for ln in page.lines] + [(t.bbox[1], 1, t) for t in page.tables]
        items.extend(obj for _, _, obj in sorted(content, key=lambda c: (c[0], c[1])))
    out: list = []
    cur: TextBlock | None = None
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, RawTable):
            cur = None
            out.append(item)
            i += 1
            continue
        kind = LIST_HEADINGS.get(plain(item.text).lower())
        if kind:
            cur = None
            out.append(Heading(text=plain(item.text), level=1, page=item.page))
            i = _list(items, i + 1, kind, out, layout)
            continue
        prev = cur.lines[-1] if cur else None
        if prev is not None and layout.continues(prev, item, prev.page == item.page):
            cur.lines.append(item)
        else:
            cur = TextBlock([item])
            out.append(cur)
        i += 1
    return out


def _list(items: list, i: int, kind: str, out: list, layout: "Layout") -> int:
    """Entries of the contents / list of tables, one per line or wrapped over two.

    An entry ends with a leader and a page number when Word wrote them; LibreOffice
    and hand-made lists often have neither, so an entry is also a short line that
    starts like one ("Tabel 1.1", "Gambar 2", any short line in the contents).
    """
    block = ListBlock(kind=kind)
    entries: list[list[Line]] = []
    tabled: list = []  # entries read from a table's rows
    start = i
    while i < len(items):
        item = items[i]
        if isinstance(item, RawTable):
            found = table_entries([[c.text for c in row] for row in item.rows], kind)
            if not found:
                break
            for entry_ in found:  # the list laid out as a table: its rows are the entries
                entry_.line, entry_.page = None, item.page
            tabled.extend(found)
            i += 1
            continue
        title = LIST_HEADINGS.get(plain(item.text).lower())
        if title and not (entries and abs(item.size - entries[0][0].size) < 0.6):
            break  # the next list's title ("Daftar Isi" in the size of the entries is an entry)
        if title and title != kind and title != "contents" and _next_starts(items, i, title):
            break  # "DAFTAR TABEL" run on in the entries' font, its own entries under it
        last = entries[-1] if entries else None
        if last and not _numbered(last) and layout.continues(last[-1], item, last[-1].page == item.page):
            last.append(item)  # the entry wraps onto this line
            i += 1
            continue
        if not _entry_start(item.text, kind) or _too_far(last[-1] if last else None, item, layout):
            break
        numbered = sum(1 for e in entries if _numbered(e))
        if numbered >= 2 and numbered == len(entries) and not ENTRY_END.search(squash(item.text)) \
                and not _wraps_to_number(items, i, layout):
            break  # every entry so far had a page number: this line is not an entry
        entries.append([item])
        i += 1
    for lines in entries:
        _flush(block, lines, kind)
    block.entries.extend(tabled)
    if block.entries:
        block.page = block.entries[0].page
        out.append(block)
        return i
    return start


def _next_starts(items: list, i: int, kind: str) -> bool:
    """The item after i starts an entry of a list of tables or figures ("Tabel 1.1 …", "Gambar 2 …")."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    if isinstance(nxt, RawTable):  # its entries laid out as a table
        return bool(table_entries([[c.text for c in row] for row in nxt.rows], kind))
    return isinstance(nxt, Line) and _entry_start(nxt.text, kind) and not ENTRY_END.search(squash(nxt.text)) \
        or isinstance(nxt, Line) and bool(re.match(r"^[-•*❖\s]*(Tabel|Gambar|Grafik|Lampiran)\s+\S", nxt.text, re.I))


def squash(text: str) -> str:
    return _LEADER.sub("\t", text).strip(" ")


def _numbered(lines: list[Line]) -> bool:
    return bool(ENTRY_END.search(squash(lines[-1].text)))


def _wraps_to_number(items: list, i: int, layout: "Layout") -> bool:
    nxt = items[i + 1] if i + 1 < len(items) else None
    return (isinstance(nxt, Line) and bool(ENTRY_END.search(squash(nxt.text)))
            and layout.continues(items[i], nxt, items[i].page == nxt.page))


def _entry_start(text: str, kind: str) -> bool:
    if kind == "table_list":
        return bool(re.match(r"^[-•*❖\s]*Tabel\s+\S", text, re.I) or ENTRY_END.search(squash(text)))
    if kind == "figure_list":
        return bool(re.match(r"^[-•*❖\s]*(Gambar|Grafik|Lampiran)\s+\S", text, re.I) or ENTRY_END.search(squash(text)))
    plain = _LEADER_TAIL.sub("", squash(text)).replace("\t", " ").strip()  # "Kata Pengantar ......... ii"
    return bool(plain) and len(plain) <= 110 and not plain.endswith((".", ",", ";", ":"))


def _too_far(prev: Line | None, item: Line, layout: "Layout") -> bool:
    """A list does not jump over a wide gap, nor onto a new page unless the last one was full."""
    if prev is None:
        return False
    if prev.page == item.page:
        return item.top - prev.bottom > 4 * layout.gap_limit
    return prev.page != item.page - 1 or prev.bottom < layout.page_height.get(prev.page, 842) * 0.7


def _flush(block: ListBlock, lines: list[Line], kind: str) -> None:
    if not lines:
        return
    text = " ".join(ln.text for ln in lines)
    item = entry(text, 0, kind)
    item.line, item.page = None, lines[0].page
    if item.text:
        block.entries.append(item)
