"""Read a Word (.docx) report into a Document.

A small walk over word/document.xml with lxml (PARSING.md: the only approach that
kept every awkward construct; python-docx skips content controls and field
results). The Document must match what the text reader makes of the same report,
so the same checks find the same defects: the list, heading, caption and header
rules are the text reader's own, shared through grid, lists and structure.

DOCX has no lines: locations are the table caption, row and column, plus an
approximate page when Word recorded its page breaks (w:lastRenderedPageBreak).
"""
from __future__ import annotations

from pathlib import Path

from lkjip_lint.document import Caption, Cell, Document, Heading, ListBlock, Paragraph, Row, Table
from lkjip_lint.readers import MAX_BLOCKS, MAX_CELLS, MAX_COLUMNS, check_width, structure
from lkjip_lint.readers.docx_inline import Inline, Pages
from lkjip_lint.readers.docx_numbering import Numbering
from lkjip_lint.readers.docx_xml import W_NS, W_STRICT_NS, Tags, heading_styles, is_on, main_part, parse
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.grid import continue_table, header_count, is_column_numbers
from lkjip_lint.readers.lists import LIST_HEADINGS, bare_entry, entry, looks_like_entry, table_entries
from lkjip_lint.readers.markup import plain
from lkjip_lint.readers.ziputil import open_zip, read_member


def read(path: Path) -> Document:
    with open_zip(path) as zf:
        name = main_part(read_member(zf, "_rels/.rels"))
        data = read_member(zf, name)
        if data is None:
            raise InputError("corrupt", kind="docx")
        folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
        styles_data = read_member(zf, folder + "styles.xml")
        numbering_data = read_member(zf, folder + "numbering.xml")
    root = parse(data)
    tags = Tags(W_STRICT_NS if root.tag.startswith("{" + W_STRICT_NS) else W_NS)
    body = root.find(tags.body)
    if body is None:
        raise InputError("corrupt", kind="docx")
    styles_root = parse(styles_data) if styles_data else None
    numbering = Numbering(parse(numbering_data) if numbering_data else None, styles_root, tags)
    # Word writes rendered breaks on every save; without any, page numbers would be fiction
    pages = Pages(enabled=next(body.iter(tags.lastRenderedPageBreak), None) is not None)
    walker = _Walker(tags, heading_styles(styles_root, tags), pages, numbering, Origins(body, tags))
    walker.container(body)
    blocks = walker.finish()
    return Document(path=str(path), format="docx", blocks=blocks)


class Origins:
    """Ordinals of the body's w:p, w:tbl, w:tr and w:tc elements in document order.

    Blocks, rows and cells record them so that a writer (annotate) can find the element a
    finding is about in its own parse of the same part. lxml hands back the same proxy
    for a node while one is alive, so the elements held here are their own keys.
    """

    def __init__(self, body, tags: Tags) -> None:
        self.of: dict = {}
        for tag in (tags.p, tags.tbl, tags.tr, tags.tc):
            for k, el in enumerate(body.iter(tag)):
                self.of[el] = k


