"""Hostile and broken input: never a traceback, never a hang, nothing lost (issue 8).

Every case goes through the command line, in a batch with a good report, and checks
the exit code (2 for a file that cannot be read, 0/1 for one that is read), a message
that names the file and says what to do (Indonesian by default), no traceback, and
that the good report is still checked. Cases whose cost matters (the zip bomb, the
large and long inputs) run the installed command in a subprocess with a time limit and
a 2 GB address-space limit, and measure its peak memory.
"""
from __future__ import annotations

import codecs
import http.server
import io
import json
import os
import random
import re
import threading
import time
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench import limited_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_lint.cli import main
from lkjip_lint.numbers import find_numbers, parse_number, resolve_column
from lkjip_lint.readers import MAX_BLOCKS, MAX_COLUMNS
from lkjip_lint.results import FileResult

from tests.helpers import ENCRYPT_DICT, FIXTURES, ROOT, encrypt_trailer, forge_declared_size, pdf_bytes

GOOD = FIXTURES / "purbalingga-2024-clean.txt"  # 22 tables, no errors: the file that must still be reported
REPORT_TXT = FIXTURES / "purbalingga-2024.txt"
REPORT_DOCX = FIXTURES / "purbalingga-2024.docx"
REPORT_PDF = FIXTURES / "purbalingga-2024.pdf"
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GB = 1024 ** 3
MEMORY_LIMIT = 2 * GB


# ---- running the command -------------------------------------------------------------------

def cli(*args: object, lang: str | None = None):
    """check --format json in-process: (exit code, {file name: entry}, all output)."""
    extra = ["--lang", lang] if lang else []
    result = CliRunner().invoke(main, ["check", "-j", "1", "--format", "json", *extra, *map(str, args)])
    out = result.output
    files = {}
    start = result.stdout.find("{")
    if start >= 0:
        files = {Path(f["path"]).name: f for f in json.loads(result.stdout[start:])["files"]}
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    return result.exit_code, files, out


def cli_text(*args: object):
    """check with the text output, as a reviewer reads it."""
    result = CliRunner().invoke(main, ["check", "-j", "1", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def run_limited(args: list[str], timeout: float = 60, memory: int = MEMORY_LIMIT, cwd: Path = ROOT):
    """The installed command under a time and address-space limit (bench/limited_run.py)."""
    return limited_run.run_limited(args, timeout, memory, cwd)


def assert_refused(code: int, files: dict, out: str, name: str, *words: str) -> str:
    """Exit 2, the bad file's message holds `words`, no traceback, the good report still checked."""
    assert code == 2, out
    assert "Traceback" not in out
    error = files[name].get("error")
    assert error, files[name]
    for word in words:
        assert word.lower() in error.lower(), error
    good = files[GOOD.name]
    assert "error" not in good and good["tables_read"] == 22
    return error


def rules_of(entry: dict) -> Counter:
    return Counter((f["rule"], f["location"]["line"], str(f["actual"]), str(f["expected"])) for f in entry["findings"])


# ---- files that cannot be read ----------------------------------------------------------------

def test_empty_file(tmp_path):
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, "kosong", "lengkap")
    code, text = cli_text(bad, GOOD)
    assert code == 2 and f"{bad}: tidak dapat dibaca: Berkas kosong" in text  # the message names the file


def test_empty_file_in_english(tmp_path):
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"  \n\n\t\n")
    code, files, out = cli(bad, GOOD, lang="en")
    assert_refused(code, files, out, bad.name, "empty", "saved or uploaded completely")


@pytest.mark.parametrize("suffix, words", [
    (".txt", ["bukan teks", ".docx"]),
    (".md", ["bukan teks", ".docx"]),
    (".docx", ["rusak", "simpan ulang"]),
    (".pdf", ["rusak", "simpan ulang"]),
])
def test_binary_junk_under_any_extension(tmp_path, suffix, words):
    bad = tmp_path / f"sampah{suffix}"
    bad.write_bytes(random.Random(suffix).randbytes(20_000))
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, *words)


