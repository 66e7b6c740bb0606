"""The PDF reader: small PDFs written here (exact layout), the corpus PDFs, and bad files.

The corpus PDFs are LibreOffice's rendering of the corpus DOCX, made by
fixtures/make_fixtures.py and committed; tests on them skip when they are absent.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import pytest

from lkjip_lint.document import Heading, ListBlock, Paragraph, Table
from lkjip_lint.engine.loader import load_rules
from lkjip_lint.lint import Options, check_file
from lkjip_lint.readers import read_any
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.pdf_cells import Vocabulary, cell_text
from lkjip_lint.readers.pdf_text import Char, Line
from lkjip_lint.readers.text import read as read_text

from tests.helpers import ENCRYPT_DICT, FIXTURES, encrypt_trailer, pdf_bytes

REPORT = FIXTURES / "purbalingga-2024"
MIN_RECALL, MAX_EXTRA = 0.95, 0.05


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} missing: run fixtures/make_fixtures.py (needs LibreOffice)")
    return path


# ---- a tiny PDF writer: Courier text (0.6 em a character) and ruling lines ---------------

W, H = 595, 842  # A4 in points
LEFT = 72


def write_pdf(path: Path, pages: list[list[tuple]], encrypt: bool = False) -> Path:
    """pages: lists of ("t", x, y, size, text), ("l", x0, y0, x1, y1) and ("i", x, y, w, h) (a grey
    picture); y from the top."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for items in pages:
        ops = []
        for item in items:
            if item[0] == "t":
                _, x, y, size, text = item
                esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 {size} Tf {x} {H - y} Td ({esc}) Tj ET")
            elif item[0] == "i":
                _, x, y, w, h = item
                ops.append(f"q {w} 0 0 {h} {x} {H - y - h} cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q")
            else:
                _, x0, y0, x1, y1 = item
                ops.append(f"0.5 w {x0} {H - y0} m {x1} {H - y1} l S")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objs.append(b"")  # the page, filled below
        kids.append(len(objs))
    font = len(objs) + 1
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    for k in kids:
        objs[k - 1] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (W, H, k - 1, font))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    if encrypt:  # a user password is set: the empty password does not open it
        objs.append(ENCRYPT_DICT)
    path.write_bytes(pdf_bytes(objs, encrypt_trailer(len(objs)) if encrypt else b""))
    return path


def text(y: float, s: str, x: float = LEFT, size: float = 11) -> tuple:
    return ("t", x, y, size, s)


def grid(top: float, xs: list[float], ys: list[float], skip_v: set = frozenset()) -> list[tuple]:
    """Ruling lines of a table: horizontals at ys (offsets from top), verticals at xs.

    skip_v holds (column border index, row index) pairs where a vertical border is left out (a merge).
    """
    lines = [("l", xs[0], top + y, xs[-1], top + y) for y in ys]
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (c, r) not in skip_v:
                lines.append(("l", x, top + ys[r], x, top + ys[r + 1]))
    return lines


def cells(top: float, xs: list[float], ys: list[float], rows: list[list[str]], size: float = 9) -> list[tuple]:
    out = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            for k, piece in enumerate(value.split("\n") if value else []):
                out.append(text(top + ys[r] + 4 + size + k * (size + 2), piece, xs[c] + 3, size))
    return out


def paragraph(y: float, words: str, width: int = 60, size: float = 11) -> list[tuple]:
    """Words wrapped at `width` Courier characters, one line every size*1.3 points."""
    lines, cur = [], ""
    for word in words.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    lines.append(cur)
    return [text(y + k * size * 1.3, ln, size=size) for k, ln in enumerate(lines)]


LOREM = ("Realisasi anggaran Kecamatan tahun 2024 mencapai sembilan puluh dua persen dari pagu yang "
         "ditetapkan dalam dokumen pelaksanaan anggaran, dengan capaian kinerja yang sangat tinggi pada "
         "seluruh indikator kinerja utama yang diperjanjikan dalam perjanjian kinerja.")


