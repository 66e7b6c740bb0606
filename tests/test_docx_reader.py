"""The DOCX reader: Word's awkward constructs, the corpus report, and files that must be refused.

fixtures/awkward.docx and the corpus DOCX are made by fixtures/make_fixtures.py;
the bad files are built here, small.
"""
from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main as cli_main
from lkjip_lint.document import Heading, ListBlock, Paragraph, Table
from lkjip_lint.interpret.columns import header_paths
from lkjip_lint.readers import read_any
from lkjip_lint.readers.docx import read
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.text import read as read_text

from tests.helpers import FIXTURES, ROOT, forge_declared_size

AWKWARD = FIXTURES / "awkward.docx"
REPORT = FIXTURES / "purbalingga-2024"
TEXT_BOX = "Kotak teks: IKM 93,85 (Sangat Baik)"


@pytest.fixture(scope="module")
def awkward():
    return read(AWKWARD)


def _all_text(doc) -> list[str]:
    out = []
    for b in doc.blocks:
        if isinstance(b, Table):
            out += [c.text for r in b.header_rows + b.rows for c in r.cells]
            out.append(b.caption.title if b.caption else "")
        elif isinstance(b, ListBlock):
            out += [e.text for e in b.entries]
        else:
            out.append(b.text)
    return out


def _row(table: Table, first: str):
    return next(r for r in table.rows if r.cells and r.cells[0].text == first)


# ---- awkward constructs -------------------------------------------------------------

def test_caption_numbers_held_in_simple_and_complex_fields(awkward):
    outer = [t for t in awkward.tables() if t.nested_in is None]
    assert [t.caption.number for t in outer] == ["1.2", "1.3", "1.4"]
    assert [t.label() for t in outer] == ["Tabel 1.2", "Tabel 1.3", "Tabel 1.4"]
    assert outer[0].caption.title == "Capaian Indikator Kinerja Utama"  # title from the next paragraph
    assert outer[1].caption.title == "Jumlah Pegawai Menurut Jenis Kelamin"  # same paragraph as the fields
    assert outer[2].caption.title == "Realisasi Anggaran Tahun 2024"  # caption below the table
    text = " ".join(_all_text(awkward))
    assert "STYLEREF" not in text and "SEQ" not in text  # field codes are not text
    assert not any(isinstance(b, Paragraph) and b.text.startswith("Tabel ") for b in awkward.blocks)


def test_tracked_changes_and_hidden_text(awkward):
    table = awkward.tables()[0]
    row = _row(table, "Indeks Kepuasan Masyarakat")
    assert row.cells[2].text == "93,85"  # "93," + inserted "85", deleted "12" gone
    para = next(b for b in awkward.blocks if isinstance(b, Paragraph) and b.text.startswith("Realisasi anggaran"))
    assert para.text == "Realisasi anggaran tahun 2024 sudah final."  # w:del and w:vanish dropped


def test_number_split_over_three_runs(awkward):
    assert _row(awkward.tables()[0], "Indeks Kepuasan Masyarakat").cells[3].text == "102,57"


def test_text_box_read_once(awkward):
    assert sum(t.count(TEXT_BOX) for t in _all_text(awkward)) == 1


def test_content_controls_around_paragraphs_rows_cells_and_runs(awkward):
    [lst] = [b for b in awkward.blocks if isinstance(b, ListBlock)]  # the list of tables sits in a w:sdt
    assert lst.kind == "table_list" and [e.number for e in lst.entries] == ["1.2", "1.3", "1.4"]
    table = awkward.tables()[0]
    assert _row(table, "Nilai SAKIP Kecamatan").texts() == ["Nilai SAKIP Kecamatan", "66", "64,86", "98,27", "Baik"]
    assert _row(table, "Nilai Kematangan Perangkat Daerah").texts()[:3] == ["Nilai Kematangan Perangkat Daerah", "33", "33"]


