"""The measures a rule may name: every column role of rules/tables.yaml and every
sentence role of rules/claims.yaml (target, realisasi, capaian, pagu,
realisasi_anggaran, serapan, sisa, count …). A rule naming another measure is a
load error with the nearest known name, never a rule that silently never fires."""
from __future__ import annotations

import difflib
from functools import lru_cache

from lkjip_lint.resources import rules_dir
from lkjip_lint.datafiles import load


@lru_cache(maxsize=1)
def known_measures() -> frozenset[str]:
    tables = load(rules_dir() / "tables.yaml") or {}
    claims = load(rules_dir() / "claims.yaml") or {}
    names = {entry["role"] for entry in tables.get("roles", [])} | set(claims.get("roles", {}))
    return frozenset(names | {"realisasi_anggaran"})


def check_measure(name: str) -> str:
    """The name itself when it is a known measure; otherwise ValueError naming the nearest one."""
    known = known_measures()
    if name in known:
        return name
    near = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean '{near[0]}'?" if near else f"; known measures: {', '.join(sorted(known))}"
    raise ValueError(f"unknown measure '{name}'{hint}")
