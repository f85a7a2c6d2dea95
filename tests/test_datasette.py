"""The Datasette plugin in-process (Datasette's own test client) over the search fixture archive."""

from __future__ import annotations

import asyncio
import collections
import json
import shutil
import sqlite3
import subprocess
import sys
import tomllib
import urllib.parse
from pathlib import Path

import pytest

from archive.datasette_plugin import make_datasette
from tests.data.search.make_archive import build, load_articles

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = load_articles()
MONEY = [(a, f) for a in ARTICLES for f in a.get("figures") or [] if f[1] == "money"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("datasette") / "archive.db")


@pytest.fixture(scope="module")
def ds(db_path):
    return make_datasette(db_path)


def get(ds, path: str, **params: str):
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    response = asyncio.run(ds.client.get(path + query))
    assert response.status_code == 200, (path, response.text[:500])
    return response


def rows(ds, query: str, **params: str) -> list[dict]:
    return get(ds, f"/archive/{query}.json", _shape="array", **params).json()


def search_rows(ds, q: str, source: str = "", since: str = "", until: str = "") -> list[dict]:
    return rows(ds, "search_articles", q=q, source=source, since=since, until=until)


def test_search_articles_segments_chinese_and_marks_matches(ds):
    found = search_rows(ds, "832平臺")
    assert {r["title"] for r in found} == {a["title"] for a in ARTICLES if "832" in a["body"]}
    assert all("«832»" in r["snippet"] for r in found)
    assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)
    html = get(ds, "/archive/search_articles", q="832平台", source="", since="", until="").text
    assert "<mark>832</mark><mark>平台</mark>" in html


def test_search_articles_filters_and_syntax(ds):
    assert [r["title"] for r in search_rows(ds, "特区政府")] == ["香港特區政府推行綠色採購"]
    assert {r["source"] for r in search_rows(ds, "采购", source="cgpnews")} == {"cgpnews"}
    assert all("2023-01-01" <= r["date"] <= "2023-12-31" for r in search_rows(ds, "采购", since="2023-01-01", until="2023-12-31"))
    assert len(search_rows(ds, "采购", since="2023-01-01", until="2023-12-31")) == sum(
        1 for a in ARTICLES if a["published_at"].startswith("2023") and "采购" in a["title"] + a["body"])
    assert search_rows(ds, '" ( * NEAR') == []
    assert search_rows(ds, "") == []


def test_money_by_subject_and_year(ds):
    result = {(r["subject"], r["year"]): r for r in rows(ds, "money_by_subject_and_year")}
    guangzhou = result[("广州市", "2021")]
    assert (guangzhou["figures"], guangzhou["articles"]) == (2, 1)
    assert guangzhou["total_yuan"] == 150773800 and guangzhou["largest_yuan"] == 150773800
    expected = collections.Counter((f[6], f[7]) for _, f in MONEY)
    assert {k: r["figures"] for k, r in result.items()} == dict(expected)


