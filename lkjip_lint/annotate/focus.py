"""What text of a block a finding is about: the sentence it quotes, or the cell's text.

Shared by the DOCX and PDF annotators, which cover that text (a comment range,
a highlight) rather than the whole paragraph when they can find it.
"""
from __future__ import annotations

import re

from lkjip_lint.document import Document, Heading, ListBlock, Paragraph, Table
from lkjip_lint.annotate.values import printed_forms
from lkjip_lint.finding import Finding

_QUOTED = re.compile(r"""["“]([^"”]{8,}?)(?:…|["”])""")


def focus(finding: Finding, document: Document) -> str | None:
    """The text to cover, as the document has it; None when the whole block is meant."""
    anchor = finding.location.anchor
    if anchor is None or anchor.block < 0:
        return None
    block = document.blocks[anchor.block]
    if isinstance(block, Table):
        return _cell_text(block, anchor)
    if isinstance(block, ListBlock):
        return block.entries[anchor.entry].text if anchor.entry is not None else None
    if isinstance(block, (Paragraph, Heading)):
        return sentence(finding, block.text)
    return None


def sentence(finding: Finding, text: str) -> str | None:
    """The sentence of `text` the finding quotes, or the one holding its reported value."""
    from lkjip_lint.interpret.sentences import split

    sentences = split(text)
    if len(sentences) <= 1:
        return None
    for m in _QUOTED.finditer(finding.message):
        start = " ".join(m.group(1).split())[:40]
        hit = next((s.text for s in sentences if start in " ".join(s.text.split())), None)
        if hit:
            return hit
    for shown in printed_forms(finding.actual):
        hit = next((s.text for s in sentences if shown in s.text), None)
        if hit:
            return hit
    return None


def _cell_text(table: Table, anchor) -> str | None:
    rows = table.header_rows + table.rows
    if anchor.row is None or anchor.row >= len(rows):
        return None
    cells = rows[anchor.row].cells
    if anchor.cell is not None and anchor.cell < len(cells):
        return cells[anchor.cell].text or None
    return None
