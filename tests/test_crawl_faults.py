"""Faults end to end: each ends in the right outcome, nothing stored twice, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from archive import Archive
from cgpn.crawling import crawl_scope, run_crawl
from tests.sites.feeds import render_page
from tests.sites.fixtures import FAST, Sites, sites  # noqa: F401
from tests.sites.server import Reply, Seen, html

FAULTS = ["fault/500", "fault/429", "fault/reset", "fault/truncated", "fault/gbk-as-utf8", "fault/utf8-as-gbk",
          "fault/slow", "fault/redirect-offsite", "private/report.html", "fault/huge", "fault/huge-chunked"]
SETTINGS = FAST.override(read_timeout=0.3, retries=2, max_bytes=1024 * 1024)


def frontier(db: str) -> dict[str, tuple[str, str | None]]:
    with Archive(db) as arc:
        rows = arc.db.query("SELECT request, state, error FROM crawl_frontier WHERE leaf = 1")
        return {json.loads(r["request"])["url"].split("/", 3)[3]: (r["state"], r["error"]) for r in rows}


def run(db: str, sites: Sites, tmp_path: Path):
    listed = tmp_path / "faults.txt"
    listed.write_text("".join(f"{sites.url}{path}\n" for path in FAULTS))
    return run_crawl(db, "urls", crawl_scope("urls", None, None, None, listed.read_bytes()), settings=SETTINGS)


def test_every_fault_ends_in_its_outcome(sites: Sites, db_path: str, tmp_path: Path) -> None:
    stats = run(db_path, sites, tmp_path)
    assert (stats.new, stats.failed, stats.skipped) == (6, 1, 4)
    states = frontier(db_path)
    for path in FAULTS[:6]:
        assert states[path] == ("done", None)
    assert states["fault/slow"][0] == "failed" and "timed out" in states["fault/slow"][1]
    assert states["fault/redirect-offsite"][0] == "dropped" and "localhost" in states["fault/redirect-offsite"][1]
    assert states["private/report.html"][0] == "dropped" and "robots.txt" in states["private/report.html"][1]
    assert all(states[p][0] == "dropped" and "limit" in states[p][1] for p in ("fault/huge", "fault/huge-chunked"))
    with Archive(db_path) as arc:
        locations = [r["location"] for r in arc.db.query("SELECT location FROM captures")]
        titles = {r["url"].rsplit("/", 2)[-1]: r["title"] for r in arc.db.query("SELECT url, title FROM articles")}
    assert sorted(locations) == sorted(sites.url + p for p in FAULTS[:6])  # each stored once
    assert titles["gbk-as-utf8"] == titles["utf8-as-gbk"] == sites.stories[0].title  # lying charsets decoded right
    assert "/private/report.html" not in sites.server.paths()


def test_the_next_run_retries_failures_only(sites: Sites, db_path: str, tmp_path: Path) -> None:
    run(db_path, sites, tmp_path)
    before = len(sites.server.seen)
    original = sites.server._server.app

    def recovered(seen: Seen) -> Reply:  # the slow page now answers at once
        return html(render_page(sites.stories[0])) if seen.path == "/fault/slow" else original(seen)

    sites.server._server.app = recovered
    stats = run(db_path, sites, tmp_path)
    again = [s.path for s in sites.server.seen[before:]]
    assert again == ["/robots.txt", "/fault/slow"]
    assert (stats.new, stats.failed, stats.skipped) == (1, 0, 0)
    assert frontier(db_path)["fault/slow"] == ("done", None)


@pytest.mark.parametrize("source, site, selector", [
    ("finews", "finews", "ul > li > a"),
    ("cgpnews", "cgpnews", "div#pageList li a"),
    ("zcb-epaper", "zcb", "BC"),
])
def test_a_listing_whose_markup_changed_is_a_clear_error(sites: Sites, db_path: str, source: str, site: str,
                                                        selector: str) -> None:
    if site == "zcb":
        sites.zcb.page_key = "BanCi"
    else:
        getattr(sites, site).markup = "v2"
    day = None if source == "finews" else dt.date(2022, 2, 14)
    scope = crawl_scope(source, sites.url, day, day)
    stats = run_crawl(db_path, source, scope, settings=SETTINGS)
    assert stats.new == 0 and stats.failed >= 1
    assert f"{selector!r}" in stats.errors[0] and "markup may have changed" in stats.errors[0]
    with Archive(db_path) as arc:
        run_row = next(arc.db.query("SELECT failed, exit_code, message FROM crawl_runs"))
    assert run_row["exit_code"] == 1 and selector in run_row["message"]