def test_money_by_subject_and_year_holds_years_whatever_the_period(db_path, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        article = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
        conn.executemany("INSERT INTO figures (article_id, seq, surface, kind, value_yuan, subject, period, field, is_total) "
                         "VALUES (?, ?, '1万元', 'money', 10000, '测试市', ?, 'body', 0)",
                         [(article, 900 + n, period) for n, period in enumerate(["2024-06", "2021-01..2021-07", "2021..2024", None])])
    result = {r["year"]: r["figures"] for r in rows(make_datasette(copy), "money_by_subject_and_year") if r["subject"] == "测试市"}
    published = sqlite3.connect(copy).execute("SELECT substr(published_at, 1, 4) FROM articles WHERE id = ?", (article,)).fetchone()[0]
    assert result == dict(collections.Counter(["2024", "2021", "2021", published]))


def test_largest_figures(ds):
    result = rows(ds, "largest_figures")
    biggest = max(MONEY, key=lambda af: af[1][4])
    assert (result[0]["surface"], result[0]["title"]) == (biggest[1][0], biggest[0]["title"])
    assert [r["value_yuan"] for r in result] == sorted((f[4] for _, f in MONEY), reverse=True)


def test_latest_crawl_runs(db_path, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.executemany("INSERT INTO crawl_runs (source, started_at, fetched) VALUES (?, ?, ?)",
                         [("finews", "2024-01-01T00:00:00Z", 3), ("zcb-epaper", "2024-01-02T00:00:00Z", 5)])
    result = rows(make_datasette(copy), "latest_crawl_runs")
    assert [(r["source"], r["fetched"]) for r in result] == [("zcb-epaper", 5), ("finews", 3)]


def test_default_facets_of_figures(ds):
    facets = get(ds, "/archive/figures_view.json", _size="0").json()["facet_results"]
    assert set(facets) == {"source", "published_at", "subject", "metric", "kind", "change"}
    all_figures = [(a, f) for a in ARTICLES for f in a.get("figures") or []]
    counts = {name: {v["value"]: v["count"] for v in facet["results"]} for name, facet in facets.items()}
    assert counts["kind"] == dict(collections.Counter(f[1] for _, f in all_figures))
    assert counts["published_at"] == dict(collections.Counter(a["published_at"][:4] for a, _ in all_figures))
    assert counts["subject"]["广州市"] == 3


def test_year_facet_of_articles_filters_by_year(ds):
    facets = get(ds, "/archive/articles.json", _size="0").json()["facet_results"]
    years = {v["value"]: v for v in facets["published_at"]["results"]}
    assert {y: v["count"] for y, v in years.items()} == dict(collections.Counter(a["published_at"][:4] for a in ARTICLES))
    assert "published_at__startswith=2022" in years["2022"]["toggle_url"]
    filtered = get(ds, "/archive/articles.json", published_at__startswith="2022", _size="0").json()
    assert filtered["filtered_table_rows_count"] == years["2022"]["count"]


def test_bundled_metadata_titles_descriptions_sort_and_units(ds):
    assert ds.metadata("title", database="archive", table="articles") == "文章 Articles"
    html = get(ds, "/archive/articles").text
    assert "每篇文章一行" in html and "标题 Title" in html
    first = get(ds, "/archive/articles.json", _shape="array", _size="1").json()[0]
    assert first["published_at"] == max(a["published_at"] for a in ARTICLES)
    assert "CNY" in get(ds, "/archive/figures_view").text  # value_yuan shown in yuan
    assert "archive" in ds.metadata("databases")


def test_sql_functions(ds):
    result = get(ds, "/archive.json", sql="select cgpn_match(:q) as m, cgpn_fold(:q) as f", q="832平臺", _shape="array")
    assert result.json() == [{"m": '("832" AND "平台")', "f": "832平台"}]
    count = get(ds, "/archive.json", _shape="array",
                sql="select count(*) as n from articles_fts where articles_fts match cgpn_match('農副產品')").json()
    assert count == [{"n": sum(1 for a in ARTICLES if "832" in a["body"])}]


def test_read_only(ds, db_path):
    assert not ds.get_database("archive").is_mutable
    response = asyncio.run(ds.client.get("/archive.json?" + urllib.parse.urlencode({"sql": "delete from articles"})))
    assert response.status_code == 400
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)


def test_other_databases_get_no_archive_queries(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    ds = make_datasette(other)
    assert "search_articles" not in get(ds, "/other").text
    assert "other" not in (ds.metadata("databases") or {})


def test_datasette_loads_the_plugin_through_the_declared_entry_point(db_path, tmp_path):
    """``datasette archive.db`` with cgpn installed: a dist-info declaring pyproject's entry point."""
    entry_points = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["datasette"]
    dist = tmp_path / "site" / "cgpn-0.1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: cgpn\nVersion: 0.1.0\n")
    (dist / "entry_points.txt").write_text("[datasette]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()))
    url = "/archive/search_articles.json?" + urllib.parse.urlencode(
        {"q": "PPP", "source": "", "since": "", "until": "", "_shape": "array"})
    result = subprocess.run(
        [sys.executable, "-m", "datasette", str(db_path), "--get", url],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PYTHONPATH": f"{tmp_path / 'site'}:{ROOT}", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert {r["title"] for r in json.loads(result.stdout)} == {a["title"] for a in ARTICLES if "PPP" in a["title"]}
