"""archive.series over real archive files: which figures make a point, agreement and disagreement,
incremental upkeep against a full rebuild, and reading one place's series."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from archive import Archive
from archive.metrics import parse_vocabulary, vocabulary
from archive.series import SeriesError, file_series, query_series, rebuild_series, resolve_subject, update_series
from cgpn.pipeline import import_documents, ingest, reextract
from series_db import fig, save

@pytest.fixture
def arc(db_path: str):
    with Archive(db_path) as archive:
        yield archive


def points(arc: Archive, subject: str, metric: str) -> list[tuple[str, Any, int, bool]]:
    return [(p["period"], p["value"], p["articles"], p["conflict"]) for p in query_series(arc, subject, metric)]


def test_articles_that_agree_make_one_point_with_all_their_sources(arc):
    a = save(arc, 1, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023")])
    b = save(arc, 2, [fig("1520.4亿元", "采购规模", "广西壮族自治区", "2023")])
    c = save(arc, 3, [fig("1500亿元", "全区政府采购规模", "广西壮族自治区", "2023", approx="超")])
    (point,) = query_series(arc, "广西", "政府采购规模")
    assert (point["value"], point["unit"], point["articles"], point["conflict"]) == (152036000000, "元", 3, False)
    assert point["article_ids"] == [a, b, c]
    assert [(r["value"], r["approx"], r["article_ids"]) for r in point["reported"]] == [
        (150000000000, "超", [c]), (152036000000, None, [a]), (152040000000, None, [b])]


def test_articles_that_disagree_are_flagged_with_every_value_never_averaged(arc):
    a = save(arc, 1, [fig("2312.54亿元", "政府采购规模", "河南省", "2022")])
    b = save(arc, 2, [fig("2277.85亿元", "政府采购规模", "河南省", "2022")])
    (point,) = query_series(arc, "河南", "政府采购规模")
    assert point["conflict"] is True and point["value"] is None
    assert [(r["value"], r["article_ids"]) for r in point["reported"]] == [(227785000000, [b]), (231254000000, [a])]


@pytest.mark.parametrize("first, second, agree", [
    (("1.5亿元", None), ("15077.38万元", None), True),  # the same amount, rounded
    (("3625.4亿元", None), ("3625.5亿元", None), False),  # one digit apart at the same precision
    (("15077余万元", "余"), ("15077.38万元", None), True),
    (("15077余万元", "余"), ("15078.2万元", None), False),
    (("1800亿元", "超"), ("1862.45亿元", None), True),
    (("1800亿元", "超"), ("1790亿元", None), False),
    (("1亿元", "近"), ("0.98亿元", None), True),
    (("4000万元", "约"), ("4120万元", None), True),
    (("4000万元", "约"), ("4600万元", None), False),
])
def test_what_counts_as_agreeing(arc, first, second, agree):
    for n, (surface, approx) in enumerate((first, second)):
        save(arc, n, [fig(surface, "节约资金", "福建省", "2022", approx=approx)])
    (point,) = query_series(arc, "福建省", "节约资金")
    assert point["conflict"] is not agree
    assert (point["value"] is not None) is agree


def test_only_levels_of_a_known_metric_with_place_and_period_are_points(arc):
    save(arc, 1, [
        fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023"),
        fig("74.2亿元", "政府采购规模", "广西壮族自治区", "2023", change=True, base_period="2022"),  # 比上年增加
        fig("5.1%", "政府采购规模", "广西壮族自治区", "2023", kind="percent"),  # a share or a rate: not the volume
        fig("312.5亿元", "货物类采购规模", "广西壮族自治区", "2023"),  # its own metric
        fig("120.3亿元", "市本级政府采购规模", "广西壮族自治区", "2023"),  # maps nowhere
        fig("5亿元", "政府采购规模", "广西壮族自治区", "2023", range_to=6e8),  # a range is no point
        fig("99亿元", "政府采购规模", None, "2023"),
        fig("98亿元", "政府采购规模", "广西壮族自治区", None),
    ])
    assert points(arc, "广西", "政府采购规模") == [("2023", 152036000000, 1, False)]
    assert points(arc, "广西", "货物类采购规模") == [("2023", 31250000000, 1, False)]
    assert {r[0] for r in arc.conn.execute("SELECT metric FROM series")} == {"政府采购规模", "货物类采购规模"}


def test_a_part_under_its_wholes_own_key_is_left_out_but_a_part_of_its_own_metric_counts(arc):
    save(arc, 1, [
        fig("1862.45亿元", "授予中小企业合同金额", "浙江省", "2023"),
        fig("1103.27亿元", "授予小微企业合同金额", "浙江省", "2023", parent=0),  # 其中，授予小微企业…
        fig("120亿元", "授予中小企业合同金额", "浙江省", "2023", parent=0),  # 其中 …, labelled like its whole
    ])
    assert points(arc, "浙江", "授予中小企业合同金额") == [("2023", 186245000000, 1, False)]
    assert points(arc, "浙江", "授予小微企业合同金额") == [("2023", 110327000000, 1, False)]


def test_a_year_written_as_its_months_is_the_year_and_period_types_stay_apart(arc):
    save(arc, 1, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023-01..2023-12")])
    save(arc, 2, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023")])
    save(arc, 3, [fig("712.4亿元", "政府采购规模", "广西壮族自治区", "2024-H1")])
    save(arc, 4, [fig("930.2亿元", "政府采购规模", "广西壮族自治区", "2024-01..2024-07")])
    rows = query_series(arc, "广西", "政府采购规模")
    assert [(p["period"], p["period_type"], p["articles"]) for p in rows] == [
        ("2023", "year", 2), ("2024-01..2024-07", "months", 1), ("2024-H1", "half", 1)]
    assert [p["period"] for p in query_series(arc, "广西", "政府采购规模", period_type="year")] == ["2023"]
    assert [p["period"] for p in query_series(arc, "广西", "政府采购规模", period="2024")] == ["2024-01..2024-07", "2024-H1"]


def test_levels_tell_national_provincial_and_local_places_apart(arc):
    for n, subject in enumerate(("全国", "广西壮族自治区", "柳州市", "河池市东兰县", "重庆市")):
        save(arc, n, [fig("100.5亿元", "政府采购规模", subject, "2023")])
    assert dict(arc.conn.execute("SELECT subject, level FROM series")) == {
        "全国": "national", "广西壮族自治区": "province", "柳州市": "local", "河池市东兰县": "local", "重庆市": "province"}


def test_a_place_is_found_by_its_prefix_and_keeps_its_own_figures(arc):
    for n, subject in enumerate(("河池市", "河池市东兰县", "广西壮族自治区", "南宁市", "南京市")):
        save(arc, n, [fig(f"{n + 1}亿元", "政府采购规模", subject, "2023")])
    assert resolve_subject(arc.conn, "廣西") == "广西壮族自治区"
    assert resolve_subject(arc.conn, "河池") == "河池市"  # the city, not its county
    assert resolve_subject(arc.conn, "河池市东兰县") == "河池市东兰县"
    assert resolve_subject(arc.conn, "上海") is None
    with pytest.raises(SeriesError, match="南京市、南宁市"):
        resolve_subject(arc.conn, "南")
    assert points(arc, "河池", "政府采购规模") == [("2023", 100000000, 1, False)]


def test_a_metric_is_named_by_its_canonical_name_or_any_phrase_of_it(arc):
    save(arc, 1, [fig("48.6亿元", "节约财政资金", "广西壮族自治区", "2023")])
    assert points(arc, "广西", "節約資金") == points(arc, "广西", "节约资金") == [("2023", 4860000000, 1, False)]
    with pytest.raises(SeriesError, match="not a metric of the vocabulary"):
        query_series(arc, "广西", "金额")


def test_changing_or_emptying_an_article_updates_only_its_points(arc):
    a = save(arc, 1, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023"), fig("9.25亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2024")])
    save(arc, 2, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023")])
    cid = arc.conn.execute("SELECT capture_id FROM articles WHERE id = ?", (a,)).fetchone()[0]
    record = {"title": "article 1", "body": "…", "source": "file", "path": "/x/1.txt", "figures": [
        fig("1530.1亿元", "政府采购规模", "广西壮族自治区", "2023")]}
    arc.save_article(cid, record, "2")
    update_series(arc, [a])
    assert points(arc, "广西", "政府采购规模") == [("2023", None, 2, True)]
    assert points(arc, "广西", "脱贫地区农副产品采购额") == []


def table(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT * FROM series ORDER BY subject, metric, period").fetchall()


def test_incremental_upkeep_gives_what_a_full_rebuild_gives(arc):
    subjects = ("广西壮族自治区", "柳州市", "全国")
    for n in range(30):  # articles reporting overlapping points, some saved twice with other values
        figures = [fig(f"{100 + (n * 7) % 5}.5亿元", "政府采购规模", subjects[n % 3], str(2020 + n % 4)),
                   fig(f"{3 + n % 2}.1%", "资金节约率", subjects[(n + 1) % 3], str(2020 + n % 3), kind="percent")]
        save(arc, n % 20, figures)
    incremental = table(arc.conn)
    assert len(incremental) > 10 and any(row[9] for row in incremental)  # conflicts among them
    rebuild_series(arc)
    assert table(arc.conn) == incremental


def test_another_vocabulary_rebuilds_the_series_on_the_next_update(arc):
    save(arc, 1, [fig("9.87亿元", "节约资金", "贵州省", "2011")])
    text = vocabulary_text().replace('name = "节约资金"', 'name = "节约资金总额"')
    update_series(arc, [], parse_vocabulary(text))
    assert [r[0] for r in arc.conn.execute("SELECT metric FROM series")] == ["节约资金总额"]
    assert arc.conn.execute("SELECT vocabulary FROM series_state").fetchone()[0] == parse_vocabulary(text).digest != vocabulary().digest


def vocabulary_text() -> str:
    from importlib import resources

    return resources.files("archive").joinpath("metrics.toml").read_text(encoding="utf-8")


PAGE = ("<html><head><title>广西政府采购数据</title></head><body><h1>广西去年政府采购规模1520.36亿元</h1>"
        "<p>发布时间：2024-02-20</p><p>本报讯 广西壮族自治区财政厅日前公布，2023年，全区政府采购规模为1520.36亿元。</p>"
        "</body></html>").encode()


def test_a_crawled_page_updates_the_series_with_its_article(arc):
    outcome = ingest(arc, PAGE, location="http://gx.example/1.html", source="urls", url="http://gx.example/1.html",
                     content_type="text/html; charset=utf-8")
    (point,) = query_series(arc, "广西", "政府采购规模")
    assert outcome.article_id in point["article_ids"] and point["value"] == 152036000000


def test_reextract_rebuilds_the_series(arc):
    ingest(arc, PAGE, location="http://gx.example/1.html", source="urls", url="http://gx.example/1.html")
    built = table(arc.conn)
    arc.conn.execute("DELETE FROM series")
    reextract(arc)  # nothing to re-extract (same extractor version): the series are rebuilt all the same
    assert table(arc.conn) == built and built


def test_points_marked_by_a_killed_import_are_recomputed_by_the_next_one(arc):
    save(arc, 1, [fig("1520.36亿元", "政府采购规模", "广西壮族自治区", "2023")])
    cid, _ = arc.add_capture("/x/2.txt", "file", b"2")
    record = {"title": "article 2", "body": "…", "source": "file", "path": "/x/2.txt", "figures": [
        fig("1498.6亿元", "政府采购规模", "广西壮族自治区", "2023")]}
    with arc.batch():  # what a batch of `cgpn import` commits: the article, its figures filed, no refresh yet
        article_id, _ = arc.save_article(cid, record, "1")
        file_series(arc, [article_id])
    assert points(arc, "广西", "政府采购规模") == [("2023", 152036000000, 1, False)]  # not recomputed yet
    import_documents(arc, [])
    assert points(arc, "广西", "政府采购规模") == [("2023", None, 2, True)]
    assert arc.conn.execute("SELECT count(*) FROM series_dirty").fetchone()[0] == 0
