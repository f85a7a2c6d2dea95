"""``cgpn serve``: a real uvicorn server on 127.0.0.1, started in a subprocess and stopped by the test."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
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
def serving(db_path: Path) -> Iterator[str]:
    """Run ``cgpn serve`` (the click command) in a subprocess; yield its base URL; stop it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from cgpn.cmd_serve import serve; serve()", "--db", str(db_path), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
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
    assert result.output == f"Error: no archive at {tmp_path / 'none.db'}\nHint: import or crawl first, or pass --db\n"
    assert not (tmp_path / "none.db").exists()


def test_help_ends_with_an_example():
    result = CliRunner().invoke(serve, ["--help"])
    assert result.exit_code == 0
    assert "Example: cgpn serve --port 8001" in result.output
    assert "--port" in result.output and "--db" in result.output
