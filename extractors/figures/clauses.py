"""A text's structure as figures need it: paragraphs, sentences, clauses and words.

A paragraph is a line; a sentence ends at 。！？ or ；; a clause ends at a
comma or a colon. Words come from jieba's dictionary and
algorithm (compiled in rjieba) with part-of-speech tags, plus the words of
procurement reports that jieba would split (``lexicon.txt``: 脱贫地区,
政采贷, 市本级 …), so that a metric's phrase can be read word by word.

>>> layout = Layout("全省采购3亿元，节约资金2亿元。其中，货物类1亿元。\\n新段落")
>>> [layout.text[s:e] for s, e in layout.sentences], layout.clause_at(10), layout.paragraph_at(28)
(['全省采购3亿元，节约资金2亿元。', '其中，货物类1亿元。', '新段落'], (8, 16), (27, 30))
>>> ranked = Layout("增幅最大，达15.8%，其次")
>>> [ranked.text[s:e] for s, e in ranked.clauses]
['增幅最大，达15.8%，', '其次']
>>> [(w.text, w.tag) for w in words("采购脱贫地区农副产品")]
[('采购', 'v'), ('脱贫地区', 'n'), ('农副产品', 'n')]
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import NamedTuple
from importlib.resources import files

PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")
# a comma after the largest rate of change before its figure does not end the clause: 服务类采购增幅最大，达15.8%
RANKED = "|".join(r + s for r in ("增幅", "增速", "降幅", "涨幅") for s in ("最大", "最高", "最快", "最小", "最低", "最慢"))
RANKED_COMMA = rf"(?<={RANKED})[，,](?=(?:达到|达|为|是|约为|约|超过|突破)?[\d一二三四五六七八九两])"
CLAUSE = re.compile(rf"(?:[^，,：:。！？；!?;\n]|{RANKED_COMMA})+[，,：:。！？；!?;]*")


HEADING = 24  # characters: a line this short, ending without a sentence's mark, heads what follows


def heads(line: str) -> bool:
    """Whether ``line`` reads as a heading: short, and not ended as a sentence or clause is.

    >>> heads("三、2026年工作打算"), heads("二、电子卖场运行情况"), heads("全年交易额1500亿元。")
    (True, True, False)
    """
    line = line.strip()
    return bool(line) and len(line) <= HEADING and line[-1] not in "。；;，,：:！？"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


class Layout:
    """The paragraphs, sentences and clauses of ``text`` as (start, end) spans, found by offset."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs = _spans(PARAGRAPH, text)
        self.sentences = _spans(SENTENCE, text)
        self.clauses = _spans(CLAUSE, text)
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._clause_starts = [s for s, _ in self.clauses]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._paragraph_starts, pos) - 1
        return self.paragraphs[i] if i >= 0 else (0, 0)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 else (0, 0)

    def paragraph_back(self, pos: int, k: int) -> int:
        """Where the paragraph ``k`` before the one at ``pos`` starts (the first paragraph's start at most)."""
        i = bisect_right(self._paragraph_starts, pos) - 1
        return self.paragraphs[max(0, i - k)][0] if self.paragraphs else 0

    def clause_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._clause_starts, pos) - 1
        return self.clauses[i] if i >= 0 else (0, 0)


class Word(NamedTuple):
    text: str
    tag: str  # jieba's part of speech: n noun, v verb, vn verbal noun, m numeral, p preposition …
    start: int


@functools.cache
def _tokenizer():  # type: ignore[no-untyped-def]
    """A tokenizer of its own (jieba's dictionary, loaded once per process) with ``lexicon.txt``
    added: jieba's default tokenizer, which other code may use, is left alone."""
    import rjieba  # 0.1 s to load the dictionary: only when a text has figures to read

    tokenizer = rjieba.Jieba()
    for line in files("extractors.figures").joinpath("lexicon.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *rest = line.split()  # 政府采购 n; 其中 r 100000
            tokenizer.add_word(word, int(rest[1]) if len(rest) > 1 else None, rest[0] if rest else "n")
    return tokenizer


SUFFIXES = {"率"}  # bound suffixes jieba leaves alone (降/本/率, 执行/率): one noun with the word before


@functools.lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` and their tags (HMM off: the same characters always cut the same way), a
    bound suffix joined to the word before it. Cached: metrics are read word by word many times.

    >>> tagged("综合降本率"), tagged("履约率")
    ((('综合', 'vn'), ('降本率', 'n')), (('履约率', 'n'),))
    """
    out: list[tuple[str, str]] = []
    for word, tag in _tokenizer().tag(text, False):
        if word in SUFFIXES and out and "\u4e00" <= out[-1][0][-1] <= "\u9fff":
            head = out.pop()  # 降 + 本 + 率: the one- or two-character stem before the suffix
            if len(head[0]) == 1 and out and len(out[-1][0]) == 1 and out[-1][1] not in ("m", "x"):
                head = (out.pop()[0] + head[0], head[1])
            out.append((head[0] + word, "n"))
        else:
            out.append((word, tag))
    return tuple(out)


def words(text: str, offset: int = 0) -> list[Word]:
    """:func:`tagged` words with their offsets (``text`` standing at ``offset``)."""
    out, pos = [], offset
    for word, tag in tagged(text):
        out.append(Word(word, tag, pos))
        pos += len(word)
    return out
