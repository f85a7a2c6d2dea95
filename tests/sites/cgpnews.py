"""The cgpnews HTML e-paper, served in GBK (DESIGN.md, cgpnews).

``epapers?period=1&period_date=YYYY-MM-DD[&page=N]`` shows ``div#pageList`` and
the page's ``div#titleList``; ``epapers/article?id=…`` shows ``h1.title`` and
``div#articleText``. Articles whose id is in ``lying`` are GBK bytes declared
as UTF-8 (header and meta).
"""

from __future__ import annotations

import datetime as dt
import html as htmllib

from tests.sites.data import Story
from tests.sites.server import Reply, Seen, html, not_found

PAGES = [("1", "第01版：要闻"), ("2", "第02版：综合")]


def _page(title: str, body: str, charset: str) -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{htmllib.escape(title)}-中国政府采购报</title></head>
<body><div class="top">中国政府采购报 数字报</div>{body}
<div class="foot">版权所有 中国政府采购报社 京ICP备</div></body></html>"""


class CgpnewsSite:
    def __init__(self, stories: list[Story]):
        self.issues: dict[str, dict[str, list[tuple[str, Story]]]] = {}
        for n, story in enumerate(stories):
            page = PAGES[n % len(PAGES)][0]
            self.issues.setdefault(f"{story.published:%Y-%m-%d}", {}).setdefault(page, []).append((f"{n:06d}", story))
        self.articles = {aid: s for pages in self.issues.values() for arts in pages.values() for aid, s in arts}
        self.lying: set[str] = set()
        self.markup = "v1"

    def issue(self, day: str, page: str) -> str:
        pages = self.issues.get(day, {})
        items = "".join(f'<li><a href="/epapers?period=1&amp;period_date={day}&amp;page={no}">{name}</a></li>'
                        for no, name in PAGES if no in pages)
        titles = "".join(f'<li><a href="/epapers/article?id={aid}">{htmllib.escape(s.title)}</a></li>' for aid, s in pages.get(page, []))
        list_id = "pageList" if self.markup == "v1" else "bmList"
        title_list = f'<div id="titleList"><ul>{titles}</ul></div>' if pages else ""
        return _page(f"{day} 第{page}版", f'<div id="{list_id}"><ul>{items}</ul></div>{title_list}', "gbk")

    def article(self, aid: str) -> Reply:
        s = self.articles[aid]
        e = htmllib.escape
        body = "<br>".join(f"　　{e(p)}" for p in s.paragraphs)
        text = f"""<div class="article"><h3>{e(s.column or "")}</h3><h1 class="title">{e(s.title)}</h1>
<h2 class="subtitle">{e(s.subtitle or "")}</h2><div class="info">作者：{e(s.author or "")}　发布时间：{s.published:%Y-%m-%d}</div>
<div id="articleText">{body}</div><div class="share">分享到：微博 微信</div></div>"""
        charset = "utf-8" if aid in self.lying else "gbk"
        return html(_page(s.title, text, charset), charset=charset, encoding="gbk")

    def __call__(self, seen: Seen) -> Reply:
        if seen.method != "GET":
            return not_found()
        if seen.path == "/epapers" and seen.query.get("period") == "1":
            day = seen.query.get("period_date", "")
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                return Reply(400, b"bad date", validators=False)
            return html(self.issue(day, seen.query.get("page", "1")), charset="gbk")
        if seen.path == "/epapers/article" and seen.query.get("id") in self.articles:
            return self.article(seen.query["id"])
        return not_found()
