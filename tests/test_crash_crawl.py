"""Crash safety of ``cgpn crawl`` and ``cgpn reextract --all`` (SIGKILL at random moments), and
readers (``archive.search.search``: SELECT + FTS MATCH) while a crawl writes.

The crawls run against the fake finews site (tests/sites) on a real loopback server; the
helpers for child processes and the reextract corpus come from tests/test_crash.py.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive import Archive
from archive.fts import index_text
from archive.search import open_readonly, search
from archive.verify import verify
from cgpn.files import iter_files
from cgpn.pipeline import import_files
from extractors import extract
from tests.sites.data import Story, stories
from tests.sites.finews import FinewsSite, post_path
from tests.sites.server import LocalServer, Reply, Seen
from tests.test_crash import Corpus, _query, cgpn, read_while

POSTS = 150
SLOW = 0.05  # seconds a post takes to serve, so that a run lasts long enough to be killed between posts


class GrowingSite:
    """The finews site showing the oldest ``visible`` posts of ``pool``; :meth:`grow` publishes newer ones."""

    def __init__(self, pool: list[Story], visible: int):
        self.pool, self.site = pool, FinewsSite([], per_page=10)
        self.grow(visible)

    def grow(self, visible: int) -> None:
        shown = self.pool[len(self.pool) - visible:]
        self.site.stories, self.site.posts = shown, {post_path(s): s for s in shown}

    def __call__(self, seen: Seen) -> Reply:
        reply = self.site(seen)
        if seen.path in self.site.posts:
            reply.delay = SLOW
        return reply


@contextmanager
def finews(visible: int = POSTS) -> Iterator[tuple[LocalServer, GrowingSite]]:
    """A loopback finews site over a pool of ``POSTS`` stories, ``visible`` of them published."""
    app = GrowingSite(stories(POSTS, per_day=3), visible)
    with LocalServer(app) as server:
        yield server, app


def crawl(server: LocalServer, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    return cgpn("crawl", "finews", "--base-url", server.url, "--delay", "0", "--db", str(db), *extra)


def sound(db: Path) -> list[str]:
    """verify's problems, integrity_check, and articles without figures or whose index row differs from them."""
    conn = sqlite3.connect(db)
    try:
        problems = [str(p) for p in verify(conn)]
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            problems.append("integrity_check failed")
        rows = conn.execute("SELECT a.id, a.title, a.body, (SELECT count(*) FROM figures f WHERE f.article_id = a.id), "
                            "t.title, t.body FROM articles a LEFT JOIN articles_fts t ON t.rowid = a.id").fetchall()
    finally:
        conn.close()
    for article_id, title, body, figures, fts_title, fts_body in rows:
        if not figures:  # every post states amounts
            problems.append(f"article {article_id} has no figures")
        if (fts_title, fts_body) != (index_text(title), index_text(body)):
            problems.append(f"article {article_id}: index row does not match the article")
    return problems


def _count(db: Path, sql: str) -> int:
    try:
        return _query(db, sql)[0][0]
    except sqlite3.OperationalError:  # no archive or no tables yet
        return 0


