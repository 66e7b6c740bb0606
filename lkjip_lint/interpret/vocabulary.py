"""The table vocabulary of rules/tables.yaml, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from lkjip_lint.resources import rules_dir
from lkjip_lint.yamlio import safe_load


def _compile(patterns: list[str]) -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in patterns]


@dataclass
class RoleEntry:
    role: str
    patterns: list[re.Pattern]
    context: str | None = None


@dataclass
class KindEntry:
    kind: str
    caption: list[re.Pattern] = field(default_factory=list)
    header: list[re.Pattern] = field(default_factory=list)
    roles_all: list[str] = field(default_factory=list)
    roles_any: list[str] = field(default_factory=list)
    roles_none: list[str] = field(default_factory=list)
    multi_year: bool = False


@dataclass
class Vocabulary:
    roles: list[RoleEntry]
    context: dict[str, list[re.Pattern]]
    row_total: list[re.Pattern]
    rows: dict[str, list[re.Pattern]]
    kinds: list[KindEntry]
    # Answers per header or label already seen: a report repeats them, and matching every
    # pattern again for each of thousands of tables would dominate the reading time.
    role_cache: dict = field(default_factory=dict, repr=False, compare=False)
    row_type_cache: dict = field(default_factory=dict, repr=False, compare=False)

    def row_type(self, label: str) -> str | None:
        if label in self.row_type_cache:
            return self.row_type_cache[label]
        found = next((name for name, patterns in self.rows.items() if any(p.search(label) for p in patterns)), None)
        if len(self.row_type_cache) < 100_000:
            self.row_type_cache[label] = found
        return found


@lru_cache(maxsize=8)
def load_vocabulary(extra_dirs: tuple[Path, ...] = ()) -> Vocabulary:
    """Bundled vocabulary, with entries from users' tables.yaml tried first."""
    sources = [d / "tables.yaml" for d in extra_dirs if (d / "tables.yaml").is_file()]
    sources.append(rules_dir() / "tables.yaml")
    roles: list[RoleEntry] = []
    kinds: list[KindEntry] = []
    context: dict[str, list[re.Pattern]] = {}
    row_total: list[re.Pattern] = []
    rows: dict[str, list[re.Pattern]] = {}
    for path in sources:
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("roles", []):
            roles.append(RoleEntry(entry["role"], _compile(entry["match"]), entry.get("context")))
        for name, patterns in (data.get("context") or {}).items():
            context.setdefault(name, []).extend(_compile(patterns))
        row_total.extend(_compile(data.get("row_total", [])))
        for name, patterns in (data.get("rows") or {}).items():
            rows.setdefault(name, []).extend(_compile(patterns))
        for entry in data.get("kinds", []):
            kinds.append(
                KindEntry(
                    kind=entry["kind"],
                    caption=_compile(entry.get("caption", [])),
                    header=_compile(entry.get("header", [])),
                    roles_all=entry.get("roles_all", []),
                    roles_any=entry.get("roles_any", []),
                    roles_none=entry.get("roles_none", []),
                    multi_year=bool(entry.get("multi_year", False)),
                )
            )
    return Vocabulary(roles, context, row_total, rows, kinds)
