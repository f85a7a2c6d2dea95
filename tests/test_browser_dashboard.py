"""The facts dashboard in the real browser: headless Chromium renders /-/dashboards/facts over an archive of
fixtures/ and the generated yearly reports, and its charts draw the series' points (as SVG, each point
labelled with its values and the link to its figures). Skipped with a reason when Chromium is missing,
unless CGPN_BROWSER_TESTS=1 (CI) makes that a failure."""

from __future__ import annotations

import os
import re
import shutil
import urllib.parse
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup

if not (shutil.which("chromium") or shutil.which("chromium-browser")) and os.environ.get("CGPN_BROWSER_TESTS") != "1":
    pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-microhei); CGPN_BROWSER_TESTS=1 "
                "makes this a failure", allow_module_level=True)

from bench.dashboard_screenshot import DEMO_FILTERS, RENDER  # noqa: E402
from bench.reports import build_archive, truth  # noqa: E402
from tests.test_browser import chromium, uvicorn_serving  # noqa: E402

TRUTH = truth()


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("dashboard") / "archive.db"
    build_archive(path)
    with uvicorn_serving(path) as url:
        yield url


def points(dom: BeautifulSoup, slug: str) -> list[dict[str, str]]:
    """The points a chart drew: the fields of each SVG point's aria-label (period, value, href …)."""
    marks = dom.select(f'#chart-{slug} svg [aria-roledescription="point"], #chart-{slug} svg [aria-roledescription="bar"]')
    return [dict(re.findall(r"(\S+): ([^;]*)", m["aria-label"])) for m in marks if "时期:" in m.get("aria-label", "")]


def test_the_dashboard_renders_its_charts_with_the_series_points(base, tmp_path):
    url = f"{base}/-/dashboards/facts?" + urllib.parse.urlencode(DEMO_FILTERS)
    dom = BeautifulSoup(chromium(tmp_path / "profile", *RENDER, "--dump-dom", url), "lxml")
    farm = {p["时期"]: p for p in points(dom, "place")}
    expected = {str(y): year.farm for y, year in sorted(TRUTH["广西壮族自治区"].items())}
    assert {period: farm[period]["数值"] for period in expected} == {p: f"{v:g}亿元" for p, v in expected.items()}
    assert all(farm[p]["href"].startswith("/archive/figures_view?id__in=") for p in expected)
    provinces = points(dom, "provinces")
    assert len(provinces) >= 5 and {p["时期"] for p in provinces} == {"2024"}
    assert points(dom, "saving-rate"), "the saving rate of the chosen place is drawn"
    rows = dom.select("#chart-points table tbody tr")
    assert [r.select("td")[0].get_text() for r in rows][:len(expected)] == list(expected)
    assert dom.select("#chart-latest table tbody tr a[href^='/archive/articles/']")
    scripts = [s["src"] for s in dom.select("script[src]")]
    assert scripts and not [s for s in scripts if s.startswith(("http://", "https://", "//"))], scripts  # no CDN


def test_the_dashboard_screenshot(base, tmp_path):
    url = f"{base}/-/dashboards/facts?" + urllib.parse.urlencode(DEMO_FILTERS)
    screenshot = tmp_path / "dashboard.png"
    chromium(tmp_path / "profile", *RENDER, f"--screenshot={screenshot}", url)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000
