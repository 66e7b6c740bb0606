"""Write outputs safely: never over an input, and only whole (a temporary file, then a rename)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def default_target(source: Path, fmt: str) -> Path:
    """REPORT.docx → REPORT.reviu.docx beside it (the suffix of the format the content has)."""
    return source.with_name(f"{source.stem}.reviu.{fmt}")


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def write_atomically(target: Path, write) -> None:
    """Call write(file_object) on a temporary file in the target's folder, then rename it to target."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); the copy gets the mode a new file would get,
        # or the mode of the file it replaces
        os.chmod(tmp, os.stat(target).st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
