"""HTML pages: known layouts by explicit rules, any other page by text density.

Known layouts: a rendered finews post (``div.wrapper`` > ``section`` with the
``(GMT+8, …)`` date line) and a cgpnews e-paper article (``h1.title`` and
``div#articleText``). Other pages go to :func:`generic`: chrome (navigation,
share blocks, related lists, comments, footers) is dropped, the element whose
paragraphs carry the most prose is the article (:mod:`.density`; a forum
thread's first floor), and its date and author are read around it from the
whole page (:mod:`.pagemeta`), the chrome included.

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

from extractors.dates import date_from_url, from_timestamp, parse_date
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import SKIP_TAGS, clean_line, paragraphs, parse_html, short_text, text_of
from extractors.formats.density import Page
from extractors.formats.headings import heading_blocks, peel, same_text
from extractors.formats.pagemeta import (element_author, fallback_author, labelled_author, last_date_above, page_date,
                                         text_blocks, window)

_SHARE = re.compile(r"NewsShare\.html\?infoCode=([A-Za-z]*\d+)")
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]+|【[^】]*】|\[[^\]]*\])\s*")
_META_DATE = (
    "article:published_time", "og:article:published_time", "publishdate", "pubdate", "publish_date",
    "PubDate", "firstpublishedtime", "weibo:article:create_at", "dc.date", "dcterms.created",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_WECHAT_CT = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{10})["']""")
_THREAD_TAG = re.compile(r"^(?:\[[^\]\s]{1,8}\]\s*)+")
_ABSTRACT_LABEL = re.compile(r"^\s*(?:【\s*(?:内容)?(?:摘\s*要|提\s*要)\s*】|(?:内容)?(?:摘\s*要|提\s*要)\s*[:：])\s*")
_DASH_SUBTITLE = re.compile(r"^\s*(?:——|—|－－)[^。]{2,60}$")


