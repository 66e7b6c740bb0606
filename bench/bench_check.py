"""Time `lkjip-lint check` on the corpus report: whole process, in-process lint, --help.

Run by hand:  .venv/bin/python bench/bench_check.py [REPORT]
Targets on a 2-core machine: whole process < 0.6 s, lint after imports < 100 ms.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def whole_process(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lkjip_lint", *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(report: Path, runs: int = 10) -> float:
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.lint import Options, check_file

    options = Options(rules=load_rules())
    check_file(report, options)  # warm: imports and compiled vocabularies
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_file(report, options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    report = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fixtures" / "purbalingga-2024.txt"
    rows = [
        ("check, whole process (median of 5)", whole_process(["check", "--format", "json", str(report)]), 0.6),
        ("check, in-process after imports (median of 10)", in_process(report), 0.1),
        ("--help, whole process (median of 5)", whole_process(["--help"]), 0.3),
    ]
    print(f"report: {report}")
    for name, seconds, target in rows:
        flag = "ok" if seconds <= target else "SLOW"
        print(f"  {name:<48} {seconds * 1000:8.1f} ms   target {target * 1000:.0f} ms  {flag}")


if __name__ == "__main__":
    main()