def _running(page_no: int) -> list[tuple]:
    return [text(40, "Laporan Kinerja Kecamatan Contoh 2024", size=9), text(810, str(page_no), x=W / 2, size=9)]


# ---- layout: running headers, paragraphs, headings -----------------------------------------------

@pytest.fixture(scope="module")
def layout_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "layout.pdf"
    pages = []
    for p in range(1, 4):
        items = _running(p) + [text(90, f"BAB {'I' * p} JUDUL BAB"), text(120, f"A. Bagian {p}")]
        items += paragraph(150, LOREM)
        items += paragraph(240, "Paragraf kedua yang pendek saja.")
        pages.append(items)
    write_pdf(path, pages)
    return read_any(path)


def test_running_header_and_page_numbers_are_removed(layout_doc):
    texts = [b.text for b in layout_doc.blocks if isinstance(b, (Paragraph, Heading))]
    assert not any("Laporan Kinerja Kecamatan Contoh" in t for t in texts)
    assert not any(re.fullmatch(r"\d+", t) for t in texts)


def test_wrapped_lines_are_one_paragraph_and_headings_stay_apart(layout_doc):
    paras = [b for b in layout_doc.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paras[:2]] == [LOREM, "Paragraf kedua yang pendek saja."]
    heads = [(b.text, b.level) for b in layout_doc.blocks if isinstance(b, Heading)]
    assert heads[:2] == [("BAB I JUDUL BAB", 1), ("A. Bagian 1", 2)]
    assert layout_doc.format == "pdf"


def test_every_block_has_its_page_and_no_line(layout_doc):
    assert [b.page for b in layout_doc.blocks if isinstance(b, Heading) and b.text.startswith("BAB")] == [1, 2, 3]
    assert all(b.page and b.line is None for b in layout_doc.blocks)


# ---- tables: merges, wrapped numbers, split across pages, captions ---------------------------------

XS = [72, 102, 262, 332, 402, 472]
HEADER = [["No", "Uraian", "Jumlah", "", "Pagu (Rp)"], ["", "", "L", "P", ""]]


def _table_pages(tmp_path: Path) -> Path:
    ys = [0, 20, 40, 68, 88, 108]
    body1 = [["1", "Kelurahan Satu", "10", "12", "304.147.00\n0"], ["2", "Kelurahan Dua", "7", "9", "1.000"]]
    body2 = [["3", "Kelurahan Tiga", "5", "6", "2.500"], ["", "Jumlah", "22", "27", "305.148.500"]]

    def table(top, body, caption):
        # "Jumlah" spans two columns (no border between them in the first row);
        # No, Uraian and Pagu span both header rows (no border under them)
        lines = [("l", XS[0], top + y, XS[-1], top + y) for y in ys if y != 20]
        lines.append(("l", XS[2], top + 20, XS[4], top + 20))
        lines += [("l", x, top + ys[r], x, top + ys[r + 1])
                  for c, x in enumerate(XS) for r in range(len(ys) - 1) if (c, r) != (3, 0)]
        return caption + lines + cells(top, XS, ys, HEADER + body)
    page1 = _running(1) + paragraph(90, LOREM) + table(670, body1, [text(655, "Tabel 2.1 Realisasi Anggaran")])
    page2 = _running(2) + table(72, body2, []) + [text(200, "Tabel 2.2 Capaian yang hanya gambar")]
    page2 += [("i", LEFT, 215, 300, 100)] + paragraph(330, "Teks sesudah judul tabel yang tidak terbaca.")
    page2 += [text(420, "Tabel 2.4 Judul tanpa tabel maupun gambar")] + paragraph(450, "Sumber: data kecamatan.")
    ys3 = [0, 20, 40]
    page3 = (_running(3) + grid(100, XS[:4], ys3) + cells(100, XS[:4], ys3, [["A", "B", "C"], ["1", "2", "3"]])
             + [text(160, "Tabel 2.3 Judul di bawah tabel")] + paragraph(200, "Penutup."))
    return write_pdf(tmp_path / "tables.pdf", [page1, page2, page3])


@pytest.fixture(scope="module")
def table_doc(tmp_path_factory):
    return read_any(_table_pages(tmp_path_factory.mktemp("pdf")))


def test_merged_header_cells_become_merges(table_doc):
    t = table_doc.tables()[0]
    top, sub = t.header_rows
    assert [c.text for c in top.cells] == ["No", "Uraian", "Jumlah", "", "Pagu (Rp)"]
    assert top.cells[3].merged and not top.cells[3].vmerged
    assert [c.vmerged for c in sub.cells] == [True, True, False, False, True]
    assert [c.text for c in sub.cells][2:4] == ["L", "P"]


def test_table_split_over_two_pages_is_one_table(table_doc):
    t = table_doc.tables()[0]
    assert t.caption.number == "2.1"
    assert [r.cells[1].text for r in t.rows] == ["Kelurahan Satu", "Kelurahan Dua", "Kelurahan Tiga", "Jumlah"]
    assert [r.page for r in t.rows] == [1, 1, 2, 2]  # the repeated header on page 2 is gone
    assert all(c.page == r.page and c.line is None for r in t.rows for c in r.cells)


def test_number_wrapped_in_a_narrow_cell_is_glued(table_doc):
    assert table_doc.tables()[0].rows[0].cells[4].text == "304.147.000"


def test_caption_without_a_readable_table_is_reported(table_doc):
    unreadable = [t for t in table_doc.tables() if t.unreadable]
    assert [(t.caption.number, t.caption.title, t.page) for t in unreadable] == [("2.2", "Capaian yang hanya gambar", 2)]
    assert "Teks sesudah judul tabel yang tidak terbaca." in [b.text for b in table_doc.paragraphs()]


def test_caption_with_nothing_under_it_stays_text_as_in_the_text_reader(table_doc):
    # the text and DOCX readers leave such a caption as a paragraph (a caption-only note): so does the PDF
    assert "Tabel 2.4 Judul tanpa tabel maupun gambar" in [b.text for b in table_doc.blocks if not isinstance(b, Table)]
    assert not any(t.caption and t.caption.number == "2.4" for t in table_doc.tables())


def test_caption_below_its_table(table_doc):
    below = table_doc.tables()[-1]
    assert (below.caption.number, below.caption.title) == ("2.3", "Judul di bawah tabel")
    assert [c.text for c in below.header_rows[0].cells] == ["A", "B", "C"]


def test_text_inside_tables_is_not_running_text(table_doc):
    assert not any("Kelurahan" in b.text for b in table_doc.paragraphs())


def test_cell_lines_glue_by_the_documents_own_words():
    def line(s: str, x1: float, space: bool = False) -> Line:
        chars = [Char(ch, 0, 1, 0, 10) for ch in s]
        chars[0].x0, chars[-1].x1 = 0.0, x1
        return Line(chars=chars, page=1, text=s, x1=x1, bottom=10, ends_with_space=space)
    vocab = Vocabulary()
    vocab.add_text("realisasi target akhir pendukung")
    assert cell_text([line("Realisa", 49), line("si 2024", 30)], 55, vocab) == "Realisasi 2024"
    assert cell_text([line("Target", 49), line("Akhir", 30)], 55, vocab) == "Target Akhir"
    assert cell_text([line("10.599.350.00", 49), line("0", 5)], 55, vocab) == "10.599.350.000"
    assert cell_text([line("Purbalingga", 40, space=True), line("Lor", 15)], 55, vocab) == "Purbalingga Lor"
    assert cell_text([line("(1", 10), line(")", 3)], 55, vocab) == "(1)"


# ---- tables without ruling lines (found from the positions of words) ---------------------------

UXS = [72, 102, 282, 352, 422]  # No, Uraian, Target, Realisasi, Capaian


