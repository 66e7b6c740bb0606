"""The web page under load and abuse (issue 15, points 4 and 5): other origins refused, a
slow upload holds up others only up to the job time limit, a gone client's job is
stopped, a killed check process fails only its own upload, SIGTERM leaves nothing."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import skip_without_web

skip_without_web()

from starlette.testclient import TestClient  # noqa: E402

from lkjip_lint.web.app import Settings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TXT = ROOT / "fixtures" / "purbalingga-2024.txt"
# A header that makes the user's pattern below backtrack for minutes (2^40 paths).
SLOW_HEADER = "a" * 40 + "b"
SLOW = f"Tabel 1\n\nNo\t{SLOW_HEADER}\tJumlah\n1\tx\t5\n2\ty\t6\n".encode()


@pytest.fixture(scope="module")
def slow_rules(tmp_path_factory):
    """A rules folder whose tables.yaml has a catastrophically backtracking pattern, and a
    configuration that leaves the per-check limit high, so only the job limit can stop it."""
    folder = tmp_path_factory.mktemp("slow")
    (folder / "rules").mkdir()
    (folder / "rules" / "tables.yaml").write_text("roles:\n  - {role: target, match: ['^(a+)+$']}\n", encoding="utf-8")
    (folder / "config.yaml").write_text("check_timeout: 600\n", encoding="utf-8")
    return folder


def post(client, data: bytes, name: str, **headers):
    return client.post("/api/check", files={"file": (name, data, "application/octet-stream")}, headers=headers)


def test_a_post_from_another_origin_is_refused():
    with TestClient(create_app(Settings(workers=1))) as c:
        data = TXT.read_bytes()
        assert post(c, data, "a.txt", origin="http://evil.example").status_code == 403
        assert post(c, data, "a.txt", origin="null").status_code == 403
        assert post(c, data, "a.txt", **{"sec-fetch-site": "cross-site"}).status_code == 403
        refused = post(c, data, "a.txt", origin="http://evil.example")
        assert refused.json()["code"] == "cross_origin" and "situs lain" in refused.json()["error"]
        assert post(c, data, "a.txt", origin="http://testserver", **{"sec-fetch-site": "same-origin"}).status_code == 200
        assert post(c, data, "a.txt").status_code == 200  # curl and scripts send no Origin


def test_a_slow_upload_holds_a_normal_one_only_up_to_the_job_limit(slow_rules):
    settings = Settings(workers=1, job_timeout=3, rule_dirs=(str(slow_rules / "rules"),),
                        config_path=str(slow_rules / "config.yaml"))
    with TestClient(create_app(settings)) as c, ThreadPoolExecutor(2) as pool:
        start = time.monotonic()
        slow = pool.submit(post, c, SLOW, "lambat.txt")
        time.sleep(0.5)  # the slow one is first in the queue
        normal = pool.submit(post, c, TXT.read_bytes(), TXT.name)
        normal_answer = normal.result(timeout=60)
        normal_done = time.monotonic() - start
        slow_answer = slow.result(timeout=60)
    assert normal_answer.status_code == 200 and normal_answer.json()["summary"]["error"] > 0
    assert slow_answer.status_code == 422 and slow_answer.json()["code"] == "too_slow"
    assert "3 detik" in slow_answer.json()["error"]
    assert normal_done < 3 + 15  # the job limit, then its own check (seconds, not the minutes the slow one needs)


def test_a_killed_check_process_fails_only_its_own_upload(slow_rules):
    settings = Settings(workers=2, job_timeout=120, rule_dirs=(str(slow_rules / "rules"),),
                        config_path=str(slow_rules / "config.yaml"))
    with TestClient(create_app(settings)) as c, ThreadPoolExecutor(2) as pool:
        checker = c.app.state.checker
        slow = pool.submit(post, c, SLOW, "lambat.txt")
        _wait(lambda: len(checker.running) == 1)
        [victim] = checker.running.values()
        normal = pool.submit(post, c, TXT.read_bytes(), TXT.name)
        _wait(lambda: len(checker.running) == 2)  # both in flight when the slow one's process dies
        os.kill(victim.pid, signal.SIGKILL)
        slow_answer, normal_answer = slow.result(timeout=60), normal.result(timeout=60)
        assert slow_answer.status_code == 422 and slow_answer.json()["code"] == "crashed"
        assert normal_answer.status_code == 200 and normal_answer.json()["summary"]["error"] > 0
        again = post(c, TXT.read_bytes(), TXT.name)  # the dead process was replaced
        assert again.status_code == 200


def _wait(condition, seconds: float = 30):
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out waiting"
        time.sleep(0.02)


# ---- a real server: client gone, SIGTERM ------------------------------------------------

def _serve(tmp_path: Path, slow_rules: Path, *extra: str):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "lkjip_lint", "serve", "--port", "0",
                             "--rules", str(slow_rules / "rules"), "--config", str(slow_rules / "config.yaml"), *extra],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    return proc, port, tmpdir


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "lkjipboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, boundary


def _send(port: int, name: str, data: bytes) -> socket.socket:
    body, boundary = _multipart(name, data)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall((f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                  f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n"
                  "Connection: close\r\n\r\n").encode() + body)
    return sock


def _status(sock: socket.socket, timeout: float) -> int:
    sock.settimeout(timeout)
    head = sock.recv(64).decode("latin-1")
    return int(head.split()[1])


def _children(pid: int) -> set[int]:
    """Every process whose parent chain leads to pid (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the check processes")
def test_a_job_whose_client_has_gone_is_stopped(tmp_path, slow_rules):
    proc, port, _ = _serve(tmp_path, slow_rules, "--workers", "1", "--job-timeout", "600")
    try:
        gone = _send(port, "lambat.txt", SLOW)
        time.sleep(1.5)  # it is running now, and would run for minutes
        gone.close()
        start = time.monotonic()
        sock = _send(port, TXT.name, TXT.read_bytes())
        assert _status(sock, timeout=60) == 200  # the only process was freed for it
        assert time.monotonic() - start < 30
        sock.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the check processes")
def test_sigterm_stops_the_server_quickly_leaving_no_processes_or_files(tmp_path, slow_rules):
    proc, port, tmpdir = _serve(tmp_path, slow_rules, "--workers", "2", "--job-timeout", "600")
    busy = _send(port, "lambat.txt", SLOW)  # a check in progress when the signal comes
    _wait(lambda: len(_children(proc.pid)) >= 2)
    time.sleep(1.0)
    children = _children(proc.pid)
    assert any(Path(tmpdir).iterdir())  # the upload's private folder exists while it is checked
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)
    assert time.monotonic() - start < 4
    _wait(lambda: not any(_alive(p) for p in children), seconds=3)
    assert list(Path(tmpdir).iterdir()) == []
    busy.close()
