"""A copy of a DOCX with one Word comment per finding, and (--suggest) tracked corrections.

Worked on the package with lxml, like the reader: every part is copied byte for byte
except the three it must change (the main document, its relationships and
[Content_Types].xml) and the comments part it adds to or creates. Only elements are
inserted, so existing comments, tracked changes, fields and content controls stay.

The reader recorded, for each block, row and cell, the ordinal of its w:p, w:tbl,
w:tr or w:tc among the body's (Block.origin); the same ordinals taken on this parse
of the same bytes give the element a finding is about.
"""
from __future__ import annotations

import copy
import posixpath
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from lkjip_lint.annotate.focus import focus, printed_forms
from lkjip_lint.outputs import write_atomically
from lkjip_lint.annotate.wording import AUTHOR, lines
from lkjip_lint.document import Document, ListBlock, Table
from lkjip_lint.finding import Finding
from lkjip_lint.readers.docx_xml import REL_NS, W_NS, W_STRICT_NS, main_part, parse
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.ziputil import open_zip, read_member

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_REL_TYPE = {W_NS: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
             W_STRICT_NS: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"}


@dataclass
class Written:
    comments: int = 0
    suggestions: int = 0


def annotate(source: Path, target: Path, findings: list[Finding], document: Document, lang: str,
             suggest: bool = False) -> Written:
    with open_zip(source) as zf:
        infos = zf.infolist()
        parts = {i.filename: read_member(zf, i.filename) for i in infos if not i.is_dir()}
    main = main_part(parts.get("_rels/.rels"))
    if parts.get(main) is None:
        raise InputError("corrupt", kind="docx")
    root = parse(parts[main])
    ns = W_STRICT_NS if root.tag.startswith("{" + W_STRICT_NS) else W_NS
    body = root.find(f"{{{ns}}}body")
    if body is None:
        raise InputError("corrupt", kind="docx")

    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    rels = parse(parts[rels_name]) if parts.get(rels_name) else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    comments_name = _comments_part(rels, folder, ns)
    has_relationship = comments_name is not None
    if comments_name and parts.get(comments_name):
        comments = parse(parts[comments_name])
    else:
        comments = etree.Element(f"{{{ns}}}comments", nsmap={"w": ns})
    new_part = not (comments_name and parts.get(comments_name))
    if new_part:
        comments_name = comments_name or _free_name(parts, posixpath.join(folder, "comments.xml"))

    writer = _Writer(ns, body, comments, _first_free_id(ns, root, comments))
    done = Written()
    for f in findings:
        if suggest and writer.suggest(f, document):
            done.suggestions += 1
        if writer.comment(f, document, lines(f, lang)):
            done.comments += 1

    out = dict(parts)
    out[main] = _xml(root)
    out[comments_name] = _xml(comments)
    if not has_relationship:
        _add_relationship(rels, posixpath.relpath(comments_name, folder or "."), ns)
        out[rels_name] = _xml(rels)
    if new_part:
        out["[Content_Types].xml"] = _add_override(parts.get("[Content_Types].xml"), comments_name)

    def write(fh) -> None:
        with zipfile.ZipFile(fh, "w") as zout:
            seen = set()
            for info in infos:
                if info.is_dir() or info.filename in seen:
                    continue
                seen.add(info.filename)
                zout.writestr(_copy_info(info), out[info.filename], compress_type=info.compress_type)
            for name in out:
                if name not in seen:
                    zout.writestr(name, out[name], compress_type=zipfile.ZIP_DEFLATED)

    write_atomically(target, write)
    return done


class _Writer:
    def __init__(self, ns: str, body, comments, next_id: int) -> None:
        self.ns = ns
        self.w = lambda name: f"{{{ns}}}{name}"
        self.comments = comments
        self.next_id = next_id
        self.date = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        w = self.w
        self.ps = list(body.iter(w("p")))
        self.tbls = list(body.iter(w("tbl")))
        self.trs = list(body.iter(w("tr")))
        self.tcs = list(body.iter(w("tc")))
        self.first = next((p for p in body if p.tag == w("p")), self.ps[0] if self.ps else None)

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    # -- where ------------------------------------------------------------------------
    def _span(self, f: Finding, document: Document):
        """(first paragraph, last paragraph, text to cover or None) for a finding."""
        anchor = f.location.anchor
        if anchor is None or anchor.block < 0 or anchor.block >= len(document.blocks):
            return self.first, self.first, None
        block = document.blocks[anchor.block]
        if isinstance(block, Table):
            rows = block.header_rows + block.rows
            if anchor.row is not None and anchor.row < len(rows):
                row = rows[anchor.row]
                cell = row.cells[anchor.cell] if anchor.cell is not None and anchor.cell < len(row.cells) else None
                if cell is not None and cell.origin is not None:
                    first, last = self._cell_paragraphs(self.tcs[cell.origin])
                    return first, last, None
                if row.origin is not None:
                    tcs = [tc for tc in self.trs[row.origin].iter(self.w("tc"))
                           if next(tc.iterancestors(self.w("tr"))) is self.trs[row.origin]]
                    if tcs:
                        return self._cell_paragraphs(tcs[0])[0], self._cell_paragraphs(tcs[-1])[1], None
            if block.caption and block.caption.origin is not None:
                p = self.ps[block.caption.origin]
                return p, p, None
            if block.origin is not None:
                tcs = list(self.tbls[block.origin].iter(self.w("tc")))
                if tcs:
                    first, last = self._cell_paragraphs(tcs[0])
                    return first, last, None
            return self.first, self.first, None
        if isinstance(block, ListBlock):
            entry = block.entries[anchor.entry] if anchor.entry is not None else (block.entries[0] if block.entries else None)
            p = self.ps[entry.origin] if entry is not None and entry.origin is not None else self.first
            return p, p, None
        if block.origin is None:
            return self.first, self.first, None
        p = self.ps[block.origin]
        return p, p, focus(f, document)

    def _cell_paragraphs(self, tc):
        own = [p for p in tc.iter(self.w("p")) if next(p.iterancestors(self.w("tc"))) is tc]
        if not own:
            own = [etree.SubElement(tc, self.w("p"))]
        return own[0], own[-1]

    def _runs(self, p):
        """The runs of p itself (not of text boxes inside it) with their visible text."""
        w = self.w
        out = []
        for r in p.iter(w("r")):
            if next(r.iterancestors(w("p"))) is not p:
                continue
            if any(a.tag in (w("del"), w("moveFrom")) for a in r.iterancestors()):
                continue
            text = "".join(c.text or "" if c.tag == w("t") else "\t" if c.tag == w("tab") else ""
                           for c in r)
            out.append((r, text))
        return out

    # -- comments -----------------------------------------------------------------------
    def comment(self, f: Finding, document: Document, text_lines: list[str]) -> bool:
        w = self.w
        first, last, text = self._span(f, document)
        if first is None:  # a body without a single paragraph: nowhere to anchor
            return False
        cid = self._id()
        start = etree.Element(w("commentRangeStart"))
        end = etree.Element(w("commentRangeEnd"))
        start.set(w("id"), cid)
        end.set(w("id"), cid)
        ref = etree.Element(w("r"))
        etree.SubElement(ref, w("commentReference")).set(w("id"), cid)
        runs = self._covering(first, text) if text and first is last else None
        if runs:
            runs[0].addprevious(start)
            runs[1].addnext(end)
        else:
            ppr = first.find(w("pPr"))
            if ppr is not None:
                ppr.addnext(start)
            else:
                first.insert(0, start)
            last.append(end)
        end.addnext(ref)
        self._comment_part(cid, text_lines)
        return True

    def _covering(self, p, text: str):
        """The first and last run of exactly `text` in p (runs cut where it starts and ends), or None."""
        runs = self._runs(p)
        full = "".join(t for _, t in runs)
        text = text.strip()
        at = full.find(text[:40]) if text else -1
        if at < 0:
            return None
        stop = at + len(text)
        spans, pos = [], 0
        for r, t in runs:
            if t and pos < stop and pos + len(t) > at:
                spans.append((r, pos, pos + len(t)))
            pos += len(t)
        if not spans:
            return None
        (r0, a0, b0), (r1, a1, _) = spans[0], spans[-1]
        if r0 is r1:
            part = self._cut(r0, at - a0, stop - a0)
            return part, part
        return self._cut(r0, at - a0, b0 - a0), self._cut(r1, 0, stop - a1)

    def _cut(self, r, i: int, j: int):
        """Make text[i:j] of run r a run of its own with the same properties, and return it.
        Only a run holding one w:t is cut; any other run is returned whole."""
        w = self.w
        ts = [c for c in r if c.tag == w("t")]
        if len(ts) != 1 or any(c.tag not in (w("t"), w("rPr")) for c in r):
            return r
        text = ts[0].text or ""
        i, j = max(0, i), min(len(text), j)
        if i == 0 and j == len(text):
            return r
        for piece, place in ((text[:i], r.addprevious), (text[j:], r.addnext)):
            if piece:
                other = copy.deepcopy(r)
                t = other.find(w("t"))
                t.text = piece
                t.set(XML_SPACE, "preserve")
                place(other)
        ts[0].text = text[i:j]
        ts[0].set(XML_SPACE, "preserve")
        return r

    def _comment_part(self, cid: str, text_lines: list[str]) -> None:
        w = self.w
        c = etree.SubElement(self.comments, w("comment"))
        c.set(w("id"), cid)
        c.set(w("author"), AUTHOR)
        c.set(w("date"), self.date)
        c.set(w("initials"), "LL")
        for k, line in enumerate(text_lines):
            p = etree.SubElement(c, w("p"))
            if k == 0:
                etree.SubElement(etree.SubElement(p, w("r")), w("annotationRef"))
            t = etree.SubElement(etree.SubElement(p, w("r")), w("t"))
            t.text = _xml_safe(line)
            t.set(XML_SPACE, "preserve")

    # -- tracked corrections ------------------------------------------------------------------
    def suggest(self, f: Finding, document: Document) -> bool:
        """Replace the reported value by the expected one as w:del + w:ins, when it is one run's text."""
        if f.expected is None or f.actual is None or f.severity == "info":
            return False
        forms = printed_forms(f.actual)
        if not forms:
            return False
        anchor = f.location.anchor
        if anchor is None or anchor.block < 0:
            return False  # a whole-document finding has no value in one place
        first, last, _ = self._span(f, document)
        if first is None:
            return False
        paragraphs = [first] if first is last else self._between(first, last)
        for p in paragraphs:
            for r, run_text in self._runs(p):
                ts = [c for c in r if c.tag == self.w("t")]
                if len(ts) != 1 or any(c.tag not in (self.w("t"), self.w("rPr")) for c in r):
                    continue
                for form in forms:
                    at = _token(run_text, form)
                    if at is not None:
                        new = _expected_text(f.expected, form)
                        if new is None or new == form:
                            return False
                        self._replace(r, ts[0], at, at + len(form), new)
                        return True
        return False

    def _between(self, first, last) -> list:
        out, on = [], False
        for p in self.ps:
            on = on or p is first
            if on:
                out.append(p)
            if p is last:
                break
        return out

    def _replace(self, r, t, i: int, j: int, new: str) -> None:
        w = self.w
        text = t.text or ""
        rpr = r.find(w("rPr"))

        def run(tag: str, value: str):
            out = etree.Element(w("r"))
            if rpr is not None:
                out.append(copy.deepcopy(rpr))
            el = etree.SubElement(out, w(tag))
            el.text = value
            el.set(XML_SPACE, "preserve")
            return out

        def change(tag: str, inner):
            el = etree.Element(w(tag))
            el.set(w("id"), self._id())
            el.set(w("author"), AUTHOR)
            el.set(w("date"), self.date)
            el.append(inner)
            return el

        pieces = []
        if text[:i]:
            pieces.append(run("t", text[:i]))
        pieces.append(change("del", run("delText", text[i:j])))
        pieces.append(change("ins", run("t", new)))
        if text[j:]:
            pieces.append(run("t", text[j:]))
        for piece in pieces:
            r.addprevious(piece)
        r.getparent().remove(r)


def _token(text: str, form: str) -> int | None:
    """Where `form` stands in `text` as a whole value (not part of a longer number or word), once."""
    hits = []
    start = text.find(form)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + len(form)] if start + len(form) < len(text) else " "
        digits = form[:1].isdigit()
        if not (before.isalnum() or (digits and before in ".,")) and not (
                after.isalnum() or (digits and after in ".," and text[start + len(form) + 1: start + len(form) + 2].isdigit())):
            hits.append(start)
        start = text.find(form, start + 1)
    return hits[0] if len(hits) == 1 else None


