"""names, of: foreign_subject — another instansi of the report's own kind named where the report speaks of itself.

Reports are often written by copying a neighbour's report; the neighbour's name
left in a sentence gives it away ("Legalisasi di kantor Kecamatan Karangjambu
gratis" in the report of Kecamatan Purbalingga). The report's own kind and name
come from the subject (title page or configuration). A mention "<kind> <Name>"
of the same kind with another name is reported once per line:

- for the kinds listed as `any_mention_kinds` in rules/names.yaml (Kecamatan,
  Kelurahan, Desa) every mention is suspect, except in a sentence that describes
  borders ("Utara : Kecamatan Bojongsari", "berbatasan dengan") or compares with
  peers ("peringkat", "dibandingkan");
- for the other kinds (Dinas, Badan, Kabupaten …) only a mention that makes the
  peer the actor: after `actor_before` words ("Pemerintah", "kantor", "Laporan
  Kinerja") or followed by `actor_after` words ("tahun 2024", "berupaya"), and
  not in a sentence that cites a source ("Sumber: Badan Pusat Statistik …").

A candidate must be a proper name: capitalised, not a word listed in
`not_names`, and never written in lower case elsewhere in the document. A name
within a small edit distance of the report's own is left to `names, of: own_name`.
`expected` is the subject's full name.

Parameters: actor_before, actor_after (regular expressions).

Good:  Utara : Kecamatan Bojongsari dan Kaligondang      (a border)
Bad:   Pemerintah Kecamatan Bojongsari telah menyusun SOP (expected Kecamatan Purbalingga)
"""
from __future__ import annotations

import re
from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret import names
from lkjip_lint.interpret.sentences import sentence_at


def run(ctx: Context) -> Iterator[Draft]:
    subject = ctx.report.subject
    if not subject.kind or not subject.name:
        return
    own_kind = subject.kind.lower()
    vocab = ctx.report.vocab.names
    strict = own_kind in vocab.any_mention_kinds
    lower = names.lowercase_words(ctx.report)
    before = [re.compile(rf"(?:{p})\s*$", re.I) for p in ctx.params.actor_before]
    after = [re.compile(rf"^\s*(?:{p})", re.I) for p in ctx.params.actor_after]
    seen: set[tuple] = set()
    for text, line, page, table, para in names.text_blocks(ctx.report):
        for mention in names.find_mentions(text, vocab, [subject.kind]):
            if mention.kind.lower() != own_kind:
                continue
            if names.same_name(mention.name, subject.name):
                continue
            if names.near_own(mention.name, subject.name, ctx.params.max_distance) is not None:
                continue  # a misspelling of the report's own name
            if not names.is_proper_name(mention.name, lower, vocab):
                continue
            sentence = sentence_at(text, mention.start).text
            if vocab.geography(sentence) or vocab.comparison(sentence):
                continue
            if not strict:
                if vocab.source(sentence):
                    continue  # "Sumber: Badan Pusat Statistik Tahun 2024"
                head, tail = text[:mention.start], text[mention.end:]
                if not (any(p.search(head) for p in before) or any(p.search(tail) for p in after)):
                    continue
            key = (line, page, para, names.norm(mention.name))
            if key in seen:
                continue
            seen.add(key)
            printed = f"{subject.kind} {_as_printed(mention.name)}"
            yield Draft(
                location=Location(line=line, page=page, table=table, paragraph=None if line else para),
                actual=printed,
                expected=names.display(subject.full_name),
                values={"name": printed, "own": names.display(subject.full_name), "sentence": _short(sentence)},
                evidence={"sentence": sentence},
                key=f"{names.norm(printed)}|{names.norm(sentence)[:80]}",
            )


def _as_printed(name: str) -> str:
    return name.title() if name.isupper() else name


def _short(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
