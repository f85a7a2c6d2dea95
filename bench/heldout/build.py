"""Build the held-out HTML page set from ``articles.txt`` (deterministic).

This set was written independently of the extractor and of ``bench/pages``:
fourteen other page layouts, other article texts. Every article is rendered
through two to four layouts. Output: ``html/<id>.html`` (bytes in the page's
own encoding, which its ``<meta>`` may misdeclare or omit) and
``truth/<id>.json`` in the format of ``bench/pages`` (title, published_at,
author, body, layout, encoding, declared_charset, content_type, url).

The build refuses to write a page whose truth is not in it: every truth
paragraph (and the title) must occur, whitespace aside, in the text of the
decoded page outside scripts and styles.

Run from the repository root: ``python bench/heldout/build.py``.

>>> stories = parse_articles(HERE / "articles.txt")
>>> stories[2].blocks[4]
('table', (('品目', '入围供应商（家）', '入围产品（个）', '平均降幅'), ('台式计算机', '23', '412', '19.85%'), ('便携式计算机', '18', '296', '22.31%'), ('打印机', '15', '203', '24.06%'), ('复印纸', '9', '37', '12.40%')))
>>> truth_lines(stories[2].blocks)[4]
'品目 入围供应商（家） 入围产品（个） 平均降幅'
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from pypinyin import lazy_pinyin

HERE = Path(__file__).resolve().parent
CST = dt.timezone(dt.timedelta(hours=8))
IND = "\u3000\u3000"
WS = re.compile(r"\s+")
Block = tuple[str, object]  # ("p", text) or ("table", rows)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    subtitle: str | None
    author: str | None
    source: str
    place: str
    date: dt.datetime
    blocks: tuple[Block, ...]

    @property
    def is_notice(self) -> bool:
        """A notice (通知/通报) addressed to someone, not a news story."""
        return str(self.blocks[0][1]).endswith("：")

    @property
    def domain(self) -> str:
        return pinyin(self.place)

    @property
    def county(self) -> str:
        return COUNTIES[self.place]

    @property
    def county_domain(self) -> str:
        return pinyin(self.county[:-1])


@dataclass(frozen=True)
class Page:
    """What a layout returns: the markup and the truth it decides."""

    markup: str
    title: str
    published_at: str | None
    author: str | None
    body: list[str]
    url: str


def pinyin(name: str) -> str:
    """Domain-style pinyin of a place name (长 read chang, as in place names).

    >>> pinyin("长治"), pinyin("湄潭")
    ('changzhi', 'meitan')
    """
    return "".join(lazy_pinyin(name.replace("长", "常")))


def parse_articles(path: Path) -> list[Story]:
    """Read the ``=== id`` blocks of ``articles.txt``."""
    stories = []
    for chunk in path.read_text(encoding="utf-8").split("\n=== ")[1:]:
        sid, rest = chunk.split("\n", 1)
        head, body = rest.split("\n---\n", 1)
        meta = dict(line.split(":", 1) for line in head.splitlines())
        meta = {k.strip(): v.strip() or None for k, v in meta.items()}
        blocks: list[Block] = []
        for line in body.strip().splitlines():
            if line.startswith("|"):
                row = tuple(line.strip("|").split("|"))
                if blocks and blocks[-1][0] == "table":
                    blocks[-1] = ("table", blocks[-1][1] + (row,))
                else:
                    blocks.append(("table", (row,)))
            elif line.strip():
                blocks.append(("p", line.strip()))
        stories.append(
            Story(
                id=sid.strip(),
                title=meta["title"],
                subtitle=meta.get("subtitle"),
                author=meta.get("author"),
                source=meta["source"],
                place=meta["place"],
                date=dt.datetime.strptime(meta["date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST),
                blocks=tuple(blocks),
            )
        )
    return stories


def truth_lines(blocks: tuple[Block, ...]) -> list[str]:
    """Truth body: one line per paragraph, one line per table row (cells joined by a space)."""
    out: list[str] = []
    for kind, value in blocks:
        out += [" ".join(row) for row in value] if kind == "table" else [str(value)]
    return out


# ------------------------------------------------------------------ dates

DATE_STYLES = {
    "ymd": ("{Y}-{m:02d}-{d:02d}", "day"),
    "ymd_short": ("{Y}-{m}-{d}", "day"),
    "ymd_hm": ("{Y}-{m:02d}-{d:02d} {H:02d}:{M:02d}", "min"),
    "ymd_hms": ("{Y}-{m:02d}-{d:02d} {H:02d}:{M:02d}:{S:02d}", "sec"),
    "short_hms": ("{Y}-{m}-{d} {H}:{M:02d}:{S:02d}", "sec"),
    "cn": ("{Y}年{m:02d}月{d:02d}日", "day"),
    "cn_short": ("{Y}年{m}月{d}日", "day"),
    "cn_hm": ("{Y}年{m:02d}月{d:02d}日 {H:02d}:{M:02d}", "min"),
    "cn_glued": ("{Y}年{m:02d}月{d:02d}日{H:02d}:{M:02d}", "min"),
    "slash_hm": ("{Y}/{m:02d}/{d:02d} {H:02d}:{M:02d}", "min"),
    "dot": ("{Y}.{m:02d}.{d:02d}", "day"),
}


def show(d: dt.datetime, style: str) -> str:
    """A date as a page prints it.

    >>> show(dt.datetime(2023, 5, 7, 9, 3, 1), "short_hms")
    '2023-5-7 9:03:01'
    """
    return DATE_STYLES[style][0].format(Y=d.year, m=d.month, d=d.day, H=d.hour, M=d.minute, S=d.second)


def iso(d: dt.datetime, precision: str) -> str:
    """Truth ``published_at`` at the precision the page shows.

    >>> iso(dt.datetime(2023, 5, 7, 9, 3, 1, tzinfo=CST), "min")
    '2023-05-07T09:03:00+08:00'
    """
    cut = {"day": d.replace(hour=0, minute=0, second=0), "min": d.replace(second=0), "sec": d}[precision]
    return cut.isoformat()


def shown(d: dt.datetime, rng: random.Random, styles: list[str]) -> tuple[str, str]:
    """Pick a style; return (text on the page, truth published_at)."""
    style = rng.choice(styles)
    return show(d, style), iso(d, DATE_STYLES[style][1])


# ------------------------------------------------------------------ shared bits

e = html.escape


def others(story: Story, stories: list[Story], rng: random.Random, n: int) -> list[Story]:
    """Other stories for related / latest lists beside the article."""
    pool = [s for s in stories if s.id != story.id]
    return rng.sample(pool, n)


def meta_charset(declared: str | None, html5: bool = False) -> str:
    if declared is None:
        return ""
    if html5:
        return f'<meta charset="{declared}">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'


def rows_html(rows: tuple, table: str, cell: Callable[[str, bool], str]) -> str:
    """A table whose first row is a header."""
    trs = ["<tr>" + "".join(cell(c, i == 0) for c in row) + "</tr>" for i, row in enumerate(rows)]
    return f"<{table}>\n" + "\n".join(trs) + "\n</table>"


def plain_cell(c: str, head: bool) -> str:
    return f"<th>{e(c)}</th>" if head else f"<td>{e(c)}</td>"


def render_blocks(blocks: tuple[Block, ...], para: Callable[[str], str], table: Callable[[tuple], str]) -> str:
    return "\n".join(para(str(v)) if k == "p" else table(v) for k, v in blocks)


def wire_lead(story: Story, dateline: str, byline: str) -> tuple[Block, ...]:
    """Replace the paper's 本报讯 lead with a wire dateline (and the reporter, unless the lead names one)."""
    kind, first = story.blocks[0]
    first = re.sub(r"^本报讯(（[^）]*）)?\s*", "", str(first))
    if first.startswith("记者") and byline:
        first = byline + first[2:]  # 记者从…获悉 -> （记者某某）从…获悉
    elif byline:
        first = byline + first
    return ((kind, dateline + first),) + story.blocks[1:]


def digits_en(text: str) -> str:
    """Word's habit of wrapping Latin runs in ``<span lang=EN-US>``."""
    return re.sub(r"([0-9][0-9.%]*)", r'<span lang="EN-US">\1</span>', e(text))


# ------------------------------------------------------------------ layouts

