"""Build the realistic HTML page set from ``articles.txt`` (deterministic).

Every article is rendered through three of the layout templates below, the
way one 中国政府采购报 story is republished by several sites with different
chrome. Two splits: ``dev`` (articles.txt through the ten dev layouts) and
``holdout`` (holdout.txt through six other layouts, for measuring on chrome
the extractor was not tuned on). Output: ``html/<id>.html`` (bytes in the
page's own encoding, which its ``<meta>`` may misdeclare) and
``truth/<id>.json`` = {"title", "published_at", "author", "body", "layout",
"split", "encoding", "declared_charset", "content_type", "url"}. ``body`` holds the article paragraphs only, one per
line (no title, subtitle, column, byline, boilerplate or navigation).

Run from the repository root: ``python bench/pages/build.py``.

>>> parse_articles(HERE / "articles.txt")[0].title
'广州交出乡村产业振兴满意答卷'
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CST = dt.timezone(dt.timedelta(hours=8))
FULL = "\u3000\u3000"  # the full-width indentation old CMSs put before a paragraph


@dataclass(frozen=True)
class Story:
    """One article text (a block of ``articles.txt``)."""

    id: str
    title: str
    subtitle: str | None
    column: str | None
    author: str | None
    byline: str  # end / top / none
    date: dt.datetime
    info_code: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """What a template returns: markup plus the truth fields it decides."""

    markup: str  # the HTML with the placeholder {charset} for the declared charset
    published_at: str | None
    url: str


def parse_articles(path: Path) -> list[Story]:
    """Read the ``===``-separated article blocks of ``articles.txt``."""
    stories = []
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n===\n")[1:]:
        head, _, body = block.partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
        paras = tuple(p.strip().lstrip("\u3000") for p in body.strip().splitlines() if p.strip())
        stories.append(
            Story(
                id=meta["id"],
                title=meta["title"],
                subtitle=meta.get("subtitle"),
                column=meta.get("column"),
                author=meta.get("author"),
                byline=meta.get("byline", "end"),
                date=dt.datetime.strptime(meta["date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST),
                info_code=meta["info_code"],
                paragraphs=paras,
            )
        )
    return stories


# ---------------------------------------------------------------- helpers

E = html.escape


def iso(d: dt.datetime, shown: str = "second") -> str:
    """ISO 8601 with +08:00, to the precision the page shows (``day``, ``minute``
    or ``second``); a page that shows only the day gets midnight."""
    if shown == "day":
        d = d.replace(hour=0, minute=0, second=0)
    elif shown == "minute":
        d = d.replace(second=0)
    return d.isoformat()


def byline_paras(s: Story) -> tuple[list[str], list[str]]:
    """Lines printed before and after the body for the story's byline style."""
    if s.byline == "top" and s.author:
        return [f"□本报记者 {s.author}"], []
    if s.byline == "end" and s.author:
        return [], [f"（{s.author}）"]
    return [], []


def others(stories: list[Story], s: Story, n: int, step: int) -> list[Story]:
    """``n`` other stories (deterministic) for related-news lists."""
    i = stories.index(s)
    return [stories[(i + step * (k + 1)) % len(stories)] for k in range(n)]


def body_html(s: Story, style: str) -> str:
    """The article paragraphs (with the byline lines) in one of the CMS styles."""
    top, end = byline_paras(s)
    lines = top + list(s.paragraphs) + end
    if style == "p":
        return "\n".join(f"<p>{E(x)}</p>" for x in lines)
    if style == "p-indent":
        return "\n".join(f'<p style="text-indent:2em;">{E(x)}</p>' for x in lines)
    if style == "p-full":
        return "\n".join(f"<p>{FULL}{E(x)}</p>" for x in lines)
    if style == "p-nbsp":
        return "\n".join(f'<p align="justify">&nbsp;&nbsp;&nbsp;&nbsp;{E(x)}</p>' for x in lines)
    if style == "br":
        return "<BR>\n".join(f"{FULL}{E(x)}" for x in lines) + "<BR>"
    if style == "br-double":
        return "<br /><br />".join(f"{FULL}{E(x)}" for x in lines)
    if style == "nested":
        inner = "\n".join(
            f'<div><div><span style="font-size:16px;font-family:宋体">{FULL}{E(x)}</span></div></div>' for x in lines
        )
        return f'<div class="TRS_Editor"><div>{inner}</div></div>'
    raise ValueError(style)


def related(stories: list[Story], s: Story, heading: str, step: int, with_dates: bool = True) -> str:
    items = []
    for o in others(stories, s, 6, step):
        when = f"<span>{o.date:%Y-%m-%d}</span>" if with_dates else ""
        items.append(f'<li><a href="/news/{o.date:%Y%m}/t{o.date:%Y%m%d}_{o.id[1:]}.html" target="_blank">{E(o.title)}</a>{when}</li>')
    return f'<div class="related"><h3>{heading}</h3><ul>\n' + "\n".join(items) + "\n</ul></div>"


SHARE = (
    '<div class="bdsharebuttonbox"><span>分享到：</span><a href="#" class="bds_weixin" title="分享到微信">微信</a>'
    '<a href="#" class="bds_tsina" title="分享到新浪微博">微博</a><a href="#" class="bds_qzone" title="分享到QQ空间">QQ空间</a>'
    '<a href="#" class="bds_more">更多</a></div>'
)

PRINT_CLOSE = '【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】'

