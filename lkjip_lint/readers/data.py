"""Read a report kept as data (.yaml/.yml/.json, the format `lkjip-lint extract` writes).

The file is untrusted: YAML is read with `safe_load` only (no Python tags), depth and
size are measured iteratively before anything is built, and schema violations
(schemas/lkjip.schema.json) are kept on the Document as `problems`, reported by
rule DATA001, never raised. The Document is rebuilt from `tables` and `text` so
the same rules run as on the original report; data written by hand, with only
`indicators` (and `scale`, `budget`), gets tables synthesised from them.
"""
from __future__ import annotations

import json
import math
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from lkjip_lint.document import Caption, Cell, Document, Heading, ListBlock, ListEntry, Paragraph, Row, Table
from lkjip_lint.readers import structure
from lkjip_lint.readers.errors import InputError
from lkjip_lint.resources import schema_path

MAX_DEPTH = 50
MAX_NODES = 200_000
MAX_PROBLEMS = 100  # more violations than this say the file is not this format at all


def read(path: Path) -> Document:
    data = load(path.read_bytes(), json_syntax=path.suffix.lower() == ".json")
    return build(data, str(path))


def build(data: Any, path: str = "<data>") -> Document:
    measure(data)
    if not isinstance(data, dict):
        raise InputError("data_invalid", reason="the top level must be a mapping (subject, indicators, tables, …)")
    blocks = _blocks(data)
    negatives = [str(_dict(ind).get("name")) for ind in _list(data.get("indicators"))
                 if _dict(ind).get("polarity") == "negative" and _dict(ind).get("name")]
    return Document(path=path, format="data", blocks=blocks, problems=validate(data), negative_indicators=negatives)


# ---- loading and limits ---------------------------------------------------------

