"""What text of a block a finding is about: the sentence it quotes, or the cell's text.

Shared by the DOCX and PDF annotators, which cover that text (a comment range,
a highlight) rather than the whole paragraph when they can find it.
"""
from __future__ import annotations

import re

from lkjip_lint.document import Document, Heading, ListBlock, Paragraph, Table
from lkjip_lint.finding import Finding

_QUOTED = re.compile(r"""["“]([^"”]{8,}?)(?:…|["”])""")
_NUMBER_STYLES = ("id", "en")


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


def printed_forms(value) -> list[str]:
    """How a reported value may be printed in the report: "102,51", "102.51", "2022", "Tinggi"."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        from decimal import Decimal

        d = Decimal(str(value))
        if d == d.to_integral_value():
            whole = str(int(d))
            grouped = f"{int(d):,}".replace(",", ".")
            return list(dict.fromkeys([grouped, whole]))
        plain = format(d.normalize(), "f")
        return list(dict.fromkeys([plain.replace(".", ","), plain]))
    text = str(value).strip()
    return [text] if 0 < len(text) <= 80 else []


def _cell_text(table: Table, anchor) -> str | None:
    rows = table.header_rows + table.rows
    if anchor.row is None or anchor.row >= len(rows):
        return None
    cells = rows[anchor.row].cells
    if anchor.cell is not None and anchor.cell < len(cells):
        return cells[anchor.cell].text or None
    return None
