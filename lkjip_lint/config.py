"""Configuration: `.lkjip-lint.yaml` / `.lkjip-lint.yml` or `[tool.lkjip-lint]` in pyproject.toml.

Discovery walks from the checked file's folder up to the filesystem root; the
first folder holding a config wins, and inside one folder `.lkjip-lint.yaml`
beats `.lkjip-lint.yml` beats `pyproject.toml`. A pyproject.toml without a
`[tool.lkjip-lint]` table does not count (as in ruff), so a project's unrelated
pyproject does not hide a config further up. `--config FILE` skips discovery.

The file is validated against `schemas/config.schema.json` (unknown keys are
errors naming the key and the file), then loaded into the `Config` model.
Command-line flags win over the file through `Config.merge_cli`.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal, get_args

from lkjip_lint.datamodel import Strict, dump

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # 3.10: tomli when installed, else no pyproject discovery
    try:
        import tomli as tomllib  # type: ignore[no-redef]
    except ModuleNotFoundError:
        tomllib = None  # type: ignore[assignment]

YAML_NAMES = (".lkjip-lint.yaml", ".lkjip-lint.yml")
PYPROJECT = "pyproject.toml"
TOOL_KEY = "lkjip-lint"
SCHEMA_NAME = "config.schema.json"


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names file and key."""


Lang = Literal["id", "en"]
Level = Literal["error", "warning", "info"]
LevelOrOff = Literal["error", "warning", "info", "off"]


def _one_of(name: str, value: Any, choices: Any) -> None:
    allowed = get_args(choices)
    if value not in allowed:
        raise ValueError(f"{name}: Input should be {' or '.join(repr(a) for a in allowed)}, not {value!r}")


@dataclass(kw_only=True)
class Band(Strict):
    """One band of a configured category scale: its lowest value, its highest (optional), its label."""

    min: float
    max: float | None = None
    label: str


@dataclass(kw_only=True)
class Subject(Strict):
    """The report's subject as configured (kind, name, kabupaten), overriding the one read from the report."""

    kind: str | None = None
    name: str | None = None
    kabupaten: str | None = None


@dataclass(kw_only=True)
class Config(Strict):
    """The settings of a run. Built from a file only after schemas/config.schema.json has validated it."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, LevelOrOff] = field(default_factory=dict)
    rules: list[Path] = field(default_factory=list)  # absolute after loading
    scale: str | list[Band] | None = None
    subject: Subject | None = None
    year: int | None = None
    negative_indicators: list[str] = field(default_factory=list)
    lang: Lang = "id"
    fail_on: Level = "error"
    max_file_mb: float = 20
    efficiency: bool | dict[str, Any] | None = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob (relative to the config) -> codes
    check_timeout: float = 20  # seconds one check may take on one file
    source: Path | None = None  # the file this came from; None for defaults

    def __post_init__(self) -> None:
        # a file's values were checked by the schema; the command line's (and a web form's) are checked here
        _one_of("lang", self.lang, Lang)
        _one_of("fail_on", self.fail_on, Level)
        for code, level in self.severity.items():
            _one_of(f"severity.{code}", level, LevelOrOff)
        # nested settings come as the file or the command line gives them
        if isinstance(self.subject, dict):
            self.subject = Subject(**self.subject)
        if isinstance(self.scale, list):
            self.scale = [b if isinstance(b, Band) else Band(**b) for b in self.scale]
        self.rules = [Path(p) for p in self.rules]
        self.max_file_mb, self.check_timeout = float(self.max_file_mb), float(self.check_timeout)

    def merge_cli(self, **overrides: Any) -> "Config":
        """A copy with command-line values on top.

        None (and an empty tuple, which is what click gives for an absent
        `multiple=True` option) means "not given". `select` replaces the file's
        list, `ignore`, `rules` and `severity` add to it (as in ruff, a CLI
        --ignore never re-enables what the file ignores). List values may be
        comma-separated strings ("SUM,TAB001").
        """
        data = dump(self)
        names = {f.name for f in dataclasses.fields(Config)}
        for key, value in overrides.items():
            if key not in names or key == "source":
                raise ConfigError(f"unknown option {key!r}")
            if value is None or (isinstance(value, (list, tuple)) and not value):
                continue
            if key in ("select", "ignore", "negative_indicators"):
                value = _split(value)
            if key in ("ignore", "rules"):
                value = list(dict.fromkeys([*data[key], *(Path(v) if key == "rules" else v for v in value)]))
            elif key == "severity":
                value = {**data["severity"], **dict(value)}
            data[key] = value
        try:
            return Config(**data)
        except (TypeError, ValueError) as exc:  # click has typed every value; this is a safety net
            raise ConfigError(f"command line: {exc}") from None


# ---- loading ---------------------------------------------------------------

def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The explicit file, else the one discovered from `start`, else defaults."""
    if path is not None:
        return _load(Path(path), explicit=True)
    found = discover(Path(start) if start is not None else Path.cwd())
    return _load(found) if found is not None else Config()


