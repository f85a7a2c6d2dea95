"""Pinyin annotations after characters: ``脫貧地區(qū)`` → ``脫貧地區``.

Some sites print each character's reading in brackets after it. A bracketed
syllable is removed only when it is a reading of the character right before
it (pypinyin, every heteronym, the simplified form's readings too), with tone
marks, tone numbers or no tone; real parentheticals stay.

>>> remove_pinyin("柳州提前完成脫貧地區(qū)農(nóng)副產(chǎn)品全年采購(gòu)任務(wù)")
'柳州提前完成脫貧地區農副產品全年采購任務'
>>> remove_pinyin("地区（qu1）(柳財)(PPP)(GMT+8) 中國(guó)")
'地区(柳財)(PPP)(GMT+8) 中國'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from extractors.text.script import to_simplified

_SYLLABLE = r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ:]{1,7}[1-5]?"
_ANNOTATION = re.compile(
    rf"(?P<char>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[ \u3000]?[(（][ \u3000]?(?P<syllable>{_SYLLABLE})[ \u3000]?[)）]"
)
_TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")


_LEADING = re.compile(rf"[ \u3000]?[(（][ \u3000]?({_SYLLABLE})[ \u3000]?[)）]")
_READING = re.compile(f"[(（][a-z{''.join(sorted(_TONE_MARKS))}üê]{{1,6}}[1-5]?[)）]")


def skip_readings(text: str) -> str:
    """``text`` without its bracketed syllables, as the context that judges a guessed character.

    >>> skip_readings("交通(tōng)運(yùn)")
    '交通運'
    """
    return _READING.sub("", text)


def leading_syllable(text: str) -> str | None:
    """The bracketed syllable ``text`` starts with, if any: ``(qū)農`` → ``qū``."""
    m = _LEADING.match(text)
    return m[1] if m else None


def has_pinyin(text: str) -> bool:
    """Cheap detector: a bracketed lowercase syllable right after a Han character."""
    return _ANNOTATION.search(text) is not None


def _plain(syllable: str) -> str:
    """Toneless, ü spelt v: ``lǜ`` → ``lv``, ``nv3`` → ``nv``."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
    return stripped.rstrip("12345").replace("ü", "v").replace("u:", "v")


@cache
def readings(char: str) -> frozenset[str]:
    """Every reading of ``char`` (and of its simplified form) as tone marks, tone numbers and plain.

    >>> sorted(r for r in readings("區") if r[-1].isdigit())
    ['gou1', 'kou4', 'ou1', 'qiu1', 'qu1']
    """
    from pypinyin import Style, pinyin  # loads its dictionaries (0.2-0.3 s): only when an annotation is met

    out: set[str] = set()
    for form in {char, to_simplified(char)}:
        for style in (Style.TONE, Style.TONE3):
            for reading in pinyin(form, style=style, heteronym=True, neutral_tone_with_five=True)[0]:
                out.add(reading.replace("ü", "v") if style is Style.TONE3 else reading)
    out |= {_plain(r) for r in out}
    return frozenset(out)


def is_reading(char: str, syllable: str) -> bool:
    """True when ``syllable`` (tone marks, tone number or none) is a reading of ``char``.

    >>> is_reading("區", "qū"), is_reading("區", "qu1"), is_reading("區", "qu"), is_reading("區", "qǔ")
    (True, True, True, False)
    """
    if any(c in _TONE_MARKS for c in syllable):
        return syllable in readings(char)
    if syllable[-1].isdigit():
        return syllable.replace("ü", "v").replace("u:", "v") in readings(char)
    return _plain(syllable) in readings(char)


def remove_pinyin(text: str) -> str:
    """Drop every bracketed syllable that is a reading of the character before it."""
    return _ANNOTATION.sub(lambda m: m["char"] if is_reading(m["char"], m["syllable"]) else m[0], text)
