"""Reading started ahead (readers.start_reading): a PDF or DOCX is read in a child process that
starts at once, so it works while the caller loads the rules; errors wait for document()."""
from __future__ import annotations

import os
import shutil

import pytest

from lkjip_lint.readers import start_reading
from lkjip_lint.readers.errors import InputError
from tests.helpers import FIXTURES, run_cli

PDF = FIXTURES / "purbalingga-2024.pdf"
DOCX = FIXTURES / "purbalingga-2024.docx"
TEXT = FIXTURES / "purbalingga-2024.txt"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("path", [PDF, DOCX])
def test_a_pdf_or_docx_reading_starts_its_child_at_once_and_gives_the_document(path):
    reading = start_reading(path)
    pid = reading.child_pid
    assert pid is not None and _alive(pid)  # reading before anyone asked for the document
    document = reading.document()
    assert document.format == path.suffix.lstrip(".") and len(document.tables()) > 10
    assert reading.child_pid is None and not _alive(pid)  # waited for: no zombie left


def test_a_text_is_read_in_process_when_asked():
    reading = start_reading(TEXT)
    assert reading.child_pid is None
    assert reading.document().format == "text"


def test_a_cancelled_reading_leaves_no_child():
    reading = start_reading(PDF)
    pid = reading.child_pid
    reading.cancel()
    assert reading.child_pid is None and not _alive(pid)
    reading.cancel()  # twice is harmless


def test_errors_wait_for_document(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    reading = start_reading(empty)  # no exception here: the caller may be loading rules
    with pytest.raises(InputError) as err:
        reading.document()
    assert err.value.code == "empty"


def test_a_broken_rule_folder_after_the_reading_started_still_ends_with_its_message(tmp_path):
    """The CLI starts the first file's reading before the rules load; a rule error then cancels it
    and is reported as before (exit 2, the rule named), never a traceback."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("rules:\n  - id: X001\n    kind: no_such_kind\n", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    shutil.copy(PDF, pdf)
    result = run_cli("check", "--rules", str(rules), str(pdf))
    assert result.returncode == 2 and "X001" in result.stderr and "Traceback" not in result.stderr


def test_read_says_when_the_document_would_not_be_waited_for():
    assert start_reading(TEXT).read()  # read in process, when asked: nothing to wait for
    reading = start_reading(PDF)
    assert not reading.read()  # the 35-page PDF takes its child well over a moment
    reading.document()
    assert reading.read()


def test_prepare_stops_once_the_file_is_read():
    """The imports made while a child reads stop when it has read: the rest follow on the rules' processes."""
    import subprocess
    import sys

    code = ("import sys\nfrom lkjip_lint.engine.loader import load_rules\nfrom lkjip_lint.checks import prepare\n"
            "rules = load_rules()\nbefore = set(sys.modules)\nprepare(rules, done=lambda: True)\n"
            "print(len(set(sys.modules) - before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "0", out.stderr
