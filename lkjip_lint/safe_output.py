"""Writing outputs without ever destroying an input.

`same_file` compares device and inode, so a hard link or a symlink to a file being
checked is recognised even under another name. `write_atomic` writes to a temporary
file in the target's folder and renames it into place: a reader (or a crash halfway)
never sees a half-written report, and an existing file is replaced, not truncated
and rewritten through whatever link it is.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable


def same_file(target: Path, inputs: Iterable[Path]) -> bool:
    """True when `target` exists and is one of `inputs` (same device and inode, or same resolved path)."""
    try:
        st = os.stat(target)
    except OSError:
        return False
    resolved = Path(target).resolve()
    for f in inputs:
        try:
            other = os.stat(f)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino) or Path(f).resolve() == resolved:
            return True
    return False


def default_target(source: Path, fmt: str) -> Path:
    """REPORT.docx → REPORT.reviu.docx beside it (the suffix of the format the content has)."""
    return source.with_name(f"{source.stem}.reviu.{fmt}")


def write_atomic(target: Path, text: str) -> None:
    """Write `text` (UTF-8) to a temporary file next to `target`, then rename it over `target`."""
    write_atomically(Path(target), lambda out: out.write(text.encode("utf-8")))


def write_atomically(target: Path, write) -> None:
    """Call write(binary file object) on a temporary file next to `target`, then rename it over `target`."""
    import tempfile  # here: a check that writes nothing does not load it (with shutil, random, bz2, lzma)

    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():  # keep the permissions the user gave the old file
            try:
                os.chmod(tmp, os.stat(target).st_mode & 0o7777)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
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
