"""Where the article stands on a page: chrome told by tag and class, then the element whose
paragraphs carry the most prose (CJK characters and sentence punctuation, few links).

Every step is linear in the size of the page. Character and link counts come from one
bottom-up pass; a paragraph's text stops at nested blocks. Old CMS pages leave ``<p>``,
``<font>`` and ``<b>`` open on every line, so the tree can be as deep as the page is long,
and anything that re-read a subtree for each element took seconds on such a page.

>>> from extractors.formats.blocks import parse_html
>>> root = parse_html("<div class=nav><a href=/>首页</a></div><div class=content>"
...                   "<p>本报讯 柳州市已完成采购，率先完成全年任务。</p><p>下一步，将继续推进。</p></div>")
>>> page = Page(root)
>>> page.drop_chrome()
>>> [el.get("class") for el in page.body()]
['content']
"""

from __future__ import annotations

import re

from lxml import html

from extractors.formats.blocks import BLOCK_TAGS, SKIP_TAGS, inline_text

_CHROME_TAGS = frozenset({"nav", "footer", "aside", "header"})
# class/id words that mark chrome wherever they stand
_CHROME = re.compile(
    r"nav|menu|foot|header|breadcrumb|crumb|position|share|bdshare|jiathis|related|xgxw|recommend|tuijian|"
    r"rank|comment|sidebar|copyright|banner|advert|\bad\b|toolbar|pagination|pager|login|search|print|qrcode|"
    r"weixin|wechat|friend",
    re.I,
)
# words that mark chrome only when the element is not where the page's prose is: a forum's
# post list, a journal page's abstract, a photo story hold the article under such names
_WEAK_CHROME = re.compile(r"list|hot|side|tool|pages|links?\b|abstract|summary|digest", re.I)
_SUMMARY = re.compile(r"abstract|summary|digest", re.I)
_KEEP = re.compile(r"content|article|text|detail|main|body|zoom|news_?con|TRS_Editor|Custom_UnionStyle", re.I)
_PROSE_PUNCT = re.compile(r"[，。；：、！？“”]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SCORED = ("p", "div", "td", "article", "section", "span", "font", "center", "li", "pre")
MIN_SCORE = 20
_ANCESTORS = 3
_MAIN_SHARE = 0.4  # a weak-chrome element holding this share of the page's prose is the article's
_CLASS_TOKEN = re.compile(r"\S+")


def prose_score(text: str) -> float:
    """CJK characters plus 8 for each sentence punctuation mark.

    >>> prose_score("本报讯，日前。"), prose_score("首页 | 新闻")
    (21, 4)
    """
    return len(_CJK.findall(text)) + 8 * len(_PROSE_PUNCT.findall(text))


def _nonspace(text: str | None) -> int:
    """Characters of ``text`` without its indentation (white space inside a run is rare in Chinese text)."""
    return len(text.strip()) if text else 0


def _measure(text: str | None) -> tuple[int, float]:
    """Non-space characters and prose score of one run of text."""
    return (len("".join(text.split())), prose_score(text)) if text else (0, 0)


def _depth(el: html.HtmlElement) -> int:
    return sum(1 for _ in el.iterancestors())


def _direct_text(el: html.HtmlElement) -> str:
    """A paragraph's run for ``<p>``; for a container, its own text and its children's tails."""
    if el.tag == "p":
        return inline_text(el)
    return "".join(filter(None, [el.text] + [c.tail for c in el]))


class Page:
    """A parsed page with the per-element counts the density model needs, kept up to date by
    :meth:`drop_chrome`. ``order`` and ``end`` give every element's place in document order
    (``end`` = its last descendant's) as they were before anything was dropped."""

    def __init__(self, root: html.HtmlElement) -> None:
        self.root = root
        self.elements = list(root.iter())
        self.order = {el: i for i, el in enumerate(self.elements)}
        self.end: dict[html.HtmlElement, int] = {}
        for el in reversed(self.elements):
            self.end[el] = self.end[el[-1]] if len(el) else self.order[el]
        self._counted = False
        self._prose: float | None = None
        self._weights: dict[html.HtmlElement, tuple[int, float, int]] = {}
        self._squashed: str | None = None

    def count(self) -> None:
        """Non-space characters under each element (its own tail excluded) and those inside links."""
        if self._counted:
            return
        self.chars: dict[html.HtmlElement, int] = {}
        self.links: dict[html.HtmlElement, int] = {}
        for el in reversed(list(self.root.iter())):
            n = _nonspace(el.text) if isinstance(el.tag, str) and el.tag not in SKIP_TAGS else 0
            linked = 0
            for child in el:
                n += self.chars.get(child, 0) + _nonspace(child.tail)
                linked += self.links.get(child, 0)
            self.chars[el] = n
            self.links[el] = n if el.tag == "a" else linked
        self._counted = True

    def link_ratio(self, el: html.HtmlElement) -> float:
        """Share of ``el``'s text inside links."""
        self.count()
        return self.links.get(el, 0) / (self.chars.get(el, 0) or 1)

    def page_prose(self) -> float:
        if self._prose is None:
            self._prose = prose_score(self.root.text_content())
        return self._prose

    # ------------------------------------------------------------------ chrome

    def is_chrome(self, el: html.HtmlElement) -> bool:
        if el.tag in SKIP_TAGS or el.tag in _CHROME_TAGS:
            return True
        marks = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if not marks or _KEEP.search(marks) or el.tag in ("html", "body"):  # themes class <body> "…-sidebar"
            return False
        if _CHROME.search(marks):
            return True
        if not (weak := _WEAK_CHROME.search(marks)):
            return False
        if _SUMMARY.match(weak.group()):  # a lead box repeats the article; a paper's abstract is the article
            return self._repeated(el.text_content())
        nonspace, prose, linked = self.weigh(el)
        return linked >= 0.5 * nonspace or prose < _MAIN_SHARE * self.page_prose()

    def weigh(self, el: html.HtmlElement) -> tuple[int, float, int]:
        """The non-space characters and the prose score of ``el.text_content()``, and the characters of
        its links' text (each link's stripped): summed bottom-up for ``el`` and every element under it at
        once, so weak chrome nested in weak chrome (``<div class="list">`` left open on every line) costs
        time linear in the page, not a reading of its subtree for each.

        >>> from extractors.formats.blocks import parse_html
        >>> root = parse_html("<div class=list>采购完成。<a href=#> 更多 </a></div>")
        >>> Page(root).weigh(root.find(".//div"))
        (7, 14, 2)
        """
        weights = self._weights
        if el not in weights:
            for node in reversed(list(el.iter())):
                if node in weights:
                    continue
                nonspace, prose = _measure(node.text) if isinstance(node.tag, str) else (0, 0)
                linked = len(node.text_content().strip()) if node.tag == "a" else 0
                for child in node:
                    child_nonspace, child_prose, child_linked = weights[child]
                    tail_nonspace, tail_prose = _measure(child.tail)
                    nonspace += child_nonspace + tail_nonspace
                    prose += child_prose + tail_prose
                    linked += child_linked
                weights[node] = (nonspace, prose, linked)
        return weights[el]

    def _repeated(self, text: str) -> bool:
        """Whether a sentence of ``text`` also stands elsewhere on the page."""
        words = "".join(text.split())
        if not words:
            return True
        middle = words[len(words) // 2:][:16]  # past any label or bracketed headline the box opens with
        if self._squashed is None:
            self._squashed = "".join(self.root.text_content().split())
        return self._squashed.count(middle) > 1

    def chrome(self) -> list[html.HtmlElement]:
        """The outermost chrome elements (scripts, navigation, share, related, footers…), in page order."""
        found: list[html.HtmlElement] = []
        stop = -1
        for el in self.root.iter():
            if not isinstance(el.tag, str) or self.order[el] <= stop or el.getparent() is None:
                continue
            if self.is_chrome(el):
                found.append(el)
                stop = self.end[el]
        return found

    def drop_chrome(self, chrome: list[html.HtmlElement] | None = None) -> None:
        """Remove ``chrome`` (default: :meth:`chrome`); what is left is counted when next needed."""
        for el in self.chrome() if chrome is None else chrome:
            if el.getparent() is not None:
                el.drop_tree()
        self._counted = False
        self._weights, self._squashed = {}, None

    # ------------------------------------------------------------------ the article

    def best_container(self) -> html.HtmlElement | None:
        """The element whose paragraphs hold the most prose, discounted by link text.

        Each text block adds its prose score to its container and, decaying, to a few
        ancestors: CMS editors wrap every paragraph in its own ``div > div > span``.
        """
        scores: dict[html.HtmlElement, float] = {}
        for el in self.root.iter(_SCORED):
            score = prose_score(_direct_text(el))
            if score < MIN_SCORE / 2:
                continue
            anc = el if el.tag not in ("p", "span", "font") else el.getparent()
            for depth in range(_ANCESTORS):
                if anc is None or not isinstance(anc.tag, str) or anc.tag in ("body", "html"):
                    break
                scores[anc] = scores.get(anc, 0.0) + score / (1 + depth)
                anc = anc.getparent()
        best, best_score = None, 0.0
        for el, score in scores.items():
            score *= 1 - min(self.link_ratio(el), 1.0)
            if score > best_score:
                best, best_score = el, score
        if best_score >= MIN_SCORE:
            return best
        body = self.root.find("body")  # a bare page: the prose sits right in <body>
        return body if body is not None and prose_score(body.text_content()) >= MIN_SCORE else None

    def first_post(self, best: html.HtmlElement) -> html.HtmlElement:
        """On a forum thread or Q&A page every floor's text sits in an element of the same tag and
        first class; the article is the first floor, however long the replies.

        >>> from extractors.formats.blocks import parse_html
        >>> page = Page(parse_html('<div class="msg">楼主提问，大家帮忙看看这个问题。</div>'
        ...                        '<div class="msg">回复：' + "这个问题我也遇到过，后来找售后解决了。" * 3 + '</div>'))
        >>> page.first_post(page.best_container()).text_content()[:4]
        '楼主提问'
        """
        cls = _CLASS_TOKEN.findall(best.get("class") or "")
        if not cls:
            return best
        twins = [el for el in self.root.iter(best.tag) if _CLASS_TOKEN.findall(el.get("class") or "")[:1] == cls[:1]]
        first = twins[0]
        if len(twins) < 2 or first is best or first in best.iterancestors() or best in first.iterancestors() \
                or _depth(first) != _depth(best):
            return best
        return first if prose_score(first.text_content()) >= MIN_SCORE else best

    def body(self) -> list[html.HtmlElement]:
        """The article's elements: the best container, its forum first floor if it is one of a
        thread's, widened to the run it belongs to (:meth:`widen`); empty when the page has no prose."""
        best = self.best_container()
        return self.widen(self.first_post(best)) if best is not None else []

    def text_span(self, nodes: list[html.HtmlElement]) -> tuple[int, int]:
        """Where the text of ``nodes`` begins and ends in document order. Wrappers widened around
        the article may have held a header or footer dropped as chrome; its date and byline are
        outside the article's text, and this span says so."""
        first, last = self.order[nodes[0]], self.order[nodes[0]]
        found = False
        for node in nodes:
            for el in node.iter():
                if not isinstance(el.tag, str) or el not in self.order:
                    continue
                if el.text and el.text.strip():
                    first = first if found else self.order[el]
                    last, found = max(last, self.order[el]), True
                for child in el:
                    if child.tail and child.tail.strip() and child in self.end:
                        first = first if found else self.end[child]
                        last, found = max(last, self.end[child]), True
        return first, last

    def widen(self, best: html.HtmlElement) -> list[html.HtmlElement]:
        """``best`` widened to the article: up through unclosed inline chains whose own text is
        prose (``<font>p1<br><font>p2…``), up through wrappers that hold nothing else, then with
        its run of look-alike siblings (CMS editors wrap each paragraph in its own ``<div>``)."""
        while (parent := best.getparent()) is not None and parent.tag not in ("body", "html"):
            own = _direct_text(parent)
            self.count()
            others = self.chars.get(parent, 0) - self.chars.get(best, 0) - _nonspace(own)
            lone = len(parent) == 1 and not (parent.text or "").strip() and not (best.tail or "").strip()
            chain = prose_score(own) >= MIN_SCORE and others <= 0.2 * self.chars.get(parent, 0) \
                and parent.tag not in BLOCK_TAGS - {"p"}
            if not (lone or chain):
                break
            best = parent
        parent = best.getparent()
        if parent is None or best.get("id"):
            return [best]

        def alike(sib: html.HtmlElement) -> bool:
            return sib.tag == best.tag and sib.get("class") == best.get("class") and not sib.get("id") \
                and self.link_ratio(sib) < 0.3

        siblings = [el for el in parent if isinstance(el.tag, str)]
        at = siblings.index(best)
        lo = hi = at
        while lo > 0 and alike(siblings[lo - 1]):
            lo -= 1
        while hi + 1 < len(siblings) and alike(siblings[hi + 1]):
            hi += 1
        return siblings[lo:hi + 1]
