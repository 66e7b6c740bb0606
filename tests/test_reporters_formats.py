"""The CI/HTML reporters: every format is parsed back, not string-compared only."""
from __future__ import annotations

import json
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lkjip_lint.document import Location
from lkjip_lint.engine.rule import Rule, Text
from lkjip_lint.finding import Finding
from lkjip_lint.reporters import github, html, junit, sarif
from lkjip_lint.results import FileResult

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def rule(rid: str, name: str, severity: str = "error") -> Rule:
    return Rule(
        id=rid, name=name, kind="formula", severity=severity,
        summary=Text(id=f"Ringkasan {rid}", en=f"Summary {rid}"),
        message=Text(id="Capaian {actual} seharusnya {expected}", en="Achievement {actual} should be {expected}"),
    )


RULES = [rule("SUM001", "capaian-formula"), rule("NUM001", "number-format", "warning"),
         rule("TAB001", "table-numbering"), rule("CAT001", "category", "info")]

TABLE_EVIDENCE = {
    "label": "Tabel 3.2", "title": "Capaian IKU",
    "header": [["No", "Indikator", "Target", "Realisasi", "Capaian (%)"]],
    "rows": [{"cells": ["1", "Indeks Kepuasan <Masyarakat>", "88", "91,4", "102,51"], "line": 515},
             {"cells": ["2", "Persentase layanan", "100", "100", "100"], "line": 516}],
    "highlight": [{"row": 0, "col": 4, "expected": "102,57"}],
}


def results() -> list[FileResult]:
    text = FileResult(path="laporan/purbalingga 2024.txt", format="text", tables_read=7, tables_recognised=5, findings=[
        Finding(rule="SUM001", severity="error", message="Capaian 102,51 % ≠ 102,57: <b>&amp;</b>\nbaris dua",
                location=Location(line=515, table="Tabel 3.2", row="Indeks Kepuasan Masyarakat", column="Capaian (%)"),
                actual=102.51, expected=102.57, evidence={"table": TABLE_EVIDENCE}, fingerprint="0123456789abcdef"),
        Finding(rule="SUM001", severity="warning", message="Selisih digit terakhir",
                location=Location(line=530, table="Tabel 3.3"), actual=91.5, expected=91.6),
        Finding(rule="CAT001", severity="info", message="Kategori tidak tertulis",
                location=Location(line=540, table="Tabel 3.2", row="Persentase layanan")),
    ])
    pdf = FileResult(path="dinas.pdf", format="pdf", tables_read=3, tables_recognised=3, findings=[
        Finding(rule="NUM001", severity="warning", message="Angka 1.473.36 tidak sah, 50%, a:b",
                location=Location(page=12, table="Tabel 2.1", row="Belanja Modal", column="Realisasi"),
                actual="1.473.36", expected=None, fingerprint="fedcba9876543210"),
        Finding(rule="XYZ999", severity="error", message="Aturan tak terdaftar", location=Location()),
    ])
    bad = FileResult(path="rusak.pdf", error="bukan berkas PDF\x0c yang sah")
    return [text, pdf, bad]


# ---- SARIF ---------------------------------------------------------------

def _sarif(res=None) -> dict:
    return json.loads(sarif.render(res if res is not None else results(), RULES, "id", "0.1.0"))


