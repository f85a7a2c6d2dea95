"""The date and author a page prints around its article, read from the whole page (chrome
included) once the article's place is known.

Dates, in order of trust: a labelled date above the article (``发布时间：…``, ``发表于 …``,
``时间：…``; a registration date, ``今天是…`` or a 成文日期 is not one), an unlabelled date
just above it, a labelled date just below it (blogs print ``发表于 …`` under the post), a
``<time>`` or ``itemprop`` date, then the last date anywhere above it.

Authors: a labelled name near the article (``作者：…``, ``楼主：…``, ``文/…``, nicknames
included), an author element (class ``author``/``byline``/``writer``, ``itemprop`` or
``rel`` author) or a user's profile link next to it; :func:`fallback_author` reads meta
tags and JSON-LD.

>>> from extractors.formats.blocks import parse_html
>>> from extractors.formats.density import Page
>>> page = Page(parse_html('<div class=side>注册：2005-03-01</div><h2>标题</h2><div class=post>'
...     '<p>正文第一段，写得很长。</p></div><div class=foot>作者：雨夜听风 发表于 2007-3-12 08:15:02</div>'))
>>> blocks = text_blocks(page, page.chrome())
>>> start = stop = page.order[page.root.find(".//div[@class='post']")]
>>> page_date(blocks, start, stop), labelled_author(blocks, start, stop)
('2007-03-12T08:15:02+08:00', '雨夜听风')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import html

from extractors.boilerplate import UNKNOWN_AUTHORS
from extractors.dates import DATE_RE, parse_date
from extractors.formats.blocks import BLOCK_TAGS, SKIP_TAGS, clean_line, short_text
from extractors.formats.density import Page

_NEAR = 300  # characters of text outside chrome above or below the article that count as next to it
_DATE_LABEL = re.compile(
    r"(?:发布|发表|更新|上传|录入|出版|刊发|创建|修改|发帖)?(?:时间|日期)\s*[:：]|发[表布帖]于|更新于|[写作记]于|posted|published", re.I)
_NOT_PUBLISHED = re.compile(r"注册|登录|登陆|加入|在线|生日|出生|截止|有效期|收稿|今天是|今日是|当前日期|当前时间")
_WRITTEN = re.compile(r"成文")
_AUTHOR_LABEL = re.compile(
    r"(?:作者|记者|撰稿|撰文|(?<![\u4e00-\u9fff])文|博主|楼主|发帖人|发布人|发布者|投稿人|原作者|供稿)\s*[:：/，,]\s*"
    r"(?:本报|本网|特约)?(?:记者|通讯员)?\s*(?P<name>[^\s:：|｜,，;；()（）\[\]【】<>/「」“”『』]{2,30})")
_BARE_LABEL = re.compile(r"^\s*(?:(?:[\w\u4e00-\u9fff]{0,4}(?:时间|日期)|作者|楼主|记者)\s*[:：]|发[表布帖]于)\s*$")
_AFTER_NAME = re.compile(r"(?:来源|发布|发表|时间|日期|点击|浏览|阅读|编辑|责编|摄影|摄像|审核|字号|更新|出处)(?:\s*[:：]|于).*$")
_NAME = re.compile(r"^[\w\u4e00-\u9fff·・.\-]{2,20}$")
_ORG = re.compile(r"[《》]|(?:报|社|网|台|新闻|中文网|时报|日报|晚报|通讯社|大学|学院|学系|研究所|研究院|学报"
                  r"|局|办|所|室|厅|委|政府|中心|公司|集团|协会|学会|街道|社区|医院|卫生院)$")  # media and offices: no authors
_AUTHOR_MARK = re.compile(r"author|byline|writer|contributor|\bauthi\b|nick_?name", re.I)
# a nickname in a profile card (WeChat's profile_nickname, its #profileBt) is the account, which publishes;
# an "author-profile" box names the author
_ACCOUNT = re.compile(r"profile", re.I)
_PROFILE = re.compile(r"uid[=-]\d|/u/\w|/user/\w|/people/\w|/member/\w|/profile|/home/main\?un=|/author/\w|space-\w+-\d", re.I)
_NOT_A_NAME = re.compile(r"^(?:登录|注册|登陆|退出|个人中心|我的|设置|帮助|首页|关注|私信|更多|查看|作者|楼主|只看该作者|只看楼主"
                         r"|关于|个人资料|个人主页|主页|空间|提问者|题主|答主|本报记者|本台记者|特约记者|通讯员|\d+$)"
                         r"|会员$|版主$|管理员$|网友$|用户组|^Lv\.?\d|^等级")
_COMMENTS = re.compile(r"comment|reply|review|评论", re.I)
_COMMENT_HEAD = re.compile(r"^\s*(?:热门|最新|全部|精彩|网友|读者)?(?:评论|跟贴|跟帖|留言|回复|回应).{0,12}$")
_SITE_AUTHOR = re.compile(r"team|inc\b|ltd|corporation|powered|有限公司|版权", re.I)
_OWNED = re.compile(r"^\s*(.{2,20}?)的(?:博客|个人博客|BLOG|blog|Blog|空间|个人空间|主页|个人主页)\s*$")
_JSONLD_AUTHOR = re.compile(r'"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,40})"')


class Block(NamedTuple):
    at: int  # place in document order (a tail's is its element's last descendant's)
    end: int  # where the block's element ends (= at for loose text)
    text: str
    chrome: bool


def text_blocks(page: Page, chrome: list[html.HtmlElement]) -> list[Block]:
    """The page's text in document order, one string per innermost block (a date split across
    spans stays whole) plus the loose text between blocks, each marked when inside ``chrome``."""
    root, order, end = page.root, page.order, page.end
    elements = list(root.iter())
    holds_block: set[html.HtmlElement] = set()  # elements with a block element somewhere below
    for el in reversed(elements):
        if (el.tag in BLOCK_TAGS or el in holds_block) and (parent := el.getparent()) is not None:
            holds_block.add(parent)
    spans = [(order[c], end[c]) for c in chrome]
    out: list[Block] = []
    skip = -1

    def add(at: int, text: str | None, stop: int | None = None) -> None:
        if text and text.strip():
            while spans and spans[0][1] < at:
                spans.pop(0)
            out.append(Block(at, at if stop is None else stop, clean_line(text), bool(spans) and spans[0][0] <= at))

    for el in elements:
        if order[el] <= skip or not isinstance(el.tag, str):
            continue
        if el.tag in SKIP_TAGS or (el.tag in BLOCK_TAGS and el not in holds_block):
            if el.tag not in SKIP_TAGS:
                add(order[el], " ".join(t for t in el.itertext() if t.strip()), end[el])
            skip = end[el]
        else:
            add(order[el], el.text)
        if el is not root:
            add(end[el], el.tail)
    return out


def _near(blocks: list[Block]) -> list[Block]:
    """The leading ``blocks`` within :data:`_NEAR` characters of text outside chrome (at least one)."""
    seen = 0
    for i, b in enumerate(blocks):
        if not b.chrome:
            seen += len(b.text)
            if seen > _NEAR and i:
                return blocks[:i]
    return blocks


def _windows(blocks: list[Block], start: int, stop: int) -> tuple[list[Block], list[Block], list[Block]]:
    """(everything above the article, the blocks just above it, the blocks just below it); "just" =
    within :data:`_NEAR` characters of text outside chrome, with the chrome between them. Chrome
    inside the article's span (a blog post's footer row) counts as just below it."""
    before = [b for b in blocks if b.end < start]  # a block holding the article's first words is not above it
    inside = [b for b in blocks if start <= b.at <= stop and b.chrome]  # a post's footer row dropped as chrome
    return before, _near(before[::-1])[::-1], inside + _near([b for b in blocks if b.at > stop])


def _dated(block: Block, label: bool = False) -> tuple[str | None, bool]:
    """(the block's date, whether a label says it is the publication date); ``label``: the block
    before it is a bare label (``<td>发布日期：</td><td>2023-05-18</td>``)."""
    if not DATE_RE.search(block.text) or _NOT_PUBLISHED.search(block.text):
        return None, False
    date = parse_date(block.text)
    return date, bool(date) and (label or bool(_DATE_LABEL.search(block.text))) and not _WRITTEN.search(block.text)


def _with_labels(blocks: list[Block], all_blocks: list[Block]) -> list[tuple[Block, bool]]:
    """Each block with whether the block before it on the page is a bare date label."""
    index = {b: i for i, b in enumerate(all_blocks)}

    def bare(i: int) -> bool:
        prev = all_blocks[i - 1].text if i > 0 else ""
        return bool(_BARE_LABEL.match(prev)) and not _NOT_PUBLISHED.search(prev) and not _WRITTEN.search(prev)

    return [(b, bare(index[b])) for b in blocks]


def page_date(blocks: list[Block], start: int, stop: int) -> str | None:
    """The publication date among the blocks around the article spanning ``start``..``stop``."""
    before, near, after = _windows(blocks, start, stop)
    comments = next((i for i, b in enumerate(after) if _COMMENT_HEAD.match(b.text)), len(after))
    after = after[:comments]  # (a comment's 发表于 below 网友评论 is the comment's date)
    near_set = set(near)
    labelled_above = [(b, date) for b, label in _with_labels(before, blocks) if (found := _dated(b, label))[1]
                      for date in (found[0],)]
    for b, date in labelled_above:
        if not b.chrome or b in near_set:
            return date
    if labelled_above:  # 发布日期：2008-5-12 in a table row read as chrome: still before a related list's dates
        return labelled_above[-1][1]
    for b, label in _with_labels([b for b in blocks if start <= b.at <= stop], blocks):
        date, labelled = _dated(b, label)
        if labelled:  # an info line inside the article's own container (发布日期：… 来源：… 浏览次数：…)
            return date
    for b in reversed(near):
        if (not b.chrome or _mostly_date(b.text, 12)) and (date := _dated(b)[0]):
            return date
    for b, label in _with_labels(after, blocks):
        date, labelled = _dated(b, label)
        if labelled:
            return date
    for b in after:  # a forum floor's or a blog post's date printed under it, alone on its line
        if not b.chrome and _mostly_date(b.text, 20) and (date := _dated(b)[0]):
            return date
    for b in after:  # a post's footer row, its date first: 2006-10-12 21:33:05 | 评论(334) | 阅读(31535)
        if (m := DATE_RE.match(b.text.strip())) and (date := parse_date(m.group())):
            return date
    return None


def _mostly_date(text: str, others: int) -> bool:
    """Whether ``text`` is a date with at most ``others`` other characters (no sentence)."""
    m = DATE_RE.search(text)
    return bool(m) and len(text) - (m.end() - m.start()) <= others and not re.search(r"[。！？]", text)


def last_date_above(blocks: list[Block], start: int) -> str | None:
    """The last date above the article outside chrome: the last resort of a page's own text."""
    for b in reversed([b for b in blocks if b.end < start and not b.chrome]):
        if date := _dated(b)[0]:
            return date
    return None


def clean_name(text: str | None) -> str | None:
    """A person's or account's name from a byline's text, or None.

    >>> clean_name("英国《金融时报》 马丁·阿诺德"), clean_name("作者，艾玛·哈里森"), clean_name("佚名"), clean_name("发表于 2013-5-2")
    ('马丁·阿诺德', '艾玛·哈里森', None, None)
    >>> clean_name("李慧敏1"), clean_name("1.江南师范大学公共管理学院"), clean_name("中级会员")
    ('李慧敏', None, None)
    """
    if not text:
        return None
    text = re.sub(r"^\s*(?:作者|(?:本报|本台|本网|特约)?记者|通讯员|供稿|文|by)\s*[:：，,/]?\s*", "", text.strip(), flags=re.I)
    for token in re.split(r"[\s，,|｜;；]+", text):
        token = _AFTER_NAME.sub("", token).strip("：:·・.- ")
        token = re.sub(r"^\d+\.|(?<=[\u4e00-\u9fff])\d{1,2}$", "", token)  # "1.单位", a superscript "李慧敏1"
        if token and _NAME.match(token) and not _ORG.search(token) and not _NOT_A_NAME.search(token) \
                and not re.search(r"\d{4}", token) and token.lower() not in UNKNOWN_AUTHORS:
            return token
        if token and not _ORG.search(token):
            return None  # the first word that is no organisation decides
    return None


def labelled_author(blocks: list[Block], start: int, stop: int) -> str | None:
    """A name after a label (``作者：``, ``楼主：``, ``文/``…) above the article, else just below it."""
    before, near, after = _windows(blocks, start, stop)
    near_set = set(near)
    index = {b: i for i, b in enumerate(blocks)}
    for b in [b for b in before if not b.chrome or b in near_set] + after:
        names = [b.text[m.start("name"):] for m in _AUTHOR_LABEL.finditer(b.text)]  # cut at the next label below
        i = index[b]
        if i and _BARE_LABEL.match(blocks[i - 1].text) and re.search(r"作者|楼主|记者", blocks[i - 1].text):
            names.insert(0, b.text)  # <td>作者：</td><td>张三</td>
        for name in names:
            if (name := clean_name(_AFTER_NAME.sub("", name))) is not None:
                return name
    return None


def window(blocks: list[Block], start: int, stop: int) -> tuple[float, float]:
    """The document positions where the blocks just above and just below the article begin and end;
    below ends at a comment list's header (its authors are the commenters)."""
    _, near, after = _windows(blocks, start, stop)
    after = after[:next((i for i, b in enumerate(after) if _COMMENT_HEAD.match(b.text)), len(after))]
    return (near[0].at if near else start), max([b.at for b in after] or [stop])


def element_author(page: Page, start: int, stop: int, lo: float, hi: float) -> str | None:
    """The name in an author element (class author/byline/writer, itemprop or rel author) or a
    user's profile link: the nearest above the article (from ``lo``), else the first below it (up
    to ``hi``). Elements dropped as chrome count (bylines sit in headers and entry footers), those
    inside comments do not."""
    above = below = None
    live = set(page.root.iter())
    first, last = max(int(lo), 0), min(int(hi), len(page.elements) - 1)
    for at, el in enumerate(page.elements[first:last + 1], first):
        if not el.attrib or not isinstance(el.tag, str) or start <= at <= stop:
            continue
        marks = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"), el.get("rel"))))
        linked = el.tag == "a" and el in live and _PROFILE.search(el.get("href") or "")  # not a nav bar's link
        mark = _AUTHOR_MARK.search(marks)
        account = mark is not None and mark[0].lower().startswith("nick") and _ACCOUNT.search(marks) is not None
        if not (mark and not account) and not linked:
            continue
        if any(_COMMENTS.search(" ".join(filter(None, (a.get("class"), a.get("id"))))) for a in el.iterancestors()):
            continue
        text = short_text(el, 40)
        if not text and el.get("itemprop") == "author":
            text = " ".join(el.xpath('.//*[@itemprop="name"]/@content'))
        if name := clean_name(text):
            if at < start:
                above = name
            elif below is None:
                below = name
    return above or below


def fallback_author(raw: str, meta: str | None, site_words: list[str]) -> str | None:
    """An author from ``meta`` (``<meta name="author">`` and the like) unless it names the site,
    else JSON-LD's author name, else the owner a blog's name gives (``背包客阿飞的博客``). (A WeChat
    account's ``var nickname`` publishes, it does not write.)"""
    if meta and not _SITE_AUTHOR.search(meta) and not any(w in meta for w in site_words if w):
        if name := clean_name(meta):
            return name
    if (m := _JSONLD_AUTHOR.search(raw)) and (name := clean_name(m.group(1))):
        return name
    for word in site_words:  # 背包客阿飞的博客: a blog names its owner, who writes its posts
        if (m := _OWNED.match(word)) and (name := clean_name(m.group(1))):
            return name
    return None
