"""A raw capture: the bytes a source fetched, before any extraction.

>>> c = Capture(url="http://finews.test/p.html", source="finews", content=b"<html>",
...             content_type="text/html; charset=utf-8", fetched_at="2026-01-01T00:00:00+00:00")
>>> c.size
6
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Capture:
    """Raw bytes as served (never re-encoded), with where and when they came from."""

    url: str
    source: str
    content: bytes
    content_type: str | None
    fetched_at: str  # ISO 8601, UTC
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None

    @property
    def size(self) -> int:
        return len(self.content)
