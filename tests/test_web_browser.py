"""`lkjip-lint serve` in a real browser: headless Chromium driven by Selenium.

Starts the server as a user would (a subprocess, `--port 0`), uploads the corpus
report's DOCX, reads the findings on the page and in the embedded report, then
sends a corrupt file and checks the message and that the server keeps serving.
Saves docs/screenshot-web.png (the README shows it).

Needs the web and test extras and Debian's `chromium` + `chromium-driver`
(or CHROMIUM / CHROMEDRIVER pointing at them); skipped with the reason otherwise.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import skip_without_web

ROOT = Path(__file__).resolve().parent.parent
DOCX = ROOT / "fixtures" / "purbalingga-2024.docx"
TXT = ROOT / "fixtures" / "purbalingga-2024.txt"
SCREENSHOT = ROOT / "docs" / "screenshot-web.png"

skip_without_web(client=False)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
if not CHROMIUM or not CHROMEDRIVER:
    pytest.skip("no headless browser: apt-get install -y chromium chromium-driver", allow_module_level=True)
if not DOCX.exists():
    pytest.skip("fixtures/purbalingga-2024.docx is missing (python fixtures/make_fixtures.py)", allow_module_level=True)

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # Run from an empty folder so no .lkjip-lint.yaml of the developer's applies.
    cwd = tmp_path_factory.mktemp("serve")
    proc = subprocess.Popen([sys.executable, "-m", "lkjip_lint", "serve", "--port", "0", "--workers", "2"],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # "lkjip-lint: buka http://127.0.0.1:PORT/ …"
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not match:
            proc.kill()
            pytest.fail(f"serve did not start: {line!r} {proc.stderr.read()[:2000]}")
        url = match.group(0)
        _wait_ok(url + "healthz")
        yield proc, url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ok(url: str, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if time.monotonic() > end:
                raise
        time.sleep(0.2)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for drivers online
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--hide-scrollbars", "--window-size=1280,900", "--lang=id",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    # A fixed 1280×900 viewport, whatever the window decorations, for a stable screenshot.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    yield driver
    driver.quit()


def _upload(driver, path: Path) -> None:
    field = driver.find_element(By.ID, "file")
    driver.execute_script("arguments[0].value = '';", field)  # the same file twice still fires "change"
    field.send_keys(str(path))


def _wait_visible(driver, element_id: str, seconds: float = 60):
    try:
        return WebDriverWait(driver, seconds).until(EC.visibility_of_element_located((By.ID, element_id)))
    except TimeoutException:
        status = driver.find_element(By.ID, "status").text
        message = driver.find_element(By.ID, "message").text
        pytest.fail(f"#{element_id} never shown; status={status!r} message={message!r}")


def test_upload_docx_shows_findings_then_a_corrupt_file_gets_a_message(server, browser, tmp_path):
    proc, url = server
    browser.get(url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"

    _upload(browser, DOCX)
    _wait_visible(browser, "result")
    summary = browser.find_element(By.ID, "summary").text
    assert "purbalingga-2024.docx" in summary and "kesalahan" in summary
    assert browser.find_element(By.ID, "download-html").get_attribute("href").startswith("blob:")
    assert browser.find_element(By.ID, "download-json").get_attribute("href").startswith("blob:")

    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    try:
        WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "td.bad")))
        text = browser.find_element(By.TAG_NAME, "body").text
        assert "102,57" in text  # CAP001: the capaian that should be printed
        assert "Kesalahan" in text and "Seharusnya" in text
        bad = browser.find_elements(By.CSS_SELECTOR, "td.bad")
        # The wrong cell, highlighted, with the fix written the way that column writes numbers.
        assert any(re.search(r"102[.,]51.*102[.,]57", td.text) for td in bad), [td.text for td in bad]
    finally:
        browser.switch_to.default_content()

    # The README's picture. Chromium renders it byte for byte the same while the page and the
    # findings stay the same, so rewriting it each run leaves git quiet until they change.
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))

    corrupt = tmp_path / "laporan-rusak.docx"
    corrupt.write_bytes(os.urandom(6000))
    _upload(browser, corrupt)
    message = _wait_visible(browser, "message").text
    assert "laporan-rusak.docx" in message and "rusak" in message
    assert not browser.find_element(By.ID, "result").is_displayed()

    assert proc.poll() is None  # still running
    _upload(browser, TXT)
    _wait_visible(browser, "result")
    assert "purbalingga-2024.txt" in browser.find_element(By.ID, "summary").text
    assert not browser.find_element(By.ID, "message").is_displayed()


def test_a_file_over_the_limit_is_refused_before_sending(server, browser, tmp_path):
    _, url = server
    browser.get(url)
    big = tmp_path / "besar.docx"
    with big.open("wb") as fh:  # sparse: 21 MB on paper, nothing on disk
        fh.truncate(21 * 1024 * 1024)
    _upload(browser, big)
    message = _wait_visible(browser, "message").text
    assert "terlalu besar" in message and "20 MB" in message


def test_english_switch(server, browser):
    _, url = server
    browser.get(url)
    browser.find_element(By.ID, "switch-lang").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    _upload(browser, TXT)
    _wait_visible(browser, "result")
    assert "errors" in browser.find_element(By.ID, "summary").text
    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    try:
        WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "td.bad")))
        assert "Expected" in browser.find_element(By.TAG_NAME, "body").text
        # "see table" jumps to the redrawn table and keeps the report in the frame.
        browser.find_element(By.PARTIAL_LINK_TEXT, "see table").click()
        assert browser.execute_script("return location.href") == "about:srcdoc"
        assert browser.find_elements(By.CSS_SELECTOR, "td.bad")
    finally:
        browser.switch_to.default_content()
    assert browser.execute_script("return window.scrollY") > 300


def test_nothing_is_requested_from_elsewhere(server, browser):
    """Every resource the page loaded came from the local server."""
    _, url = server
    browser.get(url)
    names = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert names, "the page loads its own script and style"
    assert all(n.startswith(url) for n in names), names


def test_commented_copy_and_worksheet_download(server, browser, tmp_path):
    """The two links the page shows after a DOCX is checked save the files the server makes."""
    _, url = server
    folder = tmp_path / "unduhan"
    folder.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    browser.get(url)
    _upload(browser, DOCX)
    _wait_visible(browser, "result")
    annotated = _wait_visible(browser, "download-annotated")
    assert "DOCX" in annotated.text and "salinan" in annotated.text
    annotated.click()
    browser.find_element(By.ID, "download-worksheet").click()
    wanted = {"purbalingga-2024.reviu.docx", "purbalingga-2024.reviu.xlsx"}
    end = time.monotonic() + 90
    while {p.name for p in folder.iterdir()} != wanted and time.monotonic() < end:
        time.sleep(0.5)
    assert {p.name for p in folder.iterdir()} == wanted, browser.find_element(By.ID, "message").text
    import zipfile

    with zipfile.ZipFile(folder / "purbalingga-2024.reviu.docx") as z:
        assert b"lkjip-lint" in z.read("word/comments.xml")
    with zipfile.ZipFile(folder / "purbalingga-2024.reviu.xlsx") as z:
        assert "xl/worksheets/sheet1.xml" in z.namelist()

    _upload(browser, TXT)  # a text report: no commented copy to offer
    WebDriverWait(browser, 60).until(lambda d: "purbalingga-2024.txt" in d.find_element(By.ID, "summary").text)
    assert not browser.find_element(By.ID, "download-annotated").is_displayed()
    assert browser.find_element(By.ID, "download-worksheet").is_displayed()
