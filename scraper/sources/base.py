"""What a source is: a name, its hosts, settings overrides as data, and callbacks.

A source says *what* to fetch; the engine and client say *how*. Callbacks take
a :class:`~scraper.request.Response` and yield more :class:`~scraper.request.Request`
objects or :class:`~scraper.capture.Capture` objects, never touching HTTP or storage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

from scraper.capture import Capture
from scraper.errors import MarkupChanged
from scraper.request import Request, Response

Yield = Iterator[Request | Capture]


@dataclass(frozen=True)
class Scope:
    """What one run covers: the base URL, a date range, and (``urls`` only) a local document of links."""

    base_url: str
    since: dt.date | None = None
    until: dt.date | None = None
    document: bytes | None = None

    def url(self, path: str) -> str:
        """``path`` resolved against the base URL.

        >>> Scope("http://127.0.0.1:8000/mirror").url("reader/layout/getSZBDate.do")
        'http://127.0.0.1:8000/mirror/reader/layout/getSZBDate.do'
        """
        base = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
        return urljoin(base, path)

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def days(self) -> list[dt.date]:
        """Every day of the range (both ends required), newest first."""
        assert self.since and self.until
        count = (self.until - self.since).days + 1
        return [self.until - dt.timedelta(days=n) for n in range(count)]


class Source:
    """Base class: subclasses set the class attributes and define ``start`` and callbacks."""

    name: ClassVar[str]
    default_base_url: ClassVar[str | None] = None
    hosts: ClassVar[frozenset[str]] = frozenset()  # known mirrors, allowed besides the base URL's host
    settings: ClassVar[dict[str, Any]] = {}  # CrawlSettings overrides, e.g. {"delay": 2.0}
    any_host: ClassVar[bool] = False  # True: follow links to any public host
    needs_range: ClassVar[bool] = False  # True: --since/--until default to the last week
    item_label: ClassVar[str] = "article"

    def start(self, scope: Scope) -> Iterable[Request]:
        raise NotImplementedError

    def allowed_hosts(self, scope: Scope) -> frozenset[str] | None:
        if self.any_host:
            return None
        return self.hosts | {(urlsplit(scope.base_url).hostname or "").lower()}

    def handle(self, response: Response) -> Yield:
        """Dispatch ``response`` to the callback its request names."""
        callback = getattr(self, response.request.callback, None)
        if callback is None or not response.request.callback.startswith("parse"):
            raise ValueError(f"{self.name} has no callback {response.request.callback!r}")
        yield from callback(response)


def links(response: Response, selector: str, *, required: bool = True) -> list[tuple[str, str]]:
    """``(absolute URL, link text)`` of every ``a[href]`` matching ``selector``.

    With ``required``, matching nothing raises :class:`MarkupChanged` naming the selector.
    """
    found = [
        (response.urljoin(a["href"]), a.get_text(" ", strip=True))
        for a in response.soup.select(selector)
        if a.get("href") and not a["href"].strip().lower().startswith(("javascript:", "mailto:"))
    ]
    if required and not found:
        raise MarkupChanged(selector, response.url)
    return found


def range_meta(scope: Scope) -> dict[str, str]:
    """The date range as request meta, so callbacks filter without global state."""
    meta = {}
    if scope.since:
        meta["since"] = scope.since.isoformat()
    if scope.until:
        meta["until"] = scope.until.isoformat()
    return meta


def meta_scope(request: Request) -> Scope:
    """The date range a request carries back as a :class:`Scope` (for ``covers``)."""
    since, until = request.meta.get("since"), request.meta.get("until")
    return Scope(
        base_url="",
        since=dt.date.fromisoformat(since) if since else None,
        until=dt.date.fromisoformat(until) if until else None,
    )
