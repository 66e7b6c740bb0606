"""`lkjip-lint serve`: a local web page where staff drop a report and read what to fix.

The package is optional (the `web` extra: Starlette, uvicorn, python-multipart).
Nothing here is imported by `check`; `missing()` lets the CLI say what to install
instead of failing with an ImportError.

Modules: app (routes, upload limits, the check pool), worker (runs in the pool
processes: read → check → JSON + HTML report), page (the one HTML page, id/en),
server (binds the socket and runs uvicorn).
"""
from __future__ import annotations

from importlib.util import find_spec

# import name -> distribution name, for the message
_NEEDED = {"starlette": "starlette", "uvicorn": "uvicorn", "python_multipart": "python-multipart"}


def missing() -> list[str]:
    """Distributions of the web extra that are not installed."""
    out = []
    for module, dist in _NEEDED.items():
        if module == "python_multipart" and (find_spec("python_multipart") or find_spec("multipart")):
            continue  # python-multipart < 0.0.13 is importable only as `multipart`
        if find_spec(module) is None:
            out.append(dist)
    return out
