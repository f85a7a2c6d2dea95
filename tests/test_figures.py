"""extract_figures: amounts, kinds, exclusions, meaning (metric, subject, period) and headline totals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_000, SEED_003
from extractors import extract
from extractors.figures import extract_figures
from extractors.figures.places import NAMES, find_places
from extractors.record import Figure


def one(text: str, **kwargs: object) -> Figure:
    figs = extract_figures(text, **kwargs)  # type: ignore[arg-type]
    assert len(figs) == 1, [f.surface for f in figs]
    return figs[0]


def by_surface(figs: list[Figure], surface: str, field: str = "body") -> list[Figure]:
    return [f for f in figs if f.surface == surface and f.field == field]


# --- seeds ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed003() -> list[Figure]:
    return extract(SEED_003.read_bytes(), path=str(SEED_003)).figures


@pytest.fixture(scope="module")
def seed000() -> list[Figure]:
    return extract(SEED_000.read_bytes(), path=str(SEED_000)).figures


def test_seed003_money_with_meaning(seed003: list[Figure]) -> None:
    totals = by_surface(seed003, "15077.38万元")
    assert len(totals) == 2
    for f in totals:
        assert (f.kind, f.value, f.unit, f.value_yuan) == ("money", 15077.38, "万元", 150773800)
        assert isinstance(f.value_yuan, int)
        assert (f.metric, f.subject, f.period, f.is_total) == ("832平台交易额", "广州市", "2021", True)
    (share,) = by_surface(seed003, "12530.78万元")
    assert (share.value_yuan, share.metric, share.subject, share.period) == (125307800, "预留采购份额", "广州市", "2021")
    assert not share.is_total


def test_seed003_percents_and_counts(seed003: list[Figure]) -> None:
    percents = [f.surface for f in seed003 if f.kind == "percent"]
    assert percents == ["120.36%", "25.13%", "30%", "265.07%", "300%以上", "161.53%"]
    assert by_surface(seed003, "300%以上")[0].approx == "以上"
    assert by_surface(seed003, "161.53%")[0].subject == "广州市花都区"  # 全区 after 花都区
    assert [f.surface for f in seed003 if f.kind == "count"] == ["100余个", "23个", "6个", "3个"]
    assert not [f for f in seed003 if "2021" in f.surface or "2022" in f.surface or f.surface.startswith("832")]


def test_seed003_subtitle_linked_to_body(seed003: list[Figure]) -> None:
    (head,) = by_surface(seed003, "15077余万元", field="subtitle")
    assert (head.value, head.unit, head.value_yuan, head.approx) == (15077, "万元", 150770000, "余")
    assert (head.metric, head.subject, head.period, head.is_total) == ("832平台交易额", "广州市", "2021", True)
    subtitle = "全市预算单位去年通过“832平台”完成交易额达15077余万元"
    assert subtitle[head.start : head.end] == head.surface


def test_seed000(seed000: list[Figure]) -> None:
    (money,) = [f for f in seed000 if f.kind == "money"]
    # 截至6月底: the year to date, the first half
    assert (money.surface, money.value_yuan, money.subject, money.period) == ("1955.96万元", 19559600, "柳州市", "2024-H1")
    assert {f.surface: f.kind for f in seed000 if f.kind != "money"} == {
        "168平方米": "area", "57家": "count", "500多款": "count", "30多款": "count",
    }
    assert by_surface(seed000, "500多款")[0].approx == "多"
    assert not [f for f in seed000 if f.surface in ("276元", "23元", "69元", "3元")]  # footer prices


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, value, unit, value_yuan, approx, range_to",
    [
        ("采购一千二百万元。", "一千二百万元", 1200, "万元", 12_000_000, None, None),
        ("规模1.2亿元。", "1.2亿元", 1.2, "亿元", 120_000_000, None, None),
        ("签约三千余万元。", "三千余万元", 3000, "万元", 30_000_000, "余", None),
        ("力争达到两亿元。", "两亿元", 2, "亿元", 200_000_000, None, None),
        ("合计1,234.56万元。", "1,234.56万元", 1234.56, "万元", 12_345_600, None, None),
        ("成交１２.６亿元。", "１２.６亿元", 12.6, "亿元", 1_260_000_000, None, None),
        ("单笔10万元-50万元。", "10万元-50万元", 10, "万元", 100_000, None, 50),
        ("投资5至10亿元。", "5至10亿元", 5, "亿元", 500_000_000, None, 10),
        ("预算5000万元至1亿元。", "5000万元至1亿元", 5000, "万元", 50_000_000, None, 10000),
        ("节约近3000万元。", "3000万元", 3000, "万元", 30_000_000, "近", None),
        ("每户1万余元。", "1万余元", 1, "万元", 10_000, "余", None),
        ("预算3,864,520千元。", "3,864,520千元", 3864520, "千元", 3_864_520_000, None, None),
        ("金额叁佰捌拾陆万伍仟元整。", "叁佰捌拾陆万伍仟元", 3865000, "元", 3_865_000, None, None),
        ("交易规模突破千亿元。", "突破千亿元", 1000, "亿元", 100_000_000_000, "超", None),  # the number is implied
        ("采购130.73亿元。", "130.73亿元", 130.73, "亿元", 13_073_000_000, None, None),
        ("单价不超过18万元。", "18万元", 18, "万元", 180_000, "以下", None),
        ("累计签约860万元。", "860万元", 860, "万元", 8_600_000, None, None),  # 约 of 签约 is no approximation
        ("注册资本不得低于500万元。", "500万元", 500, "万元", 5_000_000, "以上", None),
    ],
)
def test_money(text: str, surface: str, value: float, unit: str, value_yuan: int, approx: str | None,
               range_to: float | None) -> None:
    f = one(text)
    assert (f.surface, f.kind, f.value, f.unit, f.value_yuan, f.approx, f.range_to) == (
        surface, "money", value, unit, value_yuan, approx, range_to)
    assert text[f.start : f.end] == f.surface


@pytest.mark.parametrize(
    "text, surface, kind, value, unit, approx",
    [
        ("完成比例为120.36%。", "120.36%", "percent", 120.36, "%", None),
        ("增长百分之三十。", "百分之三十", "percent", 30, "%", None),
        ("占比三成。", "三成", "percent", 30, "%", None),
        ("占比近三成。", "三成", "percent", 30, "%", "近"),
        ("达七成以上。", "七成以上", "percent", 70, "%", "以上"),
        ("提高2.5个百分点。", "2.5个百分点", "points", 2.5, "个百分点", None),
        ("供应商57家。", "57家", "count", 57, "家", None),
        ("商品500多款。", "500多款", "count", 500, "款", "多"),
        ("基地100余个。", "100余个", "count", 100, "个", "余"),
        ("订单18.3万单。", "18.3万单", "count", 18.3, "万单", None),
        ("面积168平方米。", "168平方米", "area", 168, "平方米", None),
        ("治理48.5万亩。", "48.5万亩", "area", 48.5, "万亩", None),
        ("周期缩短至15个工作日。", "15个工作日", "duration", 15, "个工作日", None),
        ("服务期限3年。", "3年", "duration", 3, "年", None),
        ("合同签订后60日内交货。", "60日", "duration", 60, "日", None),
        ("工期240日历天。", "240日历天", "duration", 240, "日历天", None),
        ("销售3,600吨。", "3,600吨", "weight", 3600, "吨", None),
    ],
)
def test_other_kinds(text: str, surface: str, kind: str, value: float, unit: str, approx: str | None) -> None:
    f = one(text)
    assert (f.surface, f.kind, f.value, f.unit, f.approx) == (surface, kind, value, unit, approx)


def test_percent_range() -> None:
    f = one("价格扣除比例为30%-40%。")
    assert (f.surface, f.value, f.range_to) == ("30%-40%", 30, 40)


@pytest.mark.parametrize(
    "text",
    [
        "2021年全市政府采购情况通报。",
        "根据财库〔2021〕20号文件执行。",
        "第3家供应商中标，第二批名单公布。",
        "联系电话：0771-5532611、13907911234。",
        "上线2.0版系统，版本号V3.2.1。",
        "于2023年7月1日上线，12345热线。",
        "搭建一个平台，组织一批企业。",
        "数十万元的项目，几千家企业。",
        "落实“两个确保”要求。",
        "位列各区前两位。",
        "通过“832平台”采购，推进多元化。",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


# --- meaning ----------------------------------------------------------------------------------


def test_reference_resolves_to_earlier_place() -> None:
    text = "广西壮族自治区柳州市财政局加大采购力度。\n全区完成采购1000万元。"
    assert one(text).subject == "广西壮族自治区"
    text = "广东省广州市财政局通报，全市预算单位完成交易额达2000万元。"
    assert one(text).subject == "广州市"


def test_every_gazetteer_name_is_found_at_the_end_of_a_text() -> None:
    # find_places only stops where a name's first two characters stand, so a name of one character,
    # or a name ending the text, would be the first to be missed
    missed = [name for name in NAMES if (name, 3) not in [(p.text, p.start) for p in find_places("采购于" + name)]]
    assert len(NAMES) > 4000 and missed == []


def test_an_organisations_own_figures_have_no_place() -> None:
    f = one("株洲市中心医院采购项目。成交供应商：湖南某某医疗器械有限公司，成交金额：386.5万元。")
    assert f.subject is None
    bank = extract_figures("近日，记者从长安银行获悉，该行已累计为全省1700余家中小微企业发放贷款21.6亿元。",
                           title="长安银行政采贷累计投放突破20亿元", publisher="长安银行")
    assert [f.subject for f in bank if f.kind == "money"] == [None, None]


def test_enumerated_places_align_with_figures() -> None:
    figs = extract_figures("阜阳市、六安市、安庆市销售额分别为7.1亿元、6.3亿元、5.2亿元。")
    assert [(f.subject, f.metric) for f in figs] == [("阜阳市", "销售额"), ("六安市", "销售额"), ("安庆市", "销售额")]


@pytest.mark.parametrize(
    "text, published_at, period",
    [
        ("全市去年完成交易额达100万元。", "2022-02-14T20:52:19+08:00", "2021"),
        ("今年上半年，全市采购100万元。", "2023-07-18T10:02:11+08:00", "2023-H1"),
        ("截至今年6月底，已完成采购100万元。", "2024-07-01T00:00:00+08:00", "2024-H1"),
        ("截至今年8月底，已完成采购100万元。", "2024-09-01T00:00:00+08:00", "2024-01..2024-08"),
        ("今年1-10月，发放贷款100万元。", "2022-12-02T10:00:00+08:00", "2022-01..2022-10"),
        ("2024年1月至9月，采购100万元。", None, "2024-01..2024-09"),
        ("2020年1—11月，预算100万元。", None, "2020-01..2020-11"),
        ("7—9月，采购预算100万元。", "2024-10-11T09:30:00+08:00", "2024-Q3"),
        ("今年前三季度，节约100万元。", "2021-11-05T16:40:00+08:00", "2021-01..2021-09"),
        ("今年前7个月，节约100万元。", "2021-11-05T16:40:00+08:00", "2021-01..2021-07"),
        ("5月份，采购100万元。", "2021-11-05T16:40:00+08:00", "2021-05"),
        ("十四五期间，投入100万元。", None, "2021..2025"),
        ("截至2023年底，政采贷累计放款100万元。", "2024-02-01T00:00:00+08:00", "..2023-12"),
        ("截至目前，政采贷累计放款100万元。", "2024-03-08T00:00:00+08:00", "..2024-03"),
        ("今年以来，共获得融资100万元。", "2024-10-22T00:00:00+08:00", "2024-01..2024-10"),
        ("较去年同期增加100万元。", "2024-12-05T10:00:00+08:00", "2024"),
        ("全市采购100万元。", "2021-06-30T10:00:00+08:00", "2021"),
        ("自2020年10月启动试点以来，累计采购100万元。", "2024-02-06T09:30:00+08:00", "2020-10..2024-02"),  # (from the month it started)
        ("全市采购100万元。", None, None),
    ],
)
def test_periods(text: str, published_at: str | None, period: str | None) -> None:
    assert one(text, published_at=published_at).period == period


def test_a_level_raised_from_a_years_value_is_of_the_end_of_the_span_spoken_of() -> None:
    body = "一、“十四五”时期工作回顾\n五年来，全州地区生产总值由2020年的1117.7亿元增加到1568.3亿元，年均增长6.4%；财政收入累计完成386.2亿元。"
    figs = extract_figures(body, title="政府工作报告", published_at="2026-01-12T08:30:00+08:00")
    assert [f.period for f in figs] == ["2020", "2025", "2021..2025", "2021..2025"]


def test_this_year_of_a_report_published_the_next_january_is_the_reports_year() -> None:
    body = "三、政策落实。本年度授予中小企业合同金额1556.9万元，占比90.5%。"
    figs = extract_figures(body, title="湖北省黄冈中学2021年度政府采购执行情况公示", published_at="2022-01-21")
    assert [f.period for f in figs] == ["2021", "2021"]
    same_year = extract_figures(body, title="湖北省黄冈中学2022年度政府采购执行情况公示", published_at="2022-12-21")
    assert [f.period for f in same_year] == ["2022", "2022"]


def test_a_report_about_a_year_and_its_reporting_period_are_of_that_year() -> None:
    audit = extract_figures("重点审计了42个中央部门，涉及财政拨款2360.21亿元。",
                            title="国务院关于2016年度中央预算执行和其他财政收支的审计工作报告", published_at="2017-06-23")
    assert [f.period for f in audit if f.kind == "money"] == ["2016"]
    body = ("根据财政部公布的数据，2019年全国政府采购规模为33067亿元。\n二、经营情况讨论与分析\n"
            "报告期内，公司实现营业收入18.64亿元，同比增长9.3%。")
    company = extract_figures(body, title="北京某信息技术股份有限公司2020年年度报告（摘要）", published_at="2021-04-24")
    assert [(f.period, f.subject) for f in company] == [("2019", "全国"), ("2020", None), ("2020", None)]


def test_a_term_of_office_said_as_a_span_is_the_period_of_what_happened_in_it() -> None:
    body = ("区审计局对某中学原校长2019年1月至2022年12月任期经济责任履行情况进行了审计。\n一、基本情况\n"
            "任期内学校累计收入2.18亿元；实施政府采购项目94个，合同金额3467.2万元。")
    figs = extract_figures(body, title="审计结果公告", published_at="2023-09-14")
    assert {f.period for f in figs if f.kind == "money"} == {"2019-01..2022-12"}


def test_a_since_span_is_not_the_period_of_later_statistics() -> None:
    body = "2023年，平台销售额204.3亿元。平台自2020年上线以来，累计销售额突破500亿元。\n四川省销售额21.5亿元。"
    figs = extract_figures(body, published_at="2024-02-06T09:30:00+08:00")
    assert [f.period for f in figs] == ["2023", "2020..2024", "2023"]
    lead = extract_figures("去年以来，全市合同金额3.74亿元。\n其中，某项目合同金额9860万元。", published_at="2023-06-12T09:20:00+08:00")
    assert [f.period for f in lead] == ["2022..2023", "2022..2023"]


def test_period_carries_over_but_not_from_event_dates() -> None:
    body = "今年第三季度，九江市完成采购项目1078个。\n该系统于2023年7月1日上线。\n同期，采购金额18.9亿元。"
    money = [f for f in extract_figures(body, published_at="2023-10-09T09:00:00+08:00") if f.kind == "money"]
    assert [f.period for f in money] == ["2023-Q3"]


@pytest.mark.parametrize(
    "text, metric",
    [
        ("全省政府采购节约资金158.2亿元。", "节约资金"),
        ("全省政府采购规模达3625.4亿元。", "政府采购规模"),
        ("市本级政府采购规模4.83亿元。", "市本级政府采购规模"),
        ("全省预算单位采购脱贫地区农副产品2.41亿元。", "脱贫地区农副产品采购"),
        ("通过“832平台”采购脱贫地区农副产品2.41亿元。", "脱贫地区农副产品采购"),
        ("“政采贷”累计为1326家供应商发放贷款45.6亿元。", "政采贷发放贷款"),  # the channel named in quotes
        ("46家中小企业通过“政采贷”获得融资3.2亿元。", "政采贷融资"),
        ("全国强制和优先采购节能、节水产品682.3亿元。", "节能、节水产品采购"),  # conjuncts in one phrase
        ("土地使用权和矿业权出让成交额109.6亿元。", "土地使用权和矿业权出让成交额"),
        ("其他采购方式2.29亿元。", "其他采购方式"),  # not a verb and its object
        ("供应商“零跑腿”比例达到100%，节约资金3万元。", "节约资金"),
        ("全省授予中小企业合同金额2810.9亿元。", "授予中小企业合同金额"),
        ("完成交易额达15077.38万元。", "交易额"),
        ("采购金额共计5000万元，其中工程类3000万元。", "采购金额"),
        ("罚款合计86.5万元。", "罚款"),
        ("供应商投标成本降低约2.5亿元。", "供应商投标成本"),
        ("共投入500万元的采购资金。", "采购资金"),
        ("中标（成交）金额：1,386.72万元。", "中标金额"),
    ],
)
def test_metrics(text: str, metric: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "money"][0].metric == metric


def test_quoted_names_are_words_of_the_phrase() -> None:
    (share,) = [f for f in extract_figures("供应商“零跑腿”比例达到100%。") if f.kind == "percent"]
    assert share.metric == "供应商零跑腿比例"


def test_parallel_items_qualify_their_bare_measures_by_the_kind_they_count() -> None:
    body = ("从采购方式看，公开招标项目612个，成交金额31.05亿元；竞争性磋商项目1024个，成交金额9.87亿元；"
            "竞争性谈判、询价和单一来源等项目551个，成交金额4.71亿元。\n"
            "全年集中采购项目2100个，采购预算48.12亿元，节约资金2.49亿元。")
    money = {f.surface: f.metric for f in extract_figures(body) if f.kind == "money"}
    assert money == {"31.05亿元": "公开招标成交金额", "9.87亿元": "竞争性磋商成交金额",
                     "4.71亿元": "竞争性谈判、询价和单一来源等成交金额",
                     # one item alone: the kind is the article's, the measures stay bare
                     "48.12亿元": "采购预算", "2.49亿元": "节约资金"}


def test_traditional_text_reads_as_simplified() -> None:
    (money,) = [f for f in extract_figures("共同供應契約採購金額1,126億元。") if f.kind == "money"]
    assert (money.metric, money.value_yuan) == ("共同供应契约采购金额", 112_600_000_000)


def test_headline_not_matching_body_is_still_a_total() -> None:
    figs = extract_figures("全省采购1.2亿元。", title="某省采购额突破5亿元")
    head = [f for f in figs if f.field == "title"][0]
    body = [f for f in figs if f.field == "body"][0]
    assert (head.is_total, head.approx, body.is_total) == (True, "超", False)


def test_headline_links_only_the_same_fact() -> None:
    figs = extract_figures("全省采购15077.38万元，另有15078.5万元。", subtitle="采购达15077余万元")
    assert [(f.surface, f.is_total) for f in figs if f.field == "body"] == [("15077.38万元", True), ("15078.5万元", False)]


def test_no_figures_and_empty_fields() -> None:
    assert extract_figures("本报讯 无数字的文章。", title="标题", subtitle=None) == []
    assert extract_figures("") == []


# --- any text ---------------------------------------------------------------------------------

PIECES = st.sampled_from(list("0123456789０１２.,，、%％-至余多万亿千百十元家个年月日成点一二两三五九叁拾佰仟第约近超全市区广州柳州省县“”（）\n ")
                         + ["百分之", "个百分点", "平方米", "以上", "左右", "去年", "今年", "上半年", "分别为", "截至", "以来"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.lists(PIECES, max_size=15).map("".join))
def test_any_text_gives_figures_at_their_offsets(body: str, title: str) -> None:
    for f in extract_figures(body, title=title, published_at="2024-05-01T00:00:00+08:00"):
        text = body if f.field == "body" else title
        assert text[f.start : f.end] == f.surface and f.surface
        assert f.kind in ("money", "percent", "points", "count", "area", "duration", "weight")
        assert f.kind == "money" or f.value_yuan is None
        foreign = f.unit.startswith("新台币") or f.unit.endswith(("美元", "欧元", "港元", "日元", "澳门元", "澳元"))
        assert f.kind != "money" or (f.value_yuan is None) == foreign
        assert f.range_to is None or f.range_to >= 0


def test_foreign_money_is_not_counted_in_yuan() -> None:
    figs = extract_figures("决标金额达新台币856.3亿元。\n其中，工程类采购决标金额512.6亿元。另获贷款100万美元。")
    assert [(f.surface, f.unit, f.value_yuan) for f in figs] == [
        ("856.3亿元", "新台币亿元", None), ("512.6亿元", "新台币亿元", None), ("100万美元", "万美元", None)]


def test_macao_patacas_are_money_but_not_yuan() -> None:
    figs = extract_figures("上半年綜合預算收入471.6億澳門元，綜合預算開支518.9億澳門元。")
    assert [(f.surface, f.kind, f.unit, f.value_yuan) for f in figs] == [
        ("471.6億澳門元", "money", "亿澳门元", None), ("518.9億澳門元", "money", "亿澳门元", None)]


def test_a_unit_declared_once_reads_the_bare_numbers_of_the_prose_after_it() -> None:
    body = ("1—11月，我市政府采购数据如下（单位：万元、%）：\n"
            "采购预算492316.8，采购金额468702.5，节约资金23614.3，节约率4.8。\n"
            "分类别：货物类132508.6，工程类241873.2，服务类94320.7。共采购项目1024个，编号2021第3批。")
    figs = extract_figures(body, title="义乌市1—11月政府采购数据快报", published_at="2021-12-10T09:00:00+08:00")
    assert [(f.surface, f.kind, f.value_yuan, f.metric) for f in figs if f.kind in ("money", "percent")] == [
        ("492316.8", "money", 4923168000, "采购预算"), ("468702.5", "money", 4687025000, "采购金额"),
        ("23614.3", "money", 236143000, "节约资金"), ("4.8", "percent", None, "节约率"),
        ("132508.6", "money", 1325086000, "货物类采购金额"), ("241873.2", "money", 2418732000, "工程类采购金额"),
        ("94320.7", "money", 943207000, "服务类采购金额")]
    assert {f.parent for f in figs[4:7]} == {1}  # parts of 采购金额
    assert not [f for f in extract_figures(body.replace("（单位：万元、%）", "")) if f.kind in ("money", "percent")]


def test_taiwans_central_bodies_speak_for_all_of_taiwan_its_county_offices_for_their_county() -> None:
    body = ("行政院公共工程委員會今日公布110年度政府採購統計資料，決標金額1兆2,846億元。\n"
            "依機關層級區分，地方機關4,928億元，其中臺北市、高雄市分別為812億元及643億元。")
    central = extract_figures(body, title="工程會公布110年度政府採購統計", publisher="行政院公共工程委員會",
                              published_at="2022-03-16")
    assert [f.subject for f in central] == ["台湾省", "台湾省", "台北市", "高雄市"]
    county = extract_figures("107年度花蓮縣總決算歲出實現數271億4,682萬元。", title="107年度花蓮縣總決算審核報告",
                             publisher="審計部花蓮縣審計室", published_at="2019-05-22")
    assert county[0].subject == "花莲县"


def test_a_year_of_the_roc_count_makes_a_text_taiwans_without_its_currency() -> None:
    figs = extract_figures("宜蘭縣議會總預算審查。\n報告議員，112年度總預算歲出341.6億元，其中資本門58.3億元。",
                           published_at="2022-11-18T17:00:00+08:00")
    assert [(f.period, f.unit, f.value_yuan) for f in figs] == [("2023", "新台币亿元", None)] * 2


def test_headline_links_the_nearest_precise_figure_and_its_own_words() -> None:
    body = "截至8月底，采购规模达到103.6亿元，提前四个月突破百亿元大关。力争全年采购规模达到150亿元左右。"
    figs = extract_figures(body, title="贵州省2011年政府采购规模突破百亿元")
    assert [(f.surface, f.is_total) for f in figs if f.kind == "money"] == [
        ("突破百亿元", True), ("103.6亿元", True), ("突破百亿元", True), ("150亿元左右", False)]


@pytest.mark.parametrize("text", ["采购人可直接选定或二次竞价。", "以前要四处找钱垫资。", "对排名后三位的县区进行约谈。"])
def test_counting_words_in_idioms_and_ranks(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "count"] == []


def test_whole_city_is_the_article_city_not_the_last_county_named() -> None:
    body = "泉州市财政局发布统计。晋江市采购规模15.87亿元，南安市9.63亿元。全市授予中小企业合同金额84.1亿元。"
    assert [f.subject for f in extract_figures(body)] == ["泉州市晋江市", "泉州市南安市", "泉州市"]
    assert one("花都区各单位主动作为，该区完成100万元。", title="广州交出满意答卷").subject == "广州市花都区"


def test_a_breakdown_takes_the_period_of_the_figure_it_breaks_down() -> None:
    body = "截至12月20日，全市采购1026.5万元。全年平台销售额2380万元。其中，墨脱县茶叶销售额612万元。"
    figs = extract_figures(body, published_at="2022-12-28T12:00:00+08:00")
    assert [f.period for f in figs] == ["2022", "2022", "2022"]  # 截至12月20日: the year to date


def test_recent_years_are_not_approximate() -> None:
    assert one("近三年内无重大违法记录。").approx is None


# --- structure: lists, shares, changes, parts -------------------------------------------------


def test_parallel_list_pairs_item_i_with_figure_i() -> None:
    figs = extract_figures("货物、工程、服务类采购规模分别为8.26亿元、3.17亿元和6.05亿元。")
    assert [f.metric for f in figs] == ["货物类采购规模", "工程类采购规模", "服务类采购规模"]
    shares = extract_figures("公开招标、询价分别占全国政府采购规模的71.5%和0.5%。")
    assert [f.metric for f in shares] == ["公开招标占比", "询价占比"]


def test_a_list_a_clause_before_ends_before_what_the_clause_says_of_it() -> None:
    goods = extract_figures("从品类看，办公设备、电脑整机和办公用品仍是主力，分别成交28.6亿元、24.1亿元和13.9亿元。")
    assert [f.metric for f in goods] == ["办公设备成交额", "电脑整机成交额", "办公用品成交额"]
    classes = extract_figures("全市政府采购规模52亿元。其中，货物类、工程类和服务类均有增长，分别完成12亿元、30亿元和10亿元。",
                              title="宜昌市2022年政府采购情况")
    assert [(f.metric, f.parent) for f in classes[1:]] == [("货物类采购规模", 0), ("工程类采购规模", 0), ("服务类采购规模", 0)]
    towns = extract_figures("1—10月，全县消费帮扶销售额1.2亿元。其中，香花镇、九重镇和厚坡镇消费帮扶销售额居前三位，"
                            "分别为3215万元、2876万元和2410万元。", title="淅川县消费帮扶情况")
    assert [(f.metric, f.subject) for f in towns[1:]] == [("消费帮扶销售额", "南阳市淅川县")] * 3


def test_places_ranked_before_a_list_take_the_measure_ranked_and_a_second_list_its_own_measure() -> None:
    body = "采购金额居前的是广州市、深圳市、佛山市，分别采购8420万元、6930万元、2870万元，完成率分别为96.3%、88.1%、91.7%。"
    figs = extract_figures(body, title="广东省财政厅通报", published_at="2022-10-20")
    assert [(f.subject, f.metric) for f in figs] == [("广州市", "采购金额"), ("深圳市", "采购金额"), ("佛山市", "采购金额"),
                                                     ("广州市", "完成率"), ("深圳市", "完成率"), ("佛山市", "完成率")]


def test_a_list_whose_counts_differ_is_a_warning_not_a_guess() -> None:
    warnings: list[str] = []
    figs = extract_figures("货物、工程、服务类采购规模分别为8.26亿元和3.17亿元。", warnings=warnings)
    assert [f.metric for f in figs] != ["货物类采购规模", "工程类采购规模"]
    assert warnings and "3 items" in warnings[0] and "2 figures" in warnings[0]


def test_changes_have_the_metric_that_changed_and_their_base() -> None:
    figs = extract_figures("2022年，全省政府采购规模达3625.4亿元，比上年增加127.35亿元，增长7.04%；节约资金158.2亿元。",
                           published_at="2023-03-10T09:15:00+08:00")
    level, more, rate, saved = figs
    assert (level.change, more.change, rate.change, saved.change) == (False, True, True, False)
    assert more.metric == rate.metric == "政府采购规模" and (more.base_period, rate.base_period) == ("2021", "2021")
    half = one("今年上半年，采购额同比下降3.2%。", published_at="2024-07-20T00:00:00+08:00")
    assert (half.change, half.period, half.base_period) == (True, "2024-H1", "2023-H1")
    assert not one("预付款比例提高到50%。").change  # a level reached


def test_a_share_is_of_the_figure_before_it() -> None:
    figs = extract_figures("全省授予中小企业合同金额2810.9亿元，占比77.5%，较上年提高1.4个百分点。", published_at="2024-03-01")
    assert [(f.metric, f.change) for f in figs] == [
        ("授予中小企业合同金额", False), ("授予中小企业合同金额占比", False), ("授予中小企业合同金额占比", True)]


def test_parts_link_to_their_whole() -> None:
    body = ("全市授予中小企业合同金额2810.9亿元，占比77.5%，其中授予小微企业合同金额1675.2亿元。\n"
            "全市采购规模100亿元。货物类采购规模60.2亿元，工程类采购规模39.8亿元。")
    figs = extract_figures(body)
    by = {f.surface: f for f in figs}
    assert figs[by["1675.2亿元"].parent].surface == "2810.9亿元"  # after 其中
    assert figs[by["60.2亿元"].parent].surface == figs[by["39.8亿元"].parent].surface == "100亿元"  # adds up
    assert by["77.5%"].parent is None and by["100亿元"].parent is None


def test_scope_words_stay_in_the_metric_for_the_rest_of_the_sentence() -> None:
    figs = extract_figures("其中，市本级完成采购预算9.62亿元，实际采购8.98亿元，节约资金0.64亿元。")
    assert [f.metric for f in figs] == ["市本级采购预算", "市本级实际采购", "市本级节约资金"]


# --- subjects ---------------------------------------------------------------------------------


def test_counties_are_stored_with_their_prefecture() -> None:
    assert one("河池市东兰县采购农副产品120万元。").subject == "河池市东兰县"
    assert one("采购100万元。", title="东兰县消费帮扶成效明显").subject == "河池市东兰县"


def test_the_articles_place_from_byline_source_line_or_site() -> None:
    assert one("全市采购100万元。", publisher="宜昌日报").subject == "宜昌市"
    assert one("全市采购100万元。", url="http://czj.yichang.gov.cn/a/1.html").subject == "宜昌市"
    assert one("本市采购100万元。", author="记者 张三").subject is None  # no place said: null, not a guess


def test_the_country_only_when_the_text_is_national() -> None:
    assert one("2023年全国政府采购规模为33929.6亿元。").subject == "全国"
    assert one("财政部公布，政府采购规模33929.6亿元。").subject == "全国"
    assert one("湖南省采购额居全国前列，达12.6亿元。").subject == "湖南省"
    assert one("人民网拉萨1月25日电 记者从西藏自治区财政厅获悉，全区政府采购规模达187.6亿元。").subject == "西藏自治区"


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, kind, base_value, base_unit, approx, range_to",
    [
        ("供应商6.3万家。", "6.3万家", "count", 63000, "家", None, None),
        ("带动上万人就业。", "上万人", "count", 10000, "人", "超", None),
        ("近万件商品。", "近万件", "count", 10000, "件", "近", None),
        ("上架萬餘種商品。", "萬餘種", "count", 10000, "种", "余", None),
        ("户均增收七八百元。", "七八百元", "money", 700, "元", None, 800),
        ("合同金额3600万。", "3600万", "money", 36000000, "元", None, None),
        ("超4万家企业。", "4万家", "count", 40000, "家", "超", None),
        ("治理48.5万亩。", "48.5万亩", "area", 485000, "亩", None, None),
        ("提高2.5個百分點。", "2.5個百分點", "points", 2.5, "个百分点", None, None),
        ("决标金额1兆2,487亿元。", "1兆2,487亿元", "money", 1248700000000, "元", None, None),
    ],
)
def test_base_values_for_every_kind(text: str, surface: str, kind: str, base_value: float, base_unit: str,
                                    approx: str | None, range_to: float | None) -> None:
    f = one(text)
    assert (f.surface, f.kind, f.base_value, f.base_unit, f.approx, f.range_to) == (
        surface, kind, base_value, base_unit, approx, range_to)


def test_taiwan_years_and_hong_kong_fiscal_years() -> None:
    tw = one("112年度决标金额新台币9,846亿元。", url="https://www.pcc.gov.tw/News.aspx")
    assert (tw.period, tw.subject, tw.value_yuan) == ("2023", "台湾省", None)
    assert one("2022/23年度批出合约总值105.3亿元。").period == "2022-04..2023-03"


def test_reading_figures_leaves_jiebas_default_dictionary_alone() -> None:
    """The figure reader's own words (带量采购, 政府采购规模) are added to a tokenizer of its own:
    other code cutting with jieba's default dictionary must cut as before."""
    import rjieba

    before = rjieba.cut("带量采购的政府采购规模", hmm=False)
    figures = extract_figures("药品集中带量采购节约资金120亿元，政府采购规模3.6万亿元。")
    assert [f.surface for f in figures] == ["120亿元", "3.6万亿元"]
    assert rjieba.cut("带量采购的政府采购规模", hmm=False) == before
    assert "带量采购" not in before


