"""HTML pages: known layouts by explicit rules, any other page by text density.

Known layouts: a rendered finews post (``div.wrapper`` > ``section`` with the
``(GMT+8, …)`` date line) and a cgpnews e-paper article (``h1.title`` and
``div#articleText``). Other pages go to :func:`generic`, which picks the
element whose paragraphs carry the most prose (CJK characters and sentence
punctuation, few links) after dropping navigation, share blocks, related-news
lists and footers.

>>> d = parse('<html><head><title>柳州完成采购 - 【某某网】</title></head><body><div class="nav"><a href="/">首页</a></div>'
...           '<h1>柳州完成采购</h1><div class="info">发布时间：2024-07-05</div>'
...           '<div class="content"><p>本报讯 柳州市已完成采购1955.96万元，率先完成全年任务。</p><p>下一步，将继续推进。</p></div></body></html>')
>>> d.title, d.published_at, d.paragraphs
('柳州完成采购', '2024-07-05T00:00:00+08:00', ['本报讯 柳州市已完成采购1955.96万元，率先完成全年任务。', '下一步，将继续推进。'])
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import html

from extractors.boilerplate import META_AUTHOR
from extractors.dates import DATE_RE, date_from_url, from_timestamp, parse_date
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import BLOCK_TAGS, SKIP_TAGS, clean_line, paragraphs, parse_html, text_of
from extractors.formats.headings import heading_blocks, peel, same_text

_SHARE = re.compile(r"NewsShare\.html\?infoCode=([A-Za-z]*\d+)")
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]+|【[^】]*】|\[[^\]]*\])\s*")
_CHROME = re.compile(
    r"nav|menu|foot|header|breadcrumb|crumb|position|share|bdshare|jiathis|related|xgxw|recommend|tuijian|hot|"
    r"rank|comment|sidebar|side|aside|copyright|banner|advert|\bad\b|toolbar|pagination|pager|pages|login|search|"
    r"tool|print|qrcode|weixin|wechat|links?\b|friend|list|abstract|summary|digest",
    re.I,
)
_KEEP = re.compile(r"content|article|text|detail|main|body|zoom|news_?con|TRS_Editor|Custom_UnionStyle", re.I)
_PROSE_PUNCT = re.compile(r"[，。；：、！？“”]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE_LABEL = re.compile(r"(?:发布|发表|更新)?(?:时间|日期)\s*[:：]")
_META_DATE = (
    "article:published_time", "og:article:published_time", "publishdate", "pubdate", "publish_date",
    "PubDate", "firstpublishedtime", "weibo:article:create_at", "dc.date", "dcterms.created",
)
_MIN_SCORE = 20
_NON_SPACE = re.compile(r"[\s\u3000]+")
_ANCESTORS = 3
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_WECHAT_CT = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{10})["']""")
_DASH_SUBTITLE = re.compile(r"^\s*(?:——|—|－－)[^。]{2,60}$")
_TODAY = re.compile(r"今天是|今日是|当前日期|当前时间")


