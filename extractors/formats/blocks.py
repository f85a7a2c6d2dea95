"""HTML trees to paragraphs of text: block elements and ``<br>`` end a paragraph.

Old CMS pages split bodies with ``<BR>`` and full-width spaces (U+3000)
instead of ``<p>``; both come out as one paragraph per line.

>>> paragraphs(parse_html("<div>　　第一段。<BR>　　第二段，<b>加粗</b>。<p>第三段</p></div>"))
['第一段。', '第二段，加粗。', '第三段']
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from lxml import etree, html

from extractors.formats import ExtractionError

BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul body html".split()
)
SKIP_TAGS = frozenset("script style noscript template iframe object embed svg canvas select option button textarea head".split())
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_WRAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*[\r\n]+[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])")
# huge_tree lifts libxml2's 256-level depth limit, past which it silently drops the rest of a page
# (old CMS pages leave <font> unclosed on every line); the input size is capped by extractors.MAX_BYTES.
_PARSER = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True)


def parse_html(text: str) -> html.HtmlElement:
    """Parse ``text`` with lxml, no network, comments dropped; an empty page gives an empty ``<html>``."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        return html.fromstring("<html></html>")
    root, too_deep = _parse(text)
    if too_deep:  # past libxml2's hard limit (2048 levels): flatten the deepest levels and parse again
        root, too_deep = _parse(flatten(text))
    if too_deep:
        raise ExtractionError(f"HTML nested too deep: {_PARSER.error_log.last_error.message.split(',')[0]}")
    return root if root is not None else html.fromstring("<html></html>")


def _parse(text: str) -> tuple[html.HtmlElement | None, bool]:
    try:
        root = etree.fromstring(text, _PARSER, base_url=None)
    except (etree.ParserError, ValueError):
        root = None
    return root, any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in _PARSER.error_log)


MAX_DEPTH = 256  # elements kept open by :func:`flatten`; libxml2 itself stops at 2048
# dropped whole: the usual cause of such depth is formatting left unclosed on every line
_FORMATTING = frozenset("b big em font i s small span strike strong sub sup u".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Flattener(HTMLParser):
    """Re-emits HTML without formatting tags and without tags opened more than ``MAX_DEPTH`` deep."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []  # tags opened and not yet closed; those past MAX_DEPTH were dropped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORMATTING:
            return
        if tag not in _VOID:  # void tags (<br>, <img>) hold nothing: they are always kept
            self.open.append(tag)
        kept = tag in _VOID or len(self.open) <= MAX_DEPTH
        self.out.append(self.get_starttag_text() or "" if kept else self._dropped(tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return  # a stray end tag, or formatting
        while (closing := self.open.pop()) != tag:  # close what was left open inside, as a browser does
            self.out.append(self._end(closing))
        self.out.append(self._end(tag))

    def _end(self, tag: str) -> str:
        return f"</{tag}>" if len(self.open) < MAX_DEPTH else self._dropped(tag)

    @staticmethod
    def _dropped(tag: str) -> str:
        return "<br>" if tag in BLOCK_TAGS else ""

    def handle_data(self, data: str) -> None:
        self.out.append(data.replace("<", "&lt;"))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten(text: str) -> str:
    """``text`` without formatting tags (``<font>``, ``<b>``…) and without tags opened more than
    ``MAX_DEPTH`` levels deep; no text is lost, and block tags past the limit still end a paragraph.

    >>> deep = "<div>" * 300 + "<font color=red>正文<p>第二段" + "</div>" * 300
    >>> flat = flatten(deep)
    >>> flat.count("<div>"), flat.count("<font"), paragraphs(parse_html(flat))
    (256, 0, ['正文', '第二段'])
    """
    parser = _Flattener()
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


def clean_line(text: str) -> str:
    """Collapse white space inside a paragraph; strip U+3000 indentation.

    >>> clean_line("　　本报讯  日前，\\n广州市")
    '本报讯 日前，广州市'
    """
    if "\n" in text or "\r" in text:
        text = _WRAP.sub("", text)  # a line wrap in the HTML source inside a Chinese sentence
    return _SPACES.sub(" ", text).strip()  # strip(): the white space of \s, U+3000 included


def paragraphs(node: html.HtmlElement) -> list[str]:
    """The non-empty paragraphs of text under ``node``, in document order (iterative: any depth)."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = clean_line("".join(buf))
        if line:
            out.append(line)
        buf.clear()

    walker = etree.iterwalk(node, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP_TAGS:
                walker.skip_subtree()  # still yields its "end", which keeps the tail
                continue
            if tag in BLOCK_TAGS or tag == "br":
                flush()
            if el.text and tag != "br":
                buf.append(el.text)
            continue
        if tag in BLOCK_TAGS:
            flush()
        if el.tail and el is not node:  # the node's own tail is outside it
            buf.append(el.tail)
    flush()
    return out


def text_of(node: html.HtmlElement | None) -> str:
    """All text under ``node`` on one line."""
    return clean_line(" ".join(paragraphs(node))) if node is not None else ""


def inline_text(node: html.HtmlElement) -> str:
    """The text of ``node`` outside nested block elements (their tails included): one paragraph's
    run, however deep its inline tags go, in time linear in the run.

    >>> inline_text(parse_html("<p>第一段<b>加粗</b>。<p>第二段</p>尾</p>").find(".//p"))
    '第一段加粗。'
    """
    out: list[str] = []
    walker = etree.iterwalk(node, events=("start", "end"))
    for event, el in walker:
        if el is node:
            if event == "start":
                out.append(el.text or "")
            continue
        if event == "start":
            if not isinstance(el.tag, str) or el.tag in BLOCK_TAGS or el.tag in SKIP_TAGS:
                walker.skip_subtree()  # still yields its "end", which keeps the tail
            else:
                out.append(el.text or "")
        else:
            out.append(el.tail or "")
    return "".join(out)


def short_text(node: html.HtmlElement, limit: int) -> str | None:
    """``text_of(node)`` when ``node`` holds at most ``limit`` characters, else None; reads no
    further than the limit, so a heading asked of a page-long chain of ``<b>`` costs little.

    >>> short_text(parse_html("<h1>柳州完成采购</h1>").find(".//h1"), 20), short_text(parse_html("<b>" + "字" * 30 + "</b>").find(".//b"), 20)
    ('柳州完成采购', None)
    """
    seen = 0
    for piece in node.itertext():
        seen += len(piece)
        if seen > 4 * limit:  # white space counts here, so allow for indentation
            return None
    text = text_of(node)
    return text if len(text) <= limit else None
