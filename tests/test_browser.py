"""One real browser: headless Chromium renders the search query and a figures facet page served by uvicorn.

They need Chromium (``apt-get install chromium``). Without it they skip, unless the environment asks
for them with ``CGPN_BROWSER_TESTS=1`` (``.ci/run`` installs Chromium and sets it): then a missing
Chromium fails them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from bs4 import BeautifulSoup

from archive.datasette_plugin import make_datasette
from tests.data.search.make_archive import build, load_articles

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("CGPN_BROWSER_TESTS") == "1"
pytestmark = pytest.mark.skipif(
    not CHROMIUM and not REQUIRED,
    reason="no chromium on PATH (apt-get install chromium; CGPN_BROWSER_TESTS=1 makes this a failure)",
)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1280,1600",
]


@contextlib.contextmanager
def uvicorn_serving(db_path: Path) -> Iterator[str]:
    """Datasette over ``db_path`` in a uvicorn server on 127.0.0.1 (a thread of this process); stopped after."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_datasette(db_path).app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium(profile: Path, *args: str) -> str:
    result = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    assert CHROMIUM, "chromium is not installed (apt-get install chromium chromium-driver)"
    with uvicorn_serving(build(tmp_path_factory.mktemp("browser") / "archive.db")) as url:
        yield url


def test_search_query_page_renders_highlighted_hits(base, tmp_path):
    url = f"{base}/archive/search_articles?" + urllib.parse.urlencode({"q": "832平台", "source": "", "since": "", "until": ""})
    dom = BeautifulSoup(chromium(tmp_path / "profile", "--dump-dom", url), "lxml")
    titles = [td.get_text() for td in dom.select("table.rows-and-columns td.col-title")]
    assert sorted(titles) == sorted(a["title"] for a in load_articles() if "832" in a["body"])
    snippets = dom.select("td.col-snippet")
    assert all(s.find("mark", string="832") for s in snippets)
    assert dom.select_one("input[name=q]")["value"] == "832平台"
    screenshot = tmp_path / "search_articles.png"
    chromium(tmp_path / "profile", f"--screenshot={screenshot}", url)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000


def test_figures_facet_page_renders_default_facets(base, tmp_path):
    url = f"{base}/archive/figures_view?kind=money"
    dom = BeautifulSoup(chromium(tmp_path / "profile", "--dump-dom", url), "lxml")
    facets = {f["data-column"]: f for f in dom.select("div.facet-info")}
    assert set(facets) == {"source", "published_at", "subject", "metric", "kind", "change"}
    money = sum(1 for a in load_articles() for f in a.get("figures") or [] if f[1] == "money")
    kind_items = [li.get_text(" ", strip=True) for li in facets["kind"].select("li")]
    assert kind_items == [f"money · {money} ✖"]  # the selected value, with its remove link
    years = [li.select_one("a").get_text() for li in facets["published_at"].select("li")]
    assert years == sorted(years, reverse=True) and "2022" in years
    assert "CNY" in dom.select_one("td.col-value_yuan").get_text()
    screenshot = tmp_path / "figures_view.png"
    chromium(tmp_path / "profile", f"--screenshot={screenshot}", url)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
