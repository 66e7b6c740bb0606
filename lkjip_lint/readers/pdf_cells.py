"""The text of a table cell from its lines.

A narrow cell wraps its text, and a word longer than the cell is broken anywhere
("Realisa⏎si", "304.147.00⏎0"). Geometry cannot tell such a break from an
ordinary wrap ("Target⏎Akhir"): both leave the line ending at the cell's padding,
and LibreOffice drops the space at a wrap that fills the line. So the document's
own words decide: glue when the glued word occurs elsewhere in the document and
the first piece is not a word itself; a known piece next to an unknown whole is a
wrap. Numbers and brackets always glue.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_NUMERIC_END = re.compile(r"[\d.,]$")
_NUMERIC_START = re.compile(r"^[\d.,]")


class Vocabulary:
    """Lower-cased words seen whole: in running text, and inside (not at the ends of) cell lines."""

    def __init__(self) -> None:
        self.words: set[str] = set()

    def add_text(self, text: str) -> None:
        self.words.update(w.lower() for w in _TOKEN.findall(text))

    def add_cell(self, lines: list) -> None:
        for k, line in enumerate(lines):
            tokens = _TOKEN.findall(line.text)
            if k > 0 and tokens:
                tokens = tokens[1:]  # may be the tail of a broken word
            if k < len(lines) - 1 and tokens and not line.ends_with_space:
                tokens = tokens[:-1]  # may be the head of a broken word
            self.words.update(w.lower() for w in tokens)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def known(self, piece: str) -> bool:
        """A piece is evidence of a whole word only if it is not a one- or two-letter scrap ("i", "an")."""
        return len(piece) >= 3 and piece in self


def resolve(tables: list, vocab: Vocabulary) -> None:
    for table in tables:
        for row in table.rows:
            for cell in row:
                if cell.lines:
                    cell.text = cell_text(cell.lines, cell.right, vocab)


def cell_text(lines: list, right: float, vocab: Vocabulary | None = None) -> str:
    text = ""
    prev = None
    for line in lines:
        piece = line.text.replace("\t", " ").strip()
        if prev is None or not text:
            text = piece
        elif _glue(text, piece, prev, line, right, vocab):
            text += piece
        else:
            text += " " + piece
        prev = line
    return text.strip()


def _glue(text: str, piece: str, prev, line, right: float, vocab: Vocabulary | None) -> bool:
    if not piece or prev.ends_with_space:
        return False
    if _NUMERIC_END.search(text) and _NUMERIC_START.match(piece):
        return True  # "304.147.00⏎0"
    if text[-1] in "([{" or piece[0] in ")]}%":
        return True  # "(1⏎)": no space inside brackets
    head, tail = _last_token(text), _first_token(piece)
    if not head or not tail or not (head[-1].isalpha() and tail[0].isalpha()):
        return text.endswith("-") and bool(tail)
    if vocab is not None:
        whole = head + tail in vocab
        if whole and not vocab.known(head):
            return True  # "Realisa⏎si": only the glued word is a word of this document
        if not whole and (vocab.known(head) or vocab.known(tail)):
            return False  # "Target⏎Akhir", "Sosialisasi⏎Penangan⏎an"
    # unknown or ambiguous: glue only a single word that ran into the cell's padding (a forced break)
    first = line.chars[0]
    return right - prev.x1 < (first.x1 - first.x0) + 7.0 and " " not in prev.text.strip()


def _last_token(text: str) -> str:
    found = _TOKEN.findall(text[-40:])
    return found[-1] if found and text[-1].isalnum() else ""


def _first_token(text: str) -> str:
    found = _TOKEN.findall(text[:40])
    return found[0] if found and text[0].isalnum() else ""
