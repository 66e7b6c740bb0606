"""table_list — the list of tables (Daftar Tabel) against the captions of the body.

Not a relation: like the contents, it matches the titles of a list against the
captions of the body by their wording; no value is compared with another.

Compares each numbered entry of the list of tables with the body's captions
(tables' captions and caption lines with no readable table):

- `duplicate_entry`: a number listed twice (at the second entry);
- `missing`: an entry whose number no caption carries; when a caption without a
  number ("Tabel 3.") has the entry's title, a note (`unnumbered`) instead;
- `title`: the same number with a different title (`expected` the caption's);
  titles are compared leniently — quotes, brackets, case, years, stop words and
  the instansi's own name are ignored, one title may hold words the other leaves
  out, and small differences pass (rapidfuzz token_sort_ratio ≥ `min_similarity`);
  titles that still share `min_shared_words` words ("Wilayah Administrasi dan
  Luas Wilayah" / "Luas Wilayah Desa, Jumlah Dusun …") get a note;
- `unlisted`: a numbered caption the list does not mention (at the caption).

Nothing is reported when the document has no list of tables.

Parameters: min_similarity (80), min_shared_words (2).

Good:  Tabel 1.2 : Jumlah Penduduk Kecamatan Purbalingga   (caption Tabel 1.2 "Jumlah Penduduk Kecamatan Purbalingga")
Bad:   Tabel 1.2 : Jumlah Pegawai Menurut Jenis Kelamin    (expected Jumlah Penduduk Kecamatan Purbalingga)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from rapidfuzz import fuzz

from lkjip_lint.checks.base import Context
from lkjip_lint.datamodel import Strict
from lkjip_lint.document import ListBlock, Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.captions import BodyCaption, body_captions


@dataclass(kw_only=True)
class Params(Strict):
    """How alike the titles of a list entry and of a caption must be to pass, or to get only a note."""

    min_similarity: float = 80
    min_shared_words: int = 2  # titles sharing this many words differ in wording only: a note


STOPWORDS = {"dan", "di", "pada", "yang", "dengan", "per", "atas", "dari", "untuk", "ke", "dalam", "serta", "atau",
             "tahun", "kabupaten", "kota", "provinsi", "menurut", "berdasarkan", "the", "of", "and"}


def title_key(text: str) -> str:
    text = re.sub(r"[“”\"'‘’`«»]", " ", text or "")
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def content_words(text: str, ignore: set[str] = frozenset()) -> list[str]:
    """The words that tell one title from another: no years, stop words or the instansi's own name."""
    return [w for w in title_key(text).split()
            if w not in STOPWORDS and w not in ignore and not re.fullmatch(r"(19|20)\d\d", w)]


def same_title(a: str, b: str, min_similarity: float = 80, ignore: set[str] = frozenset()) -> bool:
    """Leniently the same title: quotes, brackets, case, years, stop words and the instansi's name are
    ignored, and one title may hold words the other leaves out ("… sebelumnya (IKM)")."""
    x, y = content_words(a, ignore), content_words(b, ignore)
    if not x or not y:
        return title_key(a) == title_key(b) or not title_key(a) or not title_key(b)
    if set(x) <= set(y) or set(y) <= set(x):
        return True
    return fuzz.token_sort_ratio(" ".join(x), " ".join(y), score_cutoff=min_similarity) >= min_similarity


def subject_words(report) -> set[str]:
    subject = report.subject
    words = set()
    for part in (subject.kind, subject.name, subject.kabupaten):
        words |= set(title_key(part or "").split())
    return words


def number_key(number: str) -> str:
    return ".".join(str(int(p)) if p.isdigit() else p.upper() for p in number.strip(".").split("."))


def _chapter_of_raw(raw: str | None) -> str | None:
    """"3." → "3": the chapter left of a caption whose sequence number was lost."""
    m = re.match(r"^(\d+|[IVX]+)\.?$", (raw or "").strip())
    return number_key(m.group(1)) if m else None


def run(ctx: Context) -> Iterator[Draft]:
    lists = [b for b in ctx.report.document.blocks if isinstance(b, ListBlock) and b.kind == "table_list"]
    entries = [e for block in lists for e in block.entries if e.number]
    if not entries:
        return
    captions = body_captions(ctx.report)
    numbered: dict[str, BodyCaption] = {}
    for cap in captions:
        if cap.number:
            numbered.setdefault(number_key(cap.number), cap)
    unnumbered = [c for c in captions if not c.number]
    ignore = subject_words(ctx.report)
    listed: dict[str, object] = {}
    p = ctx.params
    for entry in entries:
        key = number_key(entry.number)
        location = Location(line=entry.line, page=entry.page, table=f"Tabel {entry.number}", row=entry.text[:120] or None)
        values = {"number": f"Tabel {entry.number}", "title": entry.text}
        if key in listed:
            first = listed[key]
            yield Draft(location=location, actual=entry.text, expected=None, variant="duplicate_entry",
                        values={**values, "other": first.text, "other_at": Location(line=first.line, page=first.page)},
                        key=f"list-duplicate|{key}|{title_key(entry.text)}")
        else:
            listed[key] = entry
        cap = numbered.get(key)
        if cap is None:
            chapter = key.split(".")[0] if "." in key else None
            match = next((c for c in unnumbered if c.title and _chapter_of_raw(c.raw) == chapter
                          and same_title(entry.text, c.title, p.min_similarity, ignore)), None)
            if match is not None:
                yield Draft(location=location, actual=f"Tabel {entry.number}", expected=None, grade="note",
                            variant="unnumbered", values={**values, "caption": match.label},
                            key=f"list-unnumbered|{key}|{title_key(entry.text)}")
            else:
                yield Draft(location=location, actual=f"Tabel {entry.number}", expected=None, variant="missing",
                            values=values, key=f"list-missing|{key}|{title_key(entry.text)}")
            continue
        if cap.title and not same_title(entry.text, cap.title, p.min_similarity, ignore):
            shared = set(content_words(entry.text, ignore)) & set(content_words(cap.title, ignore))
            close = len(shared) >= p.min_shared_words
            yield Draft(location=location, actual=entry.text, expected=cap.title, variant="title",
                        grade="note" if close else "mismatch",
                        values={**values, "caption": cap.label, "caption_title": cap.title,
                                "caption_at": Location(line=cap.line, page=cap.page)},
                        key=f"list-title|{key}|{title_key(entry.text)}|{title_key(cap.title)}")
    for key, cap in numbered.items():
        if key in listed:
            continue
        yield Draft(location=Location(line=cap.line, page=cap.page, table=cap.label), actual=cap.label,
                    expected=None, variant="unlisted",
                    values={"number": cap.label, "title": cap.title, "caption": cap.label},
                    key=f"list-unlisted|{key}|{title_key(cap.title)}")
