"""per-file-ignores: rule codes or prefixes to skip for the files a glob matches.

Globs are matched against the file's path relative to the configuration file's
folder (the current folder without a configuration), with `/` separators:
`annex/*.txt` matches that folder's text files, and a pattern without a folder
(`*.md`, `README.md`) matches at any depth, as in ruff.
"""
from __future__ import annotations

import os
from dataclasses import replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from lkjip_lint.config import select_rules
from lkjip_lint.results import FileResult


def relative_posix(path: str | Path, root: Path) -> str:
    """`path` relative to `root` with / separators (absolute paths stay relative, even outside root: ../x)."""
    return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()


def matches(rel: str, pattern: str) -> bool:
    pattern = pattern.replace("\\", "/").removeprefix("./")
    return fnmatchcase(rel, pattern) or PurePosixPath(rel).match(pattern)


def apply(results: list[FileResult], patterns: dict[str, list[str]], root: Path) -> list[FileResult]:
    if not patterns:
        return results
    out = []
    for r in results:
        rel = relative_posix(r.path, root)
        codes = [c for pattern, cs in patterns.items() if matches(rel, pattern) for c in cs]
        if codes and r.findings:
            r = replace(r, findings=[f for f in r.findings if f.rule in select_rules([f.rule], (), codes)])
        out.append(r)
    return out
