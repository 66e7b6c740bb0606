"""Readers: one module per input format, each `read(path) -> Document`.

`read_any` sniffs the content (a PDF renamed .docx is still a PDF) and maps every
failure to an InputError with a translated message; nothing here raises anything else.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from lkjip_lint.document import Document
from lkjip_lint.readers.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DATA_SUFFIXES = {".yaml", ".yml", ".json"}
SUFFIXES = TEXT_SUFFIXES | DATA_SUFFIXES | {".docx", ".pdf", ".doc"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def sniff(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if path.suffix.lower() in DATA_SUFFIXES:
        return "data"
    if path.suffix.lower() in (".docx", ".pdf"):
        return "corrupt"  # claims to be a binary format but is not
    return "text"


def read_any(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too_large", size_mb=round(size / 1048576, 1), limit_mb=round(max_bytes / 1048576, 1))
        if size == 0:
            raise InputError("empty")
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError("unreadable", reason=exc.strerror or str(exc)) from None
    fmt = sniff(path, head)
    if fmt == "doc":
        raise InputError("doc")
    if fmt == "corrupt":
        raise InputError("corrupt", kind=path.suffix.lower().lstrip("."))
    module = {"text": "text", "docx": "docx", "pdf": "pdf", "data": "data"}[fmt]
    try:
        reader = importlib.import_module(f"lkjip_lint.readers.{module}")
    except ImportError:
        raise InputError("unsupported", kind=fmt) from None
    try:
        return reader.read(path)
    except InputError:
        raise
    except RecursionError:
        raise InputError("too_complex") from None
    except MemoryError:
        raise InputError("too_large", size_mb=round(size / 1048576, 1), limit_mb=round(max_bytes / 1048576, 1)) from None
    except Exception as exc:  # a reader bug or a file it cannot handle: a message, not a traceback
        raise InputError("corrupt_detail", kind=fmt, reason=f"{type(exc).__name__}: {str(exc)[:200]}") from None
