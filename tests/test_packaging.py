"""A non-editable install works: rules/ and schemas/ ship inside the wheel, and the
installed package checks a report using its packaged data (not the source tree)."""
import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import FIXTURES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True)
    if result.returncode != 0:  # hatchling missing without build isolation: build the normal way
        result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                                capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    [path] = list(out.glob("lkjip_lint-*.whl"))
    return path


def test_wheel_contains_rules_and_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for data in ("rules/arithmetic.yaml", "rules/tables.yaml", "rules/scales.yaml", "schemas/rule.schema.json",
                 "schemas/findings.schema.json", "schemas/config.schema.json"):
        assert f"lkjip_lint/{data}" in names


def test_installed_wheel_checks_the_corpus_report(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}  # before site-packages: the wheel's copy wins
    probe = subprocess.run([sys.executable, "-c", "import lkjip_lint.resources as r; print(r.rules_dir())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(target) in probe.stdout
    result = subprocess.run([sys.executable, "-m", "lkjip_lint", "check", "--format", "json", str(FIXTURES / "purbalingga-2024.txt")],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert any(f["rule"] == "CAP001" and f["expected"] == 102.57 for f in findings)
