"""The generic HTML extractor on pages of every kind: forums, blogs, school and journal pages,
old table layouts. Each test is a rule found on the web-page set (bench/webpages) written as
a small page of the same shape; each failed before its fix."""

from __future__ import annotations

import pytest

from extractors import ExtractionError, extract
from extractors.formats.blocks import inline_text, parse_html
from extractors.formats.density import Page, prose_score
from tests.conftest import FIXTURES

P1 = "今年以来，市里通过平台累计采购农副产品一千多万元，完成率较去年同期明显提高。"
P2 = "下一步，将推动更多预算单位参与进来，进一步扩大帮扶的覆盖面和影响力。"
P3 = "有关负责人表示，将建立月通报制度，对进度较慢的单位及时提醒督促整改。"


def page(body: str, title: str = "城东菜市场改造完成", head: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title} - 某某网</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>首页</a> | <a href='/news/'>新闻</a></div>{body}"
            "<div class='footer'>版权所有 某某网 ICP备05001234号</div></body></html>").encode()


def test_an_article_inside_a_form_is_found() -> None:
    """VSB sites wrap the article in <form name="_newscontent_fromname">, ASP.NET sites the whole page."""
    for form in ('<form name="_newscontent_fromname">', '<form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="x">'):
        art = extract(page(f"{form}<h3>城东菜市场改造完成</h3><div class='v_news_content'><p>{P1}</p><p>{P2}</p></div></form>"))
        assert art.body == f"{P1}\n{P2}"


def test_a_forum_post_list_is_not_chrome_and_the_first_floor_is_the_article() -> None:
    """Discuz puts every floor in div#postlist ("list"); a long reply must not replace the opening post."""
    floor = ('<table class="plhin"><tr><td class="pls"><div class="authi"><a href="home.php?mod=space&amp;uid={uid}" class="xw1">{user}</a></div>'
             '<p><a href="home.php?mod=space&amp;uid={uid}&amp;do=thread">{uid}</a>主题</p></td><td class="plc"><div class="pti"><em>发表于 {when}</em>'
             '<a href="#">只看该作者</a></div><td class="t_f" id="postmessage_{uid}">{text}</td></td></tr></table>')
    posts = floor.format(uid=101, user="小土豆", when="2013-5-2 21:07:33", text=f"{P1}<br />\n<br />\n{P2}")
    posts += floor.format(uid=102, user="豆豆妈妈", when="2013-5-2 22:10:05", text=P3 * 3)
    art = extract(page(f'<h1 class="ts">甲醛超标怎么办</h1><div id="postlist" class="pl bm">{posts}</div>', title="甲醛超标怎么办"))
    assert art.body == f"{P1}\n{P2}"
    assert (art.published_at, art.author) == ("2013-05-02T21:07:33+08:00", "小土豆")


def test_every_line_of_an_unclosed_font_chain_is_kept() -> None:
    """<font> opened on every line and never closed nests each paragraph in the one before;
    the first paragraph used to be left out."""
    lines = [P1[:20] + "。", P2, P3 * 2, (P1 + P2) * 2, P3 * 2]
    art = extract(page("<table><tr><td><br>" + "".join(f"<font size=3>　　{p}<br><br>" for p in lines) + "</td></tr></table>"))
    assert art.body.split("\n") == lines


def test_a_paragraph_run_stops_at_nested_blocks() -> None:
    """<p><font> left open on every line nests every paragraph in the one before: a paragraph's own
    text must not be the whole rest of the page (that made extraction quadratic)."""
    root = parse_html("<font>" + "".join(f"<p><font size=2>{p}" for p in (P1, P2, P3)))
    first = root.find(".//p")
    assert inline_text(first) == P1
    page_ = Page(root)
    page_.count()
    assert page_.chars[first] == sum(len(p) for p in (P1, P2, P3))


@pytest.mark.parametrize("markup", [
    "<div class=side>" + "".join(f"<div class='list'>{p}<a href=#> 更多 </a><script>var s = '脚本，';</script>\u3000" for p in (P1, P2, P3)),
    (FIXTURES / "gov_nanning_gbk.html").read_bytes().decode("gbk"),
], ids=["nested weak chrome", "gov_nanning_gbk"])
def test_weak_chrome_is_weighed_as_its_text_reads(markup: str) -> None:
    """A weak chrome class (list, side…) is judged by its text's prose and link share. Weighed in one
    bottom-up pass, not by reading each such element's subtree: a <div class="list"> left open on
    every line made that quadratic (bench/extract_cpu.py: 0.8 s for 107 KB, now 0.06 s)."""
    root = parse_html(markup)
    page = Page(root)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    for el in elements[::-1] + elements:  # inner first, then outer: each weighed once and kept
        text = el.text_content()
        linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
        assert page.weigh(el) == (len("".join(text.split())), prose_score(text), linked)


