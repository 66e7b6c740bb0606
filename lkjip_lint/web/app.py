"""The Starlette application: the page, its two static files and the check API.

Routes
  GET  /              the page (?lang=en for English)
  POST /api/check     multipart field "file" -> the JSON contract of DESIGN.md
  POST /api/report    the same upload -> {"report": contract, "html": HTML report} (used by the page)
  POST /api/annotate  a DOCX or PDF upload -> its copy with a note at each error and warning
  POST /api/worksheet the upload -> the review worksheet (?format=xlsx, the default, or csv)
  GET  /healthz       "ok"

Errors are JSON {"error": message, "code": ...}: 400 no/garbled upload, 403 a POST
from another origin (another web site's page must not use this one), 413 too large,
422 the file cannot be read (with the contract, whose file entry holds the error),
its check process died, or it took longer than the job time limit, 500 only for a
fault of the checker itself — never a traceback page. A job whose client has gone
is stopped (its process is killed and replaced).

Privacy: an upload lives in a private temporary folder (mode 0700) only while it
is checked; responses say `Cache-Control: no-store`; the Content-Security-Policy
lets the page load nothing from anywhere but this server.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import tempfile
from concurrent.futures.process import BrokenProcessPool
from urllib.parse import urlsplit
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from lkjip_lint.readers import SUFFIXES, sniff
from lkjip_lint.web import worker
from lkjip_lint.web.jobs import Checker, JobTimeout
from lkjip_lint.web.page import lang_of, mb, render_page, static, text

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; frame-src 'self' about:; child-src 'self' about:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}
MULTIPART_SLACK = 64 * 1024  # form boundaries and headers around the file
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
log = logging.getLogger("lkjip_lint.web")


@dataclass
class Settings:
    """How the web application runs: upload limit, workers, configuration, allowed hosts, job time limit."""

    max_bytes: int = 20 * 1024 * 1024
    workers: int = 0  # 0: min(4, cores)
    config_path: str | None = None
    rule_dirs: tuple[str, ...] = ()
    start: str = field(default_factory=os.getcwd)  # where a .lkjip-lint.yaml is looked for
    allowed_hosts: tuple[str, ...] = ("*",)
    job_timeout: float | None = 60.0  # seconds one upload may keep a check process


class TooLarge(Exception):
    pass


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app):
        app.state.checker = Checker(settings)
        app.state.checker.warm_up()
        try:
            yield
        finally:
            app.state.checker.close()

    async def page(request: Request) -> Response:
        return HTMLResponse(render_page(request.query_params.get("lang"), settings.max_bytes), headers=HEADERS)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        types = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
        if name not in types:
            raise HTTPException(404)
        return Response(static(name), media_type=types[name], headers=HEADERS)

    async def api_check(request: Request) -> Response:
        return await _handle(request, settings, want_html=False)

    async def api_report(request: Request) -> Response:
        return await _handle(request, settings, want_html=True)

    async def api_annotate(request: Request) -> Response:
        return await _handle(request, settings, want_html=False, job="annotate")

    async def api_worksheet(request: Request) -> Response:
        fmt = "csv" if request.query_params.get("format") == "csv" else "xlsx"
        return await _handle(request, settings, want_html=False, job=fmt)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok", headers=HEADERS)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        msg = text("not_found", lang) if exc.status_code == 404 else str(exc.detail)
        return JSONResponse({"error": msg, "code": "http"}, status_code=exc.status_code, headers=HEADERS)

    async def server_error(request: Request, exc: Exception) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        return _error(500, "internal", text("internal", lang, reason=type(exc).__name__))

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/static/{name}", asset, methods=["GET"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/report", api_report, methods=["POST"]),
        Route("/api/annotate", api_annotate, methods=["POST"]),
        Route("/api/worksheet", api_worksheet, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers={HTTPException: http_error, Exception: server_error})


def _error(status: int, code: str, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, "code": code, **extra}, status_code=status, headers=HEADERS)


def cross_origin(request: Request) -> bool:
    """A POST sent by a page of another site (or an opaque origin such as a sandboxed frame
    or a file:// page). Browsers add Origin to every cross-origin POST, and Sec-Fetch-Site
    where they support it; scripts such as curl send neither and are let through."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    parts = urlsplit(origin)
    return parts.scheme not in ("http", "https") or parts.netloc.lower() != request.headers.get("host", "").lower()


async def _handle(request: Request, settings: Settings, want_html: bool, job: str = "check") -> Response:
    lang = lang_of(request.query_params.get("lang"))
    limit = settings.max_bytes
    if cross_origin(request):
        return _error(403, "cross_origin", text("cross_origin", lang))

    def too_large(size: str) -> Response:
        return _error(413, "too_large", text("too_large", lang, size=size, limit=mb(limit, lang)))

    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + MULTIPART_SLACK:
        await _drain(request, limit)
        return too_large(mb(int(declared), lang))
    try:
        limited = Request(request.scope, _limited(request.receive, limit + MULTIPART_SLACK))
        form = await limited.form(max_files=1, max_fields=4)
    except TooLarge:
        return too_large("> " + mb(limit, lang))
    except (MultiPartException, ValueError, AssertionError) as exc:
        return _error(400, "bad_upload", text("bad_form", lang, reason=str(exc)[:120]))
    upload = form.get("file")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            return _error(400, "no_file", text("no_file", lang))
        if upload.size is not None and upload.size > limit:
            return too_large(mb(upload.size, lang))
        return await _check(request, request.app.state.checker, upload, lang, want_html, job)
    finally:
        await form.close()


async def _until_done_or_gone(request: Request, job: asyncio.Future, poll: float = 0.25):
    """The job's result; the job is cancelled (its process killed) when the client disconnects."""
    try:
        while True:
            done, _ = await asyncio.wait({job}, timeout=poll)
            if done:
                return job.result()
            if await request.is_disconnected():
                raise ClientGone
    finally:  # gone, or the server is stopping: the job's process is killed, not left running
        if not job.done():
            job.cancel()


class ClientGone(Exception):
    pass


async def _check(request: Request, checker: Checker, upload: UploadFile, lang: str, want_html: bool,
                 job: str = "check") -> Response:
    name = display_name(upload.filename)
    # A private folder (mkdtemp makes it 0700) removed as soon as the answer is ready.
    with tempfile.TemporaryDirectory(prefix="lkjip-web-") as folder:
        await upload.seek(0)
        head = await upload.read(8)
        await upload.seek(0)
        path = Path(folder) / storage_name(name, head)
        await run_in_threadpool(_copy, upload, path)
        try:
            if job == "check":
                work = checker.run(str(path), name, lang, want_html)
            elif job == "annotate":
                work = checker.submit(worker.annotate, str(path), name, lang)
            else:
                work = checker.submit(worker.worksheet, str(path), name, lang, job)
            answer = await _until_done_or_gone(request, asyncio.ensure_future(work))
        except ClientGone:
            return Response(status_code=499)  # nobody reads it; the check was stopped
        except JobTimeout:
            return _error(422, "too_slow", text("too_slow", lang, seconds=f"{checker.job_timeout:g}"))
        except BrokenProcessPool:
            log.error("a check process died on %s; it was replaced, other uploads go on", name)
            return _error(422, "crashed", text("crashed", lang))
        except Exception as exc:  # a fault of the checker, not of the file: say so, keep serving
            log.exception("check of %s failed", name)
            return _error(500, "internal", text("internal", lang, reason=type(exc).__name__))
    if job != "check":
        return _download(answer, name, job, lang)
    if answer["error"]:
        return _error(422, "unreadable", answer["error"], report=answer["report"])
    body = {"report": answer["report"], "html": answer["html"]} if want_html else answer["report"]
    return JSONResponse(body, headers=HEADERS)


DOWNLOAD_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _download(answer: dict, name: str, job: str, lang: str) -> Response:
    """The annotated copy or the worksheet as an attachment named after the upload."""
    if answer["error"]:
        return _error(422, "unreadable", answer["error"])
    kind = answer.get("format", job)
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem, flags=re.ASCII).strip("._") or "laporan"
    filename = f"{stem}.reviu.{kind}"
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(answer["data"], media_type=DOWNLOAD_TYPES[kind], headers=headers)