def _unruled_pages(tmp_path: Path, rule_under_header: bool) -> Path:
    header = [["No", "Uraian", "Target", "Realisasi", "Capaian"]]
    body1 = [["1", "Indeks Kepuasan Masyarakat\nKecamatan", "91,5", "93,85", "102,57"],
             ["2", "Nilai SAKIP", "66", "64,86", "98,27"]]
    body2 = [["3", "Nilai Kematangan", "33", "33", "100"], ["", "Rata-rata", "", "", "100,28"]]
    rule = [("l", UXS[0], 700 + 15, 480, 700 + 15)] if rule_under_header else []
    page1 = (_running(1) + paragraph(90, LOREM) + [text(685, "Tabel 3.2 Capaian Indikator")] + rule
             + cells(700, UXS, [0, 14, 36], header + body1))
    page2 = _running(2) + cells(72, UXS, [0, 14], body2) + paragraph(120, "Sumber: data kecamatan tahun 2024.")
    return write_pdf(tmp_path / "unruled.pdf", [page1, page2])


@pytest.mark.parametrize("rule_under_header", [False, True])
def test_table_without_ruling_lines_is_read_into_the_same_grid(tmp_path, rule_under_header):
    doc = read_any(_unruled_pages(tmp_path, rule_under_header))
    [table] = doc.tables()
    assert table.caption.number == "3.2" and not table.unreadable
    assert [c.text for c in table.header_rows[0].cells] == ["No", "Uraian", "Target", "Realisasi", "Capaian"]
    assert [r.texts() for r in table.rows] == [
        ["1", "Indeks Kepuasan Masyarakat Kecamatan", "91,5", "93,85", "102,57"],  # a wrapped label, one row
        ["2", "Nilai SAKIP", "66", "64,86", "98,27"],
        ["3", "Nilai Kematangan", "33", "33", "100"],  # continued on the next page: one table
        ["", "Rata-rata", "", "", "100,28"]]
    assert [r.page for r in table.rows] == [1, 1, 2, 2]
    texts = [b.text for b in doc.blocks if not isinstance(b, Table)]
    assert "Sumber: data kecamatan tahun 2024." in texts
    assert not any("Kepuasan" in t or "Laporan Kinerja Kecamatan Contoh" in t for t in texts)


def test_lines_with_tab_gaps_that_do_not_align_are_no_table(tmp_path):
    # a numbered list with a tab after the number, and one "Nama<tab>: value" line: no table
    items = [text(100 + 14 * k, f"{k + 1}.", size=11) for k in range(3)]
    items += [text(100 + 14 * k, f"Kegiatan nomor {k + 1} berjalan baik", x=110, size=11) for k in range(3)]
    items += [text(160, "Nama", size=11), text(160, ": Kecamatan Contoh", x=200, size=11)]
    doc = read_any(write_pdf(tmp_path / "list.pdf", [_running(1) + items]))
    assert doc.tables() == []
    texts = [b.text for b in doc.blocks]
    assert "2. Kegiatan nomor 2 berjalan baik" in texts and "Nama : Kecamatan Contoh" in texts


def test_a_page_of_drawing_lines_is_skipped_quickly(tmp_path):
    # a hatched drawing: thousands of short strokes that no joining can merge
    lines = [("l", 50 + i * 7, 100 + j * 12, 50 + i * 7, 104 + j * 12) for i in range(60) for j in range(30)]
    lines += [("l", 50 + i * 7, 106 + j * 12, 54 + i * 7, 106 + j * 12) for i in range(60) for j in range(30)]
    path = write_pdf(tmp_path / "drawing.pdf", [[text(60, "Gambar 1 Peta wilayah")] + lines])
    start = time.perf_counter()
    doc = read_any(path)
    assert time.perf_counter() - start < 10
    assert doc.tables() == [] and any("garis" in n for n in doc.notes)


# ---- bad files -----------------------------------------------------------------------------

