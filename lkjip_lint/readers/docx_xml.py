"""WordprocessingML plumbing for the DOCX reader: safe parsing, tag names, styles.

Entity declarations are refused outright (billion laughs, external entities): a
Word part never needs a DOCTYPE. The parser resolves nothing and fetches nothing
even if the refusal were bypassed.
"""
from __future__ import annotations

import posixpath
import re

from lxml import etree

from lkjip_lint.readers.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
# Tags ("<") in one part: the corpus report has 24 000 for 35 pages. The limit is met only by a
# forged part, whose tree (and the blocks built from it) would need gigabytes.
MAX_TAGS = 2_000_000
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_HEADING_NAME = re.compile(r"^(?:heading|judul)\s*(\d)$", re.I)
_HEADING_ID = re.compile(r"^(?:Heading|Judul)(\d)$", re.I)


class Tags:
    """Clark names for one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str = W_NS) -> None:
        for name in ("body p r t tab ptab br cr tbl tr tc sdt sdtContent ins del moveFrom moveTo hyperlink "
                     "smartTag customXml fldSimple fldChar instrText delText lastRenderedPageBreak "
                     "noBreakHyphen softHyphen drawing pict txbxContent pPr rPr pStyle outlineLvl vanish "
                     "pageBreakBefore trPr tcPr gridSpan vMerge hMerge gridBefore gridAfter tblHeader "
                     "tblGrid gridCol dir bdo style name abstractNum abstractNumId lvl ilvl start numFmt lvlText isLgl num "
                     "numId lvlOverride startOverride numPr sym").split():
            setattr(self, name, f"{{{ns}}}{name}")
        self.val = f"{{{ns}}}val"
        self.styleId = f"{{{ns}}}styleId"
        self.deleted = f"{{{ns}}}del"  # `del` is a keyword
        self.char = f"{{{ns}}}char"
        self.type = f"{{{ns}}}type"
        self.fldCharType = f"{{{ns}}}fldCharType"
        self.alternate = f"{{{MC_NS}}}AlternateContent"
        self.choice = f"{{{MC_NS}}}Choice"
        self.fallback = f"{{{MC_NS}}}Fallback"
        self.omath = f"{{{M_NS}}}oMath"
        self.omath_para = f"{{{M_NS}}}oMathPara"
        self.mt = f"{{{M_NS}}}t"


def parse(data: bytes, kind: str = "docx") -> etree._Element:
    """Parse one XML part; InputError("xml_entities") for any DOCTYPE/ENTITY."""
    first = _FIRST_ELEMENT.search(data)
    prolog = data[: first.start()] if first else data
    if b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper():
        raise InputError("xml_entities")
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise InputError("xml_too_big", count=tags, limit=MAX_TAGS)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError("corrupt_detail", kind=kind, reason="XML: " + " ".join(str(exc).split())[:160]) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:  # e.g. a UTF-16 part the byte scan cannot see
        raise InputError("xml_entities")
    return root


def is_on(el, tags: Tags) -> bool:
    """A toggle property (<w:vanish/>, <w:tblHeader w:val="0"/>) is on unless its val says off."""
    return el is not None and el.get(tags.val, "1").lower() not in ("0", "false", "off")


def main_part(rels: bytes | None) -> str:
    """The main document part named by _rels/.rels (almost always word/document.xml)."""
    if rels:
        try:
            root = parse(rels)
        except InputError:
            root = None
        for rel in root if root is not None else ():
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                target = rel.get("Target", "").lstrip("/")
                if target and ".." not in target:
                    return posixpath.normpath(target)
    return "word/document.xml"


def heading_styles(styles: etree._Element | None, tags: Tags) -> dict[str, int]:
    """Paragraph styleId → heading level, from the style name ("heading 2"), the id ("Judul2")
    or an outline level. Not inherited through basedOn: "TOC Heading" is based on Heading 1."""
    if styles is None:
        return {}
    levels: dict[str, int] = {}
    for style in styles.iter(tags.style):
        if style.get(tags.type, "paragraph") != "paragraph":
            continue
        sid = style.get(tags.styleId, "")
        name_el = style.find(tags.name)
        name = name_el.get(tags.val, "") if name_el is not None else ""
        m = _HEADING_NAME.match(name.strip()) or _HEADING_ID.match(sid)
        ppr = style.find(tags.pPr)
        outline = ppr.find(tags.outlineLvl) if ppr is not None else None
        if outline is not None:
            value = outline.get(tags.val, "9")
            if value.isdigit() and int(value) < 9:
                levels[sid] = int(value) + 1
            continue  # outline level 9 = body text, whatever the name says
        if m:
            levels[sid] = int(m.group(1))
    return levels
