"""structure — the parts PermenPANRB 53/2014 requires of a Laporan Kinerja.

Not a relation: it checks that required parts are there, in order; it relates
no values.

For a document that looks like a whole report (its BAB headings and the
chapters its contents lists name at least `min_chapters` chapters), checks that it has

- an Ikhtisar Eksekutif / Ringkasan Eksekutif (`summary`);
- BAB I to BAB IV, each present (`chapter`) and in order (`order`);
- the Perjanjian Kinerja table (kind pk / pk_amendment) in BAB II (`pk`);
- a capaian table (kind capaian / multi_year) in BAB III (`capaian`);
- a budget realisation table (kind budget) in BAB III (`budget`);
- a signature: the name, title and NIP or rank of the head of the instansi (`signature`).

A table found in another part than the expected one gives a note. Findings are
about the whole document and have no line. Fragments of reports are left alone.

Parameters: chapters, summary_headings, min_chapters, parts (part → {chapter, kinds}).

Good:  IKHTISAR EKSEKUTIF … BAB I … BAB II (Tabel PK) … BAB III (capaian, anggaran) … BAB IV … CAMAT …
Bad:   BAB I … BAB III … BAB IV                     (BAB II missing)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.datamodel import Strict
from lkjip_lint.document import Heading, ListBlock, Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.contents import leader_text
from lkjip_lint.readers.structure import chapter_of


MIN_CHAPTERS = 3  # a document naming fewer chapters (headings and contents) is a fragment of a report


@dataclass(kw_only=True)
class Part(Strict):
    """A part a report must have: the chapter it belongs in, and the table kinds that make it."""

    chapter: str
    kinds: list[str]


@dataclass(kw_only=True)
class Params(Strict):
    """The chapters, summary and parts a whole report must have, and whether it must be signed."""

    chapters: list[str] = field(default_factory=lambda: ["BAB I", "BAB II", "BAB III", "BAB IV"])
    summary_headings: list[str] = field(default_factory=lambda: [r"ikhtisar\s+eksekutif", r"ringkasan\s+eksekutif",
                                                                  r"executive\s+summary"])
    min_chapters: int = MIN_CHAPTERS
    parts: dict[str, Part] = field(default_factory=lambda: {
        "pk": Part(chapter="BAB II", kinds=["pk", "pk_amendment"]),
        "capaian": Part(chapter="BAB III", kinds=["capaian", "multi_year"]),
        "budget": Part(chapter="BAB III", kinds=["budget"]),
    })
    signature: bool = True

    def __post_init__(self) -> None:
        # from a trusted bundled file the parts come as the file gives them
        self.parts = {k: p if isinstance(p, Part) else Part(**p) for k, p in self.parts.items()}


_PART_NAMES = {
    "pk": ("Perjanjian Kinerja", "the Perjanjian Kinerja"),
    "capaian": ("tabel capaian kinerja", "a capaian table"),
    "budget": ("tabel realisasi anggaran", "a budget realisation table"),
}


def whole_report(report, min_chapters: int = MIN_CHAPTERS) -> bool:
    """The document shows itself a whole report: its headings or its contents name at least
    `min_chapters` chapters. A contents that names none (a fragment's first page: "Kata Pengantar,
    Daftar Isi, Ikhtisar Eksekutif") says nothing about what the rest holds."""
    texts = [b.text for b in report.document.blocks if isinstance(b, Heading) and not leader_text(b.text)]
    texts += [e.text for b in report.document.blocks if isinstance(b, ListBlock) and b.kind == "contents"
              for e in b.entries]
    return len({c for c in map(chapter_of, texts) if c and c.startswith("BAB ")}) >= min_chapters


def _draft(variant: str, key: str, **values) -> Draft:
    # `actual` names the part: findings without a line are told apart by it
    return Draft(location=Location(), actual=values.get("part"), expected=values.get("expected"), variant=variant,
                 values=values, key=f"structure|{key}", grade=values.pop("grade", "mismatch"))


def run(ctx: Context) -> Iterator[Draft]:
    report, p = ctx.report, ctx.params
    if not whole_report(report, p.min_chapters):
        return
    # a heading with dot leaders is a line of the contents, not the chapter itself
    headings = [b for b in report.document.blocks if isinstance(b, Heading) and not leader_text(b.text)]
    summary = [re.compile(s, re.I) for s in p.summary_headings]
    short = [t.text for t in report.texts if len(t.text) <= 60]
    if not any(any(s.search(t) for s in summary) for t in short):
        yield _draft("summary", "summary", part="Ikhtisar Eksekutif")
    first: dict[str, int] = {}
    for i, h in enumerate(headings):
        chapter = chapter_of(h.text)
        if chapter and chapter.startswith("BAB "):
            first.setdefault(chapter, i)
    present = [c for c in p.chapters if c in first]
    for chapter in p.chapters:
        if chapter not in first:
            yield _draft("chapter", f"chapter|{chapter}", part=chapter)
    positions = [first[c] for c in present]
    if positions != sorted(positions):
        printed = " → ".join(sorted(present, key=lambda c: first[c]))
        yield _draft("order", "order", part=printed, expected=" → ".join(present))
    for name, part in p.parts.items():
        tables = [v for v in report.views if v.kind in part.kinds]
        label_id, label_en = _PART_NAMES.get(name, (name, name))
        if not tables:
            yield _draft("missing_part", f"part|{name}", part=label_id, part_en=label_en, chapter=part.chapter)
        elif not any(v.table.section == part.chapter for v in tables):
            found = ", ".join(sorted({v.table.section or "?" for v in tables}))
            yield _draft("misplaced_part", f"placed|{name}", part=label_id, part_en=label_en, chapter=part.chapter,
                         found=found, grade="note")
    if p.signature and report.subject.signatory is None:
        yield _draft("signature", "signature", part="tanda tangan")
