"""Check processes for the web page: one upload per process at a time.

Why not a ProcessPoolExecutor: when one of its processes dies, the whole pool breaks
and every upload in flight fails with it; and a job already running cannot be
stopped. Here each worker process runs one job at a time, so

- a worker that dies (a reader crashing in C code, the memory limit) fails only the
  upload it was running; the others go on in their own processes;
- a job whose client has gone, or that passes the job time limit, is stopped by
  killing its own process, which is then replaced;
- uploads wait for a free process in one first-come-first-served queue, so a slow
  upload holds up at most one process, and only up to the time limit.

Stopping the server kills every worker (they are also daemonic, so they die with it).
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures.process import BrokenProcessPool

from lkjip_lint.web import worker


class WorkerDied(BrokenProcessPool):
    """The process running the job died (it is a BrokenProcessPool for callers that expect one)."""


class JobTimeout(Exception):
    """The job ran past the time limit and its process was stopped."""


def _serve(conn, init_args) -> None:
    """The worker process: load rules once, say so, then run (fn, args) jobs until the pipe closes."""
    worker.init(*init_args)
    conn.send(("ready", None))
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", fn(*args))
        except Exception as exc:  # the job's own fault: reported to its request, the process lives on
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception:  # an unpicklable result or exception
            conn.send(("error", RuntimeError(repr(reply[1])[:500])))


class _Process:
    def __init__(self, context, init_args):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, init_args), daemon=True,
                                       name="lkjip-lint-check")
        self.process.start()
        child.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        self.conn.close()


class Checker:
    """`size` worker processes and a fair queue in front of them."""

    def __init__(self, settings):
        self.settings = settings
        self.size = settings.workers or min(4, os.cpu_count() or 1)
        self.job_timeout = getattr(settings, "job_timeout", None)
        s = settings
        self._init_args = (s.config_path, s.rule_dirs, s.start, s.max_bytes)
        # spawn, not fork: the server has threads, and forking them is unsafe. Not forkserver
        # either: its socket folder (pymp-*) would outlive a server stopped by SIGTERM, which
        # uvicorn re-raises after shutting down, so no atexit handler runs.
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue | None = None
        self._all: set[_Process] = set()
        self.running: dict[int, _Process] = {}  # id of the job's task -> its process (tests look at it)
        self._closed = False

    def warm_up(self) -> None:
        """Start the worker processes (they load the rules) now rather than at the first upload."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        """A new process, queued as idle once it has loaded the rules: the job time limit
        counts the check, not the start of a process."""
        proc = _Process(self._context, self._init_args)
        self._all.add(proc)
        asyncio.get_running_loop().create_task(self._when_ready(proc))

    async def _when_ready(self, proc: _Process) -> None:
        try:
            kind, _ = await self._receive(proc)
        except WorkerDied:  # it could not even start (the server checked the rules at start, so rare)
            self._all.discard(proc)
            return
        if kind == "ready" and not self._closed:
            self._idle.put_nowait(proc)

    def _discard(self, proc: _Process) -> None:
        proc.kill()
        self._all.discard(proc)
        if not self._closed and self._idle is not None:
            self._spawn()

    async def run(self, *args) -> dict:
        """worker.check(*args) in a worker process."""
        return await self.submit(worker.check, *args)

    async def submit(self, fn, *args):
        if self._idle is None:
            self.warm_up()
        proc = await self._idle.get()  # waiters are served in order: fair per upload
        key = id(asyncio.current_task())
        self.running[key] = proc
        try:
            kind, value = await asyncio.wait_for(self._exchange(proc, fn, args), self.job_timeout)
        except asyncio.TimeoutError:
            self._discard(proc)
            raise JobTimeout(self.job_timeout) from None
        except BaseException:  # died, or cancelled because the client has gone: stop the process
            self._discard(proc)
            raise
        finally:
            self.running.pop(key, None)
        self._idle.put_nowait(proc)
        if kind == "error":
            raise value
        return value

    async def _exchange(self, proc: _Process, fn, args):
        try:
            proc.conn.send((fn, args))
        except OSError:
            raise WorkerDied("the check process died") from None
        return await self._receive(proc)

    @staticmethod
    async def _receive(proc: _Process):
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        try:
            fd = proc.conn.fileno()
            loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        except OSError:
            raise WorkerDied("the check process died") from None
        try:
            await readable  # the answer, or end of file when the process died
            return proc.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied("the check process died") from None
        finally:
            loop.remove_reader(fd)

    def close(self) -> None:
        self._closed = True
        for proc in list(self._all):
            proc.kill()
        self._all.clear()
