"""table_reference — the text refers to a table number no caption carries.

Not a relation: it checks that a reference resolves to a caption that exists,
not that two statements of a value agree.

"… dapat dilihat pada Tabel 19." where the table that follows is captioned
"Tabel 28": each "Tabel N" / "Tabel N.M" in the running text is looked up among
the body's captions (tables' captions and caption lines with no readable
table). A number no caption carries is reported; when a numbered caption
follows the reference within `window` blocks and the sentence does not point
back ("di atas", "tersebut", or a sentence opening with "Dari tabel …" /
"Berdasarkan tabel …", which discusses a table already shown), it is the table meant and `expected` is its
label; otherwise the finding is a note without `expected` (the table may be an
image, or in a part of the report not read). In a fragment of a report (fewer
than `min_chapters` chapters; see checks.structure.whole_report), a number past
every caption the file holds may name a table after its end: a note (`beyond`).

Parameters: window (2), backward (regular expressions), min_chapters (3).

Good:  … dapat dilihat pada Tabel 28. ⏎ Tabel 28. Analisis Tingkat Efisiensi …
Bad:   … dapat dilihat pada Tabel 19. ⏎ Tabel 28. Analisis Tingkat Efisiensi …   (expected Tabel 28)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.checks.structure import MIN_CHAPTERS, whole_report
from lkjip_lint.checks.table_list import number_key
from lkjip_lint.datamodel import Strict
from lkjip_lint.document import Heading, Location, Paragraph
from lkjip_lint.finding import Draft
from lkjip_lint.interpret.captions import body_captions
from lkjip_lint.interpret.sentences import split

_REF = re.compile(r"(?<![\w])tabel\s+(?P<num>(?:\d+|[IVX]+)(?:\.\d+)*)(?![\w])", re.I)


@dataclass(kw_only=True)
class Params(Strict):
    """How many blocks after a reference a caption may follow, and the words that point back to a table."""

    window: int = 2
    # "Dari tabel 3.8 dapat dilihat …" opens the discussion of a table already shown
    backward: list[str] = field(default_factory=lambda: [r"di\s*atas", r"sebelumnya", r"terdahulu", r"tersebut",
                                                         r"^\W*(dari|berdasarkan)\s+tabel\b"])
    min_chapters: int = MIN_CHAPTERS  # fewer chapters in headings and contents: a fragment (whole_report)


def run(ctx: Context) -> Iterator[Draft]:
    captions = body_captions(ctx.report)
    numbers = {number_key(c.number) for c in captions if c.number}
    # In a fragment of a report, a number past every caption it holds may name a table after its end.
    last = max(filter(None, map(_order, numbers)), default=None)
    fragment = not whole_report(ctx.report, ctx.params.min_chapters)
    caption_blocks = {c.index for c in captions}
    by_index = {c.index: c for c in captions}
    blocks = ctx.report.document.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, (Paragraph, Heading)) or i in caption_blocks:
            continue
        done: set[str] = set()
        sentences = None
        for m in _REF.finditer(block.text):
            number = m.group("num")
            if re.fullmatch(r"[IVX]+", number) and not number.isupper():
                continue
            if number_key(number) in numbers or number in done:
                continue
            done.add(number)  # one finding per missing number and paragraph
            sentences = sentences if sentences is not None else split(block.text)  # once per paragraph
            sentence = _containing(sentences, m.start())
            looks_back = any(re.search(b, sentence, re.I) for b in ctx.params.backward)
            following = None if looks_back else next((by_index[j] for j in range(i + 1, min(len(blocks), i + 1 + ctx.params.window))
                              if j in by_index), None)
            location = Location(line=block.line, page=block.page)
            values = {"reference": f"Tabel {number}"}
            order = _order(number_key(number))
            if fragment and last is not None and order is not None and order > last:
                yield Draft(location=location, actual=f"Tabel {number}", expected=None, grade="note",
                            variant="beyond", values=values,
                            evidence={"sentence": block.text[max(0, m.start() - 150):m.end() + 50]},
                            key=f"ref|{number}")
            elif following is not None and following.number:
                yield Draft(location=location, actual=f"Tabel {number}", expected=f"Tabel {following.number}",
                            values={**values, "caption": f"Tabel {following.number}", "title": following.title},
                            evidence={"sentence": block.text[max(0, m.start() - 150):m.end() + 50]},
                            key=f"ref|{number}|{following.number}")
            else:
                yield Draft(location=location, actual=f"Tabel {number}", expected=None, grade="note",
                            variant="unknown", values=values,
                            evidence={"sentence": block.text[max(0, m.start() - 150):m.end() + 50]},
                            key=f"ref|{number}")


def _order(key: str) -> tuple[int, ...] | None:
    """"3.12" → (3, 12), for "comes after"; None for a number with roman parts."""
    parts = key.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def _containing(sentences, offset: int) -> str:
    starts = [s.start for s in sentences]
    k = bisect.bisect_right(starts, offset) - 1
    return sentences[max(k, 0)].text if sentences else ""
