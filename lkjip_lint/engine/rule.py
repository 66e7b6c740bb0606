"""The Rule model: one entry of a rules/*.yaml file (validated by schemas/rule.schema.json)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lkjip_lint.datamodel import hidden
from lkjip_lint.finding import Severity


@dataclass(kw_only=True)
class Text:
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


@dataclass(kw_only=True)
class Example:
    """A rule's good and bad example, in the compact notation of `examples:` or as report data."""

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


@dataclass(kw_only=True)
class AppliesTo:
    """What a rule applies to: the table kinds (none: every table) and the column roles it needs."""

    table_kinds: list[str] = field(default_factory=list)  # empty: every table
    columns: list[str] = field(default_factory=list)  # column roles the rule needs


@dataclass(kw_only=True)
class Rule:
    """One rule of a rule file: its code and name, kind, severity, texts, parameters and examples."""

    id: str
    name: str
    kind: str
    severity: Severity
    summary: Text
    message: Text
    variants: dict[str, Text] = field(default_factory=dict)
    applies_to: AppliesTo = field(default_factory=AppliesTo)
    params: dict[str, Any] = field(default_factory=dict)
    examples: Example = field(default_factory=Example)
    source: str = ""  # the file the rule came from
    # the parameters as its kind's Params (checks.base.parse_params): a user's rule's when it is loaded
    # (validated), a bundled one's when it first runs (its kind imported only then, on the process
    # that runs it: engine.split)
    parsed: Any = hidden()
    trusted: bool = hidden(False)  # from a bundled file validated at release: parameters built as they are

    @classmethod
    def from_data(cls, entry: dict, source: str = "") -> "Rule":
        """A rule from one entry of a rule file that the schema has validated (nested texts as dicts)."""
        data = dict(entry)
        for key in ("summary", "message"):
            data[key] = Text(**data[key])
        data["variants"] = {k: Text(**v) for k, v in (data.get("variants") or {}).items()}
        data["applies_to"] = AppliesTo(**(data.get("applies_to") or {}))
        data["examples"] = Example(**(data.get("examples") or {}))
        return cls(**data, source=source)

    def template(self, variant: str, lang: str) -> str:
        text = self.variants.get(variant, self.message)
        return text.get(lang)
