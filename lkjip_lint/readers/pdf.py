"""Read a PDF report into a Document (format "pdf").

pypdfium2 gives the characters of every page (fast); ruled tables are found with
pdfplumber's grid algorithm on the pages that draw lines (pdf_tables). The lines
outside tables become paragraphs, headings and the contents lists (pdf_flow);
tables split across pages are rejoined (pdf_join). Locations are page indexes
(1-based), not the printed page numbers. Bad files raise InputError: encrypted,
scanned (no text layer), truncated or corrupt.
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lkjip_lint.document import Document, Table
from lkjip_lint.readers import structure
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.pdf_cells import Vocabulary, resolve
from lkjip_lint.readers.pdf_captions import attach_captions, caption_match
from lkjip_lint.readers.pdf_flow import Layout, PageContent, TextBlock, build, strip_running
from lkjip_lint.readers.pdf_join import CONTINUED, continues, foot_lines, join, to_table
from lkjip_lint.readers.pdf_tables import RawTable, TooManyLines, find_tables, has_paths, object_kinds
from lkjip_lint.readers.pdf_unruled import find_all, reread
from lkjip_lint.readers.pdf_text import page_chars, set_sizes, split_lines

MAX_PAGES = 500
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_PICTURES = {pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM}


def read(path: Path) -> Document:
    data = path.read_bytes()
    _check_complete(data)
    pdf = _open(data)
    try:
        notes: list[str] = []
        total = len(pdf)
        if total == 0:
            raise InputError("corrupt_detail", kind="pdf", reason="tidak ada halaman")
        if total > MAX_PAGES:
            notes.append(f"Hanya {MAX_PAGES} dari {total} halaman yang dibaca (batas ukuran).")
        pages, textless, scanned = [], [], []
        unreadable = []
        for index in range(min(total, MAX_PAGES)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                unreadable.append(index + 1)  # one broken page must not cost the others
                continue
            try:
                kinds = object_kinds(page)
                content = _read_page(page, index + 1, kinds, notes)
            finally:
                page.close()
            if not content.lines and not content.tables:
                textless.append(index + 1)
                if kinds & _PICTURES:
                    scanned.append(index + 1)  # a picture and no text: a scanned page (a blank page is not)
            pages.append(content)
    finally:
        pdf.close()
    if unreadable and not pages:
        raise InputError("corrupt_detail", kind="pdf", reason="tidak ada halaman yang dapat dibuka")
    if unreadable:
        notes.append("Halaman yang tidak dapat dibuka (rusak), isinya tidak diperiksa: " + ", ".join(map(str, unreadable)) + ".")
    if len(textless) >= max(1, 0.9 * len(pages)):
        raise InputError("scanned")
    if scanned:
        notes.append("Halaman tanpa lapisan teks (hasil pindaian?), isinya tidak diperiksa: "
                     + ", ".join(map(str, scanned)) + ".")
    blocks = _blocks(pages)
    structure.number_captions(blocks)
    structure.assign_sections(blocks)
    for i, block in enumerate(blocks):
        block.index = i
    return Document(path=str(path), format="pdf", blocks=blocks, notes=notes)


def _check_complete(data: bytes) -> None:
    """pdfium quietly repairs a truncated file and shows its first pages; say it is cut off instead."""
    if b"%%EOF" not in data[-2048:]:
        raise InputError("corrupt_detail", kind="pdf", reason="berkas terpotong, penanda akhir %%EOF tidak ada")


def _open(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise InputError("encrypted") from None
        raise InputError("corrupt_detail", kind="pdf", reason=str(exc)[:200]) from None


def _read_page(page, number: int, kinds: set[int], notes: list[str]) -> PageContent:
    # characters and paths come in user space: flip y at the media box top, whatever /Rotate says
    left, bottom, right, top = page.get_mediabox()
    width, height = right - left, top
    textpage = page.get_textpage()
    try:
        chars = page_chars(textpage, height)
        tables: list[RawTable] = []
        rules: list[float] = []
        if chars and has_paths(kinds):
            try:
                tables = find_tables(page, chars, number, width, height, rules)
            except TooManyLines:
                notes.append(f"Halaman {number}: terlalu banyak garis gambar; tabelnya tidak dibaca.")
        for t in tables:  # text inside a table is the table's, not running text
            chars = _outside(chars, t.bbox)
        lines = split_lines(chars, number)
        set_sizes(textpage, lines)
    finally:
        textpage.close()
    rules = [y for y in rules if not any(t.bbox[1] - 1 <= y <= t.bbox[3] + 1 for t in tables)]
    pictures = _picture_tops(page, height) if pdfium_c.FPDF_PAGEOBJ_IMAGE in kinds else []
    return PageContent(number=number, width=width, height=height, lines=lines, tables=tables, rules=rules,
                       pictures=pictures)


def _picture_tops(page, height: float) -> list[float]:
    raw = page.raw
    tops = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE and pdfium_c.FPDFPageObj_GetBounds(
                obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)):
            tops.append(height - top.value)
    return tops


def _outside(chars: list, bbox) -> list:
    x0, top, x1, bottom = bbox
    return [c for c in chars
            if not (x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom)]


def _blocks(pages: list[PageContent]) -> list:
    strip_running(pages)
    # tables without ruling lines, from the lines no ruled table took
    unruled = find_all([(page.lines, page.number, page.rules) for page in pages])
    for page, (found, page.lines) in zip(pages, unruled):
        page.tables = sorted(page.tables + found, key=lambda t: (t.bbox[1], t.bbox[0]))
    vocab = Vocabulary()  # the document's words decide how broken words in cells are glued
    for page in pages:
        for line in page.lines:
            vocab.add_text(line.text)
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    vocab.add_cell(cell.lines)
    for page in pages:
        resolve(page.tables, vocab)
    layout = Layout(pages)
    flow = _join_split_tables(build(pages, layout), vocab)
    blocks: list = []
    by_number = {p.number: p for p in pages}

    def picture_below(block: TextBlock) -> bool:
        """An image under the caption on its page, or at the top of the next page."""
        page, nxt = by_number.get(block.page), by_number.get(block.page + 1)
        y = block.lines[-1].top
        return bool((page and any(t >= y for t in page.pictures))
                    or (nxt and any(t <= nxt.height * 0.4 for t in nxt.pictures)))

    for item in attach_captions(flow, picture_below):
        if isinstance(item, RawTable):
            blocks.append(to_table(item))
        elif isinstance(item, tuple):  # a caption with no machine-readable table under it
            caption = item[1]
            blocks.append(Table(caption=caption, unreadable=True, page=caption.page))
        elif isinstance(item, TextBlock):
            block = structure.text_block(item.text, 0)
            block.line, block.page = None, item.page
            if block.text:
                blocks.append(block)
        else:
            blocks.append(item)
    return blocks


def _in_columns_of(out: list, item: RawTable, vocab: Vocabulary) -> RawTable:
    """An unruled piece right after an unruled table on the page before, read in that table's
    columns: a column left empty on this page leaves no river of its own, and header text
    over an empty body column may make one too many. When the table before is a stub of a
    row or two at the foot of its page, the longer piece's columns are the better measure:
    the stub is read again in them instead."""
    prev = out[-1]
    if prev.ruled or item.ruled or item.page != prev.last_page + 1 or item.spans == prev.spans:
        return item
    if item.bbox[0] < prev.bbox[0] - 20 or item.bbox[2] > prev.bbox[2] + 20:
        return item  # wider than the table before: another table
    if len(item.rows) > 2 * len(prev.rows) and set(prev.pages) == {prev.page}:
        stub = reread(prev, item.spans)
        if stub is not None:
            resolve([stub], vocab)
            stub.caption = prev.caption
            out[-1] = stub
            return item
    again = reread(item, prev.spans)
    if again is None:
        return item
    resolve([again], vocab)
    again.caption = item.caption
    return again


def _join_split_tables(flow: list, vocab: Vocabulary) -> list:
    """B right after A (nothing between but running headers), or after a "Tabel 3.2 (lanjutan)" caption."""
    out: list = []
    for item in flow:
        if isinstance(item, RawTable):
            cut_label = _take_foot_lines(out, item, vocab)
            prev = out[-1] if out else None
            if isinstance(prev, RawTable):
                item = _in_columns_of(out, item, vocab)
                prev = out[-1]
            if isinstance(prev, RawTable) and continues(prev, item):
                join(prev, item, vocab, label_runs_on=cut_label)
                continue
            if (len(out) >= 2 and isinstance(out[-2], RawTable) and isinstance(prev, TextBlock)
                    and caption_match(prev) and CONTINUED.search(prev.text) and continues(out[-2], item)):
                out.pop()
                join(out[-1], item, vocab)
                continue
            if item.tentative:  # one row that continues nothing: its lines are text after all
                out.extend(TextBlock([line]) for line in item.source_lines)
                continue
        out.append(item)
    return out


def _take_foot_lines(out: list, item: RawTable, vocab: Vocabulary) -> bool:
    """Text lines between a table and its piece on the next page that are the middle of a row
    the page break cut go back into that row (pdf_join.foot_lines); whether they did."""
    k = len(out)
    while k and isinstance(out[k - 1], TextBlock):
        k -= 1
    if k == len(out) or not k or not isinstance(out[k - 1], RawTable):
        return False
    lines = [ln for block in out[k:] for ln in block.lines]
    if not foot_lines(out[k - 1], lines, item, vocab):
        return False
    del out[k:]
    return True
