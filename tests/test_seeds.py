"""The acceptance criteria of the foundation issue, on the two seed documents."""

from __future__ import annotations

import re

import pytest

from extractors import extract
from extractors.record import Article
from tests.conftest import SEED_000, SEED_003

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\d?\)")


@pytest.fixture(scope="module")
def seed003() -> Article:
    return extract(SEED_003.read_bytes(), path=str(SEED_003))


@pytest.fixture(scope="module")
def seed000() -> Article:
    return extract(SEED_000.read_bytes(), path=str(SEED_000))


def test_seed_003_metadata(seed003: Article) -> None:
    a = seed003
    assert a.title == "广州交出乡村产业振兴满意答卷"
    assert a.subtitle == "全市预算单位去年通过“832平台”完成交易额达15077余万元"
    assert a.column == "新闻第一站"
    assert a.author == "李松华"
    assert a.published_at == "2022-02-14T20:52:19+08:00"
    assert a.info_code == "NW202202142276022459"
    assert a.publisher == "中国政府采购报"
    assert a.category == "zhongguozhengfucaigoubao"
    assert a.tags == ["中国政府采购报新闻"]
    assert a.format == "jekyll" and a.script == "hans" and a.body_original is None


def test_seed_003_body_is_the_seven_paragraphs(seed003: Article) -> None:
    lines = seed003.body.split("\n")
    assert len(lines) == 7
    assert lines[0].startswith("本报讯日前")
    assert lines[-1].endswith("助力巩固拓展脱贫攻坚成果和乡村产业振兴。")
    for chrome in ("李松华", "版权", "文章来源", "NewsShare", "返回", "新闻第一站", "广州交出乡村产业振兴满意答卷"):
        assert chrome not in seed003.body


def test_seed_003_figures(seed003: Article) -> None:
    by_surface = {(f.surface, f.field): f for f in seed003.figures}
    assert by_surface[("15077.38万元", "body")].value_yuan == 150773800
    assert by_surface[("12530.78万元", "body")].value_yuan == 125307800
    for pct in ("120.36%", "25.13%", "265.07%", "161.53%"):
        assert by_surface[(pct, "body")].kind == "percent"
    for f in seed003.figures:
        field = {"body": seed003.body, "title": seed003.title, "subtitle": seed003.subtitle}[f.field]
        assert field[f.start:f.end] == f.surface
        assert f.surface in f.sentence


def test_seed_000_title_and_author_simplified_once(seed000: Article) -> None:
    assert seed000.title == "柳州提前完成脱贫地区农副产品全年采购任务"
    assert seed000.author == "柳财"
    assert seed000.script == "hant"
    assert {"pinyin-annotations", "t2s", "boilerplate"} <= set(seed000.repairs)


def test_seed_000_body_clean_and_simplified(seed000: Article) -> None:
    lines = seed000.body.split("\n")
    assert lines[0].startswith("本报讯")
    assert "1955.96万元" in lines[-1]
    assert not PINYIN.search(seed000.body)
    for footer in ("版权", "订阅", "点击排行", "责任编辑", "LIZHENG", "柳财", "276元"):
        assert footer not in seed000.body
    assert "脫貧地區" in seed000.body_original and "脱贫地区" in seed000.body
    assert not PINYIN.search(seed000.body_original)
    assert len(seed000.body_original.split("\n")) == len(lines)


def test_seed_000_figures(seed000: Article) -> None:
    money = {f.surface: f for f in seed000.figures if f.kind == "money"}
    assert money["1955.96万元"].value_yuan == 19559600
    assert any(f.surface == "57家" and f.kind == "count" for f in seed000.figures)
    assert not {"276元", "23元", "69元", "3元"} & {f.surface for f in seed000.figures}
