"""Fuzz `lkjip-lint check` with mutants of the corpus report in text, DOCX and PDF form.

Run by hand:  .venv/bin/python bench/fuzz.py [--n 100] [--seed 1] [--formats txt,docx,pdf]

Each mutant (bit flips, random byte runs, truncation, insertion, deletion,
duplication; for DOCX also mutations of word/document.xml re-zipped, so the XML
reader is reached, not only the zip checks; for text also line-level edits with
tabs and pipes) is checked by the installed command in its own process, with a
time limit (60 s) and an address-space limit (2 GB). Counted per format:

- crash:   an exit code other than 0/1/2, or "Traceback" in the output;
- timeout: still running after the time limit (killed);
- memory:  "MemoryError" anywhere in the output (the address-space limit was hit);
- check failed: a finding "check X failed to run" (a check raised; the others ran);
- reader bug: a refusal whose message names a Python exception ("ValueError: …"): the
  reader raised where it should have read the file or refused it with its own message.

Prints a table with the exit codes, the slowest run and the largest peak RSS, keeps
every crashing, hanging or memory-exhausting mutant (--keep), and exits 1 if there
was any crash, timeout or memory error. The RNG is seeded: a run is reproducible.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from limited_run import run_limited  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"txt": ROOT / "fixtures" / "purbalingga-2024.txt",
           "docx": ROOT / "fixtures" / "purbalingga-2024.docx",
           "pdf": ROOT / "fixtures" / "purbalingga-2024.pdf"}


# ---- mutations --------------------------------------------------------------------------

def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32, 128])):
        pos = rng.randrange(len(out))
        out[pos] ^= 1 << rng.randrange(8)
    return bytes(out)


def random_run(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    pos = rng.randrange(len(out))
    size = rng.choice([1, 4, 16, 256, 4096])
    out[pos:pos + size] = rng.randbytes(min(size, len(out) - pos))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def insert(data: bytes, rng: random.Random) -> bytes:
    pos = rng.randrange(len(data) + 1)
    return data[:pos] + rng.randbytes(rng.choice([1, 8, 100, 5000])) + data[pos:]


def delete(data: bytes, rng: random.Random) -> bytes:
    pos = rng.randrange(len(data))
    return data[:pos] + data[pos + rng.choice([1, 10, 1000, 50_000]):]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    pos = rng.randrange(len(data))
    chunk = data[pos:pos + rng.choice([10, 1000, 20_000])]
    at = rng.randrange(len(data) + 1)
    return data[:at] + chunk * rng.choice([1, 2, 50]) + data[at:]


BYTE_MUTATIONS = [flip_bits, flip_bits, random_run, truncate, insert, delete, duplicate]
SPECIALS = [b"\t", b"|", b"\n", b"\r", b"\x00", b"Tabel 3.", b"Jumlah", b"%", b"Rp", b"1.473.36", b"(", b")",
            b"\xe2\x88\x92", b"\xc2\xa0", b"BAB ", b"**", b"-", b","]


def text_edit(data: bytes, rng: random.Random) -> bytes:
    """Line-level edits and separator noise: what a bad conversion does to a text report."""
    lines = data.split(b"\n")
    for _ in range(rng.choice([1, 3, 10, 50])):
        if not lines:
            lines = [b""]
        i = rng.randrange(len(lines))
        op = rng.randrange(5)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            pos = rng.randrange(len(line) + 1)
            lines[i] = line[:pos] + rng.choice(SPECIALS) * rng.choice([1, 1, 3, 200]) + line[pos:]
    return b"\n".join(lines)


def mutate_text(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.choice(BYTE_MUTATIONS + [text_edit, text_edit])
    return op(data, rng), op.__name__


def mutate_docx(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Half raw (the zip layer), half inside an XML part re-zipped (the XML reader)."""
    if rng.random() < 0.5:
        op = rng.choice(BYTE_MUTATIONS)
        return op(data, rng), f"zip:{op.__name__}"
    src = zipfile.ZipFile(io.BytesIO(data))
    part = rng.choice(["word/document.xml"] * 4 + ["word/styles.xml", "word/numbering.xml", "_rels/.rels", "[Content_Types].xml"])
    op = rng.choice([flip_bits, random_run, truncate, insert, delete, duplicate, text_edit, xml_edit, xml_edit])
    if part not in src.namelist():
        part = "word/document.xml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part and content:
                content = op(content, rng)
            out.writestr(info.filename, content)
    return buf.getvalue(), f"{part}:{op.__name__}"


