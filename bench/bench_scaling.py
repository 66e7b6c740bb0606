"""Time `check` on long texts of many small tables: the cost must grow linearly.

Run by hand:  .venv/bin/python bench/bench_scaling.py [TABLES ...]
Default: 500, 1 000, 2 000 and the ~2 MB text (6 700 tables). Prints size, seconds,
seconds per table and per MB; the 2 MB text must finish within BOUND_S on a 2-core
machine. tests/test_time_limits.py checks the growth on smaller inputs.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.many_tables import many_tables  # noqa: E402

BOUND_S = 60.0  # on a loaded 2-core machine the 2 MB text took 27 s (it was 68 s before the caches)
TWO_MB_TABLES = 6_700


def timed_check(n: int, folder: Path) -> tuple[int, float, int]:
    from lkjip_lint.engine.loader import load_rules
    from lkjip_lint.lint import Options, check_file

    path = folder / f"many-{n}.txt"
    path.write_text(many_tables(n), encoding="utf-8")
    options = Options(rules=load_rules())
    start = time.perf_counter()
    result = check_file(path, options)
    seconds = time.perf_counter() - start
    assert result.error is None, result.error
    return path.stat().st_size, seconds, len(result.findings)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [500, 1_000, 2_000, TWO_MB_TABLES]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'tables':>7} {'bytes':>10} {'seconds':>8} {'ms/table':>9} {'s/MB':>6} {'findings':>9}")
        for n in sizes:
            size, seconds, found = timed_check(n, Path(tmp))
            print(f"{n:>7} {size:>10} {seconds:>8.2f} {seconds * 1000 / n:>9.2f} {seconds / (size / 2**20):>6.2f} {found:>9}",
                  flush=True)
            if size >= 2 * 10**6:
                worst = max(worst, seconds)
    if worst:
        print(f"2 MB text: {worst:.1f} s (bound {BOUND_S:.0f} s) {'ok' if worst <= BOUND_S else 'SLOW'}")
    return 0 if worst <= BOUND_S else 1


if __name__ == "__main__":
    sys.exit(main())
