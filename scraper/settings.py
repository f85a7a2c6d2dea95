"""One frozen settings object for every politeness and safety knob.

Defaults are polite (one request per second per host, robots.txt obeyed,
private hosts refused). A source overrides fields as data, the command line
overrides them last:

>>> s = CrawlSettings().override(delay=2.0)
>>> s.delay, s.obey_robots, s.max_bytes
(2.0, True, 10485760)
>>> CrawlSettings().override(delay=-1)
Traceback (most recent call last):
...
ValueError: delay must be >= 0, got -1
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

USER_AGENT = "cgpn/0.1 (China Government Procurement News archiver; research crawler; python-httpx)"


@dataclass(frozen=True)
class CrawlSettings:
    """How the client fetches.

    - ``user_agent``: sent with every request and matched against robots.txt.
    - ``delay``: seconds between two requests to one host (0 turns the rate limit off).
    - ``concurrency``: requests in flight at once; ``concurrency_per_host`` per host.
    - ``connect_timeout`` / ``read_timeout``: seconds.
    - ``retries``: extra attempts after a timeout, connection error, truncated body,
      5xx or 429; waits grow as ``backoff_initial * 2**n`` plus jitter, capped by
      ``backoff_max``; a ``Retry-After`` header is honoured up to ``max_retry_after``
      (a longer one fails the item, which the next run retries).
    - ``max_bytes``: a larger response is abandoned while streaming.
    - ``max_redirects``: redirects followed per request (only to allowed hosts, http/https).
    - ``obey_robots``: fetch and honour robots.txt (RFC 9309) once per origin and run.
    - ``allow_private``: allow private, loopback and link-local addresses for hosts
      other than ``trusted_hosts`` (the ``--base-url`` host is always trusted).
    - ``allowed_hosts``: hosts a source may visit (``None``: any public host).
    - ``trusted_hosts``: hosts allowed whatever their address.
    """

    user_agent: str = USER_AGENT
    delay: float = 1.0
    concurrency: int = 4
    concurrency_per_host: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    max_retry_after: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    obey_robots: bool = True
    allow_private: bool = False
    allowed_hosts: frozenset[str] | None = None
    trusted_hosts: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for name in ("delay", "connect_timeout", "read_timeout", "backoff_initial", "backoff_max", "max_retry_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        for name in ("concurrency", "concurrency_per_host", "max_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.retries < 0 or self.max_redirects < 0:
            raise ValueError("retries and max_redirects must be >= 0")

    def override(self, **changes: Any) -> CrawlSettings:
        """A copy with ``changes`` applied; ``None`` values are ignored."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})
