"""Markup that text conversions leave in lines and cells, removed the same way by every reader."""
from __future__ import annotations

import re


def clean_cell(text: str) -> str:
    """Drop markup conversions leave in cells: <i>, **bold**, LaTeX math delimiters."""
    text = re.sub(r"</?(i|b|em|strong|u|sup|sub)>", "", text, flags=re.I)
    text = text.replace("**", "").strip()
    if text.startswith("*") and text.endswith("*") and len(text) > 2:
        text = text[1:-1]
    return text.strip()


def plain(text: str) -> str:
    """A line's text without markup: what titles and captions are matched against."""
    return clean_cell(text.replace("**", "")).strip()