def _meta(root: html.HtmlElement, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in wanted and (content := (el.get("content") or "").strip()):
            return content
    return None


def page_title(root: html.HtmlElement) -> str | None:
    """og:title, else ``<title>`` without its site suffix ("… - 【某某网】")."""
    if og := _meta(root, "og:title"):
        return clean_line(og)
    el = root.find(".//title")
    if el is None or not (raw := text_of(el)):
        return None
    parts = [p for p in _TITLE_SPLIT.split(raw) if p]
    return max(parts[:2], key=len) if parts else raw


def _is_chrome(el: html.HtmlElement) -> bool:
    if el.tag in ("nav", "footer", "aside", "header", "form"):
        return True
    marks = " ".join(filter(None, (el.get("class"), el.get("id"))))
    return bool(marks) and bool(_CHROME.search(marks)) and not _KEEP.search(marks)


def _drop_chrome(root: html.HtmlElement) -> None:
    """Remove scripts, styles and navigation/share/related/footer blocks before scoring."""
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and (el.tag in SKIP_TAGS or _is_chrome(el)):
            el.drop_tree()


def _chars(el: html.HtmlElement) -> int:
    """Non-space characters of text under ``el`` (cheap: no paragraph splitting)."""
    return len(_NON_SPACE.sub("", "".join(el.itertext())))


def _link_chars(el: html.HtmlElement) -> int:
    return sum(_chars(a) for a in el.iter("a"))


def _prose_score(text: str) -> float:
    return len(_CJK.findall(text)) + 8 * len(_PROSE_PUNCT.findall(text))


def best_container(root: html.HtmlElement) -> html.HtmlElement | None:
    """The element whose paragraphs hold the most prose, discounted by link text.

    Each text block adds its prose score to its container and, decaying, to a few
    ancestors: CMS editors wrap every paragraph in its own ``div > div > span``.
    """
    scores: dict[html.HtmlElement, float] = {}
    for el in root.iter("p", "div", "td", "article", "section", "span", "font", "center", "li", "pre"):
        direct = "".join(filter(None, [el.text] + [c.tail for c in el])) if el.tag != "p" else text_of(el)
        score = _prose_score(direct)
        if score < _MIN_SCORE / 2:
            continue
        anc = el if el.tag not in ("p", "span", "font") else el.getparent()
        for depth in range(_ANCESTORS):
            if anc is None or not isinstance(anc.tag, str) or anc.tag in ("body", "html"):
                break
            scores[anc] = scores.get(anc, 0.0) + score / (1 + depth)
            anc = anc.getparent()
    best, best_score = None, 0.0
    for el, score in scores.items():
        score *= 1 - min(_link_ratio(el), 1.0)
        if score > best_score:
            best, best_score = el, score
    if best_score >= _MIN_SCORE:
        return best
    body = root.find("body")  # a bare page: the prose sits right in <body>
    return body if body is not None and _prose_score(text_of(body)) >= _MIN_SCORE else None


def _link_ratio(el: html.HtmlElement) -> float:
    return _link_chars(el) / (_chars(el) or 1)


def body_nodes(best: html.HtmlElement) -> list[html.HtmlElement]:
    """``best`` widened to the article: up through wrappers that hold nothing else, then with
    its run of look-alike siblings (CMS editors wrap each paragraph in its own ``<div>``)."""
    while (parent := best.getparent()) is not None and parent.tag not in ("body", "html") and len(parent) == 1 \
            and not (parent.text or "").strip() and not (best.tail or "").strip():
        best = parent
    parent = best.getparent()
    if parent is None or best.get("id"):
        return [best]

    def alike(sib: html.HtmlElement) -> bool:
        return sib.tag == best.tag and sib.get("class") == best.get("class") and not sib.get("id") and _link_ratio(sib) < 0.3

    siblings = [el for el in parent if isinstance(el.tag, str)]
    at = siblings.index(best)
    lo = hi = at
    while lo > 0 and alike(siblings[lo - 1]):
        lo -= 1
    while hi + 1 < len(siblings) and alike(siblings[hi + 1]):
        hi += 1
    return siblings[lo:hi + 1]


def _texts_before(root: html.HtmlElement, stop: html.HtmlElement | None) -> list[str]:
    """The page's text before ``stop``, one string per innermost block (dates split across spans stay whole)."""
    out: list[str] = []
    covered: set[html.HtmlElement] = set()
    holds_block: set[html.HtmlElement] = set()  # elements with a block element somewhere below
    for el in reversed(list(root.iter())):
        if (el.tag in BLOCK_TAGS or el in holds_block) and (parent := el.getparent()) is not None:
            holds_block.add(parent)
    for el in root.iter():
        if el is stop:
            break
        if el in covered or not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        if el.tag in BLOCK_TAGS and el not in holds_block:
            out.append(text_of(el))
            covered.update(el.iterdescendants())
        else:
            out.extend(t for t in (el.text, el.tail) if t and t.strip())
    return out


def _meta_before(root: html.HtmlElement, stop: html.HtmlElement | None) -> tuple[str | None, str | None]:
    """(date, author) from the page text before the body: a labelled date ("发布时间：…") wins
    over the date nearest the body ("今天是…" is skipped); the author comes from a "作者：…" label."""
    last = labelled = author = None
    for text in _texts_before(root, stop):
        if DATE_RE.search(text) and not _TODAY.search(text) and (date := parse_date(text)):
            last = date
            labelled = labelled or (date if _DATE_LABEL.search(text) else None)
        if author is None and (m := META_AUTHOR.search(text)):
            author = m.group(1)
    return labelled or last, author


def _date_elsewhere(root: html.HtmlElement, text: str, url: str | None) -> str | None:
    """Last resorts for a page that shows no date: JSON-LD, a WeChat ``var ct`` timestamp, the URL."""
    if m := _JSONLD_DATE.search(text):
        return parse_date(m.group(1))
    if m := _WECHAT_CT.search(text):
        return from_timestamp(m.group(1))
    canonical = root.xpath('string(//link[@rel="canonical"]/@href)') or _meta(root, "og:url")
    return date_from_url(url) or date_from_url(canonical)


def _title_candidates(root: html.HtmlElement) -> list[html.HtmlElement]:
    """Headings, elements classed as titles, and bold runs that fill their line, in page order."""
    found = root.xpath('//h1 | //h2 | //h3 | //*[contains(@class, "title") or contains(@id, "title")] | //b | //strong')
    return [el for el in found if el.tag != "title" and 4 <= len(text_of(el)) <= 120 and el.find(".//p") is None]


def _choose_title(candidates: list[html.HtmlElement], guess: str | None,
                  body: html.HtmlElement) -> tuple[str | None, str | None]:
    """(title, subtitle): the heading matching ``<title>``, else the last one above the body, else
    the ``<title>`` guess. A heading broken by ``<br>`` is title, then subtitle."""
    def split(el: html.HtmlElement) -> tuple[str | None, str | None]:
        lines = paragraphs(el)
        return lines[0], " ".join(lines[1:]) or None

    candidates = [el for el in candidates if paragraphs(el)]  # _drop_chrome may have emptied some
    for el in candidates:
        text = text_of(el)
        if guess and (same_text(text, guess) or (len(text) >= 6 and text in guess) or same_text(paragraphs(el)[0], guess)):
            return split(el)
    order = {el: i for i, el in enumerate(body.getroottree().iter())}
    above = [
        el for el in candidates
        if el in order and order[el] < order[body] and body not in el.iterancestors()
        and (el.tag in ("h1", "h2", "h3") or "title" in (el.get("class") or "") + (el.get("id") or ""))
    ]
    return split(above[-1]) if above else (guess, None)


def generic(root: html.HtmlElement, draft: Draft) -> None:
    guess = page_title(root)
    candidates = _title_candidates(root)
    date = _meta(root, *_META_DATE)
    draft.published_at = parse_date(date) if date else None
    _drop_chrome(root)
    body = best_container(root)
    if body is None:
        raise ExtractionError("no article text found on the page")
    nodes = body_nodes(body)
    draft.title, draft.subtitle = _choose_title(candidates, guess, nodes[0])
    date, draft.author = _meta_before(root, nodes[0])
    draft.published_at = draft.published_at or date
    lines = [line for node in nodes for line in paragraphs(node)]
    while lines and (same_text(lines[0], draft.title) or (draft.title and lines[0].startswith(draft.title) and len(lines[0]) < len(draft.title) + 40 and parse_date(lines[0]))):
        lines.pop(0)
    if lines and _DASH_SUBTITLE.match(lines[0]) and not draft.subtitle:  # "——记某某县财政局" under the title
        draft.subtitle = lines.pop(0).lstrip("—－- ")
    draft.paragraphs = lines


def finews(root: html.HtmlElement, draft: Draft) -> None:
    section = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " wrapper ")]/section')[0]
    for small in section.iter("small"):
        text = text_of(small)
        if text.lower().startswith("tags"):
            draft.tags = [t for em in small.iter("em") if (t := text_of(em))]
        elif not draft.published_at:
            draft.published_at = parse_date(text)
        small.drop_tree()
    h1 = section.find(".//h1")
    draft.title = text_of(h1) if h1 is not None else page_title(root)
    after_title = section.index(h1) + 1 if h1 is not None and h1.getparent() is section else 0
    nodes = [el for el in section[after_title:] if isinstance(el.tag, str) and el is not h1]
    blocks = heading_blocks(nodes)
    blocks = [(ps, kind) for ps, kind in blocks if ps]
    column, title, subtitle, start = peel([(" ".join(ps), kind) for ps, kind in blocks], draft.title)
    draft.column, draft.title, draft.subtitle = column, title, subtitle
    draft.paragraphs = [p for ps, _ in blocks[start:] for p in ps]
    if not draft.paragraphs and (desc := _meta(root, "og:description")):
        draft.paragraphs = [p for line in desc.splitlines() if (p := clean_line(line))]
    draft.category = "zhongguozhengfucaigoubao" if "中国政府采购报" in " ".join(draft.tags) else None