COUNTIES = {
    "湖州": "长兴县", "绵阳": "三台县", "郑州": "中牟县", "赣州": "于都县", "济南": "平阴县", "南通": "如东县",
    "宜昌": "秭归县", "周口": "鹿邑县", "天水": "秦安县", "泉州": "安溪县", "曲靖": "陆良县", "长治": "沁源县",
    "常德": "桃源县", "汉中": "城固县", "赤峰": "宁城县", "保定": "涞源县", "遵义": "湄潭县", "六安": "霍山县",
    "潍坊": "昌乐县", "四平": "梨树县", "柳州": "融安县", "绥化": "庆安县",
}


def county_gov(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """County government 政务公开 page: info table (索引号/发布机构/成文日期) above the body."""
    county = COUNTIES[story.place]
    site = f"{story.place}市{county}人民政府"
    pub = story.date + dt.timedelta(days=rng.choice([0, 1, 2]))
    written = story.date - dt.timedelta(days=rng.choice([0, 1, 3]))
    fmt = rng.choice(["ymd", "cn"])
    info_line = rng.random() < 0.5
    published_at = iso(pub, "day")
    info = ""
    if info_line:
        text, published_at = shown(pub, rng, ["ymd_hm", "ymd_hms"])
        info = (f'<div class="xxgk-info"><span>发布时间：{text}</span><span>来源：{e(story.source)}</span>'
                f'<span>浏览次数：<em id="hits">{rng.randint(80, 3000)}</em></span></div>')
    index_no = f"11{rng.randint(100000, 999999)}MB{rng.randint(1000000, 9999999)}X/{story.date.year}-{rng.randint(10, 9999):05d}"
    doc_id = rng.randint(1000000, 9999999)
    url = f"http://www.{story.county_domain}.gov.cn/zwgk/zfxxgkml/czxx/{pub:%Y%m}/t{pub:%Y%m%d}_{doc_id}.html"
    para_style = rng.choice(['style="text-indent: 2em; line-height: 2em;"', 'style="text-align: justify; text-indent: 32px;"'])
    body = render_blocks(
        story.blocks,
        lambda t: f"<p {para_style}>{e(t)}</p>",
        lambda rows: rows_html(rows, 'table border="1" cellspacing="0" cellpadding="4" align="center" width="90%"', plain_cell),
    )
    related = "\n".join(f'<li><a href="../{s.date:%Y%m}/t{s.date:%Y%m%d}_{rng.randint(10**6, 10**7)}.html">{e(s.title)}</a></li>'
                        for s in others(story, stories, rng, 4))
    markup = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{meta_charset(declared)}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{e(story.title)}_{county}财政局_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="www.{story.county_domain}.gov.cn">
<meta name="ColumnName" content="财政信息">
<meta name="ColumnType" content="法定主动公开内容">
<link rel="stylesheet" href="/images/xxgk.css">
<script src="/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问{site}门户网站</span><a href="/wza/">无障碍</a><a href="javascript:;" id="jt_ft">繁體</a><a href="/app/">移动版</a></div></div>
<div class="header"><div class="w1200"><img src="/images/logo.png" alt="{site}"><form class="search" action="/search/"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div></div>
<ul class="nav w1200"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进{county[:-1]}</a></li></ul>
<div class="position w1200">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/zfxxgkml/">法定主动公开内容</a> &gt; <a href="./">财政信息</a></div>
<div class="xxgk-detail w1200">
<table class="xxgk-table" width="100%" cellspacing="0" cellpadding="0">
<tr><td class="t1">索&nbsp;引&nbsp;号：</td><td class="t2">{index_no}</td><td class="t1">发布机构：</td><td class="t2">{county}财政局</td></tr>
<tr><td class="t1">主题分类：</td><td class="t2">财政、金融、审计</td><td class="t1">成文日期：</td><td class="t2">{show(written, fmt)}</td></tr>
<tr><td class="t1">名&emsp;&emsp;称：</td><td class="t2" colspan="3">{e(story.title)}</td></tr>
<tr><td class="t1">文&emsp;&emsp;号：</td><td class="t2"></td><td class="t1">发布日期：</td><td class="t2">{show(pub, fmt)}</td></tr>
<tr><td class="t1">有&nbsp;效&nbsp;性：</td><td class="t2">有效</td><td class="t1">关&nbsp;键&nbsp;词：</td><td class="t2">政府采购</td></tr>
</table>
<div class="xxgk-title">{e(story.title)}</div>
{info}
<div class="xxgk-content" id="zoom">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
</div></div>
</div>
<div class="xxgk-tools"><span class="ewm">扫一扫在手机打开当前页<img src="/images/qrcode.png"></span><a href="javascript:window.print();">【打印本页】</a><a href="javascript:window.close();">【关闭窗口】</a></div>
<div class="xgxx"><h4>相关信息</h4><ul>
{related}
</ul></div>
</div>
<div class="footer"><div class="w1200">
<p>主办单位：{county}人民政府办公室&nbsp;&nbsp;承办单位：{county}数据资源管理局</p>
<p>网站标识码：{rng.randint(3400000000, 5199999999)}&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">{story.place[0]}ICP备{rng.randint(10000000, 99999999)}号</a>&nbsp;&nbsp;公网安备 {rng.randint(10**13, 10**14 - 1)}号</p>
<p><script>document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script></p>
</div></div>
</body>
</html>
"""
    return Page(markup, story.title, published_at, None, truth_lines(story.blocks), url)


def procurement_notice(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """公共资源交易中心 通知公告: Word-pasted body with a table of figures."""
    centre = f"{story.place}市公共资源交易中心" if "中心" not in story.source else story.source
    text, published_at = shown(story.date, rng, ["ymd", "ymd_hms", "slash_hm"])
    body_p = ('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">'
              '<span style="font-size:16.0pt;font-family:仿宋_GB2312">{}<o:p></o:p></span></p>')

    def cell(c: str, head: bool) -> str:
        bold = "<b>" if head else ""
        return (f'<td width="{rng.choice([96, 120, 138])}" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">'
                f'<p class="MsoNormal" align="center" style="text-align:center">{bold}<span style="font-size:12.0pt">'
                f'{digits_en(c)}</span>{"</b>" if head else ""}</p></td>')

    blocks = story.blocks
    lines = truth_lines(blocks)
    body = render_blocks(
        blocks,
        lambda t: body_p.format(digits_en(t)),
        lambda rows: rows_html(rows, 'table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none"', cell),
    )
    if story.is_notice:
        sign = [centre, f"{story.date.year}年{story.date.month}月{story.date.day}日"]
        body += "\n" + "\n".join(
            f'<p class="MsoNormal" align="right" style="text-align:right;line-height:28.0pt"><span style="font-size:16.0pt;font-family:仿宋_GB2312">{e(s)}</span></p>'
            for s in sign)
        lines += sign
    notices = "\n".join(
        f'<li><a href="/tzgg/{day:%Y%m%d}/{rng.randint(100000, 999999)}.html" title="{e(s.title)}">{e(s.title[:18])}…</a><span>{show(day, "ymd")}</span></li>'
        for i, s in enumerate(others(story, stories, rng, 7))
        for day in [story.date - dt.timedelta(days=2 * i + 1)])
    url = f"http://ggzy.{story.domain}.gov.cn/jyxx/tzgg/{story.date:%Y%m%d}/{rng.randint(100000, 999999)}.html"
    markup = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
{meta_charset(declared)}
<title>{centre}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">.article-content p {{ margin: 0; }} .MsoNormalTable td {{ font-size: 12px; }}</style>
</head>
<body>
<div class="banner"><img src="/images/banner.jpg" alt="{centre}" /></div>
<div class="menu"><a href="/">首页</a> | <a href="/jyxx/">交易信息</a> | <a href="/jyxx/tzgg/">通知公告</a> | <a href="/zcfg/">政策法规</a> | <a href="/bszn/">办事指南</a> | <a href="/xzzx/">下载中心</a> | <a href="/lxwm/">联系我们</a></div>
<div class="main">
<div class="left">
<div class="left-title">通知公告</div>
<ul class="left-list">
{notices}
</ul>
<div class="left-title">服务指南</div>
<ul class="left-list"><li><a href="/bszn/1.html">供应商注册流程</a></li><li><a href="/bszn/2.html">CA数字证书办理</a></li><li><a href="/bszn/3.html">保证金退还说明</a></li></ul>
</div>
<div class="right">
<div class="location">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/jyxx/">交易信息</a> &gt;&gt; 通知公告</div>
<h3 class="article-title">{e(story.title)}</h3>
<p class="article-info">发布时间：{text}&nbsp;&nbsp;&nbsp;信息来源：{e(centre if story.is_notice else story.source)}&nbsp;&nbsp;&nbsp;阅读次数：<span id="clicks">{rng.randint(100, 5000)}</span>&nbsp;&nbsp;【字体：<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】</p>
<div class="article-content">
<div class="WordSection1" style="layout-grid:15.6pt">
{body}
</div>
</div>
<div class="article-bottom"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
</div>
<div class="foot">版权所有：{centre}&nbsp; 地址：{story.place}市行政服务中心{rng.randint(3, 9)}楼&nbsp; 电话：0{rng.randint(300, 999)}-{rng.randint(1000000, 9999999)}<br />建议使用1024*768分辨率 IE8.0以上版本浏览</div>
</body>
</html>
"""
    return Page(markup, story.title, published_at, None, lines, url)


WECHAT_TAIL = [
    "预览时标签不可点", "微信扫一扫\n关注该公众号", "继续滑动看下一个", "轻触阅读原文", "向上滑动看下一个", "知道了",
]


def wechat(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """WeChat official-account article: #js_content, date only in a script variable."""
    account = rng.choice([f"{story.place}财政", f"{story.place}政府采购", "政府采购信息", f"{story.place}发布"])
    ct = int(story.date.timestamp())
    span = rng.choice(['<span style="font-size: 15px;letter-spacing: 1px;">', '<span style="font-size: 16px;color: rgb(62, 62, 62);">'])
    spacer = rng.random() < 0.5

    def para(t: str) -> str:
        if t.endswith("：") and len(t) < 30 or re.match(r"^[一二三四五六七八九十]、", t):
            return f'<p style="margin-bottom: 10px;"><strong>{span}{e(t)}</span></strong></p>'
        cut = t.find("，", len(t) // 2)
        inner = f"{e(t[:cut + 1])}</span>{span}{e(t[cut + 1:])}" if cut > 0 and rng.random() < 0.4 else e(t)
        return f'<p style="text-indent: 2em;margin-bottom: 10px;">{span}{inner}</span></p>' + ("\n<p><br></p>" if spacer else "")

    def cell(c: str, head: bool) -> str:
        style = "background-color: rgb(236, 244, 252);" if head else ""
        return f'<td style="{style}border-color: rgb(180, 200, 220);" width="{rng.choice([90, 110, 150])}"><section style="text-align: center;"><span style="font-size: 14px;">{e(c)}</span></section></td>'

    body = render_blocks(story.blocks, para,
                         lambda rows: '<section style="overflow-x: auto;">' + rows_html(rows, "table", cell) + "</section>")
    top = ""
    if story.subtitle and rng.random() < 0.6:
        top += f'<section style="border-left: 4px solid rgb(0, 112, 192);padding-left: 8px;"><p><span style="color: rgb(0, 112, 192);">{e(story.subtitle)}</span></p></section>\n'
    top += f'<p style="text-align: center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/{rng.randint(10**9, 10**10)}/640?wx_fmt=jpeg" data-ratio="0.5625" data-w="1080"></p>\n'
    author_shown = story.author if story.author and rng.random() < 0.7 else None
    tail = [f"来源：{story.source}"]
    if author_shown:
        tail.append(f"记者：{author_shown}")
    tail += [f"编辑：{rng.choice(['王宁', '陈晨', '李想', '周颖'])}", f"审核：{rng.choice(['刘洋', '吴昊', '郑丽'])}"]
    tail_html = "\n".join(f'<p style="text-align: left;"><span style="font-size: 12px;color: rgb(136, 136, 136);">{e(t)}</span></p>' for t in tail)
    recs = "\n".join(f'<p><a href="https://mp.weixin.qq.com/s?__biz=MzI{rng.randint(10**6, 10**7)}==&amp;mid={rng.randint(2650000000, 2659999999)}&amp;idx=1" target="_blank" data-linktype="2">{e(s.title)}</a></p>'
                     for s in others(story, stories, rng, 3))
    biz = f"MzA{rng.randint(10**8, 10**9)}"
    url = f"https://mp.weixin.qq.com/s?__biz={biz}==&mid={rng.randint(2650000000, 2659999999)}&idx={rng.randint(1, 4)}&sn={rng.getrandbits(128):032x}"
    desc = str(story.blocks[0][1])[:54]
    markup = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0,viewport-fit=cover">
<meta name="description" content="{e(desc)}">
<meta name="author" content="{e(author_shown or account)}">
<meta property="og:title" content="{e(story.title)}">
<meta property="og:url" content="{e(url)}">
<meta property="og:image" content="https://mmbiz.qpic.cn/mmbiz_jpg/{rng.randint(10**9, 10**10)}/0?wx_fmt=jpeg">
<meta property="og:description" content="{e(desc)}">
<meta property="og:site_name" content="微信公众平台">
<meta property="og:type" content="article">
<meta property="twitter:card" content="summary">
<title>{e(story.title)}</title>
<style>.rich_media_area_primary{{padding:20px 16px 12px;}} .rich_media_title{{font-size:22px;line-height:1.4;margin-bottom:14px;}} #js_content{{visibility:hidden;}}</style>
<script>var __wxLoadStart = +new Date();</script>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page mm_appmsg">
<div id="js_article" class="rich_media">
<div class="rich_media_inner">
<div id="page-content" class="rich_media_area_primary">
<div class="rich_media_area_primary_inner">
<div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">
{e(story.title)}
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">{"原创" if rng.random() < 0.4 else ""}</span>
{f'<span class="rich_media_meta rich_media_meta_text" id="js_author_name">{e(author_shown)}</span>' if author_shown else ""}
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight weui-wa-hotarea" id="js_name">{e(account)}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
<em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text" style="display: none;"><span id="js_ip_wording"></span></em>
</div>
<div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: hidden;">
<section style="font-size: 16px;line-height: 1.75em;">
{top}{body}
{tail_html}
<p style="text-align: center;"><span style="color: rgb(178, 178, 178);">END</span></p>
<p><strong>往期推荐</strong></p>
{recs}
<p style="text-align: center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_gif/{rng.randint(10**9, 10**10)}/640?wx_fmt=gif"></p>
<p style="text-align: center;"><span style="font-size: 12px;">点击蓝字 关注我们</span></p>
</section>
</div>
<div class="rich_media_tool" id="js_toobar3"><a class="media_tool_meta meta_primary" id="js_view_source" href="##">阅读原文</a><div class="media_tool_meta tips_global meta_primary">阅读 <span id="readNum3">{rng.randint(300, 9000)}</span></div></div>
</div>
</div>
</div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><div class="qr_code_pc_inner"><div class="qr_code_pc"><img id="js_pc_qr_code_img" class="qr_code_pc_img"><p>微信扫一扫<br>关注该公众号</p></div></div></div>
</div>
<div class="wx_stream_article_slide_tip">{'</div><div>'.join(e(t) for t in WECHAT_TAIL)}</div>
<div class="interaction_bar"><span>分享</span><span>收藏</span><span>点赞</span><span>在看</span></div>
</div>
<script type="text/javascript">
var biz = "{biz}==" || "";
var nickname = htmlDecode("{e(account)}");
var msg_title = '{e(story.title)}'.html(false);
var msg_desc = htmlDecode("{e(desc)}");
var ct = "{ct}";
var publish_time = "{story.date:%Y-%m-%d}" || "";
var user_name = "gh_{rng.getrandbits(48):012x}";
</script>
<script>document.getElementById("js_content").style.visibility = "visible";</script>
</body>
</html>
"""
    return Page(markup, story.title, iso(story.date, "sec"), author_shown, truth_lines(story.blocks), url)


def xinhua(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """Xinhua wire page: 新华社…电 dateline, split date spans (new) or h-time (old), 【纠错】 and editor line."""
    d = story.date
    dateline = f"新华社{story.place}{d.month}月{d.day}日电"
    blocks = wire_lead(story, dateline, f"（记者{story.author}）" if story.author else "")
    indent = rng.choice(["", IND])
    body = render_blocks(blocks, lambda t: f"<p>{indent}{e(t)}</p>",
                         lambda rows: '<p style="text-align: center;">' + rows_html(rows, 'table border="1" cellpadding="3" cellspacing="0" align="center"', plain_cell) + "</p>")
    editor = rng.choice(["刘笑冬", "邓楠", "胡璐", "张樵苏", "唐露"])
    related = "\n".join(f'<li><a href="http://www.news.cn/fortune/{s.date:%Y-%m/%d}/c_{rng.randint(1120000000, 1129999999)}.htm">{e(s.title)}</a></li>'
                        for s in others(story, stories, rng, 4))
    new = d.year >= 2020 and rng.random() < 0.7
    if new:
        url = f"http://www.news.cn/fortune/{d:%Y-%m/%d}/c_{rng.randint(1126000000, 1129999999)}.htm"
        head = f"""<div class="header domPC">
<div class="header-top clearfix">
<div class="header-time left"><span class="day">{d.day:02d}</span><span class="year"><em> {d.year}</em><em>-{d.month:02d}</em></span><span class="time">{d:%H:%M:%S}</span></div>
<div class="source">来源：新华网</div>
<div class="head-share"><span class="share-wx">微信</span><span class="share-wb">微博</span></div>
</div>
<div class="head-line clearfix"><h1><span class="title">{e(story.title)}</span></h1></div>
</div>"""
        published_at = iso(d, "sec")
        body_open, body_close = '<div id="detail">', "</div>"
    else:
        url = f"http://www.xinhuanet.com/fortune/{d:%Y-%m/%d}/c_{rng.randint(1120000000, 1125999999)}.htm"
        head = f"""<div class="h-title">{e(story.title)}</div>
<div class="h-info"><span class="h-time">{d:%Y-%m-%d %H:%M:%S}</span> <span><em id="source"> 来源： 新华网</em></span></div>
<div class="h-share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div>"""
        published_at = iso(d, "sec")
        body_open, body_close = '<div id="p-detail">', "</div>"
    markup = f"""<!DOCTYPE html>
<html>
<head>
{meta_charset(declared, html5=True)}
<meta name="keywords" content="政府采购">
<meta name="description" content="{e(story.title)}---{dateline}">
<meta name="apple-mobile-web-app-capable" content="yes">
<title>{e(story.title)}-新华网</title>
<link rel="stylesheet" href="//lib.xinhuanet.com/common/reset.css">
</head>
<body>
<div class="topBar"><a href="http://www.news.cn/">新华网首页</a> | <a href="http://www.news.cn/politics/">时政</a> | <a href="http://www.news.cn/world/">国际</a> | <a href="http://www.news.cn/fortune/">财经</a> | <a href="http://www.news.cn/local/">地方</a> | <a href="http://www.news.cn/tech/">科技</a></div>
<div class="main clearfix">
{head}
<div class="main-left left">
{body_open}
{body}
<div id="articleEdit">
<span class="tiyi1 domPC"><a href="javascript:void(0);" class="advise">【纠错】</a></span>
<span class="editor">【责任编辑:{editor} 】</span>
</div>
{body_close}
<div class="nextpage"></div>
<div class="bookList"><div class="tit">相关新闻</div><ul>
{related}
</ul></div>
</div>
<div class="main-right right"><div class="columBox"><div class="tit">新华热搜</div><ul><li><a href="#">2024年中央一号文件发布</a></li><li><a href="#">财政部：加力支持扩大内需</a></li><li><a href="#">全国政府采购工作会议召开</a></li></ul></div></div>
</div>
<div class="foot">
<p>Copyright &copy; 2000-{d.year} XINHUANET.com All Rights Reserved.</p>
<p>制作单位：新华网股份有限公司 版权所有 新华网股份有限公司</p>
</div>
<script src="//lib.xinhuanet.com/common/foot.js"></script>
</body>
</html>
"""
    return Page(markup, story.title, published_at, story.author, truth_lines(blocks), url)


def people_daily(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """People's Daily online: h3.pre / h1 / h4.sub, p.sou with date and 来源, rm_txt_con, (责编：…)."""
    d = story.date
    byline = f"（记者{story.author}）" if story.author else ""
    blocks = wire_lead(story, f"本报{story.place}{d.month}月{d.day}日电　", byline)
    body = render_blocks(blocks, lambda t: f"<p>{IND}{e(t)}</p>",
                         lambda rows: '<p style="text-align: center;">' + rows_html(rows, 'table border="1" cellspacing="0" cellpadding="2" align="center"', plain_cell) + "</p>")
    page_no = rng.randint(2, 18)
    paper_date = d + dt.timedelta(days=1)
    source_line = f"<p>{IND}《 人民日报 》（ {paper_date:%Y年%m月%d日} 第 {page_no:02d} 版）</p>"
    text, published_at = shown(d, rng, ["cn_glued", "cn_hm"])
    eds = "、".join(rng.sample(["杨光宇", "王震", "李昉", "袁勃", "高雷"], 2))
    hot = "\n".join(f'<li><span>{i + 1}</span><a href="/n1/{s.date:%Y/%m%d}/c1004-{rng.randint(30000000, 40000000)}.html">{e(s.title)}</a></li>'
                    for i, s in enumerate(others(story, stories, rng, 5)))
    url = f"http://finance.people.com.cn/n1/{d:%Y/%m%d}/c1004-{rng.randint(30000000, 40000000)}.html"
    markup = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{meta_charset(declared)}
<meta http-equiv="X-UA-Compatible" content="IE=EmulateIE7" />
<title>{e(story.title)}--财经--人民网 </title>
<meta name="keywords" content="" />
<meta name="description" content="{e(str(blocks[0][1])[:60])}" />
<meta name="source" content="来源：人民网－人民日报" />
<meta name="author" content="{e(story.author or "")}" />
<meta name="publishdate" content="{d:%Y-%m-%d}" />
<link href="http://tools.people.com.cn/css/2010tianrun/webdig_test.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="header"><div class="w1000"><a href="http://www.people.com.cn/">人民网</a> &gt;&gt; <a href="http://finance.people.com.cn/">财经</a> <span class="tools"><a href="http://people.com.cn/app/">客户端</a> | <a href="#">登录</a> | <a href="#">注册</a></span></div></div>
<div class="layout rm_txt cf">
<div class="col col-1 fl">
<div class="rm_txt_con_top">
<h3 class="pre"></h3>
<h1>{e(story.title)}</h1>
<h4 class="sub">{e(story.subtitle or "")}</h4>
<div class="col-1-1 fl">{text}&nbsp;&nbsp;|&nbsp;&nbsp;来源：<a href="http://paper.people.com.cn/rmrb/html/{paper_date:%Y-%m/%d}/nbs.D110000renmrb_{page_no:02d}.htm" target="_blank">人民网－人民日报</a></div>
<div class="col-1-2 fr"><a href="#">小字号</a></div>
</div>
<div class="rm_txt_con cf">
{body}
{source_line}
<div class="edit cf"><div class="fr">(责编：{eds})</div></div>
</div>
<div class="share-demo">分享让更多人看到</div>
</div>
<div class="col col-2 fr"><div class="ph_list"><h2>热门排行</h2><ul>
{hot}
</ul></div></div>
</div>
<div class="foot"><p>人 民 网 股 份 有 限 公 司 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用</p><p>Copyright &copy; 1997-{d.year} by www.people.com.cn. all rights reserved</p></div>
</body>
</html>
"""
    return Page(markup, story.title, published_at, story.author, truth_lines(blocks), url)


def frontpage(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """Frameset-era FrontPage content frame: <font> soup, &nbsp; indentation, no closing tags."""
    text, published_at = shown(story.date, rng, ["ymd_short", "cn_short", "cn"])
    nb = "&nbsp;" * rng.choice([4, 6, 7])
    one_p = rng.random() < 0.5
    face = rng.choice(["宋体", "仿宋_GB2312"])

    def cell(c: str, head: bool) -> str:
        return f'<td align="center"><font size="2">{"<b>" if head else ""}{e(c)}{"</b>" if head else ""}</font></td>'

    def table(rows: tuple) -> str:
        return rows_html(rows, 'table border="1" cellpadding="0" cellspacing="0" style="border-collapse: collapse" bordercolor="#111111" width="100%"', cell)

    if one_p:
        parts = []
        for kind, value in story.blocks:
            parts.append(f"{nb}{e(str(value))}" if kind == "p" else f"</font></p>\n{table(value)}\n<p><font size=\"3\" face=\"{face}\">")
        body = f'<p><font size="3" face="{face}">' + "<br>\n".join(parts) + "</font></p>"
    else:
        close = "</font></p>" if rng.random() < 0.5 else ""  # FrontPage often left both open
        body = render_blocks(story.blocks, lambda t: f'<p><font size="3" face="{face}">{nb}{e(t)}{close}', table)
    byline = ""
    if story.author and story.source.endswith("报") and rng.random() < 0.5:
        byline = f'<p align="center"><font size="2">□本报记者&nbsp; {e(story.author)}</font></p>'
    markup = f"""<html>

<head>
{meta_charset(declared)}
<meta name="GENERATOR" content="Microsoft FrontPage 4.0">
<meta name="ProgId" content="FrontPage.Editor.Document">
<title>{e(story.title)}</title>
<base target="main">
<script language="JavaScript">
<!--
if (top == self) top.location.href = "../index.htm";
//-->
</script>
</head>

<body topmargin="0" leftmargin="0" bgcolor="#FFFFFF">
<div align="center">
  <center>
  <table border="0" cellpadding="0" cellspacing="0" width="96%">
    <tr>
      <td width="100%">
<p align="center">&nbsp;
<p align="center"><b><font size="4" color="#FF0000" face="黑体">{e(story.title)}</font></b></p>
{f'<p align="center"><font size="3" color="#0000FF">——{e(story.subtitle)}</font></p>' if story.subtitle and rng.random() < 0.5 else ""}
<p align="center"><font size="2" color="#808080">（{text}）&nbsp;&nbsp;&nbsp; 来源：{e(story.source)}</font></p>
<hr size="1" color="#C0C0C0">
{byline}
{body}
<p>&nbsp;</p>
<p align="center"><a href="javascript:window.close()"><font size="2">【关闭窗口】</font></a>&nbsp;&nbsp;&nbsp; <a href="../index.htm" target="_top"><font size="2">【返回首页】</font></a></p>
      </td>
    </tr>
  </table>
  </center>
</div>
<hr size="1" color="#C0C0C0">
<p align="center"><font size="2">版权所有：{COUNTIES[story.place]}财政局&nbsp;&nbsp; 技术支持：{story.place}市信息中心<br>
建议使用IE5.0以上浏览器，800*600分辨率浏览</font></p>

</body>

</html>
"""
    url = f"http://www.{story.county_domain}cz.gov.cn/news/{story.date:%Y%m}/{rng.randint(100, 999)}.htm"
    return Page(markup, story.title, published_at, story.author if byline else None, truth_lines(story.blocks), url)


def td_br(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """动易-style ASP page: body in <td> cells split by <br><br>, sometimes across two rows."""
    text, published_at = shown(story.date, rng, ["short_hms", "ymd_hms"])
    paras = [(k, v) for k, v in story.blocks]
    split = rng.randint(1, max(1, len(paras) - 2)) if rng.random() < 0.5 else len(paras)

    def cell(blocks: list[Block]) -> str:
        out = []
        for kind, value in blocks:
            if kind == "p":
                out.append(f"{IND}{e(str(value))}<br><br>")
            else:
                out.append(rows_html(value, 'table width="90%" border="1" align="center" cellpadding="2" cellspacing="0" bordercolor="#999999"', plain_cell))
        return "\n".join(out)

    first, second = cell(paras[:split]), cell(paras[split:])
    image_row = f'<tr><td align="center"><img src="/UploadFiles/{story.date:%Y%m}/{rng.randint(10**12, 10**13)}.jpg" border="0" width="450"></td></tr>'
    rows = f'<tr><td class="main_ArticleContent" style="font-size:14px;line-height:180%">\n{first}\n</td></tr>'
    if second:
        rows += f'\n{image_row}\n<tr><td class="main_ArticleContent" style="font-size:14px;line-height:180%">\n{second}\n</td></tr>'
    author = story.author if story.author and rng.random() < 0.6 else None
    site = f"{story.place}财政信息网"
    prev_s, next_s = others(story, stories, rng, 2)
    markup = f"""<html>
<head>
<title>{site}--{e(story.title)}</title>
{meta_charset(declared)}
<link href="../Skin/DefaultSkin.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="../js/menu.js"></script>
</head>
<body leftmargin="0" topmargin="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" class="top_tdbgall">
<tr><td><img src="../Skin/Ocean/top_bg.jpg" width="778" height="90"></td></tr>
<tr class="top_Channel"><td>|&nbsp;<a href="../Index.asp">网站首页</a>&nbsp;|&nbsp;<a href="../Article/Index.asp">财政动态</a>&nbsp;|&nbsp;<a href="../Article/ShowClass.asp?ClassID=3">政府采购</a>&nbsp;|&nbsp;<a href="../Soft/Index.asp">下载中心</a>&nbsp;|&nbsp;<a href="../GuestBook/Index.asp">留言板</a>&nbsp;|</td></tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="main_shadow"></td></tr>
<tr><td class="main_tdbg_760">您现在的位置：&nbsp;<a href="../Index.asp">{site}</a>&nbsp;&gt;&gt;&nbsp;<a href="Index.asp">文章中心</a>&nbsp;&gt;&gt;&nbsp;<a href="ShowClass.asp?ClassID=3">政府采购</a>&nbsp;&gt;&gt;&nbsp;正文</td></tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="5" class="main_tdbg_760">
<tr><td class="main_title_760" align="center" height="50"><font size="4"><b>{e(story.title)}</b></font></td></tr>
<tr><td align="center" height="30" style="border-bottom:1px dashed #999999">作者：{e(author or "佚名")}&nbsp;&nbsp;&nbsp;&nbsp;文章来源：{e(story.source)}&nbsp;&nbsp;&nbsp;&nbsp;点击数：<script language="javascript" src="GetHits.asp?ArticleID={rng.randint(1000, 9999)}"></script>&nbsp;&nbsp;&nbsp;&nbsp;更新时间：{text}</td></tr>
{rows}
<tr><td align="right">【<a href="../Comment.asp">发表评论</a>】【<a href="javascript:window.external.addFavorite(document.location.href,document.title)">加入收藏</a>】【<a href="SendMail.asp">告诉好友</a>】【<a href="Print.asp">打印此文</a>】【<a href="javascript:window.close();">关闭窗口</a>】</td></tr>
<tr><td><li>上一篇文章：<a href="ShowArticle.asp?ArticleID={rng.randint(1000, 9999)}">{e(prev_s.title)}</a></li><li>下一篇文章：<a href="ShowArticle.asp?ArticleID={rng.randint(1000, 9999)}">{e(next_s.title)}</a></li></td></tr>
<tr><td class="main_title_760"><b>相关文章</b></td></tr>
<tr><td>没有相关文章</td></tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" class="Bottom_tdbgall">
<tr><td align="center">| <a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="mailto:cz@{story.domain}.gov.cn">联系站长</a> | <a href="../FriendSite/Index.asp">友情链接</a> | <a href="../Copyright.asp">版权申明</a> |</td></tr>
<tr><td align="center">主办：{story.place}市财政局&nbsp; 地址：{story.place}市人民路{rng.randint(1, 300)}号&nbsp; <br>Copyright &copy; 2005-{story.date.year} {site} All Rights Reserved.</td></tr>
</table>
</body>
</html>
"""
    url = f"http://www.{story.domain}cz.gov.cn/Article/ShowArticle.asp?ArticleID={rng.randint(1000, 9999)}"
    return Page(markup, story.title, published_at, author, truth_lines(story.blocks), url)


COMMENTS = [
    "政府采购支持乡村振兴，这个政策实实在在，希望能够长期坚持下去，不要一阵风。",
    "我们单位今年也在平台上买了不少大米和食用油，质量还可以，就是物流有点慢，希望改进。",
    "建议把每家单位的完成情况都公开出来，接受社会监督，这样才能真正落到实处。",
    "小微企业确实受益，我们公司去年第一次中标就是靠价格扣除，感谢政策！",
    "数据很亮眼，但更重要的是合同资金要及时支付给企业，千万不要拖欠。",
    "希望县里也能学习这种做法，手续再简化一些，少让企业跑腿。",
    "点赞！财政部门这几年服务意识明显增强了，办事效率高了很多。",
    "请问供应商怎么申请入驻？有没有具体的办理流程和联系电话？",
    "代理机构收费不规范的问题也该管管了，一个小项目收好几千服务费。",
]


def portal_comments(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """Local news portal: info bar, 上一篇/下一篇, 网友评论 with dated comments, 相关阅读."""
    text, published_at = shown(story.date, rng, ["ymd_hm", "ymd_hms", "cn_hm"])
    site = rng.choice([f"{story.place}新闻网", f"{story.place}在线", f"{story.place}日报网"])
    byline_top = story.author and rng.random() < 0.5
    body = render_blocks(story.blocks, lambda t: f"<p>{e(t)}</p>",
                         lambda rows: '<div class="table-wrap">' + rows_html(rows, "table class=\"data\"", plain_cell) + "</div>")
    if byline_top:
        body = f'<p class="author">本报记者　{e(story.author)}</p>\n' + body
    picks = rng.sample(COMMENTS, rng.randint(3, 5))
    users = ["网友 lzx2019", f"{story.place}网友", "匿名用户", "采购小白", "老会计", "zcg_1988"]
    comments = "\n".join(
        f'<li class="comment-item"><div class="c-head"><span class="c-user">{rng.choice(users)}</span>'
        f'<span class="c-time">{show(story.date + dt.timedelta(days=1 + i, hours=rng.randint(0, 9)), "ymd_hm")}</span></div>'
        f'<p class="c-text">{e(c)}</p><div class="c-act"><a href="javascript:;">回复</a> <a href="javascript:;">赞({rng.randint(0, 60)})</a></div></li>'
        for i, c in enumerate(picks))
    prev_s, next_s, *rel = others(story, stories, rng, 6)
    related = "\n".join(f'<li><a href="/news/{s.date:%Y%m}/{rng.randint(10**5, 10**6)}.shtml">{e(s.title)}</a><span>{show(s.date, "ymd")}</span></li>' for s in rel)
    url = f"https://www.{story.domain}news.com.cn/news/{story.date:%Y%m}/{rng.randint(10**5, 10**6)}.shtml"
    editor = rng.choice(["陈静", "许可", "周婷", "黄磊"])
    markup = f"""<!DOCTYPE html>
<html lang="zh">
<head>
{meta_charset(declared, html5=rng.random() < 0.5)}
<title>{e(story.title)} - {site}</title>
<meta name="keywords" content="政府采购,{story.place}">
<link rel="stylesheet" href="/static/css/article.css?v=20230412">
</head>
<body>
<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<nav><a href="/">首页</a><a href="/local/">本地</a><a href="/politics/">时政</a><a href="/finance/">财经</a><a href="/society/">社会</a><a href="/video/">视频</a><a href="/epaper/">数字报</a></nav>
<div class="login"><a href="/user/login">登录</a> / <a href="/user/reg">注册</a></div></header>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/finance/">财经</a> &gt; 正文</div>
<main class="container">
<article class="article">
<h1 class="article-title">{e(story.title)}</h1>
<div class="article-meta"><span class="time">{text}</span><span class="source">来源：{e(story.source)}</span>{f'<span class="author">作者：{e(story.author)}</span>' if story.author and not byline_top else ""}<span class="editor">编辑：{editor}</span></div>
<div class="article-body" id="artibody">
{body}
</div>
<div class="article-share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qz">QQ空间</a></div>
<div class="prev-next">
<p>上一篇：<a href="/news/{prev_s.date:%Y%m}/{rng.randint(10**5, 10**6)}.shtml">{e(prev_s.title)}</a></p>
<p>下一篇：<a href="/news/{next_s.date:%Y%m}/{rng.randint(10**5, 10**6)}.shtml">{e(next_s.title)}</a></p>
</div>
</article>
<section class="comments" id="comments">
<h3>网友评论（{len(picks)}）</h3>
<div class="comment-form"><textarea placeholder="文明上网，理性发言"></textarea><button>发表评论</button></div>
<ul class="comment-list">
{comments}
</ul>
<p class="more"><a href="/comment/list?aid={rng.randint(10**5, 10**6)}">查看全部评论&gt;&gt;</a></p>
</section>
<aside class="related"><h3>相关阅读</h3><ul>
{related}
</ul></aside>
</main>
<footer>违法和不良信息举报电话：0{rng.randint(300, 999)}-12345&nbsp; 版权所有 {site} 未经授权禁止转载</footer>
</body>
</html>
"""
    author = story.author
    return Page(markup, story.title, published_at, author, truth_lines(story.blocks), url)


def attachments(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """Finance-bureau page with an attachment list (附件：…) and an embedded PDF after the body."""
    text, published_at = shown(story.date, rng, ["cn", "ymd", "dot"])
    bureau = f"{story.place}市财政局"
    files = [f"{story.place}市{story.date.year}年政府采购数据统计表.xlsx", f"{story.date.year}年政府采购工作要点.pdf", "政策解读.docx"]
    files = files[: rng.randint(1, 3)]
    inline = rng.random() < 0.5
    body = render_blocks(story.blocks, lambda t: f'<p style="text-indent:2em;">{e(t)}</p>',
                         lambda rows: rows_html(rows, 'table border="1" cellspacing="0" width="100%"', plain_cell))
    links = "".join(f'<p><a href="/attach/{story.date:%Y%m}/{rng.randint(10**9, 10**10)}.{f.rsplit(".", 1)[1]}" target="_blank">{i + 1}.{e(f)}</a></p>'
                    for i, f in enumerate(files))
    pdf = f"/attach/{story.date:%Y%m}/{rng.randint(10**9, 10**10)}.pdf"
    embed = rng.choice([
        f'<iframe src="/pdfjs/web/viewer.html?file={pdf}" width="100%" height="800" frameborder="0"></iframe>',
        f'<embed src="{pdf}" type="application/pdf" width="100%" height="800">',
        f'<object data="{pdf}" type="application/pdf" width="100%" height="800"><p>您的浏览器不支持PDF预览，请<a href="{pdf}">下载附件</a>查看。</p></object>',
    ])
    attach = f'<p>附件：</p>{links}' if inline else f'<div class="fj"><span class="fj-t">附件下载：</span>{links}</div>'
    content = f'<div class="zw" id="zoom">\n{body}\n{attach if inline else ""}\n</div>\n{"" if inline else attach}'
    url = f"http://czj.{story.domain}.gov.cn/art/{story.date:%Y/%m/%d}/art_{rng.randint(1000, 9999)}_{rng.randint(10**6, 10**7)}.html"
    markup = f"""<!DOCTYPE html>
<html>
<head>
{meta_charset(declared)}
<title>{bureau} {e(story.title)}</title>
<meta name="ArticleTitle" content="{e(story.title)}">
<meta name="ColumnName" content="工作动态">
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<div class="head"><div class="logo">{bureau}</div><div class="hnav"><a href="/">首页</a><a href="/col/col1/">机构概况</a><a href="/col/col2/">财政动态</a><a href="/col/col3/">政府采购</a><a href="/col/col4/">政策法规</a><a href="/col/col5/">互动交流</a></div></div>
<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/col/col2/">财政动态</a> &gt; <a href="/col/col2/index.html">工作动态</a></div>
<div class="main">
<div class="title">{e(story.title)}</div>
<div class="fbt">发布日期：{text}&nbsp;&nbsp;&nbsp;&nbsp;来源：{e(story.source)}&nbsp;&nbsp;&nbsp;&nbsp;字号：[ <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</div>
{content}
<div class="pdf-view">{embed}</div>
<div class="tools"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
</div>
<div class="foot">{bureau}主办&nbsp; 联系电话：0{rng.randint(300, 999)}-{rng.randint(1000000, 9999999)}&nbsp; {story.place[0]}ICP备{rng.randint(10**7, 10**8)}号</div>
</body>
</html>
"""
    return Page(markup, story.title, published_at, None, truth_lines(story.blocks), url)


def print_view(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """打印版: almost no chrome, window.print() on load."""
    text, published_at = shown(story.date, rng, ["slash_hm", "ymd_hms", "cn"])
    br = rng.random() < 0.5
    if br:
        parts = [f"{IND}{e(str(v))}" if k == "p" else rows_html(v, 'table border="1" cellspacing="0"', plain_cell) for k, v in story.blocks]
        body = "<br />\n".join(parts)
    else:
        body = render_blocks(story.blocks, lambda t: f"<p>{IND}{e(t)}</p>",
                             lambda rows: rows_html(rows, 'table border="1" cellspacing="0"', plain_cell))
    title_tag = rng.choice([f"打印本页 - {e(story.title)}", "打印页面", e(story.title)])
    url = f"http://www.{story.domain}.gov.cn/print.jsp?id={rng.randint(10**5, 10**6)}&amp;type=news".replace("&amp;", "&")
    markup = f"""<html>
<head>
{meta_charset(declared)}
<title>{title_tag}</title>
<style>body{{font-size:14px;margin:20px 60px;}} h2{{text-align:center;}} .info{{text-align:center;color:#666;}} .noprint{{text-align:center;}} @media print{{.noprint{{display:none;}}}}</style>
</head>
<body onload="window.print()">
<h2>{e(story.title)}</h2>
<div class="info">发布时间：{text}&nbsp;&nbsp;来源：{e(story.source)}</div>
<hr>
<div class="con">
{body}
</div>
<hr>
<div class="noprint"><a href="javascript:window.print()">[打印本页]</a>&nbsp;&nbsp;<a href="javascript:window.close()">[关闭窗口]</a></div>
</body>
</html>
"""
    return Page(markup, story.title, published_at, None, truth_lines(story.blocks), url)


def _undated(story: Story, stories: list[Story], rng: random.Random, declared: str | None, head: str, url: str) -> str:
    """A CMS article page that prints no date anywhere in its visible text."""
    body = render_blocks(story.blocks, lambda t: f"<p>{e(t)}</p>",
                         lambda rows: rows_html(rows, 'table class="tb" border="1"', plain_cell))
    author = f"&nbsp;&nbsp;作者：{e(story.author)}" if story.author else ""
    rel = "\n".join(f'<li><a href="/xwzx/{rng.randint(10**4, 10**5)}.htm">{e(s.title)}</a></li>' for s in others(story, stories, rng, 5))
    return f"""<!DOCTYPE html>
<html>
<head>
{meta_charset(declared, html5=True)}
<title>{e(story.title)}-{story.place}政府采购网</title>
{head}
<link rel="canonical" href="{e(url)}">
</head>
<body>
<div class="top"><a href="/">{story.place}政府采购网</a><span>欢迎您！</span><a href="/login">供应商登录</a></div>
<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/cggg/">采购公告</a><a href="/zcfg/">政策法规</a><a href="/bszn/">办事指南</a></div>
<div class="wrap">
<div class="detail">
<h1>{e(story.title)}</h1>
<div class="src">来源：{e(story.source)}{author}</div>
<div class="txt">
{body}
</div>
<div class="share"><span>分享：</span><a>微信</a><a>微博</a></div>
</div>
<div class="side"><h3>新闻中心</h3><ul>
{rel}
</ul></div>
</div>
<div class="foot">{story.place}市财政局 版权所有&nbsp; 技术支持：{story.place}市大数据中心</div>
</body>
</html>
"""


def url_date(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """The date appears only in the URL path."""
    d = story.date
    url = rng.choice([
        f"http://www.{story.domain}zfcg.gov.cn/xwzx/{d:%Y-%m}/{d:%d}/content_{rng.randint(10**5, 10**6)}.htm",
        f"http://www.{story.domain}zfcg.gov.cn/xwzx/{d:%Y%m%d}/{rng.randint(10**5, 10**6)}.html",
        f"http://www.{story.domain}zfcg.gov.cn/{d:%Y/%m%d}/c{rng.randint(1000, 9999)}a{rng.randint(10**5, 10**6)}/page.htm",
    ])
    markup = _undated(story, stories, rng, declared, "", url)
    return Page(markup, story.title, iso(d, "day"), story.author, truth_lines(story.blocks), url)


def meta_date(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """The date appears only in a <meta> tag (PubDate, article:published_time)."""
    d = story.date
    kind = rng.choice(["pubdate", "og", "both"])
    head = []
    if kind in ("pubdate", "both"):
        head.append(f'<meta name="PubDate" content="{d:%Y-%m-%d %H:%M}">')
        published_at = iso(d, "min")
    if kind in ("og", "both"):
        head.append(f'<meta property="article:published_time" content="{d.isoformat()}">')
        published_at = iso(d, "sec")
    head.append(f'<meta name="ContentSource" content="{e(story.source)}">')
    url = f"http://www.{story.domain}zfcg.gov.cn/xwzx/info.jsp?id={rng.randint(10**5, 10**6)}"
    markup = _undated(story, stories, rng, declared, "\n".join(head), url)
    return Page(markup, story.title, published_at, story.author, truth_lines(story.blocks), url)


WEEKDAYS = "一二三四五六日"


def bureau_portal(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """Finance-bureau portal: 今天是… bar, long sidebar text (机构职能, 通知 marquee), 相关链接 and editor inside the body box."""
    bureau = f"{story.place}市财政局" if story.source.endswith("报") or story.place in story.source else story.source
    today = story.date + dt.timedelta(days=rng.randint(30, 900))
    text, published_at = shown(story.date, rng, ["ymd", "ymd_hm", "cn"])
    body = render_blocks(story.blocks, lambda t: f"<p>{IND}{e(t)}</p>",
                         lambda rows: rows_html(rows, 'table border="1" cellspacing="0" cellpadding="3" width="96%" align="center"', plain_cell))
    rel = others(story, stories, rng, 6)
    links = "".join(f'<li><a href="/art/{s.date:%Y/%m/%d}/art_{rng.randint(1000, 9999)}.html">{e(s.title)}</a></li>' for s in rel[:3])
    notices = "&nbsp;&nbsp;&nbsp;&nbsp;".join(
        f'<a href="/tzgg/{rng.randint(1000, 9999)}.html">{t}</a>' for t in [
            f"关于做好{today.year}年度部门决算编报工作的通知，请各单位于规定时间内报送。",
            "关于开展政府采购代理机构执业情况评价工作的通知，评价结果将向社会公开。",
            f"{bureau}关于公开招聘编外工作人员的公告，报名时间截至本月底。",
        ])
    editor = rng.choice(["何静", "马骁", "孔令飞"])
    markup = f"""<!DOCTYPE html>
<html>
<head>
{meta_charset(declared)}
<title>{bureau}</title>
<meta name="keywords" content="{bureau},财政,预算,政府采购">
<link type="text/css" rel="stylesheet" href="/css/index.css">
</head>
<body>
<div class="topbar"><span class="today">今天是：{today.year}年{today.month}月{today.day}日 星期{WEEKDAYS[today.weekday()]}</span><a href="#">设为首页</a> | <a href="#">加入收藏</a></div>
<div class="logo"><img src="/images/logo.jpg" alt="{bureau}"></div>
<div class="menu"><a href="/">首页</a><a href="/jggk/">机构概况</a><a href="/czyw/">财政要闻</a><a href="/zfcg/">政府采购</a><a href="/yjsgk/">预决算公开</a><a href="/zcfg/">政策法规</a><a href="/hdjl/">互动交流</a></div>
<div class="notice"><b>通知公告：</b><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{notices}</marquee></div>
<div class="container">
<div class="sidebar">
<div class="box"><h3>机构职能</h3><p>{bureau}是市人民政府主管财政收支、财税政策、国有资本基础管理工作的工作部门。主要负责拟订全市财政发展规划和政策措施，组织编制年度预决算草案，承担市级各项财政收支管理责任，负责管理全市政府采购工作，监督管理财政资金使用情况，并承办市人民政府交办的其他事项。</p></div>
<div class="box"><h3>办事指南</h3><ul><li><a href="#">政府采购供应商投诉办理流程</a></li><li><a href="#">非税收入票据领用</a></li><li><a href="#">会计人员继续教育</a></li></ul></div>
<div class="box"><h3>联系我们</h3><p>地址：{story.place}市政务中心{rng.randint(2, 9)}号楼<br>邮编：{rng.randint(100000, 899999)}<br>电话：0{rng.randint(300, 999)}-{rng.randint(1000000, 9999999)}</p></div>
</div>
<div class="main">
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/czyw/">财政要闻</a></div>
<h1 class="tit">{e(story.title)}</h1>
<div class="info">{f"作者：{e(story.author)}&nbsp;&nbsp;" if story.author else ""}来源：{e(story.source)}&nbsp;&nbsp;发布时间：{text}&nbsp;&nbsp;阅读：<span id="hits">{rng.randint(50, 2000)}</span>次</div>
<div class="content" id="content">
{body}
<p style="text-align:right">（责任编辑：{editor}）</p>
<div class="xglj"><b>相关链接：</b><ul>{links}</ul></div>
</div>
<div class="bshare">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
</div>
</div>
<div class="footer"><p>{bureau}&nbsp;版权所有&nbsp;&nbsp;网站标识码：{rng.randint(10**9, 10**10)}</p><p>为了获得更好的浏览效果，建议使用1366×768分辨率，IE9以上浏览器。</p></div>
</body>
</html>
"""
    url = f"http://czj.{story.domain}.gov.cn/czyw/{story.date:%Y%m}/t{story.date:%Y%m%d}_{rng.randint(10**5, 10**6)}.html"
    return Page(markup, story.title, published_at, story.author, truth_lines(story.blocks), url)


def paged(story: Story, stories: list[Story], rng: random.Random, declared: str | None) -> Page:
    """First page of an article split over two pages (分页): only this page's paragraphs are the truth."""
    cut = (len(story.blocks) + 1) // 2
    here = story.blocks[:cut]
    text, published_at = shown(story.date, rng, ["ymd_hm", "ymd_hms", "slash_hm"])
    body = render_blocks(here, lambda t: f'<p style="text-indent:2em">{e(t)}</p>',
                         lambda rows: rows_html(rows, 'table border="1" cellspacing="0"', plain_cell))
    aid = rng.randint(10**5, 10**6)
    hot = "\n".join(f'<li><em>{i + 1}</em><a href="/content/{aid - 50 * (i + 1)}.html">{e(s.title)}</a><span>{rng.randint(300, 9000)}</span></li>'
                    for i, s in enumerate(others(story, stories, rng, 6)))
    markup = f"""<!DOCTYPE html>
<html>
<head>
{meta_charset(declared, html5=True)}
<title>{e(story.title)}(1) - {story.place}财经网</title>
<link rel="stylesheet" href="/skin/css/content.css">
</head>
<body>
<div class="head"><a href="/" class="logo">{story.place}财经网</a><div class="nav"><a href="/">首页</a><a href="/cj/">财经</a><a href="/zfcg/">政府采购</a><a href="/qy/">企业</a><a href="/tp/">图片</a></div></div>
<div class="box">
<div class="left">
<div class="path">当前位置：<a href="/">{story.place}财经网</a> &gt; <a href="/zfcg/">政府采购</a> &gt; 正文</div>
<h1>{e(story.title)}</h1>
<div class="artinfo">时间：{text}&nbsp;&nbsp;来源：{e(story.source)}&nbsp;&nbsp;{f"作者：{e(story.author)}" if story.author else ""}</div>
<div class="artbody">
{body}
</div>
<div class="pagebreak"><ul class="pagelist"><li><a>共2页: </a></li><li><a href="#">上一页</a></li><li class="thisclass"><a href="#">1</a></li><li><a href="{aid}_2.html">2</a></li><li><a href="{aid}_2.html">下一页</a></li></ul></div>
<div class="tags">标签：<a href="/tags/政府采购">政府采购</a> <a href="/tags/财政">财政</a></div>
</div>
<div class="right"><h3>热点排行</h3><ol>
{hot}
</ol></div>
</div>
<div class="foot">Copyright &copy; {story.place}财经网 版权所有 | 关于我们 | 广告服务 | 联系我们</div>
</body>
</html>
"""
    url = f"http://www.{story.domain}cj.com/zfcg/{story.date:%Y%m%d}/{aid}.html"
    return Page(markup, story.title, published_at, story.author, truth_lines(here), url)


Layout = Callable[[Story, list[Story], random.Random, str | None], Page]

# layout -> (function, [(real encoding, declared charset or None), ...])
LAYOUTS: dict[str, tuple[Layout, list[tuple[str, str | None]]]] = {
    "county-gov": (county_gov, [("utf-8", "utf-8"), ("utf-8", "utf-8"), ("gbk", "gbk")]),
    "procurement-notice": (procurement_notice, [("gbk", "gbk"), ("gb2312", "gb2312"), ("utf-8", "utf-8"), ("gbk", "utf-8")]),
    "wechat": (wechat, [("utf-8", "utf-8")]),
    "xinhua": (xinhua, [("utf-8", "utf-8")]),
    "people-daily": (people_daily, [("gb2312", "GB2312"), ("gbk", "GB2312"), ("utf-8", "GB2312")]),
    "frontpage": (frontpage, [("gb2312", "gb2312"), ("gb2312", None), ("gbk", "gb2312")]),
    "td-br": (td_br, [("gb2312", "gb2312"), ("gbk", "gbk"), ("gbk", None), ("gbk", "utf-8")]),
    "portal-comments": (portal_comments, [("utf-8", "utf-8"), ("utf-8", "utf-8"), ("gbk", "gbk"), ("utf-8", "gbk")]),
    "attachments": (attachments, [("utf-8", "utf-8"), ("gbk", "gb2312")]),
    "print-view": (print_view, [("utf-8", "utf-8"), ("gbk", "gbk"), ("gb2312", None)]),
    "url-date": (url_date, [("utf-8", "utf-8"), ("gbk", "utf-8")]),
    "meta-date": (meta_date, [("utf-8", "utf-8"), ("gbk", "gbk")]),
    "bureau-portal": (bureau_portal, [("utf-8", "utf-8"), ("gb2312", "gb2312"), ("gbk", "utf-8")]),
    "paged": (paged, [("utf-8", "utf-8"), ("gbk", "gbk")]),
}
NOT_FOR_NOTICES = {"xinhua", "people-daily", "portal-comments", "wechat"}


def allowed(story: Story, layout: str) -> bool:
    """Whether a site of this layout would carry the story."""
    if story.is_notice and layout in NOT_FOR_NOTICES:
        return False
    return layout != "paged" or len(story.blocks) >= 4


def assign(stories: list[Story]) -> list[tuple[Story, str]]:
    """Two to four layouts per story, cycling through the layouts so every one gets its share.

    Stories with a table always get procurement-notice; notices skip the news-only layouts.
    """
    cycle = [name for name in LAYOUTS if name != "procurement-notice"]
    pos = 0
    out = []
    for i, story in enumerate(stories):
        want = (3, 2, 4)[i % 3]
        names = ["procurement-notice"] if any(k == "table" for k, _ in story.blocks) else []
        if len(story.blocks) <= 3:  # a short brief: the site whose sidebar outweighs it
            names.append("bureau-portal")
        while len(names) < want:
            name = cycle[pos % len(cycle)]
            pos += 1
            if name not in names and allowed(story, name):
                names.append(name)
        out += [(story, name) for name in names]
    return out


# ------------------------------------------------------------------ encode, verify, write


def encode(markup: str, encoding: str, ncr: bool) -> tuple[bytes, str]:
    """Bytes in the page's encoding. GB2312 pages with characters outside GB2312 are really GBK
    (what old CMSs wrote), unless the page escapes them as numeric references (``ncr``)."""
    try:
        return markup.encode(encoding, errors="xmlcharrefreplace" if ncr else "strict"), encoding
    except UnicodeEncodeError:
        if encoding == "gb2312":
            return markup.encode("gbk"), "gbk"
        raise


def visible_text(data: bytes, encoding: str) -> str:
    """The page's text outside scripts and styles, whitespace removed (what the truth is checked against)."""
    doc = lxml.html.document_fromstring(data.decode(encoding))
    for el in list(doc.iter("script", "style")):
        el.drop_tree()
    return WS.sub("", doc.text_content())


def verify(pid: str, page: Page, data: bytes, encoding: str) -> list[str]:
    """Problems with a page: truth paragraphs or title missing from the decoded page."""
    text = visible_text(data, encoding)
    problems = [] if WS.sub("", page.title) in text else [f"{pid}: title not in page"]
    problems += [f"{pid}: truth line not in page: {line[:30]}" for line in page.body if WS.sub("", line) not in text]
    problems += [f"{pid}: empty truth line" for line in page.body if not line.strip()]
    return problems


def build(out: Path = HERE) -> list[str]:
    """Render every page, verify it, write html/ and truth/; return the problems (empty = written)."""
    stories = parse_articles(HERE / "articles.txt")
    pages = []
    problems: list[str] = []
    for story, name in assign(stories):
        pid = f"{story.id}-{name}"
        rng = random.Random(pid)
        func, encodings = LAYOUTS[name]
        encoding, declared = rng.choice(encodings)
        page = func(story, stories, rng, declared)
        data, real = encode(page.markup, encoding, ncr=name == "frontpage")
        problems += verify(pid, page, data, real)
        content_type = f"text/html; charset={declared}" if declared and rng.random() < 0.5 else "text/html"
        truth = {
            "title": page.title,
            "published_at": page.published_at,
            "author": page.author,
            "body": "\n".join(page.body),
            "layout": name,
            "encoding": real,
            "declared_charset": declared,
            "content_type": content_type,
            "url": page.url,
        }
        pages.append((pid, data, truth))
    if problems:
        return problems
    for sub in ("html", "truth"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).iterdir():
            old.unlink()
    for pid, data, truth in pages:
        (out / "html" / f"{pid}.html").write_bytes(data)
        (out / "truth" / f"{pid}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return []


def main() -> int:
    problems = build()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    print(f"wrote {len(list((HERE / 'truth').glob('*.json')))} pages to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
