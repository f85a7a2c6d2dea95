"""Tell article paragraphs from site chrome, and keep what the chrome tells us.

Works on clean (repaired, simplified) paragraphs, one string each, whatever
format they came from. A footer starts at the first copyright notice, editor
line, "点击排行"/"相关报道" list or subscription advert after the article;
navigation, share links and meta lines are dropped wherever they stand. The
byline "(李松华)" becomes ``author``; "（文章来源：中国政府采购报）" and an outlet
credited in parentheses, "（央视新闻客户端）", become ``publisher``.

>>> s = split_body(["本报讯 柳州市已完成采购1955.96万元。", "(柳财)",
...                 "本报拥有此文版权，若需转载或复制，请注明来源于中国政府采购报。", "责任编辑:LIZHENG"])
>>> s.body, s.author, s.removed
([0], '柳财', 3)
>>> s = split_body(["全国政府采购规模为36399亿元。", "（注：数据为初步统计数。）", "（央视新闻客户端）"])
>>> s.body, s.author, s.publisher
([0, 1], None, '央视新闻客户端')
>>> split_body(["新华社湖州5月17日电（记者沈佳怡）今年以来，湖州市财政局持续深化改革。"]).author
'沈佳怡'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractors.dates import parse_date

_CJK_NAME = r"(?:[\u4e00-\u9fff]{1,6}(?:[·・][\u4e00-\u9fff]{1,6}){1,3}|[\u4e00-\u9fff·]{2,5})"  # 李松华, 艾玛·哈里森

# A line that opens the footer: nothing after it is article text.
FOOTER_START = re.compile(
    r"^\s*[（(【\[]?\s*(?:"
    r"本[报站网刊]拥有此文版权|版权所有|版权声明|郑重声明|免责声明|©|copyright|(?:凡|本文)?(?:未经|转载).{0,20}(?:授权|许可|注明|版权)"
    r"|责任编辑|责编|编辑[:：]|审核[:：]|校对[:：]"
    r"|点击排行|阅读排行|热门(?:文章|新闻|推荐)|相关(?:报道|新闻|阅读|文章|链接|稿件|内容|主题|话题|推荐)|新闻推荐|最新(?:新闻|文章|资讯)"
    r"|推荐阅读|延伸阅读"
    r"|欢迎订阅|订阅方式|邮发代号|上一篇|下一篇|纠错|附件\s*\d*\s*[:：]|【?打印(?:本页|此文)?】|【?关闭(?:窗口)?】|分享到"
    r"|(?:网友|读者|精彩|热门|最新|全部)(?:评论|留言|回复).{0,12}$|(?:发表|我要|查看)评论.{0,12}$"  # a comment list's header line
    r")"
    # a short site-footer line: 版权所有, 主办单位, ICP 备案, visitor counters wherever they stand in it
    r"|^(?=.{0,100}$)(?!.*[。！？]$).{0,60}(?:版权所有|主办单位|承办单位|技术支持|ICP备|ICP证|公网安备|您是本站第|访问人次|访问量"
    r"|责任编辑[:：])",
    re.I,
)
# A line dropped wherever it stands.
NOISE = re.compile(
    r"^\s*(?:"
    r"[\[【]?返回[^\n]{0,30}$"  # 返回首页, [返回中国政府采购报新闻](…)
    r"|<?https?://\S+>?$"  # a bare link, e.g. the NewsShare.html share link
    r"|(?:\[[^\]]*\]\([^)]*\)\s*[｜|]?\s*)+$"  # a line of Markdown links only
    r"|(?:首页|当前位置|您的位置|位置)[:：>＞].{0,60}$"  # breadcrumbs
    r"|(?:字号|字体)[:：]?\s*[\[【(（]?\s*[大中小]\s*[大中小]?\s*[大中小]?.{0,20}$"
    r"|[^。，；]{1,20}(?:\s*[>＞»›]\s*[^。，；>＞»›]{1,20}){2,}\s*$"  # a breadcrumb: 华夏在线 > 新闻中心 > 正文
    r"|[\u4e00-\u9fff]{0,4}(?:次数|日期|时间|来源|作者|编辑|字号|点击|浏览|阅读|分类|标签|关键词|主题词|语种|专题|题名|标识|名称|单位|摘要"
    r"|索引号|文号|发布机构)\s*[:：]\s*$"  # a field label whose value stands in the next cell or nowhere
    r"|(?:图片|图像|照片|视频)(?:来源|提供|作者)\s*[:：，,].{0,40}$"  # a photo credit
    r"|.{0,12}(?:记者|通讯员|特派员|特约撰稿人)$"  # a byline's role line: "BBC 记者"
    r"|\S{2,12}(?:社|台|网|报)\S{0,10}电$"  # a wire dateline alone on its line: 韩联社首尔电
    r"|[\w.\-\u4e00-\u9fff]+@[\w\-]+(?:\.[\w\-]+)+$"  # a reporter's e-mail address
    r"|(?:扫一扫|微信扫码|手机扫码|打印本页|关闭窗口).{0,20}$"
    r"|.{0,10}(?:点击上方.{0,8}关注|关注我们|长按(?:识别)?二维码|阅读原文|分享收藏点赞在看).{0,10}$"  # WeChat chrome
    r"|at [\w$.<>]+\([\w$.]*(?::\d+)?\)$|(?:Caused by: )?(?:java|javax|org|com)\.[\w.$]+(?:Exception|Error)\b.*$"  # stack traces
    r"|(?:原文链接|原文地址|本文链接|文章链接|原标题)[:：].*$"
    r"|[-—–_=*~\s]*END[-—–_=*~\s]*$"  # a WeChat post's end mark
    r"|(?:FreeMarker template error|Tip: If the failing expression).*$"
    r")",
    re.I,
)
# An outlet credited in parentheses, named as outlets are named (a media word at the end), never a
# sentence: （上海证券报）, （央视新闻客户端）, （据新华社）, （证券时报·e公司）; not （李松华）, （注：…。）
_OUTLET = (r"(?=[^）)]{3})[\u4e00-\u9fffA-Za-z0-9]{1,16}?"
           r"(?:新闻|客户端|报道|财经|传媒|媒体|资讯|杂志|频道|电视台|电台|公众号|[报刊社网])"
           r"(?:[·・][\u4e00-\u9fffA-Za-z0-9]{1,10})?")
CREDIT = rf"[（(]\s*(?:(?:文章|稿件)?来源[:：]|据|转自|摘自|来自|转载自)?\s*(?P<outlet>{_OUTLET})\s*[)）]"
SOURCE_LINE = re.compile(
    r"^\s*[（(]\s*(?:文章)?来源[:：]\s*(?P<publisher>[^）)]{2,40})[）)]\s*$"
    r"|^\s*(?:文章|信息|新闻|稿件|本文)?来源[:：]\s*(?P<bare>[^，。；\s]{2,30}?)(?:(?:责任编辑|编辑)[:：]\S*)?\s*$"
    r"|^\s*《\s*(?P<paper>[^》]{2,12}?)\s*》\s*[（(][^）)]*第\s*\d+\s*版\s*[)）]\s*$"  # 《 人民日报 》（2024年09月03日 第 06 版）
    rf"|^\s*{CREDIT}\s*$"
)
_TRAILING_CREDIT = re.compile(rf"(?<=[。！？!?”」』])\s*{CREDIT}\s*$")
# Words that stand where a byline names someone and name nobody: "（转载）", "作者：佚名", "发布者：admin".
UNKNOWN_AUTHORS = frozenset({"佚名", "未知", "不详", "匿名", "管理员", "admin", "administrator", "编辑部", "本站", "本网",
                             "本站原创", "原创", "网络", "转载", "小编", "系统管理员", "webmaster", "编辑"})
_NAMES = rf"{_CJK_NAME}(?:[\s、，,]+{_CJK_NAME})*"
BYLINE = re.compile(
    rf"^\s*[（(]\s*(?:本报)?(?:记者|通讯员|作者|文)?[:：/]?\s*(?P<author>{_NAMES})\s*[)）]\s*$"
    rf"|^\s*[□■●◎]?\s*(?:文(?=\s*[:：/])|作者|记者|本报记者|本报特约记者|本报通讯员)\s*[:：/，,]?\s*(?P<author2>{_NAMES})\s*$"
)
_ROLE = r"记者|通讯员|作者|供稿|撰稿|文|图|摄影|摄像|编辑|责编|责任编辑|审核|校对|监制"
# a credit line of roles and names: "（记者：宋一鸣 摄像：杨帆）", "（供稿：杜鹏　审核：吴昊）"
CREDITS = re.compile(rf"^\s*[（(]\s*(?:(?:{_ROLE})\s*[:：/]\s*{_CJK_NAME}(?:[、，,]{_CJK_NAME})*\s*)+[)）]\s*$")
_CREDITED = re.compile(rf"(?:记者|作者|供稿|撰稿|文)\s*[:：/]\s*(?P<author>{_CJK_NAME}?)(?=[\s、，,）)]|$)")
# a wire or paper lead naming its reporters: "新华社湖州5月17日电（记者沈佳怡）…", "本报讯（记者 张三 通讯员 李四）…"
LEAD_BYLINE = re.compile(
    rf"[（(]\s*(?:本报|本台|本网)?记者\s*(?P<author>{_CJK_NAME}(?:[\s、，,]+{_CJK_NAME})*?)\s*(?:[）)]|通讯员|摄影|报道)"
)
# "来源：中国政府采购报  作者：张三  发布时间：2011-07-05" style meta lines.
META_FIELD = re.compile(r"(来源|作者|发布时间|发布日期|时间|日期|浏览次数|点击数|阅读次数|访问量)\s*[:：]|发[表布]于\s*(?=\d)")
_DATE_LINE = re.compile(
    r"^\s*(?:(?:发布|发表|更新)?(?:时间|日期)\s*[:：])?\s*[（(\[]?\s*(?:19|20)\d\d\s*[年/.-][^，。；]*?[)）\]]?\s*(?:来源\s*[:：][^，。；]*)?$"
)
_ISSUER = re.compile(r"^\s*[^。！？，；]{2,30}\s*$")
_SIGNED_ON = re.compile(r"^\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
META_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜]{2,30})")
META_AUTHOR = re.compile(rf"作者\s*[:：]\s*(?:本报)?(?:特约)?(?:记者|通讯员)?\s*({_CJK_NAME})(?![\u4e00-\u9fff])")


class Split(NamedTuple):
    body: list[int]  # indices of article paragraphs, in order
    author: str | None
    publisher: str | None
    published_at: str | None  # from a meta line, if one was seen
    removed: int


def is_meta_line(line: str) -> bool:
    """A short line of "key：value" page facts or a bare date line, not prose.

    >>> is_meta_line("来源：中国政府采购报　作者：张三　发布时间：2011-07-05")
    True
    >>> is_meta_line("（2021年12月2日） 来源：县财政局")
    True
    >>> is_meta_line("来源：财政部网站。"), is_meta_line("2021年12月2日，全省采购意向公开率达100%。")
    (False, False)
    >>> is_meta_line("http://news.hxzx.net　2011年06月07日18:05　北岭晨报")
    True
    """
    if len(line) < 120 and len(META_FIELD.findall(line)) >= 2:
        return True
    if len(line) < 80 and "http" in line and not re.search(r"[。！？]", line) and parse_date(line):
        return True  # "http://news.example.net　2011年06月07日18:05　北岭晨报"
    return len(line) < 60 and bool(_DATE_LINE.match(line)) and parse_date(line) is not None


def split_credit(text: str) -> tuple[str, str | None]:
    """``text`` without the outlet credited after its last sentence, and that outlet.

    >>> split_credit("据悉，该市已完成全年采购任务。（上海证券报）")
    ('据悉，该市已完成全年采购任务。', '上海证券报')
    >>> split_credit("采购意向公开率达100%（财政部网）")  # a citation inside the sentence stays
    ('采购意向公开率达100%（财政部网）', None)
    """
    if m := _TRAILING_CREDIT.search(text):
        return text[:m.start()], m["outlet"]
    return text, None


def split_body(paragraphs: list[str]) -> Split:
    """Classify ``paragraphs``: which are the article, and the author/publisher/date the rest carries."""
    body: list[int] = []
    author = publisher = published_at = None
    in_footer = False
    last = max((i for i, p in enumerate(paragraphs) if p.strip()), default=-1)
    for i, raw in enumerate(paragraphs):
        line = raw.strip()
        if not line:
            continue
        if m := SOURCE_LINE.match(line):
            publisher = publisher or (m["publisher"] or m["bare"] or m["paper"] or m["outlet"]).strip()
            if m["paper"]:
                published_at = published_at or parse_date(line)
            continue
        if not in_footer and body and FOOTER_START.match(line):
            in_footer = True
        if in_footer or NOISE.match(line):
            continue
        if i == last and body and _SIGNED_ON.match(line) and _ISSUER.match(paragraphs[body[-1]]):
            body.append(i)  # a notice's 落款: the issuer on one line, the day it signed on the last
            continue
        if is_meta_line(line):
            if m := META_SOURCE.search(line):
                publisher = publisher or m.group(1)
            if m := META_AUTHOR.search(line):
                author = author or m.group(1)
            published_at = published_at or parse_date(line)
            continue
        if m := BYLINE.match(line):
            author = (m["author"] or m["author2"]).strip()
            continue
        if CREDITS.match(line):
            author = author or next((c["author"] for c in _CREDITED.finditer(line) if c["author"]), None)
            continue
        body.append(i)
    if author is None and body and (m := LEAD_BYLINE.search(paragraphs[body[0]][:80])):
        author = m["author"]
    removed = sum(1 for p in paragraphs if p.strip()) - len(body)
    return Split(body, None if author in UNKNOWN_AUTHORS else author, publisher, published_at, removed)
