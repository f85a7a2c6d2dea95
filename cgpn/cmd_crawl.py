"""``cgpn crawl``: wire a scraper source, the archive's crawl state and the ingest pipeline together.

:func:`run_crawl` is the library function (lock, run log, crawl, store); the
click command only parses options, sets up logging and the progress bar, and
turns errors into the contract's exit codes (0 ok, 1 partial, 2 usage, 75 locked).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from archive import Archive, ArchiveError
from archive.crawlstate import CrawlStateStore
from archive.lock import CrawlLocked, crawl_lock
from cgpn.errors import EXIT_LOCKED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, CgpnError
from cgpn.options import date_range_options, db_option
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


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps({"time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
                           "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()},
                          ensure_ascii=False)


def _setup_logging(verbose: bool, log_json: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if log_json else logging.Formatter("%(levelname)s %(message)s"))
    for name in ("scraper", "cgpn"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO if verbose else logging.WARNING)
        logger.propagate = False
    logging.getLogger("httpx").setLevel(logging.WARNING)


@contextmanager
def _progress(enabled: bool, label: str) -> Iterator[Callable[[CrawlStats], None] | None]:
    """A rich progress bar on a terminal; the total grows as pages reveal more links."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[counts]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, counts="")

        def update(stats: CrawlStats) -> None:
            done = stats.fetched + stats.failed + stats.skipped + stats.deferred
            bar.update(task, completed=done, total=stats.queued, counts=f"new {stats.new}, failed {stats.failed}")

        yield update


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Turn SIGTERM (cron's ``timeout``, a shutdown) into KeyboardInterrupt, so the run is logged as aborted."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _read_document(path: str | None) -> bytes | None:
    return Path(path).read_bytes() if path else None


@click.command(name="crawl")
@click.argument("source", type=click.Choice(sorted(SOURCES)))
@click.option("--base-url", metavar="URL", help="Site (or, for urls, sitemap/feed/list) to crawl; a mirror or a local test server.")
@date_range_options
@click.option("--max", "max_items", type=click.IntRange(min=1), help="At most N articles this run (the rest stay queued).")
@click.option("--refresh", is_flag=True, help="Ask again (conditionally) for articles already archived, to catch edits.")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False), help="urls only: a local file of URLs, sitemap or feed.")
@click.option("--allow-private", is_flag=True, help="Follow links and redirects to private or loopback addresses.")
@click.option("--delay", type=click.FloatRange(min=0), help="Seconds between requests to one host [default: 1; 0: no limit].")
@click.option("--concurrency", type=click.IntRange(min=1), help="Requests in flight [default: 4].")
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Read timeout in seconds [default: 30].")
@click.option("--retries", type=click.IntRange(min=0), help="Retries of a timeout, reset, 5xx or 429 [default: 3].")
@click.option("--user-agent", help="User-Agent header (also matched against robots.txt).")
@click.option("-v", "--verbose", is_flag=True, help="Log every fetch and a summary (default: quiet, errors only).")
@click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr.")
@db_option
def crawl(source: str, base_url: str | None, since: str | None, until: str | None, max_items: int | None,
           refresh: bool, from_file: str | None, allow_private: bool, delay: float | None, concurrency: int | None,
           timeout: float | None, retries: int | None, user_agent: str | None, verbose: bool, log_json: bool, db_path: str) -> None:
    """Fetch new articles of SOURCE (finews, zcb-epaper, cgpnews, urls) into the archive.

    Polite (1 request/s per host, robots.txt), incremental (conditional requests,
    a frontier a killed run resumes), safe from cron (a lock: a second run exits 75;
    quiet unless something fails; exit 1 when items failed, retried next run).

    Example: cgpn crawl finews --since 2025-03-01 --max 50
    """
    _setup_logging(verbose, log_json)
    try:
        scope = crawl_scope(source, base_url, dt.date.fromisoformat(since) if since else None,
                            dt.date.fromisoformat(until) if until else None, _read_document(from_file))
    except ValueError as exc:
        raise CgpnError(str(exc), exit_code=EXIT_USAGE) from None
    interactive = sys.stderr.isatty() and not log_json and not verbose
    try:
        with _sigterm_interrupts(), _progress(interactive, f"crawling {source}") as on_progress:
            stats = run_crawl(db_path, source, scope, max_items=max_items, refresh=refresh, on_progress=on_progress,
                              delay=delay, concurrency=concurrency, read_timeout=timeout, retries=retries, user_agent=user_agent,
                              allow_private=allow_private or None)
    except CrawlLocked as exc:
        raise CgpnError(str(exc), hint="a crawl is already running; this run did nothing", exit_code=EXIT_LOCKED) from None
    except (ArchiveError, sqlite3.DatabaseError) as exc:
        raise CgpnError(f"{db_path}: {exc}", hint="is it a cgpn archive? Pass another --db") from None
    except OSError as exc:
        raise CgpnError(f"{db_path}: {exc.strerror or exc}") from None
    except KeyboardInterrupt:
        raise CgpnError("interrupted", hint="the next run resumes where this one stopped", exit_code=EXIT_PARTIAL) from None
    for error in stats.errors:
        click.echo(f"failed: {error}", err=True)
    if verbose or interactive or stats.failed:
        click.echo(f"crawled {source}: {stats.summary()}", err=True)
    if stats.failed:
        raise SystemExit(EXIT_PARTIAL)

