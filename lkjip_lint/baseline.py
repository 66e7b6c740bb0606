"""Baselines: record today's accepted findings, hide exactly those next time.

A finding is identified by (file, rule, fingerprint), where file is the path
relative to the project root: the git repository holding the baseline file, else
the configuration file's folder, else the baseline's own folder. So two reports
with the same name in different folders do not share entries, and the keys do not
depend on the folder the command is run from. The fingerprint hashes the rule,
the check's stable `key` (table/row labels and values, never line or page numbers)
and the file's basename, so inserting text above a table does not resurrect an old
finding, while a new defect gets a new fingerprint. Matching counts duplicates:
one baseline entry hides one finding.

File format (JSON, sorted so it diffs well in review):

    {"version": 2,
     "findings": [{"file": "laporan/2024/laporan.txt", "rule": "SUM001",
                   "fingerprint": "3f2a9c0d1b7e4a55", "message": "..."}]}

Version 1 files (keyed by basename) are still read, and matched by basename.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path, PurePath

from lkjip_lint.finding import Finding
from lkjip_lint.results import FileResult

VERSION = 2
READABLE_VERSIONS = (1, 2)


class BaselineError(ValueError):
    """A baseline file that cannot be read or has the wrong shape."""


def fingerprint(finding_rule: str, key: str, path_name: str) -> str:
    # \x1f (unit separator) keeps ("A", "BC") and ("AB", "C") apart.
    raw = "\x1f".join((finding_rule, key, path_name)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def _basename(path: str) -> str:
    # Windows-style paths may reach us on any platform (paths inside a baseline).
    return PurePath(path.replace("\\", "/")).name


def finding_fingerprint(f: Finding, path: str) -> str:
    """The finding's own fingerprint; a fallback from location labels and values
    (still without line or page) for a finding a check left without one."""
    if f.fingerprint:
        return f.fingerprint
    loc = f.location
    key = "|".join(str(x) for x in (loc.table, loc.row, loc.column, loc.path, f.actual, f.expected))
    return fingerprint(f.rule, key, _basename(path))


def project_root(baseline: str | Path, config_source: Path | None = None) -> Path:
    """The git repository holding the baseline file, else the configuration's folder, else the baseline's folder."""
    folder = Path(baseline).resolve().parent
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    return Path(config_source).resolve().parent if config_source else folder


def _file_key(path: str, root: Path | None) -> str:
    if root is None:
        return _basename(path)
    from lkjip_lint.per_file import relative_posix

    return relative_posix(path, root)


def _identity(f: Finding, path: str, root: Path | None) -> tuple[str, str, str]:
    return (_file_key(path, root), f.rule, finding_fingerprint(f, path))


def write_baseline(results: list[FileResult], path: str | Path, root: Path | None = None) -> int:
    """Write every current finding (files keyed relative to `root`, by default project_root(path));
    returns how many were written. The file is replaced atomically."""
    from lkjip_lint.safe_output import write_atomic

    root = root if root is not None else project_root(path)
    entries = [
        {"file": file, "rule": rule, "fingerprint": fp, "message": f.message}
        for r in results
        for f in r.findings
        for file, rule, fp in [_identity(f, r.path, root)]
    ]
    entries.sort(key=lambda e: (e["file"], e["rule"], e["fingerprint"], e["message"]))
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2)
    write_atomic(Path(path), text + "\n")
    return len(entries)


def read_baseline(path: str | Path) -> list[dict]:
    return _read(path)[1]


def _read(path: str | Path) -> tuple[int, list[dict]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: invalid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") not in READABLE_VERSIONS or not isinstance(data.get("findings"), list):
        raise BaselineError(f'{path}: not a lkjip-lint baseline (expected {{"version": {VERSION}, "findings": [...]}})')
    entries = data["findings"]
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("file", "rule", "fingerprint")):
            raise BaselineError(f"{path}: findings[{i}] needs string 'file', 'rule' and 'fingerprint'")
    return data["version"], entries


def apply_baseline(results: list[FileResult], path: str | Path,
                   root: Path | None = None) -> tuple[list[FileResult], list[dict]]:
    """Results without the baselined findings, and the baseline entries nothing matched."""
    version, entries = _read(path)
    root = None if version == 1 else (root if root is not None else project_root(path))
    budget = Counter((e["file"], e["rule"], e["fingerprint"]) for e in entries)
    kept_results = []
    for r in results:
        kept = []
        for f in r.findings:
            ident = _identity(f, r.path, root)
            if budget[ident] > 0:
                budget[ident] -= 1  # one entry hides one finding
            else:
                kept.append(f)
        kept_results.append(replace(r, findings=kept))
    # Entries still holding budget matched nothing: report each unmatched copy once.
    unused = []
    for e in entries:
        ident = (e["file"], e["rule"], e["fingerprint"])
        if budget[ident] > 0:
            budget[ident] -= 1
            unused.append(e)
    return kept_results, unused
