"""names, of: own_name — the report's own name, or its kabupaten/kota, misspelt.

Looks at every "<kind> <Name>" in the text, headings, captions and the lists
(contents, tables) whose kind is the subject's kind (or the parent kabupaten/kota)
and whose name is a small edit away from the subject's name: a Levenshtein
distance of 1 to `max_distance` that is also at most `max_ratio` of the name's
length ("Pubalingga" for "Purbalingga": one letter). Mentions in a border
description are left alone (a neighbour may have a similar name). `expected`
is the correct full name.

Parameters: max_distance (2), max_ratio (0.2).

Good:  … diunggah di website Kecamatan Purbalingga
Bad:   … diunggah di website Kecamatan Pubalingga      (expected Kecamatan Purbalingga)
"""
from __future__ import annotations

from typing import Iterator

from lkjip_lint.checks.base import Context
from lkjip_lint.document import ListBlock, Location
from lkjip_lint.finding import Draft
from lkjip_lint.interpret import names
from lkjip_lint.interpret.sentences import sentence_at


def _sources(report):
    yield from names.text_blocks(report)
    for block in report.document.blocks:
        if isinstance(block, ListBlock):
            for entry in block.entries:
                yield entry.text, entry.line, entry.page, None, None


def run(ctx: Context) -> Iterator[Draft]:
    subject = ctx.report.subject
    if not subject.kind or not subject.name:
        return
    vocab = ctx.report.vocab.names
    targets = {subject.kind.lower(): (subject.kind, subject.name)}
    parents = {k.lower() for k in vocab.parent_kinds}
    if subject.kabupaten and subject.kind.lower() not in parents:
        for parent in vocab.parent_kinds:
            if parent.lower() in ("kabupaten", "kota"):  # a province may share a city's name, never a near one
                targets.setdefault(parent.lower(), (parent, subject.kabupaten))
    kinds = [kind for kind, _ in targets.values()]
    seen: set[tuple] = set()
    for text, line, page, table, para in _sources(ctx.report):
        for mention in names.find_mentions(text, vocab, kinds):
            kind, own = targets.get(mention.kind.lower(), (None, None))
            if own is None or names.same_name(mention.name, own):
                continue
            if len(mention.tokens) < min(2, len(own.split())):
                continue  # "Badan Pengawasan" against "Badan Pengawas Obat …": too little to compare
            d = names.near_own(mention.name, own, ctx.params.max_distance, ctx.params.max_ratio)
            if d is None:
                continue
            sentence = sentence_at(text, mention.start).text
            if vocab.geography(sentence):
                continue
            printed = f"{kind} {mention.name}"
            correct = names.display(f"{kind} {own}")
            key = (line, page, para, names.norm(printed))
            if key in seen:
                continue
            seen.add(key)
            yield Draft(
                location=Location(line=line, page=page, table=table, paragraph=None if line else para),
                actual=printed,
                expected=correct,
                values={"name": printed, "own": correct, "distance": d},
                evidence={"sentence": sentence},
                key=f"{names.norm(printed)}|{names.norm(sentence)[:80]}",
            )
