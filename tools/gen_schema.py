"""Regenerate schemas/lkjip.schema.json from the pydantic LKjIP model (interpret/export.py).

    python tools/gen_schema.py          # write the file
    python tools/gen_schema.py --check  # exit 1 when the committed file is stale

The schema is generated, never edited by hand, so model and schema cannot drift;
tests/test_data_input.py fails when someone changes the model and forgets this.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "schemas" / "lkjip.schema.json"


def schema() -> dict:
    from lkjip_lint.interpret.export import LkjipModel

    body = LkjipModel.model_json_schema()
    # Describe the file, not the Python class; the draft pydantic targets is 2020-12.
    body["title"] = "LKjIP report data (lkjip-lint)"
    body["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # the default names the tool version: leave it out so a release does not make the schema stale
    body["properties"]["generator"].pop("default", None)
    return body


def schema_text() -> str:
    # sort_keys: the same model always gives byte-identical output, whatever dict order pydantic uses
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = schema_text()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python tools/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
