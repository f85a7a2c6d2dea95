"""Source callbacks on their own: what each yields from a response, and clear errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from scraper import Capture, MarkupChanged, Refused, Request, Response, Scope
from scraper.sources import SOURCES
from scraper.sources.urls import document_links


def respond(request: Request, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> Response:
    content = body.encode("utf-8") if isinstance(body, str) else body
    return Response(request, request.url, 200, content, content_type, "2026-01-01T00:00:00+00:00")


def test_finews_listing_keeps_post_links_only_and_follows_next() -> None:
    request = next(iter(SOURCES["finews"].start(Scope("http://f.test/"))))
    assert request.url == "http://f.test/category/zhongguozhengfucaigoubao.html"
    page = """<ul><li><a href="/">首页</a></li></ul>
    <ul><li><a href="/zhongguozhengfucaigoubao/2024/06/30/2024063012345.html">标题</a></li>
        <li><a href="https://finews.zning.me/zhongguozhengfucaigoubao/2024/06/29/1.html">镜像</a></li></ul>
    <a rel="next" href="/category/zhongguozhengfucaigoubao/page2.html">下一页</a>"""
    out = list(SOURCES["finews"].handle(respond(request, page)))
    assert [(r.url, r.callback, r.leaf) for r in out] == [
        ("http://f.test/zhongguozhengfucaigoubao/2024/06/30/2024063012345.html", "parse_post", True),
        ("https://finews.zning.me/zhongguozhengfucaigoubao/2024/06/29/1.html", "parse_post", True),
        ("http://f.test/category/zhongguozhengfucaigoubao/page2.html", "parse_listing", False),
    ]


def test_finews_listing_with_only_navigation_links_is_markup_changed() -> None:
    request = Request("http://f.test/category/zhongguozhengfucaigoubao.html", "parse_listing")
    with pytest.raises(MarkupChanged, match=r"'ul > li > a' matched no post link"):
        list(SOURCES["finews"].handle(respond(request, '<ul><li><a href="/about.html">关于</a></li></ul>')))


def test_zcb_accepts_lists_wrapped_in_data_and_names_a_missing_field() -> None:
    request = Request("http://e.test/reader/layout/getBmDetail.do", "parse_page", "POST",
                      form={"bc": "01", "docpubtime": "20250304"}, meta={"base": "http://e.test/"})
    body = json.dumps({"code": 0, "data": [{"ZB_GUID": "a1b2"}]})
    (detail,) = SOURCES["zcb-epaper"].handle(respond(request, body, "application/json"))
    assert (detail.url, detail.form, detail.leaf) == ("http://e.test/reader/layout/detailData.do", {"guid": "a1b2"}, True)
    assert detail.meta["url"] == "http://e.test/zcb/epaper/index.html?guid=a1b2"
    with pytest.raises(MarkupChanged, match=r"'ZB_GUID' is missing from an entry"):
        list(SOURCES["zcb-epaper"].handle(respond(request, '[{"guid": "x"}]', "application/json")))
    with pytest.raises(MarkupChanged, match=r"'articles' is not JSON"):
        list(SOURCES["zcb-epaper"].handle(respond(request, "<html>维护中</html>")))


def test_zcb_article_is_captured_under_the_reader_url() -> None:
    request = Request("http://e.test/reader/layout/detailData.do", "parse_article", "POST", form={"guid": "g"},
                      meta={"url": "http://e.test/zcb/epaper/index.html?guid=g"}, leaf=True)
    body = json.dumps({"docTitle": "<p>标题</p>", "content": "<p>正文</p>"}, ensure_ascii=False).encode("utf-8")
    (capture,) = SOURCES["zcb-epaper"].handle(respond(request, body, "application/json"))
    assert isinstance(capture, Capture)
    assert (capture.url, capture.source, capture.content) == ("http://e.test/zcb/epaper/index.html?guid=g", "zcb-epaper", body)


def test_cgpnews_date_without_issue_is_empty_but_missing_list_is_an_error() -> None:
    (request,) = SOURCES["cgpnews"].start(Scope("http://c.test/", dt.date(2025, 3, 8), dt.date(2025, 3, 8)))
    assert list(SOURCES["cgpnews"].handle(respond(request, '<div id="pageList"><ul></ul></div>'))) == []
    with pytest.raises(MarkupChanged, match=r"'div#pageList li a' matched nothing on http://c.test/epapers"):
        list(SOURCES["cgpnews"].handle(respond(request, '<div id="bmList"></div>')))


def test_document_links_of_every_list_format() -> None:
    sitemap = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc> http://a.test/1.html </loc><lastmod>2025-03-04T08:00:00+08:00</lastmod></url></urlset>"""
    assert document_links(sitemap, "") == [("http://a.test/1.html", False, dt.date(2025, 3, 4))]
    index = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>'
    assert document_links(index, "http://a.test/sitemap.xml") == [("http://a.test/s1.xml", True, None)]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="edit" href="/e"/>
      <link href="http://a.test/2.html"/><updated>2025-03-05T00:00:00Z</updated></entry></feed>"""
    assert document_links(atom, "") == [("http://a.test/2.html", False, dt.date(2025, 3, 5))]
    rss_guid = b"<rss><channel><item><guid>http://a.test/3.html</guid></item></channel></rss>"
    assert document_links(rss_guid, "") == [("http://a.test/3.html", False, None)]
    assert document_links(b"<html><p>no list</p></html>", "") == []


def test_gzipped_sitemaps_and_gzip_bombs() -> None:
    import gzip

    sitemap = b"<urlset><url><loc>http://a.test/1.html</loc></url></urlset>"
    assert document_links(gzip.compress(sitemap), "") == [("http://a.test/1.html", False, None)]
    bomb = gzip.compress(b"<urlset>" + b" " * (60 * 1024 * 1024))
    with pytest.raises(Refused, match="unpacks to more than 52428800 bytes"):
        document_links(bomb, "")


def test_document_links_never_resolve_external_entities(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("http://leak.test/")
    xxe = f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]><urlset><url><loc>&x;</loc></url></urlset>'
    assert all("leak" not in url for url, _, _ in document_links(xxe.encode(), ""))