def test_a_heading_emptied_by_chrome_does_not_raise() -> None:
    """A title-classed element whose text sits in a share block: after chrome removal it holds
    nothing, and _choose_title raised IndexError out of extract()."""
    body = f'<div class="title"><span class="share">分享到微信朋友圈</span></div><div class="content"><p>{P1}</p><p>{P2}</p></div>'
    art = extract(page(body, title="分享到微信朋友圈"))
    assert art.body == f"{P1}\n{P2}"


@pytest.mark.parametrize("info, date", [
    ('<div class="sidebar-free">注册时间：2005-03-01</div>', None),
    ('<table><tr><td>成文日期：</td><td>2023-05-15</td></tr><tr><td>发布日期：</td><td>2023-05-18</td></tr></table>', "2023-05-18"),
])
def test_registration_and_written_dates_are_not_publication_dates(info: str, date: str | None) -> None:
    art = extract(page(f"{info}<h1>城东菜市场改造完成</h1><div class='content'><p>{P1}</p><p>{P2}</p></div>"))
    assert (art.published_at or "")[:10] == (date or "")


def test_a_blog_dates_and_signs_its_post_below_it() -> None:
    """2005-era blogs print "作者：… 发表于 …" under the post, the sidebar holds other dates."""
    body = (f"<table><tr><td class='side'>昵称：雨夜听风<br>访问：1234次<br>最新日志 2006-12-01</td><td><table>"
            f"<tr><td class='diarytitle'>城东菜市场改造完成</td></tr><tr><td class='diary'>{P1}<br><br>{P2}<br><br></td></tr>"
            "<tr><td class='diaryfoot'>作者：雨夜听风 发表于 2007-3-12 08:15:02 | 评论(2)</td></tr>"
            "<tr><td>网友评论</td></tr><tr><td>小鱼儿2008 发表于 2007-3-14 20:15:17<br>照片呢？光看文字不过瘾啊</td></tr></table></td></tr></table>")
    art = extract(page(body))
    assert art.body == f"{P1}\n{P2}"
    assert (art.published_at, art.author) == ("2007-03-12T08:15:02+08:00", "雨夜听风")


def test_a_blog_footer_row_dates_its_post_before_the_comments_and_the_blog_names_its_owner() -> None:
    body = (f"<div id='header'><h1 class='blogname'>背包客阿飞的博客</h1></div><div class='post'><h2>丽江三日：古城、束河和一场没看成的日照金山</h2>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div><div class='postfoot'>2006-10-12 21:33:05 | "
            "<a href='#c'>评论(334)</a> | 阅读(31535)</div></div><h3>网友评论</h3>"
            "<div class='cmt'>1楼 <b>云南十八怪</b> 发表于 2006-10-26 16:00:05</div><div>束河确实值得一去。</div>")
    art = extract(page(body, title="丽江三日：古城、束河和一场没看成的日照金山 - 背包客阿飞的博客 - 博客天下"))
    assert (art.published_at, art.author) == ("2006-10-12T21:33:05+08:00", "背包客阿飞")


def test_an_info_row_inside_the_article_beats_a_related_lists_dates() -> None:
    body = ("<table><tr><td>集团公司二号高炉大修工程顺利竣工投产</td></tr><tr><td class='news_info'>发布日期：2008-5-12"
            f"&nbsp;&nbsp;来源：集团公司办公室</td></tr><tr><td>{P1}<br><br>{P2}</td></tr></table>"
            "<table><tr><td>·<a href='a.asp'>地铁3号线二期工程进入铺轨阶段</a> <font color='#999'>2008-4-21</font></td></tr>"
            "<tr><td>·<a href='b.asp'>第二届职工技能大赛圆满落幕</a> <font color='#999'>2008-4-20</font></td></tr></table>")
    assert extract(page(body)).published_at == "2008-05-12T00:00:00+08:00"


def test_a_homepage_essay_signed_with_written_on() -> None:
    body = f"<h2>我的电脑梦</h2><div class='essay'><p>{P1}</p><p>{P2}</p><p>阿木　写于2004.3.12</p></div>"
    assert extract(page(body, title="我的电脑梦")).published_at == "2004-03-12T00:00:00+08:00"


