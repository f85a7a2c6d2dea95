"""Pure extraction: bytes in, :class:`~extractors.record.Article` out. No I/O, no database.

Formats are recognised by content, not by file name: front matter makes a
Jekyll post, a JSON object an e-paper article, markup an HTML page, anything
else a text dump. Every format then goes through the same finishing steps:
text repair (mojibake, pinyin annotations, traditional → simplified),
boilerplate removal (footer, navigation, byline, source line) and figures.

>>> art = extract("本报讯 柳州市已完成采购1955.96万元。".join(["柳州完成采购任务\\n", ""]).encode("gbk"), path="a.txt")
>>> art.title, art.body, art.encoding, art.figures[0].value_yuan
('柳州完成采购任务', '本报讯 柳州市已完成采购1955.96万元。', 'gb18030', 19559600)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from extractors.boilerplate import split_body
from extractors.decode import decode, not_text, strip_controls
from extractors.figures import extract_figures
from extractors.formats import Draft, ExtractionError, epaper, html, jekyll, textdump
from extractors.formats.headings import same_text
from extractors.record import Article, Figure
from extractors.text import repair

__all__ = ["Article", "Figure", "ExtractionError", "EXTRACTOR_VERSION", "extract", "extract_text", "detect_format", "peek", "Peek"]

# Bump when a change to extraction should reach archived articles through `cgpn reextract`.
EXTRACTOR_VERSION = "19"

MAX_BYTES = 32 * 1024 * 1024


def detect_format(text: str) -> str:
    """``jekyll``, ``epaper``, ``html`` or ``text``, from the content alone.

    >>> detect_format("---\\ntitle: x\\n---\\nbody"), detect_format('{"docTitle": "x"}'), detect_format("<p>x</p>")
    ('jekyll', 'epaper', 'html')
    """
    if jekyll.looks_like(text):
        return "jekyll"
    if epaper.looks_like(text):
        return "epaper"
    if html.looks_like(text):
        return "html"
    return "text"


def _draft(text: str, url: str | None, path: str | None = None) -> Draft:
    kind = detect_format(text)
    if kind == "epaper":
        try:
            return epaper.parse(text)
        except ExtractionError:
            if not html.looks_like(text):
                raise
            kind = "html"
    if kind == "jekyll":
        return jekyll.parse(text, path or url)
    if kind == "html":
        return html.parse(text, url)
    return textdump.parse(text)


def _clean_field(value: str | None, art: Article) -> str | None:
    if not value:
        return value
    fixed = repair(value)
    for name in fixed.repairs:
        art.add_repair(name)
    return fixed.text.strip() or None


def finish(draft: Draft, art: Article) -> Article:
    """Repair, drop boilerplate, simplify and find figures: the steps every format shares.

    Each paragraph is repaired on its own, so the repairs and warnings recorded are
    those of the paragraphs kept, not of the footer thrown away.
    """
    fixed = [repair(p) for p in draft.paragraphs]
    split = split_body([f.text for f in fixed])
    kept = [fixed[i] for i in split.body]
    if split.removed:
        art.add_repair("boilerplate")
    for f in kept:
        for name in f.repairs:
            art.add_repair(name)
    art.warnings.extend(draft.warnings)
    for w in (w for f in kept for w in f.warnings):
        art.warn(w)
    art.script = "hant" if any(f.script == "hant" for f in kept) else "hans"
    art.title = _clean_field(draft.title, art) or ""
    art.subtitle = _clean_field(draft.subtitle, art)
    art.column = _clean_field(draft.column, art)
    art.author = _clean_field(draft.author or split.author or draft.fallback_author, art)
    art.publisher = _clean_field(draft.publisher or split.publisher, art)
    pairs = [(f.text.strip(), f.unsimplified.strip()) for f in kept if f.text.strip()]
    if pairs and not draft.title_from_text and same_text(pairs[0][0], art.title):  # a title repeated as the first paragraph
        pairs = pairs[1:]
    art.body = "\n".join(text for text, _ in pairs)
    original = "\n".join(orig for _, orig in pairs)
    art.body_original = original if original != art.body else None
    art.published_at = draft.published_at or split.published_at
    art.category, art.tags, art.info_code = draft.category, draft.tags, draft.info_code
    art.url = art.url or draft.url
    art.format = draft.format
    if not art.title:
        art.warn("no title found")
    if not art.published_at:
        art.warn("no publication date found")
    if not art.body:
        raise ExtractionError("no article text left after removing boilerplate")
    try:
        art.figures = extract_figures(art.body, title=art.title, subtitle=art.subtitle, published_at=art.published_at,
                                      author=art.author, publisher=art.publisher, url=art.url, warnings=art.warnings)
    except Exception as e:  # noqa: BLE001  (a bug of the figure reader loses the figures, not the article)
        art.figures = []
        art.warn(f"figures not read: {type(e).__name__}: {e}")
    return art


@contextmanager
def _only_extraction_errors() -> Iterator[None]:
    """Let no exception but :class:`ExtractionError` out: an extractor bug on one page becomes that
    page's error (its type and message), so a caller extracting many pages goes on with the next.

    >>> with _only_extraction_errors():
    ...     [][0]
    Traceback (most recent call last):
    extractors.formats.ExtractionError: IndexError: list index out of range
    """
    try:
        yield
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(f"{type(exc).__name__}: {exc}") from exc


def extract_text(text: str, *, path: str | None = None, url: str | None = None, source: str = "file") -> Article:
    """Extract an article from already-decoded ``text``; raises :class:`ExtractionError` only."""
    with _only_extraction_errors():
        text, controls = strip_controls(text)
        if not text.strip():
            raise ExtractionError("the document is empty")
        art = Article(source=source, path=path, url=url)
        art = finish(_draft(text, url, path), art)
        if controls:
            art.warn(f"{controls} control or invisible characters removed")
        return art


def extract(
    data: bytes,
    *,
    path: str | None = None,
    url: str | None = None,
    source: str = "file",
    content_type: str | None = None,
) -> Article:
    """Extract an article from raw ``data`` as fetched or read; raises :class:`ExtractionError` only."""
    if len(data) > MAX_BYTES:
        raise ExtractionError(f"document is {len(data)} bytes, more than the {MAX_BYTES} byte limit")
    with _only_extraction_errors():
        decoded = decode(data, content_type=content_type)
        if reason := not_text(decoded.text):
            raise ExtractionError(f"not text: {reason} (read as {decoded.encoding})")
    art = extract_text(decoded.text, path=path, url=url, source=source)  # (guarded itself)
    art.encoding = decoded.encoding
    art.warnings[:0] = decoded.warnings
    return art


class Peek(NamedTuple):
    """What a document says of itself before it is extracted (see :func:`peek`)."""

    category: str | None  # the category a Jekyll post declares
    not_a_post: str | None  # why a file of a Jekyll site is no article (a category page, a template)


def peek(data: bytes, path: str | None = None) -> Peek:
    """A Jekyll file's category and whether it is a site page, from its front matter and path alone;
    ``Peek(None, None)`` for other formats.

    >>> peek(b"---\\ncategories: zhongguozhengfucaigoubao\\n---\\nbody")
    Peek(category='zhongguozhengfucaigoubao', not_a_post=None)
    >>> peek(b"---\\nlayout: category\\ncategory: emnews\\n---\\n", path="finews/category/emnews.html")
    Peek(category='emnews', not_a_post='not a post: layout category')
    """
    meta: dict[str, object] = {}
    if not jekyll.template_folder(path):  # a template is skipped unread
        text = decode(data[:jekyll.MAX_FRONT_MATTER + 64]).text
        try:
            meta = jekyll.meta(text)
        except ExtractionError:  # no front matter, or too long: extraction says so
            return Peek(None, None)
    return Peek(jekyll.category(meta), jekyll.not_a_post(meta, path))