@pytest.mark.parametrize("text, metric", [
    ("全市政府采购规模68.42亿元，其中市本级19.6亿元，各县（市、区）48.82亿元。", "县（市、区）政府采购规模"),
    ("全区政府采购规模262.41亿元。其中，自治区本级98.27亿元，地（市）及县（区）164.14亿元。", "地（市）及县（区）政府采购规模"),
    ("采购规模46.82亿元\n市本级：18.37亿元\n县（市）区：28.45亿元\n", "县（市）区采购规模"),
])
def test_a_scope_replaces_the_scope_of_the_measure_it_continues(text: str, metric: str) -> None:
    """The second of two scopes takes the first's measure, not its scope: 市本级X，各县（市、区）Y."""
    assert extract_figures(text)[-1].metric == metric


def test_rates_of_a_budget_and_shares_of_completed_classes() -> None:
    figs = extract_figures("全区一般公共预算收入完成289.6亿元，为调整预算的101.2%。履约保证金为合同金额的2%。"
                           "按采购性质区分，工程类决标金额8672亿元、财物类3915亿元、劳务类2731亿元，分别占56.6%、25.6%及17.8%。")
    metrics = {f.surface: f.metric for f in figs}
    assert metrics["101.2%"] == "一般公共预算收入预算完成率"
    assert metrics["2%"] == "履约保证金比例"
    assert (metrics["2731亿元"], metrics["17.8%"]) == ("劳务类决标金额", "劳务类决标金额占比")


def test_a_page_of_several_stories_gives_each_its_own_place() -> None:
    body = ("黑龙江日报 2019年06月13日 第06版：经济周刊\n"
            "本报讯（记者 刘畅）记者从哈尔滨市财政局了解到，1—5月，全市政府采购规模达28.64亿元。\n"
            "■简讯\n牡丹江市政府采购电子卖场上线运行\n"
            "本报讯 5月1日，牡丹江市政府采购电子卖场正式上线运行。首月成交金额826万元。")
    figs = extract_figures(body, published_at="2019-06-13T00:00:00+08:00", publisher="黑龙江日报")
    assert [(f.surface, f.subject) for f in figs] == [("28.64亿元", "哈尔滨市"), ("826万元", "牡丹江市")]


def test_a_dateline_is_not_the_articles_place() -> None:
    body = "新华社北京1月9日电 记者从财政部获悉，2023年，832平台交易额达197.5亿元。云南省销售额15.63亿元，居全国首位。"
    figs = extract_figures(body, published_at="2024-01-10T14:22:00+08:00")
    assert [f.subject for f in figs] == ["全国", "云南省"]


def test_periods_of_a_paragraph_that_reports_no_figures_do_not_carry_on() -> None:
    body = ("2022年，河南省政府采购规模为2637.41亿元，比上年增加112.86亿元。\n"
            "今年以来，河南省财政厅持续深化政府采购制度改革，全面推行采购意向公开、电子化采购和不见面开标，政府采购营商环境持续优化。\n"
            "政策功能方面，全省授予中小企业合同金额2096.37亿元。")
    figs = extract_figures(body, published_at="2023-03-14T08:30:00+08:00")
    assert figs[-1].period == "2022"
    year_to_date = extract_figures("截至7月末，该行今年累计发放贷款10.38亿元。", published_at="2022-08-18T15:26:00+08:00")
    assert year_to_date[0].period == "2022-01..2022-07"


def test_breakdowns_by_kind_add_up_to_the_nearest_total() -> None:
    body = ("全年全县政府采购预算3.62亿元，实际采购3.41亿元，节约资金2100万元。\n"
            "分采购方式看，公开招标1.86亿元，竞争性磋商0.97亿元，询价0.12亿元，单一来源0.08亿元，网上商城直购0.38亿元。\n"
            "全县授予中小企业合同金额3.05亿元。")
    figs = extract_figures(body)
    total = next(i for i, f in enumerate(figs) if f.surface == "3.41亿元")
    assert [f.surface for f in figs if f.parent == total] == ["1.86亿元", "0.97亿元", "0.12亿元", "0.08亿元", "0.38亿元"]
    assert [f.metric for f in figs if f.parent == total][2:4] == ["询价", "单一来源采购"]
    assert all(f.parent is None for f in figs if f.surface in ("2100万元", "3.05亿元"))
    levels = extract_figures("1—6月，全市实际采购金额55.17亿元。\n分级次看，市本级完成政府采购金额17.84亿元；县市区完成37.33亿元。")
    assert [f.parent for f in levels] == [None, 0, 0]


@pytest.mark.parametrize("text, surface, metric", [
    ("授予中小企业合同金额8.16亿元，其中小微企业6.93亿元。", "6.93亿元", "小微企业合同金额"),  # 其中 + 小微企业
    ("广东政府采购规模逾2300亿元 中小企业获七成以上合同", "七成", "授予中小企业合同金额占比"),
    ("成交金额826万元，较市场均价平均节约9.3%。", "9.3%", "平均节约率"),
    ("各级预算单位按照不低于10%的比例预留食堂食材采购份额。", "10%", "预留比例"),
    ("通过832平台采购41.2万元，仅完成预留份额106.7万元的38.6%。", "38.6%", "预留份额完成率"),
    ("市本级政府采购规模21.45亿元，县（市）区政府采购规模31.18亿元。", "31.18亿元", "县（市）区政府采购规模"),
    # a bare measure's qualifier before the period between them; a verb of doing; a development zone acting
    ("全省政府采购电子卖场上半年成交额18.7亿元。", "18.7亿元", "电子卖场成交额"),  # (政府采购 before a channel goes)
    ("111年度各機關辦理採購決標總金額為新臺幣1兆8,256億元。", "1兆8,256億元", "采购决标总金额"),
    ("2023年，东湖高新区政府采购规模达42.7亿元。", "42.7亿元", "政府采购规模"),
    # a bare measure of buying or selling: of the channel its sentence goes through, opens with or named before
    ("县级预算单位通过贵州省政府采购网上商城（电子卖场）完成采购1863笔，成交金额2176.5万元。", "2176.5万元", "网上商城成交金额"),
    ("网上商城入驻供应商达2400余家，全年成交额4.15亿元。", "4.15亿元", "网上商城成交额"),
    ("各地通过“832平台”采购农副产品。其中，花垣县今年在平台销售额达1.36亿元。", "1.36亿元", "832平台销售额"),
    # contracts won by a class of supplier, however the sentence orders it
    ("上半年，全市中小企业获得政府采购合同151.3亿元，占比82.4%。", "151.3亿元", "授予中小企业合同金额"),
    ("2022年，青海省政府采购合同授予中小企业金额98.76亿元，占全省政府采购规模的82.3%。", "82.3%", "授予中小企业合同金额占比"),
    ("在支持本地中小企業方面，本地中小企業取得的合同金額約38.5億元。", "38.5億元", "本地中小企业合同金额"),
    # items of the measure named before 为: each item's own
    ("目前我省分散采购限额标准为货物和服务项目100万元、工程项目120万元。", "120万元", "工程项目分散采购限额标准"),
    ("目前我省分散采购限额标准为货物和服务项目100万元、工程项目120万元。", "100万元", "货物和服务项目分散采购限额标准"),
    ("工程類決標金額為新臺幣1兆零16億元，財物類4,126億元。", "4,126億元", "财物类决标金额"),
    ("全国政府采购规模2022年为34993.1亿元。", "34993.1亿元", "政府采购规模"),  # the period after the measure
    ("授予中小企业合同金额方面，去年全省为412.5亿元。", "412.5亿元", "授予中小企业合同金额"),  # X方面，…为
    # who speaks, a superlative, a plan's quoted name and a town are not what was measured
    ("会议指出，全省公共资源交易平台共完成交易项目6.83万个，交易额1.12万亿元。", "1.12万亿元", "交易额"),
    ("16个区中，滨海新区政府采购规模最大，达96.8亿元。", "96.8亿元", "政府采购规模"),
    ("“十三五”期间累计为1468家中小企业发放贷款27.4亿元。", "27.4亿元", "发放贷款"),
    ("盛湾镇完成率为56.4%。", "56.4%", "完成率"),
    ("过去十年的政府采购规模，形状并不复杂：2015年还只有21070.5亿元。", "21070.5亿元", "政府采购规模"),  # a quality
    # the amount of the items a count just counted is theirs (not of a count of what was done)
    ("上半年，全州本地供应商中标（成交）项目1126个，合同金额17.9亿元。", "17.9亿元", "本地供应商合同金额"),
    ("物品合約：742份，總值63.2億元。", "63.2億元", "物品合约总值"),
    ("全年共组织实施集中采购项目2187个，成交金额45.63亿元。", "45.63亿元", "成交金额"),
    ("🔹工程建设项目招标投标：97个，成交金额31.26亿元\n🔹国有产权交易：52宗，成交金额7800万元", "7800万元", "国有产权交易成交金额"),
    ("公司今年以来累计中标政府采购项目5个，中标金额合计9184.6万元。", "9184.6万元", "中标金额"),
    ("全市授予中小企业合同金额5.93亿元，其中授予小微企业4.12亿元。", "4.12亿元", "授予小微企业合同金额"),
    ("2022年授予本地企业合同金额97.6亿元，占52.3%。", "97.6亿元", "授予本地企业合同金额"),
    ("全区地方一般公共预算收入预计232.5亿元；一般公共预算支出安排2236.8亿元。", "2236.8亿元", "一般公共预算支出"),
    ("2024年，集中采购率力争达到90%以上。", "90%", "集中采购率"),
    # the means, the places counted and a section's name are not what was measured
    ("通过集中采购、竞价比价等方式节约资金47.6亿元。", "47.6亿元", "节约资金"),
    ("五省区政府采购规模合计2217.6亿元。", "2217.6亿元", "政府采购规模"),
    ("一、总体情况\n全区各预算单位共公开采购意向3126条，涉及采购预算金额48.63亿元。", "48.63亿元", "采购预算金额"),
    ("其中，省本级政府采购规模137.9亿元，哈尔滨市226.4亿元。", "226.4亿元", "政府采购规模"),
    ("全年节约资金3.28亿元，综合降本率3.64%。", "3.64%", "综合降本率"),  # 率 joins the word before it
    ("将面向中小企业预留份额由30%提高至40%。", "40%", "面向中小企业预留份额比例"),  # a share as a rate
    ("全年集中采购化肥、农药、种子、农机配件等物资金额86.8亿元。", "86.8亿元", "集中采购物资金额"),  # examples of 物资
    ("对小微企业报价给予的价格扣除比例由6%—10%提高至10%—20%。", "10%—20%", "价格扣除比例"),
])
def test_metrics_read_from_the_shape_of_the_clause(text: str, surface: str, metric: str) -> None:
    assert next(f for f in extract_figures(text) if f.surface.startswith(surface)).metric == metric


def test_places_listed_after_a_level_are_its_parts_and_measure_what_it_measures() -> None:
    body = ("1—6月，全市实际采购金额25.14亿元。其中，市本级完成采购金额9.62亿元；各县（市、区）完成采购金额15.52亿元，"
            "其中雷州市、廉江市分别完成2.87亿元和2.55亿元。")
    figs = extract_figures(body, published_at="2024-07-20")
    by = {f.surface: i for i, f in enumerate(figs)}
    assert [(figs[by[s]].metric, figs[by[s]].subject, figs[by[s]].parent) for s in ("2.87亿元", "2.55亿元")] == [
        ("采购金额", "湛江市雷州市", by["15.52亿元"]), ("采购金额", "湛江市廉江市", by["15.52亿元"])]
    assert figs[by["15.52亿元"]].parent == by["25.14亿元"]


def test_a_cumulative_total_without_its_own_period_runs_since_whenever_it_began() -> None:
    body = ("今年1—4月，全省新增“政采贷”放款18.9亿元。\n从机构看，江西银行累计放款28.4亿元。\n"
            "今年以来，中心推广电子保函，累计为市场主体降低交易成本1.2亿元。")
    periods = {f.surface: f.period for f in extract_figures(body, published_at="2024-05-10")}
    assert periods == {"18.9亿元": "2024-01..2024-04", "28.4亿元": "..2024-04", "1.2亿元": "2024-01..2024-04"}


def test_a_rate_of_change_after_a_change_is_of_what_changed_against_the_base_said() -> None:
    figs = extract_figures("2023年，与上年相比，全省政府采购规模增加了236亿元，增幅为8.3%。", "湖北省政府采购综述")
    assert [(f.metric, f.change, f.base_period) for f in figs] == [("政府采购规模", True, "2022")] * 2


def test_a_growth_rate_against_the_same_period_and_the_base_level_given_after_it() -> None:
    figs = extract_figures("一季度，全旗政采规模同比增幅达12.5%，上年同期为1.16亿元。", published_at="2023-07-12")
    assert [(f.metric, f.period, f.change, f.base_period) for f in figs] == [
        ("政采规模", "2023-Q1", True, "2022-Q1"), ("政采规模", "2022-Q1", False, None)]


def test_a_heading_names_the_channel_of_the_bare_measures_under_it_and_stops_carried_metrics() -> None:
    body = ("二、电子卖场运行情况\n全年电子卖场成交订单5.2万笔，成交金额4.6亿元。\n三、政采贷\n"
            "全市共有12家银行开展政采贷业务，全年放款3.1亿元。")
    metrics = {f.surface: f.metric for f in extract_figures(body, "2023年绵阳市政府采购统计分析")}
    assert metrics["3.1亿元"] == "政采贷放款" and metrics["12家"] != "电子卖场成交订单"


def test_changes_listed_after_the_figures_they_change() -> None:
    body = "2025年上半年，货物类78.19亿元、工程类103.56亿元、服务类104.62亿元，分别同比增长2.4%、下降6.8%和增长15.7%。"
    figs = extract_figures(body, "苏州", published_at="2025-07-18")
    assert [(f.metric, f.change, f.base_period) for f in figs[3:]] == [
        ("货物类", True, "2024-H1"), ("工程类", True, "2024-H1"), ("服务类", True, "2024-H1")]


def test_numbered_places_measure_the_total_they_break_down() -> None:
    body = "2022年全市政府采购合同金额61.02亿元。按区域分：\n1. 市直14.58亿元；\n2. 孝南区8.22亿元；\n3. 汉川市10.46亿元。"
    figs = extract_figures(body, "孝感市政府采购", published_at="2023-02-01")
    assert [f.metric for f in figs[2:]] == ["政府采购合同金额", "政府采购合同金额"]


def test_places_counted_and_listed_measure_what_the_figure_before_did() -> None:
    figs = extract_figures("石家庄市政府采购规模259.3亿元。邯郸、沧州两市分别为128.6亿元和103.8亿元。", "河北")
    assert [f.metric for f in figs] == ["政府采购规模"] * 3


def test_a_rate_after_an_absolute_change_and_places_added_up_measure_what_came_before() -> None:
    figs = extract_figures("政府采购规模较2023年增加0.86亿元，增长10.3%。", published_at="2025-01-10")
    assert [f.metric for f in figs] == ["政府采购规模"] * 2
    body = "2022年，全区政府采购规模307.2亿元。其中，银川市198.92亿元；石嘴山、吴忠、固原、中卫四市合计108.36亿元。"
    assert extract_figures(body, "宁夏2022年政府采购")[-1].metric == "政府采购规模"


def test_a_breakdown_in_new_taiwan_dollars_adds_up_to_its_total() -> None:
    body = "決標金額新臺幣1兆9,682億元。依採購性質區分，工程類決標金額1兆1,204億元；財物類4,388億元；勞務類4,090億元。"
    assert [f.parent for f in extract_figures(body, published_at="2024-03-15")] == [None, 0, 0, 0]


def test_a_second_list_of_a_sentence_pairs_with_the_items_of_the_first() -> None:
    body = ("今年1—9月，全州政府采购实际采购金额30.8亿元。按组织形式分，政府集中采购、部门集中采购、分散采购金额分别为"
            "18.2亿元、4.1亿元、8.5亿元，同比分别增长12.1%、-3.2%和6.7%。")
    figs = extract_figures(body, "恩施州前三季度政府采购", published_at="2023-10-20")
    assert figs[0].metric == "实际采购金额"
    assert [(f.value, f.metric, f.change, f.base_period) for f in figs[4:]] == [
        (12.1, "政府集中采购金额", True, "2022-01..2022-09"), (-3.2, "部门集中采购金额", True, "2022-01..2022-09"),
        (6.7, "分散采购金额", True, "2022-01..2022-09")]


def test_a_place_named_in_the_sentence_is_what_its_whole_province_means_and_a_denominator_acts_not() -> None:
    body = ("陕西省上半年政府采购规模达486.3亿元。其中，西安市完成213.7亿元，占全省的43.9%。\n"
            "山西省方面，1—6月全省政府采购规模312.8亿元。")
    subjects = [f.subject for f in extract_figures(body, "陕晋两省上半年政府采购稳中有进", published_at="2024-07-25")]
    assert subjects == ["陕西省", "西安市", "西安市", "山西省"]


