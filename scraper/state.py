"""What the engine needs from a crawl frontier; ``archive.crawlstate`` implements it in SQLite.

The frontier holds every request a source has asked for, its state (``pending``,
``done``, ``failed`` to retry next run, ``dropped`` for refusals) and the HTTP
validators of its last successful fetch. Children of a page are added in the
same transaction that marks the page done, so a run killed at any point
resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from scraper.request import Request

Validators = tuple[str | None, str | None]  # (ETag, Last-Modified)


class CrawlState(Protocol):
    def add(self, source: str, requests: Iterable[Request]) -> None:
        """Record ``requests`` as pending unless the frontier already has them."""

    def resume(self, source: str) -> list[Request]:
        """Requests that earlier runs left pending or failed, oldest first."""

    def states(self, source: str, keys: Iterable[str]) -> dict[str, str]:
        """The state of each key the frontier already holds."""

    def validators(self, source: str, key: str) -> Validators | None:
        """ETag and Last-Modified of the last successful fetch, if any."""

    def complete(self, source: str, key: str, children: Iterable[Request], validators: Validators) -> None:
        """Mark ``key`` done with its validators and add its children, atomically."""

    def fail(self, source: str, key: str, error: str, *, permanent: bool) -> None:
        """Record a failure: ``failed`` (retried next run) or ``dropped`` (permanent)."""

    def count_failures(self, source: str, keys: Iterable[str]) -> None:
        """Count a failed run for each of ``keys``, dropping those that failed too many runs; called once a run
        has ended, and only when the source answered something in it (an outage is not the items' failure)."""
