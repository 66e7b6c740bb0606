"""Load rule files: YAML (safe_load) validated by schemas/rule.schema.json, then
each rule's parameters by its check kind's Params class; a bundled file unchanged since
tools/validate_rules.py validated it comes from its record (datafiles.py) as it is."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lkjip_lint.checks import KINDS, RENAMED, load_kind, renamed
from lkjip_lint.checks.base import parse_params
from lkjip_lint.datafiles import read, yaml_error
from lkjip_lint.datamodel import FieldError, validation_error
from lkjip_lint.engine.rule import Rule
from lkjip_lint.resources import rules_dir, schema_path

# Files in rules/ that are vocabularies, not rule files.
VOCABULARY_FILES = {"tables.yaml", "indicators.yaml", "scales.yaml", "names.yaml", "claims.yaml"}


class RuleFileError(Exception):
    def __init__(self, path: Path, rule: str | None, field: str, reason: str) -> None:
        where = f"{path}" + (f", rule {rule}" if rule else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {reason}")
        self.path, self.rule, self.field, self.reason = path, rule, field, reason


@lru_cache(maxsize=1)
def _schema() -> dict:
    schema = json.loads(schema_path("rule.schema.json").read_text(encoding="utf-8"))
    return schema


def schema_errors(path: Path, data) -> None:
    """Validate one rule file's data against schemas/rule.schema.json; the first error names file, rule and field."""
    import jsonschema  # here: an unchanged bundled rule set never needs it

    validator = jsonschema.Draft202012Validator(_schema())
    # A rule's params are checked by its kind's Params model after this (load_rule_file), which names the
    # field and suggests a known measure; the schema's copy of that model (allOf) serves editors.
    errors = sorted((e for e in validator.iter_errors(data) if "allOf" not in e.absolute_schema_path),
                    key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        parts = list(err.absolute_path)
        rule_id = None
        if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
            try:
                rule_id = data["rules"][parts[1]].get("id") or f"#{parts[1] + 1}"
            except (KeyError, IndexError, TypeError, AttributeError):
                rule_id = f"#{parts[1] + 1}"
            parts = parts[2:]
        raise RuleFileError(path, rule_id, ".".join(str(p) for p in parts), err.message)


def load_rule_file(path: Path, *, trust_record: bool = True) -> list[Rule]:
    """The rules of one file. `trust_record`: a bundled file whose digest is recorded as validated is
    built without validating it again (tools/validate_rules.py, which records them, passes False)."""
    try:
        data, recorded = read(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, "", f"cannot be read ({exc})") from None
    except yaml_error() as exc:
        raise RuleFileError(path, None, "", f"not valid YAML ({exc.__class__.__name__}: {getattr(exc, 'problem', exc)})") from None
    _rename_kinds(path, data)
    trusted = trust_record and recorded
    if not trusted:
        schema_errors(path, data)
    rules = []
    for entry in data.get("rules", []):
        rule = Rule.from_data(entry, source=str(path))
        if trusted:  # validated at release: its parameters are built as they are when it runs
            rule.trusted = True
        else:
            rule.parsed = _validated_params(path, rule, load_kind(rule.kind))
        rules.append(rule)
    return rules


def _validated_params(path: Path, rule: Rule, module):
    """A user's rule's parameters validated by its kind's Params; RuleFileError naming the field when not."""
    try:
        return parse_params(module, rule.params)
    except validation_error() as exc:
        first = exc.errors()[0]
        loc = list(first["loc"])
        if hasattr(module, "DEFAULT_OF"):
            # a relation kind's parameters are a union tagged by `of:`: the first step names the tag
            loc = loc[1:] if loc else ["of"]
        refused = (first.get("ctx") or {}).get("error")
        if isinstance(refused, FieldError):  # refused by the class itself, which names the field
            loc.append(refused.field)
        field = "params" + "".join(f".{p}" for p in loc)
        raise RuleFileError(path, rule.id, field, first["msg"]) from None


def _rename_kinds(path: Path, data) -> None:
    """Rules naming a kind of earlier versions (checks.RENAMED) load as the relation kind that replaced
    it, with its `of:`; a note on stderr says what to write instead (README, "Kinds renamed")."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return
    for entry in data["rules"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str) or entry["kind"] not in RENAMED:
            continue
        old, params = entry["kind"], entry.get("params", {})
        kind, new_params = renamed(old, params if isinstance(params, dict) else {})
        entry["kind"] = kind
        if isinstance(params, dict):
            entry["params"] = new_params  # otherwise the schema says what is wrong with it
        _deprecated(path, entry.get("id"), old, kind, new_params["of"])


def _deprecated(path: Path, rule_id, old: str, kind: str, of: str) -> None:
    import sys

    extra = " (its `source:` is now `of:`)" if old == "count_claims" else ""
    print(f"lkjip-lint: {path}, rule {rule_id}: kind '{old}' is deprecated; write `kind: {kind}` with "
          f"`of: {of}` in its params{extra}. Loaded as such.", file=sys.stderr)


def load_rules(extra_dirs: tuple[Path, ...] = ()) -> list[Rule]:
    """The bundled rules, then each user folder's; a later rule with the same id replaces the earlier."""
    by_id: dict[str, Rule] = {}
    bundled = rules_dir()
    for folder in (bundled, *extra_dirs):
        if not folder.is_dir():
            raise RuleFileError(folder, None, "", "rule folder does not exist")
        for path in sorted(folder.glob("*.y*ml")):
            if path.name in VOCABULARY_FILES:
                if folder is not bundled:
                    _check_vocabulary(folder, path)
                continue
            for rule in load_rule_file(path):
                by_id[rule.id] = rule
    return list(by_id.values())


def _check_vocabulary(folder: Path, path: Path) -> None:
    """A user's vocabulary file (it extends the bundled one) must read and compile."""
    from lkjip_lint.interpret.vocabulary import check_user_file

    try:
        check_user_file(folder, path.name)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, "", str(exc)) from None
    except yaml_error() as exc:
        raise RuleFileError(path, None, "", f"not valid YAML ({exc.__class__.__name__}: {getattr(exc, 'problem', exc)})") from None
    except ValueError as exc:
        raise RuleFileError(path, None, "", str(exc)) from None


def known_kinds() -> tuple[str, ...]:
    return KINDS