def test_a_text_that_speaks_for_the_country_before_any_place_is_national() -> None:
    body = ("2024年，脱贫地区农副产品网络销售平台全年交易额193.6亿元。\n全国各级预算单位全年在平台采购176.3亿元。\n"
            "云南省销售额21.7亿元，连续四年居首。")
    figs = extract_figures(body, "2024年“832平台”交易额达193.6亿元", published_at="2025-01-17")
    assert [f.subject for f in figs if f.kind == "money"] == ["全国", "全国", "全国", "云南省"]


def test_a_verb_after_a_bodys_name_is_no_place() -> None:
    figs = extract_figures("市财政局会同市金融办推广“政采贷”，全年放款3.2亿元。", "潍坊市政府采购工作综述")
    assert figs[0].subject == "潍坊市"


def test_streets_and_warehouses_are_not_places_and_taiwan_wide_is_taiwan() -> None:
    street = extract_figures("上海市徐汇区湖南路街道2022年政府采购金额1476.38万元。", "湖南路街道2022年度政府采购情况")
    assert street[0].subject == "上海市徐汇区"
    store = extract_figures("物流署管理其中央倉庫的存貨，總值3.2億元。", url="https://www.aud.gov.hk/pdf_c/c71ch05sum.pdf")
    assert store[0].subject == "香港特别行政区"
    taitung = extract_figures("臺東縣110年決標金額95億元，全國決標金額136億元。", "臺東縣政府採購")
    assert [f.subject for f in taitung] == ["台东县", "台湾省"]


def test_a_look_back_at_an_earlier_year_does_not_carry_to_the_paragraphs_after() -> None:
    body = ("一季度，全县合同金额2.21亿元，合同金额比去年同期增长12.4%，去年全年为8.74亿元。\n"
            "其中，县直单位合同金额1.58亿元。\n"
            "去年，网上商城成交金额18.9亿元，而2015年商城刚上线时全年成交额还不到5亿元。\n全年授予中小企业合同金额8.4亿元。")
    periods = {f.surface: f.period for f in extract_figures(body, published_at="2026-04-10")}
    assert periods["1.58亿元"] == "2026-Q1" and periods["8.74亿元"] == "2025" and periods["8.4亿元"] == "2025"


@pytest.mark.parametrize("title", ["柳州市财政局政府采购投诉处理决定书（柳财采投〔2021〕9号）", "南宁海关2022年政府采购工作综述",
                                   "武警天津市总队某支队2021年度主副食品定点采购项目公开招标公告"])
def test_a_cases_documents_and_a_vertical_organs_figures_have_no_place(title: str) -> None:
    figs = extract_figures("本项目预算金额286万元，中标金额271.5万元。", title, published_at="2022-03-01")
    assert [f.subject for f in figs] == [None, None]


def test_a_place_left_out_and_a_leads_listed_places_are_not_whose() -> None:
    gd = extract_figures("2019年，全省（不含深圳市，下同）政府采购规模3274.56亿元。", "2019年广东省政府采购信息统计分析")
    assert gd[0].subject == "广东省"
    body = "2025年上半年，全市政府采购规模286.37亿元。分地区看，昆山市41.26亿元、苏州工业园区32.08亿元。"
    sz = extract_figures(body, "2025年上半年苏州市政府采购情况通报", published_at="2025-07-18")
    assert [f.subject for f in sz[:2]] == ["苏州市", "苏州市昆山市"]


def test_a_traditional_publishers_place_is_read_in_simplified_characters() -> None:
    figs = extract_figures("特區政府各部門批給的合同總額約186.3億元。", "去年公共採購逾186億元", publisher="澳門日報")
    assert figs[-1].subject == "澳门特别行政区"


def test_a_central_bank_branch_reports_its_provinces_lending() -> None:
    figs = extract_figures("2024年，全省新发放“政采贷”96.42亿元。", "2024年吉林省“政采贷”业务运行情况",
                           publisher="中国人民银行吉林省分行 调查统计处")
    assert figs[0].subject == "吉林省"


def test_a_hong_kong_departments_central_purchasing_is_not_national() -> None:
    body = "物流服務署是政府的中央採購部門。在2021-22年度，物流署共批出1 186份合約，總值約108.7億元。"
    figs = extract_figures(body, "政府物流服務署2021-22年度年報", url="https://www.gld.gov.hk/ar2021-22_tc.pdf")
    assert figs[-1].subject == "香港特别行政区"


def test_a_gap_in_points_from_another_place_is_a_change_without_a_base_and_a_bound_is_not() -> None:
    figs = extract_figures("陕西工程类采购占比达54.8%，高出全国平均水平11个百分点。预付款比例不低于30%。", "陕西2019年政府采购")
    assert [(f.surface, f.change, f.base_period) for f in figs] == [
        ("54.8%", False, None), ("11个百分点", True, None), ("30%", False, None)] and figs[1].period == "2019"


def test_a_storys_month_dates_its_figures_by_year_and_a_months_statistics_by_month() -> None:
    story = extract_figures("2017年7月，某医院公开招标采购直线加速器，中标金额2680万元。", published_at="2018-01-05")
    month = extract_figures("2023年10月，全市政府采购交易金额28.47亿元。", published_at="2023-11-06")
    assert (story[0].period, month[0].period) == ("2017", "2023-10")


def test_a_span_of_plan_years_listed_after_a_plans_name() -> None:
    body = "“十三五”期间，全省政府采购规模累计3862.4亿元，2016年至2020年分别为672.3亿元、718.5亿元、776.9亿元、812.6亿元和882.1亿元。"
    assert [f.period for f in extract_figures(body, published_at="2021-01-26")] == [
        "2016..2020", "2016", "2017", "2018", "2019", "2020"]


def test_a_span_from_one_day_to_another_covers_its_months() -> None:
    body = "自1月24日启动重大突发公共卫生事件一级响应至6月30日，市卫生健康委共签订合同173份，合同金额共计2.37亿元。"
    assert extract_figures(body, published_at="2020-07-21")[-1].period == "2020-H1"


def test_parts_after_qizhong_belong_to_the_total_they_add_up_to() -> None:
    body = "全年完成采购项目412个，采购预算4.86亿元，成交金额4.52亿元。其中，货物类3.17亿元，服务类1.35亿元。"
    figs = extract_figures(body, published_at="2022-01-10")
    by = {f.surface: i for i, f in enumerate(figs)}
    assert figs[by["3.17亿元"]].parent == figs[by["1.35亿元"]].parent == by["4.52亿元"]


def test_a_scopes_share_after_qizhong_is_of_the_total_it_adds_up_to() -> None:
    body = "2019年，全区政府采购规模146.32亿元，同比增长8.7%，节约资金7.96亿元。其中，自治区本级52.18亿元，七地（市）94.14亿元。"
    figs = extract_figures(body, "西藏", published_at="2020-02-01")
    assert (figs[3].metric, figs[3].parent, figs[4].parent) == ("自治区本级政府采购规模", 0, 0)


def test_amounts_of_other_years_are_no_parts_of_a_total() -> None:
    body = "2020年达到36970.6亿元的峰值，随后连续三年回落，2021年至2023年分别为36399.0亿元、34993.1亿元和33929.6亿元。"
    assert all(f.parent is None for f in extract_figures(body, published_at="2024-05-01"))


def test_periods_of_a_quarters_report_a_total_to_a_day_and_a_year_from_which() -> None:
    ningxia = ("前三季度，全区政府采购规模146.83亿元。其中，三季度52.16亿元。\n分级次看，自治区本级38.92亿元。")
    periods = {f.surface: f.period for f in extract_figures(ningxia, published_at="2025-10-24")}
    assert periods["52.16亿元"] == "2025-Q3" and periods["38.92亿元"] == "2025-01..2025-09"
    day = extract_figures("截至10月31日，我州入驻平台的供应商达186家，上架商品2340款，平台累计销售额10.27亿元。",
                          published_at="2022-11-08")
    assert day[-1].period == "..2022-10"
    since = extract_figures("2024年起，集团对分院实行统一采购。全年集团集中采购医用耗材1.26亿元。", published_at="2025-04-22")
    assert since[-1].period == "2024"


def test_bases_of_a_comparison_and_the_last_years_of_a_total() -> None:
    body = ("2019年全市政府采购规模103.47亿元，比2018年的88.16亿元、2017年的74.5亿元分别增长17.4%和38.9%。\n"
            "全年公开招标采购71.02亿元。\n近三年全市政府采购累计节约财政资金18.9亿元。")
    periods = {f.surface: f.period for f in extract_figures(body, published_at="2020-02-14")}
    assert periods["71.02亿元"] == "2019" and periods["18.9亿元"] == "2017..2019"


def test_the_next_year_counts_on_from_the_year_named() -> None:
    figs = extract_figures("2015年还只有21070.5亿元，次年一跃升至31089.8亿元。", published_at="2024-05-01")
    assert [f.period for f in figs] == ["2015", "2016"]


def test_examples_whose_list_opens_the_phrase_are_left_out_without_error() -> None:
    from extractors.figures.metrics import phrase
    text = "、口罩、消毒液等防控物资采购金额"
    assert phrase(text, 0, len(text)) == "防控物资采购金额"


def test_a_figure_reader_error_loses_the_figures_not_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractors
    def broken(*args: object, **kwargs: object) -> list:
        raise StopIteration
    monkeypatch.setattr(extractors, "extract_figures", broken)
    art = extractors.extract("---\ntitle: 标题\n---\n\n全市政府采购规模1亿元。\n".encode(), path="a.md")
    assert art.body and art.figures == [] and any("figures not read: StopIteration" in w for w in art.warnings)


def test_a_chinese_amount_with_both_yi_and_wan_is_read_whole() -> None:
    fig = extract_figures("全县政府采购规模是五亿八千六百万元。")[0]
    assert (fig.value, fig.unit, fig.value_yuan) == (5.86, "亿元", 586_000_000)


def test_wrongdoing_and_its_redress_keep_their_words_in_order_trade_names_the_goods_first() -> None:
    metrics = [extract_figures(t, title="保定市纪委通报")[0].metric
               for t in ("挽回经济损失1280万元。", "通过832平台采购农副产品3亿元。")]
    assert metrics == ["挽回经济损失", "农副产品采购"]


def test_words_are_cut_after_the_place_before_them() -> None:
    assert extract_figures("前三季度我市政采规模41.6亿元。", title="衡阳市政府采购")[0].metric == "政采规模"


def test_an_amount_a_finding_involves_is_named_by_the_finding() -> None:
    body = ("审计抽查市本级政府采购项目126个，金额18.47亿元。发现以下问题：一是12个项目未按规定公开采购意向，涉及金额2.36亿元；"
            "二是3个单位化整为零规避公开招标，涉及资金1860.5万元；三是部分单位履约验收不规范涉及金额612.8万元。")
    figs = [f for f in extract_figures(body, title="绍兴市审计局审计结果公告") if f.kind == "money"]
    assert [f.metric for f in figs[1:]] == ["未按规定公开采购意向涉及金额", "化整为零规避公开招标涉及资金", "履约验收不规范涉及金额"]


def test_a_company_that_heads_its_own_report_has_its_own_figures_not_the_countrys() -> None:
    body = ("2022年，集团公司深入落实国资委关于提升中央企业采购与供应链管理水平的部署，全年集中采购工作取得新成效。\n"
            "一、总体情况\n全年集团及各省分公司实施集中采购项目2164个，集中采购金额1128.4亿元。")
    own = extract_figures(body, title="华通电信2022年集中采购工作总结：集采金额1128亿元",
                          publisher="华通电信集团有限公司采购与供应链管理部")
    assert [f.subject for f in own if f.kind == "money"] == [None, None]
    market = extract_figures("10月，全国政府采购项目成交金额2.57万亿元。", title="2023年10月全国政府采购市场月报",
                             publisher="采招数据研究院")
    assert market[0].subject == "全国"  # (a research institute reports the country's figures)


def test_a_departments_own_accounts_have_no_place() -> None:
    body = "2020年度青海省教育厅（行政单位）机关运行经费支出523.6万元，比上年减少41.2万元。"
    figs = extract_figures(body, "青海省教育厅2020年度部门决算（节选）", published_at="2021-08-20")
    assert [f.subject for f in figs] == [None, None]
    city = extract_figures("2020年，宜昌市财政局完成政府采购523.6万元。", "宜昌市政府采购")
    assert city[0].subject == "宜昌市"
    national = extract_figures("2021年度政府采购支出总额1522.7万元。", "国家档案局2021年度部门决算（节选）")
    assert national[0].subject is None  # a national body's own accounts: not 全国
    cdc = extract_figures("全年完成采购项目预算2.63亿元，节约资金0.12亿元。", "甘肃省疾病预防控制中心2022年度采购工作报告")
    assert [f.subject for f in cdc] == [None, None]  # an institution's own procurement: not 甘肃省


def test_a_bare_share_of_a_place_is_of_the_share_its_paragraph_gave() -> None:
    body = "五省区授予中小企业合同金额占比均超过70%。其中，宁夏占比最高，达84.6%；陕西为76.2%。"
    figs = extract_figures(body, "西北五省区政府采购", published_at="2019-05-01")
    assert [f.metric for f in figs[1:]] == ["授予中小企业合同金额占比"] * 2


def test_a_span_of_years_listed_gives_a_year_each_and_a_month_report_goes_on_with_its_month() -> None:
    years = extract_figures("2016—2018年，全市实际采购金额分别为68.35亿元、79.62亿元、91.27亿元。")
    assert [f.period for f in years] == ["2016", "2017", "2018"]
    body = ("10月份，全市交易金额28.47亿元。1—10月，累计交易金额263.15亿元。\n"
            "（一）工程建设项目：市本级6.84亿元。\n2023年，全市规模68.42亿元。今年1—6月，授予中小企业合同金额31.06亿元。\n"
            "其中授予小微企业合同金额18.6亿元。")
    # (10月份 in a text of July 2024 is October 2023, as its title says)
    periods = {f.surface: f.period for f in extract_figures(body, "六盘水市2023年10月交易情况", published_at="2024-07-10")}
    assert periods["6.84亿元"] == "2023-10" and periods["18.6亿元"] == "2024-H1"


def test_this_year_so_far_runs_to_the_month_the_text_counted_to() -> None:
    body = ("1—5月，哈市政府采购规模达28.64亿元。\n"
            "今年以来，全市服务类采购同比增长34.6%。\n"
            "截至11月底，平台上线以来累计销售额突破30亿元。")
    figs = extract_figures(body, published_at="2019-12-13T00:00:00+08:00")  # (in June, 11月底 is last year's)
    assert [f.period for f in figs] == ["2019-01..2019-05", "2019-01..2019-05", "..2019-11"]


def test_a_count_measures_the_noun_after_its_measure_word() -> None:
    figs = extract(SEED_000.read_bytes(), path=str(SEED_000)).figures
    assert {f.surface: f.metric for f in figs if f.kind == "count"} == {
        "57家": "832平台供应商", "500多款": "农副产品", "30多款": "柳州特色农副产品"}
    assert extract_figures("全年共有17家单位存在应编未编情况，涉及金额1380万元。")[0].metric != "单位"


def test_every_linking_word_is_taken_off_a_phrase_despite_the_skip_lookahead() -> None:
    from extractors.figures.metrics import LINK_TAIL

    alternation = LINK_TAIL.pattern[LINK_TAIL.pattern.index("]") + 1 :]  # after the (?=[…]) of first characters
    words = re.findall(r"(?:\(\?<[=!]\[[^\]]*\]\))?([\u4e00-\u9fff]+)", alternation)
    assert len(words) > 80
    assert [w for w in words if (m := LINK_TAIL.search("额" + w)) is None or m.start() != 1] == []


def test_places_ranked_in_the_clause_before_pair_with_a_list_and_a_rank_is_no_count() -> None:
    figs = extract_figures("2022年，全省政府采购规模640.2亿元。郑州市居全省首位，为150.3亿元；洛阳市、南阳市分列二、三位，"
                           "分别为61.7亿元、55.2亿元。", title="2022年全省政府采购情况", publisher="河南省财政厅")
    assert [(f.surface, f.subject) for f in figs][-2:] == [("61.7亿元", "洛阳市"), ("55.2亿元", "南阳市")]
    assert not by_surface(figs, "三位")
    figs = extract_figures("全市政府采购规模20.5亿元，其中雁塔区、碑林区位列前二，采购规模分别为3.4亿元、2.9亿元。",
                           publisher="西安市财政局")
    assert [(f.subject, f.metric) for f in figs[1:]] == [("西安市雁塔区", "采购规模"), ("西安市碑林区", "采购规模")]
    assert extract_figures("前三位专家共评审项目6个")[0].surface == "6个"  # (前三位: still a rank)


def test_another_name_in_brackets_and_a_listed_place_with_its_own_figure_are_not_whose() -> None:
    figs = extract_figures("2023年，萧山区（杭州空港经济区）政府采购合同金额21.5亿元。", publisher="杭州市萧山区人民政府")
    assert figs[0].subject == "杭州市萧山区"
    figs = extract_figures("分地区看，上虞区4.1亿元、诸暨市3.6亿元，市本级5.2亿元。", publisher="绍兴市财政局")
    assert [f.subject for f in figs] == ["绍兴市上虞区", "绍兴市诸暨市", "绍兴市"]


def test_a_paper_or_station_reports_on_its_place_but_a_universitys_news_site_on_itself() -> None:
    text = "上半年，授予中小企业合同金额12.4亿元。"  # (no place of its own: the article's)
    assert one(text, title="柳州政府采购提质增效", publisher="柳州广播电视台").subject == "柳州市"
    assert one("柳州市财政局日前公布：" + text, title="柳州日报 2024年7月3日 第2版").subject == "柳州市"
    assert one("学校全年采购金额1.2亿元。", publisher="桂林理工学院新闻网").subject is None


def test_places_that_each_pass_a_bound_keep_it_as_their_own_not_as_a_part() -> None:
    figs = extract_figures("各县市区实际采购36.2亿元。福山区、蓬莱市实际采购额均超过4亿元。", publisher="烟台市财政局")
    bound = by_surface(figs, "4亿元")[0]
    assert bound.subject in ("烟台市福山区", "烟台市蓬莱市") and bound.parent is None
    assert one("福山区、蓬莱区合计采购4.6亿元。", publisher="烟台市财政局").subject == "烟台市"  # (a sum: both places')


def test_a_yardstick_place_is_not_whose_unless_the_figure_is_its_own() -> None:
    figs = extract_figures("2021年，县本级授予中小企业合同金额占比71.6%，比全省平均低5.4个百分点；资金节约率2.9%，"
                           "低于全市平均水平4.6%。", publisher="泸州市古蔺县财政局")
    assert [(f.surface, f.subject) for f in figs] == [("71.6%", "泸州市古蔺县"), ("5.4个百分点", "泸州市古蔺县"),
                                                      ("2.9%", "泸州市古蔺县"), ("4.6%", "泸州市")]
    figs = extract_figures("德阳市在全省率先推行信用承诺制，全年为供应商减免保证金1.35亿元。", publisher="四川省财政厅")
    assert figs[0].subject == "德阳市"


def test_a_rule_in_a_review_of_an_earlier_year_has_no_period_and_one_of_this_year_the_years() -> None:
    text = "2022年，全县政府采购规模6.8亿元。单项金额达到100万元以上的一律公开招标。"
    assert by_surface(extract_figures(text, published_at="2023-02-01"), "100万元以上")[0].period is None
    assert by_surface(extract_figures(text, published_at="2022-12-20"), "100万元以上")[0].period == "2022"


def test_a_base_compared_with_is_not_the_period_and_the_whole_year_stays_whole() -> None:
    figs = extract_figures("2024年上半年，全省政府采购规模301.5亿元，同比下降2.1%，降幅比一季度收窄3.3个百分点。",
                           published_at="2024-07-20")
    assert by_surface(figs, "3.3个百分点")[0].period == "2024-H1"
    figs = extract_figures("电子卖场2023年4月上线，到年底入驻供应商8000家，全年成交金额12.6亿元。", published_at="2024-01-15")
    assert by_surface(figs, "12.6亿元")[0].period == "2023"


def test_a_text_without_a_date_is_of_the_year_after_the_one_it_compares_with_not_of_its_plans() -> None:
    figs = extract_figures("全市政府采购合同金额58.2亿元。\n与2019年相比合同金额下降9.7%。\n五、明年打算\n2021年 力争电子化率达到90%")
    assert [f.period for f in figs[:2]] == ["2020", "2020"]


def test_a_month_a_platform_went_live_a_year_ago_starts_the_span() -> None:
    figs = extract_figures("网上商城自去年5月上线一年来，累计成交金额4.27亿元。", published_at="2018-05-20")
    assert figs[0].period == "2017-05..2018-05"


def test_a_ratio_to_the_public_finances_names_them_and_a_share_of_its_own_total_does_not() -> None:
    figs = extract_figures("2019年，全省政府采购规模812.56亿元，占全省一般公共预算支出的16.4%。"
                           "货物类采购203.7亿元，占全省政府采购规模的25.1%。")
    assert [f.metric for f in figs if f.kind == "percent"] == ["政府采购规模占一般公共预算支出比重", "货物类采购占比"]
    figs = extract_figures("2018年政府采购规模占全国财政支出的10.5%，占GDP的4.0%。")
    assert [f.metric for f in figs] == ["政府采购规模占财政支出比重", "政府采购规模占GDP比重"]


def test_a_paragraphs_own_heading_names_what_its_bare_deals_are_of_but_a_forms_field_does_not() -> None:
    figs = extract_figures("（三）土地矿业权交易：成交宗数120宗，成交金额86.4亿元。\n（四）国有产权交易：成交项目95个，成交金额12.3亿元。")
    assert [f.metric for f in figs if f.kind == "money"] == ["土地矿业权交易成交金额", "国有产权交易成交金额"]
    assert "名称" not in (one("项目名称：成交金额120万元").metric or "")


def test_a_bare_measure_of_listed_places_is_the_one_their_paragraph_spoke_of() -> None:
    figs = extract_figures("全市政府采购规模86.4亿元，其中市本级27.2亿元。县市区中，华容县、平江县规模较大，分别为9.9亿元和9.0亿元。",
                           publisher="岳阳市财政局")
    assert [f.metric for f in figs[-2:]] == ["政府采购规模", "政府采购规模"]


def test_who_benefits_ends_with_a_body_even_when_the_measure_is_one_word() -> None:
    assert one("联合县农商银行开展业务，为中标企业发放贷款2860万元。").metric == "发放贷款"
    assert one("全年为企业节约交易成本1.3亿元。").metric == "节约交易成本"
    assert one("全年向省内民营企业和中小企业采购金额731.4亿元。").metric == "民营企业和中小企业采购金额"


def test_listed_changes_of_qualified_parts_take_the_measure_their_parts_take() -> None:
    figs = extract_figures("上半年，全省政府采购规模412.66亿元。其中货物类83.9亿元、工程类187.43亿元、服务类141.33亿元，"
                           "同比分别增长2.6%、下降12.7%和增长6.9%。")
    assert [f.metric for f in figs if f.change] == ["货物类采购规模", "工程类采购规模", "服务类采购规模"]


def test_the_measure_ranked_in_the_clause_before_is_the_figures() -> None:
    assert one("太原市采购规模居全省首位，为168.25亿元。").metric == "采购规模"


def test_places_after_qizhong_are_parts_of_their_groups_total_and_a_bound_is_no_total() -> None:
    figs = extract_figures("2023年，全市政府采购规模146.8亿元。\n分级次看，市本级41.35亿元，县（市、区）105.45亿元，"
                           "其中瑞金市、于都县采购规模居前两位，分别为12.07亿元、10.86亿元。", title="赣州市2023年政府采购情况")
    group = figs.index(by_surface(figs, "105.45亿元")[0])
    assert [f.parent for f in figs[-2:]] == [group, group]
    figs = extract_figures("寿光市、诸城市采购金额均超过8亿元，其中寿光市达11.26亿元。", publisher="潍坊市财政局")
    assert by_surface(figs, "11.26亿元")[0].parent is None


def test_places_listed_in_the_lead_are_not_the_articles_place() -> None:
    figs = extract_figures("本报讯 记者日前从辽宁省财政厅获悉，上半年，辽宁省政府采购规模486.7亿元。\n从层级看，省本级72.4亿元。14个市中，"
                           "沈阳市和大连市分别完成138.2亿元和106.5亿元。\n从采购结构看，货物类、工程类采购规模分别为162.3亿元、151.8亿元。",
                           title="辽宁：上半年政府采购规模同比增长6.2%", subtitle="沈阳、大连两市占全省“半壁江山”")
    assert [f.subject for f in figs[-2:]] == ["辽宁省", "辽宁省"]


