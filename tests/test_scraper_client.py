"""The polite client against a real local server: retries, limits, refusals, robots.txt, validators."""

from __future__ import annotations

import asyncio
import time

import pytest

from scraper.client import Client
from scraper.errors import FetchFailed, Refused
from scraper.request import Request, Response
from scraper.settings import CrawlSettings
from tests.sites.faults import HUGE
from tests.sites.feeds import render_page
from tests.sites.fixtures import FAST, Sites, sites  # noqa: F401
from tests.sites.server import Reply, Seen


def fetch(url: str, settings: CrawlSettings, validators=None) -> Response:
    async def go() -> Response:
        async with Client(settings) as client:
            return await client.fetch(Request(url, "parse_page"), validators)

    return asyncio.run(go())


def trusted(sites: Sites, **changes) -> CrawlSettings:
    return FAST.override(trusted_hosts=frozenset({"127.0.0.1"}), **changes)


def hits(sites: Sites, path: str) -> int:
    return sum(1 for s in sites.server.seen if s.path == path)


def test_identifies_itself_and_reads_robots_once(sites: Sites) -> None:
    fetch(sites.url + "news/0000.html", trusted(sites))
    seen = sites.server.seen
    assert [s.path for s in seen] == ["/robots.txt", "/news/0000.html"]
    assert all(s.headers["user-agent"].startswith("cgpn/") for s in seen)


@pytest.mark.parametrize("path, attempts", [("/fault/500", 3), ("/fault/429", 2), ("/fault/reset", 2), ("/fault/truncated", 2)])
def test_transient_faults_are_retried_until_the_page_comes(sites: Sites, path: str, attempts: int) -> None:
    response = fetch(sites.url + path.lstrip("/"), trusted(sites))
    assert response.status == 200
    assert response.content == render_page(sites.stories[0]).encode("utf-8")  # whole body, not the cut one
    assert hits(sites, path) == attempts


def test_retry_after_is_honoured(sites: Sites) -> None:
    start = time.monotonic()
    fetch(sites.url + "fault/429", trusted(sites))
    assert time.monotonic() - start >= 0.95  # Retry-After: 1, though the backoff alone is 0.01 s


def test_a_retry_after_beyond_the_cap_fails_at_once(sites: Sites) -> None:
    with pytest.raises(FetchFailed, match="HTTP 429"):
        fetch(sites.url + "fault/429", trusted(sites, max_retry_after=0.5))
    assert hits(sites, "/fault/429") == 1


def test_a_response_slower_than_the_timeout_fails_after_every_retry(sites: Sites) -> None:
    with pytest.raises(FetchFailed, match=r"timed out.*after 3 attempts"):
        fetch(sites.url + "fault/slow", trusted(sites, read_timeout=0.2, retries=2))
    assert hits(sites, "/fault/slow") == 3


def test_a_redirect_to_another_host_is_refused(sites: Sites) -> None:
    with pytest.raises(Refused, match="localhost is not one of this source's hosts"):
        fetch(sites.url + "fault/redirect-offsite", trusted(sites, allowed_hosts=frozenset({"127.0.0.1"})))
    assert hits(sites, "/news/0000.html") == 0


def test_any_host_source_still_refuses_a_redirect_to_another_host(sites: Sites) -> None:
    with pytest.raises(Refused, match=r"redirect to another host \(127.0.0.1 -> localhost\)"):
        fetch(sites.url + "fault/redirect-offsite", trusted(sites, allow_private=True))
    assert hits(sites, "/news/0000.html") == 0


def test_robots_disallow_is_obeyed_without_fetching(sites: Sites) -> None:
    with pytest.raises(Refused, match="disallowed by .*/robots.txt"):
        fetch(sites.url + "private/report.html", trusted(sites))
    assert hits(sites, "/private/report.html") == 0
    assert fetch(sites.url + "private/report.html", trusted(sites, obey_robots=False)).status == 200


def test_robots_crawl_delay_slows_us_down(sites: Sites) -> None:
    sites.faults.robots = "User-agent: *\nCrawl-delay: 1\n"  # urllib.robotparser reads whole seconds
    start = time.monotonic()
    _fetch_many([sites.url + "news/0000.html", sites.url + "news/0001.html"], trusted(sites, delay=0))
    assert time.monotonic() - start >= 1.0


def test_robots_rules_for_our_user_agent_apply(sites: Sites) -> None:
    with pytest.raises(Refused, match="robots.txt"):
        fetch(sites.url + "news/0001.html", trusted(sites, user_agent="BadBot/2.0"))


