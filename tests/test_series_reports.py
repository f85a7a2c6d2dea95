"""The bar: on an archive of fixtures/ and the generated yearly reports (bench/reports.py), series and the
facts dashboard answer "how did Guangxi's purchases of 脱贫地区农副产品 change from 2021 to 2024?", from
`cgpn series` and from one dashboard page (Datasette in-process), and no agreed point contradicts the truth
the reports were written from."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette_dashboards import replace_opts_in_query

from archive.dashboard import dashboards
from archive.datasette_plugin import make_datasette
from bench.reports import PLACES, PRELIMINARY_DIFFERS, YEARS, build_archive, truth
from cgpn.cmd_series import series

TRUTH = truth()
FIELDS = {"政府采购规模": "volume", "节约资金": "savings", "资金节约率": "saving_rate", "货物类采购规模": "goods",
          "工程类采购规模": "works", "服务类采购规模": "services", "授予中小企业合同金额": "sme", "授予小微企业合同金额": "micro",
          "脱贫地区农副产品采购额": "farm", "政采贷放款额": "loans"}
GUANGXI_FARM = {str(year): TRUTH["广西壮族自治区"][year].farm for year in range(2021, 2025)}
BAR = {"subject": "广西", "metric": "脱贫地区农副产品采购额"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "archive.db"
    build_archive(path)
    return path


@pytest.fixture(scope="module")
def ds(db):
    return make_datasette(db)


def get(ds, path: str):  # type: ignore[no-untyped-def]
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.text[:500])
    return response


def chart_rows(ds, slug: str, filters: dict[str, str]) -> list[dict]:
    """The rows a chart of the dashboard draws, fetched as datasette-dashboards' JS fetches them."""
    chart = dashboards(["archive"], "/")["facts"]["charts"][slug]
    sql = replace_opts_in_query(chart["query"], filters)
    return get(ds, "/archive.json?" + urllib.parse.urlencode({"sql": sql, **filters, "_shape": "objects"})).json()["rows"]


def in_yi(value: float) -> float:
    return round(value / 1e8, 6)


def test_the_bar_from_one_command(db):
    result = CliRunner().invoke(series, ["--db", str(db), *sum((["--" + k, v] for k, v in BAR.items()), []),
                                         "--period-type", "year", "--json"])
    assert result.exit_code == 0, result.output
    points = {p["period"]: p for p in map(json.loads, result.output.splitlines())}
    assert {period: in_yi(points[period]["value"]) for period in GUANGXI_FARM} == GUANGXI_FARM
    assert all(points[period]["subject"] == "广西壮族自治区" for period in GUANGXI_FARM)


def test_the_bar_from_one_page(ds):
    page = get(ds, "/-/dashboards/facts?" + urllib.parse.urlencode(BAR)).text
    assert all(f'id="chart-{slug}"' in page for slug in ("place", "points", "national", "provinces", "saving-rate", "latest"))
    drawn = {row["period"]: row["value"] for row in chart_rows(ds, "place", BAR)}
    assert {period: drawn[period] for period in GUANGXI_FARM} == GUANGXI_FARM
    table = {row["时期 period"]: row for row in chart_rows(ds, "points", BAR)}
    assert [table[p]["数值 value"] for p in GUANGXI_FARM] == [f"{v:g}亿元" for v in GUANGXI_FARM.values()]
    previous = list(GUANGXI_FARM.values())
    assert [table[p]["较上一时期 vs previous"] for p in list(GUANGXI_FARM)[1:]] == [
        f"{(b - a) / a:+.1%}" for a, b in zip(previous, previous[1:])]


def test_no_agreed_point_contradicts_the_truth(db):
    conn = sqlite3.connect(db)
    fixture_articles = {r[0] for r in conn.execute("SELECT id FROM articles WHERE path NOT LIKE 'reports/%'")}
    right, wrong = {metric: 0 for metric in FIELDS}, []
    for place, years in TRUTH.items():
        for year, values in years.items():
            for metric, field in FIELDS.items():
                row = conn.execute("SELECT value, unit, conflict, article_ids FROM series WHERE subject = ? AND metric = ? AND period = ?",
                                   (place, metric, str(year))).fetchone()
                if row is None or row[2] or fixture_articles & set(json.loads(row[3])):
                    continue  # missed or flagged: never a wrong number (real fixture texts report other values)
                value = in_yi(row[0]) if row[1] == "元" else row[0]
                if value == getattr(values, field):
                    right[metric] += 1
                else:
                    wrong.append((place, year, metric, getattr(values, field), value))
    assert wrong == []
    assert all(right.values()), right  # every metric has points, so the check above is not empty


def test_a_preliminary_figure_that_the_final_one_replaced_is_flagged(db):
    conn = sqlite3.connect(db)
    for place, year in sorted(PRELIMINARY_DIFFERS):
        conflict, reported = conn.execute("SELECT conflict, reported FROM series WHERE subject = ? AND metric = '政府采购规模' AND period = ?",
                                          (place, str(year))).fetchone()
        values = [in_yi(r["value"]) for r in json.loads(reported)]
        assert conflict == 1 and TRUTH[place][year].volume in values and len(values) >= 2


def test_the_provinces_side_by_side_for_the_latest_year(ds):
    rows = chart_rows(ds, "provinces", {})
    latest = max(YEARS)
    assert {r["period"] for r in rows} == {str(latest)}
    agreed = {r["subject"]: r["value"] for r in rows if r["reports"] == "agree"}
    assert agreed and all(agreed[p] == TRUTH[p][latest].volume for p in agreed)
    assert set(agreed) <= {p[0] for p in PLACES}


def test_every_point_links_to_the_figures_behind_it(ds, db):
    conn = sqlite3.connect(db)
    for slug in ("national", "place", "provinces", "saving-rate"):
        rows = chart_rows(ds, slug, BAR if slug == "place" else {})
        assert rows, slug
        for row in rows[:3]:
            path, query = row["href"].split("?")
            ids = urllib.parse.parse_qs(query)["id__in"][0].split(",")
            listed = get(ds, f"{path}.json?{query}&_shape=objects").json()["rows"]
            assert sorted(str(r["id"]) for r in listed) == sorted(ids)
            assert {r["subject"] for r in listed} <= {row["subject"]}
            (metric,) = {conn.execute("SELECT metric FROM series_figures WHERE figure_id = ?", (int(i),)).fetchone()[0] for i in ids}
            assert metric == row["metric"]


def test_the_latest_money_figures_link_their_articles_and_sources(ds):
    rows = chart_rows(ds, "latest", {"subject": "广西"})
    assert len(rows) == 20
    assert all(r["地区 place"].startswith("广西") for r in rows)
    dates = [r["日期 date"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert all(r["文章 article"].startswith('<a href="/archive/articles/') for r in rows)
    sources = [r["来源 source"] for r in rows if r["来源 source"] != "—"]  # files without a URL have none
    assert sources and all(s.startswith('<a href="http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW') for s in sources)


def test_the_readme_shows_what_the_command_prints(db):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    command = "cgpn series --db demo.db --subject 广西 --metric 脱贫地区农副产品采购额 --period-type year"
    shown = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    args = command.split()[2:]
    args[1] = str(db)
    assert CliRunner().invoke(series, args).output == shown