@pytest.mark.parametrize("content", [bytes(50_000), b"\x00\x01" * 10_000, b"\x89PNG\r\n\x1a\n" + bytes(5000)],
                         ids=["zeros", "zero-one", "png"])
def test_binary_with_zero_bytes_is_not_taken_for_utf16(tmp_path, content):
    bad = tmp_path / "laporan.txt"
    bad.write_bytes(content)
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, "bukan teks")


def test_device_named_txt_is_never_opened(tmp_path):
    """A symlink to /dev/zero would be read forever: its size is 0, so it is refused as empty."""
    link = tmp_path / "nol.txt"
    link.symlink_to("/dev/zero")
    code, files, out = cli(link, GOOD)
    assert_refused(code, files, out, link.name, "kosong")


def test_doc_word_97(tmp_path):
    bad = tmp_path / "laporan.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(1).randbytes(8000))
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, ".doc", "simpan sebagai .docx")


def test_doc_renamed_docx_is_sniffed_as_doc(tmp_path):
    bad = tmp_path / "laporan.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8000))
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, "Word 97-2003")


@pytest.mark.parametrize("source", [REPORT_DOCX, REPORT_PDF], ids=["docx", "pdf"])
def test_truncated_docx_and_pdf(tmp_path, source):
    data = source.read_bytes()
    bad = tmp_path / f"terpotong{source.suffix}"
    bad.write_bytes(data[: len(data) // 2])
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, source.suffix.lstrip("."), "rusak" if source.suffix == ".docx" else "tidak dapat dibaca")


def _encrypted_pdf(path: Path) -> Path:
    """A one-page PDF with a user password (the empty password does not open it)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 0 >>\nstream\n\nendstream", ENCRYPT_DICT]
    path.write_bytes(pdf_bytes(objs, encrypt_trailer(5)))
    return path


def test_encrypted_pdf(tmp_path):
    bad = _encrypted_pdf(tmp_path / "rahasia.pdf")
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, "dienkripsi", "buka kuncinya")


def test_scanned_pdf(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        page = pdf.new_page(595, 842)
        image = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.new_native(40, 40, pdfium_c.FPDFBitmap_BGR)
        bitmap.fill_rect((0, 0, 0, 255), 0, 0, 20, 20)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    bad = tmp_path / "pindaian.pdf"
    pdf.save(bad)
    code, files, out = cli(bad, GOOD)
    assert_refused(code, files, out, bad.name, "pindaian", "OCR")


def _pdf_with_stream(path: Path, compressed_chunks) -> Path:
    """A one-page PDF whose content stream is the FlateDecode of the given chunks (compressed as they come)."""
    z = zlib.compressobj(9)
    body = b"".join(z.compress(chunk) for chunk in compressed_chunks) + z.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
    path.write_bytes(pdf_bytes(objs))
    return path


def test_pdf_decompression_bomb(tmp_path):
    """A 1 MB PDF whose page content inflates to 800 MB: pdfium would take gigabytes (or abort the
    process); it runs in a child with a memory limit, so the bomb becomes a message."""
    line = b"BT /F1 11 Tf 72 700 Td (x) Tj ET\n" * 30_000
    bomb = _pdf_with_stream(tmp_path / "bom.pdf", (line for _ in range(800 * 1024 * 1024 // len(line))))
    assert bomb.stat().st_size < 5_000_000
    code, out, err, seconds, rss = run_limited(["check", str(bomb), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err, (code, err[-2000:])
    assert "bom.pdf: tidak dapat dibaca: Pembaca pdf berhenti" in out and "ekspor ulang" in out
    assert str(GOOD) in out and seconds < 60


def test_a_pdf_reader_crash_or_hang_becomes_a_message(tmp_path, monkeypatch):
    import lkjip_lint.readers as readers
    import lkjip_lint.readers.pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "read", lambda path: os.abort())
    code, files, out = cli(REPORT_PDF, GOOD)
    assert_refused(code, files, out, REPORT_PDF.name, "SIGABRT", "simpan ulang")
    monkeypatch.setattr(pdf_reader, "read", lambda path: time.sleep(600))
    monkeypatch.setattr(readers, "READ_SECONDS", 1)
    start = time.monotonic()
    code, files, out = cli(REPORT_PDF, GOOD, lang="en")
    assert_refused(code, files, out, REPORT_PDF.name, "took more than 1 seconds", "export it again")
    assert time.monotonic() - start < 20


# ---- wrong extension: the content decides ------------------------------------------------------

@pytest.mark.parametrize("source, fake", [(REPORT_PDF, "laporan.docx"), (REPORT_DOCX, "laporan.pdf")], ids=["pdf-as-docx", "docx-as-pdf"])
def test_wrong_extension_is_sniffed_and_read(tmp_path, source, fake):
    renamed = tmp_path / fake
    renamed.write_bytes(source.read_bytes())
    code, files, out = cli(renamed, source)
    assert code == 1 and "Traceback" not in out
    read, original = files[renamed.name], files[source.name]
    assert read["format"] == source.suffix.lstrip(".") and read["tables_read"] == original["tables_read"] == 22
    assert [f["rule"] for f in read["findings"]] == [f["rule"] for f in original["findings"]]


# ---- text in other encodings: decoded, same findings ---------------------------------------------

ENCODINGS = {
    "utf-16-le-bom": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16-be-bom": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-16-le": lambda s: s.encode("utf-16-le"),
    "utf-16-be": lambda s: s.encode("utf-16-be"),
    "utf-8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "cp1252": lambda s: s.encode("cp1252", errors="replace"),  # '❖' has no cp1252 byte: '?'
}


@pytest.fixture(scope="module")
def utf8_findings():
    code, files, _ = cli(REPORT_TXT)
    assert code == 1
    return rules_of(files[REPORT_TXT.name])


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_text_encodings_are_decoded_with_the_same_findings(tmp_path, encoding, utf8_findings):
    path = tmp_path / f"laporan-{encoding}.txt"
    path.write_bytes(ENCODINGS[encoding](REPORT_TXT.read_text(encoding="utf-8")))
    code, files, out = cli(path)
    assert code == 1 and "Traceback" not in out
    entry = files[path.name]
    assert "error" not in entry and entry["tables_read"] == 22
    assert rules_of(entry) == utf8_findings


# ---- size and shape limits -------------------------------------------------------------------------

def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "besar.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    code, out, err, seconds, rss = run_limited(["check", str(big), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err
    assert f"{big}: tidak dapat dibaca: Berkas terlalu besar (50 MB; batas 20 MB)" in out and "--max-file-mb" in out
    assert str(GOOD) in out and seconds < 20 and rss < 500 * 1024 ** 2


def test_raised_size_limit_still_bounded(tmp_path):
    """--max-file-mb 60 lets a 50 MB text in: it is refused by the structure limits, quickly."""
    big = tmp_path / "besar.txt"
    report = REPORT_TXT.read_bytes()
    big.write_bytes((report * (50 * 1024 * 1024 // len(report) + 1))[: 50 * 1024 * 1024])
    code, out, err, seconds, rss = run_limited(["check", "--max-file-mb", "60", str(big), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err, err
    assert "lampiran yang sangat besar dapat dipisah" in out and str(GOOD) in out
    assert seconds < 60 and rss < MEMORY_LIMIT


def _prose_line(chars: int) -> str:
    rng = random.Random(7)
    sentences = [
        "Capaian indikator Indeks Kepuasan Masyarakat tahun 2024 sebesar 102,51 persen.",
        "Realisasi anggaran mencapai Rp 1.234.567.890 dari pagu Rp 1.300.000.000.",
        "Data selengkapnya dapat dilihat pada Tabel 3.2 di bawah ini.",
        "Jumlah penduduk Kecamatan Purbalingga sebanyak 55.467 jiwa yang tersebar di 13 kelurahan.",
        "Hal ini menunjukkan kinerja yang sangat tinggi dibandingkan tahun sebelumnya.",
    ]
    parts, size = [], 0
    while size < chars:
        s = rng.choice(sentences)
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)


def test_a_line_of_millions_of_characters_is_read_quickly(tmp_path):
    path = tmp_path / "satu-baris.txt"
    path.write_text("LAPORAN KINERJA KECAMATAN PURBALINGGA TAHUN 2024\n\n" + _prose_line(2_000_000) + "\n", encoding="utf-8")
    code, out, err, seconds, rss = run_limited(["check", "--format", "json", str(path)])
    assert code in (0, 1) and "Traceback" not in err, err
    assert json.loads(out)["files"][0].get("error") is None
    assert seconds < 20, seconds  # ~5 s on the reference machine
    assert rss < MEMORY_LIMIT


@pytest.mark.parametrize("separator", ["\t", "|"])
def test_a_line_of_a_million_cells_is_refused_quickly(tmp_path, separator):
    path = tmp_path / "lebar.txt"
    row = separator.join(str(i % 10) for i in range(1_000_000))
    path.write_text("Tabel 1.1 Lebar\nNo\tNama\tJumlah\n" + (f"|{row}|" if separator == "|" else row) + "\n", encoding="utf-8")
    code, out, err, seconds, rss = run_limited(["check", str(path), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err
    assert f"(batas {MAX_COLUMNS})" in out and "kolom" in out and str(GOOD) in out
    assert seconds < 20 and rss < MEMORY_LIMIT


def test_too_many_paragraphs_is_refused(tmp_path):
    path = tmp_path / "baris-pendek.txt"
    path.write_text("\n".join(f"p{i}" for i in range(MAX_BLOCKS + 10)) + "\n", encoding="utf-8")
    code, files, out = cli(path, GOOD)
    assert_refused(code, files, out, path.name, f"lebih dari {MAX_BLOCKS:,}".replace(",", "."), "dipisah")


def _population_table(rows: int, wrong_every: int | None = None, percent: bool = False) -> str:
    """A 'Jumlah Penduduk' table of `rows` villages whose totals add up (but for the wrong rows)."""
    rng = random.Random(rows)
    lines = ["LAPORAN KINERJA KECAMATAN PURBALINGGA TAHUN 2024", "",
             "Tabel 1.1 Jumlah Penduduk per Desa",
             "No\tDesa\tLaki-laki\tPerempuan\tJumlah" + ("\t% Laki-laki" if percent else "")]
    totals = [0, 0, 0]
    for i in range(rows):
        a, b = rng.randrange(100, 5000), rng.randrange(100, 5000)
        total = a + b + (1 if wrong_every and i % wrong_every == 0 else 0)
        totals = [totals[0] + a, totals[1] + b, totals[2] + a + b]
        cells = [str(i + 1), f"Desa {i + 1}", f"{a:,}", f"{b:,}", f"{total:,}"]
        if percent:
            cells.append(f"{100 * a / (a + b):.2f}")
        lines.append("\t".join(cells).replace(",", "."))
    lines.append("\t".join(["", "Jumlah", f"{totals[0]:,}", f"{totals[1]:,}", f"{totals[2]:,}"]).replace(",", "."))
    return "\n".join(lines) + "\n"


def test_a_table_of_five_thousand_rows_is_fast(tmp_path):
    path = tmp_path / "desa.txt"
    path.write_text(_population_table(5000, wrong_every=1000), encoding="utf-8")
    code, out, err, seconds, rss = run_limited(["check", "--format", "json", str(path)])
    assert code == 1 and "Traceback" not in err, err
    found = json.loads(out)["files"][0]["findings"]
    assert sum(1 for f in found if f["rule"] == "SUM002") == 5  # the five rows whose Jumlah is off by one
    assert any(f["rule"] == "SUM001" and f["location"]["row"] == "Jumlah" for f in found)
    assert seconds < 30, seconds  # ~1.3 s on the reference machine
    assert rss < MEMORY_LIMIT


def test_a_large_table_where_every_row_is_wrong_stays_bounded(tmp_path):
    path = tmp_path / "desa-salah.txt"
    path.write_text(_population_table(2000, percent=True).replace("\t% Laki-laki", "\t% Laki-laki dari Jumlah"), encoding="utf-8")
    code, out, err, seconds, rss = run_limited(["check", "--format", "json", str(path)], memory=MEMORY_LIMIT // 2)
    assert code in (0, 1) and "Traceback" not in err
    assert "MemoryError" not in out and "gagal dijalankan" not in out
    assert rss < 600 * 1024 ** 2, rss / 1024 ** 2  # linear in rows: well under 600 MB for 2 000 rows
    assert seconds < 30


def test_many_references_to_a_missing_table_stay_fast(tmp_path):
    path = tmp_path / "rujukan.txt"
    path.write_text("Lihat Tabel 9 " * 8_000 + "\n", encoding="utf-8")  # 110 KB
    code, out, err, seconds, rss = run_limited(["check", str(path)], timeout=6)
    assert code in (0, 1) and seconds < 5, seconds


# ---- DOCX: zip bombs and XML entities ------------------------------------------------------------

def _docx(path: Path, document_xml: bytes, base: Path = REPORT_DOCX) -> Path:
    """`base` with its word/document.xml replaced."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, src.read(info.filename))
        out.writestr("word/document.xml", document_xml)
    return path


def _with_doctype(doctype: bytes, entity_use: bytes) -> bytes:
    """The corpus document.xml with a DOCTYPE in its prolog and an entity used in its first text."""
    with zipfile.ZipFile(REPORT_DOCX) as zf:
        xml = zf.read("word/document.xml")
    xml = re.sub(rb"^<\?xml[^>]*\?>", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype, xml, count=1)
    return re.sub(rb"<w:t>", b"<w:t>" + entity_use, xml, count=1)


def test_zip_bomb_of_600_mb_is_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:  # streamed: never 600 MB in memory
            fh.write(b"<w:document " + W_NS + b"><w:body><w:p><w:r><w:t>")
            chunk = bytes(1 << 20)
            for _ in range(600):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert bomb.stat().st_size < 2_000_000
    assert zipfile.ZipFile(bomb).getinfo("word/document.xml").file_size > 600 * 1024 * 1024
    code, out, err, seconds, rss = run_limited(["check", str(bomb), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err
    assert f"{bomb}: tidak dapat dibaca: Berkas DOCX ini mengembang terlalu besar" in out and "600 MB" in out
    assert str(GOOD) in out
    assert seconds < 20 and rss < 500 * 1024 ** 2  # refused on the declared size: nothing inflated


def test_zip_bomb_in_english(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document " + W_NS + b"/>")
        with zf.open("word/media/nol.bin", "w") as fh:  # 30 MB of zeros: a 1000:1 ratio
            for _ in range(30):
                fh.write(bytes(1 << 20))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buf.getvalue())
    code, files, out = cli(bomb, GOOD, lang="en")
    assert_refused(code, files, out, bomb.name, "expands too much", "refused for safety", "save it again from word")


def test_zip_member_that_inflates_past_its_declared_size_is_not_trusted(tmp_path):
    """The central directory says 1 000 bytes; the data inflates to 50 MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b"<w:document " + W_NS + b"><w:body>" + b" " * 50_000_000 + b"</w:body></w:document>")
    forged = tmp_path / "palsu.docx"
    forged.write_bytes(forge_declared_size(buf.getvalue(), b"word/document.xml", 1000))
    code, out, err, seconds, rss = run_limited(["check", str(forged), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err and str(GOOD) in out
    assert "palsu.docx: tidak dapat dibaca" in out and seconds < 20 and rss < 500 * 1024 ** 2


def test_billion_laughs(tmp_path):
    entities = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"lol") * 10) for i in range(1, 10))
    bad = _docx(tmp_path / "tawa.docx", _with_doctype(b"<!DOCTYPE lolz [" + entities + b"]>\n", b"&lol9;"))
    code, out, err, seconds, rss = run_limited(["check", str(bad), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err and str(GOOD) in out
    assert "tawa.docx: tidak dapat dibaca: Berkas DOCX ini memuat deklarasi entitas XML" in out
    assert seconds < 20 and rss < 500 * 1024 ** 2


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Recorder.hits.append(self.path)
        body = b"<!ENTITY leak 'BOCOR'>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_trap():
    """A local HTTP server that records every request: the reader must never make one."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("kind", ["file", "http", "parameter", "external-dtd"])
def test_external_entities_are_neither_resolved_nor_fetched(tmp_path, http_trap, kind):
    url, hits = http_trap
    doctype, use = {
        "file": (b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', b"&xxe;"),
        "http": (b'<!DOCTYPE d [<!ENTITY xxe SYSTEM "' + url.encode() + b'/entity">]>\n', b"&xxe;"),
        "parameter": (b'<!DOCTYPE d [<!ENTITY % p SYSTEM "' + url.encode() + b'/param"> %p;]>\n', b"&leak;"),
        "external-dtd": (b'<!DOCTYPE w:document SYSTEM "' + url.encode() + b'/dtd">\n', b""),
    }[kind]
    xml = _with_doctype(doctype, use)
    bad = _docx(tmp_path / f"xxe-{kind}.docx", xml)
    code, files, out = cli(bad, GOOD)
    error = assert_refused(code, files, out, bad.name, "entitas XML", "simpan ulang dari Word")
    assert "root:" not in out and "BOCOR" not in out and error
    # defence in depth: even past the DOCTYPE refusal, the parser itself resolves and fetches nothing
    from lxml import etree

    from lkjip_lint.readers.docx_xml import _PARSER

    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError:
        root = None  # an undefined entity is a syntax error: nothing was expanded either
    if root is not None:
        text = "".join(root.itertext())
        assert "root:" not in text and "BOCOR" not in text and "lollol" not in text
    assert hits == []


def test_billion_laughs_is_not_expanded_by_the_parser_itself():
    from lxml import etree

    from lkjip_lint.readers.docx_xml import _PARSER

    entities = b"".join(b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1) if i > 1 else b"lol") * 10) for i in range(1, 10))
    xml = b"<!DOCTYPE d [" + entities + b"]><d>&l9;</d>"
    start = time.monotonic()
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:  # libxml2's own amplification guard
        assert "amplification" in str(exc) or "entity" in str(exc).lower()
    else:
        assert len("".join(root.itertext())) < 1000
    assert time.monotonic() - start < 1


def test_docx_with_millions_of_xml_elements_is_refused(tmp_path):
    rng = random.Random(3)  # random text keeps the ratio under the zip limit: the tag limit must catch it
    body = b"".join(b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % rng.randbytes(3).hex().encode() for _ in range(400_000))
    bad = _docx(tmp_path / "elemen.docx", b"<w:document " + W_NS + b"><w:body>" + body + b"</w:body></w:document>")
    code, out, err, seconds, rss = run_limited(["check", str(bad), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err and str(GOOD) in out
    assert "terlalu banyak elemen XML" in out and seconds < 20 and rss < MEMORY_LIMIT


def test_docx_row_of_huge_spans_is_refused(tmp_path):
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="999"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    row = b"<w:tr>" + cell * 2000 + b"</w:tr>"  # 2 million grid columns from 2 000 cells (small: no zip ratio check)
    bad = _docx(tmp_path / "rentang.docx", b"<w:document " + W_NS + b"><w:body><w:tbl>" + row * 2 + b"</w:tbl></w:body></w:document>")
    code, out, err, seconds, rss = run_limited(["check", str(bad), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err and str(GOOD) in out
    assert "kolom (batas 500)" in out and seconds < 20 and rss < MEMORY_LIMIT


def test_docx_forged_list_start_does_not_build_a_huge_label(tmp_path):
    """w:start of 10^12 in upper-roman numbering: the label is capped, not a string of a billion 'M'."""
    numbering = (b'<w:numbering ' + W_NS + b'><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                 b'<w:start w:val="999999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>'
                 b'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    para = b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>PENDAHULUAN</w:t></w:r></w:p>'
    path = tmp_path / "nomor.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document " + W_NS + b"><w:body>" + para * 3 + b"</w:body></w:document>")
        zf.writestr("word/numbering.xml", numbering)
    code, out, err, seconds, rss = run_limited(["check", str(path)], timeout=30)
    assert code in (0, 1) and "Traceback" not in out + err and seconds < 20


# ---- data input -------------------------------------------------------------------------------------

def test_yaml_python_tag_is_not_constructed(tmp_path):
    marker = tmp_path / "DIJALANKAN"
    evil = tmp_path / "jahat.yaml"
    evil.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    evil2 = tmp_path / "jahat2.yaml"
    evil2.write_text(f'subject: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n', encoding="utf-8")
    code, files, out = cli(evil, evil2, GOOD)
    assert_refused(code, files, out, evil.name, "python/object/apply:os.system")
    assert_refused(code, files, out, evil2.name, "python/object/new")
    assert not marker.exists()


def test_deeply_nested_json_and_yaml(tmp_path):
    deep = tmp_path / "dalam.json"
    deep.write_text('{"subject": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    deep_yaml = tmp_path / "dalam.yaml"
    deep_yaml.write_text("".join("  " * i + f"k{i}:\n" for i in range(2000)) + "  " * 2000 + "v\n", encoding="utf-8")
    code, files, out = cli(deep, deep_yaml, GOOD)
    assert_refused(code, files, out, deep.name, "bersarang")
    assert_refused(code, files, out, deep_yaml.name, "bersarang")


def test_yaml_alias_bomb(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = tmp_path / "tawa.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err, seconds, rss = run_limited(["check", str(bomb), str(GOOD)])
    assert code == 2 and "Traceback" not in out + err and "bersarang" in out and seconds < 20


@pytest.mark.parametrize("name, content", [
    ("takhingga.json", '{"subject": {"year": 1e999999}}'),
    ("nan.json", '{"subject": {"year": NaN}}'),
    ("takhingga.yaml", "subject: {year: .inf}\n"),
])
def test_non_finite_numbers_in_data(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, text = cli_text(path, GOOD)
    assert code in (1, 2) and "Traceback" not in text
    result = CliRunner().invoke(main, ["check", "-j", "1", "--format", "json", str(path)])
    json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"invalid JSON token {c}"))


# ---- output paths -------------------------------------------------------------------------------------

def test_output_into_a_missing_folder_is_a_clear_error(tmp_path):
    target = tmp_path / "tidak-ada" / "hasil.json"
    result = CliRunner().invoke(main, ["check", "--format", "json", "--output", str(target), str(GOOD)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"Tidak dapat menulis {target}: folder {target.parent} tidak ada" in result.output
    assert not target.parent.exists()


def test_output_and_baseline_never_overwrite_a_checked_file(tmp_path):
    report = tmp_path / "laporan.txt"
    report.write_bytes(GOOD.read_bytes())
    for option in ("--output", "--write-baseline"):
        result = CliRunner().invoke(main, ["check", "--lang", "en", option, str(report), str(report)])
        assert result.exit_code == 2 and "would be overwritten" in result.output
        assert report.read_bytes() == GOOD.read_bytes()


def test_output_is_written_only_where_named(tmp_path):
    work = tmp_path / "kerja"
    work.mkdir()
    report = work / "laporan.txt"
    report.write_bytes(GOOD.read_bytes())
    target = tmp_path / "keluar" / "hasil.sarif"
    target.parent.mkdir()
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "-o", str(target), str(report)])
    assert result.exit_code == 0, result.output
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    assert set(after) - set(before) == {target}
    assert all(after[p] == before[p] for p in before if p.is_file())


def test_baseline_and_extract_into_missing_folders(tmp_path):
    target = tmp_path / "tidak-ada" / "baseline.json"
    result = CliRunner().invoke(main, ["check", "--write-baseline", str(target), str(GOOD)])
    assert result.exit_code == 2 and "Traceback" not in result.output and "tidak ada" in result.output
    result = CliRunner().invoke(main, ["extract", "-o", str(tmp_path / "x" / "model.yaml"), str(GOOD)])
    assert result.exit_code == 2 and "Traceback" not in result.output and "tidak ada" in result.output


# ---- properties -----------------------------------------------------------------------------------------

FRAGMENTS = ["\t", "|", "\n", "\n\n", "\r", " ", "|---|---|", "| --- |", "**", "#", "Tabel 3.", "Tabel 1.1 ", "Jumlah",
             "Daftar Isi", "DAFTAR TABEL", "BAB I", "A. ", "1. ", "....", "…", "(1)", "(2)", "100", "91,5", "1.473.36",
             "Rp 1.234.567,-", "%", "−", "\u00a0", "-", "NA", "<i>", "$91\\% \\leq 100\\%$", "Kecamatan", "x"]
TABLEISH = st.one_of(
    st.text(alphabet=st.sampled_from(list("\t|\n\r -.,%()0123456789aAbTabelJumlah*#:\u00a0\u2212")), max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
)
ANY_TEXT = st.one_of(st.text(max_size=400), TABLEISH)


@pytest.mark.parametrize("text", ["|---|---|\n", "|---|---|\nTeks biasa.", "\t\n| --- | --- |\n\nx", "|--|\n\n|--|\n| a |"])
def test_markdown_separator_without_a_table_is_not_an_error(text):
    """Found by the fuzz cases: a separator line with no row used to raise ValueError (the file was refused)."""
    from lkjip_lint.readers.text import parse

    assert parse(text, "x.md").format == "text"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_text_parse_never_raises(text):
    from lkjip_lint.readers.text import parse

    document = parse(text, "x.txt")
    assert document.format == "text"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=30), max_size=12), st.text(max_size=40))
def test_number_parsing_never_raises(cells, header):
    for cell in cells:
        parse_number(cell)
        find_numbers(cell)
    assert len(resolve_column(cells, header)) == len(cells)


@pytest.fixture(scope="module")
def options():
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.interpret.vocabulary import load_vocabulary
    from lkjip_lint.lint import Options

    return Options(rules=load_rules(), vocab=load_vocabulary())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(ANY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
       st.sampled_from([".txt", ".md", ".docx", ".pdf", ".json", ".yaml"]))
def test_check_file_never_raises_on_small_files(options, tmp_path_factory, data, suffix):
    from lkjip_lint.lint import check_file

    path = tmp_path_factory.mktemp("prop") / f"laporan{suffix}"
    path.write_bytes(data)
    result = check_file(path, options)
    assert isinstance(result, FileResult)
    assert result.error is None or result.error.strip()


@pytest.mark.parametrize("value", ["nan", "inf", "-1"])
def test_max_file_mb_must_be_a_positive_number(value):
    result = CliRunner().invoke(main, ["check", "--max-file-mb", value, str(GOOD)])
    assert result.exit_code == 2 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "Invalid value" in result.output  # a usage error, not a refusal of every file
