"""UTF-8 bytes decoded with the wrong codec: as GBK (``鍙互``) or as latin-1/cp1252 (``ä¸­å›½``).

UTF-8 read as GBK turns every three bytes into one and a half characters,
mostly rare ones; encoding the run back to GB18030 and decoding it as UTF-8
restores it. A byte the GBK decoder could not place shows as ``�`` (or ``?``):
the character it belonged to is guessed from its other bytes by how well it
reads (``score``), and reported.

>>> damaged = "截至今年6月底，柳州市已完成脱贫地区农副产品采购1955.96万元".encode().decode("gb18030", "replace")
>>> fix_utf8_as_gbk(damaged)
Fixed(text='截至今年6月底，柳州市已完成脱贫地区农副产品采购1955.96万元', warnings=['utf8-as-gbk: 1 bytes lost near 月底，柳州市已完成脱贫地, 1 characters guessed'])

UTF-8 read as latin-1 or cp1252 is ftfy's job:

>>> fix_latin1("å\\x8f¯ä»¥ç\\xa0´æ\\x9c\\x88ã\\x80\\x81ç\\xa0´å\\xad£è®¢é\\x98\\x85")
'可以破月、破季订阅'
"""

from __future__ import annotations

import re
from typing import NamedTuple

import ftfy

from extractors.text.score import is_rare, rare_count, score
from extractors.text.script import in_script, is_traditional

# A lead byte of UTF-8 (é, ä …) followed by a continuation byte as latin-1 or cp1252 shows it.
_LATIN1_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Characters a GBK decoder makes of UTF-8: anything but ASCII; U+FFFD and ? stand for one lost byte.
_GBK_RUN = re.compile(r"[^\x00-\x7f]+(?:[?\ufffd][^\x00-\x7f]*)*")
LOST = "?\ufffd"
_CONTEXT = 4  # characters on each side that judge a guess


class Fixed(NamedTuple):
    """A repaired text and what could not be repaired for sure."""

    text: str
    warnings: list[str]


def has_latin1_mojibake(text: str) -> bool:
    """Cheap detector: a UTF-8 lead byte shown as latin-1 followed by a continuation byte."""
    return _LATIN1_MOJIBAKE.search(text) is not None


def fix_latin1(text: str) -> str:
    """ftfy's encoding repair, line by line, on the lines that show latin-1 mojibake."""
    return "\n".join(ftfy.fix_encoding(line) if has_latin1_mojibake(line) else line for line in text.split("\n"))


def has_gbk_mojibake(text: str) -> bool:
    """Cheap detector: a rare character (UTF-8 read as GBK is half made of them)."""
    return rare_count(text) > 0


def _utf8_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    return 0


# Lead bytes of the three-byte characters of Chinese text: punctuation (E3), Han (E4-E9), full width (EF).
_LEADS = [*range(0xE3, 0xEA), 0xEF]


def _candidates(seq: list[int | None]) -> list[str]:
    """Characters whose UTF-8 bytes fit ``seq``, where None is an unknown byte.

    When bytes are unknown only characters common in Chinese prose are offered.

    >>> _candidates([0xE4, 0xB8, None])[:4]
    ['一', '丁', '七', '万']
    >>> len(_candidates([0xE8, None, None]))
    1000
    """
    trials: list[list[int]] = [[]]
    for i, b in enumerate(seq):
        options = [b] if b is not None else _LEADS if i == 0 else range(0x80, 0xC0)
        trials = [t + [o] for t in trials for o in options]
    found = []
    for trial in trials:
        try:
            found.append(bytes(trial).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    if len(found) > 1:
        found = [c for c in found if not is_rare(c)]
    return found


def _decode_from(data: list[int | None], start: int) -> tuple[list[list[str]], int]:
    """Decode UTF-8 from ``data[start:]`` while it stays valid: candidates per character, end offset.

    The end offset passes ``len(data)`` when the last character lost its final byte.
    """
    chars, i = [], start
    while i < len(data):
        lead = data[i]
        n = 3 if lead is None else _utf8_length(lead)
        missing = i + n - len(data)
        found = _candidates(data[i : i + n] + [None] * missing) if n and missing <= 2 else []
        if not found:
            break
        chars.append(found)
        i += n
    return chars, i


def _choose(chars: list[list[str]], before: str, after: str) -> tuple[str, int]:
    """Pick each uncertain character by how well it reads between its neighbours; count guesses."""
    text = [*before[-_CONTEXT:], *(c[0] if len(c) == 1 else "\ufffd" for c in chars), *after[:_CONTEXT]]
    chars = [[c] for c in before[-_CONTEXT:]] + chars + [[c] for c in after[:_CONTEXT]]
    traditional = is_traditional("".join(text))
    guesses = 0
    for i, options in enumerate(chars):
        if len(options) > 1:
            left, right = "".join(text[max(0, i - _CONTEXT) : i]), "".join(text[i + 1 : i + 1 + _CONTEXT])
            text[i] = max(in_script(options, traditional), key=lambda c: score(left + c + right))
            guesses += 1
    return "".join(text[len(before[-_CONTEXT:]) : len(text) - len(after[:_CONTEXT])]), guesses


def _repair_run(run: str, least: int, before: str, after: str) -> tuple[str, int, int]:
    """The run with its UTF-8-as-GBK stretches decoded; bytes lost and characters guessed.

    ``before`` and ``after`` are the text around the run, the context of guesses.
    """
    data: list[int | None] = []
    starts = []  # byte offset where each character of the run starts
    for c in run:
        starts.append(len(data))
        data.extend([None] if c in LOST else c.encode("gb18030"))
    out, pos, lost, guessed = [], 0, 0, 0
    char = 0
    while char < len(run):
        chars, end = _decode_from(data, starts[char])
        stop = next((k for k in range(char, len(run)) if starts[k] >= end), len(run))
        if len(chars) >= least and stop - char >= least and any(ord(c[0]) >= 0x2E80 for c in chars):
            decoded, guesses = _choose(chars, before + "".join(out) + run[pos:char], after)
            if score(decoded) > score(run[char:stop]) + 1.0:
                out.append(run[pos:char] + decoded)
                lost += sum(c in LOST for c in run[char:stop]) + max(0, end - len(data))
                guessed += guesses
                pos = char = stop
                continue
        char += 1
    out.append(run[pos:])
    return "".join(out), lost, guessed


def fix_utf8_as_gbk(text: str) -> Fixed:
    """Decode back to UTF-8 the runs of ``text`` that are UTF-8 bytes shown as GBK.

    Runs of two characters or more go first; once they proved the text is
    mojibake, single characters (the last one of a run, say) follow.
    """
    warnings = []

    def repl(m: re.Match[str], least: int) -> str:
        if not rare_count(m[0]) and not (least == 1 and any(c in LOST for c in m[0])):
            return m[0]
        line_start = m.string.rfind("\n", 0, m.start()) + 1
        fixed, lost, guessed = _repair_run(m[0], least, m.string[line_start : m.start()], m.string[m.end() : m.end() + _CONTEXT])
        if lost:
            warnings.append(f"utf8-as-gbk: {lost} bytes lost near {fixed[:12]}, {guessed} characters guessed")
        return fixed

    fixed = _GBK_RUN.sub(lambda m: repl(m, 2), text)
    if fixed != text:
        fixed = _GBK_RUN.sub(lambda m: repl(m, 1), fixed)
    return Fixed(fixed, warnings)
