"""Jekyll posts: YAML front matter (safe loading) and an HTML/Markdown body.

The finews mirror stores each article of the paper as a post (seed 003):
front matter with title/date/categories/tags, a body opening with the column
banner and the centred title and subtitle, a byline, a copyright notice, the
source line, the original share link and navigation links. Its posts also come
with a blank line before the front matter, an empty ``title: ""`` and
``date:  +0800`` (the title is then the body's first heading or its ``> ``
summary line, the date that of the file name or of the info code, with a
warning), a ``> `` summary repeating the first paragraph (it becomes the
subtitle, once), and bodies of the original site's raw HTML: stock-quote
links, images, hidden paragraphs, comments, markup escaped twice
(``&lt;p&gt;``) and empty ``<>`` links.

>>> d = parse('---\\ntitle: "标题"\\ndate: 2022-02-14 20:52:19 +0800\\n---\\n<p>本报讯正文。</p>\\n\\n<http://x.cn/NewsShare.html?infoCode=NW2022>')
>>> d.title, d.published_at, d.paragraphs, d.info_code
('标题', '2022-02-14T20:52:19+08:00', ['本报讯正文。', 'http://x.cn/NewsShare.html?infoCode=NW2022'], 'NW2022')
"""

from __future__ import annotations

import datetime as dt
import html
import re

import yaml
from lxml.html import HtmlElement, defs
from markdown_it import MarkdownIt

from extractors.boilerplate import split_credit
from extractors.dates import parse_date
from extractors.decode import strip_controls
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import parse_html, text_of
from extractors.formats.headings import heading_blocks, peel, squash

FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<lead>(?:[ \t]*\r?\n)*)---[ \t]*\r?\n(?P<block>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MAX_FRONT_MATTER = 64 * 1024
_SHARE = re.compile(r"https?://[^\s<>()\"']*NewsShare\.html\?infoCode=(?P<code>[A-Za-z]*\d+)[^\s<>()\"']*")
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$", re.M)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MD = MarkdownIt("commonmark", {"html": True})
# Markup the original site escaped twice (&lt;p&gt;, &lt;!--more--&gt;); &lt;政府采购法&gt; is text.
_ESCAPED_TAG = re.compile(r"&lt;(?:!--.*?--|/?(?P<tag>[A-Za-z][A-Za-z0-9]*)(?:\s(?:[^<>&]|&(?!gt;))*?)?/?)&gt;", re.S)
_EMPTY_LINK = re.compile(r"^[ \t]*<\s*>[ \t]*$", re.M)  # where a share link with no address stood
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
# File names: _posts/2022-02-14-202202142276022459.md, or -202205262391921712.md when the mirror lost the date;
# the digits are those of the Eastmoney info code NW202202142276022459: yyyymmdd and ten more.
_NAME_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)-")
_CODE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)\d{10}(?!\d)")
_SENTENCE = re.compile(r".+?[。！？!?](?=.)")
POST_LAYOUTS = frozenset({"post", "posts", "article", "news", "single"})
TEMPLATE_FOLDERS = ("_layouts", "_includes")  # a site's templates, never articles


def looks_like(text: str) -> bool:
    """A document opening with a ``---`` front matter block; after blank lines, one holding ``key:`` lines.

    >>> looks_like("\\n---\\ntitle: 标题\\n---\\n正文"), looks_like("\\n---\\n标题\\n---\\n正文")
    (True, False)
    """
    m = FRONT_MATTER.match(text[:MAX_FRONT_MATTER + 16])
    return m is not None and (not m["lead"] or _KEY_LINE.search(m["block"]) is not None)