def test_a_relative_date_carries_the_absolute_one_in_its_title() -> None:
    body = (f'<h1>一颗流浪行星是怎么被发现的</h1><div class="meta"><a class="media-name" href="/c/user/1">科学大观园</a>'
            f'<span class="time" title="2019-05-27 20:30">3天前</span></div><div class="article"><p>{P1}</p><p>{P2}</p></div>')
    assert extract(page(body)).published_at == "2019-05-27T20:30:00+08:00"


def test_a_date_in_a_header_dropped_as_chrome_is_still_read() -> None:
    """Tianya prints 楼主 and 时间 in div.atl-menu ("menu"): chrome, but the thread's date and author."""
    body = (f'<div class="atl-head"><h1>甲醛超标怎么办</h1><div class="atl-menu"><span>楼主：<a href="/u/1">小土豆</a></span>'
            f'<span>时间：2013-05-02 21:07:33</span></div></div><div class="bbs-content">{P1}<br>{P2}<br></div>')
    art = extract(page(body, title="甲醛超标怎么办"))
    assert (art.published_at, art.author) == ("2013-05-02T21:07:33+08:00", "小土豆")


def test_bylines_in_elements_and_leads() -> None:
    byline = extract(page(f'<h1>城东菜市场改造完成</h1><div class="byline"><address>本田优子</address> 2018年11月3日</div>'
                          f'<div class="content"><p>{P1}</p><p>{P2}</p></div>'))
    lead = extract(page(f'<h1>城东菜市场改造完成</h1><div class="content"><p>新华社湖州5月17日电（记者沈佳怡）{P1}</p><p>{P2}</p></div>'))
    assert (byline.author, lead.author) == ("本田优子", "沈佳怡")


def test_an_author_profile_box_names_the_author() -> None:
    """Only WeChat's profile_nickname card names an account; a theme's "author-profile" box names the author."""
    body = f"<h1>城东菜市场改造完成</h1><div class='author-profile'>张晓明</div><div class='content'><p>{P1}</p><p>{P2}</p></div>"
    wechat = body.replace("<div class='author-profile'>张晓明</div>", '<span class="rich_media_meta rich_media_meta_nickname" id="profileBt">平安东湖</span>')
    assert (extract(page(body)).author, extract(page(wechat)).author) == ("张晓明", None)


def test_a_wechat_account_publishes_rather_than_writes() -> None:
    body = (f'<h1 class="rich_media_title">城东菜市场改造完成</h1><a id="js_name">平安东湖</a><strong class="profile_nickname">平安东湖</strong>'
            f'<div id="js_content"><p>{P1}</p><p>{P2}</p><p>记者：周明远</p></div>'
            '<script>var nickname = htmlDecode("平安东湖"); var ct = "1603252800";</script>')
    assert extract(page(body)).author == "周明远"


def test_chrome_lines_and_a_notices_signature_date() -> None:
    """原标题 and END marks go; a notice's closing 落款 date stays; a comment list's header ends the article."""
    body = (f"<h1>城东菜市场改造完成</h1><div class='content'><p>原标题：城东菜市场改造完成重新开业</p><p>{P1}</p>"
            f"<p>特此通知。</p><p>清源市自来水有限公司</p><p>2020年8月14日</p></div>")
    assert extract(page(body)).body.split("\n") == [P1, "特此通知。", "清源市自来水有限公司", "2020年8月14日"]
    wechat = f"<h1>城东菜市场改造完成</h1><div class='content'><p>{P1}</p><p>{P2}</p><p>— END —</p><p>热门评论</p><p>说得真好，我们县也这样。</p></div>"
    assert extract(page(wechat)).body == f"{P1}\n{P2}"


def test_titles_named_by_title_parts_and_forum_tags() -> None:
    """A blog's name in its banner matches <title> too: the heading nearest the article wins; a
    forum's [求助] tag is not part of the thread's title."""
    blog = extract(page(f"<b>雨夜听风的博客</b><div class='diarytitle'>城东菜市场改造完成</div><div class='diary'><p>{P1}</p><p>{P2}</p></div>",
                        title="雨夜听风的博客 - 城东菜市场改造完成"))
    forum = extract(page(f'<h1 class="ts"><a href="#">[求助]</a> 甲醛超标怎么办，求大家支招</h1><div class="t_f">{P1}<br>{P2}</div>',
                         title="甲醛超标怎么办，求大家支招"))
    assert (blog.title, forum.title) == ("城东菜市场改造完成", "甲醛超标怎么办，求大家支招")


