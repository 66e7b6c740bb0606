"""A copy of a DOCX with one Word comment per finding, and (--suggest) tracked corrections.

Only elements are inserted into the main document (comment ranges and references,
tracked deletions and insertions, runs cut where a sentence starts or ends), so
existing comments, tracked changes, fields and content controls stay; the package
around it is docx_package.py's.

The reader recorded, for each block, row and cell, the ordinal of its w:p, w:tbl,
w:tr or w:tc among the body's (Block.origin); the same ordinals taken on this parse
of the same bytes give the element a finding is about.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from lkjip_lint.annotate.docx_package import Package
from lkjip_lint.annotate.focus import focus
from lkjip_lint.annotate.values import find_token, printed_forms, written_like
from lkjip_lint.annotate.wording import AUTHOR, lines
from lkjip_lint.document import Document, ListBlock, Table
from lkjip_lint.finding import Finding

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Written:
    """What annotate wrote into the DOCX copy: how many comments and how many tracked suggestions."""

    comments: int = 0
    suggestions: int = 0


def annotate(source: Path, target: Path, findings: list[Finding], document: Document, lang: str,
             suggest: bool = False) -> Written:
    package = Package(source)
    writer = _Writer(package.ns, package.body, package.comments, package.first_free_id())
    done = Written()
    for f in findings:
        if suggest and writer.suggest(f, document):
            done.suggestions += 1
        if writer.comment(f, document, lines(f, lang)):
            done.comments += 1
    package.save(target)
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
        covered = self._isolate(runs, at, at + len(text), strict=False)
        return (covered[0], covered[-1]) if covered else None

    def _isolate(self, runs, at: int, stop: int, strict: bool):
        """The runs holding exactly the characters [at, stop) of the paragraph's text, cutting
        the first and the last where needed (same run properties). A run holding more than
        one w:t (or a tab, a break) cannot be cut: strict gives None, otherwise it is taken whole."""
        covered, pos = [], 0
        for r, t in runs:
            a, b = pos, pos + len(t)
            pos = b
            if not t or b <= at or a >= stop:
                continue
            if a < at:
                right = self._split(r, at - a)
                if right is None and strict:
                    return None
                r, a = (right, at) if right is not None else (r, a)
            if b > stop:
                left = self._split(r, stop - a, keep="left")
                if left is None and strict:
                    return None
                r = left if left is not None else r
            covered.append(r)
        return covered or None

    def _split(self, r, k: int, keep: str = "right"):
        """Cut run r after its k-th character: r keeps one side, a copy gets the other.
        The side kept is returned; None when r cannot be cut (not a single w:t)."""
        w = self.w
        ts = [c for c in r if c.tag == w("t")]
        if len(ts) != 1 or any(c.tag not in (w("t"), w("rPr")) for c in r):
            return None
        text = ts[0].text or ""
        if not 0 < k < len(text):
            return r
        other = copy.deepcopy(r)
        mine, theirs = (text[k:], text[:k]) if keep == "right" else (text[:k], text[k:])
        ts[0].text = mine
        ts[0].set(XML_SPACE, "preserve")
        t = other.find(w("t"))
        t.text = theirs
        t.set(XML_SPACE, "preserve")
        (r.addprevious if keep == "right" else r.addnext)(other)
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
        """Write the expected value in place of the reported one as w:del + w:ins (Word's tracked change)."""
        if f.expected is None or f.actual is None or f.severity == "info":
            return False
        forms = printed_forms(f.actual)
        anchor = f.location.anchor
        if not forms or anchor is None or anchor.block < 0:
            return False  # a whole-document finding has no value in one place
        first, last, _ = self._span(f, document)
        if first is None:
            return False
        for p in [first] if first is last else self._between(first, last):
            runs = self._runs(p)
            full = "".join(t for _, t in runs)  # Word splits "102.51" over runs as it pleases
            for form in forms:
                at = find_token(full, form)
                if at is None:
                    continue
                new = written_like(f.expected, form)
                if new is None or new == form:
                    return False
                covered = self._isolate(runs, at, at + len(form), strict=True)
                if not covered or any(r.getparent() is not covered[0].getparent() for r in covered):
                    return False
                self._track(covered, new)
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

    def _track(self, covered: list, new: str) -> None:
        """Move the covered runs into a w:del (their w:t become w:delText) and add a w:ins after it."""
        w = self.w

        def change(tag: str):
            el = etree.Element(w(tag))
            el.set(w("id"), self._id())
            el.set(w("author"), AUTHOR)
            el.set(w("date"), self.date)
            return el

        deleted, inserted = change("del"), change("ins")
        covered[0].addprevious(deleted)
        deleted.addnext(inserted)
        rpr = covered[0].find(w("rPr"))
        for r in covered:
            deleted.append(r)  # moves it
            for t in r.findall(w("t")):
                t.tag = w("delText")
        run = etree.SubElement(inserted, w("r"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        t = etree.SubElement(run, w("t"))
        t.text = new
        t.set(XML_SPACE, "preserve")


def _xml_safe(text: str) -> str:
    """XML 1.0 forbids most control characters; a message quoting the document may carry one."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
