"""urls: any pages, listed in a file of URLs, a sitemap.xml (gzipped or not) or an RSS/Atom feed.

The list is either fetched (``--base-url`` names it) or read from a local file
(``--from``). Pages are captured as they are and go through the generic extractor.

>>> feed = b'<rss><channel><item><link>http://a.test/1.html</link>'
>>> feed += b'<pubDate>Tue, 04 Mar 2025 08:00:00 +0800</pubDate></item></channel></rss>'
>>> document_links(feed, "")
[('http://a.test/1.html', False, datetime.date(2025, 3, 4))]
>>> document_links(b"# my list\\nhttp://a.test/2.html\\n\\n", "")
[('http://a.test/2.html', False, None)]
"""

from __future__ import annotations

import datetime as dt
import email.utils
import zlib
from collections.abc import Iterable
from urllib.parse import urljoin

from lxml import etree

from scraper.errors import MarkupChanged, Refused
from scraper.request import Request, Response
from scraper.sources.base import Scope, Source, Yield, meta_scope, range_meta

Link = tuple[str, bool, dt.date | None]  # (URL, is a nested sitemap, date if the list gives one)
MAX_LIST_BYTES = 50 * 1024 * 1024  # the sitemap protocol's limit, uncompressed


def _gunzip(content: bytes) -> bytes:
    """A gzipped sitemap (``sitemap.xml.gz``) unpacked, at most :data:`MAX_LIST_BYTES`.

    >>> import gzip
    >>> _gunzip(gzip.compress(b"<urlset/>"))
    b'<urlset/>'
    >>> _gunzip(b"<urlset/>")
    b'<urlset/>'
    """
    if not content.startswith(b"\x1f\x8b"):
        return content
    unpacker = zlib.decompressobj(wbits=31)
    data = unpacker.decompress(content, MAX_LIST_BYTES)
    if unpacker.unconsumed_tail:
        raise Refused(f"a gzipped list unpacks to more than {MAX_LIST_BYTES} bytes")
    return data


def _date(text: str | None) -> dt.date | None:
    """A W3C (sitemap, Atom) or RFC 822 (RSS) date."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    for child in element:
        if _local(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def _xml_links(root: etree._Element) -> list[Link]:
    kind = _local(root)
    found: list[Link] = []
    for el in root.iter():
        name = _local(el)
        if kind in ("urlset", "sitemapindex") and name in ("url", "sitemap"):
            if loc := _child_text(el, "loc"):
                found.append((loc, name == "sitemap", _date(_child_text(el, "lastmod"))))
        elif kind in ("rss", "RDF") and name == "item":
            if link := _child_text(el, "link") or _child_text(el, "guid"):
                found.append((link, False, _date(_child_text(el, "pubDate", "date"))))
        elif kind == "feed" and name == "entry":
            hrefs = [c.get("href") for c in el if _local(c) == "link" and c.get("rel", "alternate") == "alternate"]
            if hrefs and hrefs[0]:
                found.append((hrefs[0], False, _date(_child_text(el, "published", "updated"))))
    return found


def document_links(content: bytes, base_url: str) -> list[Link]:
    """Links of a sitemap, sitemap index, RSS 2.0/1.0 or Atom feed, or a text file of URLs."""
    content = _gunzip(content)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        found = _xml_links(etree.fromstring(content.strip(), parser))
    except etree.XMLSyntaxError:
        text = content.decode("utf-8", errors="replace")
        lines = (line.strip() for line in text.splitlines())
        found = [(line, False, None) for line in lines if line.lower().startswith(("http://", "https://"))]
    return [(urljoin(base_url, url), nested, day) for url, nested, day in found]


class Urls(Source):
    name = "urls"
    any_host = True
    item_label = "page"

    def start(self, scope: Scope) -> Iterable[Request]:
        if scope.document is not None:
            yield from self._requests(document_links(scope.document, scope.base_url), scope, "--from file")
        else:
            yield Request(scope.base_url, "parse_listing", meta=range_meta(scope))

    def parse_listing(self, response: Response) -> Yield:
        yield from self._requests(document_links(response.content, response.url), meta_scope(response.request), response.url)

    def parse_page(self, response: Response) -> Yield:
        yield response.capture(self.name)

    def _requests(self, found: list[Link], scope: Scope, where: str) -> Iterable[Request]:
        if not found:
            raise MarkupChanged("sitemap <loc>, feed <link> or one URL per line", where)
        for url, nested, day in found:
            if nested:
                yield Request(url, "parse_listing", meta=range_meta(scope))
            elif day is None or scope.covers(day):
                yield Request(url, "parse_page", leaf=True)