JAVA_TRACE = """FreeMarker template error (HTML_DEBUG mode; use RETHROW in production!):
The following has evaluated to null or missing:
==&gt; article.sourceName  [in template "cms/news/detail.ftl" at line 87, column 31]

----
Tip: If the failing expression is known to legally refer to something that's sometimes null or missing, either specify a default value like myOptionalVar!myDefault, or use &lt;#if myOptionalVar??&gt;when-present&lt;#else&gt;when-missing&lt;/#if&gt;.
----

Java stack trace (for programmers):
----
freemarker.core.InvalidReferenceException: [... Exception message was already printed; see it above ...]
	at freemarker.core.InvalidReferenceException.getInstance(InvalidReferenceException.java:134)
	at freemarker.core.EvalUtil.coerceModelToString(EvalUtil.java:451)
	at freemarker.core.Expression.evalAndCoerceToString(Expression.java:82)
	at freemarker.core.DollarVariable.accept(DollarVariable.java:41)
	at freemarker.core.Environment.visit(Environment.java:324)
	at com.jeecms.cms.action.front.ContentAct.content(ContentAct.java:176)
	at sun.reflect.GeneratedMethodAccessor412.invoke(Unknown Source)
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:925)
	at javax.servlet.http.HttpServlet.service(HttpServlet.java:727)
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:305)
	at java.lang.Thread.run(Thread.java:745)"""


def head(title: str, extra: str = "", meta_style: str = "http-equiv") -> str:
    charset = (
        '<meta charset="{charset}">'
        if meta_style == "html5"
        else '<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
    )
    return f"<head>\n{charset}\n<title>{E(title)}</title>\n{extra}</head>"


# ---------------------------------------------------------------- layouts
# Each template: (story, all stories, k = index of this page among the story's
# renderings) -> Page. They differ in chrome, body style, date format and
# where the title sits, as the real sites do.


def finews(s: Story, stories: list[Story], k: int) -> Page:
    """The rendered finews Jekyll post (div.wrapper > header + section + footer)."""
    name = s.info_code[2:]
    url = f"https://finews.withounder.com/zhongguozhengfucaigoubao/{s.date:%Y/%m/%d}/{name}.html"
    top, end = byline_paras(s)
    inner = []
    if s.column:
        inner.append(f"<p><strong>{E(s.column)}</strong></p>")
    inner.append(f'<p align="center"><strong>{E(s.title)}</strong></p>')
    if s.subtitle:
        inner.append(f'<p align="center"><strong>{E(s.subtitle)}</strong></p>')
    inner += [f"<p>{E(x)}</p>" for x in top + list(s.paragraphs) + end]
    share = f"http://finance.eastmoney.com/a/NewsShare.html?infoCode={s.info_code}"
    inner.append(f'<p>原文链接：<a href="{share}">{share}</a></p>')
    desc = "".join(s.paragraphs)
    extra = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta property="og:title" content="{E(s.title)}" />\n'
        f'<meta property="og:description" content="{E(desc)}" />\n'
        '<meta property="og:type" content="article" />\n'
        f'<meta property="article:published_time" content="{s.date.isoformat()}" />\n'
        '<link rel="stylesheet" href="/assets/css/style.css">\n'
    )
    markup = f"""<!DOCTYPE html>
<html lang="zh-CN">
{head(f"{s.title} | 财经新闻镜像", extra, "html5")}
<body>
<div class="wrapper">
<header>
<h1><a href="/">财经新闻镜像</a></h1>
<p>东方财富网新闻的每日存档</p>
<p class="view"><a href="/category/zhongguozhengfucaigoubao.html">中国政府采购报</a></p>
</header>
<section>
<small>(GMT+8, Asia/Shanghai, CST) {s.date:%Y-%m-%d %H:%M:%S}</small>
<h1>{E(s.title)}</h1>
{chr(10).join(inner)}
<p><a href="/category/zhongguozhengfucaigoubao.html">返回中国政府采购报新闻列表</a> | <a href="/">返回首页</a></p>
<small>tags: <em>中国政府采购报新闻</em></small>
</section>
<footer>
<p><small>Hosted on GitHub Pages &mdash; Theme by <a href="https://github.com/orderedlist">orderedlist</a></small></p>
</footer>
</div>
<script src="/assets/js/scale.fix.js"></script>
</body>
</html>
"""
    return Page(markup, iso(s.date), url)


def epaper_pages(s: Story) -> str:
    names = ["要闻", "综合新闻", "地方·监管", "专题", "理论·实务", "国际·视点", "采购人", "副刊"]
    return "\n".join(
        f'<li><a href="epapers?period=1&amp;period_date={s.date:%Y-%m-%d}&amp;page={i + 1:02d}">第{i + 1:02d}版：{n}</a></li>'
        for i, n in enumerate(names)
    )


