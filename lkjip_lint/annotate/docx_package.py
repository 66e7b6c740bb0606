"""The DOCX package the annotator changes: its parts in, the same package out.

Every part is read under the reader's limits and copied back byte for byte, with the
zip entries' order, dates and compression, except the parts the annotator changed:
the main document, and the comments part it adds to or creates (with, then, a
relationship and a content-type override for it).
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from lkjip_lint.safe_output import write_atomically
from lkjip_lint.readers.docx_xml import REL_NS, W_NS, W_STRICT_NS, main_part, parse
from lkjip_lint.readers.errors import InputError
from lkjip_lint.readers.ziputil import open_zip, read_member

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_REL_TYPE = {W_NS: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
             W_STRICT_NS: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"}


class Package:
    """A DOCX opened for annotation: .root (the main document), .ns, .body, .comments."""

    def __init__(self, source: Path) -> None:
        with open_zip(source) as zf:
            self.infos = [i for i in zf.infolist() if not i.is_dir()]
            self.parts = {i.filename: read_member(zf, i.filename) for i in self.infos}
        self.main = main_part(self.parts.get("_rels/.rels"))
        if self.parts.get(self.main) is None:
            raise InputError("corrupt", kind="docx")
        self.root = parse(self.parts[self.main])
        self.ns = W_STRICT_NS if self.root.tag.startswith("{" + W_STRICT_NS) else W_NS
        self.body = self.root.find(f"{{{self.ns}}}body")
        if self.body is None:
            raise InputError("corrupt", kind="docx")
        folder = posixpath.dirname(self.main)
        self.rels_name = posixpath.join(folder, "_rels", posixpath.basename(self.main) + ".rels")
        data = self.parts.get(self.rels_name)
        self.rels = parse(data) if data else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        named = _comments_part(self.rels, folder, self.ns)
        self.has_relationship = named is not None
        self.new_part = not (named and self.parts.get(named))
        if self.new_part:
            self.comments = etree.Element(f"{{{self.ns}}}comments", nsmap={"w": self.ns})
            self.comments_name = named or _free_name(self.parts, posixpath.join(folder, "comments.xml"))
        else:
            self.comments = parse(self.parts[named])
            self.comments_name = named

    def first_free_id(self) -> int:
        """Comment, insertion and deletion ids share one space in Word: start above every id in use."""
        attr = f"{{{self.ns}}}id"
        used = [int(v) for root in (self.root, self.comments) for el in root.iter()
                if (v := el.get(attr)) and v.isdigit()]
        return max(used, default=-1) + 1

    def save(self, target: Path) -> None:
        out = dict(self.parts)
        out[self.main] = _xml(self.root)
        out[self.comments_name] = _xml(self.comments)
        if not self.has_relationship:
            folder = posixpath.dirname(self.main)
            _add_relationship(self.rels, posixpath.relpath(self.comments_name, folder or "."), self.ns)
            out[self.rels_name] = _xml(self.rels)
        if self.new_part:
            out["[Content_Types].xml"] = _add_override(self.parts.get("[Content_Types].xml"), self.comments_name)

        def write(fh) -> None:
            with zipfile.ZipFile(fh, "w") as zout:
                seen = set()
                for info in self.infos:
                    if info.filename in seen:
                        continue
                    seen.add(info.filename)
                    zout.writestr(_copy_info(info), out[info.filename], compress_type=info.compress_type)
                for name in out:
                    if name not in seen:
                        zout.writestr(name, out[name], compress_type=zipfile.ZIP_DEFLATED)

        write_atomically(target, write)


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