def cgpnews(root: html.HtmlElement, draft: Draft) -> None:
    body = root.xpath('//div[@id="articleText"]')[0]
    h1 = root.xpath('//h1[contains(concat(" ", normalize-space(@class), " "), " title ")]')
    draft.title = text_of(h1[0]) if h1 else page_title(root)
    sub = root.xpath('//*[contains(@class, "subtitle") or contains(@class, "sub-title") or contains(@class, "fuTitle")]')
    draft.subtitle = text_of(sub[0]) or None if sub else None
    date, draft.author = _meta_before(root, body)
    draft.published_at = parse_date(_meta(root, *_META_DATE)) or date
    draft.paragraphs = paragraphs(body)
    draft.publisher = "中国政府采购报"


LAYOUTS: list[tuple[str, str, Callable[[html.HtmlElement, Draft], None]]] = [
    ("finews", '//div[contains(concat(" ", normalize-space(@class), " "), " wrapper ")]/section//small', finews),
    ("cgpnews", '//div[@id="articleText"]', cgpnews),
]


def looks_like(text: str) -> bool:
    head = text[:2048].lower()
    return any(tag in head for tag in ("<html", "<!doctype html", "<head", "<body", "<meta", "<div", "<p>", "<title"))


def parse(text: str, url: str | None = None) -> Draft:
    root = parse_html(text)
    draft = Draft(format="html")
    for name, probe, layout in LAYOUTS:
        if root.xpath(probe):
            draft.format = f"html:{name}"
            layout(root, draft)
            break
    else:
        generic(root, draft)
    draft.url = url or _meta(root, "og:url")
    draft.published_at = draft.published_at or _date_elsewhere(root, text, url)
    if share := _SHARE.search(text):
        draft.info_code = share.group(1)
    if not draft.author and (author := _meta(root, "author", "article:author")):
        draft.author = clean_line(author)
    if not draft.paragraphs:
        raise ExtractionError("no article text found on the page")
    return draft