def _as_str(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return strip_controls(str(value))[0].strip() or None  # YAML escapes can hold NUL or lone surrogates
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [s for v in re.split(r"[\s,，]+", value) if (s := _as_str(v))]
    if isinstance(value, list):
        return [s for v in value[:100] if (s := _as_str(v))]
    return []


def front_matter(block: str, warnings: list[str]) -> dict[str, object]:
    """Load front matter safely; broken YAML falls back to ``key: value`` lines with a warning."""
    if len(block) > MAX_FRONT_MATTER:
        raise ExtractionError(f"front matter is {len(block)} characters, more than {MAX_FRONT_MATTER}")
    try:
        data = yaml.load(block, Loader=_SAFE_LOADER)  # safe loading; the C loader when libyaml is there
        if isinstance(data, dict):
            return data
        warnings.append("front matter is not a mapping")
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # a date like 2022-13-45, deep nesting
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        warnings.append(f"broken front matter{where}: {getattr(exc, 'problem', None) or exc}")
    return {m["key"]: m["value"].strip().strip("\"'") for m in _KEY_LINE.finditer(block)}


def meta(text: str, warnings: list[str] | None = None) -> dict[str, object]:
    """The front matter of ``text`` as a mapping (see :func:`front_matter`)."""
    m = FRONT_MATTER.match(text)
    if not m:
        raise ExtractionError("no front matter block (--- … ---) at the start")
    return front_matter(m["block"], [] if warnings is None else warnings)


def category(meta: dict[str, object]) -> str | None:
    """The (first) category a post declares."""
    cats = _as_list(meta.get("categories") or meta.get("category"))
    return cats[0] if cats else None


def parse_meta(text: str) -> Draft:
    """A draft holding only what the front matter says."""
    draft = Draft(format="jekyll")
    data = meta(text, draft.warnings)
    draft.title = _as_str(data.get("title"))
    draft.published_at = parse_date(data.get("date") if isinstance(data.get("date"), (dt.date, str)) else None)
    draft.category = category(data)
    draft.tags = _as_list(data.get("tags"))
    draft.author = _as_str(data.get("author"))
    return draft


def _folders(path: str | None) -> list[str]:
    return re.split(r"[/\\]", path or "")[:-1]


def template_folder(path: str | None) -> str | None:
    """The folder of templates (``_layouts``, ``_includes``) a file of a Jekyll site lies in, if any.

    >>> template_folder("finews/_includes/head-custom.html"), template_folder("finews/_posts/a.md")
    ('_includes', None)
    """
    return next((f for f in _folders(path) if f in TEMPLATE_FOLDERS), None)


def not_a_post(meta: dict[str, object], path: str | None = None) -> str | None:
    """Why a file of a Jekyll site (front matter ``meta``) is no article: a template, or a page whose
    layout is not a post's; None for a post (under ``_posts/``, or of a post's layout, or of none).

    >>> not_a_post({"layout": "category", "category": "emnews"}, "finews/category/emnews.html")
    'not a post: layout category'
    >>> not_a_post({}, "finews/_layouts/post.html"), not_a_post({"layout": "post"}, "finews/old_post/a.md")
    ('not a post: template in _layouts/', None)
    """
    if folder := template_folder(path):
        return f"not a post: template in {folder}/"
    layout = _as_str(meta.get("layout"))
    if not layout or layout in POST_LAYOUTS or "_posts" in _folders(path):
        return None
    return f"not a post: layout {layout}"


def unescape_tags(body: str) -> str:
    """Markup escaped twice by the original site made markup again; other ``&lt;…&gt;`` stays text.

    >>> unescape_tags("&lt;p&gt;正文&lt;br /&gt;&lt;/p&gt;&lt;!--more--&gt;《&lt;政府采购法&gt;实施条例》")
    '<p>正文<br /></p><!--more-->《&lt;政府采购法&gt;实施条例》'
    """
    def fix(m: re.Match[str]) -> str:
        return html.unescape(m[0]) if m["tag"] is None or m["tag"].lower() in defs.tags else m[0]

    return _ESCAPED_TAG.sub(fix, body) if "&lt;" in body else body


def _prune(root: HtmlElement) -> int:
    """Drop what the page did not show (``display:none``) and the images; return how many images."""
    for el in root.xpath("//*[@style]"):
        if _HIDDEN.search(el.get("style", "")) and el.getparent() is not None:
            el.drop_tree()
    images = root.xpath("//img")
    for img in images:
        img.drop_tree()
    return len(images)


def _day(m: re.Match[str] | None) -> str | None:
    return parse_date(f"{m['y']}-{m['m']}-{m['d']}") if m else None


def _fall_back(draft: Draft, path: str | None, heading: bool, summary: str | None) -> None:
    """An empty title or date in the front matter: the first heading, then the summary's first sentence;
    the date of the file name, then that of the info code (the link's, or the file name's digits)."""
    name = re.split(r"[/\\]", (path or "").split("?")[0])[-1]  # the file name
    if draft.info_code is None and (code := _CODE.search(name)) and _day(code):
        draft.info_code = f"NW{code[0]}"
    if draft.published_at is None:
        for source, m in (("the file name", _NAME_DATE.match(name)), ("the info code", _CODE.search(draft.info_code or ""))):
            if day := _day(m):
                draft.published_at = day
                draft.warnings.append(f"no date in the front matter: taken from {source}")
                break
    if heading:
        draft.warnings.append("no title in the front matter: taken from the first heading")
    elif draft.title is None and summary:
        first = _SENTENCE.match(summary)
        draft.title = (first[0] if first else summary).rstrip("。")
        draft.title_from_text = True
        draft.warnings.append("no title in the front matter: taken from the summary line")


def parse(text: str, path: str | None = None) -> Draft:
    """A post as a draft; ``path`` (or URL) is a hint only: its file name may carry a date and an info code."""
    draft = parse_meta(text)
    body = _EMPTY_LINK.sub("", unescape_tags(FRONT_MATTER.sub("", text, count=1)))
    if share := _SHARE.search(body):
        draft.url, draft.info_code = share.group(0), share["code"]
    root = parse_html(_MD.render(body))
    if images := _prune(root):
        draft.warnings.append(f"{images} image{'s' if images > 1 else ''} left out of the text")
    top = [el for el in (root.find("body") if root.find("body") is not None else root) if isinstance(el.tag, str)]
    summary = text_of(top.pop(0)) if top and top[0].tag == "blockquote" else None  # "> " summary line
    if summary:
        summary, draft.publisher = split_credit(summary)
    blocks = heading_blocks(top)
    flat = [(" ".join(ps), kind) for ps, kind in blocks if ps]
    column, title, subtitle, start = peel(flat, draft.title)
    heading = draft.title is None and title is not None
    draft.column, draft.title, draft.subtitle = column, title, subtitle
    kept = [ps for ps, _ in blocks if ps]
    draft.paragraphs = [p for ps in kept[start:] for p in ps]
    _fall_back(draft, path, heading, summary)
    if summary and not _repeats(summary, draft.paragraphs):
        draft.paragraphs.insert(0, summary)
    elif summary and not draft.title_from_text:
        draft.subtitle = draft.subtitle or summary
    return draft


def _repeats(summary: str, paragraphs: list[str]) -> bool:
    """Whether a summary says again what the first paragraphs say (whole, or cut short with "……")."""
    said = squash(summary)
    return len(said) >= 8 and said in squash("".join(paragraphs[:3]))