def test_grid_before_and_after_keep_columns_aligned(awkward):
    table = awkward.tables()[0]
    assert table.n_cols == 5 and all(len(r.cells) == 5 for r in table.header_rows + table.rows)
    before = next(r for r in table.rows if r.cells[1].text == "34")
    assert before.texts() == ["", "34", "35", "102,94", "Sangat Tinggi"]
    after = _row(table, "Rata-rata")
    assert after.texts() == ["Rata-rata", "", "", "100,45", ""]
    assert after.cells[1].merged and after.cells[2].merged and not after.cells[4].merged


def test_nested_table_stays_in_its_cell(awkward):
    # its text belongs to the cell it sits in (as a text conversion flattens it); it is no table of the report
    outer = awkward.tables()[0]
    assert _row(outer, "Nilai Kematangan Perangkat Daerah").cells[4].text == "Tinggi Triwulan Nilai IV 33"
    assert not any(r.texts()[:2] == ["Triwulan", "Nilai"] for t in awkward.tables() for r in t.header_rows + t.rows)
    assert len(awkward.tables()) == 3 and all(t.nested_in is None for t in awkward.tables())


def test_merged_header_cells_give_header_paths(awkward):
    table = awkward.tables()[0]
    top, sub = table.header_rows
    assert [(c.merged, c.vmerged) for c in top.cells] == [(False, False), (False, False), (True, False), (True, False), (False, False)]
    assert sub.cells[0].vmerged and sub.cells[4].vmerged and sub.cells[0].text == ""
    assert header_paths(table.header_rows, table.n_cols) == [
        ["Indikator Kinerja"], ["Tahun 2024", "Target"], ["Tahun 2024", "Realisasi"],
        ["Tahun 2024", "Capaian (%)"], ["Keterangan"]]


def test_pages_from_rendered_breaks(awkward):
    outer = [t for t in awkward.tables() if t.nested_in is None]
    assert [t.page for t in outer] == [1, 2, 3]  # a hard break plus Word's rendered break is one page
    assert [r.page for r in outer[0].rows] == [1] * len(outer[0].rows)
    assert outer[2].caption.page == 3
    assert all(b.line is None for b in awkward.blocks) and awkward.format == "docx"


def test_headings_from_styles(awkward):
    assert isinstance(awkward.blocks[0], Heading) and awkward.blocks[0].text == "BAB I PENDAHULUAN"
    assert awkward.blocks[0].section == "BAB I"


# ---- the corpus report ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["purbalingga-2024", "purbalingga-2024-clean"])
def test_corpus_docx_matches_text_reader(name):
    docx, text = read(FIXTURES / f"{name}.docx"), read_text(FIXTURES / f"{name}.txt")
    dt, tt = docx.tables(), text.tables()
    assert len(dt) == len(tt) == 22
    caption = lambda t: (t.caption.number, t.caption.raw_number, t.caption.title) if t.caption else None  # noqa: E731
    assert [caption(t) for t in dt] == [caption(t) for t in tt]
    assert [[r.texts() for r in t.header_rows] for t in dt] == [[r.texts() for r in t.header_rows] for t in tt]
    assert [len(t.rows) for t in dt] == [len(t.rows) for t in tt]
    assert [t.section for t in dt] == [t.section for t in tt]
    kinds = lambda d: [(b.kind, len(b.entries)) for b in d.blocks if isinstance(b, ListBlock)]  # noqa: E731
    assert kinds(docx) == kinds(text)
    merged = [c for t in dt for r in t.header_rows for c in r.cells if c.merged or c.vmerged]
    assert merged, "the corpus DOCX has real merged header cells"


def test_corpus_docx_reads_fast():
    path = FIXTURES / "purbalingga-2024.docx"
    read(path)
    best = min(_timed(read, path) for _ in range(3))
    assert best < 0.5, best  # ~0.04 s on the reference machine; the bound only catches blow-ups


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


# ---- bad files ----------------------------------------------------------------------

