"""Reading the YAML data files: rules and vocabularies, bundled or a user's.

`tools/validate_rules.py --write` validates the bundled rule files and records every
bundled YAML file in rules/bundled.json: its digest and its data as JSON. A bundled
file whose digest still matches is read from that record (JSON reads in a fraction of
the time and needs no YAML parser, so a check starts without importing PyYAML); its
rules need not be validated again (engine/loader.py). Any other file, and a bundled
one edited since, is parsed as YAML (yamlio.safe_load: safe and bounded).
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from lkjip_lint.resources import rules_dir

RECORD = "bundled.json"


@lru_cache(maxsize=1)
def _record() -> dict[str, dict]:
    try:
        return json.loads((rules_dir() / RECORD).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no record (a checkout before the tool ran): every file is parsed


def read(path: Path, raw: bytes | None = None) -> tuple[Any, bool]:
    """(the file's data, whether it came from the record of a bundled file unchanged since it was
    validated). YAML errors are yaml.YAMLError (see yaml_error)."""
    raw = path.read_bytes() if raw is None else raw
    entry = _record().get(path.name)
    if entry is not None and entry.get("sha256") == hashlib.sha256(raw).hexdigest() \
            and path.parent.resolve() == rules_dir().resolve():
        return json.loads(entry["json"]), True  # a fresh copy each time: callers may change it
    from lkjip_lint.yamlio import safe_load

    return safe_load(raw.decode("utf-8")), False


def load(path: Path) -> Any:
    """The file's data (see read)."""
    return read(path)[0]


def yaml_error() -> type[Exception]:
    """PyYAML's error class, imported only when an `except` clause needs it (something was parsed)."""
    import yaml

    return yaml.YAMLError


def record_entry(raw: bytes) -> dict:
    """What the record holds for one file (tools/validate_rules.py): its digest and its data as JSON,
    which must read back as the same data (a YAML date or a number as a key would not)."""
    from lkjip_lint.yamlio import safe_load

    data = safe_load(raw.decode("utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # key order kept: it may matter
    if json.loads(text) != data:
        raise ValueError("its data does not survive JSON (a date, or a key that is not text?)")
    return {"sha256": hashlib.sha256(raw).hexdigest(), "json": text}
