"""Small helpers for tests: parse inline text, run selected rules."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lkjip_lint.engine.loader import load_rules
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.report import Report, Settings
from lkjip_lint.interpret.vocabulary import load_vocabulary
from lkjip_lint.readers.text import parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@lru_cache(maxsize=1)
def all_rules():
    return load_rules()


def report_of(text: str, **settings) -> Report:
    return Report(document=parse(text, "inline.txt"), vocab=load_vocabulary(), settings=Settings(**settings))


def findings(text: str, *rule_ids: str, lang: str = "id", **settings):
    rules = [r for r in all_rules() if not rule_ids or r.id in rule_ids or r.id.startswith(tuple(rule_ids))]
    assert rules, rule_ids
    return run_rules(report_of(text, **settings), rules, lang)


def errors_and_warnings(found):
    return [f for f in found if f.severity in ("error", "warning")]


def tsv(*rows: str) -> str:
    """Rows written with ' | ' between cells become tab-separated lines."""
    return "\n".join(r.replace(" | ", "\t") for r in rows)
