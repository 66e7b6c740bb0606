"""Small helpers for tests: parse inline text, run selected rules."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lkjip_lint.engine.loader import load_rules
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers.text import parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@lru_cache(maxsize=1)
def all_rules():
    return load_rules()


def report_of(text: str, **settings) -> Report:
    return Report(document=parse(text, "inline.txt"), vocab=load_vocabulary(), settings=Settings(**settings))


def findings(text: str, *rule_ids: str, lang: str = "id", **settings):
    rules = [r for r in all_rules() if not rule_ids or r.id in rule_ids or r.id.startswith(tuple(rule_ids))]
    assert rules, rule_ids
    return run_rules(report_of(text, **settings), rules, lang)


def errors_and_warnings(found):
    return [f for f in found if f.severity in ("error", "warning")]


def tsv(*rows: str) -> str:
    """Rows written with ' | ' between cells become tab-separated lines."""
    return "\n".join(r.replace(" | ", "\t") for r in rows)


def pdf_bytes(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file from its numbered objects (1 = catalogue): header, bodies, xref table, trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


ENCRYPT_DICT = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"


def encrypt_trailer(encrypt_object: int) -> bytes:
    """Trailer entries of a PDF with a user password (the empty password does not open it)."""
    return b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt_object, b"ab" * 16, b"ab" * 16)


def forge_declared_size(zip_data: bytes, member: bytes, size: int) -> bytes:
    """The zip with `member`'s uncompressed size in the central directory set to `size` (a lie)."""
    import struct

    data = bytearray(zip_data)
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == member:
            struct.pack_into("<I", data, pos + 24, size)
        pos += 4
    return bytes(data)


def run_cli(*args: str):
    """lkjip-lint in a process of its own, as a user runs it (subprocess.CompletedProcess)."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "lkjip_lint", *args], capture_output=True, text=True, cwd=ROOT)


def json_errors_and_warnings(path) -> list[dict]:
    """The errors and warnings `check --format json` reports for one file."""
    import json

    out = run_cli("check", "--format", "json", str(path))
    return [f for f in json.loads(out.stdout)["files"][0]["findings"] if f["severity"] in ("error", "warning")]



# ---- synthetic PDF pages: words as character boxes, the way pypdfium2 reports them ----

CHAR_H = 12.0  # line box height (10 pt text)
CHAR_W = 4.0


def page_chars(words: list[tuple[str, float, float]]):
    """(text, x, top) runs in reading order, each run starting a new text line, as pdf_text Chars."""
    from lkjip_lint.readers.pdf_text import Char

    out = []
    for text, x, top in words:
        for k, ch in enumerate(text):
            out.append(Char(ch, x + k * CHAR_W, x + (k + 1) * CHAR_W, top, top + CHAR_H, brk=k == 0))
    return out


def cell_texts(table) -> list[list[str]]:
    """The text of every cell of an unruled table found on synthetic characters, row by row."""
    return [[" ".join(line.text for line in cell.lines) for cell in row] for row in table.rows]


def skip_without_web(client: bool = True) -> None:
    """Skip the calling test module when the `web` extra (and, for `client`, Starlette's test
    client's httpx) is not installed; call it before importing anything of lkjip_lint.web.app."""
    import pytest
    from importlib.util import find_spec

    from lkjip_lint.web import missing

    if missing():
        pytest.skip(f"the web extra is not installed ({', '.join(missing())}): pip install 'lkjip-lint[web]'",
                    allow_module_level=True)
    if client and not (find_spec("httpx2") or find_spec("httpx")):
        pytest.skip("Starlette's test client needs httpx2 (the test extra)", allow_module_level=True)