def _scanned(path: Path, pages: int = 1) -> Path:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(W, H)
        image = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.new_native(40, 40, pdfium_c.FPDFBitmap_BGR)
        bitmap.fill_rect((0, 0, 0, 255), 0, 0, 20, 20)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(W, H))
        page.insert_obj(image)
        page.gen_content()
    pdf.save(path)
    return path


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = write_pdf(tmp_path / "good.pdf", [[text(100, "Isi laporan.")]])
    source = REPORT.with_suffix(".pdf")
    data = (source if source.exists() else good).read_bytes()
    cut = tmp_path / "truncated.pdf"
    cut.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + b"not a pdf body " * 50 + b"\n%%EOF\n")
    return {
        "encrypted": (write_pdf(tmp_path / "encrypted.pdf", [[text(100, "Rahasia")]], encrypt=True), "encrypted"),
        "scanned": (_scanned(tmp_path / "scanned.pdf", pages=2), "scanned"),
        "blank": (write_pdf(tmp_path / "blank.pdf", [[]]), "scanned"),
        "truncated": (cut, "corrupt_detail"),
        "garbage": (garbage, "corrupt_detail"),
    }


@pytest.mark.parametrize("kind", ["encrypted", "scanned", "blank", "truncated", "garbage"])
def test_bad_pdf_raises_input_error(kind, tmp_path):
    path, code = _bad_files(tmp_path)[kind]
    with pytest.raises(InputError) as err:
        read_any(path)
    assert err.value.code == code
    if code == "corrupt_detail":
        assert err.value.values["kind"] == "pdf" and err.value.values["reason"]


