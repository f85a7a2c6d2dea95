"""Plain-text dumps (seed 000): a title line, often repeated, then paragraphs and the site's footer.

>>> d = parse("柳州完成采购任务\\n柳州完成采购任务\\n本报讯 柳州市已完成采购。\\n(柳财)")
>>> d.title, d.paragraphs
('柳州完成采购任务', ['本报讯 柳州市已完成采购。', '(柳财)'])
"""

from __future__ import annotations

import re

from extractors.dates import parse_date
from extractors.formats import Draft, ExtractionError
from extractors.formats.blocks import clean_line
from extractors.formats.headings import same_text

_MAX_TITLE = 80
_SENTENCE_END = re.compile(r"[。！？!?；;]$")
_DATE_LINE = re.compile(r"^\s*(?:(?:发布)?(?:时间|日期)\s*[:：])?\s*[\d年月日:：/\-\s]+$")


def parse(text: str) -> Draft:
    lines = [clean_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ExtractionError("the text is empty")
    draft = Draft(format="text")
    first = lines[0]
    if len(first) <= _MAX_TITLE and not _SENTENCE_END.search(first) and len(lines) > 1:
        draft.title = first
        rest = lines[1:]
        while rest and same_text(rest[0], first):  # the dump repeats the title line
            rest = rest[1:]
    else:
        draft.warnings.append("no title line: the first line reads as prose")
        rest = lines
    if rest and len(rest[0]) < 40 and _DATE_LINE.match(rest[0]) and (date := parse_date(rest[0])):
        draft.published_at, rest = date, rest[1:]
    draft.paragraphs = rest
    return draft
