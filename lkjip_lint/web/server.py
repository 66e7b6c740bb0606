"""Start the page: check the configuration, bind the socket ourselves, run uvicorn on it.

Binding here (not in uvicorn) gives a clear message when the port is taken and
lets `--port 0` pick a free port and print it (the browser test relies on that).
"""
from __future__ import annotations

import ipaddress
import os
import socket
import sys

import click

from lkjip_lint.web.app import LOOPBACK, Settings, create_app


def is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def run(host: str, port: int, max_upload_mb: float, workers: int | None, config_path, rule_dirs, lang: str,
        job_timeout: float | None = 60.0) -> int:
    import uvicorn

    from lkjip_lint.config import ConfigError
    from lkjip_lint.engine.loader import RuleFileError
    from lkjip_lint.web import worker

    settings = Settings(max_bytes=int(max_upload_mb * 1024 * 1024), workers=workers or 0,
                        config_path=str(config_path) if config_path else None,
                        rule_dirs=tuple(str(d) for d in rule_dirs), start=os.getcwd(), job_timeout=job_timeout,
                        # Host-header check: a web page elsewhere cannot reach us by DNS rebinding.
                        allowed_hosts=(*LOOPBACK, host, f"[{host.strip('[]')}]") if is_loopback(host) else ("*",))
    try:  # the same loading the check processes do, so a broken rule file stops us here
        worker.init(settings.config_path, settings.rule_dirs, settings.start, settings.max_bytes)
    except (ConfigError, RuleFileError) as exc:
        click.echo(f"lkjip-lint: {exc}", err=True)
        return 2
    try:
        sock = _bind(host, port)
    except OSError as exc:
        msg = (f"alamat {host}:{port} tidak dapat dipakai ({exc.strerror}); coba --port lain"
               if lang == "id" else f"cannot listen on {host}:{port} ({exc.strerror}); try another --port")
        click.echo(f"lkjip-lint: {msg}", err=True)
        return 2
    bound = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    if lang == "en":
        click.echo(f"lkjip-lint: open {url} in a browser (Ctrl+C stops). Files are checked here and not stored.")
    else:
        click.echo(f"lkjip-lint: buka {url} di peramban (Ctrl+C untuk berhenti). Berkas diperiksa di sini dan tidak disimpan.")
    if not is_loopback(host):
        click.echo("lkjip-lint: peringatan/warning: the page is reachable from other computers and has no login.", err=True)
    sys.stdout.flush()
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, lifespan="on",
                            # Ctrl-C/SIGTERM: requests still running get 1 s, then they are cancelled
                            # (their temporary folders removed) and the check processes killed.
                            limit_concurrency=64, timeout_graceful_shutdown=1)
    uvicorn.Server(config).run(sockets=[sock])
    return 0
