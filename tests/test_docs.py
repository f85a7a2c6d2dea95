"""Help is the docs: every command has help ending in an example and is in the README."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cgpn.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"cgpn {name}" in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_is_in_the_readme(name: str) -> None:
    assert f"`cgpn {name}" in README


def test_python_dash_m_and_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "version" in result.output


def _browser_tests(env_update: dict[str, str], path: Path) -> subprocess.CompletedProcess[str]:
    """tests/test_browser.py run by pytest with only ``path`` on PATH (no chromium there)."""
    env = {k: v for k, v in os.environ.items() if k != "CGPN_BROWSER_TESTS"} | {"PATH": str(path)} | env_update
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "tests/test_browser.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)


def test_browser_tests_skip_without_chromium_unless_the_environment_asks_for_them(tmp_path: Path) -> None:
    """The README's test command passes on a machine without chromium; CI (CGPN_BROWSER_TESTS=1) still needs it."""
    skipped = _browser_tests({}, tmp_path)
    assert skipped.returncode == 0, skipped.stdout[-2000:]
    assert "2 skipped" in skipped.stdout and "no chromium on PATH" in skipped.stdout
    required = _browser_tests({"CGPN_BROWSER_TESTS": "1"}, tmp_path)
    assert required.returncode == 1 and "chromium is not installed" in required.stdout
    assert "CGPN_BROWSER_TESTS=1" in README


def test_the_jobs_help_and_the_readme_give_the_same_speed_ups() -> None:
    help_text = " ".join(CliRunner().invoke(cli, ["import", "--help"]).output.split())
    claimed = re.findall(r"(\d\.\d)(?:-(\d\.\d))?x", help_text)
    assert claimed, help_text
    for low, high in claimed:
        assert f"{low}–{high}×" in README if high else f"{low}×" in README


def test_the_readme_says_which_commands_need_no_archive() -> None:
    assert "`extract` and `repair` use no\narchive and need none" in README
    assert "cgpn --db PATH" in README
