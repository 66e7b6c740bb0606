"""The web page's downloads: the commented copy of a DOCX or PDF, and the review worksheet."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.helpers import skip_without_web

skip_without_web()

from starlette.testclient import TestClient  # noqa: E402

from lkjip_lint.web.app import Settings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(workers=1))) as c:
        yield c


def _post(client, endpoint: str, path: Path, name: str | None = None, **params):
    return client.post(endpoint, params=params or None,
                       files={"file": (name or path.name, path.read_bytes(), "application/octet-stream")})


def _errors_and_warnings(client, path: Path) -> int:
    body = _post(client, "/api/check", path).json()
    return body["summary"]["error"] + body["summary"]["warning"]


def test_annotated_docx_download(client):
    from lxml import etree

    path = FIXTURES / "purbalingga-2024.docx"
    r = _post(client, "/api/annotate", path, name="Laporan Kinerja 2024.docx")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="Laporan_Kinerja_2024.reviu.docx"' in r.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    assert len(list(comments.iter(W + "comment"))) == _errors_and_warnings(client, path)


def test_annotated_pdf_download(client):
    pypdf = pytest.importorskip("pypdf")
    path = FIXTURES / "purbalingga-2024.pdf"
    r = _post(client, "/api/annotate", path)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(r.content))
    annots = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    assert len(annots) == _errors_and_warnings(client, path)
    assert all(str(a["/T"]) == "lkjip-lint" for a in annots)


def test_annotating_a_text_report_is_refused_with_a_message(client):
    r = _post(client, "/api/annotate", FIXTURES / "purbalingga-2024.txt", lang="en")
    assert r.status_code == 422 and "DOCX and PDF" in r.json()["error"]


def test_worksheet_download_xlsx_and_csv(client):
    openpyxl = pytest.importorskip("openpyxl")
    path = FIXTURES / "purbalingga-2024.docx"
    total = sum(_post(client, "/api/check", path).json()["summary"].values())
    r = _post(client, "/api/worksheet", path)
    assert r.status_code == 200 and r.headers["content-type"].endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(r.content))["Temuan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "No" and len(rows) - 1 == total
    assert {row[1] for row in rows[1:]} == {"purbalingga-2024.docx"}  # the upload's name, not a temporary path
    r = _post(client, "/api/worksheet", path, format="csv", lang="en")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("No,File,Agency") and len(lines) - 1 == total


def test_page_offers_both_downloads(client):
    html = client.get("/").text
    assert 'id="download-annotated"' in html and 'id="download-worksheet"' in html
    strings = json.loads(html.split('id="strings">', 1)[1].split("</script>", 1)[0])
    assert "salinan" in strings["download_annotated"] and "XLSX" in strings["download_worksheet"]
    script = client.get("/static/app.js").text
    assert "api/annotate" in script and "api/worksheet" in script


def test_broken_upload_to_a_download_endpoint_gets_a_message(client):
    r = client.post("/api/annotate", files={"file": ("rusak.docx", b"PK\x03\x04 not really", "application/octet-stream")})
    assert r.status_code == 422 and r.json()["error"] and "Traceback" not in r.text