def discover(start: Path) -> Path | None:
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for d in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (d / name).is_file():
                return d / name
        pyproject = d / PYPROJECT
        if tomllib is not None and pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _pyproject_table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # during discovery a broken unrelated pyproject is not ours to judge
    table = data.get("tool", {}).get(TOOL_KEY)
    return table if isinstance(table, dict) else None


def _load(path: Path, explicit: bool = False) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        data = _read_toml(path, text)
    else:
        data = _read_yaml(path, text)
    data = _normalise(data)
    validate(data, path)
    rules = [(path.parent / p).resolve() for p in data.pop("rules", [])]
    try:
        return Config(**{**data, "rules": rules, "source": path.resolve()})
    except (TypeError, ValueError) as exc:  # the schema catches everything; this is a safety net
        raise ConfigError(f"{path}: {exc}") from None


def _read_yaml(path: Path, text: str) -> dict:
    import yaml  # here: without a configuration file (the common case) no YAML is parsed at all

    from lkjip_lint.yamlio import safe_load

    try:
        data = safe_load(text)  # safe_load only: a config file must not build Python objects
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values")
    return data


def _read_toml(path: Path, text: str) -> dict:
    if tomllib is None:
        raise ConfigError(f"{path}: reading TOML needs Python 3.11+ or the 'tomli' package")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get(TOOL_KEY)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [tool.{TOOL_KEY}] table")
    return table


def _normalise(data: dict) -> dict:
    known = set(_schema()["properties"])
    out = {}
    for key, value in data.items():
        # TOML users write fail-on; accept it when the snake_case form is a known key.
        alt = key.replace("-", "_") if isinstance(key, str) else key
        out[alt if alt in known else key] = value
    if isinstance(out.get("severity"), dict):
        # YAML 1.1 reads a bare `off` as false: take it as meant.
        out["severity"] = {k: ("off" if v is False else v) for k, v in out["severity"].items()}
    return out


# ---- validation ------------------------------------------------------------

def schema_path() -> Path:
    # Installed: lkjip_lint/schemas (force-included); from a checkout: ./schemas.
    here = Path(__file__).resolve().parent
    for candidate in (here / "schemas" / SCHEMA_NAME, here.parent / "schemas" / SCHEMA_NAME):
        if candidate.is_file():
            return candidate
    raise ConfigError(f"{SCHEMA_NAME} not found next to the package")


_SCHEMA: dict | None = None


def _schema() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
    return _SCHEMA