def _copy(upload: UploadFile, path: Path) -> None:
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, 1024 * 1024)


def display_name(filename: str) -> str:
    """The uploaded file's own name, without any folder a browser may send, made printable."""
    base = re.split(r"[\\/]", filename)[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip() or "laporan"
    return base[-120:]


def storage_name(name: str, head: bytes) -> str:
    """A safe file name for the temporary copy. The suffix is kept when it is one the
    readers know; otherwise it is chosen from the content (read_any sniffs it again)."""
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem, flags=re.ASCII).strip("._") or "laporan"
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        suffix = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc"}.get(sniff(Path(name), head), ".txt")
    return stem[:80] + suffix


def _limited(receive, limit: int):
    """The request's receive channel, stopping with TooLarge once the body passes `limit`
    (a chunked upload sends no Content-Length to refuse it by)."""
    total = 0

    async def wrapped():
        nonlocal total
        message = await receive()
        if message["type"] == "http.request":
            total += len(message.get("body", b""))
            if total > limit:
                await _drain_rest(receive, message, limit)
                raise TooLarge
        return message

    return wrapped


async def _drain(request: Request, limit: int) -> None:
    """Read and drop the rest of an oversized body, so the browser gets the 413 instead of a
    reset connection; past 10× the limit the connection is simply closed."""
    try:
        total = 0
        async for chunk in request.stream():
            total += len(chunk)
            if total > 10 * limit:
                break
    except Exception:
        pass


async def _drain_rest(receive, message: dict, limit: int) -> None:
    total = 0
    while message.get("more_body", False) and total <= 10 * limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        total += len(message.get("body", b""))