def load(raw: bytes, json_syntax: bool) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("data_invalid", reason=f"not UTF-8 (byte {exc.start})") from None
    try:
        if json_syntax:
            return json.loads(text)
        return yaml.safe_load(text)
    except RecursionError:  # the parsers recurse per level: a deep file stops here, before our own walk
        raise InputError("data_too_deep", reason=f"depth > {MAX_DEPTH}") from None
    except json.JSONDecodeError as exc:
        raise InputError("data_invalid", reason=f"JSON, line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except yaml.constructor.ConstructorError as exc:
        # e.g. !!python/object/apply:os.system — safe_load refuses it, we say why
        tag = exc.problem or "unknown tag"
        raise InputError("data_invalid", reason=f"YAML{_mark(exc)}: {tag} (only plain data is read)") from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError("data_invalid", reason=f"YAML{_mark(exc)}: {problem}") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError("data_invalid", reason=str(exc).split(";")[0][:200]) from None


def _mark(exc) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f", line {mark.line + 1}" if mark is not None else ""


def measure(data: Any) -> None:
    """Refuse data deeper than MAX_DEPTH or larger than MAX_NODES, without recursion.

    Counting stops at the limit, so YAML aliases that fan out (a "billion laughs")
    cost at most MAX_NODES steps, and a recursive alias hits the depth limit.
    """
    stack = [(data, 1)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise InputError("data_too_deep", reason=f"> {MAX_NODES} values")
        if depth > MAX_DEPTH:
            raise InputError("data_too_deep", reason=f"depth > {MAX_DEPTH}")
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, float) and not math.isfinite(node):
            # NaN and infinities (JSON NaN/Infinity, 1e999999, YAML .inf) are not figures of a report
            raise InputError("data_invalid", reason="bilangan tak hingga atau NaN / an infinite or NaN number")


# ---- schema ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_path("lkjip.schema.json").read_text(encoding="utf-8")))


def validate(data: dict) -> list[dict]:
    """Every violation as {path, message}: 'indicators[0].targets[1].value: 'abc' is not of type 'number''."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: _sort_key(e.absolute_path))
    problems = []
    for err in errors[:MAX_PROBLEMS]:
        err = _leaf(err)
        problems.append({"path": json_path(err.absolute_path), "message": _short(err.message),
                         "actual": _scalar(err.instance), "expected": _expected(err)})
    if len(errors) > MAX_PROBLEMS:
        problems.append({"path": "$", "message": f"… {len(errors) - MAX_PROBLEMS} more violations"})
    return problems


def _leaf(err):
    """For an optional field (anyOf [X, null]) the useful message is the one about X."""
    while err.context:
        useful = [e for e in err.context if not (e.validator == "type" and e.validator_value == "null")]
        if not useful:
            break
        err = jsonschema.exceptions.best_match(useful)
    return err


def _expected(err) -> Any:
    if err.validator in ("type", "enum", "const", "required"):
        return err.validator_value
    return None


def _scalar(value: Any) -> Any:
    """The offending value when it is a plain value (a whole mapping is not worth repeating)."""
    if isinstance(value, str):
        return _short(value, 80)
    return value if isinstance(value, (int, float, bool)) else None


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sort_key(parts) -> list:
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in parts]


def json_path(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "$"


# ---- the Document from `tables` and `text` ----------------------------------------------

def _blocks(data: dict) -> list:
    # (position, block): `index`, when the data records where a block stood in the document
    tables = [(_int(t.get("index")), _table(t, i)) for i, t in enumerate(_list(data.get("tables"))) if isinstance(t, dict)]
    if not tables:
        tables = [(None, t) for t in synthesise(data)]
    text = [(_int(_dict(t).get("index")), b) for t in _list(data.get("text")) if (b := _text_block(t)) is not None]
    if not text:
        text = [(None, h) for h in _title_page(_dict(data.get("subject")))]
    blocks = _merge(text, tables)
    structure.assign_sections(blocks)
    for i, block in enumerate(blocks):
        block.index = i
    return blocks


def _table(t: dict, i: int) -> Table:
    caption = None
    if any(t.get(k) for k in ("number", "raw_number", "title", "caption_line")):
        caption = Caption(number=_str_or_none(t.get("number")), raw_number=_str_or_none(t.get("raw_number")),
                          title=_str(t.get("title")), line=_int(t.get("caption_line")), page=_int(t.get("page")))
    header = [Row(cells=[Cell(text=_str(c)) for c in _list(r)], is_header=True) for r in _list(t.get("header_rows"))]
    rows = []
    for k, r in enumerate(_list(t.get("rows"))):
        r = _dict(r)
        line, page = _int(r.get("line")), _int(r.get("page"))
        rows.append(Row(cells=[Cell(text=_str(c), line=line, page=page) for c in _list(r.get("cells"))],
                        line=line, page=page, path=f"tables[{i}].rows[{k}]"))
    width = max((len(r.cells) for r in header + rows), default=0)
    return Table(caption=caption, header_rows=header, rows=rows, n_cols=width, line=_int(t.get("line")),
                 page=_int(t.get("page")), unreadable=caption is not None and not rows and not header,
                 ordinal=i + 1, path=f"tables[{i}]")


def _text_block(t: Any):
    t = _dict(t)
    kind, line, page = t.get("type"), _int(t.get("line")), _int(t.get("page"))
    if kind == "heading":
        return Heading(text=_str(t.get("text")), level=_int(t.get("level")) or 1, line=line, page=page)
    if kind == "paragraph":
        return Paragraph(text=_str(t.get("text")), line=line, page=page)
    if kind in ("contents", "table_list", "figure_list"):
        entries = [ListEntry(text=_str(e.get("text")), number=_str_or_none(e.get("number")),
                             line=_int(e.get("line")), page=_int(e.get("page")))
                   for e in _list(t.get("entries")) if isinstance(e, dict)]
        return ListBlock(kind=kind, entries=entries, line=line, page=page)
    return None


def _merge(text: list, tables: list) -> list:
    """Put tables back among the text: by block position, else line, else page (text first on a page)."""
    out, i, j = [], 0, 0
    while i < len(text) or j < len(tables):
        if j < len(tables) and (i >= len(text) or not _text_first(text[i], tables[j])):
            out.append(tables[j][1])
            j += 1
        else:
            out.append(text[i][1])
            i += 1
    return out


def _text_first(text: tuple, table: tuple) -> bool:
    (pos_a, block), (pos_b, tab) = text, table
    for a, b in ((pos_a, pos_b), (block.line, _table_line(tab))):
        if a is not None and b is not None:
            return a < b
    if block.page is not None and tab.page is not None:
        return block.page <= tab.page
    return True  # no position at all: the text's order, tables after


def _table_line(table: Table) -> int | None:
    lines = [x for x in (table.line, table.caption.line if table.caption else None) if x is not None]
    return min(lines) if lines else None


def _title_page(subject: dict) -> list:
    """Data without text: a title page from `subject`, so the report's year and agency are known."""
    lines = []
    kind, name, kab, year = (subject.get(k) for k in ("kind", "name", "kabupaten", "year"))
    if kind and name:
        lines.append(f"{kind} {name}".upper())
    if kab:
        lines.append(f"KABUPATEN {kab}".upper())
    if isinstance(year, int):
        lines.append(f"TAHUN {year}")
    if not lines:
        return []
    return [Heading(text=t) for t in ["LAPORAN KINERJA INSTANSI PEMERINTAH", *lines]]


# ---- tables synthesised from hand-written data -------------------------------------------

def synthesise(data: dict) -> list[Table]:
    """PK, capaian, scale and budget tables from `indicators`, `scale` and `budget`."""
    year = _dict(data.get("subject")).get("year")
    year = year if isinstance(year, int) else None
    indicators = [(i, _dict(ind)) for i, ind in enumerate(_list(data.get("indicators")))]
    tables = [_scale_table(_dict(data.get("scale")))]
    for kind, title in (("pk", "Perjanjian Kinerja"), ("pk_amendment", "Perjanjian Kinerja Perubahan")):
        tables.append(_pk_table(indicators, kind, title, year))
    tables.append(_capaian_table(indicators, year))
    tables.append(_budget_table(_list(data.get("budget"))))
    tables = [t for t in tables if t is not None]
    for n, table in enumerate(tables, 1):  # numbered "Tabel 1…n": findings name a table, numbering rules stay quiet
        table.caption.number = table.caption.raw_number = str(n)
        table.ordinal = n
    return tables


def _synthetic(title: str, header: list[str], rows: list[Row]) -> Table | None:
    if not rows:
        return None
    return Table(caption=Caption(title=title), header_rows=[Row(cells=[Cell(text=h) for h in header], is_header=True)],
                 rows=rows, n_cols=len(header))


def _row(cells: list[str], path: str) -> Row:
    return Row(cells=[Cell(text=c) for c in cells], path=path)


def _pick(values: list, kinds: set, year: int | None) -> tuple[int, dict] | None:
    for k, v in enumerate(values):
        if isinstance(v, dict) and _hashable(v.get("table_kind")) in kinds and v.get("year") in (None, year):
            return k, v
    return None


def _pk_table(indicators, kind: str, title: str, year: int | None) -> Table | None:
    rows = []
    for i, ind in indicators:
        hit = _pick(_list(ind.get("targets")), {kind}, year)
        if hit:
            rows.append(_row([str(len(rows) + 1), _str(ind.get("name")), _first(ind.get("units")), _cell(hit[1])],
                             f"indicators[{i}].targets[{hit[0]}]"))
    return _synthetic(title, ["No", "Indikator Kinerja", "Satuan", _yr("Target", year)], rows)


def _capaian_table(indicators, year: int | None) -> Table | None:
    rows = []
    for i, ind in indicators:
        own = {None, "capaian"}
        # a capaian table without its own target uses the operative PK's (the Perubahan when there is one)
        target = (_pick(_list(ind.get("targets")), own, year) or _pick(_list(ind.get("targets")), {"pk_amendment"}, year)
                  or _pick(_list(ind.get("targets")), {"pk"}, year))
        real = _pick(_list(ind.get("realisasi")), own, year)
        cap = _pick(_list(ind.get("capaian")), own, year)
        if not (real or cap):
            continue
        rows.append(_row([_str(ind.get("name")), _first(ind.get("units")), *(_cell(x[1]) if x else "" for x in (target, real, cap)),
                          _first(ind.get("kategori"))], f"indicators[{i}]"))
    header = ["Indikator Kinerja", "Satuan", _yr("Target", year), _yr("Realisasi", year),
              _yr("Capaian", year) + " (%)", "Kategori"]
    return _synthetic("Capaian Indikator Kinerja", header, rows)


def _scale_table(scale: dict) -> Table | None:
    if scale.get("source") == "default":  # not the report's own: the configured default applies anyway
        return None
    rows = []
    for k, band in enumerate(_list(scale.get("bands"))):
        band = _dict(band)
        lo, hi = _num(band.get("min")), _num(band.get("max"))
        if lo is None and hi is None:
            continue
        if lo is None:
            interval = f"≤ {_fmt(hi)}"
        elif hi is None:
            interval = f"{'>' if band.get('exclusive') else '≥'} {_fmt(lo)}"
        else:
            interval = f"{'> ' if band.get('exclusive') else ''}{_fmt(lo)} - {_fmt(hi)}"
        rows.append(_row([str(k + 1), interval, _str(band.get("label"))], f"scale.bands[{k}]"))
    return _synthetic(_str(scale.get("name")) or "Skala Nilai Peringkat Kinerja", ["No", "Interval Nilai", "Kategori"], rows)


def _budget_table(items: list) -> Table | None:
    """Codes "1", "1.1", "1.1.1" carry the programme → kegiatan → sub kegiatan levels."""
    rows: list[Row] = []
    counters: list[int] = []
    stack = [(f"budget[{k}]", item, 1) for k, item in reversed(list(enumerate(items)))]
    while stack:  # iterative, in document order
        path, item, depth = stack.pop()
        item = _dict(item)
        level = min(max(_int(item.get("level")) or depth, 1), 3)
        counters = (counters + [0] * level)[:level]
        counters[-1] += 1
        label = ".".join(str(c) for c in counters) + " " + _str(item.get("name"))
        rows.append(_row([label, *(_fmt(_num(item.get(k))) for k in ("pagu", "realisasi", "persen"))], path))
        children = _list(item.get("children"))
        stack.extend((f"{path}.children[{k}]", c, depth + 1) for k, c in reversed(list(enumerate(children))))
    return _synthetic("Realisasi Anggaran", ["Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"], rows)


# ---- tolerant accessors: the data may violate the schema and is still read -----------------

def _yr(word: str, year: int | None) -> str:
    return f"{word} {year}" if year else word


def _cell(value: dict) -> str:
    raw = value.get("raw")
    # the printed form carries the precision tolerances come from
    return raw.strip() if isinstance(raw, str) and raw.strip() else _fmt(_num(value.get("value")))


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _fmt(x: float | None) -> str:
    if x is None or not math.isfinite(x):  # JSON NaN/Infinity, YAML .inf: no printable number
        return ""
    if x == int(x) and abs(x) < 1e18:
        return str(int(x))
    return format(Decimal(repr(x)), "f")


def _first(x: Any) -> str:
    items = _list(x)
    return _str(items[0]) if items else ""


def _hashable(x: Any) -> Any:
    return x if isinstance(x, (str, int, float, type(None))) else repr(x)


def _list(x: Any) -> list:
    return x if isinstance(x, list) else []


def _dict(x: Any) -> dict:
    return x if isinstance(x, dict) else {}


def _str(x: Any) -> str:
    if x is None or isinstance(x, (dict, list)):
        return ""
    if isinstance(x, float):
        return _fmt(x)
    return str(x)


def _str_or_none(x: Any) -> str | None:
    return _str(x) or None


def _int(x: Any) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) else None
