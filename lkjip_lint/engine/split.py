"""Run a file's rules on two processes: the checks of one report share nothing but the report they
read, and a single file would otherwise leave the second core idle while they run.

The process forks after the shared reading (the tables' views), so the copy needs nothing sent to
it. Both processes then take the next rule from one pipe holding the rule numbers (a read of two
bytes from a pipe is whole), so neither waits while the other has work. The copy sends back each
rule's result as it finishes; a rule it took and never answered (it died) is run here after all.
The results come back in rule order, so the output is the same as on one process.

Only where fork is safe and cheap (Linux), while a core is idle, and when the caller asks (one file
from the command line: a batch already keeps every core busy, a server forks nothing).
"""
from __future__ import annotations

import gc
import os
import pickle
import sys
from typing import Any, Callable

_NUMBER = 2  # bytes per rule number in the pipe
_MOST = 4096  # rule numbers written at once must fit a pipe's buffer (64 KiB on Linux): no reader yet


def available() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def core_free() -> bool:
    """A core is idle now: fewer processes are running than there are cores, this one included
    (/proc/loadavg). On a busy machine a second process only competes with the first and the run
    takes longer, not shorter. (The load averages lag: a run just before this one counts in them.)"""
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            running = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return False
    return running < (os.cpu_count() or 1)


def run_split(count: int, run_one: Callable[[int], Any], keep: Callable[[], dict]) -> tuple[list, dict]:
    """[run_one(0), …, run_one(count - 1)], computed by this process and a forked copy; and `keep()`
    of the copy (values it worked out that the caller wants back, e.g. a report's cached subject)."""
    if count < 2 or count > _MOST or not available() or not core_free():
        return [run_one(i) for i in range(count)], {}
    todo_r, todo_w = os.pipe()
    os.write(todo_w, b"".join(i.to_bytes(_NUMBER, "big") for i in range(count)))  # small: fits the pipe
    os.close(todo_w)
    back_r, back_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # the collector must not touch (and so copy) every inherited object in either process
    pid = os.fork()
    if pid == 0:  # the copy: never returns, never writes anywhere but the pipe
        os.close(back_r)
        try:
            with os.fdopen(back_w, "wb") as out:
                for i in _numbers(todo_r):
                    pickle.dump((i, run_one(i)), out)
                    out.flush()
                pickle.dump((-1, keep()), out)
        finally:
            os._exit(0)
    gc.unfreeze()
    os.close(back_w)
    results: dict[int, Any] = {}
    for i in _numbers(todo_r):
        results[i] = run_one(i)
    os.close(todo_r)
    kept = _collect(back_r, results)
    os.waitpid(pid, 0)
    for i in range(count):
        if i not in results:  # taken by the copy, which did not answer
            results[i] = run_one(i)
    return [results[i] for i in range(count)], kept


def _numbers(fd: int):
    while True:
        chunk = os.read(fd, _NUMBER)
        if len(chunk) < _NUMBER:
            return
        yield int.from_bytes(chunk, "big")


def _collect(fd: int, results: dict[int, Any]) -> dict:
    kept: dict = {}
    with os.fdopen(fd, "rb") as stream:
        while True:
            try:
                i, value = pickle.load(stream)
            except Exception:  # noqa: BLE001 — the end, or the copy cut off mid-answer: what came is kept
                return kept
            if i < 0:
                kept = value
            else:
                results[i] = value

