"""Text as stored in the full-text index: jieba words separated by spaces.

>>> index_text("广州市政府采购")
'广州 州市 市政 政府 广州市 市政府 广州市政府 采购'
"""

from __future__ import annotations

import jieba

jieba.setLogLevel(60)


def index_text(text: str) -> str:
    """Segment ``text`` for FTS5's unicode61 tokenizer."""
    return " ".join(w for w in jieba.cut_for_search(text or "") if w.strip())
