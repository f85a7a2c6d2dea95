"""GBK bytes decoded one byte off: ``元??梢云圃?、`` → ``元。可以破月、``.

When a GBK decoder loses a byte, every following pair of bytes straddles two
characters until the next ASCII byte puts it back in step: the run reads as
improbable characters. Encoding the run back to GBK and decoding it one byte
later restores all its characters but the first and last, whose other byte is
either a stray (dropped) or was lost to ``?`` (guessed from the one byte left
by how well it reads, and reported). Of all the windows tried, the one that
reads best wins, and only if it reads clearly better than the damage.
When the repaired sentence is repeated right after it, one copy is kept.

Seed 000 (the lost bytes are the first byte of ``。`` and the last of ``月``):

>>> fix_gbk_shift("零售每份3元??梢云圃?、破季訂閱。 可以破月、破季訂閱。").text
'零售每份3元。可以破月、破季訂閱。'

A stray byte in front of ``采购份额`` (nothing lost):

>>> damaged = (b"\\xb5" + "采购份额".encode("gbk") + b"\\xa1").decode("gbk")
>>> damaged
'挡晒悍荻睢'
>>> fix_gbk_shift("完成预留" + damaged + "，以实际行动").text
'完成预留采购份额，以实际行动'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extractors.text.fixed import Fixed
from extractors.text.pinyin import is_reading, leading_syllable, skip_readings
from extractors.text.score import PUNCTUATION, UNSURE, between, has_rare, is_plausible, is_rare, rare_count, score
from extractors.text.script import in_script, is_traditional

MARKERS = "?\ufffd"  # what a decoder leaves for a byte it could not place
# What a misaligned GBK decoder makes: anything but ASCII (Han, symbols, Greek, Cyrillic …), ? for lost bytes.
_RUN = re.compile(r"[^\x00-\x3e\x40-\x7f]+")
_MARKER_BY_HAN = re.compile(r"[\u2e80-\uffff][?\ufffd]|[?\ufffd][\u2e80-\uffff]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_REACH = 4  # characters of context on each side, and how far a window may start before its first rare character
_MARGIN = 1.0  # how much better (log-probability per character) a repair must read
_GAP = 8  # suspicious characters this close belong to one damaged run (half of a shifted run is rare)
_EXTENT = 1.0  # log-probability each character of a window must earn
_EVIDENCE = 12.0  # log-probability a repair must gain in all: damage is rarer than odd text


def has_gbk_shift(text: str) -> bool:
    """Cheap detector: a rare character, or a lost-byte marker next to a Han character."""
    return has_rare(text) or _MARKER_BY_HAN.search(text) is not None


def _gbk(chars: str) -> bytes | None:
    """The GBK bytes of ``chars`` if each is a two-byte character (``?`` read as ``？``)."""
    try:
        data = chars.replace("?", "？").encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 * len(chars) else None


def _decode(data: bytes) -> str | None:
    """``data`` as two-byte GBK characters only (GB18030 maps the user-defined ones), else None."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if 2 * len(text) == len(data) else None


@lru_cache(maxsize=4096)
def _guess(known: int, known_is_trail: bool, left: str, right: str, further: str, reading: str | None = None) -> str:
    """The best-reading common character with ``known`` as its trail (or lead) byte, and ``reading`` if given
    (the character model reads on into ``further``)."""
    pairs = [bytes([b, known]) if known_is_trail else bytes([known, b]) for b in range(0x40, 0xFF)]
    options = [c for c in map(_decode, pairs) if c and is_plausible(c)]
    if reading:
        options = [c for c in options if is_reading(c, reading)] or options
    if not options:
        return "\ufffd"
    options = in_script(options, is_traditional(left + right))
    return max(options, key=lambda c: between(left, c, right, further))


class _Candidate(NamedTuple):
    start: int  # region of the line replaced
    end: int
    text: str
    guessed: frozenset[int]  # positions in text that were guessed
    lost: int  # bytes lost


def _clusters(run: str) -> list[tuple[int, int]]:
    """First and last positions of each group of suspicious characters (rare ones, lost-byte markers) no
    more than ``_GAP`` apart; a lone rare Han character is a name more often than damage, and is left."""
    suspicious = [k for k, c in enumerate(run) if c in MARKERS or is_rare(c)]
    groups: list[list[int]] = []
    for k in suspicious:
        if groups and k - groups[-1][-1] <= _GAP:
            groups[-1].append(k)
        else:
            groups.append([k])
    return [(g[0], g[-1]) for g in groups if len(g) > 1 or not "\u3400" <= run[g[0]] <= "\u9fff"]


