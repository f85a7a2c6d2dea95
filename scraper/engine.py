"""The crawl engine: the only component that connects a source, the client, the frontier and the sink.

It seeds the frontier from the source, resumes what earlier runs left, fetches
with bounded concurrency, hands responses to the source's callbacks, passes each
:class:`~scraper.capture.Capture` to the ``sink`` (which stores it) and records
every outcome in the frontier, so nothing is fetched twice and nothing is lost.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from scraper.capture import Capture
from scraper.client import Client
from scraper.errors import ScraperError
from scraper.request import Request
from scraper.settings import CrawlSettings
from scraper.sources.base import Scope, Source
from scraper.state import CrawlState

log = logging.getLogger("scraper")


class Outcome(Protocol):
    """What the sink reports for one capture (``cgpn.pipeline.ingest``'s result has this shape)."""

    status: str  # new, changed, unchanged, failed
    error: str | None


Sink = Callable[[Capture], Outcome]


@dataclass
class CrawlStats:
    """Counts of one run. ``failed`` items are retried next run; ``skipped`` were refused for good."""

    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: int = 0  # left pending by --max
    queued: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for logs and the crawl_runs table.

        >>> CrawlStats(fetched=3, new=2, failed=1).summary()
        'fetched 3, new 2, changed 0, unchanged 0, failed 1, skipped 0'
        """
        return (
            f"fetched {self.fetched}, new {self.new}, changed {self.changed}, "
            f"unchanged {self.unchanged}, failed {self.failed}, skipped {self.skipped}"
        )


def settings_for(source: Source, scope: Scope, base: CrawlSettings, **overrides: object) -> CrawlSettings:
    """Defaults, then the source's overrides, then the caller's (``None`` values ignored).

    The base URL's host is trusted whatever its address.

    >>> from scraper.sources import SOURCES
    >>> s = settings_for(SOURCES["zcb-epaper"], Scope("http://127.0.0.1:8000/"), CrawlSettings(), delay=0.5)
    >>> s.concurrency_per_host, s.delay, sorted(s.allowed_hosts), sorted(s.trusted_hosts)
    (1, 0.5, ['127.0.0.1'], ['127.0.0.1'])
    """
    trusted = {(urlsplit(scope.base_url).hostname or "").lower()} - {""}
    merged = base.override(**source.settings).override(**overrides)
    return merged.override(
        allowed_hosts=source.allowed_hosts(scope), trusted_hosts=merged.trusted_hosts | frozenset(trusted)
    )


async def crawl(
    source: Source,
    scope: Scope,
    *,
    settings: CrawlSettings,
    state: CrawlState,
    sink: Sink,
    max_items: int | None = None,
    refresh: bool = False,
    on_progress: Callable[[CrawlStats], None] | None = None,
) -> CrawlStats:
    """Crawl ``source`` over ``scope``; return the run's counts (errors are recorded, not raised).

    With ``refresh``, articles archived before are asked for again (conditionally), to catch edits.
    """
    run = _Run(source, settings, state, sink, max_items, refresh, on_progress)
    seeds = list(source.start(scope))
    state.add(source.name, seeds)
    for request in [*run.wanted(seeds), *state.resume(source.name)]:
        run.schedule(request)
    async with Client(settings, on_retry=run.on_retry) as client:
        run.client = client
        await run.drain()
    # a failed run counts toward giving an item up when the site answered: with an error for the item (a 5xx)
    # or with anything else in the run; a run it answered nothing in is an outage (DNS, refused, timeouts)
    state.count_failures(source.name, [key for key, answered in run.failures if answered or run.stats.fetched])
    return run.stats


class _Run:
    def __init__(self, source: Source, settings: CrawlSettings, state: CrawlState, sink: Sink,
                 max_items: int | None, refresh: bool, on_progress: Callable[[CrawlStats], None] | None):
        self.source, self.settings, self.state, self.sink = source, settings, state, sink
        self.max_items, self.refresh, self.on_progress = max_items, refresh, on_progress
        self.stats = CrawlStats()
        self.queue: asyncio.PriorityQueue[tuple[int, int, Request]] = asyncio.PriorityQueue()
        self.seen: set[str] = set()
        self.order = itertools.count()
        self.leaves = 0
        self.failures: list[tuple[str, bool]] = []  # (key, the site answered) of this run's failures
        self.client: Client

    def schedule(self, request: Request) -> None:
        """Queue ``request`` once per run; articles first, so a short run still archives some."""
        if request.key not in self.seen:
            self.seen.add(request.key)
            self.stats.queued += 1
            self.queue.put_nowait((0 if request.leaf else 1, next(self.order), request))

    def on_retry(self, message: str, error: BaseException, wait: float) -> None:
        log.info("retrying in %.1fs: %s", wait, message)

    async def drain(self) -> None:
        workers = [asyncio.create_task(self._worker()) for _ in range(self.settings.concurrency)]
        joined = asyncio.create_task(self.queue.join())
        try:
            done, _ = await asyncio.wait([joined, *workers], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task is not joined:
                    task.result()  # a worker died: raise its error
        finally:
            for task in [joined, *workers]:
                task.cancel()
            await asyncio.gather(joined, *workers, return_exceptions=True)

    async def _worker(self) -> None:
        while True:
            _, _, request = await self.queue.get()
            try:
                await self._handle(request)
            finally:
                self.queue.task_done()
                if self.on_progress:
                    self.on_progress(self.stats)

    async def _handle(self, request: Request) -> None:
        name = self.source.name
        if self.max_items is not None and self.leaves >= self.max_items:
            self.stats.deferred += 1  # stays pending in the frontier for the next run
            return
        self.leaves += request.leaf
        try:
            # refreshing: listings in full, to reach every article again; articles conditionally
            validators = None if self.refresh and not request.leaf else self.state.validators(name, request.key)
            response = await self.client.fetch(request, validators)
            self.stats.fetched += 1
            if response.not_modified:
                self.stats.unchanged += request.leaf
                log.info("%s %s: not modified", request.method, request.url)
                self.state.complete(name, request.key, [], (response.etag, response.last_modified))
                return
            children: list[Request] = []
            for item in self.source.handle(response):
                if isinstance(item, Request):
                    children.append(item)
                else:
                    self._store(item)
            children = self.wanted(self._in_scope(children))
            self.state.complete(name, request.key, children, (response.etag, response.last_modified))
            if children:
                log.info("%s %s: %d links to follow", request.method, request.url, len(children))
            for child in children:
                self.schedule(child)
        except Exception as error:  # noqa: BLE001 - any failure of one item is recorded, the crawl goes on
            self._fail(request, error)

    def _store(self, capture: Capture) -> None:
        outcome = self.sink(capture)
        if outcome.status == "failed":
            raise _StoreFailed(f"{capture.url}: stored raw but extraction failed: {outcome.error}")
        setattr(self.stats, outcome.status, getattr(self.stats, outcome.status) + 1)
        log.info("%s %s", outcome.status, capture.url)

    def _in_scope(self, children: list[Request]) -> list[Request]:
        """Links to the source's hosts only; others are ignored (not refused: they are not ours)."""
        allowed, trusted = self.settings.allowed_hosts, self.settings.trusted_hosts
        kept = []
        for child in children:
            host = (urlsplit(child.url).hostname or "").lower()
            if allowed is None or host in allowed or host in trusted:
                kept.append(child)
            else:
                log.debug("off-site link ignored: %s", child.url)
        return kept

    def wanted(self, requests: list[Request]) -> list[Request]:
        """Requests not finished for good: refusals stay refused, archived articles are not asked again
        (unless refreshing); listings are always asked again, conditionally."""
        states = self.state.states(self.source.name, [r.key for r in requests])
        final = ("dropped",) if self.refresh else ("dropped", "done")
        return [r for r in requests if not (r.leaf and states.get(r.key) in final)]

    def _fail(self, request: Request, error: Exception) -> None:
        permanent = isinstance(error, ScraperError) and error.permanent
        message = str(error) if isinstance(error, ScraperError | _StoreFailed) else f"{request.url}: {type(error).__name__}: {error}"
        self.state.fail(self.source.name, request.key, message, permanent=permanent)
        if not permanent:  # a page that came but could not be read or stored is the item's failure too
            self.failures.append((request.key, not isinstance(error, ScraperError) or error.answered))
        if permanent:
            self.stats.skipped += 1
            log.warning("skipped %s", message)
        else:
            self.stats.failed += 1
            self.stats.errors.append(message)
            log.error("failed %s", message)


class _StoreFailed(Exception):
    """The sink stored the raw capture but could not extract it."""
