"""The vocabularies of rules/: tables.yaml compiled here; claims.yaml, indicators.yaml,
names.yaml and scales.yaml compiled on first use by the module that reads them.

A user rule folder (`--rules`) may hold any of these files: its entries come before
the bundled ones (see merge_entries). One Vocabulary is built per set of folders and
travels on the Report, so no reader of words keeps global state of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from lkjip_lint.resources import rules_dir
from lkjip_lint.datafiles import load


def _compile(patterns: list[str]) -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in patterns]


@dataclass
class RoleEntry:
    """A column role of tables.yaml: the header patterns that give it, and the context it is limited to."""

    role: str
    patterns: list[re.Pattern]
    context: str | None = None


@dataclass
class KindEntry:
    """A table kind of tables.yaml: its caption and header patterns, the column roles it needs or excludes."""

    kind: str
    caption: list[re.Pattern] = field(default_factory=list)
    header: list[re.Pattern] = field(default_factory=list)
    roles_all: list[str] = field(default_factory=list)
    roles_any: list[str] = field(default_factory=list)
    roles_none: list[str] = field(default_factory=list)
    multi_year: bool = False


@dataclass
class Vocabulary:
    """The vocabularies of rules/ for one set of rule folders: tables.yaml compiled, the rest on first use."""

    roles: list[RoleEntry]
    context: dict[str, list[re.Pattern]]
    row_total: list[re.Pattern]
    rows: dict[str, list[re.Pattern]]
    kinds: list[KindEntry]
    # Answers per header or label already seen: a report repeats them, and matching every
    # pattern again for each of thousands of tables would dominate the reading time.
    role_cache: dict = field(default_factory=dict, repr=False, compare=False)
    row_type_cache: dict = field(default_factory=dict, repr=False, compare=False)
    extra_dirs: tuple[Path, ...] = ()  # the user folders whose files extend the bundled ones

    # Compiled on first use, so start-up and a check that needs none of them pay nothing.
    @cached_property
    def claims(self):
        from lkjip_lint.interpret.claims import ClaimWords

        return ClaimWords(vocabulary_data("claims.yaml", self.extra_dirs))

    @cached_property
    def indicators(self):
        from lkjip_lint.interpret.polarity import IndicatorWords

        return IndicatorWords(vocabulary_data("indicators.yaml", self.extra_dirs))

    @cached_property
    def names(self):
        from lkjip_lint.interpret.name_words import NameWords

        return NameWords(vocabulary_data("names.yaml", self.extra_dirs))

    @cached_property
    def scales(self):
        from lkjip_lint.interpret.scale import ScaleBook

        return ScaleBook(vocabulary_data("scales.yaml", self.extra_dirs))

    def row_type(self, label: str) -> str | None:
        if label in self.row_type_cache:
            return self.row_type_cache[label]
        found = next((name for name, patterns in self.rows.items() if any(p.search(label) for p in patterns)), None)
        if len(self.row_type_cache) < 100_000:
            self.row_type_cache[label] = found
        return found


@lru_cache(maxsize=8)
def load_vocabulary(extra_dirs: tuple[Path, ...] = ()) -> Vocabulary:
    """Bundled vocabulary, with entries from users' tables.yaml tried first (and, on first use,
    their claims, indicators, names and scales files)."""
    sources = [d / "tables.yaml" for d in extra_dirs if (d / "tables.yaml").is_file()]
    sources.append(rules_dir() / "tables.yaml")
    roles: list[RoleEntry] = []
    kinds: list[KindEntry] = []
    context: dict[str, list[re.Pattern]] = {}
    row_total: list[re.Pattern] = []
    rows: dict[str, list[re.Pattern]] = {}
    for path in sources:
        data = load(path) or {}
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
    return Vocabulary(roles, context, row_total, rows, kinds, extra_dirs=extra_dirs)


def vocabulary_data(name: str, extra_dirs: tuple[Path, ...] = ()) -> dict:
    """One vocabulary file (claims.yaml, indicators.yaml, names.yaml, scales.yaml): the users'
    copies in `extra_dirs` merged before the bundled one (the first folder first)."""
    data = _read(rules_dir() / name)
    for folder in reversed(extra_dirs):
        if (folder / name).is_file():
            data = merge_entries(_read(folder / name), data)
    return data


# The Vocabulary attribute each vocabulary file compiles to (tables.yaml: the Vocabulary itself).
COMPILED_AS = {"claims.yaml": "claims", "indicators.yaml": "indicators", "names.yaml": "names", "scales.yaml": "scales"}


def check_user_file(folder: Path, name: str) -> None:
    """Compile a user's vocabulary file over the bundled one now, so that a broken file is an
    error at start (ValueError naming the problem), not a failure in the middle of a check."""
    try:
        vocab = load_vocabulary((folder,))
        if name in COMPILED_AS:
            getattr(vocab, COMPILED_AS[name])
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ValueError(f"not a valid {name} vocabulary ({exc.__class__.__name__}: {exc})") from None


def _read(path: Path) -> dict:
    data = load(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"a vocabulary file is a mapping of names to entries, not a {type(data).__name__}")
    return data


def merge_entries(user: Any, bundled: Any, depth: int = 0) -> Any:
    """A user's vocabulary over the bundled one: lists are extended (user entries first, so they
    are tried first), mappings merged key by key (new keys first); a named entry that is itself a
    mapping (a scale under `scales:`) and a single value (`window`, `default`) are replaced."""
    if isinstance(user, list) and isinstance(bundled, list):
        return user + [entry for entry in bundled if entry not in user]
    if isinstance(user, dict) and isinstance(bundled, dict) and depth < 2:
        merged = {key: value for key, value in user.items() if key not in bundled}
        for key, value in bundled.items():
            merged[key] = merge_entries(user[key], value, depth + 1) if key in user else value
        return merged
    return user