def _expected_text(expected, form: str) -> str | None:
    """The expected value written the way the reported one was ("102,57" beside "102,51")."""
    if isinstance(expected, bool):
        return None
    if isinstance(expected, (int, float, Decimal)):
        try:
            d = Decimal(str(expected))
        except InvalidOperation:
            return None
        comma = "," in form
        if comma or ("." in form and not _grouped(form)):
            decimals = len(form.split("," if comma else ".")[1])
            text = format(d.quantize(Decimal(1).scaleb(-decimals)), "f")
            return text.replace(".", ",") if comma else text
        whole = int(d.to_integral_value())
        return f"{whole:,}".replace(",", ".") if _grouped(form) else str(whole)
    text = str(expected).strip()
    return text if 0 < len(text) <= 80 else None


def _grouped(form: str) -> bool:
    parts = form.split(".")
    return len(parts) > 1 and all(len(p) == 3 for p in parts[1:])


def _comments_part(rels, folder: str, ns: str) -> str | None:
    for rel in rels:
        if rel.get("Type") in _REL_TYPE.values() and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if ".." not in name:
                return name
    return None


def _free_name(parts: dict, name: str) -> str:
    stem, ext = posixpath.splitext(name)
    k = 1
    while name in parts:
        k += 1
        name = f"{stem}{k}{ext}"
    return name


