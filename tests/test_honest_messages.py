"""Messages that do not mislead (issue 15, point 3)."""
import json
import re

import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main

from tests.helpers import FIXTURES, findings

REPORT = FIXTURES / "purbalingga-2024.txt"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_years_are_never_printed_with_a_thousands_separator(tmp_path):
    text = invoke("check", REPORT).stdout
    year_lines = [line for line in text.splitlines() if line.split()[2:3] == ["YEAR001"]]  # the rule column
    assert year_lines
    assert not re.search(r"\b2\.0\d\d\b", text)
    assert all(re.search(r"tertulis 20\d\d → seharusnya 2024", line) for line in year_lines)
    html_file = tmp_path / "r.html"
    invoke("check", "--format", "html", "--output", html_file, REPORT)
    assert not re.search(r">2\.0\d\d<", html_file.read_text(encoding="utf-8"))
    # a large count still has its separator
    assert re.search(r"\b59\.144\b", text)


COUNTS = """LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)
KECAMATAN SUKAMAJU
TAHUN 2024

Tabel 1.1

Jumlah Penduduk

No\tKelurahan\tJumlah Penduduk
1\tBancar\t120
2\tBojong\t230
\tJumlah\t{total}
"""


@pytest.mark.parametrize("total", [349, 351])
def test_a_whole_count_off_by_one_is_an_error(total):
    [f] = findings(COUNTS.format(total=total), "SUM001")
    assert f.severity == "error" and f.expected == 350


def test_a_rounded_value_one_off_in_the_last_digit_is_still_a_warning():
    text = COUNTS.replace("Jumlah Penduduk\n\nNo", "Luas Wilayah\n\nNo").replace("Jumlah Penduduk\n1", "Luas (Km2)\n1")
    text = text.replace("\t120\n", "\t1,21\n").replace("\t230\n", "\t2,30\n").format(total="3,6")
    found = findings(text, "SUM001")  # 1,21 + 2,30 = 3,51 → 3,5 at the printed precision: one off in the last digit
    assert [f.severity for f in found] == ["warning"]


NOT_A_REPORT = "Catatan rapat\n\nKita bertemu hari Senin untuk membahas jadwal piket dan konsumsi.\n"


def test_a_file_without_any_report_gets_a_warning_not_a_clean_bill(tmp_path):
    path = tmp_path / "catatan.txt"
    path.write_text(NOT_A_REPORT, encoding="utf-8")
    result = invoke("check", path)
    assert "READ005" in result.stdout and "tidak ada temuan" not in result.stdout
    assert result.exit_code == 0  # a warning: below the default fail level
    english = invoke("check", "--lang", "en", path).stdout
    assert "No LKjIP report was recognised" in english
    assert "READ005" not in invoke("check", "--format", "json", REPORT).stdout


def test_the_web_page_says_so_too(tmp_path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from lkjip_lint.web.app import Settings, create_app

    with TestClient(create_app(Settings(workers=1, start=str(tmp_path)))) as client:
        answer = client.post("/api/check?lang=en", files={"file": ("notes.txt", NOT_A_REPORT.encode(), "text/plain")})
    assert answer.status_code == 200
    [entry] = answer.json()["files"]
    assert ("READ005", "warning") in [(f["rule"], f["severity"]) for f in entry["findings"]]
    assert "No LKjIP report was recognised" in json.dumps(entry)


def test_explain_is_in_the_chosen_language_with_readable_parameters_and_examples_once():
    id_text = invoke("explain", "CAP001").stdout
    en_text = invoke("explain", "CAP001", "--lang", "en").stdout
    assert "How it is checked" not in id_text and "evaluated by the safe evaluator" not in id_text
    assert "Cara pemeriksaan" not in en_text and "Templat" not in en_text
    for text, good, bad in ((id_text, "Benar:", "Salah:"), (en_text, "Good:", "Bad:")):
        assert text.count(good) == 1 and text.count(bad) == 1
        assert "{'" not in text and "[{" not in text  # no Python reprs
        assert re.search(r"^\s+expr: realisasi / target \* 100$", text, re.M)
    assert "galat" not in id_text and "(kesalahan, jenis: formula, of: row)" in id_text


ID_ONLY = re.compile(r"\((baris|hal\.) \d+\)|\btabel ke-\d|\b(positif|negatif)\b|\bHalaman\b|\btertulis\b|\bseharusnya\b")


@pytest.mark.parametrize("name", ["purbalingga-2024.txt", "purbalingga-2024.docx", "purbalingga-2024.pdf"])
def test_english_output_has_no_indonesian_of_the_tool(tmp_path, name):
    path = FIXTURES / name
    data = json.loads(invoke("check", "--lang", "en", "--format", "json", path).stdout)
    for f in data["files"][0]["findings"]:
        quoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", f["message"])  # words quoted from the report may be Indonesian
        assert not ID_ONLY.search(quoted), f["message"]
        assert not ID_ONLY.search(f["location"]["table"] or ""), f["location"]
    html_file = tmp_path / "r.html"
    invoke("check", "--lang", "en", "--format", "html", "--output", html_file, path)
    headings = re.findall(r"<figcaption>([^<]*)</figcaption>", html_file.read_text(encoding="utf-8"))
    assert headings and not any(re.search(r"\((baris|hal\.) \d+\)|tabel ke-", h) for h in headings)


def test_reader_notes_are_in_english_with_lang_en():
    from lkjip_lint.engine.localise import english

    assert english("Hanya 500 dari 812 halaman yang dibaca (batas ukuran).") == "Only 500 of 812 pages were read (the size limit)."
    assert english("Halaman 7: terlalu banyak garis gambar; tabelnya tidak dibaca.") == \
        "Page 7: too many drawn lines; its table was not read."


def test_indonesian_output_has_no_english_severity_words():
    text = invoke("check", REPORT).stdout
    assert not re.search(r"\b(error|warning|errors|warnings|notes)\b", text)


def test_one_set_of_severity_words_in_text_html_and_web(tmp_path):
    from lkjip_lint.messages import ui
    from lkjip_lint.web.page import text as web_text

    words = [ui(k, "id") for k in ("error", "warning", "info")]
    assert words == ["kesalahan", "peringatan", "catatan"]
    summary = invoke("check", REPORT).stdout.strip().splitlines()[-1]
    assert all(w in summary for w in words)
    web = web_text("done", "id", name="x", error=1, warning=2, info=3)
    assert all(w in web for w in words)
    html_file = tmp_path / "r.html"
    invoke("check", "--format", "html", "--output", html_file, REPORT)
    html = html_file.read_text(encoding="utf-8")
    assert all(w.capitalize() in html for w in words)
    assert not re.search(r"\bgalat\b", html + summary + web)


def test_every_corrected_cell_in_the_html_shows_its_new_value(tmp_path):
    html_file = tmp_path / "r.html"
    invoke("check", "--format", "html", "--output", html_file, REPORT)
    html = html_file.read_text(encoding="utf-8")
    bad_cells = re.findall(r'<td class="bad">(.*?)</td>', html)
    assert bad_cells
    assert all('<span class="fix">→ ' in cell for cell in bad_cells), [c for c in bad_cells if "fix" not in c][:3]
    assert re.search(r'<span class="was">Tinggi</span><span class="fix">→ Sangat Tinggi</span>', html)
