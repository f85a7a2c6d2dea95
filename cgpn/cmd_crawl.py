"""``cgpn crawl``: the click command over :func:`cgpn.crawling.run_crawl`.

It only parses options, sets up logging and the progress bar, and turns errors into the contract's
exit codes (0 ok, 1 partial, 2 usage, 75 locked); the scraper and the archive load when it runs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cgpn.errors import EXIT_LOCKED, EXIT_PARTIAL, EXIT_USAGE, CgpnError
from cgpn.options import date_range_options, new_db_option
from cgpn.progress import Bar

if TYPE_CHECKING:
    from scraper import CrawlStats


def _source(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """SOURCE checked against the scraper's sources, loaded only when the command runs."""
    from scraper.sources import SOURCES

    return click.Choice(sorted(SOURCES)).convert(value, param, ctx)


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
@click.argument("source", callback=_source)
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
@new_db_option
def crawl(source: str, base_url: str | None, since: str | None, until: str | None, max_items: int | None,
           refresh: bool, from_file: str | None, allow_private: bool, delay: float | None, concurrency: int | None,
           timeout: float | None, retries: int | None, user_agent: str | None, verbose: bool, log_json: bool, db_path: str) -> None:
    """Fetch new articles of SOURCE (finews, zcb-epaper, cgpnews, urls) into the archive.

    Polite (1 request/s per host, robots.txt), incremental (conditional requests,
    a frontier a killed run resumes), safe from cron (a lock: a second run exits 75;
    quiet unless something fails; exit 1 when items failed, retried next run).

    Example: cgpn crawl finews --since 2025-03-01 --max 50
    """
    import sqlite3

    from archive import ArchiveError
    from archive.lock import CrawlLocked
    from cgpn.crawling import crawl_scope, run_crawl

    _setup_logging(verbose, log_json)
    try:
        scope = crawl_scope(source, base_url, dt.date.fromisoformat(since) if since else None,
                            dt.date.fromisoformat(until) if until else None, _read_document(from_file))
    except ValueError as exc:
        raise CgpnError(str(exc), exit_code=EXIT_USAGE) from None
    interactive = sys.stderr.isatty() and not log_json and not verbose
    label = f"crawling {source}"
    try:
        with _sigterm_interrupts(), Bar(label, shown=interactive) as bar:
            def on_progress(stats: CrawlStats) -> None:  # the total grows as pages reveal more links
                done = stats.fetched + stats.failed + stats.skipped + stats.deferred
                bar.step(label, done, stats.queued, note=f"new {stats.new}, failed {stats.failed}")

            stats = run_crawl(db_path, source, scope, max_items=max_items, refresh=refresh,
                              on_progress=on_progress if interactive else None,
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