XML_SNIPPETS = [b"<w:p>", b"</w:p>", b"<w:tbl>", b"</w:tbl>", b"<w:tr>", b"<w:tc>", b'<w:gridSpan w:val="999"/>',
                b'<w:vMerge/>', b'<w:gridBefore w:val="50"/>', b"<w:t>", b"</w:t>", b'<w:fldChar w:fldCharType="begin"/>',
                b'<w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr>', b"<w:br/>", b'<w:lastRenderedPageBreak/>',
                b"<mc:AlternateContent>", b"<w:sdt><w:sdtContent>", b"&amp;", b"&#0;", b"&#x10FFFF;", b"<![CDATA[x]]>"]


def xml_edit(data: bytes, rng: random.Random) -> bytes:
    """Insert Word elements at random tag boundaries: well-formedness is often kept or nearly so."""
    out = data
    for _ in range(rng.choice([1, 5, 30])):
        pos = out.find(b"<", rng.randrange(len(out)))
        if pos < 0:
            pos = len(out)
        out = out[:pos] + rng.choice(XML_SNIPPETS) * rng.choice([1, 1, 10]) + out[pos:]
    return out


def mutate_pdf(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.choice(BYTE_MUTATIONS)
    return op(data, rng), op.__name__


MUTATORS = {"txt": mutate_text, "docx": mutate_docx, "pdf": mutate_pdf}


# ---- running ------------------------------------------------------------------------------

@dataclass
class Outcome:
    fmt: str
    index: int
    how: str
    code: int | None  # None: killed after the time limit
    seconds: float
    rss: int  # bytes
    crash: bool = False
    memory: bool = False
    check_failed: int = 0
    reader_bug: bool = False
    error: str = ""  # the input-error message, when the file was refused


def run_one(path: Path, timeout: float, memory: int) -> tuple[int | None, str, str, float, int]:
    return run_limited(["check", "--format", "json", "-j", "1", str(path)], timeout, memory)


def examine(fmt: str, index: int, how: str, data: bytes, folder: Path, args) -> Outcome:
    path = folder / f"{fmt}-{index:04d}.{fmt}"
    path.write_bytes(data)
    code, out, err, seconds, rss = run_one(path, args.timeout, args.memory_mb * 1024 * 1024)
    o = Outcome(fmt, index, how, code, seconds, rss)
    both = out + err
    o.crash = code is not None and (code not in (0, 1, 2) or "Traceback" in both)
    o.memory = "MemoryError" in both
    try:
        entry = json.loads(out)["files"][0]
        o.error = entry.get("error") or ""
        o.reader_bug = bool(_EXCEPTION.search(o.error))
        o.check_failed = sum(1 for f in entry["findings"] if "gagal dijalankan" in f["message"] or "failed to run" in f["message"])
    except (ValueError, KeyError, IndexError):
        if code in (0, 1, 2):
            o.crash = True  # no JSON where there must be some
    bad = o.crash or o.code is None or o.memory
    if bad and args.keep:
        keep = Path(args.keep)
        keep.mkdir(parents=True, exist_ok=True)
        (keep / path.name).write_bytes(data)
        (keep / (path.name + ".log")).write_text(f"{how}\nexit {code}, {seconds:.1f} s\n--- stdout\n{out[-4000:]}\n--- stderr\n{err[-8000:]}\n",
                                                 encoding="utf-8")
    path.unlink()
    return o


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="mutants per format (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space limit per run (default 2048)")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 1)), help="runs at the same time")
    parser.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "lkjip-fuzz"),
                        help="folder for crashing/hanging mutants and their logs ('' to keep nothing)")
    args = parser.parse_args(argv)

    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    rng = random.Random(args.seed)
    jobs = []
    for fmt in formats:
        source = SOURCES[fmt].read_bytes()
        for i in range(args.n):
            data, how = MUTATORS[fmt](source, random.Random(rng.getrandbits(64)))
            jobs.append((fmt, i, how, data))

    totals: dict[str, list[Outcome]] = {fmt: [] for fmt in formats}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lkjip-fuzz-") as tmp, ThreadPoolExecutor(args.jobs) as pool:
        folder = Path(tmp)
        futures = [pool.submit(examine, fmt, i, how, data, folder, args) for fmt, i, how, data in jobs]
        for k, future in enumerate(futures, 1):
            o = future.result()
            totals[o.fmt].append(o)
            flag = "CRASH" if o.crash else "TIMEOUT" if o.code is None else "MEMORY" if o.memory else ""
            if flag:
                print(f"  {flag}: {o.fmt} #{o.index} ({o.how}) exit {o.code}, {o.seconds:.1f} s", flush=True)
            if k % 50 == 0:
                print(f"  … {k}/{len(jobs)} mutants, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    print()
    head = ["format", "mutants", "exit 0", "exit 1", "exit 2", "crashes", "timeouts", "memory", "check failed",
            "reader bug", "max s", "max RSS MB"]
    rows = [head]
    bad = 0
    for fmt in formats:
        os_ = totals[fmt]
        codes = Counter(o.code for o in os_)
        crashes = sum(o.crash for o in os_)
        timeouts = sum(o.code is None for o in os_)
        memory = sum(o.memory for o in os_)
        bad += crashes + timeouts + memory
        rows.append([fmt, len(os_), codes.get(0, 0), codes.get(1, 0), codes.get(2, 0), crashes, timeouts, memory,
                     sum(o.check_failed > 0 for o in os_), sum(o.reader_bug for o in os_), f"{max(o.seconds for o in os_):.1f}",
                     f"{max(o.rss for o in os_) / 1048576:.0f}"])
    every = [o for fmt in formats for o in totals[fmt]]
    rows.append(["all", len(every), *(sum(int(r[c]) for r in rows[1:]) for c in range(2, 10)),
                 f"{max(o.seconds for o in every):.1f}", f"{max(o.rss for o in every) / 1048576:.0f}"])
    widths = [max(len(str(r[c])) for r in rows) for c in range(len(head))]
    for r in rows:
        print("  ".join(str(v).rjust(widths[c]) if c else str(v).ljust(widths[c]) for c, v in enumerate(r)))

    print("\nwhy files were refused (exit 2), most common first:")
    reasons = Counter(_reason(o.error) for o in every if o.code == 2 and o.error)
    for reason, n in reasons.most_common(12):
        print(f"  {n:4d}  {reason}")
    bugs = [o for o in every if o.reader_bug or o.check_failed]
    if bugs:
        print("\nreader bugs and failed checks (not crashes, but worth a look):")
        for o in bugs[:15]:
            print(f"  {o.fmt} #{o.index} ({o.how}): {o.error[:150] or f'{o.check_failed} check(s) failed to run'}")
    slow = sorted(every, key=lambda o: -o.seconds)[:3]
    print("\nslowest: " + "; ".join(f"{o.fmt} #{o.index} {o.how} {o.seconds:.1f} s" for o in slow))
    print(f"seed {args.seed}, {len(every)} mutants in {time.monotonic() - started:.0f} s; "
          f"limits {args.timeout:.0f} s and {args.memory_mb} MB per run")
    if bad:
        print(f"\n{bad} crash/timeout/memory failures; mutants and logs in {args.keep}")
    return 1 if bad else 0


_EXCEPTION = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b: ")


def _reason(error: str) -> str:
    """The message without file-specific details, so equal causes group together."""
    return re.sub(r"\(.*\)", "(…)", error)[:110]


if __name__ == "__main__":
    sys.exit(main())