def _meta(root: html.HtmlElement, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in wanted and (content := (el.get("content") or "").strip()):
            return content
    return None


def _title_parts(root: html.HtmlElement) -> list[str]:
    """The parts of ``<title>`` between site-suffix separators."""
    el = root.find(".//title")
    return [p for p in _TITLE_SPLIT.split(text_of(el)) if p] if el is not None else []


def page_title(root: html.HtmlElement) -> str | None:
    """og:title, else ``<title>`` without its site suffix ("… - 【某某网】")."""
    if og := _meta(root, "og:title"):
        return clean_line(og)
    parts = _title_parts(root)
    return max(parts[:2], key=len) if parts else None


def _date_elsewhere(text: str, url: str | None, canonical: str | None) -> str | None:
    """Last resorts for a page that shows no date: JSON-LD, a WeChat ``var ct`` timestamp, the URL."""
    if m := _JSONLD_DATE.search(text):
        return parse_date(m.group(1))
    if m := _WECHAT_CT.search(text):
        return from_timestamp(m.group(1))
    return date_from_url(url) or date_from_url(canonical)


def _title_candidates(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
    """Headings, elements classed as titles, and bold runs that fill their line, in page order, with their text."""
    found = root.xpath('//h1 | //h2 | //h3 | //*[contains(@class, "title") or contains(@id, "title")] | //b | //strong')
    return [(el, text) for el in found
            if el.tag != "title" and (text := short_text(el, 120)) and len(text) >= 4 and el.find(".//p") is None]


def _choose_title(candidates: list[tuple[html.HtmlElement, str]], guess: str | None, parts: list[str],
                  start: int, page: Page) -> tuple[str | None, str | None]:
    """(title, subtitle): the heading matching the ``<title>`` guess nearest above the article's text
    (which begins at ``start``), else one matching another part of ``<title>``, else the last heading
    above the text, else the guess. A heading broken by ``<br>`` is title, then subtitle; a forum's
    thread-type tag (``[求助]``) before the title is not part of it."""
    def split(el: html.HtmlElement, text: str) -> tuple[str | None, str | None]:
        lines = paragraphs(el) or [text]  # chrome dropped inside a heading can leave it empty
        return _THREAD_TAG.sub("", lines[0]), " ".join(lines[1:]) or None

    def above(found: list[tuple[html.HtmlElement, str]]) -> list[tuple[html.HtmlElement, str]]:
        return [(el, text) for el, text in found if el in page.end and page.end[el] < start]

    def names(el: html.HtmlElement, text: str, part: str, loose: bool) -> bool:
        first = (paragraphs(el) or [text])[0]
        return same_text(text, part) or same_text(first, part) or loose and (
            (len(text) >= 6 and text in part) or (len(part) >= 6 and part in text and len(text) <= len(part) + 12))

    for wanted, loose in (([guess] if guess else [], True), ([p for p in parts if p != guess], False)):
        matching = [(el, text) for el, text in candidates if any(names(el, text, p, loose) for p in wanted)]
        if near := above(matching):  # nearest above: a blog's name in its banner matches <title> too
            return split(*near[-1])
        if matching and loose:
            return split(*matching[0])
    headings = above([(el, text) for el, text in candidates if paragraphs(el)  # not a heading of chrome only (分享到…)
                      and (el.tag in ("h1", "h2", "h3") or "title" in (el.get("class") or "") + (el.get("id") or ""))])
    return split(*headings[-1]) if headings else (guess, None)


def _time_dates(root: html.HtmlElement, page: Page) -> list[tuple[int, str]]:
    """Machine-readable dates in the page: ``itemprop="datePublished"`` first, then ``<time datetime>`` and
    dates in a time element's ``title``."""
    found = []
    # (and a relative date's element carrying the absolute one: <span class="time" title="2019-05-27 20:30">3天前</span>)
    for el in root.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"] | //time[@datetime]'
                         ' | //*[(contains(@class, "time") or contains(@class, "date")) and (@title or @data-time)]'):
        value = el.get("content") or el.get("datetime") or el.get("title") or el.get("data-time") or text_of(el)
        if (date := parse_date(value)) and el in page.order:
            found.append((0 if el.get("itemprop") else page.order[el] + 1, date))
    return sorted(found)


def _site_words(root: html.HtmlElement) -> list[str]:
    """The site's own names, and the headline among them: ``<title>`` parts, og:site_name, application-name."""
    return _title_parts(root) + [w for w in (_meta(root, "og:site_name", "application-name", "SiteName"),) if w]


def generic(root: html.HtmlElement, draft: Draft) -> None:
    guess = page_title(root)
    parts = _title_parts(root)
    candidates = _title_candidates(root)
    date = _meta(root, *_META_DATE)
    draft.published_at = parse_date(date) if date else None
    page = Page(root)
    times = _time_dates(root, page)
    chrome = page.chrome()
    page.drop_chrome([el for el in chrome if el.tag in SKIP_TAGS])  # scripts and styles: no text of the page
    blocks = text_blocks(page, chrome)
    page.drop_chrome(chrome)
    nodes = page.body()
    if not nodes:
        raise ExtractionError("no article text found on the page")
    start, stop = page.text_span(nodes)
    draft.title, draft.subtitle = _choose_title(candidates, guess, parts, start, page)
    draft.published_at = (draft.published_at or page_date(blocks, start, stop)
                          or next((d for at, d in times if at <= start), None) or last_date_above(blocks, start))
    lo, hi = window(blocks, start, stop)
    draft.author = labelled_author(blocks, start, stop) or element_author(page, start, stop, lo, hi)
    lines = [line for node in nodes for line in paragraphs(node)]
    if lines and not same_text(lines[0], draft.title) and len(lines[0]) <= 80 \
            and any(same_text(lines[0], part) for part in parts):
        draft.title, draft.subtitle = lines[0], None  # the article opens with its headline, which <title> names
    while lines and (same_text(lines[0], draft.title) or (draft.title and lines[0].startswith(draft.title) and len(lines[0]) < len(draft.title) + 40 and parse_date(lines[0]))):
        lines.pop(0)
    if lines and _DASH_SUBTITLE.match(lines[0]) and not draft.subtitle:  # "——记某某县财政局" under the title
        draft.subtitle = lines.pop(0).lstrip("—－- ")
    if lines and (m := _ABSTRACT_LABEL.match(lines[0])) and len(lines[0]) > m.end():  # a paper's "摘要：…"
        lines[0] = lines[0][m.end():]
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
    page = Page(root)
    page.drop_chrome(list(root.iter(*SKIP_TAGS)))  # scripts and styles: no text of the page; the rest stays
    blocks = text_blocks(page, [])
    start, stop = page.order[body], page.end[body]
    draft.author = labelled_author(blocks, start, stop)
    draft.published_at = parse_date(_meta(root, *_META_DATE)) or page_date(blocks, start, stop) \
        or last_date_above(blocks, start)
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
    # what <head> says, read before a layout drops <head> with the rest of the chrome
    og_url = _meta(root, "og:url")
    canonical = root.xpath('string(//link[@rel="canonical"]/@href)') or og_url
    meta_author = _meta(root, "author", "article:author", "byline", "dc.creator", "citation_author")
    site_words = _site_words(root)
    for name, probe, layout in LAYOUTS:
        if root.xpath(probe):
            draft.format = f"html:{name}"
            layout(root, draft)
            break
    else:
        generic(root, draft)
    draft.url = url or og_url
    draft.published_at = draft.published_at or _date_elsewhere(text, url, canonical)
    if share := _SHARE.search(text):
        draft.info_code = share.group(1)
    if not draft.author:
        draft.fallback_author = fallback_author(text, meta_author and clean_line(meta_author),
                                                [w for w in site_words if w != draft.title])
    if not draft.paragraphs:
        raise ExtractionError("no article text found on the page")
    return draft
