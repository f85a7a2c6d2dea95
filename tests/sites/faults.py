"""Misbehaving endpoints: each fault answers badly ``times`` times, then serves a good page (if it ever does).

- ``/fault/500`` 500 twice, then the page; ``/fault/429`` 429 with ``Retry-After: 1`` once;
- ``/fault/reset`` resets the connection once; ``/fault/truncated`` cuts the body once;
- ``/fault/slow`` always answers after 2 s; ``/fault/redirect-offsite`` redirects to ``localhost``;
- ``/fault/huge`` 50 MB with a Content-Length, ``/fault/huge-chunked`` 50 MB chunked;
- ``/private/…`` is disallowed by robots.txt; ``/fault/gbk-as-utf8`` is GBK declared UTF-8
  (header and meta), ``/fault/utf8-as-gbk`` the reverse.
"""

from __future__ import annotations

from collections import Counter

from tests.sites.data import Story
from tests.sites.feeds import render_page
from tests.sites.server import Reply, Seen, html, not_found

ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n"
HUGE = 50 * 1024 * 1024


def _huge(chunk: int = 64 * 1024):
    sent = 0
    while sent < HUGE:
        yield b"x" * chunk
        sent += chunk


class FaultSite:
    def __init__(self, story: Story, robots: str = ROBOTS):
        self.story = story
        self.robots = robots
        self.hits: Counter[str] = Counter()

    def __call__(self, seen: Seen) -> Reply:
        path = seen.path
        self.hits[path] += 1
        hit = self.hits[path]
        page = html(render_page(self.story))
        if path == "/robots.txt":
            return Reply(body=self.robots.encode(), headers={"Content-Type": "text/plain"})
        if path.startswith("/private/"):
            return page
        if path == "/fault/500":
            return Reply(500, b"Internal Server Error", validators=False) if hit <= 2 else page
        if path == "/fault/429":
            return Reply(429, b"slow down", {"Retry-After": "1"}, validators=False) if hit <= 1 else page
        if path == "/fault/reset":
            return Reply(fault="reset") if hit <= 1 else page
        if path == "/fault/truncated":
            return Reply(body=page.body, headers=page.headers, fault="truncate") if hit <= 1 else page
        if path == "/fault/slow":
            return Reply(body=page.body, headers=page.headers, delay=2.0)
        if path == "/fault/redirect-offsite":
            port = seen.headers["host"].rsplit(":", 1)[1]
            return Reply(302, b"", {"Location": f"http://localhost:{port}/news/0000.html"}, validators=False)
        if path == "/fault/huge":
            return Reply(body=_huge(), length=HUGE, headers={"Content-Type": "text/html"})
        if path == "/fault/huge-chunked":
            return Reply(body=_huge(), headers={"Content-Type": "text/html"})
        if path == "/fault/gbk-as-utf8":
            return html(render_page(self.story), charset="utf-8", encoding="gbk")
        if path == "/fault/utf8-as-gbk":
            return html(render_page(self.story).replace('charset="utf-8"', 'charset="gbk"'), charset="gbk", encoding="utf-8")
        return not_found()
