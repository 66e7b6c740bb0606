"""The Rule model: one entry of a rules/*.yaml file (validated by schemas/rule.schema.json)."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from lkjip_lint.finding import Severity


class Text(BaseModel):
    """A text in both languages of the tool."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


# The compact notation of `examples:`: " ⏎ " ends a line (" ⏎ ⏎ " leaves an empty one),
# " | " separates table cells; a line may start ("| Jumlah | 9") or end with an empty cell.
# An example that starts with "--- " is report data (YAML, as `lkjip-lint extract` writes it).
_LINE_BREAK = re.compile(r" ?⏎ ?")
DATA_MARK = "--- "
_CELL_BREAK = re.compile(r"(?:^|(?<= ))\|(?= |$)")


def decode_example(text: str) -> str:
    """The report text an example stands for: one line per line, tab-separated cells."""
    if is_data_example(text):
        return text
    lines = []
    for line in _LINE_BREAK.split(text):
        if _CELL_BREAK.search(line):
            line = "\t".join(cell.strip() for cell in _CELL_BREAK.split(line))
        lines.append(line)
    return "\n".join(lines)


def is_data_example(text: str) -> bool:
    return text.startswith(DATA_MARK)


class Example(BaseModel):
    good: str | None = None
    bad: str | None = None

    def decoded(self, which: str) -> str | None:
        """The good or bad example as report text (see decode_example), or None when there is none."""
        text = getattr(self, which)
        return decode_example(text) if text else None

    def suffix(self, which: str) -> str:
        """The file suffix the example is read with: .yaml for report data, .txt for a report."""
        text = getattr(self, which) or ""
        return ".yaml" if is_data_example(text) else ".txt"


class AppliesTo(BaseModel):
    table_kinds: list[str] = Field(default_factory=list)  # empty: every table
    columns: list[str] = Field(default_factory=list)  # column roles the rule needs


class Rule(BaseModel):
    id: str
    name: str
    kind: str
    severity: Severity
    summary: Text
    message: Text
    variants: dict[str, Text] = Field(default_factory=dict)
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    params: dict[str, Any] = Field(default_factory=dict)
    examples: Example = Field(default_factory=Example)
    source: str = ""  # the file the rule came from

    def template(self, variant: str, lang: str) -> str:
        text = self.variants.get(variant, self.message)
        return text.get(lang)
