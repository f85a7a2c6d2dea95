"""Incremental and resumable crawls: a repeated run fetches only what is new; a killed run resumes."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time

from archive import Archive
from cgpn.crawling import crawl_scope, run_crawl
from scraper import Scope
from tests.conftest import ROOT
from tests.sites.data import generated_story
from tests.sites.finews import post_path
from tests.sites.fixtures import FAST, Sites, sites  # noqa: F401
from tests.sites.server import Reply, Seen


def counts(db: str) -> tuple[int, int]:
    with Archive(db) as arc:
        return arc.stats()["captures"], arc.stats()["articles"]


def post_fetches(sites: Sites, start: int = 0) -> list[str]:
    return [s.path for s in sites.server.seen[start:] if s.path.startswith("/zhongguozhengfucaigoubao/")]


def test_a_repeated_run_fetches_only_the_listing_conditionally(sites: Sites, db_path: str) -> None:
    run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    before = len(sites.server.seen)
    stats = run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    second = sites.server.seen[before:]
    assert [s.path for s in second] == ["/robots.txt", "/category/zhongguozhengfucaigoubao.html"]
    assert "if-none-match" in second[1].headers
    assert (stats.new, stats.fetched) == (0, 1)
    assert counts(db_path) == (12, 12)
    with Archive(db_path) as arc:
        assert [r["new"] for r in arc.db.query("SELECT new FROM crawl_runs ORDER BY id")] == [12, 0]


def test_a_new_post_is_the_only_article_fetched(sites: Sites, db_path: str) -> None:
    run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    fresh = generated_story(99, dt.datetime(2022, 2, 15, 9, 0))
    sites.finews.stories.insert(0, fresh)
    sites.finews.posts[post_path(fresh)] = fresh
    before = len(sites.server.seen)
    stats = run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    assert post_fetches(sites, before) == [post_path(fresh)]
    assert stats.new == 1
    assert counts(db_path) == (13, 13)


def test_refresh_asks_again_and_catches_an_edited_post(sites: Sites, db_path: str) -> None:
    run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    edited = sites.stories[4]
    edited.paragraphs[1] = edited.paragraphs[1].replace("万元", "亿元")
    stats = run_crawl(db_path, "finews", Scope(sites.url), settings=FAST, refresh=True)
    assert (stats.changed, stats.unchanged, stats.new) == (1, 11, 0)  # 11 answered 304 Not Modified
    with Archive(db_path) as arc:
        body = next(arc.db.query("SELECT body FROM articles WHERE title = ?", [edited.title]))["body"]
    assert "亿元" in body
    assert counts(db_path) == (13, 12)  # the old bytes are kept


def test_a_killed_run_resumes_where_it_stopped(sites: Sites, db_path: str) -> None:
    original = sites.server._server.app

    def slow_posts(seen: Seen) -> Reply:
        reply = original(seen)
        if seen.path.startswith("/zhongguozhengfucaigoubao/"):
            reply.delay = 0.3
        return reply

    sites.server._server.app = slow_posts
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cgpn.cmd_crawl import crawl; crawl()", "finews", "--base-url", sites.url,
         "--db", db_path, "--delay", "0", "--concurrency", "2"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.1)
            try:
                with sqlite3.connect(db_path, timeout=5) as conn:
                    if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 3:
                        break
            except sqlite3.OperationalError:
                continue  # not created yet
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    first_fetches = post_fetches(sites)
    done_before, _ = counts(db_path)
    assert 3 <= done_before < 12
    sites.server._server.app = original
    before = len(sites.server.seen)
    stats = run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)  # the killed run's lock is gone
    resumed = post_fetches(sites, before)
    assert len(resumed) <= 12 - done_before + 2  # only the rest, plus what was in flight when killed
    assert set(first_fetches) | set(resumed) == {post_path(s) for s in sites.stories}
    assert counts(db_path) == (12, 12)  # nothing stored twice, nothing lost
    assert stats.failed == 0
    with Archive(db_path) as arc:
        runs = list(arc.db.query("SELECT ended_at, exit_code FROM crawl_runs ORDER BY id"))
    assert runs[0]["ended_at"] is None and runs[1]["exit_code"] == 0  # the killed run shows as unfinished


def test_sigterm_ends_the_run_cleanly_and_logs_it(sites: Sites, db_path: str) -> None:
    original = sites.server._server.app
    sites.server._server.app = lambda seen: Reply(body=b"", delay=30) if seen.path.startswith("/category/") else original(seen)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cgpn.cmd_crawl import crawl; crawl()", "finews", "--base-url", sites.url,
         "--db", db_path, "--delay", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while not any(s.path.startswith("/category/") for s in sites.server.seen) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 1
    assert err == "Error: interrupted\nHint: the next run resumes where this one stopped\n"
    with Archive(db_path) as arc:
        run = next(arc.db.query("SELECT ended_at, exit_code, message FROM crawl_runs"))
    assert run["ended_at"] and run["exit_code"] == 1 and run["message"].startswith("aborted: KeyboardInterrupt")


def test_max_leaves_the_rest_queued_for_the_next_run(sites: Sites, db_path: str) -> None:
    scope = crawl_scope("zcb-epaper", sites.url, dt.date(2022, 2, 11), dt.date(2022, 2, 14))
    totals = []
    for _ in range(3):
        stats = run_crawl(db_path, "zcb-epaper", scope, settings=FAST, max_items=5)
        totals.append(stats.new)
    assert totals == [5, 5, 2]
    details = [s.form["guid"] for s in sites.server.seen if s.path.endswith("detailData.do")]
    assert len(details) == len(set(details)) == 12


def test_a_listing_unchanged_since_a_killed_run_still_leads_to_the_pages_after_it(sites: Sites, db_path: str) -> None:
    # run 1 sees 6 posts on two listing pages; then 6 newer posts push the sixth newest onto page 2
    everything = list(sites.finews.stories)
    sites.finews.stories = everything[6:]
    run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    assert counts(db_path) == (6, 6)
    sites.finews.stories = everything
    original = sites.server._server.app
    page2 = "/category/zhongguozhengfucaigoubao/page2.html"
    sites.server._server.app = lambda seen: Reply(body=b"", delay=30) if seen.path == page2 else original(seen)
    before = len(sites.server.seen)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from cgpn.cmd_crawl import crawl; crawl()", "finews", "--base-url", sites.url,
         "--db", db_path, "--delay", "0"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:  # run 2 reads page 1 (and its posts), then is killed while page 2 is on its way
        deadline = time.monotonic() + 60
        while not any(s.path == page2 for s in sites.server.seen[before:]) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert any(s.path == page2 for s in sites.server.seen[before:])
    sites.server._server.app = original
    # run 3: page 1 answers 304 (unchanged since run 2), yet page 2 must still be read for the post only it lists
    stats = run_crawl(db_path, "finews", Scope(sites.url), settings=FAST)
    assert stats.failed == 0
    assert counts(db_path) == (12, 12)