class _Walker:
    def __init__(self, tags: Tags, styles: dict[str, int], pages: Pages, numbering: Numbering,
                 origins: Origins) -> None:
        self.t = tags
        self.origins = origins.of
        self.read_paragraphs = 0  # text paragraphs outside tables, as a reader counts them
        self.numbering = numbering
        self.styles = styles
        self.pages = pages
        self.inline = Inline(tags, pages)
        self.blocks: list = []
        self.list_block: ListBlock | None = None
        self.list_kind: str | None = None
        self.list_bare = False  # the current list's entries have no leaders
        self.pending: tuple | None = None  # a list title waiting for the next line to confirm it
        self.cells = 0  # table cells so far, padding included (MAX_CELLS)

    # -- block level -------------------------------------------------------------
    def container(self, el) -> None:
        t = self.t
        for child in el:
            tag = child.tag
            if tag == t.p:
                self.paragraph(child)
            elif tag == t.tbl:
                self.table(child)
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    self.container(content)
            elif tag == t.customXml or tag == t.ins or tag == t.moveTo:
                self.container(child)
            elif tag == t.alternate:
                self.inline.choice(child, self.container)

    def paragraph(self, p) -> None:
        text, page, boxes = self._paragraph_text(p)
        level = self._style_level(self.inline.ppr)
        if text.strip():
            self.read_paragraphs += 1
        origin = self.origins.get(p)
        # a soft line break makes a new line in every text conversion; read it the same way
        for line in text.split("\n"):
            self._line(line, level, page, origin)
        for box in boxes:  # text boxes: their paragraphs and tables, once
            self.container(box)

    def _paragraph_text(self, p):
        text, page, boxes = self.inline.paragraph(p)
        label = self.numbering.label(self.inline.ppr)  # advances the list counters even when blank
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        elif label and label != "•":  # an auto-numbered "No" cell holds no text of its own
            text = label
        return text, page, boxes

    def _style_level(self, ppr) -> int:
        if ppr is None:
            return 0
        outline = ppr.find(self.t.outlineLvl)
        if outline is not None and outline.get(self.t.val, "9").isdigit() and int(outline.get(self.t.val)) < 9:
            return int(outline.get(self.t.val)) + 1
        style = ppr.find(self.t.pStyle)
        return self.styles.get(style.get(self.t.val, ""), 0) if style is not None else 0

    def _line(self, raw: str, style_level: int, page: int | None, origin: int | None = None) -> None:
        line = raw.strip()
        if not line:
            return
        kind = LIST_HEADINGS.get(plain(line).lower()) if "\t" not in line else None
        if self.pending is not None:
            self._settle_pending(raw, page)
        if self.list_kind:
            if looks_like_entry(raw, self.list_kind) and self._list_entry(raw, style_level, page, origin):
                return  # a leader: an entry whatever it says ("Daftar Tabel<tab>" in the contents)
            if kind and kind != self.list_kind and not style_level:
                # "Daftar Tabel" in the entries' own style: the next list's title, or an entry of
                # this one ("Daftar Tabel" listed in the contents); the next line decides
                heading = Heading(text=plain(line), level=1, page=page, origin=origin, paragraph=self.read_paragraphs)
                self.blocks.append(heading)
                self.pending = (heading, raw, page, self.list_kind, self.list_block, self.list_bare, origin)
                self.list_kind, self.list_block, self.list_bare = kind, None, False
                return
            if not (kind and style_level) and self._list_entry(raw, style_level, page, origin):
                return
            self.list_kind, self.list_block = None, None
        if kind:  # "DAFTAR TABEL": the entries follow as paragraphs with tab leaders
            self.blocks.append(Heading(text=plain(line), level=1, page=page, origin=origin,
                                       paragraph=self.read_paragraphs))
            self.list_kind, self.list_bare = kind, False
            return
        level = style_level or structure.heading_level(line)
        kind = Heading if level else Paragraph
        block = kind(text=line, page=page, origin=origin, paragraph=self.read_paragraphs,
                     **({"level": level} if level else {}))
        self.blocks.append(block)
        if len(self.blocks) > MAX_BLOCKS:  # stop walking now rather than after millions of paragraphs
            raise InputError("too_many_blocks", limit=MAX_BLOCKS)

    def _list_entry(self, raw: str, style_level: int, page: int | None, origin: int | None = None) -> bool:
        """Add the line to the current list if it is an entry: with a leader (the raw line: a contents
        entry may be just "Kata Pengantar<tab>"), or a bare title in a contents list made without leaders."""
        line = raw.strip()
        leader = looks_like_entry(raw, self.list_kind)
        if not leader:
            started = self.list_block is not None and self.list_block.entries
            if self.list_kind != "contents" or style_level or (started and not self.list_bare) or not bare_entry(line):
                return False
            self.list_bare = True
        if self.list_block is None:
            self.list_block = ListBlock(kind=self.list_kind, page=page)
            self.blocks.append(self.list_block)
        item = entry(line, 0, self.list_kind)
        item.line, item.page = None, page
        item.origin, item.paragraph = origin, self.read_paragraphs
        self.list_block.entries.append(item)
        return True

    def _settle_pending(self, raw: str, page: int | None) -> None:
        """The line after a possible list title: an entry of that list confirms the title;
        otherwise the title was an entry of the list before it."""
        heading, title_raw, title_page, kind, block, bare, title_origin = self.pending
        self.pending = None
        if looks_like_entry(raw, self.list_kind) or (self.list_kind == "contents" and bare_entry(raw.strip())):
            return
        if self.blocks and self.blocks[-1] is heading:
            self.blocks.pop()
        self.list_kind, self.list_block, self.list_bare = kind, block, bare
        if not self._list_entry(title_raw, 0, title_page, title_origin):
            self.blocks.append(heading)
            self.list_kind, self.list_block = None, None

    # -- tables ------------------------------------------------------------------
    def table(self, tbl) -> None:
        self.pending = None
        grid = tbl.find(self.t.tblGrid)
        width = len(grid.findall(self.t.gridCol)) if grid is not None else 0
        rows: list[tuple[list[Cell], bool, int | None, int | None]] = []
        for tr in self._children(tbl, self.t.tr):
            row = self._row(tr)
            if row is not None:
                rows.append(row)
        if not any(c.text for cells, _, _, _ in rows for c in cells):
            return
        if self._list_table(rows):
            return
        self.list_kind, self.list_block = None, None
        width = max([width] + [len(cells) for cells, _, _, _ in rows])
        if width > MAX_COLUMNS:
            check_width(width, self._next_table_label())
        self.cells += width * len(rows)  # short rows are padded to the width below
        if self.cells > MAX_CELLS:
            raise InputError("too_many_cells", limit=MAX_CELLS)
        for cells, _, _, _ in rows:
            cells.extend(Cell(page=cells[-1].page if cells else None) for _ in range(width - len(cells)))
        row_caption = _caption_row(rows)
        table = _assemble(rows[1:] if row_caption else rows, width)
        table.origin, table.paragraph = self.origins.get(tbl), self.read_paragraphs
        table.page = table.header_rows[0].page if table.header_rows else (table.rows[0].page if table.rows else self.pages.current)
        self._caption(table)
        table.caption = table.caption or row_caption
        self.blocks.append(table)

    def _list_table(self, rows) -> bool:
        """A contents or list of tables laid out as a table under its title: its rows are the entries."""
        found = table_entries([[c.text for c in cells] for cells, _, _, _ in rows], self.list_kind) \
            if self.list_kind else None
        if not found:
            return False
        if self.list_block is None:
            self.list_block = ListBlock(kind=self.list_kind, page=rows[0][2])
            self.blocks.append(self.list_block)
        for item in found:
            item.line, item.page, item.paragraph = None, rows[0][2], self.read_paragraphs
        self.list_block.entries.extend(found)
        return True

    def _next_table_label(self) -> str:
        return f"tabel ke-{sum(1 for b in self.blocks if isinstance(b, Table)) + 1}"

    def _caption(self, table: Table) -> None:
        # the text reader's own rule (caption and title just above), on a copy of the last
        # three blocks so the page of what it took is still known
        tail = self.blocks[-3:]
        table.caption = structure.take_caption_above(tail)
        if table.caption:
            taken = [b for b in self.blocks[-3:] if all(b is not x for x in tail)]
            self.blocks[-3:] = tail
            table.caption.page = taken[0].page if taken else table.page
            table.caption.origin = taken[0].origin if taken else None

    def _children(self, el, tag):
        """Rows of a table or cells of a row, also when wrapped in content controls."""
        t = self.t
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag == t.customXml:
                yield from self._children(child, tag)

    def _row(self, tr):
        t = self.t
        trpr = tr.find(t.trPr)
        before = after = 0
        header = False
        if trpr is not None:
            props = {c.tag: c for c in trpr}  # one pass: .find() per property costs more
            if t.deleted in props:
                return None  # a tracked row deletion
            before = _int_val(props.get(t.gridBefore), t)
            after = _int_val(props.get(t.gridAfter), t)
            header = is_on(props.get(t.tblHeader), t)
        start_page, start_seen = self.pages.number, self.pages.seen_text
        end_page, end_seen = start_page, start_seen
        cells: list[Cell] = [Cell(page=self.pages.current) for _ in range(before)]
        for tc in self._children(tr, t.tc):
            # every cell of a row starts where the row starts; breaks inside the row count once
            self.pages.number, self.pages.seen_text = start_page, start_seen
            text, page = self._cell_text(tc)
            if (self.pages.number, self.pages.seen_text) > (end_page, end_seen):
                end_page, end_seen = self.pages.number, self.pages.seen_text
            tcpr = tc[0] if len(tc) and tc[0].tag == t.tcPr else None  # always first when present
            span, vcont, hcont = 1, False, False
            if tcpr is not None:
                props = {c.tag: c for c in tcpr}
                span = max(1, _int_val(props.get(t.gridSpan), t, 1))
                vm, hm = props.get(t.vMerge), props.get(t.hMerge)
                vcont = vm is not None and vm.get(t.val, "continue") != "restart"
                hcont = hm is not None and hm.get(t.val, "continue") != "restart"
            origin = self.origins.get(tc)
            if vcont or hcont:  # Word ignores the text of a covered cell
                cells.append(Cell(vmerged=vcont, merged=hcont, page=page, origin=origin))
            else:
                cells.append(Cell(text=text, page=page, origin=origin))
            cells.extend(Cell(merged=True, vmerged=vcont, page=page, origin=origin) for _ in range(span - 1))
            if len(cells) > MAX_COLUMNS:  # before a forged row of spans builds millions of cells
                check_width(len(cells), self._next_table_label())
        self.pages.number, self.pages.seen_text = end_page, end_seen
        cells.extend(Cell(page=cells[-1].page if cells else None) for _ in range(after))
        pages = [c.page for c in cells if c.text and c.page is not None]
        return cells, header, (min(pages) if pages else (start_page if self.pages.enabled else None)), self.origins.get(tr)

    def _cell_text(self, tc) -> tuple[str, int | None]:
        texts: list[str] = []
        first: list[int | None] = []
        self._cell_content(tc, texts, first)
        text = " ".join(" ".join(texts).split())
        return text, (first[0] if first else self.pages.current)

    def _cell_content(self, el, texts: list, first: list) -> None:
        """The text of a cell, a table nested in it included: that table is part of the cell
        (the way a text conversion flattens it), not a table of the report."""
        t = self.t
        for child in el:
            tag = child.tag
            if tag == t.p:
                text, page, boxes = self._paragraph_text(child)
                if text.strip():
                    texts.append(text)
                    first.append(page)
                for box in boxes:
                    self._cell_content(box, texts, first)
            elif tag == t.tbl:
                for tr in self._children(child, t.tr):
                    for tc in self._children(tr, t.tc):
                        self._cell_content(tc, texts, first)
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    self._cell_content(content, texts, first)
            elif tag == t.customXml or tag == t.alternate or tag == t.choice:
                self._cell_content(child, texts, first)

    # -- the whole document --------------------------------------------------------
    def finish(self) -> list:
        blocks = self.blocks = _join_continued(self.blocks)
        _captions_below(blocks)
        structure.number_captions(blocks)
        structure.assign_sections(blocks)
        for i, block in enumerate(blocks):
            block.index = i
        return blocks


