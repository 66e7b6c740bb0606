"""YAML reading: always safe (no object construction), with libyaml's speed when present,
and bounded: aliases may make a small file stand for a huge tree ("billion laughs"), so
the loaded value is walked, counting every value reached through every alias, and
refused past MAX_NODES values or MAX_DEPTH levels. The walk stops at the limit, so the
cost is bounded however far the aliases would expand."""
from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 200_000  # the bundled rules and vocabularies hold a few thousand
MAX_DEPTH = 50


class YAMLTooLarge(yaml.YAMLError):
    """The document expands past the limits (a YAMLError, so callers report it as invalid YAML)."""


def safe_load(text: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 — CSafeLoader/SafeLoader construct plain data only
    bounded(data, max_nodes, max_depth)
    return data


def bounded(data: Any, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> None:
    """Raise YAMLTooLarge when `data`, expanded, holds more than max_nodes values or nests deeper than max_depth."""
    nodes = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise YAMLTooLarge(f"more than {max_nodes} values once aliases are expanded; refused")
        if depth > max_depth:
            raise YAMLTooLarge(f"nested deeper than {max_depth} levels; refused")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
            stack.extend((k, depth + 1) for k in item if isinstance(k, (tuple, frozenset)))
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)
