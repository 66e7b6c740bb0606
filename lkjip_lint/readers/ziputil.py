"""Open a DOCX (a zip) without trusting it.

A zip states each member's sizes in its central directory; a zip bomb states (or
hides) a huge uncompressed size. We refuse on the declared figures before reading
anything, and read members with a hard cap so a lying header cannot slip through.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lkjip_lint.readers.errors import InputError

MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed size of all members
MAX_RATIO = 100  # uncompressed / compressed, per member
MAX_MEMBERS = 10_000
MAX_PART = 64 * 1024 * 1024  # one part we parse (document.xml of the 35-page report: 0.36 MB)
# Tiny members can have any ratio without harm (an empty part compresses 1000x);
# only members big enough to matter are held to MAX_RATIO.
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1 << 16


def open_zip(path: Path, kind: str = "docx") -> zipfile.ZipFile:
    """The zip, checked against the limits; InputError("zip_bomb" | "corrupt") otherwise."""
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise InputError("corrupt", kind=kind) from None
    try:
        check_limits(infos)
    except InputError:
        zf.close()
        raise
    return zf


def check_limits(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise InputError("zip_bomb", reason=f"{len(infos)} > {MAX_MEMBERS} zip entries")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise InputError("zip_bomb", reason=f"{total // 1048576} MB > {MAX_TOTAL // 1048576} MB")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError("zip_bomb", reason=f"{info.filename} {ratio}:1 > {MAX_RATIO}:1")


def read_member(zf: zipfile.ZipFile, name: str, kind: str = "docx") -> bytes | None:
    """A member's bytes (None when absent), never more than its declared size allows."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise InputError("zip_bomb", reason=f"{name} {info.file_size // 1048576} MB > {MAX_PART // 1048576} MB")
    cap = min(info.file_size, MAX_PART)
    parts, size = [], 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:  # more data than declared: a forged header
                    raise InputError("zip_bomb", reason=f"{name} > {info.file_size} B")
                parts.append(chunk)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        raise InputError("corrupt", kind=kind) from None
    return b"".join(parts)
