"""Where the bundled rules/ and schemas/ are: inside the wheel, or at the top of a checkout."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """`rules` or `schemas`: packaged copy first (wheel), then the source tree (editable install)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lkjip-lint data folder '{name}' is missing from the installation")


def rules_dir() -> Path:
    return data_dir("rules")


def schema_path(name: str) -> Path:
    return data_dir("schemas") / name
