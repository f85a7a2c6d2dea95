"""The crawl frontier and the cron lock in the archive (archive/crawlstate.py, archive/lock.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive import Archive
from archive.crawlstate import CrawlStateStore
from archive.lock import CrawlLocked, crawl_lock
from scraper import Request


def store(db_path: str) -> tuple[Archive, CrawlStateStore]:
    arc = Archive(db_path)
    return arc, CrawlStateStore(arc.conn, Request.from_json)


LISTING = Request("http://f.test/category/x.html", "parse_listing")
POSTS = [Request(f"http://f.test/x/2022/02/1{n}/{n}.html", "parse_post", leaf=True) for n in range(3)]


def test_children_and_completion_are_recorded_together(db_path: str) -> None:
    arc, state = store(db_path)
    state.add("finews", [LISTING])
    state.add("finews", [LISTING])  # idempotent
    state.complete("finews", LISTING.key, POSTS, ('"abc"', "Mon, 14 Feb 2022 12:52:19 GMT"))
    assert state.states("finews", [LISTING.key, POSTS[0].key, "other"]) == {LISTING.key: "done", POSTS[0].key: "pending"}
    assert state.validators("finews", LISTING.key) == ('"abc"', "Mon, 14 Feb 2022 12:52:19 GMT")
    assert state.validators("finews", POSTS[0].key) is None
    assert state.resume("finews") == POSTS
    assert state.resume("cgpnews") == []
    arc.close()


def test_failed_items_are_resumed_and_dropped_ones_are_not(db_path: str) -> None:
    arc, state = store(db_path)
    state.add("finews", POSTS)
    state.fail("finews", POSTS[0].key, "timed out", permanent=False)
    state.fail("finews", POSTS[1].key, "disallowed by robots.txt", permanent=True)
    state.complete("finews", POSTS[2].key, [], (None, None))
    assert state.resume("finews") == [POSTS[0]]
    row = next(arc.db.query("SELECT state, error, attempts FROM crawl_frontier WHERE key = ?", [POSTS[1].key]))
    assert row == {"state": "dropped", "error": "disallowed by robots.txt", "attempts": 1}
    arc.close()


def test_an_item_failing_run_after_run_is_given_up(db_path: str) -> None:
    arc = Archive(db_path)
    state = CrawlStateStore(arc.conn, Request.from_json, give_up_after=3)
    state.add("finews", POSTS[:1])
    state.fail("finews", POSTS[0].key, "HTTP 503", permanent=False)
    state.count_failures("finews", [POSTS[0].key])
    state.complete("finews", POSTS[0].key, [], (None, None))  # a success resets the count
    for _ in range(2):
        state.fail("finews", POSTS[0].key, "timed out", permanent=False)
        state.count_failures("finews", [POSTS[0].key])
        assert state.resume("finews") == POSTS[:1]
    state.fail("finews", POSTS[0].key, "timed out", permanent=False)
    state.count_failures("finews", [POSTS[0].key])
    assert state.resume("finews") == []
    row = next(arc.db.query("SELECT state, error FROM crawl_frontier"))
    assert row == {"state": "dropped", "error": "timed out (gave up after 3 runs)"}
    arc.close()


def test_failures_of_runs_that_reached_nothing_do_not_count(db_path: str) -> None:
    arc = Archive(db_path)
    state = CrawlStateStore(arc.conn, Request.from_json, give_up_after=2)
    state.add("finews", POSTS[:1])
    for _ in range(5):  # runs that reached nothing: their failures are recorded, never counted
        state.fail("finews", POSTS[0].key, "ConnectError", permanent=False)
    assert state.resume("finews") == POSTS[:1]
    for _ in range(2):
        state.fail("finews", POSTS[0].key, "HTTP 503", permanent=False)
        state.count_failures("finews", [POSTS[0].key])
    assert state.resume("finews") == []
    row = next(arc.db.query("SELECT state, error, attempts FROM crawl_frontier"))
    assert row == {"state": "dropped", "error": "HTTP 503 (gave up after 2 runs)", "attempts": 2}
    arc.close()


def test_a_failed_transaction_leaves_the_frontier_as_it_was(db_path: str) -> None:
    arc, state = store(db_path)
    state.add("finews", [LISTING])

    class Broken(Request):
        def to_json(self) -> str:
            raise ValueError("cannot serialise")

    with pytest.raises(ValueError):
        state.complete("finews", LISTING.key, [POSTS[0], Broken("http://f.test/b", "parse_post")], (None, None))
    assert state.states("finews", [LISTING.key, POSTS[0].key]) == {LISTING.key: "pending"}
    arc.close()


def test_the_lock_is_exclusive_across_processes_and_freed_when_the_holder_dies(tmp_path: Path) -> None:
    db = str(tmp_path / "archive.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from archive.lock import crawl_lock\nimport time\nwith crawl_lock({db!r}):\n"
         "    print('held', flush=True)\n    time.sleep(60)"],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(CrawlLocked, match=rf"another crawl holds {db}.lock \(pid {holder.pid}, since "):
            with crawl_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait(10)
    deadline = time.monotonic() + 5
    with crawl_lock(db) as path:
        assert path == db + ".lock" and time.monotonic() < deadline
