"""Input errors: a file that cannot be read becomes one clear message, never a traceback."""
from __future__ import annotations


class InputError(Exception):
    """A file could not be read. `code` picks the translated message in messages.py."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values