def test_sarif_structure():
    log = _sarif()
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lkjip-lint" and driver["version"] == "0.1.0"
    ids = [r["id"] for r in driver["rules"]]
    assert ids[:4] == ["SUM001", "NUM001", "TAB001", "CAT001"] and "XYZ999" in ids
    sum001 = driver["rules"][0]
    assert sum001["shortDescription"]["text"] == "Ringkasan SUM001"
    assert "Capaian {actual}" in sum001["help"]["text"]
    assert sum001["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][3]["defaultConfiguration"]["level"] == "note"

    results_ = run["results"]
    assert len(results_) == 5
    for r in results_:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in {"error", "warning", "note"}
        assert r["message"]["text"]
        assert r["locations"], "every result needs a location"
    first = results_[0]
    phys = first["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "laporan/purbalingga%202024.txt"
    assert phys["region"]["startLine"] == 515
    assert first["partialFingerprints"] == {"lkjipFingerprint/v1": "0123456789abcdef"}
    assert first["properties"] == {"actual": 102.51, "expected": 102.57}
    pdf = next(r for r in results_ if r["ruleId"] == "NUM001")
    assert "region" not in pdf["locations"][0]["physicalLocation"]
    logical = pdf["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == "hal. 12/Tabel 2.1/Belanja Modal/Realisasi"
    assert [r["level"] for r in results_[:3]] == ["error", "warning", "note"]

    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "bukan berkas PDF" in note["message"]["text"]


def test_sarif_all_readable_is_successful():
    inv = _sarif(results()[:2])["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is True and "toolExecutionNotifications" not in inv


def test_sarif_uri_forms():
    assert sarif.artifact_uri("a/b c.txt") == "a/b%20c.txt"
    assert sarif.artifact_uri("a\\b.txt") == "a/b.txt"
    assert sarif.artifact_uri("/tmp/x y.pdf") == "file:///tmp/x%20y.pdf"


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="official SARIF schema not available")
@pytest.mark.parametrize("subset", [slice(None), slice(0, 1), slice(0, 0)])
def test_sarif_validates_against_official_schema(subset):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = _sarif(results()[subset])
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    assert not errors, [f"{e.json_path}: {e.message}" for e in errors[:5]]


# ---- JUnit ---------------------------------------------------------------

def _junit(fail_on="error") -> ET.Element:
    return ET.fromstring(junit.render(results(), RULES, fail_on).encode("utf-8"))


def test_junit_suites_cases_and_failures():
    root = _junit()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["laporan/purbalingga 2024.txt", "dinas.pdf", "rusak.pdf"]
    text = suites[0]
    cases = text.findall("testcase")
    # every loaded rule is a testcase, passing ones included
    assert [c.get("name") for c in cases] == ["SUM001 capaian-formula", "NUM001 number-format",
                                              "TAB001 table-numbering", "CAT001 category"]
    failing = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failing == ["SUM001 capaian-formula"]
    fail = cases[0].find("failure")
    assert "515" in fail.text and "102.57" in fail.text and "Tabel 3.2" in fail.text
    assert "Selisih digit terakhir" not in fail.text  # the warning does not fail at fail_on=error
    assert "Selisih digit terakhir" in cases[0].find("system-out").text
    assert text.get("tests") == "4" and text.get("failures") == "1"
    # a finding of a rule that is not loaded still gets its own testcase
    assert "XYZ999" in [c.get("name") for c in suites[1].findall("testcase")]
    assert int(root.get("failures")) >= 2


def test_junit_fail_on_levels():
    def failing(root):
        return sum(1 for c in root.iter("testcase") if c.find("failure") is not None)
    assert failing(_junit("error")) < failing(_junit("warning")) < failing(_junit("info"))
    warn = _junit("warning").find("testsuite").find("testcase").find("failure")
    assert "Selisih digit terakhir" in warn.text


def test_junit_unique_names_and_unreadable_file():
    root = _junit()
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    bad = root.findall("testsuite")[2]
    assert bad.get("errors") == "1"
    (case,) = bad.findall("testcase")
    assert "bukan berkas PDF" in case.find("error").get("message")


def test_junit_duplicate_rule_ids_stay_unique():
    root = ET.fromstring(junit.render(results()[:1], RULES + [RULES[0]], "error"))
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(names) == len(set(names))


# ---- GitHub --------------------------------------------------------------

LINE = re.compile(r"^::(error|warning|notice) (file=[^,:\n]+(?:,line=\d+)?(?:,title=[^,:\n]+)?)::([^\r\n]*)$")


def _unescape(s: str) -> str:
    return s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_lines_are_well_formed():
    out = github.render(results(), RULES, "error")
    lines = out.splitlines()
    assert len(lines) == 6  # five findings and the unreadable file
    parsed = []
    for line in lines:
        m = LINE.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        parsed.append((m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))))
    kind, props, msg = parsed[0]
    assert kind == "error" and props["line"] == "515" and props["file"] == "laporan/purbalingga 2024.txt"
    assert props["title"] == "SUM001 capaian-formula"
    assert msg == "Capaian 102,51 % ≠ 102,57: <b>&amp;</b>\nbaris dua"
    assert [p[0] for p in parsed[:3]] == ["error", "warning", "notice"]
    num = next(p for p in parsed if p[1].get("title", "").startswith("NUM001"))
    assert "line" not in num[1]
    assert "(hal. 12 · Tabel 2.1 · Belanja Modal · Realisasi)" in num[2]
    assert parsed[-1][1]["file"] == "rusak.pdf" and parsed[-1][0] == "error"


def test_github_escaping():
    assert github.escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert github.escape_data("a\x0cb\u2028c") == "a b c"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_step_summary_appends_markdown_table(tmp_path):
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    github.write_step_summary(results(), target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    rows = [r for r in text.splitlines() if r.startswith("|")]
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", r)[1:-1]] for r in rows]
    assert cells[0] == ["Berkas", "Kesalahan", "Peringatan", "Catatan", "Tabel terbaca"]
    assert cells[2] == ["laporan/purbalingga 2024.txt", "1", "1", "1", "7"]
    assert cells[3] == ["dinas.pdf", "1", "1", "0", "3"]
    assert cells[-1][0] == "**Total**" and cells[-1][1] == "**2**"


# ---- HTML ----------------------------------------------------------------

DOCS = {"laporan/purbalingga 2024.txt": {
    "indicators": [{"name": "Indeks Kepuasan Masyarakat", "target": 88, "realisasi": 91.4, "capaian": 103.86},
                   {"name": "Persentase layanan <tepat waktu>", "target": 100, "realisasi": 95, "capaian": 95}],
    "budget": [{"name": "Program Penunjang Urusan", "pagu": 10903497000, "realisasi": 10097306301},
               {"name": "Program Pemberdayaan", "pagu": 500000000, "realisasi": 480000000},
               {"name": "rusak", "pagu": 0, "realisasi": 5}],
}}


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.style if self._in_style else self.text).append(data)


def _html(lang="id", docs=DOCS) -> tuple[str, Collector]:
    out = html.render(results(), RULES, lang, docs)
    c = Collector()
    c.feed(out)
    c.close()
    return out, c


def test_html_is_self_contained():
    out, c = _html()
    low = out.lower()
    assert "<script" not in low and "<link" not in low and "@import" not in low
    assert "url(http" not in low and "url(" not in "".join(c.style).lower()
    for tag, attrs in c.tags:
        assert tag not in {"script", "link", "img", "iframe", "object", "embed"}, tag
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"(https?:)?//", value), (tag, attrs)
            if name == "href" and value:
                assert value.startswith("#")


