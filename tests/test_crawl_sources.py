"""Each source crawled end to end from the local fake site into a real archive.db."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from archive import Archive
from cgpn.crawling import crawl_scope, run_crawl
from tests.sites.feeds import page_path
from tests.sites.finews import post_path
from tests.sites.fixtures import FAST, Sites, sites  # noqa: F401

SEED_TITLE = "广州交出乡村产业振兴满意答卷"


def articles(db: str, source: str) -> dict[str, dict]:
    with Archive(db) as arc:
        return {r["url"]: r for r in arc.db.query("SELECT * FROM articles WHERE source = ?", [source])}


def crawl(db: str, source: str, base_url: str | None, since: str | None = None, until: str | None = None, **kw):
    scope = crawl_scope(source, base_url, since and dt.date.fromisoformat(since), until and dt.date.fromisoformat(until),
                        kw.pop("document", None))
    return run_crawl(db, source, scope, settings=FAST, **kw)


def test_finews_category_pages_to_posts(sites: Sites, db_path: str) -> None:
    stats = crawl(db_path, "finews", sites.url)
    assert (stats.new, stats.failed, stats.skipped) == (12, 0, 0)
    found = articles(db_path, "finews")
    assert set(found) == {sites.url.rstrip("/") + post_path(s) for s in sites.stories}
    seed = found[sites.url.rstrip("/") + post_path(sites.stories[0])]
    assert seed["title"] == SEED_TITLE
    assert seed["subtitle"] == "全市预算单位去年通过“832平台”完成交易额达15077余万元"
    assert seed["info_code"] == "NW202202142276022459"
    assert seed["published_at"] == "2022-02-14T20:52:19+08:00"
    assert seed["author"] == "李松华"
    assert json.loads(seed["tags"]) == ["中国政府采购报新闻"]
    assert "15077.38万元" in seed["body"] and "返回首页" not in seed["body"]
    listing = [p for p in sites.server.paths() if p.startswith("/category/")]
    assert listing == ["/category/zhongguozhengfucaigoubao.html"] + [
        f"/category/zhongguozhengfucaigoubao/page{n}.html" for n in (2, 3)
    ]
    assert "/about.html" not in sites.server.paths()  # navigation links are not posts


def test_finews_date_range_stops_paginating_past_it(sites: Sites, db_path: str) -> None:
    stats = crawl(db_path, "finews", sites.url, since="2022-02-14")
    assert stats.new == 3
    assert {r["published_at"][:10] for r in articles(db_path, "finews").values()} == {"2022-02-14"}
    assert "/category/zhongguozhengfucaigoubao/page3.html" not in sites.server.paths()


def test_zcb_epaper_posts_the_documented_forms(sites: Sites, db_path: str) -> None:
    stats = crawl(db_path, "zcb-epaper", sites.url, since="2022-02-12", until="2022-02-14")
    assert (stats.new, stats.failed) == (9, 0)
    posts = [(s.path.rsplit("/", 1)[1], s.form) for s in sites.server.seen if s.method == "POST"]
    assert posts[0] == ("getSZBDate.do", {"sj": "2022-2"})
    assert sorted(f["docPubTime"] for p, f in posts if p == "findBmMenu.do") == ["20220212", "20220213", "20220214"]
    assert {tuple(sorted(f)) for p, f in posts if p == "getBmDetail.do"} == {("bc", "docpubtime")}
    assert sum(p == "detailData.do" for p, _ in posts) == 9
    article = sites.zcb.articles
    seed_guid = next(g for g, a in article.items() if a.story.title == SEED_TITLE)
    seed = articles(db_path, "zcb-epaper")[f"{sites.url}zcb/epaper/index.html?guid={seed_guid}"]
    assert seed["title"] == SEED_TITLE
    assert seed["subtitle"] == "全市预算单位去年通过“832平台”完成交易额达15077余万元"
    assert seed["published_at"].startswith("2022-02-14")
    assert seed["author"] == "李松华"
    assert "15077.38万元" in seed["body"]


def test_zcb_epaper_range_across_months(sites: Sites, db_path: str) -> None:
    crawl(db_path, "zcb-epaper", sites.url, since="2022-01-30", until="2022-02-11")
    assert [s.form["sj"] for s in sites.server.seen if s.path.endswith("getSZBDate.do")] == ["2022-2", "2022-1"]
    assert len(articles(db_path, "zcb-epaper")) == 3  # only 2022-02-11 has an issue in range


def test_cgpnews_dates_to_pages_to_gbk_articles(sites: Sites, db_path: str) -> None:
    stats = crawl(db_path, "cgpnews", sites.url, since="2022-02-11", until="2022-02-14")
    assert (stats.new, stats.failed) == (12, 0)
    found = articles(db_path, "cgpnews")
    assert {r["title"] for r in found.values()} == {s.title for s in sites.stories}
    seed = found[f"{sites.url}epapers/article?id=000000"]
    assert seed["title"] == SEED_TITLE
    assert "15077.38万元" in seed["body"] and "分享到" not in seed["body"]
    with Archive(db_path) as arc:
        content_types = {r["content_type"] for r in arc.db.query("SELECT content_type FROM captures")}
    assert content_types == {"text/html; charset=gbk"}


@pytest.mark.parametrize("listing", ["sitemap.xml", "sitemap_index.xml", "rss.xml", "atom.xml", "urls.txt"])
def test_urls_from_sitemaps_feeds_and_lists(sites: Sites, db_path: str, listing: str) -> None:
    stats = crawl(db_path, "urls", sites.url + listing)
    assert (stats.new, stats.failed, stats.skipped) == (12, 0, 0)
    found = articles(db_path, "urls")
    assert set(found) == {sites.url.rstrip("/") + page_path(n) for n in range(12)}
    assert found[sites.url.rstrip("/") + page_path(0)]["title"] == SEED_TITLE


def test_urls_feed_dates_filter_the_range(sites: Sites, db_path: str) -> None:
    crawl(db_path, "urls", sites.url + "rss.xml", since="2022-02-13", until="2022-02-13")
    assert len(articles(db_path, "urls")) == 3


def test_urls_from_a_local_file_trusts_its_hosts(sites: Sites, db_path: str, tmp_path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("\n".join(f"http://localhost:{sites.server.port}{page_path(n)}" for n in range(3)))
    stats = crawl(db_path, "urls", None, document=listed.read_bytes())
    assert (stats.new, stats.skipped) == (3, 0)


def test_urls_feed_linking_to_a_private_host_is_refused(sites: Sites, db_path: str) -> None:
    sites.feeds.extra_links = (f"http://localhost:{sites.server.port}{page_path(1)}",)
    stats = crawl(db_path, "urls", sites.url + "rss.xml")
    assert (stats.new, stats.skipped, stats.failed) == (12, 1, 0)
    with Archive(db_path) as arc:
        row = next(arc.db.query("SELECT state, error FROM crawl_frontier WHERE key LIKE '%localhost%'"))
    assert row["state"] == "dropped" and "private or loopback" in row["error"]
    assert not any(s.headers["host"].startswith("localhost") for s in sites.server.seen)
