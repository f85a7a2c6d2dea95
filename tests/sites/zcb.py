"""The zcb-epaper JSON API: form-encoded POSTs answering JSON (DESIGN.md, zcb-epaper).

Missing or wrong form fields get a 400, GETs a 405, so the crawler's requests
are checked exactly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as htmllib
import json
from dataclasses import dataclass

from tests.sites.data import Story
from tests.sites.server import Reply, Seen, json_reply, not_found

PAGES = [("01", "要闻"), ("02", "综合新闻"), ("03", "地方采购")]


@dataclass
class Article:
    guid: str
    bc: str
    bm: str
    story: Story

    def detail(self) -> dict[str, str]:
        e = htmllib.escape
        s = self.story
        title = f"<p>{e(s.title)}</p>" + (f"<p>{e(s.subtitle)}</p>" if s.subtitle else "")
        content = "".join(f"<p>　　{e(p)}</p>" for p in s.paragraphs)
        return {
            "bm": self.bm, "bc": self.bc, "docTitle": title, "content": content,
            "docAuthor": s.author or "", "docPubTime": f"{s.published:%Y/%m/%d} 00:00:00",
            "ZB_GUID": self.guid,
        }


class ZcbSite:
    """Issues on the days of ``stories`` (several stories a day, spread over the pages)."""

    def __init__(self, stories: list[Story], prefix: str = "/"):
        self.prefix = prefix
        self.issues: dict[dt.date, dict[str, list[Article]]] = {}
        for n, story in enumerate(stories):
            bc, bm = PAGES[n % len(PAGES)]
            guid = hashlib.md5(story.info_code.encode()).hexdigest()
            self.issues.setdefault(story.published.date(), {}).setdefault(bc, []).append(Article(guid, bc, bm, story))
        self.articles = {a.guid: a for pages in self.issues.values() for arts in pages.values() for a in arts}
        self.page_key = "BC"  # a redesign renames it

    def __call__(self, seen: Seen) -> Reply:
        if not seen.path.startswith(self.prefix + "reader/layout/"):
            return not_found()
        if seen.method != "POST":
            return Reply(405, b"method not allowed", validators=False)
        endpoint, f = seen.path[len(self.prefix) + len("reader/layout/") :], seen.form
        if endpoint == "getSZBDate.do" and "sj" in f:
            year, month = (int(x) for x in f["sj"].split("-"))
            days = sorted(d for d in self.issues if (d.year, d.month) == (year, month))
            return json_reply(json.dumps([f"{d:%Y/%m/%d}" for d in days]))
        if endpoint == "findBmMenu.do" and "docPubTime" in f:
            pages = self.issues.get(dt.datetime.strptime(f["docPubTime"], "%Y%m%d").date(), {})
            return json_reply(json.dumps([{self.page_key: bc, "BM": dict(PAGES)[bc], "PDF": f"{bc}.pdf"} for bc in sorted(pages)], ensure_ascii=False))
        if endpoint == "getBmDetail.do" and {"bc", "docpubtime"} <= f.keys():
            pages = self.issues.get(dt.datetime.strptime(f["docpubtime"], "%Y%m%d").date(), {})
            rows = [{"ZB_GUID": a.guid, "TITLE": a.story.title, "BC": a.bc} for a in pages.get(f["bc"], [])]
            return json_reply(json.dumps(rows, ensure_ascii=False))
        if endpoint == "detailData.do" and "guid" in f:
            if (article := self.articles.get(f["guid"])) is None:
                return json_reply("{}")
            return json_reply(json.dumps(article.detail(), ensure_ascii=False))
        return Reply(400, b"bad request", validators=False)
