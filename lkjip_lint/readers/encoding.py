"""Decode text reports whatever encoding they were saved in.

UTF-8 (with or without a BOM), UTF-16 (LE or BE, with or without a BOM) and
cp1252 are decoded; anything that decodes only into control characters (an
image, an archive, a file of zeros renamed .txt) is binary junk: InputError("binary").
"""
from __future__ import annotations

import codecs

from lkjip_lint.readers.errors import InputError

_SAMPLE = 4000
# control characters that real text never holds (tab, newlines, form feed are fine)
_BAD_CONTROLS = frozenset(range(0, 9)) | frozenset(range(14, 32)) | {0x7F}


def decode_text(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16", errors="replace"))
    sample = data[:_SAMPLE]
    if sample.count(b"\x00") > len(sample) // 4:
        return _checked(_utf16_without_bom(data, sample))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # cp1252 maps almost every byte; a file full of control bytes is binary junk
    return _checked(data.decode("cp1252", errors="replace"))


def _utf16_without_bom(data: bytes, sample: bytes) -> str:
    """UTF-16 without a BOM: in mostly-ASCII text, the zero bytes sit on one side of each pair."""
    even = sample[0::2].count(0)  # the high byte of a BE pair
    odd = sample[1::2].count(0)  # the high byte of a LE pair
    pairs = max(len(sample) // 2, 1)
    if odd > pairs // 2 and even < odd // 4:
        encoding = "utf-16-le"
    elif even > pairs // 2 and odd < even // 4:
        encoding = "utf-16-be"
    else:  # zeros everywhere: not text in any encoding
        raise InputError("binary")
    return data.decode(encoding, errors="replace")


def _checked(text: str) -> str:
    """The text, unless its start is mostly control characters or undecodable bytes."""
    head = text[:_SAMPLE]
    if not head.strip("\x00 \t\r\n\x0b\x0c\ufeff"):
        raise InputError("empty" if not head.strip("\ufeff \t\r\n\x0b\x0c") else "binary")
    bad = sum(1 for ch in head if ord(ch) in _BAD_CONTROLS or ch == "\ufffd")
    if bad > len(head) // 20:
        raise InputError("binary")
    return text
