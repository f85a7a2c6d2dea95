"""Help is the docs: every command has help ending in an example and is in the README."""

from __future__ import annotations

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
