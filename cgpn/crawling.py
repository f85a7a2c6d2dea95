"""``cgpn crawl`` as a library: wire a scraper source, the archive's crawl state and the ingest pipeline together.

:func:`run_crawl` takes the lock, logs the run in ``crawl_runs``, crawls and stores; the click
command (:mod:`cgpn.cmd_crawl`) only parses options, sets up logging and the progress bar, and
turns errors into the contract's exit codes (0 ok, 1 partial, 2 usage, 75 locked).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from archive import Archive
from archive.crawlstate import CrawlStateStore
from archive.lock import crawl_lock
from cgpn.errors import EXIT_OK, EXIT_PARTIAL
from cgpn.pipeline import ingest
from scraper import SOURCES, Capture, CrawlSettings, CrawlStats, Request, Scope, ScraperError, settings_for
from scraper.engine import crawl as crawl_source
from scraper.sources.urls import document_links

CHINA = dt.timezone(dt.timedelta(hours=8))
DEFAULT_DAYS = 7


def crawl_scope(source: str, base_url: str | None, since: dt.date | None, until: dt.date | None,
                document: bytes | None = None, today: dt.date | None = None) -> Scope:
    """The scope of a run, with the defaults filled in; ``ValueError`` for a usage mistake.

    Dated sources default to the last week (China time).

    >>> s = crawl_scope("cgpnews", "http://c.test/", None, None, today=dt.date(2025, 3, 10))
    >>> s.since, s.until
    (datetime.date(2025, 3, 4), datetime.date(2025, 3, 10))
    """
    src = SOURCES[source]
    base_url = base_url or src.default_base_url
    if document is not None and source != "urls":
        raise ValueError("--from is for the urls source only")
    if not base_url and document is None:
        what = "the sitemap, feed or URL list to read (or --from FILE)" if source == "urls" else "the site (no default host is known)"
        raise ValueError(f"{source} needs --base-url: {what}")
    if base_url and urlsplit(base_url).scheme not in ("http", "https"):
        raise ValueError(f"--base-url must be an http or https URL, got {base_url!r}")
    if document is not None:
        try:
            listed = document_links(document, base_url or "")
        except ScraperError as exc:
            raise ValueError(f"--from: {exc}") from None
        if not listed:
            raise ValueError("--from: no URLs found (expected a sitemap, an RSS/Atom feed or one URL per line)")
    if src.needs_range:
        today = today or dt.datetime.now(CHINA).date()
        until = until or (since + dt.timedelta(days=DEFAULT_DAYS - 1) if since else today)
        since = since or until - dt.timedelta(days=DEFAULT_DAYS - 1)
    if since and until and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return Scope(base_url or "", since, until, document)


def run_crawl(db_path: str, source: str, scope: Scope, *, settings: CrawlSettings = CrawlSettings(),
              max_items: int | None = None, refresh: bool = False,
              on_progress: Callable[[CrawlStats], None] | None = None, **overrides: Any) -> CrawlStats:
    """Crawl ``source`` into the archive at ``db_path`` under the crawl lock; log the run in crawl_runs.

    Raises :class:`~archive.lock.CrawlLocked` when another crawl holds the lock.
    """
    src = SOURCES[source]
    if scope.document is not None:  # hosts the user listed are trusted like --base-url
        listed = {(urlsplit(url).hostname or "").lower() for url, _, _ in document_links(scope.document, scope.base_url)}
        settings = settings.override(trusted_hosts=settings.trusted_hosts | frozenset(listed - {""}))
    with crawl_lock(db_path), Archive(db_path) as archive:
        state = CrawlStateStore(archive.conn, Request.from_json)

        def store(capture: Capture) -> Any:
            return ingest(archive, capture.content, location=capture.url, source=capture.source,
                          content_type=capture.content_type, fetched_at=capture.fetched_at, url=capture.url)

        run_id = state.start_run(source)
        try:
            stats = asyncio.run(crawl_source(src, scope, settings=settings_for(src, scope, settings, **overrides),
                                      state=state, sink=store, max_items=max_items, refresh=refresh,
                                             on_progress=on_progress))
        except BaseException as exc:
            state.end_run(run_id, {}, exit_code=EXIT_PARTIAL, message=f"aborted: {type(exc).__name__}: {exc}")
            raise
        message = stats.summary() + "".join(f"\n{e}" for e in stats.errors[:20])
        state.end_run(run_id, asdict(stats), exit_code=EXIT_PARTIAL if stats.failed else EXIT_OK, message=message)
    return stats
