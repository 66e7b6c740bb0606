"""Outputs never overwrite an input; config and rule files are bounded (issue 15, points 6 and 7)."""
import os
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from lkjip_lint.cli import main

from tests.helpers import FIXTURES, ROOT

REPORT = FIXTURES / "purbalingga-2024-clean.txt"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "laporan.txt"
    shutil.copy(REPORT, path)
    return path


@pytest.mark.parametrize("command", [
    lambda out, src: ("check", "--format", "json", "--output", out, src),
    lambda out, src: ("check", "--write-baseline", out, src),
    lambda out, src: ("extract", "-o", out, src),
])
@pytest.mark.parametrize("link", ["hard", "sym"])
def test_a_link_to_the_input_is_refused_and_the_input_is_untouched(tmp_path, report, command, link):
    alias = tmp_path / "elsewhere" / "hasil.json"
    alias.parent.mkdir()
    (os.link if link == "hard" else os.symlink)(report, alias)
    before = report.read_bytes()
    result = invoke(*command(alias, report))
    assert result.exit_code == 2
    assert "sedang diperiksa" in result.output
    assert report.read_bytes() == before


def test_output_is_not_the_configuration_or_the_baseline(tmp_path, report):
    cfg = tmp_path / ".lkjip-lint.yaml"
    cfg.write_text("fail_on: error\n", encoding="utf-8")
    assert invoke("check", "--config", cfg, "--output", cfg, report).exit_code == 2
    assert cfg.read_text(encoding="utf-8") == "fail_on: error\n"
    base = tmp_path / "b.json"
    assert invoke("check", "--write-baseline", base, report).exit_code in (0, 1)
    kept = base.read_bytes()
    assert invoke("check", "--baseline", base, "--output", base, report).exit_code == 2
    assert base.read_bytes() == kept
    assert invoke("check", "--write-baseline", base, "--config", cfg, report).exit_code in (0, 1)  # the config is read, not written
    assert invoke("check", "--baseline", base, "--write-baseline", base, report).exit_code in (0, 1)  # a refresh
    assert invoke("check", "--config", cfg, "--write-baseline", cfg, report).exit_code == 2


def test_outputs_are_renamed_into_place_not_rewritten(tmp_path, report):
    out = tmp_path / "hasil.json"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    other = tmp_path / "other-name.json"
    os.link(out, other)  # a second name for the old output: an in-place rewrite would change it too
    assert invoke("check", "--format", "json", "--output", out, report).exit_code in (0, 1)
    assert out.read_text(encoding="utf-8").startswith("{")
    assert other.read_text(encoding="utf-8") == "old"
    assert os.stat(out).st_mode & 0o777 == 0o640  # the user's permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.json", "laporan.txt", "other-name.json"]  # no temp left


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join(["*" + chr(96 + i)] * 9) + "]" for i in range(1, 9)]
    + ["select: *i"]
)


def _limited(args, cwd):
    """Run the CLI in a child with 1 GB of address space and 30 s: a bounded reader finishes far inside both."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from lkjip_lint.cli import main; sys.argv = ['lkjip-lint'] + sys.argv[1:]; main()")
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=30, cwd=cwd)
    return proc, time.monotonic() - start


def test_a_billion_laughs_config_is_refused_quickly_in_bounded_memory(tmp_path, report):
    cfg = tmp_path / ".lkjip-lint.yaml"
    cfg.write_text(BILLION_LAUGHS, encoding="utf-8")
    proc, seconds = _limited(["check", report], ROOT)
    assert proc.returncode == 2, proc.stderr
    assert "alias dijabarkan; ditolak" in proc.stderr and str(cfg) in proc.stderr and "Traceback" not in proc.stderr
    assert seconds < 10


def test_a_billion_laughs_rule_file_is_refused(tmp_path, report):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text(BILLION_LAUGHS.replace("select: *i", "rules: *i"), encoding="utf-8")
    proc, seconds = _limited(["check", "--rules", rules, report], ROOT)
    assert proc.returncode == 2 and "bomb.yaml" in proc.stderr and "Traceback" not in proc.stderr
    assert seconds < 10


@pytest.mark.parametrize("value", ["{a: {b: 1}}", "{" + ", ".join(f"k{i}: 1" for i in range(30)) + "}",
                                   "{Bad-Key: 1}", "[1, 2]"])
def test_efficiency_must_be_a_small_flat_mapping(tmp_path, report, value):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(f"efficiency: {value}\n", encoding="utf-8")
    result = invoke("check", "--config", cfg, report)
    assert result.exit_code == 2 and "efficiency" in result.output


def test_a_small_efficiency_mapping_is_accepted(tmp_path, report):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("efficiency: {min_ratio: 1.0, convention: capaian}\n", encoding="utf-8")
    assert invoke("check", "--config", cfg, report).exit_code in (0, 1)
