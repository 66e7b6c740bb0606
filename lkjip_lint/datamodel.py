"""What the data classes of every package share: dumping to plain data and validating users' input.

The document, findings, rules and parameters are standard-library dataclasses, so a
check starts without importing pydantic (about a third of the start-up). A rule file a
user wrote is still validated by pydantic, which reads these dataclasses as they are;
it is imported only then (`validate`). A configuration file is checked by its JSON
schema (config.py).
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import PurePath
from typing import Any

# A field kept out of every dump (an index into one reading of one file means nothing outside it).
HIDDEN = {"dump": False}


class Strict:
    """Base of a class whose fields a user writes (parameters, settings): when pydantic validates it,
    an unknown key is an error (pydantic reads `__pydantic_config__` from the class)."""

    __pydantic_config__ = {"extra": "forbid"}


def hidden(default: Any = None) -> Any:
    """A field that is compared but never dumped."""
    return dataclasses.field(default=default, metadata=HIDDEN)


def dump(obj: Any, *, exclude_none: bool = False, json: bool = False) -> Any:
    """`obj` as dicts, lists and scalars: dataclass fields in order, hidden ones left out; with `json`,
    paths and decimals as JSON gives them (a path as text, a decimal as its string)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            if f.metadata.get("dump", True) is False:
                continue
            value = getattr(obj, f.name)
            if value is None and exclude_none:
                continue
            out[f.name] = dump(value, exclude_none=exclude_none, json=json)
        return out
    if isinstance(obj, dict):
        return {k: dump(v, exclude_none=exclude_none, json=json) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [dump(v, exclude_none=exclude_none, json=json) for v in obj]
    if json and isinstance(obj, PurePath):
        return str(obj)
    if json and isinstance(obj, Decimal):
        return str(obj)
    return obj


_ADAPTERS: dict[int, tuple] = {}


def validate(kind: Any, data: Any) -> Any:
    """`data` (a user's YAML, say) validated into `kind` (a dataclass, or a Tagged union of them) by pydantic:
    types converted, unknown keys refused when the class says so. Raises pydantic's ValidationError."""
    if isinstance(kind, Tagged):
        kind = kind.validated_type()
    held = _ADAPTERS.get(id(kind))  # by identity: a union with its discriminator cannot be hashed
    if held is None:
        from pydantic import TypeAdapter

        held = _ADAPTERS[id(kind)] = (kind, TypeAdapter(kind))
    return held[1].validate_python(data)


def validation_error() -> type[Exception]:
    """pydantic's ValidationError, imported only when something is validated."""
    from pydantic import ValidationError

    return ValidationError


class Tagged:
    """A union of dataclasses told apart by one field, the tag (`of:` of a relation kind's parameters):
    `of(tag)` is the class a tag names, `validated_type()` the union as pydantic validates it."""

    def __init__(self, *models: type, tag: str = "of") -> None:
        self.models, self.tag = models, tag
        self._by_tag: dict[str, type] | None = None
        self._validated: Any = None

    def of(self, value: str) -> type:
        if self._by_tag is None:
            self._by_tag = {t: m for m in self.models for t in _literal_values(m, self.tag)}
        return self._by_tag[value]

    def validated_type(self) -> Any:
        if self._validated is None:
            from typing import Annotated, Union

            from pydantic import Field

            self._validated = Annotated[Union[self.models], Field(discriminator=self.tag)]
        return self._validated


def _literal_values(model: type, name: str) -> tuple:
    """The values of a field annotated `Literal[...]`."""
    import typing

    return typing.get_args(typing.get_type_hints(model)[name])


class FieldError(ValueError):
    """A value a class refuses in its `__post_init__`, naming the field (pydantic reports the error
    at the class; engine.loader adds the field to the place it names)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def require_items(obj: Any) -> None:
    """Each list field its class names in MIN_ITEMS holds at least that many items (FieldError otherwise);
    tools/gen_schema.py writes the same bounds into the rule schema as minItems."""
    for name, least in getattr(type(obj), "MIN_ITEMS", {}).items():
        if len(getattr(obj, name)) < least:
            raise FieldError(name, f"List should have at least {least} item{'s' if least > 1 else ''}")
