"""Traditional or simplified script, and traditional → simplified with OpenCC.

>>> is_traditional("柳州市財政局加大對脫貧地區農副產品的採購支持力度")
True
>>> to_simplified("柳州市財政局加大對脫貧地區農副產品的採購支持力度")
'柳州市财政局加大对脱贫地区农副产品的采购支持力度'
>>> is_traditional("柳州市财政局加大对脱贫地区农副产品的采购支持力度")
False
>>> to_simplified("軟體與網路", config="tw2sp")
'软件与网络'
"""

from __future__ import annotations

import re
from functools import cache

import opencc


@cache
def converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration (``t2s``, ``tw2sp``, ``s2t`` …), built on first use."""
    return opencc.OpenCC(config)


def to_simplified(text: str, config: str = "t2s") -> str:
    """``text`` in simplified characters; ``config="tw2sp"`` also maps Taiwanese vocabulary."""
    return converter(config).convert(text)


def simplified_in_place(text: str) -> str:
    """``text`` in simplified characters when OpenCC converts it one character for one, else as it is:
    a scorer reading a window around a position needs every character where it was.

    >>> simplified_in_place("平均節約率"), simplified_in_place("乾")
    ('平均节约率', '干')
    """
    s = converter("t2s").convert(text)
    return s if len(s) == len(text) else text


@cache
def _only_in(config: str) -> re.Pattern[str]:
    """A pattern matching the CJK characters that ``config`` changes (those of the other script)."""
    cjk = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = converter(config).convert("\n".join(cjk)).split("\n")
    return re.compile("[" + "".join(c for c, d in zip(cjk, converted) if c != d) + "]")


def is_traditional(text: str) -> bool:
    """True when ``text`` holds more traditional-only than simplified-only characters."""
    traditional = len(_only_in("t2s").findall(text))
    return traditional > 0 and traditional > len(_only_in("s2t").findall(text))


def in_script(chars: list[str], traditional: bool) -> list[str]:
    """The characters of ``chars`` that belong to the given script (all of them if none does).

    >>> in_script(["讓", "让", "讯"], traditional=False)
    ['让', '讯']
    """
    other = _only_in("s2t" if traditional else "t2s")
    return [c for c in chars if not other.match(c)] or chars