def test_html_content_and_escaping():
    out, c = _html()
    text = " ".join(c.text)
    assert "<b>&amp;</b>" in text  # the message shows as text, escaped in the markup
    assert "<b>" not in out
    assert "Seharusnya" in text and "Kesalahan" in text
    assert "102,57" in text and "10.097.306.301" in text  # budget tooltip, Indonesian digits
    # the offending cell of Tabel 3.2 is highlighted with the right value beside it
    out_cells = re.findall(r'<td class="bad">(.*?)</td>', out)
    assert len(out_cells) == 1 and "102,51" in out_cells[0] and "102,57" in out_cells[0]
    assert ("figure", {"id": "doc0-t0"}) in c.tags
    assert ("a", {"href": "#doc0-t0"}) in c.tags
    assert sum(1 for t, _ in c.tags if t == "svg") == 2
    assert "Indeks Kepuasan &lt;Masyarakat&gt;" in out
    assert "bukan berkas PDF" in text


def test_html_english_switches_ui_words():
    _, c = _html("en")
    text = " ".join(c.text)
    assert "Expected" in text and "Errors" in text
    for word in ("Seharusnya", "Kesalahan", "Tabel terbaca", "Ringkasan"):
        assert word not in text


def test_html_tolerates_malformed_evidence_and_chart_data():
    bad = FileResult(path="x.txt", format="text", findings=[
        Finding(rule="SUM001", severity="error", message="m", location=Location(line=1),
                evidence={"table": {"rows": "not a list"}}),
        Finding(rule="SUM001", severity="error", message="m", location=Location(line=2),
                evidence={"table": {"label": "T", "rows": [["a", "b"], 5], "highlight": [{"row": 9, "col": 9}, "x"]}}),
    ])
    out = html.render([bad], RULES, "id", {"x.txt": {"indicators": "nope", "budget": [{"name": "p", "pagu": "x"}]}})
    Collector().feed(out)
    assert "<svg" not in out


def test_html_long_table_shows_context_only():
    rows = [{"cells": [str(i), f"r{i}"], "line": 100 + i} for i in range(80)]
    ev = {"label": "Tabel 9.9", "header": [["No", "Nama"]], "rows": rows, "highlight": [{"row": 40, "col": 1, "expected": "ok"}]}
    res = FileResult(path="x.txt", format="text", findings=[
        Finding(rule="SUM001", severity="error", message="m", location=Location(line=140), evidence={"table": ev})])
    out = html.render([res], RULES)
    assert "r40" in out and "r38" in out and "r0<" not in out and "r79" not in out
    assert "baris tidak ditampilkan" in out


def test_num_text():
    assert html.num_text(10097306301, "id") == "10.097.306.301"
    assert html.num_text(102.57, "id") == "102,57"
    assert html.num_text(-1234.5, "en") == "-1,234.5"
    assert html.num_text("102,57") == "102,57"


# ---- headless rendering ------------------------------------------------------

def png_distinct_colours(data: bytes, limit: int = 64) -> int:
    """Count distinct pixel colours of an 8-bit RGB/RGBA PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif ctype == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 7):  # sample: enough to tell blank from drawn
            colours.add(bytes(line[x:x + bpp]))
        if len(colours) > limit:
            break
        prev = line
    return len(colours)


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")
def test_html_renders_headless(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(results(), RULES, "id", DOCS), encoding="utf-8")
    shot = tmp_path / "out.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,900",
         page.as_uri()],
        check=False, capture_output=True, timeout=120,
    )
    assert shot.is_file(), "chromium wrote no screenshot"
    assert png_distinct_colours(shot.read_bytes()) > 8
