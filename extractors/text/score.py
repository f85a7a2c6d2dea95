"""How well a piece of Chinese reads: the repairs' judge between candidates.

``score`` is the mean log-probability per character of the best segmentation
under jieba's word-frequency dictionary (the unigram model jieba itself uses),
computed on the simplified form, so traditional text is judged like simplified.
Mojibake is made of rare characters that form no words and scores far lower:

>>> round(score("可以破月、破季订阅"), 1), round(score("梢云圃、破季订阅"), 1)
(-6.6, -8.8)
>>> score("以實際行動踐行") > score("ㄒ實際行動")
True
>>> score("本报讯 日前") > score("本报让 日前")
True

``is_rare`` is the cheap detector in front of the byte-level repairs: a
character outside GB2312 level 1 (and its traditional forms) and outside common
punctuation. Shifted or misdecoded GBK text is half made of such characters;
clean text almost never has two close together.

>>> [c for c in "零售每份3元，鍙互鐮存湀、破季訂閱" if is_rare(c)]
['鍙', '湀']
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources

import opencc

from extractors.text.charlm import fit
from extractors.text.script import converter, simplified_in_place

# Punctuation of Chinese prose: as likely as a common word, never rare.
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』〔〕,.;:!?()[]\"' \u3000%％￥-"
# Marks newspapers set before bylines and list items (□本报记者 王硕, ①…): clean text, not damage.
BULLETS = "□■○●◇◆☆★△▲※→" + "".join(chr(c) for c in range(0x2460, 0x2474))  # and ①–⑳
# Signs of figures and units in specifications and prices (≤15 kg, ±0.5, 25℃, €120亿): clean text, not damage.
SIGNS = "±×÷≈≠≤≥‰°℃€£¥§№µ"
# Log-probabilities of punctuation, by how often Chinese news uses it; other punctuation and ASCII -8.
_PUNCT_LOGP = {"，": -3.5, "。": -4.0, "、": -5.0, "“": -5.5, "”": -5.5, "：": -6.0, "；": -6.5, "（": -6.5, "）": -6.5,
               "《": -6.5, "》": -6.5, "？": -7.0, "！": -7.0, "\u3000": -9.0}
# A character that may be damaged or not (a ? that may stand for a lost byte) reads as a typical one.
UNSURE = "\x01"
_UNSURE_LOGP = -9.5
# Letters of pinyin with tone marks: their own repair removes them, they are not mojibake.
PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
# Datelines of a news outlet's own story (本报讯: "this paper reports"), which open most articles of the
# press this project reads; jieba's dictionary counts 本报讯 and 新华社讯 3 times. Each reads as often
# as the outlet's name it extends.
_DATELINES = ("本报讯", "本刊讯", "新华社讯", "中新社讯")
# Weight of the character model against jieba's words in ``between`` (1, 1.5, 2 and 3 tried: 1.5 is as
# good as any on the repair benchmark's seeds and best on real paragraphs, those of tests/data/figures).
_CHARACTERS = 1.5
# Share of the candidate's own frequency as a word taken back out of jieba's part in ``between``: the
# character model already holds it, counted twice it makes frequent characters win where they do not
# fit (中 for 市, 还 for 花). 0.5 measured best on the benchmark's seeds (0.25 no gain, 1 costs the lost
# characters of UTF-8 read as GBK a fifth of their paragraphs).
_OWN = 0.5


@cache
def _model() -> tuple[dict[str, int], dict[str, int], float, int]:
    """jieba's dictionary (its ``dict.txt`` read once, when damaged text is first scored; jieba itself is
    neither imported nor initialised, which takes twice as long), datelines added: frequencies, log of
    the total, longest word."""
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    fields = text.split()  # 政府采购 1258 n: word, count, tag on every line (read as one stream: 3× faster)
    if len(fields) == 3 * text.count("\n"):
        words, counts = fields[0::3], list(map(int, fields[1::3]))
    else:  # a dictionary with lines of two fields
        rows = [line.split()[:2] for line in text.splitlines() if line.strip()]
        words, counts = [w for w, _ in rows], [int(n) for _, n in rows]
    freq = dict(zip(words, counts))
    total = sum(counts)  # over every line, as jieba counts it (a word listed twice counts twice)
    datelines = {word: max(freq.get(word, 0), freq.get(word[:-1], 0)) for word in _DATELINES}
    return freq, datelines, math.log(total), max(map(len, freq))


def _logp(freq: dict[str, int], datelines: dict[str, int], logtotal: float, word: str) -> float | None:
    n = datelines.get(word) or freq.get(word)
    if n:
        return math.log(n) - logtotal
    if len(word) == 1:
        if word == UNSURE:
            return _UNSURE_LOGP
        if word in PUNCTUATION or (word.isascii() and word != "\x00") or word in PINYIN_LETTERS or "\uff01" <= word <= "\uff5e":
            return _PUNCT_LOGP.get(word, -8.0)
        return math.log(0.5) - logtotal
    return None


def score(text: str) -> float:
    """Mean log-probability per character of ``text`` (0 for empty text); higher reads better."""
    if not text:
        return 0.0
    freq, datelines, logtotal, longest = _model()
    s = simplified_in_place(text).replace("\ufffd", "\x00")  # a lost byte reads as an unknown character
    n = len(s)
    best = [0.0] * (n + 1)
    for end in range(1, n + 1):
        candidates = []
        for start in range(max(0, end - longest), end):
            lp = _logp(freq, datelines, logtotal, s[start:end])
            if lp is not None:
                candidates.append(best[start] + lp)
        best[end] = max(candidates)
    return best[n] / n


def between(left: str, char: str, right: str, further: str | None = None) -> float:
    """How well ``char`` reads between ``left`` and ``right``: the log-probability of the stretch by
    jieba's words (less part of ``char``'s own, ``_OWN``) plus that of the characters around ``char`` by
    the character model of running news text (``charlm``), which reads on into ``further`` (the text
    after ``char``, ``right`` by default).
    The words judge what is a word, the characters what comes before a number or a bracket:

    >>> between("平均节约率", "达", "2.2%") > between("平均节约率", "较", "2.2%")
    True
    """
    stretch = left + char + right
    own = score(char) * len(char)
    return score(stretch) * len(stretch) - _OWN * own + _CHARACTERS * fit(left, char, right if further is None else further)


def _gb2312_level1() -> list[str]:
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:  # the row D7 ends at D7F9
                continue
    return chars


def _convert_each(converter: opencc.OpenCC, chars: list[str]) -> list[str]:
    """Convert characters one by one (newlines keep OpenCC from matching phrases across them)."""
    return converter.convert("\n".join(chars)).split("\n")


COMMON = "common.txt"  # the characters that are not rare, as ranges of code points (derive_common writes it)


def derive_common() -> frozenset[int]:
    """The code points of characters that are not rare, derived with OpenCC (0.3 s: every process used to pay
    it; ``common.txt`` holds the result, and a test keeps the two equal).

    Not rare: ASCII, U+FFFD, common punctuation, bullets and signs, GB2312 level 1 and the
    traditional forms of level-1 characters (區, 購, 閱 …).
    """
    level1 = _gb2312_level1()
    fullwidth = {chr(c) for c in range(0xFF01, 0xFF5F)}  # their own repair narrows them
    chars = (set(level1) | set(PUNCTUATION) | set(PINYIN_LETTERS) | set(BULLETS) | set(SIGNS) | fullwidth | {"\ufffd"}
             | {chr(c) for c in range(128)})
    for config in ("s2t", "s2tw", "s2hk"):
        chars.update(_convert_each(opencc.OpenCC(config), level1))
    cjk = [chr(c) for c in range(0x4E00, 0xA000)]
    chars.update(t for t, s in zip(cjk, _convert_each(converter("t2s"), cjk)) if s in chars)
    return frozenset(map(ord, chars))


def ranges(codes: frozenset[int]) -> list[tuple[int, int]]:
    """Runs of consecutive code points, first and last.

    >>> ranges(frozenset({65, 66, 67, 70}))
    [(65, 67), (70, 70)]
    """
    out: list[list[int]] = []
    for code in sorted(codes):
        if out and out[-1][1] == code - 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return [(a, b) for a, b in out]


def write_common(path: str) -> None:
    """Write :func:`derive_common` as ``common.txt`` reads: one range a line, hexadecimal code points."""
    with open(path, "w", encoding="ascii") as out:
        out.write("".join(f"{a:x} {b:x}\n" for a, b in ranges(derive_common())))


@cache
def _not_rare() -> frozenset[int]:
    """The code points of characters that are not rare (``common.txt``, read once)."""
    codes: set[int] = set()
    for line in resources.files("extractors.text").joinpath(COMMON).read_text(encoding="ascii").splitlines():
        a, b = line.split()
        codes.update(range(int(a, 16), int(b, 16) + 1))
    return frozenset(codes)


def is_rare(char: str) -> bool:
    """True for a CJK character or symbol that clean Chinese prose seldom uses."""
    return ord(char) not in _not_rare()


def is_plausible(char: str) -> bool:
    """True for what a lost byte most likely belonged to: a common Han character or common punctuation."""
    return char in PUNCTUATION or ("\u4e00" <= char <= "\u9fff" and not is_rare(char))


@cache
def _rare() -> re.Pattern[str]:
    """A character class matching one rare character: the complement of :func:`_not_rare`, written as
    ranges of consecutive code points (3,695 of them); ``re`` compiles such a class to a bitmap
    (``BIGCHARSET``), so a search costs a table lookup per character."""
    return re.compile("[^" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                                     for a, b in ranges(_not_rare())) + "]")


def has_rare(text: str) -> bool:
    """True when ``text`` holds a rare character: the detectors' question, answered at the first one
    (about 5× faster than counting them on clean text).

    >>> has_rare("□本报记者 王硕①"), has_rare("鍙互鐮存湀")
    (False, True)
    """
    return _rare().search(text) is not None


def rare_count(text: str) -> int:
    """How many rare characters ``text`` holds.

    >>> rare_count("□本报记者 王硕①"), rare_count("可以破月".encode().decode("gb18030", errors="replace"))
    (0, 3)
    """
    return len(_rare().findall(text))
