"""The finews Jekyll site: paginated category listing and rendered posts (DESIGN.md, finews)."""

from __future__ import annotations

import html as htmllib
import re

from tests.sites.data import Story
from tests.sites.server import Reply, Seen, html, not_found

CATEGORY = "zhongguozhengfucaigoubao"
NAV = '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/about.html">关于本站</a></li></ul>'


def post_path(story: Story) -> str:
    digits = re.sub(r"\D", "", story.info_code)
    return f"/{CATEGORY}/{story.published:%Y/%m/%d}/{digits}.html"


def _page(title: str, head: str, section: str) -> str:
    e = htmllib.escape
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(title)} | 财经资讯</title>
{head}
<link rel="stylesheet" href="/assets/css/style.css">
</head>
<body>
<div class="wrapper">
<header>
<h1><a href="/">财经资讯</a></h1>
<p>东方财富网资讯镜像，每日更新</p>
{NAV}
</header>
<section>
{section}
</section>
<footer>
<p>本站内容来自东方财富网 · <a href="/feed.xml">RSS</a></p>
<p><small>Hosted on GitHub Pages &mdash; Theme by orderedlist</small></p>
</footer>
</div>
</body>
</html>
"""


def render_post(story: Story) -> str:
    e = htmllib.escape
    paragraphs = [f"<p><strong>{e(story.column)}</strong></p>"] if story.column else []
    paragraphs.append(f'<p align="center"><strong>{e(story.title)}</strong></p>')
    if story.subtitle:
        paragraphs.append(f'<p align="center"><strong>{e(story.subtitle)}</strong></p>')
    paragraphs += [f"<p>{e(p)}</p>" for p in story.paragraphs]
    if story.author and not any(story.author in p for p in story.paragraphs):
        paragraphs.append(f"<p>({e(story.author)})</p>")
    paragraphs.append('<p class="em_media">（文章来源：中国政府采购报）</p>')
    share = f"http://finews.zning.xyz/html_News/NewsShare.html?infoCode={story.info_code}"
    body = "\n".join(paragraphs)
    description = e(" ".join([story.title, *story.paragraphs]), quote=True)
    head = f'<meta property="og:title" content="{e(story.title, quote=True)}">\n<meta property="og:description" content="{description}">'
    section = f"""<small>(GMT+8, Asia/Shanghai, CST) {story.published:%Y-%m-%d %H:%M:%S}</small>
<h1>{e(story.title)}</h1>
{body}
<p><a href="{share}">{share}</a></p>
<p><a href="//finews.withounder.com/category/{CATEGORY}.html">返回中国政府采购报新闻</a>｜<a href="//finews.withounder.com/">返回首页</a></p>
<small>tags: <em>中国政府采购报新闻</em></small>"""
    return _page(story.title, head, section)


def category_path(page: int) -> str:
    return f"/category/{CATEGORY}.html" if page == 1 else f"/category/{CATEGORY}/page{page}.html"


class FinewsSite:
    """Serve ``stories`` (newest first), ``per_page`` to a listing page; ``markup="v2"`` breaks the listing."""

    def __init__(self, stories: list[Story], per_page: int = 10):
        self.stories = stories
        self.per_page = per_page
        self.markup = "v1"
        self.posts = {post_path(s): s for s in stories}

    def listing(self, page: int) -> str | None:
        pages = max(1, -(-len(self.stories) // self.per_page))
        if page > pages:
            return None
        chunk = self.stories[(page - 1) * self.per_page : page * self.per_page]
        if self.markup == "v1":
            items = "\n".join(f'<li><a href="{post_path(s)}">{htmllib.escape(s.title)}</a> <span>{s.published:%Y-%m-%d}</span></li>' for s in chunk)
            listing = f'<ul class="posts">\n{items}\n</ul>'
        else:  # a redesign: cards instead of a list
            listing = "\n".join(f'<div class="card"><a href="{post_path(s)}">{htmllib.escape(s.title)}</a></div>' for s in chunk)
        nav = f'<a rel="next" href="{category_path(page + 1)}">下一页</a>' if page < pages else ""
        return _page("中国政府采购报新闻", "", f"<h2>中国政府采购报新闻</h2>\n{listing}\n<p class=\"pager\">{nav}</p>")

    def __call__(self, seen: Seen) -> Reply:
        if seen.method != "GET":
            return not_found()
        if seen.path in self.posts:
            return html(render_post(self.posts[seen.path]))
        m = re.fullmatch(rf"/category/{CATEGORY}(?:/page(\d+))?\.html", seen.path)
        if m and (text := self.listing(int(m[1] or 1))):
            return html(text)
        return not_found()