def validate(data: dict, path: Path | str) -> None:
    """Raise ConfigError naming the file and the JSON path of the first problem."""
    # imported here: without a config file (the common case) jsonschema is not needed at all
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    errors = list(Draft202012Validator(_schema()).iter_errors(data))
    if not errors:
        return
    unknown = [e for e in errors if e.validator == "additionalProperties"]
    if unknown:
        err = min(unknown, key=lambda e: len(e.absolute_path))
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        key = str(extra[0]) if extra else "?"
        where = ".".join(str(p) for p in err.absolute_path)
        full = f"{where}.{key}" if where else key
        hint = difflib.get_close_matches(key, allowed, n=1)
        more = f" (did you mean {hint[0]!r}?)" if hint else f" (allowed: {', '.join(allowed)})"
        raise ConfigError(f"{path}: unknown key {full!r}{more}")
    err = best_match(errors)
    hint = err.schema.get("description") if err.validator in ("oneOf", "anyOf") else None
    raise ConfigError(f"{path}: {err.json_path}: {err.message}" + (f" — {hint}" if hint else ""))


# ---- rule selection --------------------------------------------------------

def _split(value: str | Iterable[str]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _specificity(rule_id: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching rule_id; 0 for ALL; -1 for none."""
    best = -1
    rid = rule_id.upper()
    for s in selectors:
        s = s.strip().upper()
        if s == "ALL":
            best = max(best, 0)
        elif s and rid.startswith(s):
            best = max(best, len(s))
    return best


def select_rules(rule_ids: Iterable[str], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> set[str]:
    """Ruff-like selection: codes or prefixes; empty select means all rules;
    an ignore at least as specific as the best matching select wins."""
    select, ignore = _split(select), _split(ignore)
    chosen = set()
    for rid in rule_ids:
        sel = _specificity(rid, select) if select else 0
        if sel < 0:
            continue
        ign = _specificity(rid, ignore)
        if ign >= 0 and ign >= sel:
            continue
        chosen.add(rid)
    return chosen


def unknown_selectors(rule_ids: Iterable[str], selectors: Iterable[str]) -> list[str]:
    """Selectors that match no rule (typos worth a warning)."""
    ids = list(rule_ids)
    return [s for s in _split(selectors) if s.upper() != "ALL" and all(_specificity(r, [s]) < 0 for r in ids)]


def unknown_codes(config: Config, rule_ids: Iterable[str], cli: dict[str, Iterable[str]] | None = None) -> None:
    """Raise ConfigError for the first code or prefix (in select, ignore, severity or
    per-file-ignores) that matches no rule: a typo there silently switches checks off
    or on, so it fails like an unknown key, with the nearest code as a hint."""
    ids = sorted(set(rule_ids))
    cli = {k: {s.upper() for s in _split(v)} for k, v in (cli or {}).items()}
    where_file = str(config.source) if config.source else "configuration"
    places: list[tuple[str, list[str]]] = [("select", config.select), ("ignore", config.ignore),
                                           ("severity", list(config.severity))]
    places += [(f"per-file-ignores.{pattern}", codes) for pattern, codes in config.per_file_ignores.items()]
    for key, selectors in places:
        for s in unknown_selectors(ids, selectors):
            origin = f"--{key}" if s.upper() in cli.get(key, set()) else f"{where_file}: {key}"
            hint = nearest_code(s, ids)
            raise ConfigError(f"{origin}: unknown rule code {s!r}"
                              + (f" (did you mean {hint!r}?)" if hint else " (`lkjip-lint rules` lists the codes)"))


def nearest_code(code: str, ids: list[str]) -> str | None:
    """The rule code or family prefix closest to a mistyped one, if any is close."""
    prefixes = sorted({m.group(0) for r in ids if (m := re.match(r"[A-Z]+", r))})
    hint = difflib.get_close_matches(code.upper(), list(ids) + prefixes, n=1, cutoff=0.5)
    return hint[0] if hint else None


def severity_for(rule_id: str, default: str, mapping: dict[str, str]) -> str | None:
    """The configured severity for a rule (most specific code/prefix wins); None when 'off'."""
    best, value = -1, default
    for key, sev in mapping.items():
        n = _specificity(rule_id, [key])
        if n > best:
            best, value = n, sev
    return None if value == "off" else value
