"""How likely a character is between its neighbours, by jieba's part-of-speech HMM.

The unigram ``score`` judges a character by how common its words are, so a
frequent one wins where no word spans it: ``有`` beats ``月`` in ``5?1日``.
jieba's part-of-speech tagger is an HMM over characters (word position ×
part of speech) trained on tagged news, where dates, amounts and rates are
written with Chinese numerals: it knows that ``月`` ends a time word after a
numeral and ``达`` is a verb before an amount. Digits are read as those
numerals; the context stops at anything the model has never seen.

>>> tagged_logp("2016年5", "月", "1日起") > tagged_logp("2016年5", "有", "1日起")
True
>>> tagged_logp("均节约率", "达", "2.2%") > tagged_logp("均节约率", "较", "2.2%")
True
>>> tagged_logp("率", "。", "2") is None
True
"""

from __future__ import annotations

from functools import cache, lru_cache
from types import ModuleType

import opencc

# 0 reads 零: the model never saw 〇, which would cut the context at 2023's second digit.
_NUMERALS = str.maketrans("0123456789０１２３４５６７８９", "零一二三四五六七八九" * 2)


@cache
def _posseg() -> ModuleType:
    """jieba's part-of-speech model, loaded on first use (half a second)."""
    import jieba.posseg

    return jieba.posseg


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _known(text: str, reverse: bool) -> str:
    """The longest end (start when ``reverse``) of ``text`` made of characters the model has seen."""
    table = _posseg().char_state_tab_P
    chars = reversed(text) if reverse else iter(text)
    kept = []
    for c in chars:
        if c not in table:
            break
        kept.append(c)
    return "".join(reversed(kept) if reverse else kept)


@lru_cache(maxsize=4096)
def _logp(text: str) -> float:
    """Log-probability of the best tagging of ``text`` (0 for empty text)."""
    if not text:
        return 0.0
    model = _posseg()
    logp, _ = model.viterbi(text, model.char_state_tab_P, model.start_P, model.trans_P, model.emit_P)
    return logp


def tagged_logp(left: str, char: str, right: str) -> float | None:
    """Log-probability that ``char`` joins its neighbours under jieba's tagging HMM: that of the
    stretch with it less those of its sides alone; None when the model has never seen ``char``."""
    window = _t2s().convert(left + char + right)
    if len(window) != len(left) + 1 + len(right):
        window = left + char + right
    window = window.translate(_NUMERALS)
    middle = window[len(left)]
    if middle not in _posseg().char_state_tab_P:
        return None
    before, after = _known(window[: len(left)], reverse=True), _known(window[len(left) + 1 :], reverse=False)
    return _logp(before + middle + after) - _logp(before) - _logp(after)
