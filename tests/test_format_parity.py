"""Format parity: the same report as text, DOCX (and PDF) gives the same defects.

A defect is (rule, expected value) of an error or warning finding; locations differ
by format (lines for text, table/row for DOCX, pages for PDF) and are not compared.
The DOCX and PDF renditions are fixtures made by fixtures/make_fixtures.py from the
text. Whatever rules exist are compared, so the test stays valid as rules are added.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lkjip_lint.engine.loader import load_rules
from lkjip_lint.lint import Options, check_file

from tests.helpers import FIXTURES

CORPUS = "purbalingga-2024"
MIN_RECALL = 0.95  # share of the text's defects the other format must find
MAX_EXTRA = 0.05  # defects only the other format finds, as a share of the text's

# Formats compared with the text. The PDF reader (readers/pdf.py) adds "pdf" here
# once its fixtures/purbalingga-2024*.pdf parity holds.
FORMATS = ["docx"]


@lru_cache(maxsize=1)
def _options() -> Options:
    return Options(rules=load_rules(()))


@lru_cache(maxsize=None)
def _result(path: Path):
    result = check_file(path, _options())
    assert result.error is None, f"{path.name}: {result.error}"
    return result


def defects(path: Path) -> frozenset[tuple[str, str]]:
    result = _result(path)
    return frozenset((f.rule, _value(f.expected)) for f in result.findings if f.severity in ("error", "warning"))


def _value(v) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_defects_as_text(fmt):
    reference = defects(FIXTURES / f"{CORPUS}.txt")
    found = defects(FIXTURES / f"{CORPUS}.{fmt}")
    assert reference, "the corpus report has defects"
    missing, extra = reference - found, found - reference
    recall = 1 - len(missing) / len(reference)
    assert recall >= MIN_RECALL, f"{fmt} misses {sorted(missing)}"
    assert len(extra) <= MAX_EXTRA * len(reference), f"{fmt} adds {sorted(extra)}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_report_has_no_error_or_warning(fmt):
    assert defects(FIXTURES / f"{CORPUS}-clean.{fmt}") == frozenset()


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_are_all_read(fmt):
    text, other = _result(FIXTURES / f"{CORPUS}.txt"), _result(FIXTURES / f"{CORPUS}.{fmt}")
    assert other.format == fmt
    assert (other.tables_read, other.tables_recognised) == (text.tables_read, text.tables_recognised)
