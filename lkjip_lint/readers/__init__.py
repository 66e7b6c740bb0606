"""Readers: one module per input format, each `read(path) -> Document`.

`read_any` sniffs the content (a PDF renamed .docx is still a PDF), holds every
format to the same limits (file size; blocks, table cells and columns; paragraph
length) and maps every failure to an InputError with a translated message;
nothing here raises anything else.

The limits keep a hostile file within about a minute and a few hundred MB: a real
report of a thousand pages stays far below each of them.
"""
from __future__ import annotations

import faulthandler
import importlib
import os
import pickle
import select
import signal
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no fork either, the PDF reader runs in-process there
    resource = None  # type: ignore[assignment]

from lkjip_lint.document import Document, Heading, Location, Paragraph, Table
from lkjip_lint.readers.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DATA_SUFFIXES = {".yaml", ".yml", ".json"}
SUFFIXES = TEXT_SUFFIXES | DATA_SUFFIXES | {".docx", ".pdf", ".doc"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_LINES = 1_000_000  # lines of a text file, blank ones included (a 35-page report has ~1 000)
MAX_BLOCKS = 25_000  # headings, paragraphs, tables and lists (the 35-page report: 425, ~12 a page)
MAX_CELLS = 250_000  # table cells of the whole document, merged-cell padding included
MAX_COLUMNS = 500  # columns of one table
MAX_PARAGRAPH = 10_000  # characters; a longer paragraph is read as several (a sentence end is preferred)


def sniff(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if path.suffix.lower() in DATA_SUFFIXES:
        return "data"
    if path.suffix.lower() in (".docx", ".pdf"):
        return "corrupt"  # claims to be a binary format but is not
    return "text"


def read_any(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return start_reading(path, max_bytes).document()


def start_reading(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> "Reading":
    """Begin reading `path`. A PDF's reader child starts at once, so it reads while the caller
    goes on (loading the rules, checking the previous file); `document()` waits for it."""
    return Reading(path, max_bytes)


class Reading:
    """One file being read; `document()` gives its Document or raises InputError, `cancel()` drops it."""

    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path, self._error, self._child, self._fmt = path, None, None, None
        try:
            self._fmt = _format_of(path, max_bytes)
        except InputError as exc:
            self._error = exc
            return
        if self._fmt in ISOLATED and hasattr(os, "fork") and resource is not None:
            self._child = _ReaderChild(path, self._fmt)

    @property
    def child_pid(self) -> int | None:
        """The reader child's process id while it reads (or has read and not been waited for), else None."""
        return self._child.pid if self._child is not None else None

    def read(self) -> bool:
        """The file is read (or failed): document() would not wait. A reader child has begun its answer."""
        return self._child is None or self._child.answered()

    def document(self) -> Document:
        if self._error is not None:
            raise self._error
        if self._child is not None:
            return bound(self._child.result())
        return bound(_read(_reader_module(self._fmt), self.path, self._fmt))

    def cancel(self) -> None:
        if self._child is not None:
            self._child.kill()

    def within(self, max_bytes: int) -> "Reading":
        """Held to a size limit known only after the reading began (the configuration's): a file over it
        is not read (its child is stopped) and document() says it is too large."""
        if self._error is None:
            try:
                size = self.path.stat().st_size
            except OSError:
                return self
            if size > max_bytes:
                self.cancel()
                self._child, self._error = None, _too_large(size, max_bytes)
        return self


def _format_of(path: Path, max_bytes: int) -> str:
    """The reader a file needs, after the checks every format shares (size, empty, sniffed kind)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        if size == 0:
            raise InputError("empty")
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError("unreadable", reason=exc.strerror or str(exc)) from None
    fmt = sniff(path, head)
    if fmt == "doc":
        raise InputError("doc")
    if fmt == "corrupt":
        raise InputError("corrupt", kind=path.suffix.lower().lstrip("."))
    return fmt


def _too_large(size: int, max_bytes: int) -> InputError:
    return InputError("too_large", size_mb=round(size / 1048576, 1), limit_mb=round(max_bytes / 1048576, 1))


def _reader_module(fmt: str):
    try:
        return importlib.import_module(f"lkjip_lint.readers.{fmt}")
    except ImportError:
        raise InputError("unsupported", kind=fmt) from None


def _read(reader, path: Path, fmt: str) -> Document:
    try:
        return reader.read(path)
    except InputError:
        raise
    except RecursionError:
        raise InputError("too_complex") from None
    except MemoryError:
        raise InputError("too_much_memory") from None
    except Exception as exc:  # a reader bug or a file it cannot handle: a message, not a traceback
        reason = " ".join(f"{type(exc).__name__}: {str(exc)[:200]}".split())
        raise InputError("corrupt_detail", kind=fmt, reason=reason) from None


# ---- native readers run in a child process ------------------------------------------------

# pdfium is C++ parsing whatever it is given: a compressed stream that inflates to gigabytes
# aborts the process (std::bad_alloc), a malformed file could crash or loop. The PDF is read
# in a forked child with a memory and a time limit, so the worst it can do is become a message.
# A DOCX is read in a child too: started before the rules load (start_reading), its reading
# (~0.1 s of XML) then runs on the other core, and an XML bomb meets the same limits.
ISOLATED = {"pdf", "docx"}
READ_SECONDS = 45  # the 35-page corpus PDF takes ~1.5 s; MAX_PAGES (500) pages fit well within
READ_MEMORY = 1536 * 1024 * 1024  # address space the child may add to what it inherits


class _ReaderChild:
    """A forked child reading one file and sending back its Document (or the error), pickled.
    The reader module is imported in the child: the parent needs none of pdfium's code."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.fmt, self.deadline = fmt, time.monotonic() + READ_SECONDS
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: read, send the Document (or the error) back, leave without cleanup
            status = 0
            try:
                os.close(r)
                if faulthandler.is_enabled():  # a crash here is reported as a message, not as a dump
                    faulthandler.disable()
                _limit_memory(READ_MEMORY)
                try:
                    result: tuple = ("ok", _read(_reader_module(fmt), path, fmt))
                except InputError as exc:
                    result = ("error", exc.code, exc.values)
                with os.fdopen(w, "wb") as out:
                    pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # noqa: BLE001 — nothing may escape a forked child
                status = 1
            finally:
                os._exit(status)
        os.close(w)
        self.pid, self.fd = pid, r

    def answered(self) -> bool:
        """Its answer (written at once, when it has read the file) can be read now, or it has ended."""
        if self.pid is None:  # already waited for (its pipe is closed)
            return True
        try:
            return bool(select.select([self.fd], [], [], 0)[0])
        except (OSError, ValueError):
            return True

    def kill(self) -> None:
        if self.pid is None:
            return
        os.close(self.fd)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pid = None

    def result(self) -> Document:
        chunks, timed_out = [], False
        try:
            while True:
                left = self.deadline - time.monotonic()
                if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                    timed_out = True
                    break
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self.fd)
            if timed_out:
                os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
        if timed_out:
            raise InputError("too_slow", kind=self.fmt, seconds=READ_SECONDS)
        try:
            result = pickle.loads(b"".join(chunks))
        except Exception:  # the child died before it could answer: killed, out of memory, crashed
            signum = -os.waitstatus_to_exitcode(status)
            raise InputError("reader_died", kind=self.fmt, reason=_signal_name(signum)) from None
        if result[0] == "error":
            raise InputError(result[1], **result[2])
        return result[1]


def _limit_memory(extra: int) -> None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            current = int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        current = 0
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = current + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or wanted < soft:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _signal_name(signum: int) -> str:
    if signum <= 0:
        return "exit"
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def check_width(width: int, where: Location | str) -> None:
    """Readers call this before they build a row: a table wider than MAX_COLUMNS is refused.
    `where` is a Location (shown as "baris 12" / "line 12") or a table label."""
    if width > MAX_COLUMNS:
        raise InputError("too_wide", count=width, limit=MAX_COLUMNS, where=where)


def bound(document: Document) -> Document:
    """The document held to the limits every format shares.

    Too many blocks, cells or columns: InputError. A paragraph longer than MAX_PARAGRAPH
    characters (a whole report on one line, a runaway PDF text run) is split into
    several with the same location, so no check ever walks one huge paragraph per match.
    """
    blocks = document.blocks
    if len(blocks) > MAX_BLOCKS:
        raise InputError("too_many_blocks", limit=MAX_BLOCKS)
    cells = 0
    for block in blocks:
        if isinstance(block, Table):
            width = max([block.n_cols, *(len(r.cells) for r in (*block.header_rows, *block.rows))])
            if width > MAX_COLUMNS:
                where = Location(line=block.line, page=block.page) if block.line or block.page else block.label()
                check_width(width, where)
            cells += sum(len(r.cells) for r in block.header_rows) + sum(len(r.cells) for r in block.rows)
    if cells > MAX_CELLS:
        raise InputError("too_many_cells", limit=MAX_CELLS)
    if not any(isinstance(b, (Paragraph, Heading)) and len(b.text) > MAX_PARAGRAPH for b in blocks):
        return document
    out: list = []
    new_index: dict[int, int] = {}
    for block in blocks:
        new_index[block.index] = len(out)
        if isinstance(block, (Paragraph, Heading)) and len(block.text) > MAX_PARAGRAPH:
            for piece in split_long(block.text):
                out.append(Paragraph(text=piece, line=block.line, page=block.page, section=block.section))
        else:
            out.append(block)
    if len(out) > MAX_BLOCKS:
        raise InputError("too_many_blocks", limit=MAX_BLOCKS)
    for i, block in enumerate(out):
        block.index = i
        if isinstance(block, Table) and block.nested_in is not None:
            block.nested_in = new_index.get(block.nested_in, block.nested_in)
    document.blocks = out
    return document


def split_long(text: str, limit: int = MAX_PARAGRAPH) -> list[str]:
    """Pieces of at most `limit` characters, cut after a sentence end, else at a space, else anywhere."""
    pieces: list[str] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit - 1
        piece = text[start:start + cut + 1].strip()
        if piece:
            pieces.append(piece)
        start += cut + 1
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces
