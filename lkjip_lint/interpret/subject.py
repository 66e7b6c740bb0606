"""Who wrote the report and for which year: instansi (kind + name), kabupaten/kota,
report year and signatory, from the title page and opening text (configuration wins)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lkjip_lint.document import Heading, Paragraph, Table

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_TAHUN_YEAR = re.compile(r"\btahun\s+(?:anggaran\s+)?(19[5-9]\d|20\d\d)\b", re.I)
_STOP = re.compile(r"\b(kabupaten|kota|provinsi|tahun|lkjip|laporan|periode)\b|[(\n]", re.I)


@dataclass(kw_only=True)
class Signatory:
    """Who signed the report: name, title, rank and NIP, and where the name is."""

    name: str
    title: str | None = None
    rank: str | None = None
    nip: str | None = None
    line: int | None = None
    block: int | None = None  # the name's block index (formats without lines)


@dataclass(kw_only=True)
class Subject:
    """Who wrote the report and for which year: the instansi's kind and name, kabupaten, year, signatory."""

    kind: str | None = None
    name: str | None = None
    kabupaten: str | None = None
    year: int | None = None
    signatory: Signatory | None = None

    @property
    def full_name(self) -> str | None:
        return f"{self.kind} {self.name}" if self.kind and self.name else None


def _title_lines(report) -> list[tuple[str, int | None]]:
    """Text before the contents / first chapter: the title page and what follows it."""
    out = []
    for block in report.document.blocks[:60]:
        if isinstance(block, Table):
            break
        text = getattr(block, "text", None)
        if text is None:
            break
        if re.match(r"^(daftar isi|bab\s+[i1]\b)", text, re.I):
            break
        out.append((text[:400], block.line))  # a title line is short; a runaway one is cut
    return out


def find_subject(report) -> Subject:
    settings = report.settings
    lines = _title_lines(report)
    subject = Subject()
    kinds = report.vocab.names.kinds_pattern
    parents = {k.lower() for k in report.vocab.names.parent_kinds}
    for text, _ in lines[:25]:
        clean = text.replace("*", "").strip()
        for m in kinds.finditer(clean):
            kind = m.group(1)
            name = _STOP.split(m.group(2))[0].strip(" ,.-:") if m.group(2) else ""
            if not name or len(name) > 80:
                continue
            if kind.lower() in parents:
                if subject.kabupaten is None and subject.kind and subject.kind.lower() not in parents:
                    subject.kabupaten = _title(name)
                elif subject.kind is None:
                    subject.kind, subject.name = _title(kind), _title(name)
                continue
            if subject.kind is None or subject.kind.lower() in parents:
                if subject.kind and subject.kind.lower() in parents:
                    subject.kabupaten = subject.name
                subject.kind, subject.name = _title(kind), _title(name)
        kab = re.search(r"\b(kabupaten|kota)\s+([A-Za-z][\w\s]*?)(?=\s+tahun\b|$|\*|,)", clean, re.I)
        if kab and subject.kind and subject.kind.lower() not in parents and subject.kabupaten is None:
            subject.kabupaten = _title(kab.group(2).strip())
    subject.year = _year(report, lines)
    subject.signatory = _signatory(report)
    override = settings.subject or {}
    for key in ("kind", "name", "kabupaten"):
        if override.get(key):
            setattr(subject, key, override[key])
    if settings.year:
        subject.year = settings.year
    return subject


def _title(text: str) -> str:
    if text.isupper():
        return " ".join(w if w.isupper() and len(w) <= 5 and not w.isalpha() else w.capitalize() for w in text.split())
    return text


def _year(report, lines) -> int | None:
    for text, _ in lines[:25]:
        m = _TAHUN_YEAR.search(text)
        if m:
            return int(m.group(1))
    for text, _ in lines[:12]:
        if re.fullmatch(r"\**\s*(19[5-9]\d|20\d\d)\s*\**", text.strip()):
            return int(text.strip("* "))
    counts = Counter(int(y) for b in report.texts[:200] for y in _TAHUN_YEAR.findall(b.text))
    if counts:
        return counts.most_common(1)[0][0]
    # no title page: the latest year a target column is set for
    years = [c.year for v in report.views for c in v.columns if c.role in ("target", "capaian") and c.year]
    return max(years) if years else None


_DEGREE = re.compile(r"\b(S\.\w+|M\.\w+|Dr|Dra|Drs|Ir|SH|SE|MM|MT|MSi|Ph\.?D)\b\.?")
_NIP = re.compile(r"NIP\.?\s*:?\s*([\d\s]{18,24})", re.I)
_RANK = re.compile(r"^(Pembina|Penata|Pengatur|Juru|Pembina Utama)\b.*", re.I)


def _signatory(report) -> Signatory | None:
    """The name under an office title ("CAMAT PURBALINGGA", "KEPALA DINAS …") near a NIP or rank."""
    blocks = [b for b in report.document.blocks if isinstance(b, (Paragraph, Heading))]
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if not re.match(r"^(camat|kepala|lurah|sekretaris|inspektur|direktur|bupati|walikota|plt\.?)\b", text, re.I):
            continue
        if len(text) > 80:
            continue
        following = blocks[i + 1:i + 5]
        name = next((b for b in following if _DEGREE.search(b.text) or (b.text.isupper() and len(b.text) < 60)), None)
        if name is None:
            continue
        rank = next((b.text.strip() for b in following if _RANK.match(b.text.strip())), None)
        nip = next((m.group(1).strip() for b in following if (m := _NIP.search(b.text))), None)
        if rank or nip:
            return Signatory(name=name.text.strip(), title=text, rank=rank, nip=nip, line=name.line, block=name.index)
    return None
