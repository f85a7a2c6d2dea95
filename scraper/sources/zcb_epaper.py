"""zcb-epaper: the paper's e-paper JSON API (form-encoded POSTs answering JSON).

Month → issue dates → pages (版) → articles → detail JSON, captured as JSON
under the reader URL ``zcb/epaper/index.html?guid=…``.

>>> [r.form["sj"] for r in ZcbEpaper().start(Scope("http://e.test/", dt.date(2024, 12, 30), dt.date(2025, 1, 2)))]
['2025-1', '2024-12']
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from scraper.errors import MarkupChanged
from scraper.request import Request, Response
from scraper.sources.base import Scope, Source, Yield, meta_scope, range_meta

ISSUE_DATES = "reader/layout/getSZBDate.do"  # form sj=2025-3 → ["2025/03/04", …]
PAGES = "reader/layout/findBmMenu.do"  # form docPubTime=20250304 → [{"BC": "01", "BM": "要闻"}, …]
ARTICLES = "reader/layout/getBmDetail.do"  # form bc=01&docpubtime=20250304 → [{"ZB_GUID": …}, …]
DETAIL = "reader/layout/detailData.do"  # form guid=… → {"docTitle", "content", …}
ARTICLE_URL = "zcb/epaper/index.html?guid={guid}"
ISSUE_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})")
LIST_KEYS = ("data", "list", "rows", "result")


def json_list(response: Response, what: str) -> list[Any]:
    """The JSON list an endpoint answers (bare, or under ``data``/``list``/``rows``/``result``)."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        raise MarkupChanged(what, response.url, "is not JSON") from None
    if isinstance(data, dict):
        data = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), data)
    if not isinstance(data, list):
        raise MarkupChanged(what, response.url, f"is a JSON {type(data).__name__}, not a list")
    return data


def field(entry: Any, name: str, response: Response) -> str:
    """``entry[name]`` as a non-empty string, or a clear error naming the field."""
    value = entry.get(name) if isinstance(entry, dict) else None
    if value in (None, ""):
        raise MarkupChanged(name, response.url, f"is missing from an entry ({json.dumps(entry, ensure_ascii=False)[:80]})")
    return str(value)


class ZcbEpaper(Source):
    name = "zcb-epaper"
    needs_range = True
    settings = {"concurrency_per_host": 1}  # a dynamic API (.do endpoints): one query at a time

    def start(self, scope: Scope) -> Iterable[Request]:
        months = sorted({(d.year, d.month) for d in scope.days()}, reverse=True)
        for year, month in months:
            yield Request(scope.url(ISSUE_DATES), "parse_month", "POST", form={"sj": f"{year}-{month}"},
                          meta={**range_meta(scope), "base": scope.url("")})

    def parse_month(self, response: Response) -> Yield:
        scope = meta_scope(response.request)
        base = Scope(response.request.meta["base"])
        for entry in json_list(response, "issue dates"):
            m = ISSUE_DATE.match(str(entry))
            if not m:
                raise MarkupChanged("issue dates", response.url, f"holds {entry!r}, not a date like 2025/03/04")
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            if scope.covers(day):
                yield Request(base.url(PAGES), "parse_issue", "POST", form={"docPubTime": day.strftime("%Y%m%d")},
                              meta={"base": base.base_url})

    def parse_issue(self, response: Response) -> Yield:
        base = Scope(response.request.meta["base"])
        day = response.request.form["docPubTime"]
        for page in json_list(response, "pages"):
            yield Request(base.url(ARTICLES), "parse_page", "POST", form={"bc": field(page, "BC", response), "docpubtime": day},
                          meta={"base": base.base_url})

    def parse_page(self, response: Response) -> Yield:
        base = Scope(response.request.meta["base"])
        for article in json_list(response, "articles"):
            guid = field(article, "ZB_GUID", response)
            yield Request(base.url(DETAIL), "parse_article", "POST", form={"guid": guid}, leaf=True,
                          meta={"url": base.url(ARTICLE_URL.format(guid=quote(guid, safe="")))})

    def parse_article(self, response: Response) -> Yield:
        data = response.json()
        if not isinstance(data, dict):
            raise MarkupChanged("article detail", response.url, "is not a JSON object")
        if not {"content", "docTitle"} & data.keys():
            raise MarkupChanged("content", response.url, "is missing from the article detail")
        yield response.capture(self.name, url=response.request.meta["url"])
