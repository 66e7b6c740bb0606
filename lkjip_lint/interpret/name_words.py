"""rules/names.yaml (bundled and users'), compiled: the kinds of instansi, the words
that are never part of a name, and the words that mark a border description, a
comparison with peers or a data source. Built once per Vocabulary (report.vocab.names)."""
from __future__ import annotations

import re

_TOKEN = r"[A-Z][A-Za-z0-9'’]*"  # digits inside a word belong to it: DP3AP2KB, not DP


class NameWords:
    def __init__(self, data: dict) -> None:
        self.kinds: list[str] = [str(k) for k in data.get("instansi_kinds") or []]
        self.parent_kinds: list[str] = [str(k) for k in data.get("parent_kinds") or []]
        territorial = [str(k) for k in data.get("territorial_kinds") or []]
        listed = data.get("any_mention_kinds")
        # kinds whose reports name a peer only where they describe their borders
        self.any_mention_kinds = {str(k).lower() for k in (territorial if listed is None else listed)}
        self.not_names = frozenset(str(w).lower() for w in [*(data.get("not_names") or []), *self.kinds, *territorial])
        self._geography = _patterns(data, "geography_context")
        self._comparison = _patterns(data, "comparison_context")
        self._source = _patterns(data, "source_context")
        longest_first = sorted(self.kinds, key=len, reverse=True)
        self.kinds_pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in longest_first) + r")\s+(.+)", re.I)
        self._mentions: dict[tuple[str, ...], re.Pattern] = {}
        self._cues: dict[tuple[str, ...], tuple[str, ...]] = {}
        # entity kind → the words that name it in a header or at the start of a label (entities.py)
        self.entity_kinds: dict[str, re.Pattern] = {
            str(kind): re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.I)
            for kind, patterns in (data.get("entity_kinds") or {}).items() if patterns}

    def mention_pattern(self, kind_words: tuple[str, ...]) -> re.Pattern:
        """"<kind> <Name>" for the given kind words (compiled once per set of kinds)."""
        if kind_words not in self._mentions:
            alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(kind_words, key=len, reverse=True))
            self._mentions[kind_words] = re.compile(
                rf"(?<![\w-])(?i:(?P<kind>{alternatives}))\s+(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})")
        return self._mentions[kind_words]

    def mention_cues(self, kind_words: tuple[str, ...]) -> tuple[str, ...]:
        """The first word of each kind, lower case: a text holding none of them has no mention of these kinds."""
        if kind_words not in self._cues:
            self._cues[kind_words] = tuple({k.split()[0].lower() for k in kind_words if k.split()})
        return self._cues[kind_words]

    def geography(self, text: str) -> bool:
        """The sentence describes borders or location ("Utara : Kecamatan X", "berbatasan dengan")."""
        return any(p.search(text) for p in self._geography)

    def comparison(self, text: str) -> bool:
        """The sentence compares with or ranks against peers ("peringkat", "dibandingkan dengan")."""
        return any(p.search(text) for p in self._comparison)

    def source(self, text: str) -> bool:
        """The sentence cites where data come from ("Sumber: …", "menurut data …")."""
        return any(p.search(text) for p in self._source)


def _patterns(data: dict, key: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in data.get(key) or [])
