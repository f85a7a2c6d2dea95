"""cgpnews: the paper's HTML e-paper.

Issue of a date (``epapers?period=1&period_date=YYYY-MM-DD``) → page links in
``div#pageList`` → article links in ``div#titleList`` → article pages, captured
as HTML. A date without an issue has an empty ``div#pageList``; a page with no
``div#pageList`` at all means the markup changed.

>>> import datetime as dt
>>> [r.url for r in Cgpnews().start(Scope("http://c.test/", dt.date(2025, 3, 3), dt.date(2025, 3, 4)))]
['http://c.test/epapers?period=1&period_date=2025-03-04', 'http://c.test/epapers?period=1&period_date=2025-03-03']
"""

from __future__ import annotations

from collections.abc import Iterable

from scraper.errors import MarkupChanged
from scraper.request import Request, Response
from scraper.sources.base import Scope, Source, Yield, links

ISSUE = "epapers?period=1&period_date={day}"
PAGE_LIST, PAGE_LINKS = "div#pageList", "div#pageList li a"
TITLE_LIST, ARTICLE_LINKS = "div#titleList", "div#titleList li a"


def _require(response: Response, container: str, selector: str) -> None:
    if response.soup.select_one(container) is None:
        raise MarkupChanged(selector, response.url)


class Cgpnews(Source):
    name = "cgpnews"
    needs_range = True

    def start(self, scope: Scope) -> Iterable[Request]:
        for day in scope.days():
            yield Request(scope.url(ISSUE.format(day=day.isoformat())), "parse_issue")

    def parse_issue(self, response: Response) -> Yield:
        """Every page of the issue, and the articles of the page shown with it."""
        _require(response, PAGE_LIST, PAGE_LINKS)
        for url, _ in links(response, PAGE_LINKS, required=False):
            if url != response.url:
                yield Request(url, "parse_page")
        if response.soup.select_one(TITLE_LIST) is not None:
            yield from self.parse_page(response)

    def parse_page(self, response: Response) -> Yield:
        _require(response, TITLE_LIST, ARTICLE_LINKS)
        for url, _ in links(response, ARTICLE_LINKS, required=False):
            yield Request(url, "parse_article", leaf=True)

    def parse_article(self, response: Response) -> Yield:
        yield response.capture(self.name)