def cgpnews(s: Story, stories: list[Story], k: int) -> Page:
    """The cgpnews HTML e-paper article (h1.title, div#articleText, page/title lists)."""
    url = f"http://www.cgpnews.cn/epapers?period=1&period_date={s.date:%Y-%m-%d}&article={s.info_code[-6:]}"
    titles = [s] + others(stories, s, 5, 7)
    title_list = "\n".join(
        f'<li><a href="articles?id={t.info_code[-6:]}">{E(t.title)}</a></li>' for t in titles
    )
    sub = f'<h2 class="subtitle">{E(s.subtitle)}</h2>' if s.subtitle else ""
    yin = f'<h3 class="pretitle">{E(s.column)}</h3>' if s.column else ""
    author = f'<div class="author">作者：{E(s.author)}</div>' if s.author else ""
    style = ["p", "p-full"][k % 2]
    markup = f"""<!DOCTYPE html>
<html>
{head(f"中国政府采购报 - {s.title}", '<link rel="stylesheet" href="/static/epaper.css" />')}
<body>
<div class="top-bar">中国政府采购报数字报 | <a href="/">中国政府采购新闻网</a> | 今天是{(s.date + dt.timedelta(days=3)):%Y年%m月%d日}</div>
<div class="paper-head"><img src="/static/logo.png" alt="中国政府采购报"/>
<span class="period">{s.date:%Y年%m月%d日} 第{(s.date.timetuple().tm_yday % 120) + 1}期</span></div>
<div class="main">
<div class="left">
<div id="pageList"><h4>版面导航</h4><ul>
{epaper_pages(s)}
</ul></div>
<div id="titleList"><h4>本版标题</h4><ul>
{title_list}
</ul></div>
</div>
<div class="right">
<div class="article">
{yin}
<h1 class="title">{E(s.title)}</h1>
{sub}
{author}
<div class="date">{s.date:%Y-%m-%d}　第01版：要闻</div>
<div id="articleText">
{body_html(s, style)}
</div>
<div class="pager"><a href="#">上一篇</a> <a href="#">下一篇</a></div>
</div>
</div>
</div>
<div class="footer">版权所有：中国财经报社 京ICP备05012322号<br/>地址：北京市海淀区万寿路西街甲11号</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "day"), url)


def zcb_guid(s: Story) -> str:
    """A stable ZB_GUID-like id for the story."""
    c = s.info_code
    return f"{c[2:10]}-{c[10:14]}-4{c[14:17]}-a{c[17:]}0-{c[-12:]}"


def zcb(s: Story, stories: list[Story], k: int) -> Page:
    """The zcb e-paper article page as the browser renders it from detailData.do."""
    guid = zcb_guid(s)
    url = f"http://www.cgpnews.cn/zcb/epaper/index.html?guid={guid}"
    doc_title = E(s.title)
    if s.subtitle:
        doc_title += f'<br/><font size="3" color="#555">{E(s.subtitle)}</font>'
    style = ["p-nbsp", "p-indent", "nested"][k % 3]
    items = "\n".join(
        f'<li class="{"active" if t is s else ""}"><a href="index.html?guid={zcb_guid(t)}">{E(t.title)}</a></li>'
        for t in [s] + others(stories, s, 4, 5)
    )
    markup = f"""<!DOCTYPE html>
<html>
{head("中国政府采购报电子报", '<script src="js/jquery.min.js"></script>')}
<body>
<div id="app">
<div class="header"><div class="logo">中国政府采购报</div>
<div class="date-select">往期回顾：<select><option>{s.date:%Y-%m}</option></select></div></div>
<div class="content-wrap">
<div class="bm-menu"><ul>
<li class="on">01版 要闻</li><li>02版 综合</li><li>03版 地方</li><li>04版 理论</li>
</ul></div>
<div class="article-list"><ul>
{items}
</ul></div>
<div class="detail">
<div class="bm-name">第01版：要闻</div>
<div class="doc-title">{doc_title}</div>
<div class="doc-info"><span class="doc-author">{E(s.author or "")}</span><span class="doc-time">{s.date:%Y/%m/%d} 00:00:00</span></div>
<div class="doc-content">{body_html(s, style)}</div>
</div>
</div>
<div class="footer">主管：中华人民共和国财政部 主办：中国财经报社</div>
</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "day"), url)


def ccgp(s: Story, stories: list[Story], k: int) -> Page:
    """A ccgp.gov.cn-style news page (vF_detail_header / vF_detail_content)."""
    url = f"http://www.ccgp.gov.cn/news/{s.date:%Y%m}/t{s.date:%Y%m%d}_{s.info_code[-8:]}.htm"
    style = ["p-indent", "p"][k % 2]
    markup = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
{head(f"{s.title}", '<meta name="ArticleTitle" content="' + E(s.title) + '" />' + chr(10) + f'<meta name="PubDate" content="{s.date:%Y-%m-%d %H:%M}" />' + chr(10))}
<body>
<div class="v_top"><div class="v_top_l">中国政府采购网 欢迎您！</div><div class="v_top_r"><a href="#">登录</a> | <a href="#">注册</a> | <a href="#">English</a></div></div>
<div class="v_nav"><ul><li><a href="/">首页</a></li><li><a href="/zcfg/">政策法规</a></li><li><a href="/cggg/">采购公告</a></li><li><a href="/news/">新闻</a></li><li><a href="/jdjc/">监督检查</a></li><li><a href="/xxgg/">信息公告</a></li></ul></div>
<div class="vF_deail_maincontent">
<div class="vF_deail_currentloc"><p>当前位置：<a href="/">首页</a> &gt;&gt; <a href="/news/">新闻</a> &gt;&gt; <a href="/news/dfxw/">地方新闻</a></p></div>
<div class="vF_detail_header">
<h2 class="tc">{E(s.title)}</h2>
<p class="tc"><span id="pubTime">{s.date:%Y年%m月%d日 %H:%M}</span>　来源：<span>中国政府采购报</span>　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</p>
</div>
<div class="vF_detail_content_container">
<div class="vF_detail_content">
{body_html(s, style)}
</div>
</div>
<div class="vF_detail_relcontent">
{related(stories, s, "相关新闻", 3)}
</div>
</div>
<div class="v_footer"><p>主办单位：中华人民共和国财政部国库司 　技术支持：中国政府采购网</p><p>京ICP备06000987号　网站标识码：bm14000002</p></div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


