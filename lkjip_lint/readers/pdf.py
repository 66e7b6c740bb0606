"""Read a PDF report into a Document (format "pdf").

pypdfium2 gives the characters of every page (fast); ruled tables are found with
pdfplumber's grid algorithm on the pages that draw lines (pdf_tables). The lines
outside tables become paragraphs, headings and the contents lists (pdf_flow);
tables split across pages are rejoined (pdf_join). Locations are page indexes
(1-based), not the printed page numbers. Bad files raise InputError: encrypted,
scanned (no text layer), truncated or corrupt.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lkjip_lint.document import Document, Table
from lkjip_lint.readers import structure
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.pdf_cells import Vocabulary, resolve
from lkjip_lint.readers.pdf_captions import attach_captions, caption_match
from lkjip_lint.readers.pdf_flow import Layout, PageContent, TextBlock, build, strip_running
from lkjip_lint.readers.pdf_join import CONTINUED, continues, join, to_table
from lkjip_lint.readers.pdf_tables import RawTable, TooManyLines, find_tables, has_paths, object_kinds
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
        if chars and has_paths(kinds):
            try:
                tables = find_tables(page, chars, number, width, height)
            except TooManyLines:
                notes.append(f"Halaman {number}: terlalu banyak garis gambar; tabelnya tidak dibaca.")
        for t in tables:  # text inside a table is the table's, not running text
            chars = _outside(chars, t.bbox)
        lines = split_lines(chars, number)
        set_sizes(textpage, lines)
    finally:
        textpage.close()
    return PageContent(number=number, width=width, height=height, lines=lines, tables=tables)


def _outside(chars: list, bbox) -> list:
    x0, top, x1, bottom = bbox
    return [c for c in chars
            if not (x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom)]


def _blocks(pages: list[PageContent]) -> list:
    strip_running(pages)
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
    for item in attach_captions(flow):
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


def _join_split_tables(flow: list, vocab: Vocabulary) -> list:
    """B right after A (nothing between but running headers), or after a "Tabel 3.2 (lanjutan)" caption."""
    out: list = []
    for item in flow:
        if isinstance(item, RawTable):
            prev = out[-1] if out else None
            if isinstance(prev, RawTable) and continues(prev, item):
                join(prev, item, vocab)
                continue
            if (len(out) >= 2 and isinstance(out[-2], RawTable) and isinstance(prev, TextBlock)
                    and caption_match(prev) and CONTINUED.search(prev.text) and continues(out[-2], item)):
                out.pop()
                join(out[-1], item, vocab)
                continue
        out.append(item)
    return out

