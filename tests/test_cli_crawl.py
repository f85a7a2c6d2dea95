"""``cgpn crawl`` through click's CliRunner: exit codes, quiet output, logs, the lock."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import Archive
from archive.lock import crawl_lock
from cgpn.cmd_crawl import crawl
from tests.sites.fixtures import Sites, sites  # noqa: F401
from tests.test_cli import on_a_terminal
from tests.sites.server import Reply

FAST = ["--delay", "0", "--retries", "0", "--timeout", "0.3"]


def invoke(*args: str):
    return CliRunner().invoke(crawl, list(args))


def test_quiet_when_all_is_well(sites: Sites, db_path: str) -> None:
    result = invoke("finews", "--base-url", sites.url, "--db", db_path, *FAST)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    with Archive(db_path) as arc:
        assert arc.stats()["articles"] == 12
        run = next(arc.db.query("SELECT source, fetched, new, failed, exit_code, ended_at FROM crawl_runs"))
    assert run["source"] == "finews" and (run["fetched"], run["new"], run["failed"], run["exit_code"]) == (15, 12, 0, 0)
    assert run["ended_at"]


def test_verbose_logs_each_fetch_and_a_summary(sites: Sites, db_path: str) -> None:
    result = invoke("cgpnews", "--base-url", sites.url, "--since", "2022-02-14", "--until", "2022-02-14",
                    "--db", db_path, "--verbose", *FAST)
    assert result.exit_code == 0
    assert f"INFO new {sites.url}epapers/article?id=000000" in result.stderr
    assert result.stderr.rstrip().endswith("crawled cgpnews: fetched 6, new 3, changed 0, unchanged 0, failed 0, skipped 0")


def test_partial_failure_exits_1_and_names_each_failure(sites: Sites, db_path: str, tmp_path: Path) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{sites.url}news/0000.html\n{sites.url}fault/slow\n")
    result = invoke("urls", "--from", str(listed), "--db", db_path, *FAST)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"ERROR failed {sites.url}fault/slow: timed out (ReadTimeout) (gave up after 1 attempts)",
        f"failed: {sites.url}fault/slow: timed out (ReadTimeout) (gave up after 1 attempts)",
        "crawled urls: fetched 1, new 1, changed 0, unchanged 0, failed 1, skipped 0",
    ]


def test_an_item_failing_while_its_site_answers_is_given_up_after_five_runs(sites: Sites, db_path: str,
                                                                            tmp_path: Path) -> None:
    """A page that answers 503 run after run is the page's failure (unlike an outage): dropped after 5 runs,
    even when nothing else is left to fetch in the later runs."""
    original = sites.server._server.app
    sites.server._server.app = lambda seen: Reply(503, b"down", validators=False) if seen.path == "/news/0001.html" \
        else original(seen)
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{sites.url}news/0000.html\n{sites.url}news/0001.html\n")
    for run in range(5):
        assert invoke("urls", "--from", str(listed), "--db", db_path, *FAST).exit_code == 1
        with Archive(db_path) as arc:
            state, attempts = arc.conn.execute(
                "SELECT state, attempts FROM crawl_frontier WHERE key LIKE '%news/0001.html'").fetchone()
        assert (state, attempts) == (("dropped", 5) if run == 4 else ("failed", run + 1))
    sites.server._server.app = original


def test_log_json_lines(sites: Sites, db_path: str) -> None:
    result = invoke("finews", "--base-url", sites.url, "--db", db_path, "--log-json", "--verbose", *FAST)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert len(lines) >= 12
    assert {tuple(sorted(line)) for line in lines} == {("level", "logger", "message", "time")}
    assert any(line["message"].startswith("new http://127.0.0.1") for line in lines)


def test_a_second_run_while_one_holds_the_lock_exits_75(sites: Sites, db_path: str) -> None:
    with crawl_lock(db_path):
        result = invoke("finews", "--base-url", sites.url, "--db", db_path, *FAST)
    assert result.exit_code == 75
    assert result.output.startswith(f"Error: another crawl holds {db_path}.lock (pid ")
    assert result.output.endswith("Hint: a crawl is already running; this run did nothing\n")
    assert sites.server.seen == []


def test_usage_errors_exit_2(db_path: str, tmp_path: Path) -> None:
    cases = {
        ("zcb-epaper",): "Error: zcb-epaper needs --base-url: the site (no default host is known)\n",
        ("urls",): "Error: urls needs --base-url: the sitemap, feed or URL list to read (or --from FILE)\n",
        ("cgpnews", "--base-url", "http://c.test/", "--since", "2025-03-05", "--until", "2025-03-01"):
            "Error: --since 2025-03-05 is after --until 2025-03-01\n",
        ("finews", "--base-url", "ftp://f.test/"): "Error: --base-url must be an http or https URL, got 'ftp://f.test/'\n",
    }
    for args, message in cases.items():
        result = invoke(*args, "--db", db_path)
        assert (result.exit_code, result.output) == (2, message)
    listed = tmp_path / "l.txt"
    listed.write_text("http://a.test/\n")
    assert invoke("finews", "--from", str(listed), "--db", db_path).output == "Error: --from is for the urls source only\n"
    assert invoke("nosuch", "--db", db_path).exit_code == 2
    listed.write_text("<html><body>not a list</body></html>")
    result = invoke("urls", "--from", str(listed), "--db", db_path)
    assert (result.exit_code, result.output) == (
        2, "Error: --from: no URLs found (expected a sitemap, an RSS/Atom feed or one URL per line)\n")


def test_a_file_that_is_not_an_archive_is_one_error_line(sites: Sites, tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database" * 100)
    result = invoke("finews", "--base-url", sites.url, "--db", str(bad), *FAST)
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}: file is not a database\nHint: is it a cgpn archive? Pass another --db\n"
    assert bad.read_text().startswith("these are my notes")


def test_help_ends_with_an_example() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "\n  Example: cgpn crawl finews --since 2025-03-01 --max 50\n" in result.output


def test_a_progress_bar_on_a_terminal(sites: Sites, db_path: str) -> None:
    code, text = on_a_terminal(["crawl", "finews", "--base-url", sites.url, "--db", db_path, "--delay", "0.02"])
    assert code == 0
    assert "crawling finews" in text and "━" in text  # rich's bar
    assert "crawled finews: fetched 15, new 12, changed 0, unchanged 0, failed 0, skipped 0" in text


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: a connection is refused


@pytest.mark.parametrize("base_url, reason", [
    (f"http://127.0.0.1:{_closed_port()}/", "ConnectError"),
    ("http://nosuch.invalid/", "ConnectError"),  # RFC 2606: .invalid never resolves
], ids=["refused-port", "unresolvable-host"])
def test_a_network_failure_is_a_failed_run_not_a_robots_refusal(base_url: str, reason: str, db_path: str) -> None:
    result = invoke("finews", "--base-url", base_url, "--max", "1", "--db", db_path, *FAST)
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert failed == [f"failed: {base_url}category/zhongguozhengfucaigoubao.html: cannot fetch its robots.txt, so "
                      f"nothing of {base_url.rstrip('/')} is fetched this run ({base_url}robots.txt: {reason}: "
                      + failed[0].split(f"robots.txt: {reason}: ", 1)[1]]
    assert "disallowed" not in result.stderr
    with Archive(db_path) as arc:
        assert [tuple(r) for r in arc.conn.execute("SELECT state, leaf FROM crawl_frontier")] == [("failed", 0)]
        assert arc.conn.execute("SELECT exit_code, failed FROM crawl_runs").fetchall() == [(1, 1)]


def test_an_outage_of_many_runs_gives_nothing_up(db_path: str) -> None:
    """Runs that reach nothing of the site (a cron job during a week without network) are not the items'
    failures: the frontier keeps them to retry, however many such runs there are."""
    base_url = f"http://127.0.0.1:{_closed_port()}/"
    for _ in range(7):  # more than the 5 failed runs after which an item the site did answer about is dropped
        assert invoke("finews", "--base-url", base_url, "--max", "1", "--db", db_path, *FAST).exit_code == 1
    with Archive(db_path) as arc:
        assert [tuple(r) for r in arc.conn.execute("SELECT state, attempts FROM crawl_frontier")] == [("failed", 0)]
        assert arc.conn.execute("SELECT count(*), sum(failed) FROM crawl_runs").fetchone() == (7, 7)


def test_a_robots_txt_that_answers_5xx_fails_the_run_and_the_next_run_crawls(sites: Sites, db_path: str) -> None:
    original = sites.server._server.app
    sites.server._server.app = lambda seen: Reply(503, b"down", validators=False) if seen.path == "/robots.txt" else original(seen)
    down = invoke("finews", "--base-url", sites.url, "--db", db_path, *FAST)
    assert down.exit_code == 1 and "cannot fetch its robots.txt" in down.stderr and "HTTP 503" in down.stderr
    assert [p for p in sites.server.paths() if p != "/robots.txt"] == []  # nothing else asked
    sites.server._server.app = original
    up = invoke("finews", "--base-url", sites.url, "--db", db_path, *FAST)
    assert (up.exit_code, up.output) == (0, "")
    with Archive(db_path) as arc:
        assert arc.stats()["articles"] == 12
        assert arc.conn.execute("SELECT count(*) FROM crawl_frontier WHERE state != 'done'").fetchone()[0] == 0
