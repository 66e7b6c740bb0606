"""The Report: what the checks read. Built once per document, its parts on demand."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lkjip_lint.document import Document, Heading, ListBlock, Paragraph, Table
from lkjip_lint.interpret.tables import TableView, build_view
from lkjip_lint.interpret.vocabulary import Vocabulary


@dataclass
class Settings:
    """What configuration may say about a report (config file or CLI)."""

    year: int | None = None
    subject: dict[str, Any] = field(default_factory=dict)
    scale: Any = None  # a built-in scale name or a list of bands
    negative_indicators: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What the checks read: a Document with its vocabulary and settings, and its readings made on demand."""

    document: Document
    vocab: Vocabulary
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def views(self) -> list[TableView]:
        out = []
        blocks = self.document.blocks
        for i, block in enumerate(blocks):
            if isinstance(block, Table) and not block.unreadable and block.rows:
                out.append(build_view(block, self.vocab, _text_above(blocks, i)))
        return out

    def read_all(self) -> None:
        """Work out every reading the checks share (each cached property of the report), so that
        processes forked after this (engine.split) do not each work them out again."""
        for name, attr in vars(Report).items():
            if isinstance(attr, cached_property):
                getattr(self, name)

    def tables_of(self, kinds: list[str]) -> list[TableView]:
        if not kinds or "any" in kinds:
            return self.views
        return [v for v in self.views if v.kind in kinds]

    @cached_property
    def texts(self) -> list[Paragraph | Heading]:
        return [b for b in self.document.blocks if isinstance(b, (Paragraph, Heading))]

    @cached_property
    def lists(self) -> list[ListBlock]:
        return [b for b in self.document.blocks if isinstance(b, ListBlock)]

    @cached_property
    def subject(self):
        from lkjip_lint.interpret.subject import find_subject

        return find_subject(self)

    @property
    def year(self) -> int | None:
        return self.subject.year

    @cached_property
    def scale(self):
        from lkjip_lint.interpret.scale import report_scale

        return report_scale(self)

    @cached_property
    def _indicator_model(self):
        from lkjip_lint.interpret.indicators import collect_indicators

        return collect_indicators(self)

    @property
    def indicators(self):
        return self._indicator_model[0]

    def find_indicator(self, name: str):
        """The indicator a name (as written anywhere in the report) refers to, if any."""
        return self._indicator_model[1].find(name) if name else None

    @cached_property
    def negative_names(self) -> list[str]:
        """Indicators declared lower-is-better by configuration, data input or the report's own words."""
        from lkjip_lint.interpret.polarity import stated_negatives

        return stated_negatives(self.document, self.settings, self.vocab.indicators)

    @cached_property
    def entities(self):
        """One index of the indicators, sasaran, programmes, places and the instansi the report names."""
        from lkjip_lint.interpret.entities import collect_entities

        return collect_entities(self)

    @cached_property
    def stated_facts(self):
        """The facts as read, before the report's capaian convention is known."""
        from lkjip_lint.interpret.facts import all_facts

        return all_facts(self)

    @cached_property
    def facts(self):
        from lkjip_lint.interpret.convention import with_formulas

        return with_formulas(self.stated_facts)

    @cached_property
    def capaian_convention(self):
        """Which negative-polarity capaian formula the report's own rows and sentences follow (interpret/convention.py)."""
        from lkjip_lint.interpret.convention import learn_convention

        return learn_convention(self.stated_facts, self.claims, self)

    @cached_property
    def claims(self):
        from lkjip_lint.interpret.claims import extract_claims

        return extract_claims(self)

    @cached_property
    def list_counts(self):
        """Counts that announce a list ("3 (tiga) sasaran antara lain :" and the items after it, "5 indikator
        yaitu A, B, C, D dan E") with how many items the list has."""
        from lkjip_lint.interpret.claims import sentences
        from lkjip_lint.interpret.counts import list_counts

        return list_counts([b for b in self.texts if isinstance(b, (Paragraph, Heading))], sentences)

    @cached_property
    def named_values(self):
        """Numbers the text gives right after a table row's label ("… pada Program Koordinasi … sebesar 86,08%")."""
        from lkjip_lint.interpret.named_rows import named_values

        return named_values(self)

    @cached_property
    def changes(self):
        """Sentences stating a change between two values ("meningkat … sebesar 5,29 point")."""
        from lkjip_lint.interpret.changes import change_statements

        return change_statements(self)

    @cached_property
    def achievements(self):
        """Sentences saying a target was or was not reached, with the values they give for it."""
        from lkjip_lint.interpret.changes import achievement_statements

        return achievement_statements(self)


def _text_above(blocks: list, i: int) -> str:
    """The paragraph just above a table without a caption often names it."""
    for block in reversed(blocks[max(0, i - 2):i]):
        if isinstance(block, (Paragraph, Heading)):
            return block.text[-200:]
    return ""
