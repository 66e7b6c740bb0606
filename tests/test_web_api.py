"""The web page's API through Starlette's test client (the `web` extra; skipped without it)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import skip_without_web

skip_without_web()

from starlette.testclient import TestClient  # noqa: E402

from lkjip_lint.web.app import Settings, create_app, display_name, storage_name  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TXT = ROOT / "fixtures" / "purbalingga-2024.txt"
DOCX = ROOT / "fixtures" / "purbalingga-2024.docx"
LIMIT = 2 * 1024 * 1024  # small, so the oversize test sends little


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(max_bytes=LIMIT, workers=2))) as c:
        yield c


def upload(client, path_or_bytes, name=None, endpoint="/api/check", lang=None):
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    name = name or path_or_bytes.name
    params = {"lang": lang} if lang else None
    return client.post(endpoint, files={"file": (name, data, "application/octet-stream")}, params=params)


def findings(body: dict) -> list[dict]:
    return body["files"][0]["findings"]


def assert_corpus_findings(body: dict, name: str) -> None:
    assert body["tool"]["name"] == "lkjip-lint"
    assert body["files"][0]["path"] == name  # the upload's own name, not the temporary path
    got = {(f["rule"], f["expected"]) for f in findings(body)}
    assert ("CAP001", 102.57) in got
    assert ("SUM001", 70) in got
    assert body["summary"]["error"] > 0


def test_corpus_text_report(client):
    r = upload(client, TXT)
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert_corpus_findings(body, TXT.name)
    assert body["files"][0]["format"] == "text"
    # The API answers with the JSON contract of DESIGN.md.
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(body, schema)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_corpus_docx_and_pdf_reports(client, fmt):
    path = ROOT / "fixtures" / f"purbalingga-2024.{fmt}"
    if not path.exists():
        pytest.skip(f"{path.name} not generated (fixtures/make_fixtures.py)")
    r = upload(client, path)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["files"][0]["format"] == fmt
    assert_corpus_findings(body, path.name)


def test_content_decides_the_format_not_the_name(client):
    if not DOCX.exists():
        pytest.skip("fixtures/purbalingga-2024.docx not generated")
    r = upload(client, DOCX.read_bytes(), "laporan-tanpa-akhiran")
    assert r.status_code == 200
    assert r.json()["files"][0]["format"] == "docx"


def test_report_endpoint_gives_html_for_the_page(client):
    r = upload(client, TXT, endpoint="/api/report", lang="en")
    assert r.status_code == 200
    body = r.json()
    assert_corpus_findings(body["report"], TXT.name)
    html = body["html"]
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert 'class="bad"' in html  # a wrong cell highlighted
    assert "102.57" in html


def test_messages_follow_the_language(client):
    id_msgs = " ".join(f["message"] for f in findings(upload(client, TXT).json()))
    en_msgs = " ".join(f["message"] for f in findings(upload(client, TXT, lang="en").json()))
    assert id_msgs != en_msgs
    assert "seharusnya" in id_msgs.lower() or "padahal" in id_msgs.lower()


@pytest.mark.parametrize("name, data, words", [
    ("laporan.docx", os.urandom(4096), "rusak"),                              # random bytes named .docx
    ("laporan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048), ".doc"),  # Word 97-2003
    ("laporan.pdf", b"%PDF-1.7\n" + os.urandom(2048), "pdf"),                 # a broken PDF
    ("kosong.txt", b"", "kosong"),
])
def test_bad_upload_gets_a_message_and_the_server_keeps_serving(client, name, data, words):
    r = upload(client, data, name)
    assert r.status_code == 422
    body = r.json()
    assert words.lower() in body["error"].lower()
    assert body["code"] == "unreadable"
    assert body["report"]["files"][0]["error"] == body["error"]
    assert "Traceback" not in r.text
    after = upload(client, TXT)
    assert after.status_code == 200
    assert_corpus_findings(after.json(), TXT.name)


def test_bad_upload_message_in_english(client):
    r = upload(client, os.urandom(1000), "report.docx", lang="en")
    assert r.status_code == 422 and "corrupt" in r.json()["error"]


def test_missing_file_and_garbled_form(client):
    r = client.post("/api/check", data={"other": "x"})
    assert r.status_code == 400 and r.json()["code"] == "no_file"
    r = client.post("/api/check", content=b"--x\r\nnonsense", headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code in (400, 422)
    assert "error" in r.json()
    assert upload(client, TXT).status_code == 200


def test_oversize_upload_gets_413(client):
    r = upload(client, b"a" * (LIMIT + 200_000), "besar.txt")
    assert r.status_code == 413
    body = r.json()
    assert body["code"] == "too_large" and "2 MB" in body["error"]
    assert upload(client, TXT).status_code == 200


def test_oversize_upload_without_content_length_gets_413(client):
    def chunks():  # a chunked body: no Content-Length to refuse it by
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
        for _ in range(40):
            yield b"a" * 65536
        yield b"\r\n--b--\r\n"

    r = client.post("/api/check", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413


def test_concurrent_uploads(client):
    docs = [TXT, DOCX if DOCX.exists() else TXT, TXT, DOCX if DOCX.exists() else TXT]
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda p: upload(client, p), docs))
    for path, r in zip(docs, answers):
        assert r.status_code == 200
        assert_corpus_findings(r.json(), path.name)


def test_page_is_indonesian_by_default_and_has_an_english_switch(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<html lang="id">' in r.text and "Periksa" in r.text and "?lang=en" in r.text
    en = client.get("/?lang=en")
    assert '<html lang="en">' in en.text and "Check" in en.text and "?lang=id" in en.text


def test_page_loads_nothing_from_elsewhere(client):
    html = client.get("/").text
    refs = re.findall(r"""(?:src|href|action)\s*=\s*["']([^"']*)["']""", html, flags=re.I)
    assert refs, "the page should reference its own script and style"
    for ref in refs:
        assert not re.match(r"^(?:[a-z]+:)?//", ref, flags=re.I), ref
    assert "@import" not in html and "url(" not in html
    for asset in ("/static/app.js", "/static/app.css"):
        text = client.get(asset).text
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text, flags=re.I), asset
    csp = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp


def test_unknown_paths_and_assets(client):
    assert client.get("/nope").status_code == 404
    assert client.get("/static/secret.py").status_code == 404
    assert client.get("/healthz").text == "ok"


def test_only_loopback_host_names_when_bound_to_loopback():
    from lkjip_lint.web.app import LOOPBACK

    with TestClient(create_app(Settings(workers=1, allowed_hosts=LOOPBACK)), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "evil.example:8000"}).status_code == 400


def test_upload_names():
    assert display_name("C:\\Users\\staf\\LKjIP 2024.docx") == "LKjIP 2024.docx"
    assert display_name("../../etc/passwd") == "passwd"
    assert storage_name("../LKjIP 2024 (final).docx", b"PK\x03\x04") == "LKjIP_2024_final.docx"
    assert storage_name("laporan", b"%PDF-1.7") == "laporan.pdf"      # no suffix: from the content
    assert storage_name("laporan.xlsx", b"PK\x03\x04") == "laporan.docx"
    assert storage_name("catatan.exe", b"MZ\x90\x00") == "catatan.txt"  # read_any then says it is not text


def test_serve_without_the_web_extra_says_what_to_install(tmp_path):
    # A stand-in `starlette` that cannot be found makes the extra look missing.
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda n, *a: None if n == 'starlette' else real(n, *a)\n"
        "from lkjip_lint.cli import main\n"
        "sys.argv = ['lkjip-lint', 'serve']\n"
        "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "pip install 'lkjip-lint[web]'" in r.stderr


def test_check_does_not_import_the_web_package():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom lkjip_lint.cli import main\n"
            f"r = CliRunner().invoke(main, ['check', {str(TXT)!r}, '--format', 'json'])\n"
            "assert r.exit_code in (0, 1), r.output\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn') or m.startswith('lkjip_lint.web')]\n"
            "assert not bad, bad\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_a_dying_check_process_does_not_take_the_server_down():
    from concurrent.futures.process import BrokenProcessPool

    with TestClient(create_app(Settings(workers=1))) as c:
        checker = c.app.state.checker
        with pytest.raises(BrokenProcessPool):
            c.portal.call(checker.submit, os._exit, 3)  # as a reader crashing in C code would
        r = upload(c, TXT)
        assert r.status_code == 200
        assert_corpus_findings(r.json(), TXT.name)


def test_serve_says_when_the_port_is_taken(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "lkjip_lint", "serve", "--port", str(port)], cwd=tmp_path,
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert f"127.0.0.1:{port}" in r.stderr and "--port" in r.stderr
