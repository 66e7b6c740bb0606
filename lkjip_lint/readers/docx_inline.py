"""The visible text of one Word paragraph, in order, and where pages break.

What is visible (PARSING.md, "Word constructs"): every w:t of the paragraph,
including the cached results of simple (w:fldSimple) and complex (fldChar
begin/separate/end) fields, text in content controls, tracked insertions and the
first mc:Choice of alternate content. Not visible: field codes (w:instrText),
deleted text (w:del, w:delText, w:moveFrom), mc:Fallback copies and hidden
runs (w:vanish). Text boxes are handed back to the caller, which reads them as
blocks of their own, once.
"""
from __future__ import annotations

from lkjip_lint.readers.docx_xml import Tags, is_on


class Pages:
    """Approximate page numbers from the breaks Word recorded when it last laid the document out.

    A hard break followed by Word's own rendered break marks one new page, not two:
    a break only counts once text has been seen since the previous one.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.number = 1
        self.seen_text = False

    def brk(self) -> None:
        if self.seen_text:
            self.number += 1
            self.seen_text = False

    @property
    def current(self) -> int | None:
        return self.number if self.enabled else None


# what a child element is, looked up once per element (a dict beats a chain of ==)
_RUN, _SKIP_INTO, _SDT, _ALT, _MATH, _PPR = range(6)
_T, _TAB, _BR, _CR, _RENDERED, _FLD, _HYPHEN, _BOX, _RPR, _SYM = range(10, 20)
# w:sym characters of the Symbol font that matter in reports (scales are written "91 ≤ x ≤ 100")
_SYMBOL = {"F0A3": "≤", "F0B3": "≥", "F03C": "<", "F03E": ">", "F0B1": "±", "F0B4": "×", "F0B8": "÷",
           "F02D": "-", "F0B7": "•", "F0A5": "∞", "F0BB": "≈", "F0B9": "≠"}


class Inline:
    """Reads paragraphs one after another; field state carries over (a TOC field spans paragraphs)."""

    def __init__(self, tags: Tags, pages: Pages) -> None:
        t = self.t = tags
        self.pages = pages
        self.fields: list[bool] = []  # one per open complex field: True once its result part began
        self.in_code = 0  # open fields still in their code part: their text is not shown
        self.para_kinds = {t.r: _RUN, t.sdt: _SDT, t.alternate: _ALT, t.omath: _MATH, t.omath_para: _MATH, t.pPr: _PPR}
        for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"):
            self.para_kinds[getattr(t, name)] = _SKIP_INTO
        self.run_kinds = {t.t: _T, t.tab: _TAB, t.ptab: _TAB, t.br: _BR, t.cr: _CR, t.lastRenderedPageBreak: _RENDERED,
                          t.fldChar: _FLD, t.noBreakHyphen: _HYPHEN, t.drawing: _BOX, t.pict: _BOX,
                          t.alternate: _ALT, t.rPr: _RPR, t.sym: _SYM}

    def paragraph(self, p) -> tuple[str, int | None, list]:
        """(text, page where its text starts, text-box contents) for one w:p; its w:pPr is left in .ppr."""
        self.parts: list[str] = []
        self.first_page: int | None = None
        self.boxes: list = []
        self.ppr = None
        self._container(p)
        if self.in_code:  # a field whose code never reached its result: do not let it hide what follows
            self.fields = [f for f in self.fields if f]
            self.in_code = 0
        page = self.first_page if self.first_page is not None else self.pages.current
        return "".join(self.parts), page, self.boxes

    # -- paragraph content ----------------------------------------------------------
    def _container(self, el) -> None:
        kinds = self.para_kinds
        for child in el:
            kind = kinds.get(child.tag)
            if kind is None:
                continue  # w:del, w:moveFrom, bookmarks, proofErr, comments: nothing visible
            if kind == _RUN:
                self._run_content(child, False)
            elif kind == _SKIP_INTO:
                self._container(child)
            elif kind == _SDT:
                content = child.find(self.t.sdtContent)
                if content is not None:
                    self._container(content)
            elif kind == _ALT:
                self.choice(child, self._container)
            elif kind == _MATH:
                self._emit("".join(m.text or "" for m in child.iter(self.t.mt)))
            elif kind == _PPR:
                self.ppr = child
                for prop in child:  # a loop is cheaper than .find() here
                    if prop.tag == self.t.pageBreakBefore and is_on(prop, self.t):
                        self.pages.brk()

    def choice(self, alternate, handler) -> None:
        choice = alternate.find(self.t.choice)
        if choice is not None:  # the Fallback holds the same content again
            handler(choice)
        else:
            fallback = alternate.find(self.t.fallback)
            if fallback is not None:
                handler(fallback)

    def _run_content(self, el, hidden: bool) -> None:
        kinds = self.run_kinds
        for c in el:
            kind = kinds.get(c.tag)
            if kind is None:
                continue  # w:instrText (field code), w:delText (deleted), w:softHyphen: not shown
            if kind == _T:
                if not hidden and not self.in_code and c.text:
                    self._emit(c.text)
            elif kind == _RPR:
                hidden = is_on(c.find(self.t.vanish), self.t)
            elif kind == _TAB:
                if not hidden and not self.in_code:
                    self.parts.append("\t")
            elif kind == _BR:
                brk = c.get(self.t.type)
                if brk == "page":
                    self.pages.brk()
                elif brk != "column" and not hidden and not self.in_code:
                    self.parts.append("\n")
            elif kind == _CR:
                if not hidden and not self.in_code:
                    self.parts.append("\n")
            elif kind == _RENDERED:
                self.pages.brk()
            elif kind == _FLD:
                self._field(c.get(self.t.fldCharType))
            elif kind == _HYPHEN:
                if not hidden and not self.in_code:
                    self._emit("-")
            elif kind == _BOX:
                self._find_boxes(c)
            elif kind == _SYM:
                char = _SYMBOL.get((c.get(self.t.char) or "").upper())
                if char and not hidden and not self.in_code:
                    self._emit(char)
            elif kind == _ALT:
                self.choice(c, lambda choice: self._run_content(choice, hidden))

    def _field(self, kind: str | None) -> None:
        # inside a field's code even a nested field's result is code, hence a count
        if kind == "begin":
            self.fields.append(False)
            self.in_code += 1
        elif kind == "separate" and self.fields and not self.fields[-1]:
            self.fields[-1] = True
            self.in_code -= 1
        elif kind == "end" and self.fields:
            if not self.fields.pop():
                self.in_code -= 1

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if (self.first_page is None or not self.pages.seen_text) and not text.isspace():
            if self.first_page is None:
                self.first_page = self.pages.current
            self.pages.seen_text = True

    def _find_boxes(self, el) -> None:
        t = self.t
        for c in el:
            tag = c.tag
            if tag == t.txbxContent:
                self.boxes.append(c)
            elif tag == t.alternate:
                self.choice(c, self._find_boxes)
            elif tag != t.fallback and len(c):
                self._find_boxes(c)
