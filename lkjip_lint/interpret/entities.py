"""One index of the things a report names: indicators, sasaran and tujuan, programmes,
kegiatan and sub kegiatan, kelurahan and desa, and the instansi itself.

Names are collected from
- the indicators (interpret/indicators.py, which merges them across tables);
- table label columns: a row label that starts with a kind word ("PROGRAM …",
  "SASARAN 1 : …", rules/names.yaml `entity_kinds`) names one of that kind; else a
  column whose header names one kind ("Sasaran", "Kelurahan") does; in a column
  that names several ("Program/ Kegiatan") the outline the sums confirm says which
  (level 1 programme, 2 kegiatan, 3 sub kegiatan), and without one nothing is said;
- the text: "Kelurahan X" / "Desa X" mentions, and the subject (the instansi).

Every way of writing a name resolves to one entity: case and punctuation, the
kind word and its number ("Sasaran 1:"), words cut by a line break ("Realisa
si"), and acronyms the report itself defines ("Indeks Kepuasan Masyarakat (IKM)"
makes "IKM" that name). Nothing fuzzy: a name that resolves to no entity stays
unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_lint.document import Heading, Paragraph

_DEFINITION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
# a leading number, letter or bullet ("1.", "1.1", "a.", "II.", "(3)", "-"), and a colon after a kind word
_NUMBERING = re.compile(r"^[\s\-–•*]*(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zA-Z][.)]|[IVX]{1,5}[.)]|\(\w{1,3}\))\s*)?[:.]?\s*")
_PLACE_KINDS = ("kelurahan", "desa")
PLACE = "kelurahan/desa"  # a column headed "Desa/Kelurahan" names places of either kind
LEVEL_KINDS = {1: "program", 2: "kegiatan", 3: "sub_kegiatan"}


@dataclass
class Seen:
    """One place an entity is named: where, its line or page, and how it was recognised."""

    where: str  # "Tabel 3.2, kolom Sasaran" or "teks"
    line: int | None
    page: int | None
    how: str  # indicator | row keyword | column header | outline level | mention | subject


@dataclass
class Entity:
    """A thing the report names (indicator, programme, place …): kind, name, other spellings, where seen."""

    kind: str
    name: str
    variants: list[str] = field(default_factory=list)
    acronym: str | None = None
    seen: list[Seen] = field(default_factory=list)


_BRACKETS = re.compile(r"\([^)]*\)")
_NOT_ALNUM = re.compile(r"[\W_]+")
_HEADER_FILLER = re.compile(r"\b(nama|no|nomor|dan)\b", re.I)


def compact(name: str) -> str:
    """The letters and digits of a name, lower case, without spaces: "Realisa si" and "realisasi" agree."""
    return _NOT_ALNUM.sub("", _BRACKETS.sub(" ", name)).lower()


class EntityIndex:
    def __init__(self, acronyms: dict[str, str]) -> None:
        self.acronyms = acronyms  # "IKM" → "Indeks Kepuasan Masyarakat", as the report defines them
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._by_name: dict[str, Entity] = {}

    def add(self, kind: str, name: str, seen: Seen, same_as: Entity | None = None) -> Entity | None:
        """Record a name of `kind` seen somewhere; `same_as`: the entity it is known to be another spelling of."""
        key = self._key(name)
        if len(key) < 3 or not re.search(r"[a-z]{2}", key):
            return None
        entity = self._by_key.get((kind, key)) or self._place(kind, key) or same_as
        if entity is None:
            entity = Entity(kind, name.strip(), acronym=_acronym(name))
            self.entities.append(entity)
        self._by_key.setdefault((kind, key), entity)
        self._by_name.setdefault(key, entity)
        if name.strip() not in entity.variants:
            entity.variants.append(name.strip())
            entity.acronym = entity.acronym or _acronym(name)
        if seen not in entity.seen:
            entity.seen.append(seen)
        return entity

    def _place(self, kind: str, key: str) -> Entity | None:
        """A kelurahan or desa is one place whether a header says "Kelurahan", "Desa" or both; the
        more specific kind wins."""
        if kind not in (*_PLACE_KINDS, PLACE):
            return None
        for other in (*_PLACE_KINDS, PLACE):
            entity = self._by_key.get((other, key))
            if entity is not None:
                if entity.kind == PLACE and kind != PLACE:
                    entity.kind = kind
                self._by_key[(kind, key)] = entity
                return entity
        return None

    def find(self, name: str, kind: str | None = None) -> Entity | None:
        key = self._key(name)
        if kind is not None:
            return self._by_key.get((kind, key))
        return self._by_name.get(key)

    def _key(self, name: str) -> str:
        bare = name.strip()
        if bare.upper() in self.acronyms and " " not in bare:
            bare = self.acronyms[bare.upper()]  # an acronym alone stands for the name the report defines
        return compact(bare)


def _acronym(name: str) -> str | None:
    m = _DEFINITION.search(name)
    return m.group(1).upper() if m else None


def defined_acronyms(texts: list[str]) -> dict[str, str]:
    """"Indeks Kepuasan Masyarakat (IKM)": the acronym and the words before it that spell it."""
    out: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINITION.finditer(text):
            acronym = m.group(1)
            if acronym.upper() in out:
                continue
            expansion = _expansion(text[max(0, m.start() - 160):m.start()], acronym)
            if expansion:
                out[acronym.upper()] = expansion
    return out


def _expansion(before: str, acronym: str) -> str | None:
    """Schwartz & Hearst (2003): match the acronym's letters right to left in the words before it, the first
    letter at the start of a word, within len + 5 words."""
    words = before.split()[-(len(acronym) + 5):]
    text = " ".join(words)
    s, pos = len(acronym) - 1, len(text) - 1
    while s >= 0:
        c = acronym[s].lower()
        while pos >= 0 and (text[pos].lower() != c or (s == 0 and pos > 0 and text[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    start = pos + 1
    expansion = text[start:].strip()
    return expansion if len(expansion.split()) >= 2 else None


def collect_entities(report) -> EntityIndex:
    kinds = report.vocab.names.entity_kinds
    index = EntityIndex(defined_acronyms(_texts(report)))
    for ind in report.indicators:
        # the indicator model has merged its spellings already: one entity, every variant a name of it
        first = next(iter([*ind.targets, *ind.realisasi, *ind.capaian]), None)
        seen = Seen(first.table, first.line, first.page, "indicator") if first else Seen("", None, None, "indicator")
        entity = index.add("indikator", ind.name, seen)
        for variant in ind.variants:
            index.add("indikator", variant, seen, same_as=entity)
    for view in report.views:
        if view.kind != "contents":  # a contents entry "1.2 Tujuan" names a section, not a tujuan
            _table_entities(view, kinds, index)
    _text_entities(report, index)
    return index


def _texts(report) -> list[str]:
    out = [b.text for b in report.texts]
    for view in report.views:
        out.extend(c for r in view.rows for j in view.label_cols if "(" in (c := r.cells[j]))
    return out


def _table_entities(view, kinds: dict[str, re.Pattern], index: EntityIndex) -> None:
    for j in view.label_cols:
        header = view.columns[j].header
        # an indicator column's rows are the indicator model's; only its heading rows ("SASARAN 1 …") are read here
        indicators = bool(re.search(r"indikator", header, re.I))
        named = [] if indicators else _header_kinds(header, kinds)
        for row in view.rows:
            text = row.cells[j].strip()
            if row.type not in ("data", "section") or not text:
                continue
            if row.type == "section":
                bare = _NUMBERING.sub("", text)
                if heading := [k for k, pattern in kinds.items() if pattern.fullmatch(bare)]:
                    named = heading  # a "Desa" row in a Kelurahan column: the rows below are desa
                    continue
            if indicators and row.type != "section":
                continue
            kind, name, how = _row_kind(text, kinds)
            if kind is None and (len(named) == 1 or named and set(named) <= set(_PLACE_KINDS)):
                kind, name, how = named[0] if len(named) == 1 else PLACE, text, "column header"
            elif kind is None and len(named) > 1 and view.outline is not None and row.level in LEVEL_KINDS \
                    and LEVEL_KINDS[row.level] in named:
                kind, name, how = LEVEL_KINDS[row.level], text, "outline level"
            if kind is not None:
                index.add(kind, _NUMBERING.sub("", name), Seen(view.name, row.line, row.page, how))


def _header_kinds(header: str, kinds: dict[str, re.Pattern]) -> list[str]:
    """The kinds a header names, when it names nothing else ("Kelurahan", "Nama Desa/Kelurahan"; not
    "Urusan/Program", whose rows may be an urusan)."""
    named = [kind for kind, pattern in kinds.items() if pattern.search(header)]
    rest = header
    for kind in named:
        rest = kinds[kind].sub(" ", rest)
    rest = _HEADER_FILLER.sub(" ", rest)
    return named if named and not re.search(r"[A-Za-z]{2}", rest) else []


def _row_kind(text: str, kinds: dict[str, re.Pattern]):
    """A label that starts with a kind word ("PROGRAM PENUNJANG …", "SASARAN 1 : Meningkatnya …")."""
    bare = _NUMBERING.sub("", text)
    for kind, pattern in kinds.items():
        m = pattern.match(bare)
        if m:
            rest = _NUMBERING.sub("", bare[m.end():])
            if kind in ("program", "kegiatan", "sub_kegiatan"):
                return kind, bare, "row keyword"  # "Program Penunjang …" is the programme's own name
            return (kind, rest, "row keyword") if rest else (None, None, None)
    return None, None, None


def _text_entities(report, index: EntityIndex) -> None:
    from lkjip_lint.interpret.names import find_mentions, is_proper_name, lowercase_words

    names = report.vocab.names
    place_words = [k for k in names.kinds if k.lower() in _PLACE_KINDS]
    lowered = [w.lower() for w in place_words]
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)) or not any(w in block.text.lower() for w in lowered):
            continue  # (a plain substring test first: most paragraphs name no place)
        for m in find_mentions(block.text, names, place_words):
            if index.find(m.name) is None and not is_proper_name(m.name, lowercase_words(report), names):
                continue  # "Desa Membangun": a word the report also writes in lower case is no place name
            index.add(m.kind.lower(), m.name, Seen("teks", block.line, block.page, "mention"))
    s = report.subject
    if s.name:
        index.add("instansi", " ".join(filter(None, [s.kind, s.name])), Seen("", None, None, "subject"))