def finance_bureau(s: Story, stories: list[Story], k: int) -> Page:
    """A provincial finance bureau (财政厅) news page, TRS-style #zoom body."""
    url = f"http://czt.example-province.gov.cn/art/{s.date:%Y}/{s.date.month}/{s.date.day}/art_1128_{s.info_code[-5:]}.html"
    style = ["nested", "p-full", "p-indent"][k % 3]
    author = f"　作者：{E(s.author)}" if s.author else ""
    markup = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
{head(f"{s.title}_工作动态_省财政厅", '<meta name="keywords" content="政府采购,财政厅" />' + chr(10))}
<body>
<div id="top"><div class="today">今天是：<script>document.write(today())</script></div>
<a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="#">无障碍浏览</a></div>
<div id="banner"><img src="/images/banner.jpg" alt="省财政厅" /></div>
<div id="menu"><a href="/">首页</a><a href="/col/col1128/">工作动态</a><a href="/col/col1130/">政策法规</a><a href="/col/col1135/">政府信息公开</a><a href="/col/col1140/">互动交流</a></div>
<div class="location">您当前所在的位置：<a href="/">首页</a> &gt; <a href="/col/col1128/">工作动态</a> &gt; 正文</div>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="article">
<tr><td class="title" align="center"><h1>{E(s.title)}</h1></td></tr>
<tr><td class="info" align="center">发布日期：{s.date.year}-{s.date.month}-{s.date.day}　来源：中国政府采购报{author}　浏览次数：<span id="hits">{(len(s.title) * 37) % 900 + 100}</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td><div id="zoom">
{body_html(s, style)}
</div></td></tr>
<tr><td align="right">{PRINT_CLOSE}</td></tr>
<tr><td>{SHARE}</td></tr>
</table>
{related(stories, s, "相关信息", 11)}
<div id="footer">主办：省财政厅办公室　地址：省府路56号　邮编：650000<br />
ICP备案编号：滇ICP备05001293号　<a href="#">网站地图</a> | <a href="#">联系我们</a></div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "day"), url)