def test_a_journal_abstract_is_the_article() -> None:
    """"abstract"/"summary" classes name chrome on news pages (a lead box) but the article on a paper's page."""
    body = (f'<h1>城市社区居家养老服务供需匹配研究</h1><h3 id="authorpart"><a href="/author/1">李慧敏</a><sup>1</sup></h3>'
            f'<h3><a class="author" href="/org/2">1.江南师范大学公共管理学院</a></h3>'
            f'<div class="row abstract summary"><span>摘要：</span><span id="ChDivSummary">{P1}{P2}</span></div>'
            f'<ul><li><span>出版日期：</span><p>2019-06-25</p></li></ul>')
    art = extract(page(body, title="城市社区居家养老服务供需匹配研究"))
    assert art.body == P1 + P2
    assert (art.author, art.published_at) == ("李慧敏", "2019-06-25T00:00:00+08:00")


def test_a_page_without_prose_still_says_so() -> None:
    with pytest.raises(ExtractionError):
        extract(page('<ul class="list"><li><a href="/1">城东菜市场</a></li><li><a href="/2">城南步行街</a></li></ul>'))


def test_a_body_classed_like_chrome_keeps_the_page() -> None:
    """WordPress themes class <body> "ast-right-sidebar": <body> itself was dropped as chrome."""
    art = extract(page(f"<div class='entry-content'><p>{P1}</p><p>{P2}</p></div>").replace(b"<body>", b'<body class="single ast-right-sidebar">'))
    assert art.body == f"{P1}\n{P2}"


def test_a_lead_box_repeating_the_article_is_chrome_a_unique_abstract_is_not() -> None:
    lead = f"<div class='summary'>摘要：{P1[:30]}</div><div class='content'><p>{P1}</p><p>{P2}</p></div>"
    paper = (f"<table><tr><td>题名：</td><td>城市社区居家养老服务供需匹配研究</td></tr><tr><td>关键词：</td><td>居家养老；供需匹配</td></tr>"
             f"<tr><td>摘要：</td><td class='abstract'>{P1}</td></tr><tr><td>语种：</td><td>中文</td></tr></table>")
    assert extract(page(lead)).body == f"{P1}\n{P2}"
    assert extract(page(paper)).body == P1


def test_dates_next_to_the_article_in_headers_and_under_floors() -> None:
    """An unlabelled date alone in an article header classed "header" (chrome), or under a post."""
    header = f"<div class='note-header'><h1>城东菜市场改造完成</h1><span class='pub-date'>2021-04-25 14:22:10</span></div><div class='note'><p>{P1}</p><p>{P2}</p></div>"
    below = (f"<div class='post'><div class='d_post_content'>{P1}<br>{P2}</div><div class='tail'><span>来自Android客户端</span>"
             "<span>1楼</span><span>2015-12-03 01:12</span></div></div><div class='hot'><a href='#'>热议话题</a> 2023-01-01</div>")
    assert extract(page(header)).published_at == "2021-04-25T14:22:10+08:00"
    assert extract(page(below)).published_at == "2015-12-03T01:12:00+08:00"


def test_head_metadata_survives_the_chrome() -> None:
    """<meta name="author">, og:url and the canonical link sit in <head>, which is dropped as chrome."""
    head = '<meta name="author" content="三月的风"><link rel="canonical" href="http://blog.example.com/2009/11/03/post.html">'
    art = extract(page(f"<div class='content'><p>{P1}</p><p>{P2}</p></div>", title="辞职后的第一个月 - 三月的风的日志", head=head))
    assert (art.author, art.published_at) == ("三月的风", "2009-11-03T00:00:00+08:00")
    office = '<meta name="Author" content="平川县环境卫生管理所">'
    assert extract(page(f"<div class='content'><p>{P1}</p><p>{P2}</p></div>", head=office)).author is None


def test_credit_lines_breadcrumbs_and_labels_are_not_article_text() -> None:
    body = ("<div class='content'><p>华夏在线 &gt; 新闻中心 &gt; 社会新闻 &gt; 正文</p><p>作者，艾玛·哈里森</p><p>BBC 记者</p>"
            f"<p>图像来源，Getty Images</p><p>韩联社首尔电</p><p>{P1}</p><p>{P2}</p><p>（记者：宋一鸣 摄像：杨帆）</p>"
            "<p>访问次数：</p><p>zhouj@yna.co.kr</p></div>")
    art = extract(page(body))
    assert (art.body, art.author) == (f"{P1}\n{P2}", "艾玛·哈里森")


def test_commenters_are_not_the_author() -> None:
    body = (f"<div class='post_body'><p>{P1}</p><p>{P2}</p></div><div class='tie'><div class='tie-title'>热门跟贴 查看全部</div>"
            "<div class='tie-item'><span class='tie-author-nickname'>老王隔壁</span><div>说得好</div></div></div>")
    assert extract(page(body)).author is None
