"""Validate the bundled rule files and record every bundled YAML file in rules/bundled.json.

Run after editing rules/*.yaml:   python tools/validate_rules.py --write
Each rule file is validated against schemas/rule.schema.json and each rule's parameters
against its kind (with pydantic); then every file (rules and vocabularies) is recorded
with its digest and its data as JSON (lkjip_lint/datafiles.py). A bundled file whose
digest still matches is read from the record and not validated again, so a check
starts without PyYAML, jsonschema or pydantic; tests/test_rules_engine.py fails when
the record is stale.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def record() -> tuple[str, Path]:
    """The record's text (rule files validated first; raises RuleFileError) and where it goes."""
    sys.path.insert(0, str(ROOT))
    from lkjip_lint.datafiles import RECORD, record_entry
    from lkjip_lint.engine.loader import VOCABULARY_FILES, load_rule_file, schema_errors
    from lkjip_lint.yamlio import safe_load

    files = {}
    for path in sorted((ROOT / "rules").glob("*.y*ml")):
        raw = path.read_bytes()
        if path.name not in VOCABULARY_FILES:
            schema_errors(path, safe_load(raw.decode("utf-8")))  # raises RuleFileError
            load_rule_file(path, trust_record=False)  # parameters of every rule too, by pydantic
        files[path.name] = record_entry(raw)
    text = json.dumps({"about": "written by tools/validate_rules.py --write; never edited by hand",
                       "files": files}, ensure_ascii=False, indent=1) + "\n"
    return text, ROOT / "rules" / RECORD


if __name__ == "__main__":
    text, target = record()
    if "--write" in sys.argv:
        target.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
