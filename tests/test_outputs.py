"""Outputs are written whole or not at all, and never over an input."""
from __future__ import annotations

import pytest

from lkjip_lint.safe_output import default_target, same_file, write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "reviu.xlsx"
    target.write_bytes(b"old")

    def broken(fh):
        fh.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["reviu.xlsx"]
    write_atomically(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["reviu.xlsx"]


def test_default_name_and_same_file(tmp_path):
    report = tmp_path / "LKjIP 2024.docx"
    report.write_bytes(b"x")
    assert default_target(report, "docx") == tmp_path / "LKjIP 2024.reviu.docx"
    assert default_target(report, "pdf").name == "LKjIP 2024.reviu.pdf"
    link = tmp_path / "link.docx"
    link.symlink_to(report)
    assert same_file(report, [link]) and same_file(report, [tmp_path / "." / "LKjIP 2024.docx"])
    assert not same_file(report, [tmp_path / "other.docx"])


def test_a_new_output_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    import os
    import stat

    mask = os.umask(0o022)
    try:
        fresh = tmp_path / "baru.xlsx"
        write_atomically(fresh, lambda fh: fh.write(b"x"))
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's private 0600
        kept = tmp_path / "lama.xlsx"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        write_atomically(kept, lambda fh: fh.write(b"new"))
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(mask)
