"""Generic news pages with a sitemap, a sitemap index, RSS 2.0, Atom and a plain URL list."""

from __future__ import annotations

import html as htmllib

from tests.sites.data import Story
from tests.sites.server import Reply, Seen, html, not_found


def page_path(n: int) -> str:
    return f"/news/{n:04d}.html"


def render_page(story: Story) -> str:
    """An old-CMS page: breadcrumbs, a site suffix in <title>, a body split by <br> and full-width spaces."""
    e = htmllib.escape
    body = "<br>\n".join(f"　　{e(p)}" for p in story.paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{e(story.title)} - 【政府采购信息网】</title></head><body>
<div class="crumb">首页 &gt; 新闻中心 &gt; 地方动态</div>
<div class="main"><div class="content"><div class="title"><h1>{e(story.title)}</h1></div>
<div class="info">发布时间：{story.published:%Y-%m-%d %H:%M}　来源：中国政府采购报</div>
<div class="text"><div>{body}</div></div></div>
<div class="side"><h3>相关报道</h3><ul><li><a href="/news/9999.html">其他新闻</a></li></ul></div></div>
<div class="footer">主办单位：某某网　版权所有</div></body></html>"""


class FeedSite:
    """``stories`` as pages, listed by /sitemap.xml, /sitemap_index.xml, /rss.xml, /atom.xml and /urls.txt."""

    def __init__(self, stories: list[Story], extra_links: tuple[str, ...] = ()):
        self.stories = stories
        self.extra_links = extra_links  # absolute URLs listed too (another host, say)

    def links(self, base: str) -> list[str]:
        return [base + page_path(n) for n in range(len(self.stories))] + list(self.extra_links)

    def __call__(self, seen: Seen) -> Reply:
        base = f"http://{seen.headers['host']}"
        pages = {page_path(n): s for n, s in enumerate(self.stories)}
        if seen.path in pages:
            return html(render_page(pages[seen.path]))
        dated = list(zip(self.links(base), [s.published for s in self.stories] + [None] * len(self.extra_links)))
        if seen.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{u}</loc>{f'<lastmod>{d:%Y-%m-%d}</lastmod>' if d else ''}</url>" for u, d in dated)
            return _xml(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
        if seen.path == "/sitemap_index.xml":
            return _xml(f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>')
        if seen.path == "/rss.xml":
            items = "".join(
                f"<item><title>t</title><link>{u}</link>{f'<pubDate>{d:%a, %d %b %Y %H:%M:%S} +0800</pubDate>' if d else ''}</item>"
                for u, d in dated)
            return _xml(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>新闻</title>{items}</channel></rss>')
        if seen.path == "/atom.xml":
            entries = "".join(f'<entry><title>t</title><link rel="alternate" href="{u}"/><link rel="edit" href="{u}?edit"/>'
                              f'{f"<published>{d:%Y-%m-%dT%H:%M:%S}+08:00</published>" if d else ""}</entry>' for u, d in dated)
            return _xml(f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>新闻</title>{entries}</feed>')
        if seen.path == "/urls.txt":
            return Reply(body=("# pages\n" + "\n".join(u for u, _ in dated) + "\n").encode(), headers={"Content-Type": "text/plain"})
        return not_found()


def _xml(text: str) -> Reply:
    return Reply(body=text.encode("utf-8"), headers={"Content-Type": "application/xml; charset=utf-8"})