def _wait_for(db: Path, sql: str, target: int, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Return once ``sql`` counts ``target`` (or the run ended, or ``seconds`` passed)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and proc.poll() is None and _count(db, sql) < target:
        time.sleep(0.005)


def _kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL ``proc`` if it still runs; wait for it; say whether it was killed."""
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    return running


def _diagnose(db: Path, missing: list[str]) -> str:
    """What the frontier and the run log say about posts that were never archived."""
    rows = _query(db, "SELECT key, state, attempts, error, added_at, updated_at FROM crawl_frontier ORDER BY rowid")
    runs = _query(db, "SELECT id, started_at, ended_at, exit_code, message FROM crawl_runs ORDER BY id")
    lines = [f"{len(missing)} posts never archived"]
    lines += [f"  {row}" for row in rows if any(m.endswith(row[0].split("/", 3)[-1]) for m in missing)]
    lines += ["frontier listings:"] + [f"  {row}" for row in rows if "category" in row[0]]
    lines += ["runs:"] + [f"  {run}" for run in runs]
    lines += ["missing:"] + [f"  {m}" for m in missing]
    return "\n".join(lines)


CRAWL_KILLS = 22
NEW_PER_ROUND = 5  # posts published before each run, so that every run has work to do
ARTICLES = "SELECT count(*) FROM articles"


def test_sigkill_during_a_crawl_never_corrupts_and_the_next_run_finishes(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    rng = random.Random(23)
    interrupted = mid_crawl = 0
    with finews(POSTS - CRAWL_KILLS * NEW_PER_ROUND) as (server, site):
        for round_ in range(CRAWL_KILLS):
            site.grow(POSTS - (CRAWL_KILLS - round_ - 1) * NEW_PER_ROUND)
            before, published = _count(db, ARTICLES), len(site.site.stories)
            proc = crawl(server, db)
            if round_ % 2:  # at a random time (start-up, schema, lock, listing pages, posts), before the last post
                _wait_for(db, ARTICLES, published - 1, proc, seconds=rng.uniform(0.05, 4.0))
            else:  # at a random point of the work: after k more posts are stored
                _wait_for(db, ARTICLES, before + rng.randint(1, min(10, published - before - 1)), proc)
            interrupted += _kill(proc)
            if db.exists():
                assert sound(db) == [], f"after kill {round_}"
                mid_crawl += before < _count(db, ARTICLES) < published
        assert interrupted >= 20, f"only {interrupted} of {CRAWL_KILLS} runs were still going when killed"
        assert mid_crawl >= 8, f"only {mid_crawl} kills landed between two posts of a crawl"

        final = crawl(server, db)
        _, err = final.communicate(timeout=120)
        assert final.returncode == 0, err.decode()
        assert sound(db) == []
        urls = {server.url.rstrip("/") + post_path(s) for s in site.pool}
        stored = {loc for (loc,) in _query(db, "SELECT location FROM captures")}
        missing = sorted(urls - stored)
        assert not missing, _diagnose(db, missing)
        assert _query(db, "SELECT count(*), count(DISTINCT key), count(DISTINCT capture_id) FROM articles") == [(POSTS,) * 3]
        assert _query(db, "SELECT count(*), count(DISTINCT location), count(DISTINCT sha256) FROM captures") == [(POSTS,) * 3]
        assert {loc for (loc,) in _query(db, "SELECT location FROM captures")} == urls
        assert _query(db, "SELECT DISTINCT status FROM captures") == [("ok",)]

        again = crawl(server, db, "-v")
        _, err = again.communicate(timeout=60)
        assert again.returncode == 0, err.decode()
        assert "new 0, changed 0" in err.decode()
        assert _count(db, "SELECT count(*) FROM captures") == POSTS
        # the run log: a killed run has no end (README), every other run ended with exit 0
        runs = _query(db, "SELECT ended_at IS NOT NULL, exit_code FROM crawl_runs ORDER BY id")
        assert runs[-2:] == [(1, 0), (1, 0)] and set(runs) == {(0, None), (1, 0)}


REEXTRACT_KILLS = 12
DOCUMENTS = 150
EXTRACTED = "SELECT count(*) FROM captures WHERE extracted_at IS NOT NULL"


def _make_stale(db: Path, rng: random.Random) -> None:
    """Drop the figures of 40 random articles and forget every capture's extraction time: a run must redo both."""
    with Archive(str(db)) as archive, archive.transaction() as conn:
        ids = [i for (i,) in conn.execute("SELECT id FROM articles")]
        conn.executemany("DELETE FROM figures WHERE article_id = ?", [(i,) for i in rng.sample(ids, 40)])
        conn.execute("UPDATE captures SET extracted_at = NULL")


def test_sigkill_during_reextract_never_corrupts_and_the_next_run_equals_a_fresh_extraction(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "in", DOCUMENTS)
    db = tmp_path / "archive.db"
    with Archive(str(db)) as archive:
        assert import_files(archive, iter_files([corpus.folder])).counts["new"] == DOCUMENTS
    rng = random.Random(5)
    interrupted = mid_run = 0
    for round_ in range(REEXTRACT_KILLS):
        _make_stale(db, rng)
        proc = cgpn("reextract", "--all", "--db", str(db), "--batch-size", "4")  # several commits a run
        if round_ % 2:  # at a random time, but before the run could finish
            _wait_for(db, EXTRACTED, DOCUMENTS - 5, proc, seconds=rng.uniform(0.3, 5.0))
        else:
            _wait_for(db, EXTRACTED, rng.randint(1, DOCUMENTS - 1), proc)
        interrupted += _kill(proc)
        problems = [p for p in sound(db) if not p.endswith("has no figures")]  # stale ones not reached yet
        assert problems == [], f"after kill {round_}"
        mid_run += 0 < _count(db, EXTRACTED) < DOCUMENTS
    assert interrupted >= 10, f"only {interrupted} of {REEXTRACT_KILLS} runs were still going when killed"
    assert mid_run >= 6, f"only {mid_run} kills landed between two documents"

    final = cgpn("reextract", "--all", "--db", str(db))
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()
    assert sound(db) == []
    conn = sqlite3.connect(db)
    try:
        stored = {loc: (title, body, [s for (s,) in conn.execute("SELECT surface FROM figures WHERE article_id = ? ORDER BY seq", (i,))])
                  for i, loc, title, body in conn.execute(
                      "SELECT a.id, c.location, a.title, a.body FROM articles a JOIN captures c ON c.id = a.capture_id")}
    finally:
        conn.close()
    fresh = {}
    for loc, data in corpus.current().items():
        article = extract(data, path=loc)
        fresh[loc] = (article.title, article.body, [f.surface for f in article.figures])
    assert stored == fresh


def test_readers_never_error_while_a_crawl_writes(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    Archive(str(db)).close()  # the schema exists before the readers start

    def reader() -> int:  # as `cgpn search` reads: a read-only connection, search() = SELECT + FTS MATCH
        conn = open_readonly(db)
        try:
            hits = search(conn, "采购")
            if not all(hit["title"] for hit in hits):
                raise AssertionError(f"a hit without its article: {hits}")
            return conn.execute(ARTICLES).fetchone()[0]
        finally:
            conn.close()

    with finews() as (server, _):
        writer, err, seen, errors = read_while({"first": reader, "second": reader}, lambda: crawl(server, db))
    assert writer.returncode == 0, err.decode()
    assert errors == []
    assert _count(db, ARTICLES) == POSTS
    for name, counts in seen.items():  # each reader saw the archive grow while it was written
        assert len(set(counts)) >= 3, f"the {name} reader saw only {sorted(set(counts))}"
