"""Time and memory per input format for the corpus report (.txt, .docx, .pdf).

    .venv/bin/python bench/bench_formats.py [--runs 5] [--report fixtures/purbalingga-2024] [--also FILE ...]

For each format: the whole process (`lkjip-lint check FILE`, as a user runs it,
start-up and imports included; median of N runs), the in-process read and
read+check time (median of N, after one warm-up run), and the peak memory of the
process (ru_maxrss of the child) and of the read+check (tracemalloc; Python
allocations only, pdfium's own buffers are not seen). Targets on the 2-core
reference machine: PDF whole-process < 2.5 s, DOCX < 0.8 s.

`--also` measures more files the same way, e.g. the renditions of the report in
other styles (fixtures/renditions.py; the tests leave them in .cache/renditions):
a PDF among them is also compared with the ruled fixture PDF, and one more than
half again as slow (process CPU time) is marked SLOW.

The machine's own speed at the time (a fixed loop of pure Python, before and after)
is printed with the figures: on a shared virtual machine it swings by half and more
within an hour, far more than most changes measured here.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {".pdf": 2.5, ".docx": 0.8, ".txt": 0.6}


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("lkjip-lint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lkjip_lint"]


def _child_env() -> dict[str, str]:
    """The environment of the measured runs. PYTHONDONTWRITEBYTECODE (set on some build machines)
    would make every run compile all modules again, which no installed copy does."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def whole_process(path: Path, runs: int) -> tuple[float, float, float]:
    """Median wall time, median CPU time (user + system, the PDF reader's child process included:
    a figure a busy machine disturbs less) and the largest peak RSS (MB) of `lkjip-lint check PATH`."""
    times, cpus, peaks = [], [], []
    subprocess.run(_cli() + ["check", str(path)], env=_child_env(), capture_output=True)  # writes the .pyc files
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(_cli() + ["check", "--format", "json", str(path)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_child_env())
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)  # KB on Linux
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"lkjip-lint failed on {path} (exit {os.waitstatus_to_exitcode(status)})")
    return statistics.median(times), statistics.median(cpus), max(peaks)


def in_process(path: Path, runs: int) -> tuple[float, float, float]:
    """Median read time, median read+check time (s) and traced peak (MB) of one read+check."""
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.lint import Options, check_file
    from lkjip_lint.readers import read_any

    options = Options(rules=load_rules(()))
    check_file(path, options)  # warm-up: imports, rule loading, vocabularies
    reads, checks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        read_any(path)
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = check_file(path, options)
        checks.append(time.perf_counter() - start)
        if result.error:
            raise SystemExit(f"{path}: {result.error}")
    tracemalloc.start()
    check_file(path, options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(reads), statistics.median(checks), peak / 1048576


def machine_speed() -> float:
    """Seconds this machine takes now for a fixed piece of pure-Python work (10 M additions, best of 3):
    the same machine swings by half and more within an hour, so figures are read beside it."""
    best = float("inf")
    for _ in range(3):
        start, total = time.perf_counter(), 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--report", default=str(ROOT / "fixtures" / "purbalingga-2024"),
                    help="path without suffix; .txt, .docx and .pdf next to it are measured")
    ap.add_argument("--also", nargs="*", default=[], type=Path,
                    help="more files to measure (other renditions of the report)")
    args = ap.parse_args()
    base = Path(args.report)
    speed_before = machine_speed()
    rows = []
    ruled_pdf = None
    for path in [base.with_suffix(s) for s in (".txt", ".docx", ".pdf")] + list(args.also):
        if not path.exists():
            print(f"{path.name}: missing (run fixtures/make_fixtures.py)", file=sys.stderr)
            continue
        wall, cpu, rss = whole_process(path, args.runs)
        read, check, traced = in_process(path, args.runs)
        target = TARGETS.get(path.suffix)
        verdict = "" if target is None else ("ok" if wall < target else "SLOW") + f" (< {target} s)"
        if path == base.with_suffix(".pdf"):
            ruled_pdf = cpu
        elif path.suffix == ".pdf" and ruled_pdf:
            ratio = cpu / ruled_pdf  # CPU time: wall time on a shared machine swings more than this
            verdict += f"; {ratio:.2f}× the fixture PDF" + (" SLOW" if ratio > 1.5 else "")
        rows.append((path.name, f"{wall:.2f}", f"{cpu:.2f}", f"{read * 1000:.0f}", f"{check * 1000:.0f}", f"{rss:.0f}", f"{traced:.1f}", verdict))
    head = ("file", "process s", "process cpu s", "read ms", "read+check ms", "process MB", "traced MB", "target")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
    print(f"median of {args.runs} runs; {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f}; "
          f"machine speed {speed_before:.2f} s before and {machine_speed():.2f} s after (10 M additions: lower is faster)")
    print(line(head))
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    main()
