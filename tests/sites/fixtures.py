"""pytest fixtures: every fake site behind one local server, fresh for each test.

Import into a test module: ``from tests.sites.fixtures import sites  # noqa: F401``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from scraper import CrawlSettings
from tests.sites.cgpnews import CgpnewsSite
from tests.sites.data import Story, stories
from tests.sites.faults import FaultSite
from tests.sites.feeds import FeedSite
from tests.sites.finews import FinewsSite
from tests.sites.server import LocalServer, combine
from tests.sites.zcb import ZcbSite

# Settings for tests: no rate limit, short backoffs and timeouts
FAST = CrawlSettings(delay=0, backoff_initial=0.01, backoff_max=0.05, read_timeout=0.5, connect_timeout=1.0)


@dataclass
class Sites:
    server: LocalServer
    stories: list[Story]
    finews: FinewsSite
    zcb: ZcbSite
    cgpnews: CgpnewsSite
    feeds: FeedSite
    faults: FaultSite

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def sites() -> Iterator[Sites]:
    """12 stories, 3 a day from 2022-02-14 back to 2022-02-11, on every fake site of one server."""
    st = stories(12, per_day=3)
    apps = dict(finews=FinewsSite(st, per_page=5), zcb=ZcbSite(st), cgpnews=CgpnewsSite(st), feeds=FeedSite(st),
                faults=FaultSite(st[0]))
    with LocalServer(combine(apps["faults"], apps["finews"], apps["zcb"], apps["cgpnews"], apps["feeds"])) as server:
        yield Sites(server=server, stories=st, **apps)
