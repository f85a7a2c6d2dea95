from __future__ import annotations

from extractors.boilerplate import split_body

BODY = ["本报讯 某市财政局日前通报，全市完成采购1.2亿元。", "下一步，该市将继续推进相关工作。"]


def test_footer_byline_and_source_line() -> None:
    s = split_body(BODY + ["(李松华)", "本报拥有此文版权，若需转载或复制，请注明来源。", "（文章来源：中国政府采购报）", "点击排行", "某新闻标题"])
    assert [BODY[i] for i in s.body] == BODY
    assert (s.author, s.publisher) == ("李松华", "中国政府采购报")


def test_navigation_share_links_meta_lines_and_stack_traces_anywhere() -> None:
    lines = ["当前位置：首页 > 工作动态", "来源：市财政局　作者：王明　发布时间：2011-07-05", BODY[0],
             "java.lang.NullPointerException", "\tat com.x.Y.z(Y.java:10)", BODY[1],
             "<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW1>", "[返回首页](//finews.withounder.com/)"]
    s = split_body(lines)
    assert [lines[i] for i in s.body] == BODY
    assert (s.author, s.publisher, s.published_at) == ("王明", "市财政局", "2011-07-05T00:00:00+08:00")


def test_prose_with_footer_words_is_kept_before_any_body() -> None:
    # A footer marker cannot end an article that has not started yet.
    s = split_body(["版权声明", BODY[0]])
    assert s.body == [0, 1]


def test_parentheticals_inside_prose_are_not_bylines() -> None:
    lines = BODY + ["协作办(对口支援办)、供销合作社及工会等协同配合。"]
    assert split_body(lines).body == [0, 1, 2]


def test_site_footer_lines_end_the_article_but_prose_mentioning_them_does_not() -> None:
    prose = "本次活动主办单位为省财政厅，共有57家企业参加。"
    s = split_body(BODY + [prose, "（审核：王某某　编辑：赵某）", "县财政局主办 版权所有 地址：某县某路", "您是本站第 12345 位访问者"])
    assert s.body == [0, 1, 2]


def test_wechat_chrome_is_dropped() -> None:
    s = split_body(["点击上方蓝字关注我们", *BODY, "长按识别二维码关注"])
    assert s.body == [1, 2]


def test_a_byline_of_words_that_name_nobody_gives_no_author() -> None:
    """"（转载）" or "（原创）" where a byline stands names no one: the author stays unknown, as the page
    readers already judged such words (pagemeta); split_body once made them the author."""
    for byline in ("（转载）", "(原创)", "（网络）", "（小编）", "作者：佚名"):
        s = split_body([*BODY, byline])
        assert ([BODY[i] for i in s.body], s.author) == (BODY, None), byline
    assert split_body([*BODY, "（李松华）"]).author == "李松华"
