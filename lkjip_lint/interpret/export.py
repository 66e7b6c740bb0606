"""The LKjIP model as data: what `extract` prints and what `check data.yaml` reads.

It carries both the interpretation (subject, indicators with every value and
where it came from, the scale, the budget tree, the text's claims, coverage)
and the document content it was read from (tables with header paths and cells,
text blocks), so that a reviewer can correct an extraction and check it again.
schemas/lkjip.schema.json is generated from these models (tests prove they agree).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lkjip_lint import __version__
from lkjip_lint.datamodel import dump
from lkjip_lint.document import Heading, ListBlock, Paragraph, Table
from lkjip_lint.interpret.claims import Claim
from lkjip_lint.interpret.subject import Subject

FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    table: str | None = None
    line: int | None = None
    page: int | None = None


class SourcedValue(_Model):
    value: float
    raw: str | None = None  # as printed; hand-written data may leave it out
    year: int | None = None
    table_kind: str | None = None
    source: Source = Field(default_factory=Source)


class IndicatorModel(_Model):
    name: str
    variants: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    polarity: Literal["positive", "negative"] = "positive"
    targets: list[SourcedValue] = Field(default_factory=list)
    realisasi: list[SourcedValue] = Field(default_factory=list)
    capaian: list[SourcedValue] = Field(default_factory=list)
    kategori: list[str] = Field(default_factory=list)


class BandModel(_Model):
    min: float | None = None
    exclusive: bool = False
    max: float | None = None
    label: str


class ScaleModel(_Model):
    name: str
    source: str
    table: str | None = None
    bands: list[BandModel]


class BudgetItem(_Model):
    name: str
    level: int
    pagu: float | None = None
    realisasi: float | None = None
    persen: float | None = None
    source: Source
    children: list["BudgetItem"] = Field(default_factory=list)


class ClaimModel(_Model):
    kind: str
    sentence: str
    values: dict[str, float] = Field(default_factory=dict)
    value: float | None = None
    label: str | None = None
    indicator: str | None = None
    source: Source


class ColumnModel(_Model):
    header: str
    role: str | None = None
    year: int | None = None
    decided_by: Literal["header", "values", "both"] | None = None  # how the role was decided (extract only)
    relation: str | None = None  # the formula the values show ("Angka / Sasaran × 100"), when found


class RowModel(_Model):
    cells: list[str]
    line: int | None = None
    page: int | None = None
    type: str = "data"
    children: list[int] | None = None  # 1-based rows this row adds up (a parent found from the values)
    level: int | None = None  # outline level (1 = top) when the table's sums confirm its outline


class TableModel(_Model):
    index: int | None = None  # position among the document's blocks (keeps tables among the text)
    label: str
    number: str | None = None
    raw_number: str | None = None
    title: str = ""
    kind: str | None = None
    line: int | None = None
    page: int | None = None
    caption_line: int | None = None
    header_rows: list[list[str]] = Field(default_factory=list)
    columns: list[ColumnModel] = Field(default_factory=list)
    rows: list[RowModel] = Field(default_factory=list)
    outline: str | None = None  # what the row levels were read from (markers, keywords, capitals, indentation)


class TextBlock(_Model):
    index: int | None = None  # position among the document's blocks
    type: Literal["heading", "paragraph", "contents", "table_list", "figure_list"]
    text: str = ""
    level: int | None = None
    line: int | None = None
    page: int | None = None
    entries: list[dict] | None = None


class Coverage(_Model):
    """What was read of the report. A table is read when its kind, a column's role, its total rows or a
    relation between its columns is known (a table of words only has nothing to leave unread); a sentence
    with numbers is read when it became a fact, a claim, a change, a statement of a target reached, the
    count of a list that follows or a value of a table row it names; the lines of a formula worked out
    (its named form, its components' values, its result) are read with it.
    The numbers of list items and sections, the days of dates, NIPs, postcodes and telephone numbers are
    labels, not counted."""

    tables_found: int
    tables_recognised: int
    unrecognised: list[str] = Field(default_factory=list)
    sentences_with_numbers: int = 0
    sentences_read: int = 0
    unread_sentences: list[str] = Field(default_factory=list)  # the first few, "line: sentence"


class FactModel(_Model):
    """One stated value: what it is about, what it measures, for which year, where, and how it was read."""
    entity: str
    measure: str
    period: int | None = None
    value: float
    raw: str
    source: Literal["table", "text"]
    how: str
    where: str
    line: int | None = None
    page: int | None = None
    kind: str | None = None  # the entity's kind: indikator, program, kegiatan, sub_kegiatan


class SeenModel(_Model):
    where: str = ""  # the table, or "teks"
    line: int | None = None
    page: int | None = None
    how: str  # indicator | row keyword | column header | outline level | mention | subject


class EntityModel(_Model):
    """One thing the report names (interpret/entities.py), with every spelling and where each was seen."""
    kind: str  # indikator, sasaran, tujuan, program, kegiatan, sub_kegiatan, kelurahan, desa, kelurahan/desa, instansi
    name: str
    variants: list[str] = Field(default_factory=list)
    acronym: str | None = None
    seen: list[SeenModel] = Field(default_factory=list)


class ConventionModel(_Model):
    """The capaian formula the report's own rows use for lower-is-better indicators (interpret/convention.py)."""
    negative: str | None = None  # "(2T − R) / T" or "T / R" when settled; None: every negative formula is admitted
    votes: dict[str, int] = Field(default_factory=dict)  # formula → rows and sentences only it reproduces
    places: int = 0  # negative-indicator rows and sentences stating target, realisasi and capaian


class LkjipModel(_Model):
    format_version: int = FORMAT_VERSION
    generator: str = f"lkjip-lint {__version__}"
    document: str | None = None
    format: str | None = None
    subject: Subject = Field(default_factory=Subject)
    scale: ScaleModel | None = None
    indicators: list[IndicatorModel] = Field(default_factory=list)
    budget: list[BudgetItem] = Field(default_factory=list)
    claims: list[ClaimModel] = Field(default_factory=list)
    facts: list[FactModel] = Field(default_factory=list)
    entities: list[EntityModel] = Field(default_factory=list)
    acronyms: dict[str, str] = Field(default_factory=dict)  # as the report defines them: "IKM": "Indeks Kepuasan Masyarakat"
    capaian_convention: ConventionModel | None = None
    coverage: Coverage | None = None
    tables: list[TableModel] = Field(default_factory=list)
    text: list[TextBlock] = Field(default_factory=list)


def export_model(report) -> LkjipModel:
    scale = report.scale
    return LkjipModel(
        document=report.document.path,
        format=report.document.format,
        subject=report.subject,
        scale=ScaleModel(name=scale.name, source=scale.source, table=scale.table,
                         bands=[BandModel(min=_f(b.min), exclusive=b.exclusive, max=_f(b.max), label=b.label) for b in scale.bands]),
        indicators=[_indicator(i) for i in report.indicators],
        budget=_budget(report),
        claims=[_claim(c) for c in report.claims],
        facts=[_fact(f) for f in report.facts],
        entities=[_entity(e) for e in report.entities.entities],
        acronyms=report.entities.acronyms,
        capaian_convention=_convention(report.capaian_convention),
        coverage=_coverage(report),
        tables=[_table(b, report) for b in report.document.blocks if isinstance(b, Table)],
        text=[_text(b) for b in report.document.blocks if isinstance(b, (Heading, Paragraph, ListBlock))],
    )


def _fact(f) -> FactModel:
    return FactModel(entity=f.entity, measure=f.measure, period=f.period, value=float(f.value.value), raw=f.value.raw,
                     source=f.source, how=f.how, where=f.where[:160], line=f.location.line, page=f.location.page,
                     kind=f.kind)


def _entity(e) -> EntityModel:
    return EntityModel(kind=e.kind, name=e.name, variants=e.variants, acronym=e.acronym,
                       seen=[SeenModel(where=s.where, line=s.line, page=s.page, how=s.how) for s in e.seen])


def _convention(c) -> ConventionModel:
    return ConventionModel(negative=c.negative, votes=c.votes, places=c.places)


def _coverage(report) -> Coverage:
    from lkjip_lint.interpret.coverage import coverage

    info = coverage(report)
    return Coverage(tables_found=info.tables_found, tables_recognised=info.tables_recognised,
                    unrecognised=info.unrecognised, sentences_with_numbers=info.sentences_with_numbers,
                    sentences_read=info.sentences_read,
                    unread_sentences=[f"{line}: {text}" if line else text for line, text in info.unread])


def _f(value) -> float | None:
    return float(value) if value is not None else None


def _sv(v) -> SourcedValue:
    return SourcedValue(value=v.value, raw=v.raw, year=v.year, table_kind=v.kind,
                        source=Source(table=v.table, line=v.line, page=v.page))


def _indicator(ind) -> IndicatorModel:
    return IndicatorModel(name=ind.name, variants=ind.variants, units=ind.units, polarity=ind.polarity,
                          targets=[_sv(v) for v in ind.targets], realisasi=[_sv(v) for v in ind.realisasi],
                          capaian=[_sv(v) for v in ind.capaian], kategori=ind.kategori)


def _budget(report) -> list[BudgetItem]:
    items: list[BudgetItem] = []
    for view in report.views:
        if view.kind != "budget":
            continue
        pagu = next(iter(view.cols("pagu")), None)
        real = next(iter(view.cols("realisasi_anggaran")), None)
        pct = next(iter(view.cols("serapan")), None)
        parent = None
        for row in view.rows:
            if row.type != "data":
                continue
            item = BudgetItem(
                name=row.label.lstrip("-• ").strip(), level=row.level or 1,
                pagu=_num(view, row, pagu), realisasi=_num(view, row, real), persen=_num(view, row, pct),
                source=Source(table=view.name, line=row.line, page=row.page),
            )
            if item.level <= 1 or parent is None:
                items.append(item)
                parent = item
            else:
                parent.children.append(item)
    return items


def _num(view, row, col) -> float | None:
    n = view.num(row, col) if col is not None else None
    return float(n.value) if n is not None else None


def _claim(c: Claim) -> ClaimModel:
    return ClaimModel(kind=c.kind, sentence=c.sentence, values={k: float(v.value) for k, v in c.values.items()},
                      value=float(c.value.value) if c.value is not None else None, label=c.label or None,
                      indicator=c.indicator, source=Source(line=c.line, page=c.page))


def _table(table: Table, report) -> TableModel:
    view = next((v for v in report.views if v.table is table), None)
    children = _children(view) if view else {}
    # rows the view skipped (a years row continuing the header, column numbers, formulas) keep that kind
    types = {**(view.skipped if view else {}), **({r.index: r.type for r in view.rows} if view else {})}
    cap = table.caption
    outline = view.outline if view else None
    levels = {view.rows[k].index: level for k, level in outline.levels.items()} if outline else {}
    return TableModel(
        index=table.index,
        label=table.label(), number=cap.number if cap else None, raw_number=cap.raw_number if cap else None,
        title=cap.title if cap else "", kind=view.kind if view else None, line=table.line, page=table.page,
        caption_line=cap.line if cap else None,
        header_rows=[r.texts() for r in table.header_rows],
        columns=_columns(view) if view else [],
        rows=[RowModel(cells=r.texts(), line=r.line, page=r.page, type=types.get(i, "data"),
                       children=children.get(i), level=levels.get(i)) for i, r in enumerate(table.rows)],
        outline=outline.cue if outline else None,
    )


def _columns(view) -> list[ColumnModel]:
    """Roles with how they were decided: header words, values (a relation the rows show), or both."""
    from lkjip_lint.interpret.relations import relations

    found = {rel.result: rel for rel in relations(view)}
    out = []
    for c in view.columns:
        rel = found.get(c.index)
        decided = ("both" if c.role else "values") if rel else ("header" if c.role else None)
        out.append(ColumnModel(header=c.header, role=c.role, year=c.year, decided_by=decided,
                               relation=rel.describe(view) if rel else None))
    return out


def _children(view) -> dict[int, list[int]]:
    from lkjip_lint.interpret.hierarchy import parents

    return {view.rows[p.row].index: [view.rows[c].index + 1 for c in p.children] for p in parents(view)}


def _text(block) -> TextBlock:
    if isinstance(block, ListBlock):
        return TextBlock(index=block.index, type=block.kind, line=block.line, page=block.page,
                         entries=[dump(e, exclude_none=True) for e in block.entries])
    if isinstance(block, Heading):
        return TextBlock(index=block.index, type="heading", text=block.text, level=block.level, line=block.line, page=block.page)
    return TextBlock(index=block.index, type="paragraph", text=block.text, line=block.line, page=block.page)


def chart_data(report) -> dict:
    """Target vs realisasi per indicator (report year) and pagu vs realisasi per programme."""
    from lkjip_lint.interpret.indicators import computed_capaian

    year = report.year
    indicators = []
    for ind in report.indicators:
        target = next((t.value for t in ind.targets if t.kind in ("capaian", "multi_year", "efficiency")), None)
        real = next((r.value for r in ind.realisasi if r.year in (None, year)), None)
        if target is not None and real is not None:
            cap = computed_capaian(ind, year)
            indicators.append({"name": ind.name, "target": target, "realisasi": real,
                               "capaian": float(cap) if cap is not None else None})
    budget = [{"name": b.name, "pagu": b.pagu, "realisasi": b.realisasi}
              for b in _budget(report) if b.pagu and b.realisasi is not None]
    return {"indicators": indicators, "budget": budget}
