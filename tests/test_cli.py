"""What every command shares: ``--db`` (a missing archive, a missing folder, before or after the
command), a closed stdout, counted words, and a start-up that loads only what the command needs."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cgpn.cli import cli
from tests.conftest import FIXTURES, ROOT, SEED_000, SEED_003
from tests.sites.fixtures import Sites, sites  # noqa: F401

READ_ONLY = [["stats"], ["reextract"], ["search", "采购"], ["figures"], ["series", "--subject", "广西", "--metric", "采购规模"],
             ["verify"], ["serve"]]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_a_read_only_command_on_a_missing_archive_is_a_usage_error_and_creates_nothing(command, tmp_path: Path) -> None:
    missing = tmp_path / "archive.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(missing)])
    assert (result.exit_code, result.output) == (2, f"Error: no archive at {missing}: create it with cgpn import\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_a_read_only_command_says_which_folder_is_missing(command, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "archive.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert result.output == (f"Error: no archive at {missing} (there is no folder {missing.parent}): "
                             "create it with cgpn import\n")
    assert "is it a cgpn archive" not in result.output and not (tmp_path / "no").exists()


def test_import_creates_the_folder_of_a_new_archive(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "archive.db"
    result = CliRunner().invoke(cli, ["import", str(SEED_003), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"imported 1 file into {db}: 1 new,")
    assert db.is_file()


def test_crawl_creates_the_folder_of_a_new_archive(sites: Sites, tmp_path: Path) -> None:
    db = tmp_path / "new" / "archive.db"
    result = CliRunner().invoke(cli, ["crawl", "finews", "--base-url", sites.url, "--max", "1", "--delay", "0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads(CliRunner().invoke(cli, ["stats", "--json", "--db", str(db)]).output)["articles"] == 1


def test_db_before_the_command_works_as_after_it(tmp_path: Path) -> None:
    db, other = tmp_path / "a.db", tmp_path / "other.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(SEED_003)]).exit_code == 0
    stats = runner.invoke(cli, ["--db", str(db), "stats", "--json"], env={"CGPN_DB": str(other)})
    assert stats.exit_code == 0 and json.loads(stats.output)["articles"] == 1  # the option before CGPN_DB
    after = runner.invoke(cli, ["--db", str(other), "stats", "--json", "--db", str(db)])
    assert after.exit_code == 0 and json.loads(after.output)["articles"] == 1  # the option after the command wins
    assert not other.exists()
    assert "cgpn --db PATH COMMAND" in runner.invoke(cli, ["stats", "--help"]).output


def test_reextract_with_nothing_to_do_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    runner.invoke(cli, ["import", str(SEED_003), "--db", db])
    result = runner.invoke(cli, ["reextract", "--db", db])
    assert result.output == "nothing to re-extract: 1 capture, all extracted by this version (--all re-extracts them anyway)\n"
    result = runner.invoke(cli, ["reextract", "--all", "--db", db])
    assert result.output == "re-extracted 1 capture: nothing new: 1 unchanged\n"


@pytest.fixture(scope="module")
def archive_copy(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("closed-stdout") / "archive.db"
    assert CliRunner().invoke(cli, ["import", str(FIXTURES), "--db", str(db)]).exit_code == 0
    return db


def _with_closed_stdout(args: list[str], stdin: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m cgpn ARGS`` writing to a pipe whose reader has already gone (``| head`` that stopped)."""
    read, write = os.pipe()
    os.close(read)
    try:
        with open(stdin or os.devnull, "rb") as given:
            return subprocess.run([sys.executable, "-m", "cgpn", *args], cwd=ROOT, stdin=given, stdout=write,
                                  stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write)


@pytest.mark.parametrize("args", [
    ["--help"], ["search", "采购"], ["search", "采购", "--csv"], ["figures"], ["figures", "--json"], ["stats"], ["verify"],
    ["extract", str(FIXTURES)], ["repair"], ["import", str(SEED_003)],
], ids=lambda a: " ".join(a[:2]).replace(str(FIXTURES), "fixtures/"))
def test_a_closed_stdout_ends_the_command_quietly_with_0(args: list[str], archive_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    shutil.copy(archive_copy, db)
    if args[0] != "--help":
        args = [*args, *([] if args[0] in ("extract", "repair") else ["--db", str(db)])]
    done = _with_closed_stdout(args, stdin=SEED_000 if args[0] == "repair" else None)
    assert (done.returncode, done.stderr.decode()) == (0, "")


def on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Exit code and everything ``python -m cgpn ARGS`` wrote to a pseudo-terminal (stdout and stderr)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cgpn", *args], cwd=ROOT, stdin=slave, stdout=slave, stderr=slave,
                            close_fds=True)
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return proc.wait(60), output.decode("utf-8", errors="replace")


def test_verify_and_the_import_of_one_long_file_show_progress_on_a_terminal(tmp_path: Path) -> None:
    big = tmp_path / "long.txt"
    big.write_text("柳州完成采购\n" + "本报讯 柳州市已完成政府采购1955.96万元，率先完成全年任务。" * 6000, encoding="utf-8")
    db = str(tmp_path / "a.db")
    code, shown = on_a_terminal(["import", str(big), "--db", db])
    assert code == 0 and "importing" in shown and "━" in shown and f"/{big.stat().st_size / 1e6:.1f} MB" in shown
    code, shown = on_a_terminal(["verify", "--db", db])
    assert code == 0 and "verifying" in shown and "figure-offsets" in shown and shown.rstrip().endswith(f"{db}: ok")


def _loaded_after(code: str) -> set[str]:
    """Top-level packages a fresh interpreter has imported after running ``code``."""
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in done.stdout.split()}


HEAVY = {"extractors", "archive", "scraper", "datasette", "uvicorn", "httpx", "sqlite_utils", "rich", "pypinyin",
         "jieba", "rjieba", "opencc", "lxml", "charset_normalizer"}


def test_the_cli_loads_what_a_command_needs_when_it_runs() -> None:
    """cgpn --help loads click and cgpn alone (bench/startup.py has the times); extracting a clean post
    needs the extractors (and rjieba, to read its figures), but not the archive, the scraper,
    Datasette, pypinyin or jieba."""
    run = "from click.testing import CliRunner; from cgpn.cli import cli; CliRunner().invoke(cli, {!r}, catch_exceptions=False)"
    assert _loaded_after(run.format(["--help"])) & HEAVY == set()
    extracting = _loaded_after(run.format(["extract", str(SEED_003)]))
    assert "extractors" in extracting
    assert extracting & {"archive", "scraper", "datasette", "uvicorn", "httpx", "sqlite_utils", "pypinyin", "jieba"} == set()