def _docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if document_xml is not None:
            zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
          + b']>\n<w:document ' + _W + b'><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = (b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<w:document ' + _W
       + b'><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')


def _zip_bomb_ratio() -> bytes:
    """20 MB of zeros in one member, written in chunks: a 1000:1 ratio in ~20 KB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        with zf.open("word/media/zeros.bin", "w") as fh:
            chunk = bytes(1 << 20)
            for _ in range(20):
                fh.write(chunk)
    return buf.getvalue()


def _zip_bomb_declared(size: int = 600 * 1024 * 1024) -> bytes:
    """A small zip whose central directory declares a 600 MB member."""
    data = bytearray(_docx_with(b"<w:document " + _W + b"/>", {"word/media/big.bin": b"0" * 1000}))
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:  # every central directory entry
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == b"word/media/big.bin":
            struct.pack_into("<I", data, pos + 24, size)  # uncompressed size
        pos += 4
    return bytes(data)


def _too_many_members() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(10_001):
            zf.writestr(f"x/{i}", b"")
    return buf.getvalue()


def _utf16_doctype() -> bytes:
    xml = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE d [<!ENTITY a "b">]>\n<w:document '
           + _W.decode() + '><w:body/></w:document>')
    return _docx_with(xml.encode("utf-16"))


BAD = {
    "zip_bomb_ratio": (lambda: _zip_bomb_ratio(), "zip_bomb"),
    "zip_bomb_declared": (lambda: _zip_bomb_declared(), "zip_bomb"),
    "too_many_members": (lambda: _too_many_members(), "zip_bomb"),
    "billion_laughs": (lambda: _docx_with(LAUGHS), "xml_entities"),
    "external_entity": (lambda: _docx_with(XXE), "xml_entities"),
    "utf16_doctype": (lambda: _utf16_doctype(), "xml_entities"),
    "truncated": (lambda: (FIXTURES / "purbalingga-2024.docx").read_bytes()[:30_000], "corrupt"),
    "no_document_xml": (lambda: _docx_with(None), "corrupt"),
    "doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "doc"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_gives_input_error(kind, tmp_path):
    make, code = BAD[kind]
    path = tmp_path / ("laporan.doc" if kind == "doc" else "laporan.docx")
    path.write_bytes(make())
    assert path.stat().st_size < 2_000_000  # the bombs are small on disk
    with pytest.raises(InputError) as info:
        read_any(path)
    assert info.value.code == code


def test_forged_small_declared_size_is_not_trusted(tmp_path):
    """A member bigger than its header says: refused, never read past the declared size."""
    path = tmp_path / "forged.docx"
    path.write_bytes(forge_declared_size((FIXTURES / "awkward.docx").read_bytes(), b"word/document.xml", 100))
    with pytest.raises(InputError) as info:
        read_any(path)
    assert info.value.code in ("zip_bomb", "corrupt")


@pytest.mark.parametrize("kind", ["zip_bomb_ratio", "billion_laughs", "external_entity", "truncated", "doc"])
def test_cli_reports_bad_file_and_still_checks_the_other(kind, tmp_path):
    make, _ = BAD[kind]
    bad = tmp_path / ("laporan.doc" if kind == "doc" else "laporan.docx")
    bad.write_bytes(make())
    good = FIXTURES / "purbalingga-2024-clean.txt"
    result = CliRunner().invoke(cli_main, ["check", "-j", "1", "--format", "json", str(bad), str(good)])
    assert result.exit_code == 2, result.output
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files[bad.name]["error"] and "Traceback" not in result.output
    assert "error" not in files[good.name] and files[good.name]["tables_read"] == 22


def test_cli_binary_exit_code_and_messages(tmp_path):
    """The installed command, as a user runs it: every bad file named, the good one checked, exit 2."""
    for kind in ("zip_bomb_declared", "billion_laughs", "doc"):
        make, _ = BAD[kind]
        (tmp_path / (f"{kind}.doc" if kind == "doc" else f"{kind}.docx")).write_bytes(make())
    good = FIXTURES / "purbalingga-2024-clean.txt"
    exe = Path(sys.executable).with_name("lkjip-lint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lkjip_lint"]
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(cmd + ["check", "--lang", "en", *sorted(map(str, tmp_path.iterdir())), str(good)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out
    assert "expands too much" in out and "declares XML entities" in out and "save it as .docx" in out
    assert "purbalingga-2024-clean.txt" in out


# ---- list numbering and a caption typed into the table --------------------------------

_NUMBERING = (b'<w:numbering ' + _W + b'>'
              b'<w:abstractNum w:abstractNumId="0">'
              b'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>'
              b'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl>'
              b'</w:abstractNum>'
              b'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              b'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
              b'<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\xef\x82\xb7"/></w:lvl></w:abstractNum>'
              b'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
              b'<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
              b'<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
              b'<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
              b'</w:numbering>')
_STYLES = (b'<w:styles ' + _W + b'>'
           b'<w:style w:type="paragraph" w:styleId="Judul1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
           b'<w:outlineLvl w:val="0"/></w:pPr></w:style>'
           b'<w:style w:type="paragraph" w:styleId="Judul2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/>'
           b'<w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
           b'<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Judul1"/>'
           b'<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
           b'</w:styles>')


def _para(text: str, style: str | None = None, num: str | None = None) -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num else "")
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _read_xml(tmp_path, body: str, **parts: bytes):
    xml = f'<w:document {_W.decode()}><w:body>{body}</w:body></w:document>'.encode()
    path = tmp_path / "inline.docx"
    path.write_bytes(_docx_with(xml, {f"word/{k}.xml": v for k, v in parts.items()}))
    return read(path)


def test_list_numbering_is_drawn_into_the_text(tmp_path):
    row = lambda n, text: f'<w:tr><w:tc>{_para("", num=n)}</w:tc><w:tc>{_para(text)}</w:tc></w:tr>'  # noqa: E731
    body = (_para("PENDAHULUAN", "Judul1") + _para("Latar Belakang", "Judul2") + _para("Maksud", "Judul2")
            + _para("DAFTAR ISI", "TOCHeading")
            + _para("PERENCANAAN KINERJA", "Judul1") + _para("Rencana Strategis", "Judul2")
            + _para("Utara : Kecamatan Bojongsari", num="4")
            + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>No</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Indikator</w:t></w:r></w:p></w:tc></w:tr>'
            + row("3", "IKM") + row("3", "Nilai SAKIP") + "</w:tbl>")
    doc = _read_xml(tmp_path, body, numbering=_NUMBERING, styles=_STYLES)
    heads = [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [("BAB I PENDAHULUAN", 1), ("A. Latar Belakang", 2), ("B. Maksud", 2), ("DAFTAR ISI", 1),
                     ("BAB II PERENCANAAN KINERJA", 1), ("A. Rencana Strategis", 2)]
    assert [b.section for b in doc.tables()] == ["BAB II"]
    assert any(isinstance(b, Paragraph) and b.text == "• Utara : Kecamatan Bojongsari" for b in doc.blocks)
    assert [r.texts() for r in doc.tables()[0].rows] == [["1.", "IKM"], ["2.", "Nilai SAKIP"]]


def test_caption_typed_into_a_merged_first_row(tmp_path):
    cell = lambda text, span=1: f'<w:tc><w:tcPr>{f"<w:gridSpan w:val={chr(34)}{span}{chr(34)}/>" if span > 1 else ""}</w:tcPr>{_para(text)}</w:tc>'  # noqa: E731
    body = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
            f'<w:tr><w:trPr><w:tblHeader/></w:trPr>{cell("Tabel 2.1 Perjanjian Kinerja", 2)}</w:tr>'
            f'<w:tr><w:trPr><w:tblHeader/></w:trPr>{cell("Indikator")}{cell("Target")}</w:tr>'
            f'<w:tr>{cell("IKM")}{cell("91,5")}</w:tr></w:tbl>')
    [table] = _read_xml(tmp_path, body).tables()
    assert (table.caption.number, table.caption.title) == ("2.1", "Perjanjian Kinerja")
    assert [r.texts() for r in table.header_rows] == [["Indikator", "Target"]]
    assert [r.texts() for r in table.rows] == [["IKM", "91,5"]]


def test_symbol_font_characters(tmp_path):
    sym = '<w:r><w:sym w:font="Symbol" w:char="F0A3"/></w:r>'
    body = f'<w:p><w:r><w:t xml:space="preserve">91% </w:t></w:r>{sym}<w:r><w:t xml:space="preserve"> 100%</w:t></w:r></w:p>'
    [para] = _read_xml(tmp_path, body).blocks
    assert para.text == "91% ≤ 100%"


def _grid_table(rows: list[list[str]], header: bool = True) -> str:
    cell = lambda text: f"<w:tc>{_para(text)}</w:tc>"  # noqa: E731
    trs = "".join(f'<w:tr>{"<w:trPr><w:tblHeader/></w:trPr>" if header and k == 0 else ""}{"".join(cell(c) for c in r)}</w:tr>'
                  for k, r in enumerate(rows))
    return f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * len(rows[0])}</w:tblGrid>{trs}</w:tbl>"


@pytest.mark.parametrize("repeated_header", [True, False])
def test_table_continued_as_a_second_word_table_is_one_table(tmp_path, repeated_header):
    head = ["No", "Uraian", "Pagu (Rp)"]
    first = _grid_table([head, ["1", "Program Penunjang Urusan Pemerintahan dan", "10.599.350.000"]])
    rest = [["", "Pelayanan Publik", ""], ["2", "Program Penyelenggaraan", "182.651.000"]]
    second = _grid_table(([head] if repeated_header else []) + rest, header=repeated_header)
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = _para("Tabel 3.9 Anggaran") + first + page_break + second + _para("Sumber: DPA") + _grid_table([head, ["9", "Lain", "1"]])
    tables = _read_xml(tmp_path, body).tables()
    assert len(tables) == 2  # the last table has text between it and the others: a table of its own
    [joined, other] = tables
    assert joined.caption.number == "3.9"
    assert [r.texts() for r in joined.header_rows] == [head]
    # the row cut by the page break is glued back; a repeated header is dropped
    assert [r.texts() for r in joined.rows] == [
        ["1", "Program Penunjang Urusan Pemerintahan dan Pelayanan Publik", "10.599.350.000"],
        ["2", "Program Penyelenggaraan", "182.651.000"]]
    assert [r.texts() for r in other.rows] == [["9", "Lain", "1"]]


def test_contents_without_leaders_and_list_titles_run_on(tmp_path):
    # entries as bare titles; "Daftar Tabel" both as an entry of the contents and as the title of
    # the list of tables, all in the same plain style: the line after it decides which
    body = (_para("DAFTAR ISI", "Judul1") + _para("Kata Pengantar") + _para("Daftar Tabel") + _para("BAB I PENDAHULUAN")
            + _para("DAFTAR TABEL") + _para("Tabel 1.1 Luas Wilayah") + _para("Tabel 1.2 Jumlah Penduduk")
            + _para("PENDAHULUAN", "Judul1") + _para("Laporan ini disusun sesuai ketentuan."))
    doc = _read_xml(tmp_path, body, styles=_STYLES)
    lists = [(b.kind, [e.text for e in b.entries]) for b in doc.blocks if isinstance(b, ListBlock)]
    assert lists == [("contents", ["Kata Pengantar", "Daftar Tabel", "BAB I PENDAHULUAN"]),
                     ("table_list", ["Luas Wilayah", "Jumlah Penduduk"])]
    assert any(isinstance(b, Paragraph) and b.text == "Laporan ini disusun sesuai ketentuan." for b in doc.blocks)
