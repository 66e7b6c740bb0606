"""Decode text reports whatever encoding they were saved in."""
from __future__ import annotations

import codecs

from lkjip_lint.readers.errors import InputError


def decode_text(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    # UTF-16 without a BOM: every other byte of ASCII text is zero
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
        raise InputError("binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 maps almost every byte; a file full of control bytes is binary junk
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) // 20:
        raise InputError("binary")
    return data.decode("cp1252", errors="replace")
