"""The polite HTTP client: every rule about *how* to fetch lives here, once.

Per-host rate limit and bounded concurrency, connect/read timeouts, retries
with exponential backoff and jitter on timeouts, resets, truncated bodies, 5xx
and 429 (``Retry-After`` honoured), robots.txt (RFC 9309: an unreachable one fails the run's
requests to its site, to be retried, and never refuses them for good), an identifying
User-Agent, a streamed size cap, redirects only to allowed hosts over
http/https, private addresses refused, conditional requests. Sources never see
it; the engine hands it :class:`~scraper.request.Request` objects.

>>> parse_retry_after("120")
120.0
>>> parse_retry_after("soon") is None
True
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
import socket
import time
import urllib.robotparser
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential, wait_random

from scraper.errors import ClientError, FetchFailed, Refused, Transient
from scraper.request import Request, Response
from scraper.settings import CrawlSettings
from scraper.state import Validators

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class HostThrottle:
    """At most one request per ``delay`` seconds per host; slots are reserved, not polled."""

    def __init__(self) -> None:
        self._next: dict[str, float] = defaultdict(float)

    async def wait(self, host: str, delay: float) -> None:
        now = time.monotonic()
        start = max(now, self._next[host])
        self._next[host] = start + delay
        if start > now:
            await asyncio.sleep(start - now)


class Client:
    """Fetch :class:`Request` objects politely; use as ``async with Client(settings) as c``."""

    def __init__(self, settings: CrawlSettings, *, on_retry: Callable[[str, BaseException, float], None] | None = None):
        self.settings = settings
        self._http = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._host_slots: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.concurrency_per_host)
        )
        self._throttle = HostThrottle()
        self._host_delay: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | bool | FetchFailed] = {}
        self._robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._private: dict[str, bool] = {}
        self._on_retry = on_retry

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._http.aclose()

    # ---- public -----------------------------------------------------------------

    async def fetch(self, request: Request, validators: Validators | None = None) -> Response:
        """Fetch ``request``; raise :class:`Refused` or :class:`FetchFailed` with a one-line reason."""
        await self.check_url(request.url)
        await self._check_robots(request.url)
        host = urlsplit(request.url).hostname or ""
        async with self._slots, self._host_slots[host]:
            try:
                async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(self.settings.retries + 1),
                    wait=self._wait,
                    retry=retry_if_exception(self._retryable),
                    before_sleep=self._before_sleep,
                    reraise=True,
                ):
                    with attempt:
                        return await self._follow(request, validators)
            except Transient as e:
                failed = FetchFailed(f"{e} (gave up after {self.settings.retries + 1} attempts)")
                failed.answered = e.answered
                raise failed from e
        raise AssertionError("unreachable")  # pragma: no cover

    async def check_url(self, url: str, *, origin_host: str | None = None) -> None:
        """Refuse a URL the settings do not allow (scheme, host, private address).

        ``origin_host`` is the host of the request a redirect came from.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(f"{url}: only http and https are fetched")
        host = (parts.hostname or "").lower()
        if not host:
            raise Refused(f"{url}: no host")
        s = self.settings
        if host in s.trusted_hosts:
            return
        if s.allowed_hosts is not None and host not in s.allowed_hosts:
            raise Refused(f"{url}: host {host} is not one of this source's hosts")
        if s.allowed_hosts is None and origin_host is not None and host != origin_host:
            raise Refused(f"{url}: redirect to another host ({origin_host} -> {host})")
        if not s.allow_private and await self._is_private(host, parts.port or (443 if parts.scheme == "https" else 80)):
            raise Refused(f"{url}: {host} is a private or loopback address (use --allow-private)")

    # ---- one attempt: a chain of redirects ------------------------------------------

    async def _follow(self, request: Request, validators: Validators | None) -> Response:
        method, url, form = request.method, request.url, request.form or None
        headers = {}
        if validators and method == "GET":
            etag, last_modified = validators
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        for _ in range(self.settings.max_redirects + 1):
            host = urlsplit(url).hostname or ""
            await self._throttle.wait(host, self._host_delay.get(host, self.settings.delay))
            status, resp_headers, body = await self._send(method, url, form, headers)
            if status in REDIRECTS and "location" in resp_headers:
                target = urljoin(url, resp_headers["location"]).split("#", 1)[0]
                try:
                    await self.check_url(target, origin_host=host)
                    await self._check_robots(target)
                except Refused as e:
                    raise Refused(f"{url} redirects to {e}") from None
                if status == 303 or (status in (301, 302) and method == "POST"):
                    method, form = "GET", None
                url = target
                continue
            return self._response(request, url, status, resp_headers, body)
        raise Refused(f"{request.url}: more than {self.settings.max_redirects} redirects")

    def _response(self, request: Request, url: str, status: int, headers: httpx.Headers, body: bytes) -> Response:
        if status in RETRY_STATUSES or status >= 500:
            raise Transient(f"{url}: HTTP {status}", parse_retry_after(headers.get("retry-after")), answered=True)
        if status >= 400:
            raise ClientError(f"{url}: HTTP {status}", status)
        if status >= 300 and status != 304:
            raise Refused(f"{url}: HTTP {status} without a usable Location")
        return Response(
            request=request,
            url=url,
            status=status,
            content=body,
            content_type=headers.get("content-type"),
            fetched_at=_now_iso(),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
        )

    async def _send(
        self, method: str, url: str, form: dict[str, str] | None, headers: dict[str, str]
    ) -> tuple[int, httpx.Headers, bytes]:
        limit = self.settings.max_bytes
        try:
            async with self._http.stream(method, url, data=form, headers=headers) as r:
                if r.status_code in REDIRECTS:
                    return r.status_code, r.headers, b""
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise Refused(f"{url}: response of {int(declared)} bytes exceeds the {limit}-byte limit")
                chunks, size = [], 0
                async for chunk in r.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise Refused(f"{url}: response exceeds the {limit}-byte limit")
                    chunks.append(chunk)
                return r.status_code, r.headers, b"".join(chunks)
        except httpx.TimeoutException as e:
            raise Transient(f"{url}: timed out ({type(e).__name__})") from e
        except httpx.UnsupportedProtocol as e:
            raise Refused(f"{url}: {e}") from e
        except (httpx.TransportError, httpx.DecodingError) as e:
            raise Transient(f"{url}: {type(e).__name__}: {e or 'connection failed'}") from e

    # ---- retries ---------------------------------------------------------------------

    def _retryable(self, exc: BaseException) -> bool:
        if not isinstance(exc, Transient):
            return False
        return exc.retry_after is None or exc.retry_after <= self.settings.max_retry_after

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, Transient) and exc.retry_after is not None:
            return exc.retry_after
        s = self.settings
        backoff = wait_exponential(multiplier=s.backoff_initial, max=s.backoff_max) + wait_random(0, s.backoff_initial)
        return backoff(state)

    def _before_sleep(self, state: RetryCallState) -> None:
        if self._on_retry and state.outcome and state.next_action:
            self._on_retry(str(state.outcome.exception()), state.outcome.exception(), state.next_action.sleep)

    # ---- robots.txt and private addresses ---------------------------------------------

    async def _check_robots(self, url: str) -> None:
        if not self.settings.obey_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._robots_locks[origin]:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin, parts.hostname or "")
        rules = self._robots[origin]
        if isinstance(rules, FetchFailed):
            raise FetchFailed(f"{url}: {rules}")
        allowed = rules if isinstance(rules, bool) else rules.can_fetch(self.settings.user_agent, url)
        if not allowed:
            raise Refused(f"{url}: disallowed by {origin}/robots.txt")

    async def _load_robots(self, origin: str, host: str) -> urllib.robotparser.RobotFileParser | bool | FetchFailed:
        """Rules for ``origin``. Per RFC 9309 a 4xx allows everything, and only a robots.txt that was
        fetched can disallow. One that cannot be fetched (DNS, refused connection, timeout, 5xx, a
        redirect elsewhere, too large) is the error of every URL of the origin this run: nothing of
        it is fetched, nothing is refused for good, and the next run tries again."""
        url = origin + "/robots.txt"
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(self.settings.retries + 1),
                wait=self._wait,
                retry=retry_if_exception(self._retryable),
                reraise=True,
            ):
                with attempt:
                    response = await self._follow(Request(url, "robots"), None)
        except ClientError:
            return True  # 4xx: no rules
        except (FetchFailed, Refused) as e:
            return FetchFailed(f"cannot fetch its robots.txt, so nothing of {origin} is fetched this run ({e})")
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
        crawl_delay = parser.crawl_delay(self.settings.user_agent)
        if crawl_delay:
            self._host_delay[host] = max(self.settings.delay, float(crawl_delay))
        return parser

    async def _is_private(self, host: str, port: int) -> bool:
        if host not in self._private:
            try:
                addresses = [ipaddress.ip_address(host)]
            except ValueError:
                try:
                    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
                except socket.gaierror as e:
                    raise Transient(f"cannot resolve {host}: {e}") from e
                addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
            self._private[host] = any(not a.is_global for a in addresses)
        return self._private[host]