def city_news(s: Story, stories: list[Story], k: int) -> Page:
    """A city government news centre page: date without 日, sidebars on both sides."""
    url = f"http://www.example-city.gov.cn/xwzx/bmdt/{s.date:%Y%m}/t{s.date:%Y%m%d}_{s.info_code[-7:]}.html"
    with_time = (k // 4) % 2 == 0
    when = f"{s.date:%Y年%m月%d}" + (f" {s.date:%H:%M}" if with_time else "")
    style = ["br-double", "p-full"][k % 2]
    markup = f"""<html>
{head(f"{s.title} - 【市人民政府网】")}
<body>
<div class="header"><div class="date">今天是{(s.date + dt.timedelta(days=1)):%Y年%m月%d日} 星期{"一二三四五六日"[(s.date + dt.timedelta(days=1)).weekday()]}</div>
<div class="search"><input type="text" value="请输入关键字" /><input type="button" value="搜索" /></div></div>
<div class="nav"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a> <a href="/hdjl/">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/bmdt/">部门动态</a></div>
<div class="wrap">
<div class="side-left">
<div class="box"><h3>新闻中心</h3><ul><li><a href="#">政务要闻</a></li><li><a href="#">部门动态</a></li><li><a href="#">区县动态</a></li><li><a href="#">图片新闻</a></li></ul></div>
</div>
<div class="main">
<div class="art-title">{E(s.title)}</div>
<div class="art-info">{when}　来源：市财政局　点击：{len(s.paragraphs) * 211}</div>
<div class="art-body"><div><div>
{body_html(s, style)}
</div></div></div>
<div class="art-tools">{SHARE} {PRINT_CLOSE}</div>
{related(stories, s, "相关报道", 5, with_dates=False)}
</div>
<div class="side-right">
{related(stories, s, "最新新闻", 2)}
{related(stories, s, "新闻推荐", 9, with_dates=False)}
</div>
</div>
<div class="foot">版权所有：市人民政府办公厅　承办：市大数据中心<br/>Copyright &copy; 2008-{s.date.year + 1} All Rights Reserved</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute" if with_time else "day"), url)


def portal_java(s: Story, stories: list[Story], k: int) -> Page:
    """A JEECMS procurement portal that prints a FreeMarker/Java stack trace in the page."""
    url = f"http://www.example-zfcg.gov.cn/news/{s.date:%Y%m%d}/{s.info_code[-6:]}.jhtml"
    trace = f'<pre class="error">{JAVA_TRACE}</pre>'
    before = trace if k % 2 == 0 else ""
    after = trace if k % 2 == 1 else ""
    style = ["p-indent", "br"][(k // 4) % 2]
    markup = f"""<!DOCTYPE html>
<html>
{head(f"{s.title}-政府采购网")}
<body>
<div class="topbar">欢迎访问政府采购网！　<a href="/login.jspx">供应商登录</a>　<a href="/reg.jspx">注册</a></div>
<div class="menu"><ul><li><a href="/">网站首页</a></li><li><a href="/cggg/">采购公告</a></li><li><a href="/news/">政采新闻</a></li><li><a href="/fgzd/">法规制度</a></li><li><a href="/xzzq/">下载专区</a></li></ul></div>
<div class="position">当前位置：首页 &raquo; 政采新闻 &raquo; 正文</div>
<div class="content-box">
<div class="c-title"><h1>{E(s.title)}</h1></div>
<div class="c-info">发布时间：{s.date:%Y-%m-%d %H:%M:%S}　信息来源：{before}</div>
<div class="c-text">
{body_html(s, style)}
</div>
{after}
<div class="c-tools">{PRINT_CLOSE}</div>
<div class="prev-next"><p>上一篇：<a href="#">{E(others(stories, s, 1, 1)[0].title)}</a></p><p>下一篇：<a href="#">{E(others(stories, s, 1, 2)[0].title)}</a></p></div>
</div>
<div class="footer">版权所有 政府采购网 技术支持：某某信息技术有限公司 电话：0871-63100000</div>
</body>
</html>
"""
    return Page(markup, iso(s.date), url)


def table_cms(s: Story, stories: list[Story], k: int) -> Page:
    """A 2008-era table-layout CMS: uppercase tags, <BR> bodies, title in <font>."""
    url = f"http://www.example-cz.gov.cn/Article/ShowArticle.asp?ArticleID={int(s.info_code[-5:]) % 9000 + 1000}"
    dated = (k // 4) % 2 == 0
    info = (
        f"作者：{E(s.author or '佚名')}　　发布时间：{s.date.year}-{s.date.month}-{s.date.day} {s.date:%H:%M:%S}　　点击数：{len(s.title) * 13}"
        if dated
        else f"作者：{E(s.author or '佚名')}　　文章来源：中国政府采购报　　点击数：{len(s.title) * 13}　　更新时间：　"
    )
    rel = "".join(
        f'<TR><TD height=22>&middot;<A href="ShowArticle.asp?ArticleID={1000 + j}" target=_blank>{E(o.title)}</A> <FONT color=#999999>({o.date.month}-{o.date.day})</FONT></TD></TR>'
        for j, o in enumerate(others(stories, s, 5, 13))
    )
    markup = f"""<HTML>
<HEAD>
<META http-equiv=Content-Type content="text/html; charset={{charset}}">
<TITLE>{E(s.title)}--财政信息网</TITLE>
<LINK href="../Skin/DefaultSkin.css" type=text/css rel=stylesheet>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE cellSpacing=0 cellPadding=0 width=760 align=center border=0>
<TR><TD><IMG src="../Images/top_banner.gif" width=760 height=90></TD></TR>
<TR><TD class=menu_bg height=26>&nbsp;<A href="../">网站首页</A> | <A href="../Article/">财政新闻</A> | <A href="../Soft/">下载中心</A> | <A href="../GuestBook/">留言板</A></TD></TR>
</TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=760 align=center border=0>
<TR>
<TD vAlign=top width=180>
<TABLE width="100%"><TR><TD class=title_bg>相关文章</TD></TR>{rel}</TABLE>
</TD>
<TD vAlign=top width=580>
<TABLE cellSpacing=0 cellPadding=5 width="100%" border=0>
<TR><TD align=center height=50><FONT style="FONT-SIZE: 16pt" color=#c00000><B>{E(s.title)}</B></FONT></TD></TR>
<TR><TD align=center bgColor=#f0f0f0 height=24>{info}</TD></TR>
<TR><TD class=content style="FONT-SIZE: 14px; LINE-HEIGHT: 200%">
{body_html(s, "br")}
</TD></TR>
<TR><TD align=right>【<A href="javascript:window.print()">打印此文</A>】【<A href="javascript:window.close();">关闭窗口</A>】</TD></TR>
<TR><TD>上一篇：<A href="#">{E(others(stories, s, 1, 4)[0].title)}</A><BR>下一篇：没有了</TD></TR>
</TABLE>
</TD></TR>
</TABLE>
<TABLE width=760 align=center><TR><TD align=center class=bottom>Copyright &copy; 2003-2008 财政信息网 All Rights Reserved<BR>建议使用1024*768分辨率浏览</TD></TR></TABLE>
</BODY>
</HTML>
"""
    return Page(markup, iso(s.date) if dated else None, url)


def mobile(s: Story, stories: list[Story], k: int) -> Page:
    """A mobile-style article page (app banner, comment bar, recommendation feed)."""
    url = f"https://m.example-news.cn/article/{s.info_code}.html"
    cards = "\n".join(
        f'<a class="card" href="/article/{o.info_code}.html"><div class="card-title">{E(o.title)}</div><div class="card-meta">中国政府采购报 &middot; {(len(o.title) % 9) + 1}评</div></a>'
        for o in others(stories, s, 5, 17)
    )
    style = ["p", "p-nbsp"][k % 2]
    sub = f'<p class="sub-title">{E(s.subtitle)}</p>' if s.subtitle else ""
    markup = f"""<!DOCTYPE html>
<html>
{head(f"{s.title}_手机新闻网", '<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">' + chr(10) + '<meta name="format-detection" content="telephone=no">' + chr(10), "html5")}
<body>
<div class="m-header"><a class="back" href="javascript:history.back()">&lt;</a><span class="logo">手机新闻网</span><a class="menu" href="/channels">频道</a></div>
<div class="open-app">打开APP，阅读体验更佳 <a href="/download">立即打开</a></div>
<article class="m-article">
<h1 class="m-title">{E(s.title)}</h1>
{sub}
<div class="m-meta"><span class="src">中国政府采购报</span> <time>{s.date:%Y-%m-%d %H:%M}</time></div>
<div class="m-body">
{body_html(s, style)}
</div>
<div class="m-editor">责任编辑：周琳</div>
</article>
<div class="m-actions"><span>点赞 {len(s.paragraphs) * 17}</span> <span>收藏</span> <span>分享</span></div>
<div class="m-feed"><h3>为你推荐</h3>
{cards}
</div>
<div class="m-comment-bar"><input placeholder="写评论..." /></div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


def portal_repost(s: Story, stories: list[Story], k: int) -> Page:
    """A finance portal republishing the story (Eastmoney-like: 来源, 责任编辑, hot lists)."""
    url = f"https://finance.example-portal.com/a/{s.info_code[2:]}.html"
    style = ["p", "p-full", "nested"][k % 3]
    hot = "\n".join(
        f'<li><em>{i + 1}</em><a href="/a/{o.info_code[2:]}.html">{E(o.title)}</a></li>'
        for i, o in enumerate(others(stories, s, 8, 19))
    )
    markup = f"""<!DOCTYPE html>
<html>
{head(f"{s.title}_财经频道_财经门户", f'<meta name="description" content="{E(s.paragraphs[0][:80])}" />' + chr(10))}
<body>
<div class="topnav"><a href="/">首页</a> <a href="/stock/">股票</a> <a href="/fund/">基金</a> <a href="/news/">资讯</a> <a href="/data/">数据</a></div>
<div class="grid">
<div class="leftcol">
<div class="newsContent">
<h1>{E(s.title)}</h1>
<div class="infos"><div class="item">{s.date:%Y年%m月%d日 %H:%M}</div><div class="item">来源：中国政府采购报</div><div class="item">作者：{E(s.author or "")}</div><div class="item"><a href="#comments">评论</a></div></div>
<div class="abstract"><span>摘要</span>【{E(s.title)}】{E(s.paragraphs[0][:60])}……</div>
<div id="ContentBody">
{body_html(s, style)}
<p class="res-edit">（文章来源：中国政府采购报）</p>
</div>
<div class="editor">（责任编辑：DF142）</div>
<div class="disclaimer">郑重声明：本网发布此信息的目的在于传播更多信息，与本站立场无关。</div>
</div>
</div>
<div class="rightcol"><div class="hotnews"><h3>24小时热门资讯</h3><ul>
{hot}
</ul></div></div>
</div>
<div class="footer">关于我们 | 广告服务 | 联系我们 | 意见建议 | 网站地图<br />Copyright &copy; 2004-{s.date.year} 财经门户 All Rights Reserved</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


# ---------------------------------------------------------------- held-out layouts
# Rendered only with holdout.txt: they measure how the extractor does on
# chrome it was not tuned on.


def word_spans(text: str) -> str:
    """A paragraph as Word's HTML export writes it: runs of CJK and EN-US spans."""
    runs = []
    for part in re.split(r"([0-9][0-9.%]*)", text):
        if not part:
            continue
        lang = ' lang="EN-US"' if part[0].isdigit() else ""
        runs.append(f'<span{lang} style="font-size:16.0pt;font-family:仿宋_GB2312">{E(part)}</span>')
    return "".join(runs)


def word_export(s: Story, stories: list[Story], k: int) -> Page:
    """A county government page whose body was pasted from Word (MsoNormal, <o:p>, the title again)."""
    url = f"http://www.example-county.gov.cn/zwdt/bmdt/{s.date:%Y%m}/t{s.date:%Y%m%d}_{s.info_code[-6:]}.html"
    top, end = byline_paras(s)
    paras = "\n".join(
        f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">{word_spans(x)}<span lang="EN-US"><o:p></o:p></span></p>'
        for x in top + list(s.paragraphs) + end
    )
    markup = f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=Content-Type content="text/html; charset={{charset}}">
<title>县人民政府 - {E(s.title)}</title>
<style>p.MsoNormal {{margin:0cm;text-align:justify;font-size:10.5pt;font-family:Calibri}}</style>
</head>
<body>
<div id="top"><span>县人民政府门户网站</span> <a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwdt/">政务动态</a> <a href="/zmhd/">政民互动</a></div>
<div class="position">您的位置：<a href="/">首页</a> &gt; <a href="/zwdt/">政务动态</a> &gt; 部门动态</div>
<div class="article">
<div class="tit">{E(s.title)}</div>
<div class="sub">发布时间：{s.date:%Y-%m-%d %H:%M}　来源：县财政局　访问量：<span id="count"></span></div>
<div class="con" id="Zoom">
<div class="Section1" style="layout-grid:15.6pt">
<p class="MsoNormal" align="center" style="text-align:center;line-height:28.0pt"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">{E(s.title)}</span></b><span lang="EN-US"><o:p></o:p></span></p>
<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>
{paras}
</div>
</div>
<div class="fj">附件：</div>
<div class="tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</div>
<div class="footer">主办：县人民政府办公室　承办：县融媒体中心<br/>网站标识码：5301240001　ICP备案号：滇ICP备12001234号-1</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


def wechat(s: Story, stories: list[Story], k: int) -> Page:
    """A WeChat official-account repost (rich_media_title, #js_content, 往期推荐)."""
    url = f"https://mp.weixin.qq.com/s/{s.info_code[2:]}"
    past = "".join(f'<p><a href="https://mp.weixin.qq.com/s/{o.info_code[2:]}">{E(o.title)}</a></p>' for o in others(stories, s, 3, 4))
    style = ["p", "p-nbsp"][k % 2]
    markup = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="{{charset}}">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0,viewport-fit=cover">
<meta property="og:title" content="{E(s.title)}" />
<meta property="og:description" content="{E(s.paragraphs[0][:50])}" />
<meta property="og:site_name" content="微信公众平台" />
<title>{E(s.title)}</title>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div class="rich_media_wrp">
<div class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">
            {E(s.title)}
          </h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">原创</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">省政府采购</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{s.date:%Y-%m-%d %H:%M}</em>
</div>
<div class="rich_media_content" id="js_content">
<section style="text-align:center"><span style="color:#8c8c8c;font-size:13px">点击上方蓝字关注我们</span></section>
<section style="font-size:15px;line-height:1.75em">
{body_html(s, style)}
</section>
<p><span style="font-size:13px;color:#888888">来源：中国政府采购报</span></p>
<p><span style="font-size:13px;color:#888888">编辑：王芳　审核：刘强</span></p>
<section><p><strong>往期推荐</strong></p>{past}</section>
</div>
<div class="rich_media_tool"><a id="js_view_source" href="#">阅读原文</a> <span>阅读 {len(s.title) * 97}</span> <span>在看</span></div>
</div>
</div>
<script>var ct = "{int(s.date.timestamp())}"; var msg_title = "{E(s.title)}";</script>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


def xxgk(s: Story, stories: list[Story], k: int) -> Page:
    """A government information-disclosure (信息公开) page: metadata table with 成文日期 and 发布日期."""
    url = f"http://www.example-city.gov.cn/xxgk/czj/{s.date:%Y%m}/t{s.date:%Y%m%d}_{s.info_code[-6:]}.html"
    written = s.date - dt.timedelta(days=3)
    style = ["p-indent", "p-full"][k % 2]
    markup = f"""<!DOCTYPE html>
<html>
{head(f"{s.title}-市财政局-信息公开")}
<body>
<div class="xxgk-head">市人民政府信息公开平台 <a href="/xxgk/">信息公开指南</a> <a href="/xxgk/ml/">信息公开目录</a> <a href="/xxgk/nb/">年度报告</a> <a href="/xxgk/ysq/">依申请公开</a></div>
<div class="crumb">当前位置：信息公开 &gt; 市财政局 &gt; 工作动态</div>
<table class="xxgk-meta" border="1" cellspacing="0" cellpadding="4">
<tr><th>索引号：</th><td>11530100MB0P1{s.info_code[-5:]}/{s.date:%Y}-{s.info_code[-4:]}</td><th>分类：</th><td>财政、金融、审计;动态</td></tr>
<tr><th>发布机构：</th><td>市财政局</td><th>成文日期：</th><td>{written:%Y年%m月%d日}</td></tr>
<tr><th>名称：</th><td colspan="3">{E(s.title)}</td></tr>
<tr><th>文号：</th><td></td><th>发布日期：</th><td>{s.date:%Y年%m月%d日}</td></tr>
<tr><th>主题词：</th><td colspan="3">政府采购</td></tr>
</table>
<div class="xxgk-title"><h2>{E(s.title)}</h2></div>
<div class="xxgk-text" id="zoomcon">
{body_html(s, style)}
</div>
<div class="xxgk-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
{related(stories, s, "相关文件", 2)}
<div class="footer">市人民政府办公室主办　网站标识码：5301000001</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "day"), url)


def people_local(s: Story, stories: list[Story], k: int) -> Page:
    """A regional channel of a national news site (rm_txt-style title block, 责编 line)."""
    url = f"http://yn.example-people.com.cn/n2/{s.date:%Y/%m%d}/c{s.info_code[-6:]}-{s.info_code[-8:]}.html"
    pre = f'<h3 class="pre">{E(s.column)}</h3>' if s.column else ""
    sub = f'<h4 class="sub">{E(s.subtitle)}</h4>' if s.subtitle else ""
    hot = "".join(f'<li><a href="#">{E(o.title)}</a></li>' for o in others(stories, s, 5, 7))
    markup = f"""<!DOCTYPE html>
<html>
{head(f"{s.title}--云南频道--人民网", '<meta name="keywords" content="政府采购" />' + chr(10) + f'<meta name="description" content="{E(s.paragraphs[0][:70])}" />' + chr(10))}
<body>
<div class="header_nav"><a href="/">人民网</a> <a href="#">时政</a> <a href="#">地方</a> <a href="#">财经</a> <a href="#">社会</a></div>
<div class="path"><a href="/">人民网</a>&gt;&gt;<a href="/GB/">云南频道</a>&gt;&gt;<a href="/GB/cj/">财经</a></div>
<div class="clearfix w1000_320 text_title">
{pre}
<h1>{E(s.title)}</h1>
{sub}
<div class="box01"><div class="fl">{s.date:%Y年%m月%d日%H:%M}&nbsp;&nbsp;来源：<a href="#">人民网－云南频道</a></div>
<div class="fr"><span>分享到：</span><a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div></div>
</div>
<div class="clearfix w1000_320 text_con">
<div class="fl text_con_left">
<div class="rm_txt_con cf">
{body_html(s, "p-indent")}
<p style="text-align:center"><img src="/NMediaFile/{s.date:%Y/%m%d}/pic.jpg" width="600" /></p>
</div>
<div class="edit cf">(责编：张蕾、李东)</div>
<div class="box_news"><h2>相关新闻</h2><ul>{"".join(f'<li><a href="#">{E(o.title)}</a></li>' for o in others(stories, s, 4, 4))}</ul></div>
</div>
<div class="fr text_con_right"><h2>热点排行</h2><ol>{hot}</ol></div>
</div>
<div class="footer">人民网版权所有，未经书面授权禁止使用<br />Copyright &copy; 1997-{s.date.year + 2} by www.people.com.cn. all rights reserved</div>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


def static_font(s: Story, stories: list[Story], k: int) -> Page:
    """A 2005-style static page made in FrontPage: <font> tags, &nbsp; indentation, <br><br> paragraphs."""
    url = f"http://www.example-xczj.gov.cn/news/{s.date:%Y%m%d}{s.info_code[-3:]}.htm"
    top, end = byline_paras(s)
    body = "<br>\n<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{E(x)}" for x in top + list(s.paragraphs) + end)
    markup = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={{charset}}">
