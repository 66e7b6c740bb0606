"""`lkjip-lint annotate REPORT.docx`: a copy with one Word comment per finding at its place.

The copy is read back three ways: the package itself (content types, relationships,
comment ids), python-docx, and the project's own reader; LibreOffice converts it to
PDF where it is installed.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

docx = pytest.importorskip("docx")

from tests.helpers import json_errors_and_warnings, run_cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "purbalingga-2024.docx"
AWKWARD = ROOT / "fixtures" / "awkward.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"


_cli = run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def sample_findings() -> list[dict]:
    return json_errors_and_warnings(SAMPLE)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> Path:
    before = _digest(SAMPLE)
    target = tmp_path_factory.mktemp("annotate") / "reviu.docx"
    out = _cli("annotate", str(SAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert _digest(SAMPLE) == before  # the original is byte-identical
    return target


def _comments(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/comments.xml"))
    return {c.get(W + "id"): "\n".join("".join(p.itertext()) for p in c.iter(W + "p")) for c in root.iter(W + "comment")}


def _document(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_one_comment_per_error_and_warning_with_rule_message_and_values(annotated, sample_findings):
    comments = _comments(annotated)
    assert len(comments) == len(sample_findings)
    texts = sorted(comments.values())
    for f in sample_findings:
        hit = [t for t in texts if t.startswith(f["rule"]) and f["message"] in t]
        assert hit, f["message"]
        if f["expected"] is not None:
            assert "tertulis" in hit[0] and "seharusnya" in hit[0] and "→" in hit[0]
    with zipfile.ZipFile(annotated) as z:
        authors = {c.get(W + "author") for c in etree.fromstring(z.read("word/comments.xml")).iter(W + "comment")}
    assert authors == {"lkjip-lint"}


def test_package_is_valid(annotated):
    with zipfile.ZipFile(annotated) as z:
        names = set(z.namelist())
        assert z.testzip() is None
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(CT + "Override")}
        defaults = {d.get("Extension") for d in types.iter(CT + "Default")}
        for name in names:
            assert "/" + name in overrides or name.rsplit(".", 1)[-1] in defaults, name
        assert overrides["/word/comments.xml"].endswith("wordprocessingml.comments+xml")
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        ids = [r.get("Id") for r in rels.iter(PR + "Relationship")]
        assert len(ids) == len(set(ids))
        for r in rels.iter(PR + "Relationship"):
            if r.get("TargetMode") != "External":
                assert posixpath.normpath("word/" + r.get("Target")) in names, r.get("Target")
        assert any(r.get("Type").endswith("/comments") and r.get("Target") == "comments.xml"
                   for r in rels.iter(PR + "Relationship"))
    root = _document(annotated)
    comment_ids = set(_comments(annotated))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        used = [el.get(W + "id") for el in root.iter(W + tag)]
        assert sorted(used) == sorted(comment_ids), tag  # each comment anchored exactly once


def _anchored_paragraphs(root) -> dict[str, etree._Element]:
    return {s.get(W + "id"): next(s.iterancestors(W + "p")) for s in root.iter(W + "commentRangeStart")}


def test_each_comment_sits_at_its_paragraph_or_cell(annotated, sample_findings):
    """Cell findings: the comment's paragraph is in the row named by the finding and in
    the column whose header the finding names. Paragraph findings: the comment is in
    the n-th non-empty body paragraph as python-docx lists them."""
    root = _document(annotated)
    comments = _comments(annotated)
    where = _anchored_paragraphs(root)
    by_text = {}
    for cid, text in comments.items():
        by_text.setdefault(text.split("\n")[0], []).append(cid)
    # python-docx lists the body's own paragraphs (not those in tables) in order: the same
    # elements as the body's w:p children here; its text decides which a reader sees
    texts = [p.text for p in docx.Document(str(annotated)).paragraphs]
    own = [p for p in root.find(W + "body") if p.tag == W + "p"]
    assert len(own) == len(texts)
    body_paragraphs = [p for p, text in zip(own, texts) if text.strip()]
    checked_cells = checked_paragraphs = 0
    for f in sample_findings:
        first_line = next(t for t in by_text if t.endswith(f["message"]) and t.startswith(f["rule"]))
        p = where[by_text[first_line][0]]
        loc = f["location"]
        if loc["table"] and loc["row"] and loc["column"] and "(baris tabel" in loc["row"]:
            tc = next(p.iterancestors(W + "tc"))
            tr = next(tc.iterancestors(W + "tr"))
            row_text = " ".join("".join(t.text or "" for t in tr.iter(W + "t")).split())
            label = re.sub(r"\s*\(baris tabel \d+\)$", "", loc["row"])
            assert " ".join(label.split())[:25] in row_text, (label, row_text[:120])
            cell_text = "".join(t.text or "" for t in tc.iter(W + "t"))
            if isinstance(f["actual"], (int, float)) and not isinstance(f["actual"], bool):
                digits = re.sub(r"\D", "", cell_text)
                assert digits and digits.lstrip("0")[:2] == re.sub(r"\D", "", str(f["actual"])).lstrip("0")[:2], (cell_text, f)
            checked_cells += 1
        elif not loc["table"] and not loc["row"] and loc.get("paragraph"):
            assert body_paragraphs.index(p) + 1 == loc["paragraph"], f["message"]
            checked_paragraphs += 1
    assert checked_cells > 20 and checked_paragraphs > 8


def test_project_reader_reads_the_copy_as_the_original(annotated):
    from lkjip_lint.readers import read_any

    original = read_any(SAMPLE, 10 ** 8)
    copy = read_any(annotated, 10 ** 8)
    assert [getattr(b, "text", None) for b in copy.blocks] == [getattr(b, "text", None) for b in original.blocks]
    assert [[r.texts() for r in t.rows] for t in copy.tables()] == [[r.texts() for r in t.rows] for t in original.tables()]


def test_suggest_writes_tracked_corrections_word_can_accept(tmp_path, sample_findings):
    target = tmp_path / "saran.docx"
    out = _cli("annotate", "--suggest", str(SAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    root = _document(target)
    dels, inss = list(root.iter(W + "del")), list(root.iter(W + "ins"))
    assert len(dels) == len(inss) > 10
    pairs = {("".join(d.itertext()), "".join(i.itertext())) for d, i in zip(dels, inss)}
    assert ("251", "257") in pairs and ("Tinggi", "Sangat Tinggi") in pairs  # SUM001 RT total, CAT001 category
    # CAP001: Word wrote "102" and ".51" as two runs; with the PK target 88, 93.85 / 88 × 100 = 106.65
    assert ("102.51", "106.65") in pairs
    assert ("91.5", "88") in pairs  # PK001: the PK's whole target, written whole
    for d, i in zip(dels, inss):
        assert d.getnext() is i and d.get(W + "author") == i.get(W + "author") == "lkjip-lint"
        assert not list(d.iter(W + "t")) and list(d.iter(W + "delText"))
    # the corrected cell reads, once accepted, as the expected value alone
    cap = next(d for d in dels if "".join(t.text for t in d.iter(W + "delText")) == "102.51")
    cell = next(cap.iterancestors(W + "tc"))
    accepted = "".join(t.text or "" for t in cell.iter(W + "t") if not any(a.tag == W + "del" for a in t.iterancestors()))
    assert accepted.strip() == "106.65"
    ids = [el.get(W + "id") for el in root.iter() if el.tag in (W + "ins", W + "del", W + "commentRangeStart")]
    assert len(ids) == len(set(ids))
    # accepted (what the reader reads: insertions in, deletions out), the corrected total adds up
    from lkjip_lint.readers import read_any

    table = next(t for t in read_any(target, 10 ** 8).tables() if t.caption and t.caption.number == "1.1")
    total = next(r for r in table.rows if r.cells[0].text.startswith("Jumlah") or r.cells[1].text.startswith("Jumlah"))
    assert "257" in total.texts() and "251" not in total.texts()


def test_existing_comments_tracked_changes_fields_and_controls_survive(tmp_path):
    first, second = tmp_path / "satu.docx", tmp_path / "dua.docx"
    assert _cli("annotate", "--min-severity", "info", str(AWKWARD), "-o", str(first)).returncode == 0
    assert _cli("annotate", "--min-severity", "info", str(first), "-o", str(second)).returncode == 0
    before, after = _comments(first), _comments(second)
    assert before and len(after) == 2 * len(before)
    for cid, text in before.items():
        assert after[cid] == text  # the first round's comments are untouched, ids kept
    original, root = _document(AWKWARD), _document(second)
    for tag in ("ins", "del", "sdt", "fldChar", "fldSimple", "txbxContent", "instrText"):
        assert len(list(root.iter(W + tag))) == len(list(original.iter(W + tag))), tag
    ids = [el.get(W + "id") for el in root.iter(W + "commentRangeStart")]
    assert len(ids) == len(set(ids)) == len(after)


def test_output_that_is_the_input_is_refused(tmp_path):
    copy = tmp_path / "laporan.docx"
    shutil.copy(SAMPLE, copy)
    before = _digest(copy)
    out = _cli("annotate", str(copy), "-o", str(copy))
    assert out.returncode == 2 and "Traceback" not in out.stderr and "laporan.docx" in out.stderr
    assert _digest(copy) == before


def test_default_name_and_formats_that_cannot_be_annotated(tmp_path):
    copy = tmp_path / "laporan.docx"
    shutil.copy(SAMPLE, copy)
    out = _cli("annotate", "--lang", "en", str(copy))
    assert out.returncode == 0 and (tmp_path / "laporan.reviu.docx").is_file() and "notes written" in out.stdout
    text = tmp_path / "laporan.txt"
    shutil.copy(ROOT / "fixtures" / "purbalingga-2024.txt", text)
    out = _cli("annotate", str(text))
    assert out.returncode == 2 and "DOCX" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "laporan.reviu.txt").exists()
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(SAMPLE.read_bytes()[:5000])
    out = _cli("annotate", str(broken))
    assert out.returncode == 2 and "Traceback" not in out.stderr and "rusak.docx" in out.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy_with_its_comments_and_tracked_changes(tmp_path):
    """LibreOffice converts the --suggest copy headless: to PDF (it opens and lays out) and to
    ODT, whose content holds one annotation per comment and one change per w:del / w:ins."""
    copy = tmp_path / "reviu.docx"
    assert _cli("annotate", "--suggest", str(SAMPLE), "-o", str(copy)).returncode == 0
    profile = tmp_path / "profile"
    for fmt in ("pdf", "odt"):
        out = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                              "--outdir", str(tmp_path), str(copy)], capture_output=True, text=True, timeout=240)
        assert out.returncode == 0 and (tmp_path / f"reviu.{fmt}").is_file(), out.stderr
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(str(tmp_path / "reviu.pdf"))) > 20
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    with zipfile.ZipFile(tmp_path / "reviu.odt") as z:
        content = etree.fromstring(z.read("content.xml"))
    root = _document(copy)
    assert len(list(content.iter(office + "annotation"))) == len(_comments(copy))
    assert len(list(content.iter(text + "deletion"))) == len(list(root.iter(W + "del")))
    assert len(list(content.iter(text + "insertion"))) == len(list(root.iter(W + "ins")))
    authors = {"".join(a.itertext()) for a in content.iter("{http://purl.org/dc/elements/1.1/}creator")}
    assert "lkjip-lint" in authors


def _covered(root, cid: str) -> tuple[str, str]:
    """(text inside comment cid's range, text of its whole paragraph)."""
    start = next(s for s in root.iter(W + "commentRangeStart") if s.get(W + "id") == cid)
    p = next(start.iterancestors(W + "p"))
    inside, on = [], False
    for el in p.iter():
        if el is start:
            on = True
        elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid:
            break
        elif on and el.tag == W + "t":
            inside.append(el.text or "")
    return "".join(inside), "".join(t.text or "" for t in p.iter(W + "t"))


def test_a_quoted_sentence_is_covered_not_its_whole_paragraph(annotated, sample_findings):
    root = _document(annotated)
    comments = _comments(annotated)
    quoting = [f for f in sample_findings if f["rule"] in ("NAME001", "TXT001") and re.search(r'"[^"]{20,}', f["message"])]
    narrower = 0
    for f in quoting:
        quote = re.search(r'"([^"…]{20,})', f["message"]).group(1)[:30]
        cid = next(c for c, t in comments.items() if f["message"] in t)
        inside, whole = _covered(root, cid)
        assert " ".join(inside.split()).startswith(" ".join(quote.split())), (quote, inside[:60])
        narrower += len(inside) < len(whole)
    assert narrower >= 4  # the sample's long paragraphs: the comment marks one sentence of them


def test_hostile_docx_is_refused_without_writing_a_copy(tmp_path):
    """A DOCX declaring entities (billion laughs) is refused by the reader; annotate writes nothing."""
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              b'<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    bad = tmp_path / "tawa.docx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            out.writestr(info.filename, laughs if info.filename == "word/document.xml" else src.read(info))
    out = _cli("annotate", str(bad))
    assert out.returncode == 2 and "Traceback" not in out.stderr and "entitas" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tawa.docx"]  # no copy, no temporary file left