def _first_free_id(ns: str, *roots) -> int:
    """Comment, insertion and deletion ids share one space in Word: start above every id in use."""
    attr = f"{{{ns}}}id"
    used = [int(v) for root in roots for el in root.iter() if (v := el.get(attr)) and v.isdigit()]
    return max(used, default=-1) + 1


def _add_relationship(rels, target: str, ns: str) -> None:
    ids = {rel.get("Id") for rel in rels}
    k = 1
    while f"rIdLint{k}" in ids:
        k += 1
    rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
    rel.set("Id", f"rIdLint{k}")
    rel.set("Type", _REL_TYPE[ns])
    rel.set("Target", target)


def _add_override(data: bytes | None, part: str) -> bytes:
    if data is None:
        raise InputError("corrupt", kind="docx")
    types = parse(data)
    name = "/" + part
    if not any(o.get("PartName") == name for o in types.iter(f"{{{CT_NS}}}Override")):
        o = etree.SubElement(types, f"{{{CT_NS}}}Override")
        o.set("PartName", name)
        o.set("ContentType", COMMENTS_CT)
    return _xml(types)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    out.compress_type = info.compress_type
    out.external_attr = info.external_attr
    return out


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _xml_safe(text: str) -> str:
    """XML 1.0 forbids most control characters; a message quoting the document may carry one."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