def test_an_unreachable_robots_txt_fails_the_request_for_a_later_retry(sites: Sites) -> None:
    """RFC 9309: a 5xx robots.txt lets nothing be fetched; but it refuses nothing for good either."""
    original = sites.server._server.app

    def broken(seen: Seen) -> Reply:
        return Reply(503, b"down", validators=False) if seen.path == "/robots.txt" else original(seen)

    sites.server._server.app = broken
    with pytest.raises(FetchFailed, match="cannot fetch its robots.txt, so nothing of .* is fetched this run") as caught:
        fetch(sites.url + "news/0001.html", trusted(sites, retries=1))
    assert not caught.value.permanent and not isinstance(caught.value, Refused)
    assert hits(sites, "/news/0001.html") == 0 and hits(sites, "/robots.txt") == 2  # tried, retried once


def test_a_missing_robots_txt_allows_everything(sites: Sites) -> None:
    original = sites.server._server.app

    def missing(seen: Seen) -> Reply:
        return Reply(404, b"not found", validators=False) if seen.path == "/robots.txt" else original(seen)

    sites.server._server.app = missing
    assert fetch(sites.url + "private/report.html", trusted(sites)).status == 200  # the served robots.txt would refuse it


@pytest.mark.parametrize("path", ["/fault/huge", "/fault/huge-chunked"])
def test_a_50_mb_response_is_abandoned_at_the_size_cap(sites: Sites, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(Refused, match="exceeds the 10485760-byte limit"):  # the default cap, 10 MiB
        fetch(sites.url + path.lstrip("/"), trusted(sites, max_bytes=CrawlSettings().max_bytes))
    assert time.monotonic() - start < 5
    assert HUGE > CrawlSettings().max_bytes
    assert hits(sites, path) == 1  # not retried


def test_gbk_declared_utf8_is_kept_as_raw_bytes(sites: Sites) -> None:
    response = fetch(sites.url + "fault/gbk-as-utf8", trusted(sites))
    assert response.content == render_page(sites.stories[0]).encode("gbk")
    assert response.content_type == "text/html; charset=utf-8"


def test_private_hosts_are_refused_unless_trusted_or_allowed(sites: Sites) -> None:
    url = f"http://localhost:{sites.server.port}/news/0000.html"
    with pytest.raises(Refused, match="private or loopback"):
        fetch(url, FAST)
    assert fetch(url, FAST.override(allow_private=True)).status == 200
    assert fetch(url, FAST.override(trusted_hosts=frozenset({"localhost"}))).status == 200


def test_only_http_and_https(sites: Sites) -> None:
    with pytest.raises(Refused, match="only http and https"):
        fetch("file:///etc/passwd", FAST)


def test_conditional_request_gets_not_modified(sites: Sites) -> None:
    first = fetch(sites.url + "news/0002.html", trusted(sites))
    assert first.etag and first.last_modified
    second = fetch(sites.url + "news/0002.html", trusted(sites), (first.etag, first.last_modified))
    assert second.not_modified and second.content == b""
    assert sites.server.seen[-1].headers["if-none-match"] == first.etag


def test_a_404_is_refused_not_retried(sites: Sites) -> None:
    with pytest.raises(Refused, match="HTTP 404"):
        fetch(sites.url + "news/missing.html", trusted(sites))
    assert hits(sites, "/news/missing.html") == 1


def _fetch_many(urls: list[str], settings: CrawlSettings) -> list[Response]:
    async def go() -> list[Response]:
        async with Client(settings) as client:
            return await asyncio.gather(*(client.fetch(Request(u, "parse_page")) for u in urls))

    return list(asyncio.run(go()))


def test_per_host_rate_limit(sites: Sites) -> None:
    urls = [sites.url + f"news/{n:04d}.html" for n in range(5)]
    start = time.monotonic()
    _fetch_many(urls, trusted(sites, delay=0.2, concurrency=4))
    assert time.monotonic() - start >= 0.2 * 5  # robots.txt + 5 pages, 0.2 s apart
    assert sites.server.max_inflight == 1


def test_concurrency_is_bounded(sites: Sites) -> None:
    original = sites.server._server.app

    def slow(seen: Seen) -> Reply:
        reply = original(seen)
        return Reply(reply.status, reply.body, reply.headers, delay=0.1) if seen.path.startswith("/news/") else reply

    sites.server._server.app = slow
    urls = [sites.url + f"news/{n:04d}.html" for n in range(8)]
    _fetch_many(urls, trusted(sites, concurrency=3, concurrency_per_host=2))
    assert sites.server.max_inflight == 2
