"""Run a crawl against a fake site into a real SQLite frontier, recording what the sink got."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from dataclasses import dataclass, field

from archive.crawlstate import CrawlStateStore
from archive.schema import migrate
from scraper import Capture, CrawlSettings, CrawlStats, Request, Scope, crawl, settings_for
from scraper.sources import SOURCES

FAST = CrawlSettings(delay=0, backoff_initial=0.01, backoff_max=0.05, read_timeout=0.5, connect_timeout=1.0)


@dataclass
class Outcome:
    status: str
    error: str | None = None


@dataclass
class RecordingSink:
    """Keeps captures by URL and says new/changed/unchanged the way the archive does (by sha256)."""

    captures: list[Capture] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)

    def __call__(self, capture: Capture) -> Outcome:
        self.captures.append(capture)
        digest = hashlib.sha256(capture.content).hexdigest()
        previous = self.digests.get(capture.url)
        self.digests[capture.url] = digest
        return Outcome("new" if previous is None else "unchanged" if previous == digest else "changed")


def open_state(path: str) -> tuple[sqlite3.Connection, CrawlStateStore]:
    conn = sqlite3.connect(path)
    migrate(conn)
    return conn, CrawlStateStore(conn, Request.from_json)


def run_crawl(source: str, scope: Scope, db: str, sink=None, settings: CrawlSettings = FAST, max_items: int | None = None,
              **overrides) -> tuple[CrawlStats, RecordingSink]:
    sink = sink or RecordingSink()
    conn, state = open_state(db)
    try:
        src = SOURCES[source]
        stats = asyncio.run(crawl(src, scope, settings=settings_for(src, scope, settings, **overrides), state=state,
                                  sink=sink, max_items=max_items))
    finally:
        conn.close()
    return stats, sink
