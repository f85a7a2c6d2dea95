"""Jekyll posts: YAML front matter (safe loading) and an HTML/Markdown body.

The finews mirror stores each article of the paper as a post (seed 003):
front matter with title/date/categories/tags, a body opening with the column
banner and the centred title and subtitle, a byline, a copyright notice, the
source line, the original share link and navigation links.

>>> d = parse('---\\ntitle: "标题"\\ndate: 2022-02-14 20:52:19 +0800\\n---\\n<p>本报讯正文。</p>\\n\\n<http://x.cn/NewsShare.html?infoCode=NW2022>')
>>> d.title, d.published_at, d.paragraphs, d.info_code
('标题', '2022-02-14T20:52:19+08:00', ['本报讯正文。', 'http://x.cn/NewsShare.html?infoCode=NW2022'], 'NW2022')
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from markdown_it import MarkdownIt

from extractors.dates import parse_date
from extractors.decode import strip_controls
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import parse_html
from extractors.formats.headings import heading_blocks, peel

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MAX_FRONT_MATTER = 64 * 1024
_SHARE = re.compile(r"https?://[^\s<>()\"']*NewsShare\.html\?infoCode=(?P<code>[A-Za-z]*\d+)[^\s<>()\"']*")
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$", re.M)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MD = MarkdownIt("commonmark", {"html": True})


def looks_like(text: str) -> bool:
    """A document opening with a ``---`` front matter block."""
    return FRONT_MATTER.match(text[:MAX_FRONT_MATTER + 16]) is not None


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


def parse_meta(text: str) -> Draft:
    """A draft holding only what the front matter says."""
    m = FRONT_MATTER.match(text)
    if not m:
        raise ExtractionError("no front matter block (--- … ---) at the start")
    draft = Draft(format="jekyll")
    meta = front_matter(m.group(1), draft.warnings)
    draft.title = _as_str(meta.get("title"))
    draft.published_at = parse_date(meta.get("date") if isinstance(meta.get("date"), (dt.date, str)) else None)
    cats = _as_list(meta.get("categories") or meta.get("category"))
    draft.category = cats[0] if cats else None
    draft.tags = _as_list(meta.get("tags"))
    draft.author = _as_str(meta.get("author"))
    return draft


def parse(text: str) -> Draft:
    draft = parse_meta(text)
    body = FRONT_MATTER.sub("", text, count=1)
    if share := _SHARE.search(body):
        draft.url, draft.info_code = share.group(0), share["code"]
    root = parse_html(_MD.render(body))
    top = [el for el in (root.find("body") if root.find("body") is not None else root) if isinstance(el.tag, str)]
    blocks = heading_blocks(top)
    flat = [(" ".join(ps), kind) for ps, kind in blocks if ps]
    column, title, subtitle, start = peel(flat, draft.title)
    draft.column, draft.title, draft.subtitle = column, title, subtitle
    kept = [ps for ps, _ in blocks if ps]
    draft.paragraphs = [p for ps in kept[start:] for p in ps]
    return draft
