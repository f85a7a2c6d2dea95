from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from archive import Archive
from cgpn.cmd_verify import verify
from cgpn.pipeline import import_files
from tests.conftest import FIXTURES


def _archive(db_path: str) -> Archive:
    arc = Archive(db_path)
    import_files(arc, sorted(p for p in FIXTURES.iterdir() if p.is_file()), category=None)  # the seeds and pages
    return arc


def test_clean_archive_exits_0(db_path: str) -> None:
    _archive(db_path).close()
    result = CliRunner().invoke(verify, ["--db", db_path])
    assert (result.exit_code, result.output) == (0, f"{db_path}: ok\n")


def test_one_line_per_problem_and_exit_1(db_path: str) -> None:
    with _archive(db_path) as arc:
        arc.conn.execute("DELETE FROM articles_fts WHERE rowid IN (1, 2)")
    result = CliRunner().invoke(verify, ["--db", db_path])
    assert result.exit_code == 1
    assert result.stdout == "fts-missing: article 1 has no full-text row\nfts-missing: article 2 has no full-text row\n"
    assert result.stderr == f"{db_path}: 2 problems\n"


def test_env_var_selects_the_archive(db_path: str) -> None:
    _archive(db_path).close()
    result = CliRunner().invoke(verify, [], env={"CGPN_DB": db_path})
    assert (result.exit_code, result.output) == (0, f"{db_path}: ok\n")


def test_missing_archive_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(verify, ["--db", str(missing)])
    assert result.exit_code == 2
    assert result.output == f"Error: no archive at {missing}: create it with cgpn import\n"
    assert not missing.exists()  # verify never creates an archive


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(verify, ["--help"])
    assert result.exit_code == 0 and "Example: cgpn verify --db archive.db" in result.output