<meta name="GENERATOR" content="Microsoft FrontPage 4.0">
<title>县财政局--{E(s.title)}</title>
</head>
<body bgcolor="#FFFFFF" text="#000000" topmargin="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="images/top.jpg" width="778" height="120"></td></tr></table>
<table width="778" border="0" align="center"><tr><td height="30" bgcolor="#E4F1FA"><font size="2"><a href="../index.htm">首页</a> | <a href="../jgsz.htm">机构设置</a> | <a href="../zcfg.htm">政策法规</a> | <a href="../czdt.htm">财政动态</a> | <a href="../zfcg.htm">政府采购</a> | <a href="../bszn.htm">办事指南</a></font></td></tr></table>
<table width="778" border="0" align="center"><tr><td>
<p align="center"><font size="5" color="#FF0000"><b>{E(s.title)}</b></font></p>
<p align="center"><font size="2">日期：{s.date.year}/{s.date.month}/{s.date.day}　　来源：县财政局</font></p>
<hr size="1" color="#CCCCCC">
<font size="3">{body}</font>
<p align="right"><font size="2">（审核：王某某　编辑：赵某）</font></p>
</td></tr></table>
<table width="778" border="0" align="center"><tr><td align="center"><font size="2">县财政局主办 版权所有 地址：县城人民路8号 电话：0874-1234567<br>您是本站第<font color="red">0{len(s.title) * 4321}</font>位访问者</font></td></tr></table>
</body>
</html>
"""
    return Page(markup, iso(s.date, "day"), url)


def ucap(s: Story, stories: list[Story], k: int) -> Page:
    """A modern provincial government site (UCAP-style meta tags, #UCAP-CONTENT, QR code, 相关阅读)."""
    url = f"https://www.example-province.gov.cn/zwgk/bmdt/{s.date:%Y%m}/t{s.date:%Y%m%d}_{s.info_code[-7:]}.html"
    style = ["p-indent", "nested"][k % 2]
    metas = (
        '<meta name="SiteName" content="省人民政府门户网站" />\n<meta name="ColumnName" content="部门动态" />\n'
        f'<meta name="ArticleTitle" content="{E(s.title)}" />\n<meta name="PubDate" content="{s.date:%Y-%m-%d %H:%M}" />\n'
        '<meta name="ContentSource" content="中国政府采购报" />\n'
    )
    markup = f"""<!DOCTYPE html>
<html lang="zh-CN">
{head(f"{s.title}_部门动态_省人民政府门户网站", metas, "html5")}
<body>
<header class="gov-header"><div class="logo">省人民政府门户网站</div><div class="tools"><a href="#">无障碍</a> <a href="#">长者模式</a> <a href="#">English</a></div></header>
<nav class="gov-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjyn/">走进本省</a></nav>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/bmdt/">部门动态</a></div>
<div class="detail">
<div class="detail-title"><h1>{E(s.title)}</h1></div>
<div class="detail-info"><span>来源：中国政府采购报</span><span>发布时间：{s.date:%Y-%m-%d %H:%M}</span><span>浏览次数：<i id="visits"></i></span><span class="font-size">字号：<a href="#">大</a><a href="#">中</a><a href="#">小</a></span></div>
<div class="detail-content" id="UCAP-CONTENT">
{body_html(s, style)}
</div>
<div class="detail-qr"><img src="/images/qr.png" alt="" />扫一扫在手机打开当前页</div>
<div class="detail-tools"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
{SHARE}
{related(stories, s, "相关阅读", 1)}
</div>
<footer class="gov-footer">主办：省人民政府办公厅　运行维护：省数字政府运营中心<br/>网站标识码：5300000033　滇公网安备53010202000123号</footer>
</body>
</html>
"""
    return Page(markup, iso(s.date, "minute"), url)


Template = Callable[[Story, list[Story], int], Page]

# layout name -> (template, [(bytes encoding, declared charset), …] cycled over its pages)
LAYOUTS: dict[str, tuple[Template, list[tuple[str, str]]]] = {
    "finews": (finews, [("utf-8", "utf-8")]),
    "cgpnews": (cgpnews, [("utf-8", "utf-8")]),
    "zcb-epaper": (zcb, [("utf-8", "utf-8")]),
    "ccgp": (ccgp, [("utf-8", "utf-8")]),
    "finance-bureau": (finance_bureau, [("gbk", "gbk"), ("gb2312", "gb2312"), ("gbk", "utf-8")]),
    "city-news": (city_news, [("gbk", "utf-8"), ("gb2312", "gb2312")]),
    "portal-java": (portal_java, [("utf-8", "gbk"), ("gbk", "gbk")]),
    "table-cms": (table_cms, [("gb2312", "gb2312"), ("gbk", "gb2312")]),
    "mobile": (mobile, [("utf-8", "utf-8"), ("gbk", "utf-8")]),
    "portal-repost": (portal_repost, [("utf-8", "utf-8"), ("gb2312", "utf-8")]),
}


def encode(markup: str, encoding: str) -> tuple[bytes, str]:
    """Encode; a GB2312 page whose text needs GBK is written as GBK (as CMSs do)."""
    try:
        return markup.encode(encoding), encoding
    except UnicodeEncodeError:
        return markup.encode("gbk"), "gbk"


HOLDOUT: dict[str, tuple[Template, list[tuple[str, str]]]] = {
    "word-export": (word_export, [("gb2312", "gb2312"), ("gbk", "utf-8")]),
    "wechat": (wechat, [("utf-8", "utf-8")]),
    "xxgk": (xxgk, [("gbk", "gbk"), ("utf-8", "gbk")]),
    "people-local": (people_local, [("gb2312", "gb2312"), ("gbk", "gb2312")]),
    "static-font": (static_font, [("gb2312", "gb2312"), ("gbk", "utf-8")]),
    "ucap": (ucap, [("utf-8", "utf-8")]),
}

# split -> (article file, its layouts)
SPLITS = {"dev": ("articles.txt", LAYOUTS), "holdout": ("holdout.txt", HOLDOUT)}


def render(split: str) -> list[tuple[str, bytes, dict]]:
    """Every page of a split: (page id, bytes, truth)."""
    source, layouts = SPLITS[split]
    stories = parse_articles(HERE / source)
    names = list(layouts)
    counts = dict.fromkeys(names, 0)
    pages = []
    for i, s in enumerate(stories):
        for step in (0, 3, 7):
            layout = names[(i + step) % len(names)]
            template, encodings = layouts[layout]
            k = counts[layout]
            counts[layout] += 1
            page = template(s, stories, k)
            wanted, declared = encodings[(k // 2) % len(encodings)]
            data, encoding = encode(page.markup.replace("{charset}", declared), wanted)
            truth = {
                "title": s.title,
                "published_at": page.published_at,
                "author": s.author,
                "body": "\n".join(s.paragraphs),
                "layout": layout,
                "split": split,
                "encoding": encoding,
                "declared_charset": declared,
                "content_type": f"text/html; charset={declared}" if (k // 3) % 2 == 0 else "text/html",
                "url": page.url,
            }
            pages.append((f"{s.id}-{layout}", data, truth))
    return pages


def build(out: Path = HERE) -> int:
    """Write every page and truth file of both splits under ``out``; returns the page count."""
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    pages = [p for split in SPLITS for p in render(split)]
    for pid, data, truth in pages:
        (out / "html" / f"{pid}.html").write_bytes(data)
        (out / "truth" / f"{pid}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(pages)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    print(f"{build(target)} pages written to {target}")