def _join_continued(blocks: list) -> list:
    """A table continued as a second Word table (after a page break, nothing else between,
    no caption of its own, the same columns) is one table, as the text reader joins the
    tab blocks of a table resumed after a page break."""
    out: list = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, Table) and isinstance(prev, Table) and block.caption is None
                and block.n_cols == prev.n_cols and not prev.unreadable):
            continue_table(prev, block)
            continue
        out.append(block)
    return out


def _int_val(el, t: Tags, default: int = 0) -> int:
    if el is None:
        return default
    value = el.get(t.val, "")
    return int(value) if value.isdigit() and int(value) < 1000 else default


def _assemble(rows: list[tuple[list[Cell], bool, int | None, int | None]], width: int) -> Table:
    """Header rows (w:tblHeader, else the text reader's rule), column-number rows dropped."""
    marked = 0
    while marked < len(rows) and rows[marked][1]:
        marked += 1
    # authors often mark only the first of two header rows; the text reader's rule finds the second
    count = max(marked, header_count([(0, [c.text for c in cells]) for cells, _, _, _ in rows]))
    header, body = [], []
    for k, (cells, _, page, origin) in enumerate(rows):
        texts = [c.text for c in cells]
        if k < count:
            if k and is_column_numbers(texts):
                continue
            header.append(Row(cells=cells, page=page, is_header=True, origin=origin))
        elif not any(texts) or (not body and is_column_numbers(texts)):
            continue
        else:
            body.append(Row(cells=cells, page=page, origin=origin))
    return Table(header_rows=header, rows=body, n_cols=width)


