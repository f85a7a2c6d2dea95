"""What sources ask for (:class:`Request`) and what they get back (:class:`Response`).

A request is plain data, so the crawl frontier can persist it and a killed
run can resume it:

>>> r = Request("http://e.test/reader/layout/findBmMenu.do", "parse_issue", method="POST",
...             form={"docPubTime": "20250304"})
>>> r.key
'parse_issue POST http://e.test/reader/layout/findBmMenu.do docPubTime=20250304'
>>> Request.from_json(r.to_json()) == r
True
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlencode, urljoin

from scraper.capture import Capture


@dataclass(frozen=True)
class Request:
    """A fetch to make and the source callback (by name) that handles its response.

    ``leaf`` marks an article: it is fetched once (later runs skip it once done)
    and counts towards ``--max``. Other requests (listings, calendars) are
    fetched again by every run, conditionally when the server gave validators.
    ``meta`` carries small string values to the callback (a date, a range).
    """

    url: str
    callback: str
    method: str = "GET"
    form: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    leaf: bool = False

    @property
    def key(self) -> str:
        """Stable identity of the request in the frontier."""
        parts = [self.callback, self.method, self.url]
        if self.form:
            parts.append(urlencode(sorted(self.form.items())))
        if self.meta:
            parts.append(json.dumps(self.meta, sort_keys=True, ensure_ascii=False))
        return " ".join(parts)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Request:
        return cls(**json.loads(text))

    def __hash__(self) -> int:
        return hash(self.key)


@dataclass(frozen=True)
class Response:
    """A fetched response: final URL after redirects, status, raw bytes and validators."""

    request: Request
    url: str
    status: int
    content: bytes
    content_type: str | None
    fetched_at: str  # ISO 8601, UTC
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def urljoin(self, href: str) -> str:
        """An absolute URL for a link found on this page, without its fragment."""
        return urljoin(self.url, href.strip()).split("#", 1)[0]

    def json(self) -> Any:
        return json.loads(self.content)

    @cached_property
    def soup(self) -> Any:
        """The page parsed by BeautifulSoup (lxml), for navigation only.

        Pass bytes, so BeautifulSoup finds the charset from the meta tag or the
        bytes themselves; headers often lie on these sites.
        """
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.content, "lxml")

    def capture(self, source: str, url: str | None = None) -> Capture:
        """The raw capture of this response, stored under ``url`` (default: the final URL)."""
        return Capture(
            url=url or self.url,
            source=source,
            content=self.content,
            content_type=self.content_type,
            fetched_at=self.fetched_at,
            status=self.status,
            etag=self.etag,
            last_modified=self.last_modified,
        )