def test_cli_bad_pdf_exits_2_and_still_checks_the_good_file(tmp_path):
    bad = _bad_files(tmp_path)
    good = FIXTURES / "purbalingga-2024-clean.txt"
    exe = Path(sys.executable).with_name("lkjip-lint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lkjip_lint"]
    paths = [str(p) for p, _ in bad.values()]
    proc = subprocess.run(cmd + ["check", "--lang", "en", *paths, str(good)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "encrypted" in proc.stdout and "OCR" in proc.stdout
    assert str(good) in proc.stdout and "22" in proc.stdout  # the good file is still reported, its tables read


def test_a_few_scanned_pages_give_a_note(tmp_path):
    import pypdfium2 as pdfium

    text_pages = [[text(100, f"BAB {p}"), text(130, f"Halaman {p} berisi teks laporan.")] for p in range(1, 6)]
    path = write_pdf(tmp_path / "text.pdf", text_pages)
    scan = _scanned(tmp_path / "scan.pdf")
    pdf = pdfium.PdfDocument(path)
    pdf.import_pages(pdfium.PdfDocument(scan), index=2)
    pdf.save(tmp_path / "mixed.pdf")
    pdf.close()
    doc = read_any(tmp_path / "mixed.pdf")
    assert any("3" in n and "pindaian" in n for n in doc.notes)
    assert sorted({b.page for b in doc.blocks}) == [1, 2, 4, 5, 6]


def test_page_limit_is_said_in_a_note(tmp_path, monkeypatch):
    from lkjip_lint.readers import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    path = write_pdf(tmp_path / "long.pdf", [[text(100, f"Halaman {p}.")] for p in range(1, 5)])
    doc = read_any(path)
    assert [b.text for b in doc.paragraphs()] == ["Halaman 1.", "Halaman 2."]
    assert any("2 dari 4" in n for n in doc.notes)


# ---- the corpus report -----------------------------------------------------------------------

@lru_cache(maxsize=None)
def _pdf(name: str):
    return read_any(_need(FIXTURES / name))


def _shape(doc) -> list[tuple]:
    return [(t.caption.raw_number if t.caption else None, t.caption.title if t.caption else None,
             len(t.header_rows), len(t.rows), t.n_cols) for t in doc.tables()]


@pytest.mark.parametrize("name", ["purbalingga-2024", "purbalingga-2024-clean"])
def test_corpus_tables_and_captions_as_the_text_reader_gives(name):
    pdf = _pdf(f"{name}.pdf")
    text_doc = read_text(FIXTURES / f"{name}.txt")
    assert _shape(pdf) == _shape(text_doc)
    assert not any(t.unreadable for t in pdf.tables())
    lists = lambda d: [(b.kind, [(e.number, e.text) for e in b.entries]) for b in d.blocks if isinstance(b, ListBlock)]
    assert lists(pdf) == lists(text_doc)


def test_corpus_table_1_1_numbers():
    t = next(t for t in _pdf("purbalingga-2024.pdf").tables() if t.caption and t.caption.number == "1.1")
    assert [c.text for c in t.header_rows[1].cells][3:] == ["Dusun", "RW", "RT"]
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in t.rows}
    assert rows["Purbalingga Lor"] == ["0,84", "-", "6", "24"]
    assert rows["Toyareja"] == ["1.97", "2", "3", "15"]
    assert rows["Jumlah"] == ["1.473.36", "5", "68", "251"]
    assert len(t.rows) == 15


def test_corpus_cells_read_as_in_the_text():
    pdf, text_doc = _pdf("purbalingga-2024.pdf"), read_text(REPORT.with_suffix(".txt"))
    norm = lambda s: re.sub(r"\s+", " ", s.replace("$", "").replace("\\leq", "≤").replace("\\%", "%")).strip()
    pairs = [(norm(a.text), norm(b.text)) for x, y in zip(text_doc.tables(), pdf.tables())
             for ra, rb in zip(x.header_rows + x.rows, y.header_rows + y.rows) for a, b in zip(ra.cells, rb.cells)]
    wrong = [p for p in pairs if p[0] != p[1]]
    assert len(pairs) > 900 and len(wrong) <= len(pairs) // 100, wrong[:10]


def test_corpus_split_tables_are_rejoined():
    pdf, text_doc = _pdf("purbalingga-2024.pdf"), read_text(REPORT.with_suffix(".txt"))
    split = [(k, t) for k, t in enumerate(pdf.tables()) if len({r.page for r in t.header_rows + t.rows}) > 1]
    assert split, "the rendering has a table across a page break"
    for k, t in split:
        assert len(t.rows) == len(text_doc.tables()[k].rows)
        header = [[c.text for c in r.cells] for r in t.header_rows]
        assert not any([c.text for c in r.cells] in header for r in t.rows)  # no repeated header


def test_corpus_page_numbers_everywhere():
    doc = _pdf("purbalingga-2024.pdf")
    assert all(b.page and b.line is None for b in doc.blocks)
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and pages[-1] > 30
    for t in doc.tables():
        assert all(r.page and all(c.page == r.page and c.line is None for c in r.cells) for r in t.header_rows + t.rows)
    for b in doc.blocks:
        if isinstance(b, ListBlock):
            assert all(e.page for e in b.entries)


# ---- format parity (the PDF half; tests/test_format_parity.py holds the DOCX half) -----------------

@lru_cache(maxsize=1)
def _options() -> Options:
    return Options(rules=load_rules(()))


@lru_cache(maxsize=None)
def _result(path: Path):
    result = check_file(_need(path), _options())
    assert result.error is None, f"{path.name}: {result.error}"
    return result


def _defects(path: Path) -> frozenset:
    value = lambda v: f"{v:.4f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
    return frozenset((f.rule, value(f.expected)) for f in _result(path).findings if f.severity in ("error", "warning"))


def test_pdf_finds_the_same_defects_as_text():
    reference = _defects(REPORT.with_suffix(".txt"))
    found = _defects(REPORT.with_suffix(".pdf"))
    assert reference
    missing, extra = reference - found, found - reference
    assert 1 - len(missing) / len(reference) >= MIN_RECALL, f"pdf misses {sorted(missing)}"
    assert len(extra) <= MAX_EXTRA * len(reference), f"pdf adds {sorted(extra)}"


def test_clean_pdf_has_no_error_or_warning():
    assert _defects(FIXTURES / "purbalingga-2024-clean.pdf") == frozenset()


def test_pdf_tables_read_and_recognised_as_text():
    text_result, pdf_result = _result(REPORT.with_suffix(".txt")), _result(REPORT.with_suffix(".pdf"))
    assert pdf_result.format == "pdf"
    assert (pdf_result.tables_read, pdf_result.tables_recognised) == (text_result.tables_read, text_result.tables_recognised)
