"""Validate the bundled rule files against schemas/rule.schema.json and record their digests.

Run after editing rules/*.yaml:   python tools/validate_rules.py --write
The loader skips the schema validation (a third of the start-up) for a bundled
file whose content still has the recorded digest; tests/test_rules_engine.py
fails when the record is stale.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def digests() -> tuple[str, Path]:
    sys.path.insert(0, str(ROOT))
    from lkjip_lint.engine.loader import MANIFEST, VOCABULARY_FILES, load_rule_file, schema_errors
    from lkjip_lint.yamlio import safe_load

    lines = []
    for path in sorted((ROOT / "rules").glob("*.y*ml")):
        if path.name in VOCABULARY_FILES:
            continue
        raw = path.read_bytes()
        schema_errors(path, safe_load(raw.decode("utf-8")))  # raises RuleFileError
        load_rule_file(path, trust_record=False)  # parameters of every rule too, by pydantic
        lines.append(f"{hashlib.sha256(raw).hexdigest()}  {path.name}")
    return "\n".join(lines) + "\n", ROOT / "rules" / MANIFEST


if __name__ == "__main__":
    text, target = digests()
    if "--write" in sys.argv:
        target.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