def _caption_row(rows: list[tuple[list[Cell], bool, int | None, int | None]]) -> Caption | None:
    """Some authors type "Tabel 3.2 ..." into a first row merged across the whole table."""
    if len(rows) < 2:
        return None
    first = rows[0][0]
    if not first or not all(c.merged and not c.text for c in first[1:]):
        return None
    m = structure.CAPTION.match(first[0].text)
    if not m or not m.group("num"):
        return None
    return Caption(raw_number=m.group("num"), title=(m.group("title") or "").strip(" :.-–"), page=rows[0][2])


def _captions_below(blocks: list) -> None:
    """A table with no caption above takes "Tabel N.M" from just below it, unless that
    caption sits above a caption-less table of its own."""
    k = 0
    while k < len(blocks) - 1:
        table, nxt = blocks[k], blocks[k + 1]
        k += 1
        if not isinstance(table, Table) or table.caption:
            continue
        if not isinstance(nxt, (Paragraph, Heading)):
            continue
        m = structure.CAPTION.match(nxt.text)
        if not m:
            continue
        ahead = blocks[k + 1:k + 4]
        if any(isinstance(b, Table) and not b.caption for b in ahead):
            continue
        title = (m.group("title") or "").strip(" :.-–")
        used = [nxt]
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if not title and isinstance(after, (Paragraph, Heading)) and not structure.CAPTION.match(after.text):
            title = after.text
            used.append(after)
        table.caption = Caption(raw_number=m.group("num"), title=title, page=nxt.page, origin=nxt.origin)
        blocks[k:k + len(used)] = []
