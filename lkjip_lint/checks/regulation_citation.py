"""regulation_citation — a regulation cited with its title has the number and year that title belongs to.

Not a relation: it compares a citation with the bundled register of regulations
(knowledge from outside the report), not with another statement of the report.

Reports cite their legal basis by kind, number, year and title ("Peraturan
Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi
Pemerintah"), often copied from report to report and sometimes garbled. A citation
whose kind and title are those of a regulation the rule knows, but whose number
or year is none of that title's, is a finding. A title the rule does not know, or
written differently, is never judged: a report may cite any regulation.

Parameters: kinds (kind → regular expression of its names), regulations (kind,
title as it begins, and the numbers "N/YYYY" that title has had).

Good:  Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah
Bad:   Peraturan Presiden Nomor 24 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah   (expected Nomor 29 Tahun 2014)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.datamodel import Strict, require_items
from lkjip_lint.document import Heading, ListBlock, Location, Paragraph
from lkjip_lint.finding import Draft


@dataclass(kw_only=True)
class Regulation(Strict):
    """A regulation the rule knows: its kind, its title as it begins, and the numbers (N/YYYY) it has had."""

    kind: str
    title: str
    numbers: list[str]  # "29/2014"
    MIN_ITEMS = {"numbers": 1}

    def __post_init__(self) -> None:
        require_items(self)


@dataclass(kw_only=True)
class Params(Strict):
    """The regulations the rule knows, and per kind of regulation the regular expression of its names."""

    kinds: dict[str, str]
    regulations: list[Regulation]

    def __post_init__(self) -> None:
        # from a trusted bundled file the regulations come as the file gives them
        self.regulations = [r if isinstance(r, Regulation) else Regulation(**r) for r in self.regulations]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def run(ctx: Context) -> Iterator[Draft]:
    p = ctx.params
    kind_of = [(k, re.compile(rf"^(?:{pattern})$", re.I)) for k, pattern in p.kinds.items()]
    alternatives = "|".join(f"(?:{pattern})" for pattern in p.kinds.values())
    head = re.compile(rf"(?P<kind>{alternatives})\s*,?\s*(?:nomor|no\.?)\s*(?P<num>\d{{1,4}})\s+tahun\s+(?P<year>\d{{4}})"
                      rf"\s+tentang\s+", re.I)
    known = [(r.kind, _norm(r.title), r.numbers) for r in p.regulations]
    for block in ctx.report.document.blocks:
        texts = [e.text for e in block.entries] if isinstance(block, ListBlock) else [getattr(block, "text", "")]
        if not isinstance(block, (Paragraph, Heading, ListBlock)):
            continue
        for text in texts:
            heads = list(head.finditer(text))
            for i, m in enumerate(heads):
                # the title runs to the next citation or the end of the clause
                end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
                title_text = re.split(r"[;.(]", text[m.end():end], maxsplit=1)[0][:200]
                kind = next((k for k, rx in kind_of if rx.match(" ".join(m.group("kind").split()))), None)
                title = _norm(title_text)
                for k, known_title, numbers in known:
                    if k != kind or not title.startswith(known_title):
                        continue
                    cited = f"{int(m.group('num'))}/{m.group('year')}"
                    if cited in numbers:
                        break
                    number, year = numbers[0].split("/")
                    yield Draft(
                        location=Location(line=block.line, page=block.page, paragraph=None if block.line else block.index + 1),
                        actual=f"Nomor {m.group('num')} Tahun {m.group('year')}", expected=f"Nomor {number} Tahun {year}",
                        values={"citation": " ".join((m.group(0) + title_text).split())[:160], "kind": m.group("kind"),
                                "known": ", ".join(f"Nomor {n.split('/')[0]} Tahun {n.split('/')[1]}" for n in numbers)},
                        evidence={"sentence": text[:500]},
                        key=f"regulation|{kind}|{known_title}|{cited}",
                    )
                    break