def test_an_autonomous_county_by_its_short_name_and_leads_that_quote_or_address_are_no_place() -> None:
    assert one("景宁县去年在平台销售额达6870万元。", publisher="浙江日报").subject == "丽水市景宁畲族自治县"
    text = "“过去每个县各买各的，松桃县买5200元一台。”\n2024年，全市政府采购规模58.7亿元，其中县级采购规模39.4亿元。"
    figs = extract_figures(text, title="贵州铜仁：县级政府采购集中带量采购")
    assert [f.subject for f in figs[1:]] == ["铜仁市", "铜仁市"]
    figs = extract_figures("各县（市、区）财政局，井冈山经开区财政金融局：\n2024年，全市政府采购规模87.45亿元。",
                           title="吉安市财政局关于2024年度政府采购工作考核结果的通报")
    assert figs[0].subject == "吉安市"


def test_places_counted_together_are_their_enclosing_places() -> None:
    figs = extract_figures("石家庄市政府采购规模214.5亿元；唐山市173.2亿元；保定市156.9亿元。三市合计544.6亿元，占全省的39.3%。",
                           title="河北省2023年政府采购情况")
    assert [f.subject for f in figs[-2:]] == ["河北省", "河北省"]


@pytest.mark.parametrize("text, value, unit", [("合約總值98億6,400萬元", 98.64, "亿元"), ("共98亿6400万元", 98.64, "亿元"),
                                               ("以單價4萬2,800元訂購", 42800, "元"), ("1兆2,487亿元", 12487, "亿元"),
                                               ("约占三成半", 35, "%")])
