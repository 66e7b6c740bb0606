"""Category scales: the report's own scale table, or a configured/default one.

Printed scales have gaps (90 < x < 91 belongs to no band) and stop at 100; they
are read as contiguous and half-open: a value falls in the band with the highest
lower bound it reaches, values above the top band stay in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property


@dataclass(kw_only=True)
class Band:
    """One band of a category scale: its bounds, label and aliases, and where the report printed it."""

    min: Decimal | None = None
    exclusive: bool = False
    max: Decimal | None = None
    label: str
    aliases: list[str] = field(default_factory=list)
    printed: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        # bounds from a YAML or configured scale come as numbers: compare them as printed decimals
        self.min, self.max = _decimal("min", self.min), _decimal("max", self.max)


def _decimal(name: str, value) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{name}: Input should be a valid decimal, not {value!r}") from None


@dataclass(kw_only=True)
class Scale:
    """A category scale: its bands, and what gave it (a table of the report, the configuration, default)."""

    name: str
    source: str  # "table" | "config" | "default"
    table: str | None = None
    line: int | None = None
    bands: list[Band]

    def classify(self, value: Decimal) -> Band:
        ordered = sorted(self.bands, key=lambda b: (b.min is not None, b.min or 0))
        chosen = ordered[0]
        for band in ordered:
            if band.min is None:
                continue
            if value > band.min or (value == band.min and not band.exclusive):
                chosen = band
        return chosen

    def find(self, label: str) -> Band | None:
        key = norm_label(label)
        for band in self.bands:
            if key == norm_label(band.label) or key in {norm_label(a) for a in band.aliases}:
                return band
        return None


def norm_label(text: str) -> str:
    text = re.sub(r"[*“”\"'()\[\].:]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


class ScaleBook:
    """rules/scales.yaml (bundled and users'): the named scales and the name of the default one."""

    def __init__(self, data: dict) -> None:
        self.scales = {name: Scale(name=name, source="default", bands=[Band(**b) for b in spec["bands"]])
                       for name, spec in (data.get("scales") or {}).items()}
        self.default = data.get("default", "permendagri-86-2017")
        if self.default not in self.scales:
            raise ValueError(f"the default scale '{self.default}' is not one of the scales ({', '.join(self.scales)})")

    @cached_property
    def labels(self) -> frozenset[str]:
        """Every band label and alias of every scale, normalised (norm_label)."""
        return frozenset(norm_label(l) for s in self.scales.values() for b in s.bands for l in [b.label, *b.aliases])


_LATEX = [(r"\$", ""), (r"\\%", "%"), (r"\\leq?\b", "≤"), (r"\\geq?\b", "≥"), (r"\\lt\b", "<"), (r"\\gt\b", ">"),
          (r"&lt;", "<"), (r"&gt;", ">"), (r"<=", "≤"), (r">=", "≥"), (r"=<", "≤"), (r"=>", "≥")]
_NUM = r"(\d+(?:[.,]\d+)?)"


def parse_band_text(text: str) -> tuple[Decimal | None, bool, Decimal | None] | None:
    """(lower, lower_exclusive, upper) from "91% ≤ 100%", "91 – 100", "> 90", "≤ 50", "x ≥ 91", "> 60 - 70"."""
    t = text
    for pattern, repl in _LATEX:
        t = re.sub(pattern, repl, t)
    t = t.replace("%", "").replace("x", " ").replace("X", " ")
    t = re.sub(r"\s+", " ", t).strip()
    nums = [Decimal(n.replace(",", ".")) for n in re.findall(_NUM, t)]
    if not nums:
        return None
    if re.match(r"^[<≤]", t) and len(nums) == 1:
        return None, False, nums[0]
    if re.match(r"^[>≥]", t) or (len(nums) == 1 and re.search(r"[≥>]\s*\d", t)):
        return nums[0], t.startswith(">") or bool(re.search(r">\s*\d", t)), nums[1] if len(nums) > 1 else None
    if len(nums) == 1 and re.search(r"\d\s*[<≤]\s*$", t):
        return nums[0], False, None
    if len(nums) >= 2:
        return nums[0], bool(re.match(r"^\s*\d+(?:[.,]\d+)?\s*<", t)), nums[1]
    return nums[0], False, None


def scale_from_table(view) -> Scale | None:
    interval = next(iter(view.cols("interval")), None)
    label_col = next(iter(view.cols("kategori")), None)
    if interval is None or label_col is None:
        return None
    bands = []
    for row in view.rows:
        parsed = parse_band_text(row.cells[interval.index])
        label = row.cells[label_col.index].strip()
        if parsed is None or not label:
            continue
        lower, exclusive, upper = parsed
        bands.append(Band(min=lower, exclusive=exclusive, max=upper, label=label,
                          printed=row.cells[interval.index], line=row.line))
    if len(bands) < 2:
        return None
    return Scale(name=view.title or view.name, source="table", table=view.name, line=view.table.line, bands=bands)


def report_scale(report) -> Scale:
    """The scale for capaian categories: configuration, else the report's table, else the default."""
    setting = report.settings.scale
    if isinstance(setting, list):
        return Scale(name="config", source="config", bands=[Band(**b) for b in setting])
    for view in report.views:
        if view.kind == "scale":
            scale = scale_from_table(view)
            if scale is not None and setting is None:
                return scale
    book = report.vocab.scales
    name = setting if isinstance(setting, str) and setting in book.scales else book.default
    return book.scales[name]


def other_scales(report) -> list[Scale]:
    """Scales whose labels must not be used as capaian categories (AKIP predikat, IKM mutu…)."""
    own = report.scale
    return [s for name, s in report.vocab.scales.scales.items() if name != own.name and s.bands is not own.bands]
