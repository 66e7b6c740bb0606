"""A time limit for one check, so that no input (or user-supplied regular expression)
can stall a run.

Implemented with SIGALRM/setitimer: the alarm raises CheckTimeout in the main thread
wherever it is, including inside `re` matching (the regex engine polls for signals),
so backtracking in a user's pattern is cut off too. CheckTimeout derives from
BaseException so that a check's own `except Exception` cannot swallow it. Outside the
main thread, or where SIGALRM does not exist (Windows), no limit is set.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class CheckTimeout(BaseException):
    pass


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    if not seconds or seconds <= 0 or not available():
        yield
        return

    def on_alarm(signum, frame):
        raise CheckTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
