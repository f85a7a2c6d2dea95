"""Chinese text as the full-text index sees it: folded, then segmented by jieba.

SQLite's ``unicode61`` tokenizer splits on spaces and punctuation only, so a
run of Chinese characters would be one token. Both the indexed text and the
query are therefore *folded* (NFKC, traditional→simplified with OpenCC,
lower-case) and *segmented* before they reach FTS5, by jieba's algorithm and
dictionary as compiled in rjieba (jieba-rs: the same words as the Python jieba,
four times as fast):

>>> index_text("脫貧地區農副產品")
'脱贫 地区 脱贫地区 农副 产品 副产品 农副产品 脱 贫 地 区 农 副 产 品'

After the words come the distinct Chinese characters of the text, so a
one-character query (税, 价) finds every article that has the character,
inside any word.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

import jieba
import opencc
import rjieba

# A token is what unicode61 keeps: letters and digits (and marks); \w adds "_".
_TOKEN = re.compile(r"[^\W_]", re.UNICODE)
# The runs jieba cuts one by one. jieba-rs's runs also take the other CJK ideograph blocks, but
# no dictionary word has such a character, so cutting at these gives the same words.
_BLOCK = jieba.re_han_default
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def procurement_words() -> list[str]:
    """The words of archive/words.json that the index adds to jieba's dictionary (带量采购, 预算单位 …)."""
    return json.loads(resources.files("archive").joinpath("words.json").read_text(encoding="utf-8"))["words"]


@functools.cache
def _jieba() -> rjieba.Jieba:
    """jieba's dictionary plus :func:`procurement_words` (jieba's own dictionary left alone)."""
    tokenizer = rjieba.Jieba()
    for word in procurement_words():
        tokenizer.add_word(word, None, None)  # frequency as jieba's add_word suggests it
    return tokenizer


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """Text in the one form the index knows: NFKC, simplified, lower-case.

    >>> fold("ＰＰＰ項目採購８３２平臺")
    'ppp项目采购832平台'
    """
    return _t2s().convert(unicodedata.normalize("NFKC", text)).lower()


def is_token(word: str) -> bool:
    """True when ``word`` holds something FTS5 indexes (not just spaces or punctuation).

    >>> is_token("“"), is_token("832"), is_token("平台")
    (False, True, True)
    """
    return bool(_TOKEN.search(word))


def words(text: str) -> list[str]:
    """The words of already folded ``text`` in reading order (jieba's precise mode).

    HMM guessing of unknown words is off: it
    cuts the same characters differently in different contexts, so a query
    would miss the article it was copied from.

    >>> words("全市预算单位通过“832平台”完成交易")
    ['全市', '预算单位', '通过', '832', '平台', '完成', '交易']
    """
    return [w for w in _jieba().cut(text, hmm=False) if is_token(w)]


def search_words(text: str) -> list[str]:
    """The words of folded ``text``, each preceded by the shorter dictionary words inside it.

    jieba's own ``cut_for_search`` stops at 3 characters; going further puts
    带量采购 in the index wherever 集中带量采购 is.

    >>> search_words("广州市财政局")
    ['广州', '州市', '广州市', '财政', '政局', '财政局']
    >>> search_words("集中带量采购")[-2:]
    ['带量采购', '集中带量采购']
    """
    found: list[str] = []
    for block in _BLOCK.split(text):
        if block:
            found += _block_search_words(block)
    return found


@functools.lru_cache(maxsize=16384)
def _block_search_words(block: str) -> tuple[str, ...]:
    """:func:`search_words` of one of the blocks jieba cuts independently, remembered.

    jieba splits text at ``_BLOCK`` and segments each block on its own, so the
    words of a text are its blocks' words in order; boilerplate clauses that
    recur across articles are segmented once.

    >>> _BLOCK.split("采购人，广州市财政局")
    ['', '采购人', '，', '广州市财政局', '']
    >>> _block_search_words("广州市财政局")
    ('广州', '州市', '广州市', '财政', '政局', '财政局')
    """
    in_dictionary = _jieba().has_word
    found = []
    for word in words(block):
        found += [word[i:i + n] for n in range(2, len(word)) for i in range(len(word) - n + 1) if in_dictionary(word[i:i + n])]
        found.append(word)
    return tuple(found)


def sub_words(word: str) -> list[str]:
    """The dictionary words inside a longer ``word`` (empty for short words).

    An article holding ``word`` inside a longer word (香港特区政府 for
    特区政府) is indexed with all of them, so they are the query's fallback.

    >>> sub_words("特区政府"), sub_words("政府")
    (['特区', '区政', '政府', '区政府'], [])
    """
    return [w for w in search_words(word) if w != word]


def han_chars(text: str) -> list[str]:
    """The distinct Chinese characters of ``text``, in order of first appearance.

    >>> han_chars("增值税退税 VAT")
    ['增', '值', '税', '退']
    """
    return list(dict.fromkeys("".join(HAN_RUN.findall(text))))  # by runs: 40 % faster than by character


def index_text(text: str | None) -> str:
    """What to store in an ``articles_fts`` column for ``text``.

    The folded text's search words in order (so phrases stay adjacent),
    then each distinct Chinese character once (so single characters match).

    >>> index_text("通過“832平臺”完成交易額15077.38萬元")
    '通过 832 平台 完成 交易 交易额 15077 38 万元 通 过 平 台 完 成 交 易 额 万 元'
    >>> index_text(None)
    ''
    """
    if not text:
        return ""
    folded = fold(text)
    return " ".join(search_words(folded) + han_chars(folded))