def test_an_amount_in_a_larger_unit_and_a_smaller_one_is_read_whole(text: str, value: float, unit: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_table_of_years_gives_each_cell_its_rows_measure_its_columns_year_and_its_headers_unit() -> None:
    text = ("表3 政府采购主要指标（2019—2021年）\n单位：亿元、%\n指标\t2019年\t2020年\t2021年\n政府采购规模\t62.4\t70.1\t75.3\n"
            "#货物类\t20.2\t21.5\t22.8\n资金节约率(%)\t5.1\t4.8\t4.6\n注：资料来源于市财政局。")
    figs = extract_figures(text, title="2022年宜昌统计年鉴 政府采购", publisher="宜昌市统计局")
    assert [(f.surface, f.unit, f.period) for f in figs[:3]] == [("62.4", "亿元", "2019"), ("70.1", "亿元", "2020"),
                                                                 ("75.3", "亿元", "2021")]
    assert {f.metric for f in figs[:3]} == {"政府采购规模"} and {f.subject for f in figs} == {"宜昌市"}
    parts = [f for f in figs if f.surface in ("20.2", "22.8")]
    assert [figs[f.parent].surface for f in parts] == ["62.4", "75.3"]  # (#货物类: a part of the row above)
    assert [(f.kind, f.metric) for f in figs if f.surface == "4.8"] == [("percent", "资金节约率")]


def test_a_table_drawn_with_pipes_measures_its_rows_by_kind_and_links_its_part_rows_column_by_column() -> None:
    body = ("政府采购支出情况表（单位：万元）\n| 项目 | 合计 | 货物 | 工程 |\n|---|---|---|---|\n"
            "| 政府采购支出 | 487215.36 | 236418.92 | 250796.44 |\n"
            "| 授予中小企业合同金额 | 361590.47 | 168230.55 | 193359.92 |\n"
            "| 其中：授予小微企业合同金额 | 224687.20 | 101906.38 | 122780.82 |")
    figs = extract_figures(body, title="海关总署2024年度部门决算", published_at="2025-07-20")
    assert [(f.surface, f.value_yuan, f.metric) for f in figs[:3]] == [
        ("487215.36", 4872153600, "政府采购支出"), ("236418.92", 2364189200, "货物类政府采购支出"),
        ("250796.44", 2507964400, "工程类政府采购支出")]
    assert [figs[p].surface for p in (f.parent for f in figs[6:])] == ["361590.47", "168230.55", "193359.92"]


def test_a_field_whose_name_says_its_unit_is_an_amount() -> None:
    figs = extract_figures("序号1，采购单位：平江县教育局，预算金额（万元）：386.5，预计采购时间：2024年6月。")
    assert [(f.surface, f.value_yuan, f.metric) for f in figs] == [("386.5", 3865000, "预算金额")]


def test_a_table_with_units_in_its_column_names_measures_each_column_for_its_row_and_sums_to_its_total() -> None:
    text = ("2019年全年共受理采购项目833个。\n采购方式 项目数（个） 采购预算（万元） 节约率\n公开招标 426 98,763.52 7.65%\n"
            "询价 77 1,938.44 7.01%\n合计 503 100,701.96 7.62%\n从上表可以看出，公开招标仍是主要方式。")
    figs = extract_figures(text, title="珠海市政府集中采购中心2019年工作总结")
    budget = by_surface(figs, "98,763.52")[0]
    assert (budget.value, budget.unit, budget.metric, budget.period) == (98763.52, "万元", "公开招标采购预算", "2019")
    assert figs[budget.parent].surface == "100,701.96" and figs[budget.parent].metric == "采购预算"
    assert by_surface(figs, "426")[0].kind == "count" and len(by_surface(figs, "7.65%")) == 1
    assert not [f for f in extract_figures("他说 2019 年 我们 做了 三件事，节约资金 12 万元。") if f.surface in ("2019", "12")]


def test_a_year_from_one_month_to_another_and_a_fiscal_year_compared_with() -> None:
    figs = extract_figures("2022—2023学年（2022年9月至2023年8月），学校合同金额3.52亿元。", published_at="2023-10-10")
    assert figs[0].period == "2022-09..2023-08"
    figs = extract_figures("在2019-20年度，本署批出合約總值約96.8億元，較2018-19年度的84.5億元增加14.6%。", published_at="2020-08-01")
    assert [f.period for f in figs if f.surface != "84.5億元"] == ["2019-04..2020-03", "2019-04..2020-03"]


def test_a_ratio_after_a_change_is_of_the_quantity_that_changed() -> None:
    figs = extract_figures("全省政府采购规模252.17亿元。全省政府采购规模较上年减少9.42亿元，下降3.6%，占全省一般公共预算支出的13.1%。")
    assert figs[-1].metric == "政府采购规模占一般公共预算支出比重"


def test_a_part_named_by_who_and_a_verb_takes_the_wholes_measure_without_saying_the_verb_twice() -> None:
    figs = extract_figures("【政府采购】完成项目683个，中标（成交）金额23.36亿元，节约率6.22%。其中，中小企业中标（成交）19.87亿元，占比85.1%。")
    assert by_surface(figs, "19.87亿元")[0].metric == "中小企业中标金额"


def test_qizhong_ends_at_a_semicolon() -> None:
    figs = extract_figures("全年合同金额3.52亿元。从采购类别看，货物类2.17亿元，其中科研仪器设备1.46亿元、进口设备0.61亿元；"
                           "工程类0.88亿元；服务类0.47亿元。")
    assert [f.parent for f in figs if f.surface in ("0.88亿元", "0.47亿元")] == [0, 0]


def test_a_lines_label_names_its_bare_deals_but_a_speaker_or_a_measure_does_not() -> None:
    figs = extract_figures("二、采购情况\n物业管理服务：采购金额5342万元；\n办公设备（计算机、打印机等）：采购金额9875万元；")
    assert [f.metric for f in figs] == ["物业管理服务采购金额", "办公设备采购金额"]
    assert one("陈建华：全省采购脱贫地区农副产品4.87亿元。").metric == "脱贫地区农副产品采购"
    assert one("分采购方式看，公开招标仍是主渠道，采购金额312.5亿元。").metric == "公开招标采购金额"


def test_an_average_yearly_growth_spans_the_years_named_and_a_planned_whole_year_is_this_year() -> None:
    figs = extract_figures("2020年、2021年、2022年全区政府采购规模分别为1416.3亿元、1502.8亿元和1587.6亿元，年均增长5.9%。",
                           published_at="2023-03-01")
    assert (figs[-1].period, figs[-1].base_period, figs[-1].change) == ("2020..2022", "2020", True)
    figs = extract_figures("上半年采购规模12亿元。下半年将重点推进电子化，力争全年政府采购规模突破25亿元。", published_at="2025-07-10")
    assert [f.period for f in figs] == ["2025-H1", "2025"]


def test_last_years_level_after_a_colon_is_of_last_years_period() -> None:
    figs = extract_figures("（四）与去年同期比较\n中标金额：上年同期33.58亿元，增长7.6%；", published_at="2025-07-10",
                           title="2025年上半年工作情况")
    assert [(f.period, f.change) for f in figs] == [("2024-H1", False), ("2025-H1", True)]


def test_a_gap_to_another_price_is_a_level_of_its_rate_but_a_price_against_last_years_is_a_change() -> None:
    assert [(f.metric, f.change) for f in extract_figures("全年成交金额9.37亿元，较市场平均价格低8.6%。")][1:] == [("价格降幅", False)]
    assert [(f.metric, f.change) for f in extract_figures("中标单价比电商平台最高售价高出176.7%。")] == [("价格高出幅度", False)]
    assert extract_figures("单车均价约72万元，较2017年同类车型采购均价下降9.4%。")[-1].change


def test_the_class_of_places_counted_is_not_what_was_measured() -> None:
    figs = extract_figures("其中，天长市、明光市两个县级市电子卖场成交额分别为1.26亿元和0.87亿元。", publisher="滁州市财政局")
    assert [(f.metric, f.subject) for f in figs if f.kind == "money"] == [("电子卖场成交额", "滁州市天长市"),
                                                                           ("电子卖场成交额", "滁州市明光市")]


def test_buying_from_a_class_of_supplier_is_what_was_measured() -> None:
    assert one("学校向中小企业采购2.93亿元。").metric == "中小企业采购"
    assert one("全年为中小企业发放贷款3亿元。").metric == "发放贷款"


@pytest.mark.parametrize("text, value, unit", [("综合得分92.36分", 92.36, "分"), ("共批出1 682份合约", 1682, "份"),
                                               ("调查發現312案", 312, "案")])
def test_scores_cases_and_thousands_spaced_hong_kong_style_are_counts(text: str, value: float, unit: str) -> None:
    figure = one(text)
    assert (figure.kind, figure.value, figure.unit) == ("count", value, unit)


def test_fen_in_words_and_numbers_in_a_row_of_a_table_are_no_counts() -> None:
    assert extract_figures("这项工作十分重要，三分之一的单位已完成。") == []
    assert all(f.surface != "426 318" for f in extract_figures("采购方式 项目数 预算\n公开招标 426 318"))


def test_finance_departments_are_not_the_ministry_and_levels_listed_are_not_the_articles() -> None:
    figs = extract_figures("本行积极对接地方财政部门政采贷平台。\n2022年，本行累计发放政采贷12.46亿元。",
                           title="云溪农村商业银行2022年度社会责任报告", publisher="云溪农村商业银行股份有限公司")
    assert figs[0].subject is None  # (a bank's own lending, not the country's)
    figs = extract_figures("市财政局召开会议，传达学习全国、全省财政工作会议精神。一季度，全市政府采购规模23.6亿元。",
                           title="市财政局党组召开会议", url="http://czj.shangqiu.gov.cn/dtxx/content_58317.html")
    assert figs[0].subject == "商丘市"


def test_a_citys_hospital_or_library_opening_a_headline_has_figures_of_its_own() -> None:
    figs = extract_figures("本报讯 市人民医院新院区医疗设备采购项目开标，中标总金额2.61亿元。",
                           title="市人民医院新院区医疗设备采购项目开标", publisher="柳州日报")
    assert figs[0].subject is None
    assert extract_figures("为县卫健局、县医院等单位采购防控物资1265万元。", publisher="围场县财政局")[0].subject is not None


def test_a_year_since_does_not_reach_back_over_a_heading_and_last_years_column_is_last_years() -> None:
    figs = extract_figures("一、2022年工作回顾\n一年来，我局较好地完成了各项目标任务。全年完成一般公共预算收入9.62亿元。",
                           title="桃源县财政局2022年工作总结及2023年工作计划", published_at="2023-01-10")
    assert figs[0].period == "2022"
    figs = extract_figures("单位：万元\n类别 实际采购金额 上年同期实际采购金额\n货物类 11327.84 10486.20", published_at="2018-07-20",
                           title="2018年上半年政府采购执行情况")
    assert [f.period for f in figs if f.surface in ("11327.84", "10486.20")] == ["2018-H1", "2017-H1"]


def test_lot_numbers_a_rise_to_a_level_ordinals_in_names_and_a_lower_levels_own_scope() -> None:
    assert [f.surface for f in extract_figures("采购预算：包1 340万元，包2 165万元")] == ["340万元", "165万元"]
    assert [f.surface for f in extract_figures("服务类占比提高2.2个百分点至25.5%。")] == ["2.2个百分点", "25.5%"]
    figs = extract_figures("三、采购预算：340万元", title="榆林市第一中学智慧教室设备采购项目中标结果公告", publisher="榆林市政府采购中心")
    assert figs[0].subject is None  # (a school's project)
    figs = extract_figures("2018年，全省政府采购规模1,024.63亿元。其中，省本级97.15亿元，设区市本级318.42亿元。",
                           title="福建省2018年政府采购统计分析")
    assert figs[-1].subject == "福建省"


def test_energy_saving_and_environmental_products_are_one_term() -> None:
    assert one("采购节能环保产品3.94亿元。").metric == "节能环保产品采购"
    assert [f.metric for f in extract_figures("节能、环保产品分别采购14.6亿元、9.8亿元。")] == ["节能产品", "环保产品"]


def test_a_tables_change_column_changes_the_measure_its_last_year_column_names() -> None:
    text = "单位：万元、%\n类别 采购预算 实际采购金额 上年同期实际采购金额 同比增减（%）\n货物类 12463.50 11327.84 10486.20 8.03"
    figs = extract_figures(text, title="2018年上半年政府采购执行情况", published_at="2018-07-20")
    assert [(f.surface, f.metric, f.period, f.change) for f in figs if f.surface in ("10486.20", "8.03")] == [
        ("10486.20", "货物类实际采购金额", "2017-H1", False), ("8.03", "货物类实际采购金额", "2018-H1", True)]


def test_shares_of_the_kinds_counted_are_of_the_figures_before_in_order() -> None:
    figs = extract_figures("政府集中采购262.18亿元，部门集中采购61.30亿元，分散采购701.15亿元，三者比重分别为25.6%、6.0%和68.4%。")
    assert [f.metric for f in figs if f.kind == "percent"] == ["政府集中采购占比", "部门集中采购占比", "分散采购占比"]


def test_years_and_months_in_chinese_numerals_are_periods_but_a_date_a_service_starts_is_not() -> None:
    figs = extract_figures("今年一月至八月，當局共判給工程項目三十七項，判給總金額約澳門元58.6億元。", published_at="2017-09-20")
    assert figs[-1].period == "2017-01..2017-08"
    figs = extract_figures("在二〇二一／二二年度，房委會共批出合約，總值約235億元。", published_at="2022-06-30")
    assert figs[-1].period == "2021-04..2022-03"
    figs = extract_figures("服務期由二〇二五年一月一日起至二〇二六年十二月三十一日止。\n確定保證金：判給總金額之4%。",
                           published_at="2024-10-08")
    assert figs[-1].period in ("2024", None)


def test_a_roc_years_level_compared_with_is_of_that_year() -> None:
    figs = extract_figures("110年各機關訂購金額達新臺幣1,027億元，較109年的975億元成長5.3%。", published_at="2022-02-17",
                           url="https://www.bot.com.tw/news.aspx")
    assert [f.period for f in figs] == ["2021", "2020", "2021"]


def test_expected_is_a_linking_word_not_what_was_measured() -> None:
    assert [f.metric for f in extract_figures("2024年全县一般公共预算收入预期8.78亿元，增长5%。")] == ["一般公共预算收入"] * 2


def test_the_weights_of_a_scoring_method_are_named_by_their_part() -> None:
    figs = extract_figures("本项目采用综合评分法，价格分权重为30%，技术分权重为60%，商务分权重为10%。")
    assert [f.metric for f in figs] == ["价格分权重", "技术分权重", "商务分权重"]


def test_a_subtitles_county_is_a_part_a_day_only_dateline_is_no_place_and_plans_are_for_the_year() -> None:
    figs = extract_figures("本报讯 日前，山东省临沂市财政局公布前三季度政府采购情况。1—9月，临沂市政府采购规模152.3亿元。\n"
                           "从采购类别看，工程类采购规模同比下降9.3%。", title="山东临沂前三季度政府采购规模152.3亿元",
                           subtitle="沂水县“政采贷”放款同比翻番", published_at="2024-10-20")
    assert figs[-1].subject == "临沂市"
    figs = extract_figures("（中央社記者台北18日電）工程會今天公布，民國108年政府採購決標金額達新臺幣18,364億元。",
                           published_at="2020-03-18", url="https://www.cna.com.tw/news/1.aspx")
    assert figs[0].subject == "台湾省"
    figs = extract_figures("上半年采购规模12亿元。\n下半年，省财政厅将继续推进电子化建设，力争年底前覆盖率达到100%。", published_at="2023-07-20")
    assert [f.period for f in figs] == ["2023-H1", "2023"]


def test_listed_places_changes_are_of_what_changed_and_kinds_are_named_as_kinds_of_purchases() -> None:
    figs = extract_figures("分县市区看，平江县政府采购规模同比增长21.4%，增速居各县市区首位；岳阳楼区、汨罗市分别增长13.6%和11.2%。",
                           publisher="岳阳市财政局")
    assert [f.metric for f in figs] == ["政府采购规模"] * 3
    figs = extract_figures("全年政府采购规模86.7亿元，其中货物类20.1亿元、工程类40.2亿元、服务类26.4亿元；市本级30.2亿元，县区56.5亿元。")
    assert [f.metric for f in figs[1:4]] == ["货物类采购规模", "工程类采购规模", "服务类采购规模"]


@pytest.mark.parametrize("text, found", [("过去一年，全市采购规模扩大", []), ("中心一年来的工作", []), ("为期一年", ["一年"]),
                                         ("三年内完成", ["三年"]), ("判处有期徒刑一年", ["一年"]), ("三年间批出的合约", ["三年"])])
def test_a_year_in_words_is_a_duration_only_where_it_lasts(text: str, found: list[str]) -> None:
    assert [f.surface for f in extract_figures(text) if f.kind == "duration"] == found


def test_a_donor_province_is_not_whose_and_the_corps_reports_as_a_province() -> None:
    figs = extract_figures("其中，广东援藏资金项目采购6830万元。", title="工布江达县2022年政府采购工作总结")
    assert figs[0].subject == "林芝市工布江达县"
    assert one("1—6月，兵团政府采购规模86.9亿元。", title="兵团上半年政府采购情况").subject == "新疆生产建设兵团"


def test_this_year_after_last_years_and_the_years_targets_are_no_periods_of_their_own() -> None:
    figs = extract_figures("去年（2021年），全县政府采购规模5.73亿元。今年以来，截至11月底，全县采购预算6.12亿元。")
    assert [f.period for f in figs] == ["2021", "2022-01..2022-11"]
    figs = extract_figures("上半年全省累计采购4.87亿元，完成全年预留份额的58.3%。今年以来，电子化项目占比91.2%，比去年全年提高17.5个百分点。",
                           published_at="2025-07-20")
    assert [f.period for f in figs] == ["2025-H1", "2025-H1", "2025-01..2025-07", "2025-01..2025-07"]


def test_a_figure_is_named_after_a_dash() -> None:
    figs = extract_figures("四、6.71亿元——授予中小企业合同金额。\n五、1162万元——疫情防控应急采购金额。")
    assert [f.metric for f in figs] == ["授予中小企业合同金额", "疫情防控应急采购金额"]


def test_a_rate_named_after_its_verb_and_some_projects_are_whose() -> None:
    figs = extract_figures("履约保证金收取比例由合同金额的5%降至2.5%。部分项目履约保证金收取比例超过合同金额的10%。")
    assert [f.metric for f in figs] == ["履约保证金收取比例"] * 3


def test_a_level_from_a_date_to_another_is_of_the_measure_before_it() -> None:
    figs = extract_figures("采购规模从2012年的31.6亿元增长到2021年的108.3亿元。")
    assert [(f.metric, f.period, f.change) for f in figs] == [("采购规模", "2012", False), ("采购规模", "2021", False)]
    figs = extract_figures("政府采购规模由5亿元增加到今年的8亿元。", published_at="2024-03-01")
    assert [(f.metric, f.change) for f in figs] == [("政府采购规模", False), ("政府采购规模", False)]


def test_goods_bought_are_no_measure_and_a_full_name_wins_over_a_short_one_it_overlaps() -> None:
    figs = extract_figures("全市共采购冲锋舟、排涝泵车、帐篷等防汛救灾物资和服务1.26亿元，其中卫辉市采购3125万元。",
                           title="新乡市防汛救灾应急采购")
    assert [f.metric for f in figs][0] == "防汛救灾物资和服务采购"
    assert [f.subject for f in figs] == ["新乡市", "新乡市卫辉市"]
    assert one("采购医用防护物资9682万元。").metric == "医用防护物资采购"


def test_a_places_bare_figure_is_of_the_total_of_its_own_period() -> None:
    figs = extract_figures("8月份，全市采购预算7.86亿元，实际采购金额7.41亿元。\n1—8月，全市累计实际采购金额63.92亿元。"
                           "分地区看，柯桥区11.06亿元、越城区8.47亿元，市本级44.39亿元。", title="绍兴市8月政府采购数据",
                           published_at="2023-09-10")
    assert [f.metric for f in figs[3:5]] == ["实际采购金额"] * 2
    assert [f.parent for f in figs[3:]] == [2, 2, 2]


def test_a_rank_word_and_a_new_value_are_not_what_was_measured() -> None:
    figs = extract_figures("公开招标数额标准由200万元调整为150万元。")
    assert [f.metric for f in figs] == ["公开招标数额标准"] * 2
    figs = extract_figures("长沙市政府采购规模402.6亿元；张家界市规模最小，为23.8亿元。", title="湖南省政府采购统计")
    assert figs[1].metric.endswith("规模")


def test_lines_labelled_by_kind_share_out_the_total_before_them() -> None:
    figs = extract_figures("一季度，全市交易项目713个，交易额92.47亿元。\n工程建设：246个，51.36亿元；\n政府采购：398个，12.83亿元。",
                           title="长治市一季度公共资源交易", published_at="2025-04-08")
    assert [f.metric for f in figs if f.kind == "money"] == ["交易额", "工程建设交易额", "政府采购交易额"]
    figs = extract_figures("2023年政府采购预算总额6.872亿元，其中：\n货物类：2.415亿元\n工程类：1.638亿元")
    assert [f.metric for f in figs][1:] == ["货物类政府采购预算", "工程类政府采购预算"]


def test_a_posts_sending_place_is_no_subject_and_my_city_holds_the_places_it_names() -> None:
    figs = extract_figures("安溪财政 2024-01-09 18:05 发表于福建\n全年全县政府采购金额17.82亿元。",
                           title="一组数据，带你回顾2023年政府采购", publisher="安溪县财政局微信公众号")
    assert figs[0].subject == "泉州市安溪县"
    figs = extract_figures("本报讯 记者从市财政局获悉，2017年全市实际采购金额135.5亿元。\n其中，邳州市14.7亿元，新沂市11.2亿元，"
                           "沛县10.6亿元。", title="去年我市政府采购“省”下6.8亿元")
    assert [f.subject for f in figs if f.surface != "6.8亿元"] == ["徐州市", "徐州市邳州市", "徐州市新沂市", "徐州市沛县"]


def test_places_joined_before_a_run_of_figures_own_them_in_order() -> None:
    figs = extract_figures("全省采购意向公开率92.6%，益阳市、娄底市仅为81.3%和79.8%。鞍山市、锦州市中小企业合同金额占比分别达到"
                           "83.5%和82.1%，高出全省平均水平4.6个百分点和3.2个百分点。", title="湖南省政府采购通报")
    assert [f.subject for f in figs] == ["湖南省", "益阳市", "娄底市", "鞍山市", "锦州市", "鞍山市", "锦州市"]
    assert [(f.change, f.base_period) for f in figs[-2:]] == [(True, None), (True, None)]


def test_a_leads_place_after_its_first_amount_is_an_item_not_the_articles() -> None:
    figs = extract_figures("一、2017年工作完成情况\n（一）政府采购规模持续扩大。全市完成政府采购138.26亿元。兰陵县、沂水县采购规模均超过12亿元，"
                           "罗庄区增幅达34.2%。\n二、2018年工作打算\n网上商城采购额力争达到5亿元。",
                           title="临沂市财政局2017年政府采购工作总结和2018年工作打算")
    assert [f.subject for f in figs if f.surface in ("138.26亿元", "5亿元")] == ["临沂市", "临沂市"]


def test_school_terms_are_periods() -> None:
    figs = extract_figures("现将我县2024年秋季学期营养餐食材集中采购结果公示如下。本学期补助资金预算1109万元。"
                           "上学期（2024年春季学期），全县采购本地农产品498.7万元。")
    assert [f.period for f in figs] == ["2024-09..2025-01", "2024-03..2024-07"]


def test_a_base_years_level_in_words_or_fiscal_years_is_of_that_year() -> None:
    figs = extract_figures("二〇二一年度，特區政府取得財貨及勞務的開支合共澳門元182.6億元，佔當年度開支預算的17.9%，"
                           "較二〇二〇年度的169.3億元增加13.3億元。")
    assert [f.period for f in figs][:3] == ["2021", "2021", "2020"]
    assert figs[2].metric == figs[0].metric


def test_a_sentence_of_last_years_same_months_is_of_those_months() -> None:
    figs = extract_figures("上半年，全县完成政府采购2.64亿元。去年同期，全县政府采购金额为2.21亿元。", published_at="2019-07-20")
    assert [f.period for f in figs] == ["2019-H1", "2018-H1"]


def test_months_after_其中_are_parts_of_their_quarter() -> None:
    figs = extract_figures("本季度：全市政府采购规模97.35亿元，环比二季度增长18.6%。其中7月29.48亿元、8月31.06亿元、9月36.81亿元。",
                           title="合肥市三季度政府采购数据", published_at="2023-10-12")
    assert [f.parent for f in figs] == [None, None, 0, 0, 0]


def test_a_listed_places_measure_that_is_only_a_scope_is_no_metric() -> None:
    figs = extract_figures("省级配套1200万元，州县两级自筹1260万元。\n装备将按火险等级分配到全州10个县市，其中火险等级最高的楚雄市、"
                           "禄丰市、武定县分别分配860万元、720万元和640万元。", title="楚雄州森林草原防火装备采购")
    assert len(figs) == 6 and all(f.metric != "" for f in figs)


def test_a_reports_opening_year_and_fiscal_years_in_words() -> None:
    figs = extract_figures("受京口区民政局委托，我所对2023年度京口区政府购买居家养老服务项目开展了绩效评价。\n一、项目基本情况\n"
                           "项目年度预算1260万元，实际支出1187.4万元。", published_at="2024-12-20")
    assert [f.period for f in figs] == ["2023", "2023"]
    assert one("二零二二至二三年度的政府開支預計為8,069億元。", published_at="2023-02-22").period == "2022-04..2023-03"


def test_months_from_last_year_to_this_and_a_causes_period_is_not_the_figures() -> None:
    assert one("自去年11月实施联合采购至今年10月，共联合采购医用耗材4216万元。", published_at="2020-11-24").period \
        == "2019-11..2020-10"
    figs = extract_figures("于7月底前完成了2020年省级救灾物资储备采购任务。\n受今年上半年疫情期间防护物资价格波动影响，部分物资采用了"
                           "框架协议采购方式。经公开招标，中标金额合计1.71亿元。", published_at="2020-08-12")
    assert figs[0].period == "2020"


def test_a_verb_that_names_a_kind_of_goods_is_not_turned_round() -> None:
    figs = extract_figures("其中，扑救装备1980万元，个人防护装备750万元。")
    assert [f.metric for f in figs] == ["扑救装备", "个人防护装备"]


def test_a_mastheads_county_by_its_short_name_and_provinces_listed_after_为() -> None:
    figs = extract_figures("上半年我县政府采购节约资金2160万元\n本报讯 记者从县财政局获悉，今年上半年，全县实际采购金额4.15亿元。",
                           title="今日永嘉 2019年7月16日 第2版：要闻", publisher="今日永嘉")
    assert {f.subject for f in figs} == {"温州市永嘉县"}
    figs = extract_figures("本周全国政府采购中标金额1186.3亿元。中标金额前三的省份为广东、浙江、山东，分别为142.6亿元、118.9亿元、"
                           "97.4亿元。", title="招采周报：全国政府采购中标金额1186.3亿元")
    assert [f.subject for f in figs][-3:] == ["广东省", "浙江省", "山东省"]


def test_taiwan_in_traditional_characters_and_earlier_years_surplus_is_no_period() -> None:
    figs = extract_figures("本縣113年度總預算案歲入編列389.62億元，以舉借債務及移用以前年度歲計賸餘彌平。歲出較112年度預算數387.91億元"
                           "增加24.44億元。每生每餐補助由新臺幣40元提高至45元。", published_at="2023-08-31")
    assert [f.period for f in figs][:3] == ["2024", "2023", "2024"]


def test_a_texts_plans_for_next_year_do_not_date_it() -> None:
    figs = extract_figures("今年以来，中心较好地完成了各项采购任务。\n全年中标金额3.41亿元，与2017年相比，增长22.6%。\n"
                           "三、2019年工作打算\n继续推进电子化采购。")
    assert figs[0].period == "2018"


def test_disposable_income_and_guarantees_are_whole_words() -> None:
    assert one("全县城镇居民人均可支配收入38216元。").metric == "城镇居民人均可支配收入"
    assert one("其中履约保函4.87亿元。").metric == "履约保函"


def test_listed_places_take_the_measure_after_分别_or_of_the_total_not_a_scope() -> None:
    figs = extract_figures("1—8月，全市一般公共预算收入完成186.42亿元。\n二、政府采购执行情况\n1—8月，全市政府采购合同金额98.73亿元。"
                           "其中，市本级21.35亿元，章贡区、南康区分别为9.82亿元、8.14亿元。",
                           title="赣州市1—8月预算执行情况", published_at="2024-09-10")
    assert [f.metric for f in figs][3:] == ["政府采购合同金额", "政府采购合同金额"]
    figs = extract_figures("国有大型银行合计5.94亿元。从县市区看，寿光市、青州市分别放款3.26亿元、2.41亿元。", title="潍坊政采贷")
    assert [f.metric for f in figs][1:] == ["放款", "放款"]


def test_a_town_ending_like_a_city_is_no_city_and_a_province_before_a_city_ending_in_乡_stays() -> None:
    from extractors.figures.places import find_places

    assert [p.text for p in find_places("孝丰镇竹木加工企业")] == []
    assert [p.text for p in find_places("【江西萍乡：前5个月采购规模同比增两成】")] == ["江西", "萍乡"]
    assert [p.text for p in find_places("来自丰镇的企业")] == ["丰镇"]


def test_a_bylines_reporting_place_is_not_the_articles() -> None:
    figs = extract_figures("行政院公共工程委員會辦理共同供應契約。依審計部資料，111年度各機關訂購金額達1,207億元。",
                           title="立委揭共同供應契約電腦比市價貴",
                           author="記者 黃俊傑／台北報導", publisher="自由時報", published_at="2023-09-12")
    assert figs[0].subject == "台湾省"


def test_a_prefectures_own_level_is_地区本级() -> None:
    figs = extract_figures("今年1—9月，阿克苏地区政府采购规模57.36亿元。地区本级完成11.63亿元。", published_at="2021-10-15")
    assert figs[1].metric == "地区本级政府采购规模"


def test_a_reports_本月_and_本季度_are_the_month_and_quarter_before_it_came_out() -> None:
    figs = extract_figures("本季度授予中小企业合同金额1226.7万元。本月成交额96亿元。", published_at="2021-01-08")
    assert [(f.period, f.metric) for f in figs] == [("2020-Q4", "授予中小企业合同金额"), ("2020-12", "成交额")]


def test_a_verb_of_holding_after_a_measure_is_no_part_of_it() -> None:
    assert one("全年电子化采购率保持100%。").metric == "电子化采购率"
    assert one("单项金额介乎12萬元至14.8萬元。").metric == "单项金额"


def test_only_a_verb_of_trade_puts_its_object_first_and_a_consequence_is_the_measure() -> None:
    assert one("全县预算单位采购扶贫产品3156万元。").metric == "扶贫产品采购"
    assert one("全年通用办公设备成交金额2.16亿元。").metric == "通用办公设备成交金额"
    assert one("审计发现，违规操作造成财政资金损失297.6万元。").metric == "财政资金损失"


def test_a_ranking_and_a_breakdowns_heading_name_no_measure() -> None:
    figs = extract_figures("按授予中小企业合同金额占比排序，前两位依次为：六安市91.6%、宿州市89.3%。", published_at="2023-03-01")
    assert [f.metric for f in figs] == ["授予中小企业合同金额占比"] * 2
    figs = extract_figures("前三季度全市政府采购规模90.2亿元。\n分县区：肥西县21.63亿元、长丰县17.85亿元。",
                           title="合肥市前三季度政府采购", published_at="2023-10-20")
    assert [f.metric for f in figs] == ["政府采购规模"] * 3
    assert one("工程會公布112年政府採購決標統計，決標金額1,053億元。", published_at="2024-01-12").metric == "决标金额"


def test_the_largest_rate_of_change_after_a_comma_is_a_change_of_its_measure() -> None:
    figs = extract_figures("2021年，全省服务类采购规模146.96亿元，服务类采购增幅最大，达15.8%。",
                           title="山西省2021年政府采购统计分析", published_at="2022-03-01")
    assert (figs[1].metric, figs[1].change, figs[1].base_period) == ("服务类采购", True, "2020")


def test_a_quarter_compared_with_is_the_base_and_本季度_is_the_quarter_named() -> None:
    figs = extract_figures("现将2024年第三季度全市采购意向公开情况汇总如下。全市共公开第三季度采购意向，涉及采购预算金额42.37亿元，"
                           "比第二季度增加6.15亿元。本季度公开率100%。", published_at="2024-07-08")
    assert [(f.period, f.base_period) for f in figs] == [("2024-Q3", None), ("2024-Q3", "2024-Q2"), ("2024-Q3", None)]


def test_a_sector_bodys_headline_makes_its_figures_its_own_but_not_one_that_speaks_for_its_place() -> None:
    assert one("全年采购规模1.74亿元。", title="省气象局2019年政府采购工作回顾", publisher="四川省气象局").subject is None
    assert one("2020年政府采购预算9.76亿元。", title="国家林业和草原局2020年度政府采购绩效自评报告").subject is None
    assert one("全县预算单位采购脱贫地区农副产品1.37亿元。", title="荔波县乡村振兴局2022年消费帮扶工作情况报告",
               published_at="2023-01-10").subject == "黔南布依族苗族自治州荔波县"
    assert one("政府采购规模9.2亿元。", title="苏州工业园区管委会关于2019年度园区政府采购执行情况的通报").subject \
        .startswith("苏州市")
    figs = extract_figures("政府购买公共体育服务项目今年投入2860万元。", title="济南市体育局政府购买公共体育服务项目投入超2800万元",
                           publisher="济南市体育局", published_at="2021-11-22")
    assert {f.subject for f in figs} == {"济南市"}  # (a city's bureau reports its place's programmes)


def test_a_units_value_is_one_word_not_a_unit_that_acts() -> None:
    figs = extract_figures("共有车辆46辆，其中一般公务用车12辆；单位价值50万元以上通用设备31台。", title="青海省教育厅2020年度部门决算")
    assert [f.metric for f in figs if f.kind == "money"] == ["单位价值"]


def test_a_list_in_the_sentence_after_a_span_of_years_takes_a_year_each() -> None:
    figs = extract_figures("2014—2016年，发行人营业收入分别为8.63亿元、9.72亿元和11.48亿元。其中，政府购买服务收入分别为3.05亿元、"
                           "4.36亿元和6.12亿元。", published_at="2017-06-12")
    assert [f.period for f in figs] == ["2014", "2015", "2016"] * 2


def test_values_and_taiwans_budget_words_are_measures_and_a_bureau_is_who_acts() -> None:
    figs = extract_figures("全县实现地区生产总值268.4亿元，其中第一产业增加值19.7亿元。", published_at="2023-10-10")
    assert figs[1].metric == "第一产业增加值"
    figs = extract_figures("本年度歲出決算數381億6,020萬元，歲入歲出差短9億2,564萬元。", published_at="2023-10-10")
    assert [f.metric for f in figs] == ["岁出决算数", "岁入岁出差短"]
    assert one("市教育局采购额132.6万元。").metric == "采购额"
    assert extract_figures("判处有期徒刑二年，并处罚金人民币80万元。")[1].metric == "罚金"


def test_a_balance_compared_with_the_start_of_the_year_is_against_the_last_years_end() -> None:
    figs = extract_figures("2023年末金融机构本外币各项存款余额386.4亿元，比年初增加31.7亿元，比上年末增长11.2%。",
                           published_at="2024-03-01")
    assert [(f.change, f.base_period) for f in figs] == [(False, None), (True, "2022-12"), (True, "2022-12")]


def test_words_of_procurement_reports_jieba_splits_are_read_whole() -> None:
    from extractors.figures.metrics import read

    assert [read(t) for t in ("单次采购金额", "单户授信上限", "中标价为", "首购订购金额", "线上采购率", "多支付资金")] == [
        "单次采购金额", "单户授信上限", "中标价", "首购订购金额", "线上采购率", "多支付资金"]


def test_places_ranked_first_take_the_measure_ranked() -> None:
    figs = extract_figures("分县（市、区）看，采购规模居前三位的是麒麟区11.36亿元、宣威市9.87亿元和沾益区7.52亿元；马龙区规模最小，"
                           "为2.94亿元。", title="曲靖市2021年政府采购情况", published_at="2022-02-10")
    assert [f.metric for f in figs] == ["采购规模"] * 4


def test_a_headline_amount_with_a_minus_sign_is_read_without_an_error() -> None:
    assert [f.value for f in extract_figures("", title=",-1元")] == [-1]


def test_a_figure_on_a_line_of_its_own_takes_its_caption() -> None:
    body = ("2017年，全市政府采购改革成效明显。一组数据带您回顾↓↓↓\n【规模】\n68.95亿元\n全市政府采购规模\n【节约】\n4.37亿元\n"
            "节约财政资金\n【数据】1526.7亿元\n这是2016年全省政府采购规模，比2015年增加263.5亿元")
    assert [f.metric for f in extract_figures(body)][:3] == ["政府采购规模", "节约财政资金", "政府采购规模"]


def test_a_modal_verb_and_平均_before_a_change_are_no_part_of_the_measure() -> None:
    assert one("政府采购工程项目绿色建材应用比例要达到70%。").metric == "政府采购工程项目绿色建材应用比例"
    figs = extract_figures("试点项目建安成本平均增加3%。", published_at="2023-05-01")
    assert (figs[0].metric, figs[0].change) == ("试点项目建安成本", True)
    assert one("城阳区机关、企事业单位和工会采购6820万元。").metric == "机关、企事业单位和工会采购"


def test_合共_links_like_合计() -> None:
    assert one("採購金額合共2,174萬元。").metric == "采购金额"


def test_a_term_compared_with_and_a_past_high_do_not_date_what_follows() -> None:
    body = ("现将我区2024年秋季学期公办中小学校食堂大宗食材集中采购情况公示如下。本学期食堂大宗食材采购总额4386.52万元，"
            "比上学期（2024年春季学期）增加213.40万元。按品类分：米面粮油2386.52万元，肉类及水产2000万元。")
    figs = extract_figures(body, published_at="2025-01-21")
    assert {f.period for f in figs} == {"2024-09..2025-01"}
    assert figs[2].metric == "米面粮油采购额"  # (a part of a 总额 is an amount of its own kind)
    body = ("记者梳理了五城公开的2021年政府采购数据。\n增速方面，郑州同比增长18.6%。值得一提的是，2019年西安政府采购规模曾高达"
            "468.1亿元。\n如果按常住人口计算，成都人均政府采购额约2925元。")
    assert extract_figures(body, published_at="2022-08-26")[-1].period == "2021"


def test_taiwans_counties_are_named_as_the_text_names_them() -> None:
    figs = extract_figures("宜蘭縣政府公布111年度總決算，歲出決算數381億6,020萬元。", title="宜蘭縣111年度總決算",
                           published_at="2023-06-01")
    assert figs[0].subject == "宜兰县"


def test_what_a_person_took_is_no_places_figure_but_what_was_recovered_is() -> None:
    figs = extract_figures("漳浦县某局原局长收受供应商财物186.4万元。全县追缴违纪违法资金918万元。",
                           title="漳浦县通报政府采购领域典型问题", published_at="2021-05-01")
    assert [f.subject for f in figs] == [None, "漳州市漳浦县"]


def test_a_taiwan_ministrys_office_speaks_for_all_of_taiwan() -> None:
    figs = extract_figures("經濟部中小企業處今（22）日表示，109年各級政府機關採購決標總金額新臺幣1兆8,642億元。\n"
                           "依機關所在地區分，其中花蓮縣、臺東縣中小企業得標比率均超過90%。",
                           title="經濟部：109年政府採購中小企業得標金額達1.25兆元 創歷年新高", publisher="經濟部中小企業處",
                           published_at="2021-06-22")
    assert [f.subject for f in figs][:2] == ["台湾省", "台湾省"]


def test_a_gap_in_points_to_a_long_named_average_is_a_change() -> None:
    figs = extract_figures("今年以来全省“政采贷”平均利率4.56%，低于同期全省普惠小微企业贷款平均利率0.9个百分点。",
                           published_at="2023-10-10")
    assert figs[1].change


def test_bare_numbers_listed_after_分别_share_the_last_ones_unit_and_change_their_levels() -> None:
    figs = extract_figures("全年电子化采购率达到98.2%，公开采购率86.5%，集中采购率83.9%，较2019年分别提升1.6、4.2和5.7个百分点。",
                           title="某集团2020年社会责任报告", published_at="2021-04-01")
    assert [(f.surface, f.unit, f.metric, f.change) for f in figs[3:]] == [
        ("1.6", "个百分点", "电子化采购率", True), ("4.2", "个百分点", "公开采购率", True),
        ("5.7个百分点", "个百分点", "集中采购率", True)]


def test_a_hong_kong_district_is_named_under_the_region() -> None:
    figs = extract_figures("本年度地區小型工程撥款6,500萬元。", title="沙田區議會文件第52/2021號：地區小型工程計劃開支報告",
                           publisher="沙田民政事務處", published_at="2021-05-20")
    assert figs[0].subject == "香港特别行政区沙田区"


def test_the_legislative_yuan_is_no_court_whose_figures_are_its_own() -> None:
    figs = extract_figures("答復：依行政院公共工程委員會統計，111年度各機關決標金額新臺幣1兆2,846億元。",
                           title="行政院函送立法院委員書面質詢之答復：有關政府採購中小企業得標比率案", publisher="立法院公報",
                           published_at="2023-05-19")
    assert figs[0].subject == "台湾省"


def test_a_pages_masthead_in_its_title_names_its_place() -> None:
    figs = extract_figures("今年前三季度，全市政府采购规模38.6億元。", title="晉中日報 第三版 經濟新聞")
    assert figs[0].subject == "晋中市"


def test_figures_of_cards_after_a_lead_that_names_the_year_are_of_that_year() -> None:
    body = ("2024年，区财政局坚持“过紧日子”，统筹发展和安全，全力保障重大项目、重点民生支出。一起来看这份财政“成绩单”↓↓↓\n"
            "01 财政收入\n98.62亿元\n一般公共预算收入\n"
            "同比增长5.3%\n其中税收收入占比86.1%\n02 民生保障\n76.4%\n民生支出占一般公共预算支出比重")
    figs = extract_figures(body, title="数说武侯2024｜一组数据看全年财政“成绩单”", published_at="2025-01-08")
    assert [f.period for f in figs] == ["2024"] * 4


def test_the_months_compared_with_do_not_leave_their_last_month_as_a_period() -> None:
    body = ("1—10月，全市完成地方一般公共预算收入196.84亿元，同比增长3.1%，增幅比1—9月回落0.4个百分点。其中，税收收入131.27亿元。")
    figs = extract_figures(body, title="2019年1—10月全市经济运行简况", published_at="2019-11-22")
    assert {f.period for f in figs} == {"2019-01..2019-10"}


def test_a_total_to_a_date_in_a_sentence_that_opens_with_今年_is_this_years() -> None:
    figs = extract_figures("今年全市各级预算单位共预留采购份额1.26亿元，截至11月30日，通过832平台累计采购9873.6万元。",
                           published_at="2021-12-10")
    assert figs[1].period == "2021-01..2021-11"


def test_a_month_said_of_one_figure_does_not_date_the_next_section() -> None:
    body = ("二、分月份情况\n受疫情影响，2月交易额仅为2.13亿元；6月交易额达到6.42亿元，创单月新高。\n三、分品类情况\n"
            "防疫物资成交3.6亿元。")
    figs = extract_figures(body, title="云采通政府采购专区2020年上半年运营报告", published_at="2020-07-28")
    assert figs[-1].period == "2020-H1"


def test_a_count_of_a_measure_names_no_kind_and_a_way_of_buying_is_no_price() -> None:
    from extractors.figures.metrics import is_head, qualifier

    assert qualifier("采购数量", "中标金额") is None and qualifier("公开招标项目", "成交金额") == "公开招标"
    assert not is_head("书面询价") and not is_head("二次竞价") and is_head("中标价")


def test_a_plan_and_a_result_of_a_bare_measure_are_two_measures() -> None:
    figs = extract_figures("全县计划投资18.6亿元，完成投资20.3亿元。", published_at="2024-01-05")
    assert [f.metric for f in figs] == ["计划投资", "完成投资"]


def test_whole_numbers_after_a_declared_unit_are_read_after_a_word_for_an_amount() -> None:
    figs = extract_figures("单位：万元、%\n全市合计：采购预算1863520，实际采购金额1752806，节约资金110714，节约率5.94。项目1024个。",
                           published_at="2020-06-01")
    assert [(f.value, f.unit) for f in figs if f.kind in ("money", "percent")] == [
        (1863520, "万元"), (1752806, "万元"), (110714, "万元"), (5.94, "%")]


def test_a_tables_row_that_sums_a_place_is_its_total_row() -> None:
    body = ("表15-6 各县（市）政府采购情况（2019年）\n单位：万元、%\n县（市） 采购预算 实际采购金额 节约率\n"
            "全州合计 660428 624716 5.41\n都匀市 98620 93417 5.28\n福泉市 52380 49522 5.46")
    figs = extract_figures(body, title="黔南州统计年鉴2020", published_at="2020-10-01")
    assert [f.metric for f in figs[:3]] == ["采购预算", "实际采购金额", "节约率"]
    assert figs[3].parent == 0


def test_a_transcripts_speaker_is_no_topic() -> None:
    figs = extract_figures("周文斌：赣州市去年通过电子卖场完成采购36.74亿元。", published_at="2024-03-01")
    assert figs[0].metric == "电子卖场采购"


def test_per_student_and_折合_read_as_the_measure_says() -> None:
    from extractors.figures.metrics import read

    assert read("折合每平方米年均养护单价") == "每平方米年均养护单价"
    assert read("义务教育学校生均公用经费标准为").endswith("生均公用经费标准")


def test_an_undated_report_of_part_of_a_year_is_of_that_year() -> None:
    body = "現將2021年上半年全市政府採購工作情況通報如下：\n上半年，全市實際採購金額26.95億元，較去年同期增長17.4%。"
    figs = extract_figures(body, title="天水市2021年上半年政府採購工作情況通報")
    assert [f.period for f in figs] == ["2021-H1", "2021-H1"]


def test_a_development_zone_the_gazetteer_lacks_is_one_of_the_places_listed() -> None:
    body = "2022年，全市政府采购规模186.4亿元。老河口市、南漳县、保康县、襄城区和高新区分别为4.85亿元、4.12亿元、3.06亿元、2.94亿元和3.03亿元。"
    figs = extract_figures(body, title="襄阳市2022年政府采购统计分析", published_at="2023-02-10")
    assert [f.metric for f in figs[1:]] == ["政府采购规模"] * 5
    assert figs[1].subject == "襄阳市老河口市" and figs[5].subject == "襄阳市"


def test_no_word_runs_from_a_period_or_figure_into_the_measure() -> None:
    figs = extract_figures("2025年收入预算18.64亿元。第3包彩色多普勒超声诊断仪3台中标金额512.4万元。", published_at="2025-03-01")
    assert [f.metric for f in figs if f.kind == "money"] == ["收入预算", "第3包中标金额"]  # (the lot qualifies, 3台 does not)
    assert one("通过集中采购实现降本12.36亿元。").metric == "降本"


def test_a_place_name_inside_a_word_is_no_place() -> None:
    from extractors.figures.places import find_places

    assert [p.text for p in find_places("医保定点社会办医疗机构") if p.candidates] == []
    assert [p.text for p in find_places("保定、沧州两市和江西萍乡") if p.candidates] == ["保定", "沧州", "江西", "萍乡"]


def test_a_year_given_for_the_same_measure_then_does_not_date_what_follows() -> None:
    body = ("2021年，政府及公共部门PC市场规模218.4亿元。\n信创PC销售额112.8亿元，占市场规模的51.6%；2020年这一比例仅为38.2%。\n"
            "二、采购渠道\n通过电子卖场采购的金额为96.3亿元。")
    figs = extract_figures(body, published_at="2022-03-02")
    assert figs[-1].period == "2021"


def test_a_fiscal_year_written_with_a_circle_for_zero_is_read() -> None:
    figs = extract_figures("二○二二／二三年度，營運基金批出的採購合約總值38.6億元。", published_at="2023-11-30")
    assert figs[0].period == "2022-04..2023-03"


def test_a_half_year_after_a_date_from_which_a_rule_holds_is_of_that_dates_year() -> None:
    figs = extract_figures("自2021年7月1日起全省全面取消政府采购投标保证金，下半年为供应商减轻负担约46亿元。",
                           title="2021年江苏政府采购十件大事", published_at="2022-01-06")
    assert [f.period for f in figs if f.kind == "money"] == ["2021-H2"]


def test_examples_in_brackets_do_not_split_the_measure() -> None:
    figs = extract_figures("其中一标段（沙河源、天回镇、西华等街道）中标金额1.96亿元。", published_at="2024-05-01")
    assert figs[0].metric == "一标段中标金额"


def test_places_after_a_total_in_their_paragraph_share_out_that_total_not_the_articles_first() -> None:
    body = ("前三季度，全市实现地区生产总值2791.6亿元，同比增长6.2%。\n从政府采购看，前三季度全市政府采购规模64.37亿元，"
            "同比增长12.3%。分县市区看，涪城区9.82亿元、江油市8.65亿元、三台县6.14亿元位居前三。")
    figs = extract_figures(body, title="绵阳市前三季度经济运行分析", published_at="2023-10-25")
    assert [f.metric for f in figs if f.value_yuan and f.value_yuan < 2e9] == ["政府采购规模"] * 3


def test_a_span_of_taiwans_years_is_counted_from_1912() -> None:
    figs = extract_figures("審計部查核發現，該府104年至105年辦理之採購案決標金額計新臺幣2億3,400萬元。", title="監察院糾正宜蘭縣政府",
                           published_at="2018-03-01")
    assert figs[0].period == "2015..2016"


def test_a_body_of_a_level_is_no_scope_of_the_figures_after_it() -> None:
    figs = extract_figures("县卫健委为全县24家乡镇卫生院统一采购设备186台，采购预算3860万元，中标金额3517.6万元。",
                           published_at="2025-02-09")
    assert [f.metric for f in figs if f.kind == "money"] == ["采购预算", "中标金额"]
    assert extract_figures("其中乡镇采购306.8万元。")[0].metric == "乡镇采购"


def test_an_adverb_of_manner_tells_a_rate_apart() -> None:
    figs = extract_figures("全省合同资金按时支付率为96.0%，经常参加体育锻炼人数比例达41.3%。", published_at="2023-03-01")
    assert [f.metric for f in figs] == ["合同资金按时支付率", "经常参加体育锻炼人数比例"]


def test_macaos_acquisition_of_goods_and_services_is_one_term() -> None:
    figs = extract_figures("在開支項目中，取得資產及勞務開支63.5億澳門元。", title="澳門特區財政局公佈公共財政執行情況",
                           published_at="2023-07-20")
    assert figs[0].metric == "取得资产及劳务开支"
    listed = extract_figures("以公開招標、書面諮詢及直接磋商方式取得財貨及服務開支127.6億元。", title="澳門財政局公佈採購數據",
                             published_at="2022-03-01")
    assert listed[0].metric == "取得财货及服务开支"  # (the ways listed before 方式 are not what was measured)


def test_the_first_months_of_a_year_said_with_首_are_a_period() -> None:
    figs = extract_figures("截至二零二零年九月底，首九個月政府總收入為433.5億澳門元。", title="財政局公佈首九個月財政預算執行情況",
                           published_at="2020-10-23")
    assert [(f.kind, f.period) for f in figs] == [("money", "2020-01..2020-09")]
    after = extract_figures("新系統啟用後首三個月，系統可用率只有97.2%。", published_at="2019-10-01")
    assert [f.kind for f in after] == ["duration", "percent"]  # (the months after a launch: a duration)


def test_a_paragraph_that_opens_with_its_period_and_sums_up_after_keeps_the_first_for_what_follows() -> None:
    body = ("二季度商城共成交订单8.64万笔，成交金额7.82亿元，环比增长26.5%。上半年累计成交14.0亿元。\n二、分频道情况\n"
            "电商频道成交4.15亿元，协议供货频道成交2.36亿元。")
    figs = extract_figures(body, title="云南省政府采购网上商城二季度运行报告", published_at="2022-07-12")
    assert [f.period for f in figs if f.surface in ("14.0亿元", "4.15亿元", "2.36亿元")] == ["2022-H1", "2022-Q2", "2022-Q2"]


def test_how_far_a_platform_reaches_across_the_country_does_not_make_its_figures_national() -> None:
    body = "报告显示，2023年专区已对接全国26个省级、143个地市级政府采购电子卖场，全年实现政府采购交易额68.4亿元。"
    figs = extract_figures(body, title="某电商平台政企采购专区发布2023年度政府采购服务报告", published_at="2024-01-25")
    assert [f.subject for f in figs if f.kind == "money"] == [None]
    assert extract_figures("全国政府采购规模36070.9亿元。", published_at="2022-09-01")[0].subject == "全国"


def test_an_online_shops_zone_for_public_buyers_owns_its_figures() -> None:
    body = "2023年，专区全年成交额486.2亿元。从地区看，广东省采购单位成交额83.9亿元，居首位。"
    figs = extract_figures(body, title="政企采购专区2023年度运行报告：全年成交额486.2亿元", published_at="2024-01-25")
    assert [f.subject for f in figs if f.field == "body"] == [None, "广东省"]


def test_a_term_from_which_a_rule_holds_is_not_the_period_of_the_sentences_after_it() -> None:
    body = "自2021年秋季学期起，国家将膳食补助标准由每生每天4元提高至5元。县财政另安排食堂从业人员工资2680万元。"
    figs = extract_figures(body, title="镇雄县2021年农村义务教育学生营养改善计划实施情况报告", published_at="2021-12-28")
    assert [f.period for f in figs if f.surface == "2680万元"] == ["2021"]


def test_a_table_row_of_one_year_gives_its_cells_that_year_and_only_the_columns_measure() -> None:
    body = "表11-8 历年政府采购情况\n单位：万元、%\n年份 采购预算 实际采购金额 节约资金 节约率\n2015 386245 356821 29424 7.6\n2016 433510 402317 31193 7.2"
    figs = extract_figures(body, title="十一、财政 — 政府采购")
    assert [(f.period, f.metric) for f in figs if f.surface in ("402317", "7.2")] == [("2016", "实际采购金额"), ("2016", "节约率")]


def test_a_price_cut_of_centralised_purchasing_is_a_level_unless_it_fell_from_an_earlier_price() -> None:
    figs = extract_figures("中选产品平均降价67.3%，最高降幅93.5%。", title="河北省医用耗材集中带量采购中选结果公布",
                           published_at="2022-11-20")
    assert [(f.metric, f.change) for f in figs] == [("价格降幅", False), ("价格降幅", False)]
    over_time = extract_figures("助听器单价由去年的每台2980元降至2150元，降幅27.9%。", published_at="2017-09-01")
    assert over_time[-1].change
    by_kind = extract_figures("食材统一配送价格较市场价平均下降6.6%。分品类看，米面油降幅最大，为9.2%；肉禽蛋降幅5.8%。",
                              published_at="2019-12-20")  # prices said once, earlier in the paragraph
    assert [(f.metric, f.change) for f in by_kind[1:]] == [("价格降幅", False), ("价格降幅", False)]


def test_a_breakdown_adds_up_past_an_aside_of_another_quantity_in_its_sentence() -> None:
    body = ("上半年，全市交易额412.76亿元。分板块看：工程建设项目交易额236.15亿元；政府采购交易额54.32亿元，节约资金3.11亿元；"
            "土地使用权出让交易额109.64亿元；国有产权交易额12.65亿元。")
    figs = extract_figures(body, title="上半年我市公共资源交易额突破400亿元", published_at="2025-07-08")
    total = next(i for i, f in enumerate(figs) if f.surface == "412.76亿元")
    assert [f.parent == total for f in figs[total + 1 :]] == [True, True, False, True, True]


def test_a_count_and_money_written_in_two_units_are_read_whole() -> None:
    figs = extract_figures("111年度各機關辦理採購案件18萬4,265件，決標金額1兆2,836億餘元。", title="審計部111年度中央政府總決算審核報告",
                           published_at="2023-08-01")
    assert [(f.surface, f.value, f.approx) for f in figs] == [("18萬4,265件", 184265, None), ("1兆2,836億餘元", 12836, "余")]
    macao = extract_figures("社工局向民間機構撥付款項合共28億6,530萬澳門元，其中購買服務4億零400萬元。", published_at="2025-03-01")
    assert [(f.surface, f.value, f.unit) for f in macao] == [("28億6,530萬澳門元", 28.653, "亿澳门元"), ("4億零400萬元", 4.04, "亿元")]


def test_a_bare_measure_takes_its_counts_kind_only_when_the_other_items_begin_with_counts_too() -> None:
    body = ("全年辦理採購案2萬1,386件，決標金額新臺幣1,042.7億元。\n依採購性質區分，工程採購決標金額768.3億元、財物採購121.9億元。")
    figs = extract_figures(body, title="高雄市政府公布110年度採購統計", published_at="2022-03-02")
    assert figs[1].metric == "决标金额"
    items = extract_figures("公开招标项目612个，成交金额31.05亿元；竞争性磋商项目1024个，成交金额9.8亿元。", published_at="2022-03-02")
    assert [f.metric for f in items if f.kind == "money"] == ["公开招标成交金额", "竞争性磋商成交金额"]


def test_a_court_named_short_owns_its_procurement() -> None:
    figs = extract_figures("2020年，全院完成政府采购项目56个，采购预算3418.6万元。", title="合肥中院2020年政府采购工作综述",
                           published_at="2021-01-20")
    assert [f.subject for f in figs if f.kind == "money"] == [None]


def test_a_company_named_with_its_stock_code_owns_its_figures() -> None:
    body = "财政部数据显示，2019年全国政府采购规模为33067亿元。政务信息化公司天瑞信息（300752）上半年实现营业收入8.47亿元。"
    figs = extract_figures(body, title="半年报透视：政务信息化公司政府订单回暖", published_at="2020-09-03")
    assert [f.subject for f in figs] == ["全国", None]


def test_money_the_centre_gives_a_place_is_the_places() -> None:
    body = "全年营养餐食材采购金额2.87亿元，其中中央财政膳食补助资金2.16亿元，县级财政配套4120万元。"
    figs = extract_figures(body, title="镇雄县2026年营养餐食材采购情况", published_at="2026-12-01")
    assert [f.subject for f in figs] == ["昭通市镇雄县"] * 3
    assert extract_figures("中央财政下达农机购置补贴资金212亿元。", published_at="2021-05-01")[0].subject == "全国"


def test_the_period_of_a_part_after_其中_is_no_topic_for_the_paragraphs_after_it() -> None:
    body = ("2024年前三季度，全市共完成交易金额2163.5亿元。\n其中，第三季度交易金额846.2亿元，环比增长18.7%。\n"
            "县区中，肥西县交易金额167.3亿元。")
    figs = extract_figures(body, title="前三季度合肥公共资源交易额2163亿元", published_at="2024-10-15")
    assert figs[-1].period == "2024-01..2024-09"


def test_全年_after_a_date_in_its_sentence_is_that_years_whole() -> None:
    body = "截至11月底，市级党政机关公务用车保有量为1632辆，全年公务用车运行维护费预算3820万元。1—8月实际采购63.92亿元，完成全年采购预算的67.4%。"
    figs = extract_figures(body, published_at="2021-12-20")
    assert [f.period for f in figs if f.kind != "count"] == ["2021", "2021-01..2021-08", "2021-01..2021-08"]


def test_a_branch_centre_acts_and_its_measure_follows() -> None:
    figs = extract_figures("陆良县、会泽县、罗平县分中心交易额分别为32.15亿元、28.7亿元和24.06亿元。", title="曲靖市公共资源交易中心2019年工作报告",
                           published_at="2020-01-15")
    assert [f.metric for f in figs] == ["交易额"] * 3


def test_the_count_that_closes_a_list_is_no_part_of_its_last_item() -> None:
    figs = extract_figures("城建工程、水务、燃气、交通四大板块交易额分别为118.2亿元、31.5亿元、21.6亿元和15.6亿元。",
                           published_at="2018-01-10")
    assert [f.metric for f in figs] == ["城建工程交易额", "水务交易额", "燃气交易额", "交通交易额"]


def test_街道_counted_is_no_scope() -> None:
    figs = extract_figures("从执行主体看，娄葑、斜塘、唯亭、胜浦四个街道实际采购金额分别为4.12亿元、3.37亿元、2.95亿元和1.68亿元。",
                           published_at="2020-03-01")
    assert [f.metric for f in figs if f.kind == "money"] == ["实际采购金额"] * 4


def test_periods_listed_a_clause_before_分别_give_a_period_each() -> None:
    body = "（一）在2018-19、2019-20及2020-21年度，政府物流服務署批出的合約總值分別約為99億元、112億元及127億元。"
    figs = extract_figures(body, title="立法會五題：政府採購中的中小企參與", published_at="2021-05-19")
    assert [f.period for f in figs] == ["2018-04..2019-03", "2019-04..2020-03", "2020-04..2021-03"]


def test_a_quarter_of_a_year_compared_with_is_no_period_of_the_figures() -> None:
    body = "已公开采购意向的项目7905个，意向公开率为93.7%，较2020年四季度抽查时提高11.2个百分点；其中省本级意向公开率98.1%。"
    figs = extract_figures(body, title="江西省财政厅关于2021年上半年政府采购意向公开情况抽查结果的通报", published_at="2021-09-18")
    assert {f.period for f in figs if f.kind != "count"} == {"2021-H1"}


def test_a_year_written_in_chinese_numerals_dates_its_figures_but_a_full_date_does_not() -> None:
    body = "二零二四年，全县完成政府采购项目四百零七个，采购金额五亿三千八百万元。"
    figs = extract_figures(body, title="数读2024丨剑河县政府采购这一年", published_at="2025-01-16")
    assert [f.period for f in figs if f.kind == "money"] == ["2024"]
    deadline = extract_figures("投標截止日期為二零二五年一月十日，保證金壹拾伍萬元。", published_at="2024-12-20")
    assert [f.period for f in deadline if f.kind == "money"] == ["2024"]  # (the year of writing, not the deadline's)


def test_a_place_title_is_no_national_actor_and_a_company_named_for_the_text_owns_its_figures() -> None:
    body = "2018年，市园林局紧紧围绕国家中心城市建设推进城市绿化。全年苗木采购预算2.38亿元。"
    figs = extract_figures(body, title="市园林局2018年绿化养护及苗木采购工作情况报告", published_at="2019-01-20", publisher="郑州市园林局")
    assert [f.subject for f in figs] == ["郑州市"]
    company = extract_figures("深圳某安防设备上市公司（以下简称“公司”）披露年报。公司2023年实现营业收入18.67亿元。",
                              title="这家安防企业去年中标金额增超三成", published_at="2024-04-23")
    assert [f.subject for f in company if f.kind == "money"] == [None]


def test_an_undated_text_is_dated_by_its_signature_in_chinese_numerals_or_the_year_it_calls_next() -> None:
    signed = extract_figures("今年市直單位車輛運行維護費預算1,600萬元。\n岳陽市機關事務管理局\n二〇二一年一月十五日",
                             title="市機關事務管理局公務用車集中採購工作總結")
    assert [f.period for f in signed if f.kind == "money"] == ["2021"]
    ahead = extract_figures("全年交易总额58.73亿元，比上年增长16.4%。明年，中心将以2022年省级平台整合为契机。",
                            title="建瓯市公共资源交易中心年度工作总结")
    assert [f.period for f in ahead if f.kind == "money"] == ["2021"]


def test_the_year_an_audit_was_done_is_not_the_year_of_what_it_found() -> None:
    body = "今年重点审计了市教育局等32个部门，审计部门预算资金86.3亿元。"
    figs = extract_figures(body, title="关于泉州市2017年度市级预算执行和其他财政收支的审计工作报告", published_at="2018-08-29")
    assert [f.period for f in figs if f.kind == "money"] == ["2017"]


def test_a_list_closed_by_the_count_of_its_items_pairs_each_item_with_its_figure() -> None:
    body = "公共服务类项目中，养老服务、公共卫生、社区治理三个领域分别为18.6亿元、24.33亿元和9.87亿元。"
    figs = extract_figures(body, title="2023年全省政府购买服务情况通报", published_at="2024-03-01")
    assert [f.metric for f in figs if f.kind == "money"] == ["养老服务", "公共卫生", "社区治理"]
    towns = extract_figures("娄葑、斜塘、唯亭、胜浦四个街道实际采购金额分别为4.12亿元、3.37亿元、2.95亿元和1.68亿元。",
                            title="园区2020年政府采购情况", published_at="2021-01-10")
    assert {f.metric for f in towns if f.kind == "money"} == {"实际采购金额"}


def test_this_share_or_this_figure_takes_the_measure_named_just_before() -> None:
    body = ("从政策功能看，各地授予中小企业合同金额占比普遍超过75%。浙江省这一比例为83.6%；四川省为79.2%。"
            "2023年全省政府采购规模612.4亿元，而在2019年，这一数字仅为318.9亿元。")
    figs = extract_figures(body, title="上半年各地政府采购观察", published_at="2023-08-01")
    assert [f.metric for f in figs if f.surface in ("83.6%", "79.2%")] == ["授予中小企业合同金额占比"] * 2
    assert next(f.metric for f in figs if f.surface == "318.9亿元") == "政府采购规模"


def test_a_balance_or_a_rectification_to_a_month_end_is_what_stood_then_not_the_year_to_date() -> None:
    figs = extract_figures("截至6月末，该行“政采贷”余额3.16亿元，较年初增加1.42亿元。", title="建行宁夏分行政采贷业务稳步增长",
                           published_at="2023-07-18")
    assert [(f.period, f.base_period) for f in figs] == [("..2023-06", None), ("..2023-06", "2022-12")]
    body = ("截至2023年7月底，审计查出的126个问题中，已整改到位109个，整改率86.5%。"
            "已整改问题金额3.08亿元，制定完善制度37项。")
    audit = extract_figures(body, title="关于2022年度县级预算执行审计查出问题整改情况的报告", published_at="2023-08-30")
    assert {f.period for f in audit if f.kind in ("money", "percent")} == {"..2023-07"}
    flow = extract_figures("截至9月底，全市政府采购规模达86.3亿元。", published_at="2023-10-12")
    assert flow[0].period == "2023-01..2023-09"


def test_a_month_compared_with_in_a_clause_of_its_own_is_the_base_not_the_period() -> None:
    body = "5月份，我中心实际成交金额1.71亿元。与4月份相比，成交金额增加3680万元。本月授予中小企业合同金额1.22亿元。"
    figs = extract_figures(body, title="株洲市政府采购中心2019年5月采购工作简报", published_at="2019-06-10")
    assert [(f.period, f.base_period) for f in figs] == [("2019-05", None), ("2019-05", "2019-04"), ("2019-05", None)]


def test_a_place_before_a_word_that_begins_with_dian_is_no_dateline() -> None:
    figs = extract_figures("今年1—10月，全市开具电子保函金额2.41亿元。", title="泰州市电子保函开具量突破5000笔", published_at="2024-11-08")
    assert {f.subject for f in figs} == {"泰州市"}
    wire, word = (next(p for p in find_places(t) if p.text == name) for t, name in (
        ("新华社南京11月8日电 今年全省开具电子保函金额2.41亿元", "南京"), ("泰州市电子保函开具量突破5000笔", "泰州市")))
    assert (wire.governed, word.governed) == (True, False)  # (a wire's city is where the reporter is; 电子 is a word)


def test_a_year_the_figures_are_reckoned_by_is_not_the_period_of_the_sentences_after() -> None:
    body = ("全省医疗机构首年协议采购量为3.2万套，按上年采购价格计算需要资金18.9亿元，集采后只需3.4亿元。"
            "以全髋关节为例，集采前平均价格约3.5万元，中选后降至7000元左右。")
    figs = extract_figures(body, title="河北省人工关节集中带量采购结果公布", published_at="2020-11-20")
    assert [f.period for f in figs if f.surface in ("3.5万元", "7000元左右")] == ["2020", "2020"]


def test_an_accounts_expenditure_after_its_income_is_of_the_same_account() -> None:
    body = "（四）社会保险基金预算。社会保险基金收入21.47亿元，支出20.69亿元。"
    figs = extract_figures(body, title="关于2021年县级财政决算的审查报告", published_at="2022-08-26")
    assert [f.metric for f in figs] == ["社会保险基金收入", "社会保险基金支出"]


def test_food_bought_names_the_purchase_it_measures() -> None:
    figs = extract_figures("2018年，全年采购食材1.18亿元，比上年增加860万元。", title="饮食服务中心2018年食材采购情况",
                           published_at="2019-01-15")
    assert [f.metric for f in figs] == ["食材采购", "食材采购"]


def test_places_after_a_scoped_total_take_its_measure_without_the_scope() -> None:
    body = ("2018年，全市一般公共预算收入155.62亿元。\n按采购主体分，市本级实际采购金额16.82亿元，县（市、区）实际采购金额"
            "37.24亿元。在县（市、区）中，麒麟区8.16亿元，宣威市6.93亿元。")
    figs = extract_figures(body, title="曲靖统计年鉴2019·财政篇", published_at="2019-12-01")
    assert [f.metric for f in figs[-2:]] == ["实际采购金额", "实际采购金额"]


def test_a_line_of_labelled_numbers_under_a_unit_said_once_is_read_as_a_row_of_figures() -> None:
    body = ("18-9 全市政府采购情况（单位：万元）\n政府采购规模：2015年286431，2016年312785，2017年358062；\n"
            "18-10 分县（市、区）政府采购规模（2017年）（单位：万元）\n麒麟区61284；沾益区28436；马龙区15127。")
    figs = extract_figures(body, title="曲靖统计年鉴2018·政府采购", published_at="2018-12-01")
    assert [(f.value, f.unit, f.period) for f in figs[:3]] == [(286431, "万元", "2015"), (312785, "万元", "2016"),
                                                               (358062, "万元", "2017")]
    assert [(f.subject, f.value_yuan) for f in figs[3:]] == [("曲靖市麒麟区", 612840000), ("曲靖市沾益区", 284360000),
                                                            ("曲靖市马龙区", 151270000)]


def test_prices_that_rose_or_fell_are_changes() -> None:
    body = "9月份，食材采购平均价格环比上涨1.6%。猪肉采购均价每公斤26.4元，同比上涨11.2%；鸡蛋价格较上月下跌3.1%。"
    figs = extract_figures(body, title="襄阳市学校食堂食材价格监测月报", published_at="2024-10-10")
    assert [(f.surface, f.change, f.base_period) for f in figs if f.kind == "percent"] == [
        ("1.6%", True, "2024-08"), ("11.2%", True, "2023-09"), ("3.1%", True, "2024-08")]


def test_a_figure_joined_to_a_change_is_a_change_too() -> None:
    figs = extract_figures("2019年全州共发生森林火灾7起，受害森林面积42.6公顷，分别比上年下降36.4%和51.2%。",
                           title="黔东南州2020年森林防火装备采购完成", published_at="2020-04-02")
    assert [(f.surface, f.change, f.base_period) for f in figs if f.kind == "percent"] == [
        ("36.4%", True, "2018"), ("51.2%", True, "2018")]


def test_cases_counted_with_qi_are_counts_and_yiqi_is_together() -> None:
    figs = extract_figures("全年查处政府采购领域问题43起，给予党纪政务处分51人。各单位要一起采购。", published_at="2021-12-30")
    assert [(f.surface, f.kind, f.value) for f in figs] == [("43起", "count", 43), ("51人", "count", 51)]


def test_words_that_link_a_measure_to_its_figure_are_not_the_measure() -> None:
    figs = extract_figures("全省直达资金形成实际支出1147.6亿元。网上商城交易额破亿元。", published_at="2021-12-01")
    assert [f.metric for f in figs] == ["实际支出", "网上商城交易额"]


def test_a_numbered_card_means_what_the_line_after_it_says_of_the_same_figure() -> None:
    body = ("2025年，全市政府采购“成绩单”↓↓↓\n02 | 83.6%\n授予中小企业合同金额261.3亿元，占比83.6%。\n04 | 40%\n"
            "预付款比例原则上不低于合同金额的40%。")
    figs = extract_figures(body, title="金华市2025年政府采购成绩单", published_at="2026-01-12")
    cards = [f for f in figs if f.sentence.startswith(("02", "04"))]
    assert [(f.surface, f.metric) for f in cards] == [("83.6%", "授予中小企业合同金额占比"), ("40%", "预付款比例")]


def test_a_bare_budget_or_deal_after_a_line_label_is_that_items() -> None:
    body = "二、按采购方式统计（单位：万元）\n公开招标：项目29个，预算14230.5，成交13018.2；竞争性磋商：项目12个，预算3126.0，成交2897.4。"
    figs = extract_figures(body, title="株洲市政府采购中心2019年5月采购工作简报", published_at="2019-06-10")
    assert [f.metric for f in figs if f.kind == "money"] == ["公开招标预算", "公开招标成交金额", "竞争性磋商预算", "竞争性磋商成交金额"]


def test_a_place_named_like_a_count_is_no_count() -> None:
    figs = extract_figures("三台县人大常委会审查了预算，九台区采购金额1.2亿元，全县共有三个乡镇、3台设备。", published_at="2021-03-01")
    assert [(f.surface, f.kind) for f in figs] == [("1.2亿元", "money"), ("三个", "count"), ("3台", "count")]


def test_a_company_named_with_a_place_is_no_place_whatever_its_brand() -> None:
    body = "第一包：中标供应商湖南致远教育装备有限公司，中标金额538.76万元。"
    figs = extract_figures(body, title="隆回县教育局实验室设备采购项目中标结果公告", published_at="2019-08-01")
    assert figs[0].subject is None  # (the supplier's contract, not 湖南省's: its name begins with a province)


def test_a_table_row_of_a_county_with_its_prefecture_is_the_countys() -> None:
    body = "（单位：万元）\n地区\t分配金额\t其中：中央资金\n合计\t12000\t8400\n定西市安定区\t2860\t2002\n陇南市宕昌县\t1985\t1389.5"
    figs = extract_figures(body, title="甘肃省财政厅关于下达2023年专项资金的通知", published_at="2023-05-01")
    assert [f.subject for f in figs if f.surface in ("2860", "1985")] == ["定西市安定区", "陇南市宕昌县"]


def test_a_school_year_runs_from_september_to_august() -> None:
    body = "教青局公佈2024/2025學年教育津貼金額。書簿津貼每人可獲3,100澳門元，上學年為2,900澳門元。"
    figs = extract_figures(body, title="教青局公佈新學年教育津貼", published_at="2024-08-20")
    assert [f.period for f in figs] == ["2024-09..2025-08", "2023-09..2024-08"]


def test_an_amount_saved_against_a_budget_is_the_saving() -> None:
    figs = extract_figures("中标总金额1986.4万元，较预算2120万元节约133.6万元；两个标段合计比预算节约632万元。", published_at="2022-08-01")
    assert [f.metric for f in figs if f.surface in ("133.6万元", "632万元")] == ["节约资金", "节约资金"]


def test_funds_of_the_centre_and_the_province_keep_both_levels_in_their_name() -> None:
    body = "该项目采购预算150万元，其中中央和省级补助资金120万元，县级配套资金30万元。"
    figs = extract_figures(body, title="会同县农家书屋出版物采购项目完成", published_at="2019-10-01")
    assert [f.metric for f in figs[1:]] == ["中央和省级补助资金", "县级配套资金"]


def test_a_one_character_aside_inside_a_word_stays_in_the_metric() -> None:
    figs = extract_figures("2023年“三公”经费预算18.6万元，其中因公出国（境）费用0元，公务接待费3.2万元。", published_at="2023-03-01")
    assert [f.metric for f in figs] == ["三公经费预算", "因公出国（境）费用", "公务接待费"]


def test_a_quarter_said_without_du_is_a_quarter() -> None:
    figs = extract_figures("2021年第四季，政府消費開支按年實質上升4.8%。", title="二零二一年第四季本地生產總值", published_at="2022-02-25")
    assert [(f.period, f.base_period) for f in figs] == [("2021-Q4", "2020-Q4")]


def test_revenue_short_of_its_budget_is_a_change_of_that_revenue_and_an_overcharge_is_not() -> None:
    figs = extract_figures("政府性基金收入3.04亿元，比预算少收5.96亿元。2家代理机构多收取代理费3.7万元。", published_at="2022-08-01")
    assert [(f.metric, f.change) for f in figs if f.kind == "money"] == [
        ("政府性基金收入", False), ("政府性基金收入", True), ("收取代理费", False)]


def test_a_year_a_change_starts_from_dates_that_figure_only() -> None:
    """由2017年的21家压减至12家: 2017 is the first figure's; the rest of the sentence and the 全年 after it keep
    the year the text speaks of; 由去年的每台1680元 is last year's price."""
    figs = extract_figures("2018年，定点饭店由2017年的21家压减至12家，协议价格比市场价平均低18%。全年结算接待用餐费用298.6万元。",
                           published_at="2019-01-10")
    assert [f.period for f in figs] == ["2017", "2018", "2018", "2018"]
    prices = extract_figures("助听器包成交168.2万元，单价由去年的每台1680元降至1400元。", published_at="2023-06-01")
    assert [f.period for f in prices] == ["2023", "2022", "2023"]


def test_a_place_after_a_scoped_figure_takes_its_measure_with_only_the_scope_gone() -> None:
    figs = extract_figures("其中，市本级授予中小企业合同金额6.83亿元；各县（市、区）合计15.58亿元。在各县（市、区）中，"
                           "顺庆区2.96亿元、阆中市2.41亿元位居前三。", title="南充市财政局通报")
    assert [f.metric for f in figs] == ["市本级授予中小企业合同金额", "县（市、区）授予中小企业合同金额",
                                        "授予中小企业合同金额", "授予中小企业合同金额"]


def test_目前_is_the_year_of_writing_for_its_own_sentence() -> None:
    body = ("2017年，全县共投入营养改善计划资金1.58亿元。目前学校食堂供餐率达92.4%，比2015年提高31.6个百分点。"
            "县级财政安排经费680万元。")
    figs = extract_figures(body, title="关于县政协提案的答复", published_at="2018-06-20")
    assert [f.period for f in figs] == ["2017", "2018", "2018", "2017"]


def test_a_price_won_at_is_the_deals_amount_and_the_budget_it_is_set_against_stays_the_budget() -> None:
    figs = extract_figures("经评审，江西某建设集团有限公司以6918.27万元中标，下浮率6.91%。"
                           "64排螺旋CT采购项目最终以598万元成交，较预算680万元节约82万元。")
    assert [f.metric for f in figs if f.kind == "money"] == ["中标金额", "成交金额", "预算", "节约资金"]


def test_lots_qualify_the_total_they_split_and_central_budget_money_a_county_gets_is_no_national_text() -> None:
    lots = extract_figures("中标金额合计3.87亿元，其中第一包2.16亿元，第二包1.02亿元，第三包0.69亿元。")
    assert [f.metric for f in lots[1:]] == ["第一包中标金额", "第二包中标金额", "第三包中标金额"]
    county = extract_figures("二期工程计划总投资5190万元，其中中央预算内资金2600万元，省级补助资金1500万元。",
                             title="孟连县农村饮水安全巩固提升工程（二期）采购结果公示")
    assert "全国" not in [f.subject for f in county]


def test_a_full_name_before_a_word_that_begins_with_a_level_is_a_place() -> None:
    """武侯区市场监管局: 市场 begins a word, so 武侯区 is whole; 广州市场 is still no 广州, nor 会同区 in 将会同区市场监管局."""
    assert [p.text for p in find_places("武侯区市场监管局和江苏省市场监督管理局")] == ["武侯区", "江苏省"]
    assert find_places("广州市场") == [] and find_places("区教育局将会同区市场监管局") == []
    figs = extract_figures("项目采购预算580万元。", title="武侯区市场监管局2024年度检验检测服务采购结果出炉",
                           publisher="成都市武侯区市场监督管理局")
    assert figs[0].subject == "成都市武侯区"


def test_a_bodys_name_is_no_masthead_whose_short_name_gives_a_county() -> None:
    """康樂及文化事務署 begins with 康乐, the short name of 康乐县; a masthead (今日永嘉) names its county so, an office not."""
    figs = extract_figures("本署在年內共批出採購合約，總值約28億4,200萬元。", publisher="康樂及文化事務署")
    assert figs[0].subject != "临夏回族自治州康乐县"
    assert extract_figures("全县政府采购规模3.2亿元。", publisher="今日永嘉")[0].subject == "温州市永嘉县"
    assert extract_figures("全县政府采购规模3.2亿元。", publisher="长兴融媒体中心")[0].subject == "湖州市长兴县"  # (a paper's centre)


def test_this_year_so_far_runs_to_the_month_end_its_paragraph_counts_to() -> None:
    body = ("今年以来，我省持续深化政府采购合同融资工作。截至7月末，全省累计发放政采贷68.42亿元，同比增长41.3%。\n"
            "分设区市看，南昌市放款额15.36亿元。")
    figs = extract_figures(body, title="我省政采贷工作成效明显", published_at="2023-08-15")
    assert {f.period for f in figs} == {"2023-01..2023-07"}


def test_a_yearly_measure_keeps_its_year_word() -> None:
    """年服务费 is a year's fee (jieba tags 年 a numeral); 2023年服务费 is still the fee of 2023."""
    assert extract_figures("每台标准云主机年服务费3860元。")[0].metric == "标准云主机年服务费"
    dated = extract_figures("2023年服务费3860元。", published_at="2024-01-10")[0]
    assert (dated.metric, dated.period) == ("服务费", "2023")


def test_an_ordinal_in_chinese_numerals_is_no_count_from_its_middle() -> None:
    """第十五次会议, 第二十条: the ordinal's tail (五次, 十条) is not a count; 召开5次会议 is."""
    figs = extract_figures("在常务委员会第十五次会议上，依据《政府采购法》第二十条，全市共召开5次会议。")
    assert [f.surface for f in figs] == ["5次"]


def test_thousands_set_apart_by_a_space_keep_their_decimals_and_a_label_that_names_the_measure_adds_nothing() -> None:
    figs = extract_figures("审计发现问题金额2 146.7万元。\n包1：某公司，中标金额418.36万元；\n中标金额合计：771.16万元。")
    assert [(f.value, f.unit) for f in figs] == [(2146.7, "万元"), (418.36, "万元"), (771.16, "万元")]
    assert figs[-1].metric == "中标金额"


def test_the_first_months_without_个_are_the_year_so_far() -> None:
    figs = extract_figures("西峰区前10月政府采购节支2386万元。", published_at="2018-11-20")
    assert figs[0].period == "2018-01..2018-10"


def test_a_numbered_session_after_its_congress_is_no_count() -> None:
    figs = extract_figures("关于县十七届人大五次会议第043号建议的答复：全年召开3次会议。")
    assert [f.surface for f in figs] == ["3次"]


def test_a_sentence_opening_a_year_since_runs_from_the_month_named_before_to_the_text() -> None:
    body = "去年11月，甘肃省政府采购一体化平台正式上线运行。一年来，平台累计完成交易额183.6亿元。"
    assert extract_figures(body, published_at="2020-11-20")[0].period == "2019-11..2020-11"


def test_a_national_body_that_speaks_in_its_headline_speaks_of_the_country() -> None:
    """国家医保局：… is the body telling the country's figures; 国家文物局2019年度部门决算 its own accounts."""
    said = extract_figures("集采药品平均降价50%，每年节约费用160亿元。", title="国家医保局：2022年集中带量采购改革成效明显",
                           published_at="2022-12-30")
    assert {f.subject for f in said} == {"全国"}
    own = extract_figures("一般公共预算财政拨款支出3.2亿元。", title="国家文物局2019年度部门决算（节选）", published_at="2020-07-01")
    assert own[0].subject is None


def test_a_village_collectives_accounts_are_its_countys_not_an_organisations() -> None:
    figs = extract_figures("全年集体经济总收入386.42万元。", title="天荒坪镇大溪村2021年度村级集体经济财务收支情况公开",
                           publisher="安吉县天荒坪镇大溪村股份经济合作社", published_at="2022-01-20")
    assert figs[0].subject == "湖州市安吉县"
    bank = extract_figures("全年发放贷款3.2亿元。", title="2021年度工作报告", publisher="长安银行")
    assert bank[0].subject is None


def test_a_tables_negative_cells_with_a_minus_sign_are_read_and_signed() -> None:
    body = "（单位：亿元、%）\n省份｜政府采购规模｜同比增长\n广东｜2873.6｜6.8\n江苏｜3105.9｜−2.3\n浙江｜2416.2｜-4.1"
    figs = extract_figures(body)
    assert [(f.surface, f.value, f.subject) for f in figs if f.change] == [("6.8", 6.8, "广东省"), ("−2.3", -2.3, "江苏省"),
                                                                           ("-4.1", -4.1, "浙江省")]


def test_a_column_of_places_under_a_unit_line_takes_the_tables_caption() -> None:
    body = ("全市政府采购规模98.64亿元。\n10-6 各县（市、区）政府采购规模（2018年）\n单位：亿元\n"
            "襄城区 4.06\n樊城区 5.47\n襄州区 9.12")
    figs = extract_figures(body, title="襄阳统计年鉴2019·财政", published_at="2019-12-01")
    assert [(f.value, f.unit, f.metric, f.subject, f.period) for f in figs[1:]] == [
        (4.06, "亿元", "政府采购规模", "襄阳市襄城区", "2018"), (5.47, "亿元", "政府采购规模", "襄阳市樊城区", "2018"),
        (9.12, "亿元", "政府采购规模", "襄阳市襄州区", "2018")]


def test_the_next_item_of_a_run_after_a_semicolon_takes_the_measure_of_the_item_before() -> None:
    body = ("从采购方式看，公开招标采购规模1093.51亿元，占73.6%；竞争性磋商158.20亿元；单一来源32.6亿元。"
            "从品类看，计算机及办公设备交易额78.4亿元，占比42%；办公耗材及文具31.6亿元；家电22.9亿元，同比增长5.1%。")
    figs = extract_figures(body, published_at="2024-07-10")
    assert [(f.surface, f.metric) for f in figs if f.kind == "money"] == [
        ("1093.51亿元", "公开招标采购规模"), ("158.20亿元", "竞争性磋商采购规模"), ("32.6亿元", "单一来源采购规模"),
        ("78.4亿元", "计算机及办公设备交易额"), ("31.6亿元", "办公耗材及文具交易额"), ("22.9亿元", "家电交易额")]
    assert figs[-1].metric == "家电交易额" and figs[-1].change


def test_kinds_of_one_deal_in_a_run_take_the_measure_the_first_kind_names() -> None:
    figs = extract_figures("依採購性質區分，工程採購決標金額768.3億元、財物採購121.9億元、勞務採購152.5億元。")
    assert [f.metric for f in figs] == ["工程采购决标金额", "财物采购决标金额", "劳务采购决标金额"]
    whole = extract_figures("医院全年采购总金额1.8亿元，其中政府采购总金额6384万元，院内自行采购1.18亿元。")
    assert whole[2].metric == "院内自行采购金额"


def test_a_government_work_report_read_early_in_the_year_reviews_the_year_before() -> None:
    body = "各位代表：\n全年区级政府采购规模86.4亿元，同比增长3.2%。2025年主要预期目标：地区生产总值增长5%左右。"
    figs = extract_figures(body, title="2025年上海市闵行区人民政府工作报告（摘录）", published_at="2025-01-09")
    assert [(f.surface, f.period) for f in figs] == [("86.4亿元", "2024"), ("3.2%", "2024"), ("5%左右", "2025")]
    told = extract_figures("全年區級政府採購規模86.4億元。", title="2025年閔行區人民政府工作報告", published_at="2025-01-09")
    assert told[0].period == "2024"
    summary = extract_figures("全年政府采购规模86.4亿元。", title="2025年闵行区财政局工作总结", published_at="2025-01-09")
    assert summary[0].period == "2025"


def test_a_headings_year_dates_the_whole_year_of_the_paragraph_under_it() -> None:
    body = "1—11月，全市公共资源交易额1386.4亿元。\n三、2026年工作打算\n力争全年交易额突破1500亿元。"
    figs = extract_figures(body, title="泉州市公共资源交易中心2025年工作总结", published_at="2025-12-22")
    assert [f.period for f in figs] == ["2025-01..2025-11", "2026"]
    told = extract_figures("全市2026年交易额将增长。\n力争全年交易额突破1500亿元。", published_at="2025-12-22")
    assert told[0].period == "2025"


def test_a_measured_share_next_to_a_rule_word_keeps_its_period() -> None:
    body = "2025年，全市面向中小企业预留采购项目预算68.94亿元。分县市区看，无为市预留9.86亿元，预留比例66.3%。" \
           "今年将对中小企业给予10%的价格扣除。"
    figs = extract_figures(body, published_at="2026-02-11")
    assert [(f.surface, f.period) for f in figs if f.kind == "percent"] == [("66.3%", "2025"), ("10%", "2026")]


def test_the_next_item_may_bring_its_own_count() -> None:
    body = "2021年，工程采购决标金额52.7亿元；财物采购87件、6.1亿元；劳务采购127件、9.4亿元。"
    assert [f.metric for f in extract_figures(body) if f.kind == "money"] == [
        "工程采购决标金额", "财物采购决标金额", "劳务采购决标金额"]


def test_a_body_or_townships_name_is_whose_figure_not_what_was_measured() -> None:
    body = "分企业看，建投集团成交68.35亿元，占全部成交金额的36.7%；产投集团41.28亿元；兴泰集团12.06亿元。" \
           "从镇看，周庄镇采购规模2.63亿元，华士镇采购规模2.41亿元。"
    assert [f.metric for f in extract_figures(body) if f.kind == "money"] == ["成交", "成交", "成交", "采购规模", "采购规模"]


@pytest.mark.parametrize("text, metric", [
    ("检查发现，该机构多收代理服务费3.6万元。", "多收代理服务费"),
    ("政采贷平均年化利率为3.85%。", "年化利率"),
    ("清雪设备购置资金500万元。", "清雪设备购置资金"),
    ("课后服务每生每学期补助200元。", "每生每学期补助"),
])
def test_a_word_jieba_cuts_into_single_characters_stays_whole_in_the_metric(text: str, metric: str) -> None:
    assert [f.metric for f in extract_figures(text) if f.kind in ("money", "percent")] == [metric]


def test_a_counter_after_a_number_or_a_place_is_not_glued_to_the_metric() -> None:
    figs = extract_figures("为縣庫節省經費約9.1億元，全市30日内支付率达到98.5%。")
    assert [f.metric for f in figs if f.kind in ("money", "percent")] == ["节省经费", "支付率"]


def test_a_flattened_tables_row_of_places_under_a_said_unit_is_read_and_made_parts_of_its_total() -> None:
    body = "表6 各县（市、区）政府采购规模（2020年）\n单位：万元\n全市合计 684500；市本级 312456；麒麟区 85236；沾益区 42118；" \
           "宣威市 68920；富源县 31407；罗平县 29854；会泽县 114619。"
    figs = extract_figures(body, title="曲靖统计年鉴2021")
    assert [f.value for f in figs] == [684500, 312456, 85236, 42118, 68920, 31407, 29854, 114619]
    assert [f.parent for f in figs] == [None] + [0] * 7


def test_the_tail_of_a_list_of_places_that_sums_to_a_total_by_chance_is_not_its_breakdown() -> None:
    body = "按采购方式分，公开招标38.46亿元，竞争性磋商11.92亿元，询价0.86亿元。\n表7 各县政府采购规模 单位：万元\n" \
           "市本级 130880；麒麟区 98640；沾益区 52310；马龙区 31850；宣威市 87260；陆良县 45920；师宗县 28470；罗平县 39180。"
    figs = extract_figures(body, title="曲靖统计年鉴2021")
    assert [f.parent for f in figs if f.surface.isdigit()] == [None] * 8  # (98640 … 39180 make 38.46亿元 ± 0.3%)


def test_months_not_yet_counted_when_the_text_was_written_are_last_years() -> None:
    body = "截至12月31日，村集体银行存款余额218.37万元。\n1—11月，全镇政府采购规模3.2亿元。\n力争12月底前完成采购1.5亿元。"
    assert [f.period for f in extract_figures(body, published_at="2026-01-08")] == [
        "..2025-12", "2025-01..2025-11", "2026-12"]
    under_way = extract_figures("下半年，全区已完成政府采购4.2亿元。", published_at="2023-07-18")
    assert under_way[0].period == "2023-H2"
    said = extract_figures("2024年第三季度采购意向公开情况如下。\n三季度，全市公开采购意向42.37亿元。", published_at="2024-07-08")
    assert said[0].period == "2024-Q3"


def test_a_later_story_of_a_page_does_not_take_the_period_of_the_page_index_or_of_another_story() -> None:
    body = "【本版导读】\n■ 消防新装备“上岗” ■ 一季度我市832平台销售增长两成\n消防新装备“上岗”\n" \
           "本报讯（记者 蒲晓燕）5月20日，市消防救援支队新购置的9辆消防车正式配发基层。此批装备由市财政安排资金1570万元。\n" \
           "一季度我市832平台销售增长两成\n本报讯（记者 王渠）今年一季度，我市在832平台实现农副产品销售额1.12亿元。"
    periods = {f.surface: f.period for f in extract_figures(body, title="南充日报 第03版：综合新闻", published_at="2024-05-21")}
    assert periods["1570万元"] == "2024" and periods["1.12亿元"] == "2024-Q1"


def test_whole_city_means_the_city_that_opens_its_paragraph_or_the_heading_over_it() -> None:
    body = "台州：数据直连\n台州市财政局将政府采购云平台与银行直连。今年1—9月，全市“政采贷”放款18.74亿元。\n东莞：风险分担\n" \
           "东莞市设立风险补偿资金池。截至9月底，全市累计发放“政采贷”42.3亿元。\n绵阳：扩面增量\n截至9月底，全市放款6.95亿元。"
    figs = extract_figures(body, title="三城“政采贷”观察", published_at="2024-11-05")
    assert [f.subject for f in figs] == ["台州市", "东莞市", "绵阳市"]


def test_where_a_meeting_or_an_opening_was_held_is_not_the_articles_place() -> None:
    body = "根据采购文件，6月28日在石家庄开标，现将拟中选结果公示如下。本批集采首年约定采购金额14.86亿元。"
    figs = extract_figures(body, title="河北省第三批药品集中带量采购拟中选结果公示", published_at="2023-06-30")
    assert figs[0].subject == "河北省"


def test_a_companys_own_report_gives_its_figures_no_place() -> None:
    figs = extract_figures("报告期内，公司实现营业收入38.62亿元，其中政府客户收入21.35亿元。",
                           title="华信数智科技股份有限公司2024年半年度报告（摘要）", publisher="上海证券交易所网站")
    assert [f.subject for f in figs] == [None, None]


def test_a_lot_named_by_a_letter_or_a_roman_numeral_stays_in_the_metric() -> None:
    figs = extract_figures("Ⅰ标段招标控制价10328.75万元，B标段中标价9527.67万元。")
    assert [f.metric for f in figs] == ["Ⅰ标段招标控制价", "B标段中标价"]


def test_rows_with_an_amount_and_a_rate_each_are_parts_of_the_total_however_many() -> None:
    rows = "".join(f"{p}：采购规模{v}，节约率{r}；\n" for p, v, r in [
        ("市本级", 231460, 5.1), ("麒麟区", 98320, 4.6), ("沾益区", 52180, 3.9), ("马龙区", 31740, 3.2), ("宣威市", 121560, 4.1),
        ("陆良县", 74230, 3.7), ("师宗县", 48690, 4.0), ("罗平县", 63270, 3.5), ("富源县", 79810, 4.3), ("会泽县", 62440, 3.8)])
    body = "2021年，全市政府采购规模86.37亿元，比上年增长5.2%；节约资金3.94亿元，节约率4.4%。\n" \
           "表19-8 分县（市、区）政府采购情况（单位：万元、%）\n" + rows
    figs = extract_figures(body, title="曲靖统计年鉴2022")
    assert [f.parent for f in figs if f.kind == "money" and f.unit == "万元"] == [0] * 10


def test_the_day_a_story_happened_dates_its_figures_by_the_year_not_that_month() -> None:
    body = "3月27日，记者从市生态环境局获悉，该局通过公开招标确定运维单位，合同总金额1146.6万元。"
    assert extract_figures(body, published_at="2024-03-28")[0].period == "2024"
    week = extract_figures("9月18日至24日，全市公共资源交易成交金额28.6亿元。", published_at="2023-09-26")
    assert week[0].period == "2023-09"


def test_a_city_bureaus_branch_named_for_a_district_is_that_districts() -> None:
    title = "成都市医疗保障局武侯分局购买医保基金第三方稽核服务项目成交结果公告"
    assert extract_figures("四、采购预算：180万元。", title=title)[0].subject == "成都市武侯区"
    assert extract_figures("采购预算180万元。", title="成都市公安局高新分局采购结果公告")[0].subject == "成都市"


def test_a_lead_that_ends_by_announcing_what_follows_names_the_place_but_a_line_of_addressees_does_not() -> None:
    body = "分水镇财政财务管理审查情况汇报\n根据桐庐县财政局统一安排，我镇对本年度财政财务管理情况进行了全面自查。现将有关情况汇报如下：\n" \
           "全年完成一般公共预算收入1.32亿元。"
    assert extract_figures(body, title="分水镇财政财务管理审查情况汇报")[0].subject == "杭州市桐庐县"
    notice = "各市（州）财政局，兰州新区财政局：\n根据考核办法，省财政厅对全省86个县（市、区）进行了考核。现将有关情况通报如下：\n" \
             "全省县级政府采购意向公开率98.6%。"
    assert extract_figures(notice, title="甘肃省财政厅关于2022年度县级政府采购工作考核情况的通报")[0].subject == "甘肃省"


def test_the_first_three_quarters_are_counted_to_september_like_a_run_of_months() -> None:
    assert extract_figures("前三季度，全市政府采购规模86.4亿元。", published_at="2026-01-10")[0].period == "2025-01..2025-09"


def test_a_place_after_a_verb_of_buying_is_where_the_goods_come_from_not_whose_figure() -> None:
    body = "在扶贫采购方面，通过“832平台”采购合阳县红薯、苹果等农产品612.4万元。"
    figs = extract_figures(body, title="后勤集团2020年食堂大宗食材集中采购工作总结", publisher="西北农林科技大学后勤管理处")
    assert [f.subject for f in figs] == [None]
    assert extract_figures("合阳县财政局采购办公设备120万元。")[0].subject == "渭南市合阳县"


def test_the_way_one_contract_was_awarded_is_no_channel_of_its_award() -> None:
    body = "长兴县城市管理局通过公开招标，确定浙江绿源环境科技有限公司为城区垃圾收运服务供应商，中标金额2386.5万元。"
    assert one(body).metric == "中标金额"
    assert one("县级预算单位通过网上商城完成采购，成交金额1863万元。").metric == "网上商城成交金额"


def test_a_light_verb_and_the_tender_said_of_its_project_are_no_part_of_what_was_measured() -> None:
    assert one("对该代理机构处以罚款2万元。").metric == "罚款"
    assert one("该项目采购预算1360万元。").metric == "采购预算"
    assert one("该项目总投资1.38亿元。").metric == "项目总投资"


def test_money_from_the_centre_in_a_countys_funding_is_the_countys_and_a_national_title_is_no_scope() -> None:
    body = "项目资金由中央财政居家和社区基本养老服务提升行动资金320万元、省级补助150万元组成。"
    figs = extract_figures(body, title="秦安县：居家养老服务提升行动资金到位", published_at="2024-05-01")
    assert [f.subject for f in figs] == ["天水市秦安县"] * 2
    assert one("青田县是全国著名侨乡，上届大会会务支出214万元。").subject == "丽水市青田县"
    assert one("财政部公布，2023年全国政府采购规模33929.6亿元。").subject == "全国"


def test_the_county_a_city_paper_speaks_of_is_the_one_county_it_names_even_later() -> None:
    body = "县财政局负责人介绍，今年1—8月，全县政府采购合同金额2.37亿元。\n据了解，栾川县是国家重点生态功能区。"
    figs = extract_figures(body, title="农商银行“政采贷”助力中小企业", publisher="洛阳日报", published_at="2019-09-27")
    assert figs[0].subject == "洛阳市栾川县"


def test_a_half_year_reports_reporting_period_is_its_first_half() -> None:
    body = "报告期内，公司实现营业收入8.36亿元，同比增长12.45%。"
    figs = extract_figures(body, title="天地数码科技股份有限公司2024年半年度报告（摘要）", published_at="2024-08-27")
    assert [(f.period, f.base_period) for f in figs] == [("2024-H1", None), ("2024-H1", "2023-H1")]


def test_a_school_year_named_by_one_year_runs_september_to_august() -> None:
    body = "112學年度全市國中小營養午餐食材聯合採購已完成決標，決標總金額新臺幣19億4,286萬元。"
    figs = extract_figures(body, title="臺中市營養午餐食材聯合採購決標", published_at="2023-08-22")
    assert [f.period for f in figs] == ["2023-09..2024-08"]
    assert one("2024学年秋季校服采购金额386万元。").period == "2024-09..2025-08"


def test_contracts_a_class_of_supplier_got_keep_the_class_said_in_a_clause_before_them() -> None:
    assert one("去年全县授予中小企业的合同金额为4.37亿元。").metric == "授予中小企业合同金额"
    assert one("这里面，中小企业拿到的合同金额是152.3亿元。").metric == "中小企业合同金额"
    assert one("去年全县采购的合同金额为4.37亿元。").metric == "合同金额"


def test_a_span_since_a_month_cut_off_at_a_month_end_runs_to_that_end() -> None:
    body = "贵州省政府采购电子卖场自2019年10月上线运行以来，截至2020年10月底，累计交易额31.42亿元。"
    assert one(body, published_at="2020-11-03").period == "2019-10..2020-10"


def test_a_headline_that_names_a_project_by_its_place_names_the_articles_place() -> None:
    body = "六、合同金额：9486.48万元。"
    figs = extract_figures(body, title="祁东县城区环卫作业市场化服务项目合同公告", publisher="湖南省政府采购网")
    assert figs[0].subject == "衡阳市祁东县"


def test_a_lot_numbered_with_di_keeps_its_di() -> None:
    assert one("第2包中标金额368万元。").metric == "第2包中标金额"


def test_the_parts_of_a_total_to_date_are_of_its_months() -> None:
    body = "2020年10月，财政部在绍兴等城市开展试点。\n" \
           "记者从绍兴市财政局获悉，截至2023年2月底，全市累计带动绿色建材采购40.7亿元。其中，市本级绿色建材采购11.4亿元。"
    figs = extract_figures(body, title="绍兴绿色建材试点", published_at="2023-03-20")
    assert [f.period for f in figs] == ["..2023-02", "..2023-02"]


def test_a_township_governments_accounts_are_its_places_and_a_township_unknown_to_the_registry_is_named_as_written() -> None:
    body = "2019年度收入总计18642.35万元，支出总计18642.35万元。"
    figs = extract_figures(body, title="孝丰镇人民政府2019年度部门决算", publisher="安吉县人民政府", published_at="2020-08-21")
    assert [f.subject for f in figs] == ["湖州市安吉县"] * 2
    town = extract_figures("上半年，全镇完成固定资产投资3.26亿元。", title="石桥镇2024年上半年工作总结", publisher="石桥镇人民政府")
    assert [f.subject for f in town] == ["石桥镇"]
    assert one("2019年度支出总计1864.35万元。", title="安吉县教育局2019年度部门决算").subject is None


def test_a_measure_that_first_passed_a_mark_is_read_past_the_first() -> None:
    assert one("去年我市政府采购规模首破50亿元。").metric == "政府采购规模"
    assert one("全州政府采购规模首次突破30亿元。").metric == "政府采购规模"



def test_a_count_of_who_acted_names_no_measure_for_the_amounts_after_it() -> None:
    figs = extract_figures("去年，该行累计服务企业128家，放款6.95亿元。", published_at="2023-06-01")
    assert [f.metric for f in figs if f.kind == "money"] == ["放款"]


def test_a_sections_heading_that_says_what_follows_names_no_channel() -> None:
    body = "六、中标信息：中标供应商：湖南省新华书店有限责任公司隆回县分公司；中标金额：108.67万元；供货折扣：72%。"
    assert [f.metric for f in extract_figures(body) if f.kind == "money"] == ["中标金额"]


def test_what_was_taken_is_read_without_how_or_from_whom() -> None:
    assert one("其利用职务便利收受供应商回扣27.6万元。").metric == "收受回扣"


def test_a_taiwan_township_office_is_named_as_written_and_a_sentence_opening_with_our_town_names_none() -> None:
    body = "本所112年度辦理採購案件共186件，決標金額合計新臺幣3億2,475萬元。"
    figs = extract_figures(body, title="吉安鄉公所112年度採購案件執行概況")
    assert [f.subject for f in figs if f.kind == "money"] == ["吉安乡"]
    assert one("今年我镇完成固定资产投资3.26亿元。", title="今年我镇经济运行平稳").subject is None


def test_a_year_a_figure_is_a_multiple_of_is_no_period_of_the_sentences_after() -> None:
    body = "截至12月25日，各级预算单位今年采购农副产品83.56亿元，是去年全年的6倍多。其中，中央预算单位采购7.84亿元。"
    figs = extract_figures(body, title="预算单位采购贫困地区农副产品超80亿元", published_at="2020-12-29")
    assert [f.period for f in figs if f.surface == "7.84亿元"] == ["2020"]


def test_a_line_that_names_who_won_names_no_thing_for_the_amount_after_it() -> None:
    body = "中标供应商：贵州云上数据有限公司，中标金额2698.45万元。"
    assert [f.metric for f in extract_figures(body) if f.kind == "money"] == ["中标金额"]


def test_the_level_a_change_starts_from_is_of_the_year_before() -> None:
    body = "今年我市将消费券面额由每人每月100元提高到150元，履约保证金比例由5%降至2%，由2020年的36.8亿元增加到62.4亿元。"
    figs = extract_figures(body, published_at="2024-07-01")
    assert [(f.surface, f.period) for f in figs] == [("100元", "2023"), ("150元", "2024"), ("5%", "2023"), ("2%", "2024"),
                                                      ("36.8亿元", "2020"), ("62.4亿元", "2024")]


def test_a_plan_is_of_when_it_is_made_not_of_the_year_reviewed_before_it() -> None:
    body = "2021年，全省通过“政采云”平台完成小额零星采购186.4亿元。义乌市计划年内再推出4个框架协议，力争全年框架协议采购金额超过1亿元。"
    figs = extract_figures(body, published_at="2022-05-10")
    assert [(f.surface, f.period) for f in figs if f.kind == "money"] == [("186.4亿元", "2021"), ("1亿元", "2022")]


def test_a_month_that_dates_one_deal_gives_its_year_and_a_months_statistics_keep_the_month() -> None:
    body = ("企业负责人说，今年8月公司中标兴化市一个智慧校园项目，合同金额680万元。项目分为2个标段，中标金额分别为400万元和280万元。"
            "\n9月，全市政府采购电子卖场成交金额2.16亿元。")
    figs = extract_figures(body, published_at="2021-11-01")
    assert [(f.surface, f.period) for f in figs if f.kind == "money"] == [
        ("680万元", "2021"), ("400万元", "2021"), ("280万元", "2021"), ("2.16亿元", "2021-09")]


def test_the_level_of_the_texts_own_place_is_an_item_of_a_list_of_its_divisions() -> None:
    body = "分县市区看，荆州区、沙市区、洪湖市和市本级分别完成6.21亿元、7.86亿元、8.8亿元和9.9亿元。"
    figs = extract_figures(body, title="荆州市1—4月财政收支情况", published_at="2017-05-10")
    assert [f.subject for f in figs] == ["荆州市荆州区", "荆州市沙市区", "荆州市洪湖市", "荆州市"]


def test_a_name_only_a_possible_renaming_gives_is_no_place_in_another_provinces_text() -> None:
    body = "机电工程署今日宣布，九龙区政府大楼机电系统保养定期合约已批予信达工程有限公司，合约总额为3亿1,520万元。"
    figs = extract_figures(body, title="机电工程署批出九龙区政府大楼机电保养合约", publisher="香港特别行政区政府新闻公报")
    assert {f.subject for f in figs} <= {None, "香港特别行政区"}
    assert one("九龙区今年投资1.2亿元。", title="甘孜州九龙县教育简讯").subject is not None


def test_a_place_in_brackets_inside_a_companys_name_is_its_seat_not_the_figures_place() -> None:
    body = "包2：梅林片区更新单元实施评估，成交供应商：中规汇智（深圳）咨询有限公司，成交金额97.8万元。"
    figs = extract_figures(body, title="福田区城市更新和土地整备局规划咨询服务成交公告", publisher="深圳市福田区政府采购中心")
    assert [f.subject for f in figs if f.kind == "money"] in (["深圳市福田区"], [None])


def test_a_rate_said_after_its_measure_comes_first_in_the_metric() -> None:
    figs = extract_figures("轮出环节，挂牌底价每吨8600元；轮入环节，中标价每吨9420元。")
    assert [f.metric for f in figs] == ["每吨挂牌底价", "每吨中标价"]


def test_a_lot_counted_before_its_measure_is_no_part_of_the_metric() -> None:
    figs = extract_figures("经评审，三个包中标金额合计1216.7万元，分别为489.6万元、471.3万元和255.8万元。")
    assert {f.metric for f in figs if f.kind == "money"} == {"中标金额"}


def test_a_listed_companys_announcement_is_its_own_not_the_exchanges_city() -> None:
    body = ("证券代码：300XXX 证券简称：绿城环境 公告编号：2020-041\n本合同年服务费为1.86亿元，服务期8年。"
            "本合同总金额占公司2019年度经审计营业收入41.1亿元的36.2%。")
    figs = extract_figures(body, title="绿城环境科技股份有限公司关于签订日常经营重大合同的公告", publisher="深圳证券交易所")
    assert {f.subject for f in figs if f.kind == "money"} == {None}


def test_an_intention_notices_budgets_are_of_the_year_not_of_the_quarter_buying_is_planned_for() -> None:
    body = ("现将厦门市思明区城市管理局2026年4月至6月采购意向公开如下：\n1．市政设施巡查维护服务：服务期1年，预算金额426.5万元，"
            "预计采购时间2026年5月。\n2．垃圾分类智能投放设备采购：预算金额396万元，预计采购时间2026年6月。")
    figs = extract_figures(body, published_at="2026-03-20")
    assert [f.period for f in figs if f.kind == "money"] == ["2026", "2026"]
    counted = extract_figures("现将2024年第三季度全市各级预算单位采购意向公开情况汇总如下：共公开意向1286条，涉及预算金额42.37亿元。",
                              published_at="2024-07-10")
    assert [f.period for f in counted if f.kind == "money"] == ["2024-Q3"]  # a count of a quarter's intentions


def test_one_things_figure_after_a_year_to_date_is_of_the_year() -> None:
    body = ("今年1—7月，全省发放“政采贷”32.4亿元，同比增长27.8%。\n"
            "德阳市一家环保设备公司负责人告诉记者，公司凭一份860万元的中标合同，在成都银行获得300万元信用贷款。")
    figs = {f.surface: f.period for f in extract_figures(body, published_at="2024-08-12") if f.kind == "money"}
    assert figs == {"32.4亿元": "2024-01..2024-07", "860万元": "2024", "300万元": "2024"}


def test_hong_kong_and_macao_figures_are_the_regions_even_when_only_the_currency_or_a_district_says_so() -> None:
    dump = "公共部門採購概況\n一年來，特區政府各部門共進行公開招標312項，判給金額合共52億3,900萬澳門元。"
    assert {f.subject for f in extract_figures(dump) if f.kind == "money"} == {"澳门特别行政区"}
    paper = "康樂及文化事務署沙田區場地清潔服務合約為期三年，合約總值1億2,480萬港元。"
    assert {f.subject for f in extract_figures(paper, title="康文署批出場地清潔合約") if f.kind == "money"} == {"香港特别行政区"}


def test_figures_a_company_tells_the_reporter_are_its_own() -> None:
    body = ("本报讯 记者昨日从西安市公共交通总公司获悉，今年公司计划采购纯电动公交车1500辆，项目预算10.8亿元，近日已完成公开招标。"
            "其中，12米级车型900辆，中标单价72.6万元；10.5米级车型600辆，中标单价58.5万元。两类车型中标金额分别为6.534亿元和3.51亿元，"
            "合计10.04亿元，比预算节约7560万元。")
    figs = extract_figures(body, title="西安公交今年将新购1500辆纯电动公交车", publisher="华商报", published_at="2018-03-20")
    assert {f.subject for f in figs if f.kind == "money"} == {None}


def test_parts_of_a_total_take_the_measure_it_totals() -> None:
    body = "本批次共46个分标、218个包，中标总金额18.64亿元。其中：变压器类5.82亿元，电缆及附件4.37亿元，其他物资1.78亿元。"
    figs = [f.metric for f in extract_figures(body) if f.kind == "money"]
    assert figs[1:3] == ["变压器类中标金额", "电缆及附件中标金额"]


def test_a_sentence_that_divides_a_total_by_kind_lists_its_parts() -> None:
    body = ("5月份，全省各级公共资源交易平台共完成交易项目642个，交易额86.47亿元，环比增长14.2%。\n"
            "分板块看，工程建设项目交易额58.32亿元，政府采购12.65亿元，土地使用权和矿业权出让13.86亿元，国有产权交易1.64亿元。")
    figs = extract_figures(body, published_at="2025-06-10")
    total = next(i for i, f in enumerate(figs) if f.surface == "86.47亿元")
    assert [f.parent for f in figs if f.kind == "money" and f.surface != "86.47亿元"] == [total] * 4


def test_a_bare_scale_after_a_currency_or_a_word_of_lending_or_saving_is_money() -> None:
    figs = extract_figures("按採購方式分：公開招標214項，金額澳門元38.7億；書面諮詢597項，金額澳門元9.8億。")
    assert [(f.surface, f.unit) for f in figs if f.kind == "money"] == [("38.7億", "澳门元亿元"), ("9.8億", "澳门元亿元")]
    spoken = extract_figures("“银行看了合同，贷了120万，三天就到账了。”")
    assert [(f.surface, f.value_yuan) for f in spoken if f.kind == "money"] == [("120万", 1200000)]


def test_a_registers_rows_put_their_numbers_under_their_columns_beside_cells_of_words() -> None:
    body = "单位：元\n序号 项目名称 采购方式 预算金额 成交金额 供应商 登记日期\n" \
           "1 村委会会议室桌椅采购 询价 52000 48600 某家具厂 3月8日\n" \
           "2 河道保洁服务（12个月） 竞争性磋商 240000 226800 某保洁公司 4月2日\n合计 292000 275400"
    every = extract_figures(body, title="某镇政府采购登记台账", published_at="2023-05-06")
    figs = [f for f in every if f.kind == "money"]
    assert [(f.value, f.metric) for f in figs] == [
        (52000, "村委会会议室桌椅采购预算金额"), (48600, "村委会会议室桌椅采购成交金额"),
        (240000, "河道保洁服务预算金额"), (226800, "河道保洁服务成交金额"), (292000, "预算金额"), (275400, "成交金额")]
    assert [every[f.parent].value for f in figs[:4]] == [292000, 275400, 292000, 275400]


def test_a_tables_columns_are_split_at_wide_gaps_and_letters_spaced_out_are_one_cell() -> None:
    body = "表5 历年政府采购情况\n单位：万元、%\n指 标 名 称　　2019年　　2020年　　2020年比2019年增长%\n" \
           "政府采购规模　　21,406　　24,833　　16.0\n按采购类别分：\n 货物类　　8,112　　9,020　　11.2\n" \
           "资金节约率（%）　　6.1　　6.4　　—"
    figs = extract_figures(body, title="某县统计年鉴2021")
    assert [(f.surface, f.unit, f.period) for f in figs if f.kind == "money"] == [
        ("21,406", "万元", "2019"), ("24,833", "万元", "2020"), ("8,112", "万元", "2019"), ("9,020", "万元", "2020")]
    assert [(f.surface, f.change) for f in figs if f.kind == "percent"] == [
        ("16.0", True), ("11.2", True), ("6.1", False), ("6.4", False)]


def test_a_tables_column_of_counts_holds_counts_and_a_shorter_row_fills_the_columns_from_the_left() -> None:
    body = "各类交易情况（单位：个、万元）\n项目类型 项目数 预算 成交金额\n工程建设 46 52864 50218\n政府采购 97 22146 20732\n" \
           "单位名称   采购预算   财政拨款   其他资金\n县教育局   812.4   700.0   112.4\n　其中:课桌椅   146.8"
    figs = extract_figures(body, title="某县交易情况", published_at="2025-07-09")
    assert [(f.surface, f.kind) for f in figs][:4] == [("46", "count"), ("52864", "money"), ("50218", "money"), ("97", "count")]
    desk = next(f for f in figs if f.surface == "146.8")
    assert desk.unit == "万元" and figs[desk.parent].surface == "812.4"


def test_a_table_in_an_intention_notice_titled_by_its_months_is_of_the_year() -> None:
    body = "现将本单位2024年4月至6月采购意向公开如下：\n序号 采购项目名称 采购需求概况 预算金额（万元） 预计采购时间\n" \
           "1 教学楼维修 屋面防水及外墙修缮 186.00 2024年5月\n2 食堂设备更新 蒸饭柜等 42.50 2024年6月"
    figs = extract_figures(body, title="某中学2024年4月至6月政府采购意向", published_at="2024-04-02")
    assert [(f.value, f.period) for f in figs if f.kind == "money"] == [(186.0, "2024"), (42.5, "2024")]


def test_a_ledger_under_a_unit_line_makes_each_line_a_part_of_the_line_indented_less_above_it() -> None:
    body = "某村2022年第二季度财务收支公开\n（单位：元）\n一、收入合计　　　96,300.00\n　其中：上级转移支付　　60,000.00\n" \
           "　　　　集体资产租赁收入　36,300.00\n二、支出合计　　　81,250.40\n　其中：村干部报酬　　45,000.00\n" \
           "　　　　道路维修　　　36,250.40\n备注：道路维修经村民代表会议通过。"
    figs = extract_figures(body, title="某村财务收支公开", published_at="2022-07-05")
    assert [(f.value, f.metric) for f in figs if f.kind == "money"] == [
        (96300, "收入合计"), (60000, "上级转移支付"), (36300, "集体资产租赁收入"),
        (81250.4, "支出合计"), (45000, "村干部报酬"), (36250.4, "道路维修")]
    assert [figs[f.parent].value if f.parent is not None else None for f in figs if f.kind == "money"] == [
        None, 96300, 96300, None, 81250.4, 81250.4]


def test_a_tables_names_spaced_out_with_ideographic_spaces_do_not_swallow_the_rows_numbers() -> None:
    body = "各县（区）政府采购情况（2015年）\n单位：万元\n县（区） 采购预算 采购金额\n全　市 16539.5 15462.7\n" \
           "环　县 1894.1 1765.5\n宁　县 1678.3 1572.2"
    figs = extract_figures(body, title="某市统计年鉴2016")
    assert [f.surface for f in figs if f.kind == "money"] == [
        "16539.5", "15462.7", "1894.1", "1765.5", "1678.3", "1572.2"]


def test_a_total_since_a_month_earlier_this_year_runs_to_the_month_of_writing() -> None:
    body = "记者从市财政局了解到，我市政府采购电子卖场自今年6月上线以来，累计成交金额3.2亿元。"
    assert [f.period for f in extract_figures(body, published_at="2017-12-20")] == ["2017-06..2017-12"]
    since_a_day = extract_figures("7月下旬以来，受强降雨影响，市民政局紧急采购救灾物资，合同总金额386万元。", published_at="2021-08-10")
    assert since_a_day[0].period == "2021-07"  # (since a part of a month: that month's events)


def test_spoken_yuan_written_with_kuai_and_about_written_with_lai_are_money() -> None:
    body = "家长说，以前在外面买一套冬装要三百来块，网上同样面料的才一百五六十块；猪肉每斤比市场价低1块5左右，" \
           "鸡蛋一斤也就三块五，一年下来能省下二十来万元。学校还安装了三块显示屏。"
    figs = extract_figures(body, published_at="2024-09-10")
    assert [(f.surface, f.kind, f.value, f.unit, f.approx) for f in figs if f.kind == "money"] == [
        ("三百来块", "money", 300, "元", "约"), ("一百五六十块", "money", 150, "元", None), ("1块5", "money", 1.5, "元", None),
        ("三块五", "money", 3.5, "元", None), ("二十来万元", "money", 20, "万元", "约")]
    assert [(f.surface, f.kind) for f in figs if f.kind == "count"] == [("三块", "count")]


def test_a_reserve_standing_now_in_a_text_about_this_year_is_a_balance_not_a_total_of_the_years_months() -> None:
    body = "今年以来，市应急管理局新增采购防汛物资1558万元。截至目前，市级防汛物资储备库储备物资总价值达6820万元。"
    figs = extract_figures(body, published_at="2020-05-20")
    assert [f.period for f in figs] == ["2020-01..2020-05", "..2020-05"]


def test_a_lot_named_before_a_bare_measure_qualifies_it_but_not_a_unit_price() -> None:
    body = "本次采购共分3个包：第1包国家课程教材，成交金额12.08亿元；第2包地方教材，成交金额2.31亿元。" \
           "其中包1（年度国土变更调查）预算248万元。包2：冲锋舟20艘，单价9.8万元。"
    figs = [f for f in extract_figures(body, published_at="2019-08-01") if f.kind == "money"]
    assert [f.metric for f in figs] == ["第1包成交金额", "第2包成交金额", "包1预算", "单价"]
    packs = extract_figures("本次共采购消防应急包760套，采购预算198万元。", published_at="2024-05-01")
    assert [f.metric for f in packs if f.kind == "money"] == ["采购预算"]  # (a count of packs is no lot)


def test_a_table_piped_with_the_character_gun_in_an_intention_notice_titled_gonggao_is_read_as_a_table_of_the_year() -> None:
    body = "现将本局2025年4月至6月采购意向公开如下：\n序号 丨 采购项目名称 丨 预算金额（万元） 丨 预计采购时间\n" \
           "1 丨 课桌椅采购 丨 252.00 丨 2025年4月\n2 丨 安保服务 丨 318.60 丨 2025年5月\n合计 丨 丨 570.60 丨"
    figs = [f for f in extract_figures(body, title="某县教育局2025年4月至6月政府采购意向公告", published_at="2025-03-20")
            if f.kind == "money"]
    assert [(f.value, f.period) for f in figs] == [(252.0, "2025"), (318.6, "2025"), (570.6, "2025")]
    assert [figs[0].parent, figs[1].parent] == [2, 2]


def test_a_total_row_above_the_rows_that_show_the_columns_of_numbers_fills_the_headers_last_columns() -> None:
    body = "某县2019年部门预算政府采购预算表\n单位:万元\n序号  单位名称 / 采购项目     采购预算     财政拨款    其他资金\n" \
           "      合  计              2846.37      2516.83     329.54\n一    货物类             1523.6      1348.2      175.4"
    cells = [(f.surface, f.metric) for f in extract_figures(body) if f.kind == "money"]
    assert cells[:3] == [("2846.37", "采购预算"), ("2516.83", "财政拨款"), ("329.54", "其他资金")]
