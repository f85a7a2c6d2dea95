"""finews: a Jekyll site mirroring Eastmoney news; the paper's posts are one category.

Category page → post links (``ul > li > a``), following ``a[rel=next]`` pages →
rendered posts, captured as HTML. Post URLs follow Jekyll's default
``/<category>/YYYY/MM/DD/<name>.html``; ``--since``/``--until`` filter on that date.

>>> post_date("http://finews.withounder.com/zhongguozhengfucaigoubao/2022/02/14/2276022459.html")
datetime.date(2022, 2, 14)
>>> post_date("http://finews.withounder.com/about.html") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from scraper.errors import MarkupChanged
from scraper.request import Request, Response
from scraper.sources.base import Scope, Source, Yield, links, meta_scope, range_meta

CATEGORY = "zhongguozhengfucaigoubao"
CATEGORY_PAGE = f"category/{CATEGORY}.html"
POST_LINKS = "ul > li > a"
NEXT_PAGE = 'a[rel~="next"]'
POST_PATH = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/[^/]+\.html?$")


def post_date(url: str) -> dt.date | None:
    """The date in a Jekyll post URL, or None when the URL is not a post."""
    m = POST_PATH.search(urlsplit(url).path)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


class Finews(Source):
    name = "finews"
    default_base_url = "https://finews.withounder.com/"
    hosts = frozenset({"finews.withounder.com", "finews.zning.me", "finews.zning.xyz"})

    def start(self, scope: Scope) -> Iterable[Request]:
        yield Request(scope.url(CATEGORY_PAGE), "parse_listing", meta=range_meta(scope))

    def parse_listing(self, response: Response) -> Yield:
        """Post links of one category page, newest first, then the next page if it can hold more."""
        posts = [(url, day) for url, _ in links(response, POST_LINKS) if (day := post_date(url))]
        if not posts:
            raise MarkupChanged(POST_LINKS, response.url, "matched no post link like /<category>/YYYY/MM/DD/<name>.html")
        scope = meta_scope(response.request)
        for url, day in posts:
            if scope.covers(day):
                yield Request(url, "parse_post", leaf=True)
        older_than_range = scope.since is not None and all(day < scope.since for _, day in posts)
        for url, _ in links(response, NEXT_PAGE, required=False)[:1]:
            if not older_than_range:
                yield Request(url, "parse_listing", meta=response.request.meta)

    def parse_post(self, response: Response) -> Yield:
        yield response.capture(self.name)
