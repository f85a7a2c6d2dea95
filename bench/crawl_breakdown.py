"""Where a crawl's time goes: HTTP, frontier bookkeeping, storage (fetch only, rate limit off).

Wraps the client's and the crawl state's methods with timers and runs the
engine once over the fake finews site (after a warm-up run). Use concurrency 1:
with more requests in flight the timed parts overlap and do not add up.

    python bench/crawl_breakdown.py --posts 300 --concurrency 1
"""

from __future__ import annotations

import argparse
import collections
import functools
import inspect
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import crawl_throughput as throughput  # noqa: E402

from archive.crawlstate import CrawlStateStore  # noqa: E402
from scraper.client import Client  # noqa: E402

SPENT: collections.Counter[str] = collections.Counter()


def timed(cls: type, name: str) -> None:
    """Replace ``cls.name`` by a version that adds its wall time to ``SPENT[name]``."""
    fn = getattr(cls, name)
    if inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await fn(*args, **kwargs)
            finally:
                SPENT[name] += time.perf_counter() - start
    else:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                SPENT[name] += time.perf_counter() - start
    setattr(cls, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    timed(Client, "fetch")
    for name in ("add", "resume", "states", "validators", "complete", "fail"):
        timed(CrawlStateStore, name)
    queue: mp.Queue = mp.Queue()
    server = mp.Process(target=throughput.serve, args=(args.posts, queue), daemon=True)
    server.start()
    base = queue.get(timeout=30)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            throughput.cgpn(base, os.path.join(tmp, "warm.db"), False, args.concurrency)
            SPENT.clear()
            start = time.perf_counter()
            pages = throughput.cgpn(base, os.path.join(tmp, "run.db"), False, args.concurrency)
            total = time.perf_counter() - start
    finally:
        server.terminate()
        server.join(5)
    print(f"{pages} pages in {total:.2f} s ({pages / total:.0f} pages/s), concurrency {args.concurrency}\n")
    print("| part | seconds | ms per page |\n|---|---|---|")
    print(f"| Client.fetch (robots, checks, retries wrapper, HTTP) | {SPENT['fetch']:.3f} | {1000 * SPENT['fetch'] / pages:.2f} |")
    state = sum(v for k, v in SPENT.items() if k != "fetch")
    print(f"| crawl state in SQLite (validators, states, complete, …) | {state:.3f} | {1000 * state / pages:.2f} |")
    rest = total - SPENT["fetch"] - state
    print(f"| everything else (listing parsing, queue, scheduling) | {rest:.3f} | {1000 * rest / pages:.2f} |")


if __name__ == "__main__":
    main()
