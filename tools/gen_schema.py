"""Regenerate schemas/lkjip.schema.json from the pydantic LKjIP model (interpret/export.py), and the
kinds and parameters of schemas/rule.schema.json from the registry (checks/__init__.py) and each
kind's `Params` model.

    python tools/gen_schema.py          # write the files
    python tools/gen_schema.py --check  # exit 1 when a committed file is stale

The generated parts are never edited by hand, so models and schemas cannot drift;
tests/test_data_input.py and tests/test_rules_engine.py fail when someone changes a
model and forgets this.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "schemas" / "lkjip.schema.json"
RULE_TARGET = TARGET.with_name("rule.schema.json")


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


def rule_schema() -> dict:
    """schemas/rule.schema.json with the registry's kinds and, per kind, its parameters (`Params`)."""
    sys.path.insert(0, str(TARGET.parent.parent))
    from pydantic import TypeAdapter

    from lkjip_lint.checks import KINDS, load_kind
    from lkjip_lint.datamodel import Tagged

    body = json.loads(RULE_TARGET.read_text(encoding="utf-8"))
    defs = body["$defs"]
    defs["rule"]["properties"]["kind"]["enum"] = list(KINDS)
    for name in [k for k in defs if k.startswith("params_")]:
        del defs[name]
    cases = []
    for kind in KINDS:
        model = load_kind(kind).Params
        ref = f"params_{kind}"
        adapter = TypeAdapter(model.validated_type() if isinstance(model, Tagged) else model)
        template = f"#/$defs/{ref}_{{model}}"
        params = adapter.json_schema(ref_template=template)
        module = load_kind(kind)
        for sub, schema in params.pop("$defs", {}).items():
            defs[f"{ref}_{sub}"] = _with_min_items(schema, getattr(module, sub, None))
        _with_min_items(params, None if isinstance(model, Tagged) else model)
        params["title"] = f"Parameters of the kind {kind}"
        defs[ref] = params
        cases.append({"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                      "then": {"properties": {"params": {"$ref": f"#/$defs/{ref}"}}}})
    defs["rule"]["allOf"] = cases
    return body


def _with_min_items(schema: dict, model) -> dict:
    """The class's MIN_ITEMS (checked in its __post_init__) as minItems, for editors."""
    for name, least in getattr(model, "MIN_ITEMS", {}).items():
        prop = schema["properties"][name]
        schema["properties"][name] = dict(sorted({**prop, "minItems": least}.items()))  # pydantic's order
    return schema


def rule_schema_text() -> str:
    return json.dumps(rule_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    stale = 0
    for target, text in ((TARGET, schema_text()), (RULE_TARGET, rule_schema_text())):
        if "--check" in argv:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                print(f"{target} is stale: run python tools/gen_schema.py", file=sys.stderr)
                stale = 1
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
