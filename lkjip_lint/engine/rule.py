"""The Rule model: one entry of a rules/*.yaml file (validated by schemas/rule.schema.json)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from lkjip_lint.finding import Severity


class Text(BaseModel):
    """A text in both languages of the tool."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


class Example(BaseModel):
    good: str | None = None
    bad: str | None = None


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
