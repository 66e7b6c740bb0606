"""Run the installed `lkjip-lint` in a subprocess under a time and address-space limit.

Shared by bench/fuzz.py and tests/test_hostile_input.py: (exit code or None when
killed after the time limit, stdout, stderr, seconds, peak RSS in bytes).
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def command() -> list[str]:
    exe = Path(sys.executable).with_name("lkjip-lint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lkjip_lint"]


def run_limited(args: list[str], timeout: float, memory: int, cwd: Path | None = None):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(command() + list(args), stdout=out, stderr=err, preexec_fn=limit, cwd=cwd,
                                start_new_session=True, env={**os.environ, "NO_COLOR": "1"})
        code, usage = None, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = code if code is not None else -9
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss * 1024
