"""Crawl throughput: pages per second for fetch + extract + store, rate limit off.

A fake finews site (tests/sites) with ``--posts`` posts runs in a separate
process on 127.0.0.1. Two crawlers do the same work into fresh archives:

- ``cgpn``: ``cgpn.crawling.run_crawl`` (async engine, polite client with robots,
  retries, size cap, frontier and crawl_runs in SQLite), ``delay=0``;
- ``sequential``: a plain ``httpx.Client`` loop: GET each listing page, select
  ``ul > li > a``, GET each post, ``cgpn.pipeline.ingest`` it.

Each is also run with a no-op store ("fetch only") to show what the HTTP side costs.

    python bench/crawl_throughput.py --posts 500 --concurrency 4 --repeat 3
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from archive import Archive  # noqa: E402
from archive.crawlstate import CrawlStateStore  # noqa: E402
from cgpn.crawling import run_crawl  # noqa: E402
from cgpn.pipeline import ingest  # noqa: E402
from scraper import CrawlSettings, Request, Scope, settings_for  # noqa: E402
from scraper.engine import crawl  # noqa: E402
from scraper.sources import SOURCES  # noqa: E402


def serve(posts: int, queue: mp.Queue) -> None:
    from tests.sites.data import stories
    from tests.sites.finews import FinewsSite
    from tests.sites.server import LocalServer

    with LocalServer(FinewsSite(stories(posts, per_day=4), per_page=50)) as server:
        queue.put(server.url)
        time.sleep(3600)


def sequential(base: str, db: str | None) -> int:
    """Plain loop: listing pages, then posts, one at a time."""
    archive = Archive(db) if db else None
    pages = 0
    with httpx.Client(timeout=30) as client:
        url: str | None = base + "category/zhongguozhengfucaigoubao.html"
        posts: list[str] = []
        while url:
            r = client.get(url)
            pages += 1
            soup = BeautifulSoup(r.content, "lxml")
            posts += [str(httpx.URL(url).join(a["href"])) for a in soup.select("ul > li > a") if a["href"].endswith(".html") and a["href"].count("/") > 3]
            nxt = soup.select_one('a[rel~="next"]')
            url = str(httpx.URL(url).join(nxt["href"])) if nxt else None
        for post in posts:
            r = client.get(post)
            pages += 1
            if archive:
                ingest(archive, r.content, location=post, source="finews", content_type=r.headers.get("content-type"), url=post)
    if archive:
        archive.close()
    return pages


def cgpn(base: str, db: str, store: bool, concurrency: int) -> int:
    settings = CrawlSettings(delay=0, concurrency=concurrency, concurrency_per_host=concurrency)
    if store:
        return run_crawl(db, "finews", Scope(base), settings=settings).fetched
    src = SOURCES["finews"]
    with Archive(db) as archive:  # frontier kept, captures not stored
        state = CrawlStateStore(archive.conn, Request.from_json)
        stats = asyncio.run(crawl(src, Scope(base), settings=settings_for(src, Scope(base), settings), state=state,
                                  sink=lambda c: type("O", (), {"status": "new", "error": None})()))
    return stats.fetched


def measure(crawlers: list[tuple[str, Callable[..., int], tuple]], repeat: int) -> None:
    """Run every crawler once per round (interleaved, so load changes hit all alike); print medians."""
    times: dict[str, list[float]] = {label: [] for label, _, _ in crawlers}
    pages: dict[str, int] = {}
    for n in range(repeat):
        for label, fn, args in crawlers:
            fresh = [f"{a}.{n}" if isinstance(a, str) and a.endswith(".db") else a for a in args]
            start = time.perf_counter()
            pages[label] = fn(*fresh)
            times[label].append(time.perf_counter() - start)
    for label, runs in times.items():
        rates = [pages[label] / r for r in runs]
        median = statistics.median(runs)
        print(f"| {label} | {pages[label]} | {median:.2f} | {pages[label] / median:.1f} | {min(rates):.0f}–{max(rates):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each crawler; the median is shown")
    args = parser.parse_args()
    queue: mp.Queue = mp.Queue()
    server = mp.Process(target=serve, args=(args.posts, queue), daemon=True)
    server.start()
    base = queue.get(timeout=30)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            warm = os.path.join(tmp, "warm.db")
            run_crawl(warm, "finews", Scope(base), settings=CrawlSettings(delay=0))  # warm up jieba, extractors
            print(f"{args.posts} posts, concurrency {args.concurrency}, rate limit off, median of {args.repeat} interleaved rounds\n")
            print("| crawler | pages fetched | seconds | pages/s | range |\n|---|---|---|---|---|")
            measure([
                ("sequential httpx loop, fetch only", sequential, (base, None)),
                ("cgpn crawl engine, fetch only", cgpn, (base, os.path.join(tmp, "a.db"), False, args.concurrency)),
                ("sequential httpx loop + ingest", sequential, (base, os.path.join(tmp, "b.db"))),
                ("cgpn crawl (fetch + extract + store)", cgpn, (base, os.path.join(tmp, "c.db"), True, args.concurrency)),
            ], args.repeat)
            start = time.perf_counter()
            again = run_crawl(os.path.join(tmp, "c.db.0"), "finews", Scope(base), settings=CrawlSettings(delay=0))
            print(f"\nrepeated cgpn crawl over the same archive: {again.fetched} request(s) answered "
                  f"({again.summary()}) in {time.perf_counter() - start:.2f} s")
            print(f"\npeak RSS of the crawling process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    finally:
        server.terminate()
        server.join(5)


if __name__ == "__main__":
    main()
