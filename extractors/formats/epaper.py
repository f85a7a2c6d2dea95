"""E-paper JSON: the ``reader/layout/detailData.do`` answer of the paper's e-paper API.

>>> d = parse('{"bm": "要闻", "bc": "01", "docTitle": "标题<br>副题", "content": "<p>　　本报讯 正文。</p>", '
...           '"docAuthor": "本报记者 王明", "docPubTime": "2025/03/04 00:00:00"}')
>>> d.title, d.subtitle, d.column, d.author, d.published_at, d.paragraphs
('标题', '副题', '要闻', '王明', '2025-03-04T00:00:00+08:00', ['本报讯 正文。'])
"""

from __future__ import annotations

import json
import re
from typing import Any

from extractors.dates import parse_date
from extractors.decode import strip_controls
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import paragraphs, parse_html

_WRAPPERS = ("data", "result", "obj", "rows", "list", "body")
_AUTHOR_PREFIX = re.compile(r"^\s*(?:本报)?(?:特约)?(?:记者|通讯员|作者)\s*[:：]?\s*")


def find_detail(data: Any, depth: int = 0) -> dict[str, Any] | None:
    """The article object: a mapping with ``docTitle`` and ``content``, possibly wrapped once or twice."""
    if isinstance(data, dict):
        if "docTitle" in data or "content" in data:
            return data
        items = [data[k] for k in _WRAPPERS if k in data]
    elif isinstance(data, list):
        items = data[:1]
    else:
        return None
    for item in items:
        if depth < 3 and (found := find_detail(item, depth + 1)) is not None:
            return found
    return None


def looks_like(text: str) -> bool:
    head = text.lstrip()[:1]
    return head in ("{", "[")


def _text(value: Any) -> str:
    """A string field; JSON escapes can smuggle in NUL or lone surrogates, which are dropped."""
    return strip_controls(value)[0] if isinstance(value, str) else ""


def parse(text: str) -> Draft:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: a JSONDecodeError, or an integer of > 4300 digits
        raise ExtractionError(f"not valid JSON: {exc}") from None
    detail = find_detail(data)
    if detail is None:
        raise ExtractionError("JSON has no article object (expected keys docTitle and content)")
    draft = Draft(format="epaper")
    titles = paragraphs(parse_html(_text(detail.get("docTitle"))))
    draft.title = titles[0] if titles else None
    sub = _text(detail.get("docSubTitle")) or " ".join(titles[1:])
    draft.subtitle = sub.strip() or None
    draft.column = _text(detail.get("bm")).strip() or None
    author = _AUTHOR_PREFIX.sub("", _text(detail.get("docAuthor"))).strip()
    draft.author = author or None
    draft.published_at = parse_date(_text(detail.get("docPubTime")))
    draft.paragraphs = paragraphs(parse_html(_text(detail.get("content"))))
    if not draft.paragraphs:
        raise ExtractionError("article object has no content")
    return draft
