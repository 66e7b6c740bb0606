"""Polarity: indicators where lower is better (kematian, kasus, pengangguran …).

Known, in this order, from the configuration (`negative_indicators`), from
structured data (`polarity: negative`), from the report itself ("semakin rendah
semakin baik" in a sentence that names the indicator, or in the paragraph whose
earlier sentence does) and from the indicator's wording (rules/indicators.yaml).
"""
from __future__ import annotations

import re


class IndicatorWords:
    """rules/indicators.yaml (bundled and users'), compiled: which names and sentences say lower is better."""

    def __init__(self, data: dict) -> None:
        # one alternation, one scan: polarity is asked of every paragraph
        self.negative = _alternation(data.get("negative_polarity", []))
        self.positive = _alternation(data.get("positive_polarity", []))
        self.statements = re.compile("|".join(f"(?:{p})" for p in data.get("negative_statements", [])) or r"(?!)", re.I)
        self.generic_words = frozenset(str(w).lower() for w in data.get("generic_words", []))


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.I | re.M)


def _words(report) -> IndicatorWords:
    # without a report (a name judged on its own) only the bundled vocabulary applies
    from lkjip_lint.interpret.vocabulary import load_vocabulary

    return (report.vocab if report is not None else load_vocabulary()).indicators


def is_negative(name: str, report=None) -> bool:
    low = name.lower()
    if report is not None:
        for declared in report.negative_names:
            d = declared.lower()
            if d and (d in low or low and low in d):
                return True
    words = _words(report)
    if words.positive.search(low):
        return False
    return bool(words.negative.search(low))


def stated_negatives(document, settings, words: IndicatorWords) -> list[str]:
    """Names declared lower-is-better: configuration, data input, and the report's own sentences."""
    names = list(settings.negative_indicators) + list(document.negative_indicators)
    labels = _row_labels(document)
    if not labels:
        return names
    pattern = words.statements
    from lkjip_lint.interpret.sentences import split

    for block in document.blocks:
        text = getattr(block, "text", None)
        if not text or not pattern.search(text):
            continue
        before = ""
        for sentence in split(text):
            if pattern.search(sentence.text):
                named = _named(sentence.text, labels) or _named(before, labels)
                names.extend(named)
            before = sentence.text
    return names


def _row_labels(document) -> list[str]:
    out = []
    for table in document.tables():
        for row in table.rows:
            for cell in row.cells:
                text = cell.text.strip()
                if len(text) >= 6 and re.search(r"[A-Za-z]{4}", text) and not re.search(r"\d[\d.,]*\s*%?$", text):
                    out.append(text)
    return out


def _named(sentence: str, labels: list[str]) -> list[str]:
    low = re.sub(r"\s+", " ", sentence.lower())
    return [label for label in labels if re.sub(r"\s+", " ", label.lower()) in low]
