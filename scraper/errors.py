"""The scraper's exceptions, declared together.

``permanent`` says whether trying again later can help: a refused request
(robots.txt, another host, a private address, too large, 404) is recorded and
not retried; a failed one (timeouts, 5xx, a listing whose markup changed) is
retried by the next run.
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base class; ``str(error)`` is a one-line message naming the URL. ``answered``: the server did answer
    (a 5xx, a page without the expected markup), so the failure is the item's, not an outage's."""

    permanent = False
    answered = False


class FetchFailed(ScraperError):
    """A request failed after every retry (timeout, reset, truncated body, 5xx, 429)."""


class Transient(FetchFailed):
    """One attempt failed in a way a retry may fix; ``retry_after`` in seconds if the server said."""

    def __init__(self, message: str, retry_after: float | None = None, *, answered: bool = False):
        super().__init__(message)
        self.retry_after = retry_after
        self.answered = answered


class Refused(ScraperError):
    """The crawler will not fetch this: robots.txt, an offsite or private host, a scheme, a size, a 4xx."""

    permanent = True


class ClientError(Refused):
    """The server answered 4xx (other than 408/429): the URL is wrong or gone."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class MarkupChanged(ScraperError):
    """A listing page no longer has what the source's selector expects.

    >>> str(MarkupChanged("div#pageList li a", "http://x/epapers"))
    "selector 'div#pageList li a' matched nothing on http://x/epapers: the site's markup may have changed"
    """

    answered = True

    def __init__(self, selector: str, url: str, detail: str = "matched nothing"):
        super().__init__(f"selector {selector!r} {detail} on {url}: the site's markup may have changed")
        self.selector = selector
        self.url = url
