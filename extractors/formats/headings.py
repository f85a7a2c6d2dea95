"""Peel the heading block off the top of an article body.

Procurement papers open a post with a column banner (新闻第一站), a centred
bold title and a centred bold subtitle before the first paragraph of prose.

>>> peel([("新闻第一站", False), ("广州交出答卷", True), ("交易额达15077余万元", True), ("本报讯日前……", None)], "广州交出答卷")
('新闻第一站', '广州交出答卷', '交易额达15077余万元', 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import html

from extractors.formats.blocks import clean_line, paragraphs, text_of

_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"strong", "b"}
_MAX_HEADING = 80
_SQUASH = re.compile(r"[\s\W_]+")


def heading_kind(el: html.HtmlElement, text: str | None = None) -> bool | None:
    """``True`` for a centred heading, ``False`` for another heading (all bold), ``None`` for prose;
    ``text`` is ``text_of(el)`` when the caller has it."""
    text = text_of(el) if text is None else text
    if not text or len(text) > _MAX_HEADING:
        return None
    centred = (el.get("align") or "").lower() == "center" or "center" in (el.get("style") or "").replace(" ", "") or el.tag == "center"
    if el.tag in _HEADING_TAGS:
        return True if centred or el.tag in ("h1", "h2") else False
    bold = "".join(text_of(b) for b in el.iter(*_BOLD_TAGS))
    all_bold = bool(bold) and len(_SQUASH.sub("", bold)) >= len(_SQUASH.sub("", text)) > 0
    if centred and (all_bold or len(text) <= 40):
        return True
    return False if all_bold else None


def heading_blocks(nodes: Iterable[html.HtmlElement]) -> list[tuple[list[str], bool | None]]:
    """Each node's paragraphs and :func:`heading_kind` (paragraphs computed once).

    >>> from extractors.formats.blocks import parse_html
    >>> heading_blocks(parse_html("<p align=center><b>标题</b></p><p>正文。</p>").find("body"))
    [(['标题'], True), (['正文。'], None)]
    """
    blocks = []
    for el in nodes:
        ps = paragraphs(el)
        blocks.append((ps, heading_kind(el, clean_line(" ".join(ps)))))
    return blocks


def squash(text: str) -> str:
    """``text`` without spaces and punctuation."""
    return _SQUASH.sub("", text)


def same_text(a: str | None, b: str | None) -> bool:
    """Equal once spaces and punctuation are ignored."""
    return bool(a and b) and squash(a) == squash(b)


def peel(blocks: list[tuple[str, bool | None]], title: str | None) -> tuple[str | None, str | None, str | None, int]:
    """Split leading heading ``blocks`` (text, kind) into column, title, subtitle; return where prose starts."""
    lead = 0
    while lead < len(blocks) and blocks[lead][1] is not None:
        lead += 1
    heads = blocks[:lead]
    if not heads or lead == len(blocks):
        return None, title, None, 0
    at = next((i for i, (text, _) in enumerate(heads) if same_text(text, title)), None)
    if at is None:
        at = next((i for i, (_, centred) in enumerate(heads) if centred), None)
    if at is None:  # bold lines but no title among them: treat them as a banner only if one short line
        return (heads[0][0], title, None, 1) if lead == 1 and len(heads[0][0]) <= 12 else (None, title, None, 0)
    column = " ".join(t for t, _ in heads[:at]) or None
    subtitle = " ".join(t for t, _ in heads[at + 1:]) or None
    return column, title or heads[at][0], subtitle, lead