def _candidates(line: str, run_start: int, run: str, first: int, last: int) -> list[_Candidate]:
    """Windows of ``run`` (at ``run_start`` in ``line``) around its suspicious ``first..last``, decoded one byte later."""
    markers = [k for k in range(max(0, first - 1), min(len(run), last + 2)) if run[k] in MARKERS]
    starts = set(range(max(0, first - _REACH), first + 1)) | {m + 1 for m in markers}
    starts |= {m for m in markers if m > 0 and run[m - 1] in MARKERS and run[m] == "?"}
    ends = set(range(last + 1, min(len(run), last + _REACH) + 1)) | set(markers)
    found = []
    for i in sorted(starts):
        for j in sorted(ends):
            window = run[i:j]
            if j - i < 2 or "\ufffd" in window or "?" in window[1:]:
                continue
            data = _gbk(window)
            middle = _decode(data[1:-1]) if data else None
            if middle is None or not data:
                continue
            lost_before = i > 0 and run[i - 1] in MARKERS
            lost_after = j < len(run) and run[j] in MARKERS
            a, b = run_start + i - lost_before, run_start + j + lost_after
            reach = 10 * _REACH  # the line's edges read as line ends
            left = skip_readings("\n" * (a <= reach) + line[max(0, a - reach) : a])[-_REACH:]  # 設(shè)?: 設 judges
            further = re.split("[?\ufffd]", skip_readings(line[b : b + reach] + "\n" * (b + reach >= len(line))))[0]
            right = further[:_REACH]
            head = _guess(data[0], True, left, middle[:_REACH], middle) if lost_before else ""
            reading = leading_syllable(line[b : b + 12])  # a pinyin annotation after the lost character
            tail = _guess(data[-1], False, (left + head + middle)[-_REACH:], right, further, reading) if lost_after else ""
            text = head + middle + tail
            if rare_count(text) >= max(1, rare_count(window)):  # realigned, text is plainer than the damage
                continue
            guessed = frozenset(({0} if head else set()) | ({len(text) - 1} if tail else set()))
            found.append(_Candidate(a, b, text, guessed, lost_before + lost_after))
    return found


def _reads(text: str) -> float:
    """``score`` with each ``?`` read as an ordinary character that may be damaged, not as punctuation:
    a repair must earn its keep by what it realigns, not by filling in question marks."""
    return score(text.replace("?", UNSURE))


def _best(line: str) -> _Candidate | None:
    """The window repair that reads best, if it reads clearly better than the line as it is."""
    for m in _RUN.finditer(line):
        for first, last in _clusters(m[0]):
            candidates = _candidates(line, m.start(), m[0], first, last)
            if not candidates:
                continue
            lo = max(0, min(c.start for c in candidates) - _REACH)
            hi = max(c.end for c in candidates) + _REACH
            base = _reads(line[lo:hi])

            def reads(c: _Candidate) -> float:  # the smaller of two windows that read alike: intact text stays
                return _reads(line[lo : c.start] + c.text + line[c.end : hi]) - _EXTENT * (c.end - c.start) / (hi - lo)

            best = max(candidates, key=reads)
            if reads(best) > base + max(_MARGIN, _EVIDENCE / (hi - lo)):
                return best
    return None


def _drop_repeat(line: str, fix: _Candidate) -> tuple[str, bool]:
    """``line`` with ``fix`` applied; when the repaired sentence is repeated next, only the later copy."""
    rest = line[fix.end :]
    end = _SENTENCE_END.search(rest)
    sentence_end = end.end() if end else len(rest)
    sentence = fix.text + rest[:sentence_end]
    lead = 0
    while lead < len(sentence) and (sentence[lead] in PUNCTUATION or lead in fix.guessed):
        lead += 1
    core = sentence[lead:]
    after = rest[sentence_end:]
    following = after.lstrip(" \u3000")
    if len(core) >= 4 and len(following) >= len(core):
        if all(c == following[k] or k + lead in fix.guessed for k, c in enumerate(core)):
            return line[: fix.start] + "".join(c for c in sentence[:lead] if c in PUNCTUATION) + following, True
    return line[: fix.start] + fix.text + rest, False


def _fix_line(line: str) -> tuple[str, list[str]]:
    warnings = []
    for _ in range(8):  # one window per round; a line seldom holds more than a few
        fix = _best(line)
        if fix is None:
            break
        near = line[max(0, fix.start - 8) : fix.start]
        line, repeated = _drop_repeat(line, fix)
        if fix.lost:
            how = "kept the copy that follows" if repeated else "guessed " + "".join(fix.text[k] for k in sorted(fix.guessed))
            warnings.append(f"gbk-shift: {fix.lost} bytes lost to '?' near {near}, {how}")
    return line, warnings


def fix_gbk_shift(text: str) -> Fixed:
    """Realign the runs of ``text`` that were decoded one byte off, line by line."""
    lines, warnings = [], []
    for line in text.split("\n"):
        if has_gbk_shift(line):
            line, found = _fix_line(line)
            warnings += found
        lines.append(line)
    return Fixed("\n".join(lines), warnings)
