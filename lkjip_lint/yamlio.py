"""YAML reading: always safe (no object construction), with libyaml's speed when present."""
from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 — CSafeLoader/SafeLoader construct plain data only
