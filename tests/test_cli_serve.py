"""``cgpn serve``: a real uvicorn server on 127.0.0.1, started in a subprocess and stopped by the test."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from cgpn.cmd_serve import serve
from tests.data.search.make_archive import build

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db_path: Path, log: Path | None = None) -> Iterator[str]:
    """Run ``cgpn serve`` (the click command) in a subprocess; yield its base URL; stop it. Its stdout
    and stderr go to ``log`` when given."""
    port = free_port()
    out = open(log, "w") if log else subprocess.PIPE  # noqa: SIM115 - closed with the process below
    process = subprocess.Popen(
        [sys.executable, "-c", "from cgpn.cmd_serve import serve; serve()", "--db", str(db_path), "--port", str(port)],
        cwd=ROOT, stdout=out, stderr=subprocess.STDOUT if log else subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"cgpn serve did not start: {process.communicate()}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("serve") / "archive.db")


def test_serves_the_archive_read_only_on_loopback(db_path):
    with serving(db_path) as base:
        articles = httpx.get(f"{base}/archive/articles.json?_shape=array&_size=max").json()
        assert len(articles) == 25
        found = httpx.get(f"{base}/archive/search_articles.json",
                          params={"q": "带量采购", "source": "", "since": "", "until": "", "_shape": "array"}).json()
        assert [r["title"] for r in found] == ["医用耗材集中带量采购平均降价超过五成"]
        databases = httpx.get(f"{base}/-/databases.json").json()
        assert [(d["name"], d["is_mutable"]) for d in databases] == [("archive", False)]
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/-/versions.json", timeout=2)


def test_missing_archive_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.output == f"Error: no archive at {tmp_path / 'none.db'}: create it with cgpn import\n"
    assert not (tmp_path / "none.db").exists()


def test_help_ends_with_an_example():
    result = CliRunner().invoke(serve, ["--help"])
    assert result.exit_code == 0
    assert "Example: cgpn serve --port 8001" in result.output
    assert "--port" in result.output and "--db" in result.output


def test_a_bad_request_logs_one_line(db_path, tmp_path):
    log = tmp_path / "serve.log"
    with serving(db_path, log) as base:
        assert httpx.get(f"{base}/nosuchdb", timeout=30).status_code == 404
        assert httpx.get(f"{base}/archive/nosuchtable.json", timeout=30).status_code == 404
        assert httpx.get(f"{base}/archive/articles.json?_size=lots", timeout=30).status_code == 400
    lines = log.read_text().splitlines()
    assert lines[0].startswith(f"Serving {db_path} read-only")
    assert lines[1:] == [
        "404 GET /nosuchdb: Database not found",
        "404 GET /archive/nosuchtable.json: Table not found",
        "400 GET /archive/articles.json: _size must be a positive integer",
    ]


@pytest.mark.parametrize("content", [b"", b"not sqlite at all " * 300, None], ids=["empty", "text", "other-sqlite"])
def test_a_file_that_is_not_an_archive_is_refused(content, tmp_path):
    bogus = tmp_path / "bogus.db"
    if content is None:
        sqlite3.connect(bogus).execute("CREATE TABLE t (x)").connection.close()
    else:
        bogus.write_bytes(content)
    result = CliRunner().invoke(serve, ["--db", str(bogus), "--port", str(free_port())])
    assert result.exit_code == 2
    assert result.output == (f"Error: {bogus} is not a cgpn archive (not an SQLite file, or without its tables)\n"
                             "Hint: pass another --db, or create one with cgpn import\n")
