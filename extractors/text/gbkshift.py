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

from extractors.text.score import PUNCTUATION, is_rare, rare_count, score
from extractors.text.script import in_script, is_traditional

MARKERS = "?\ufffd"  # what a decoder leaves for a byte it could not place
# What a misaligned GBK decoder makes: characters above U+2010, the middle dot, and ? for lost bytes.
_RUN = re.compile(r"[?\u00b7\u2010-\uffff]+")
_MARKER_BY_HAN = re.compile(r"[\u2e80-\uffff][?\ufffd]|[?\ufffd][\u2e80-\uffff]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_REACH = 4  # characters of context on each side, and how far a window may start before its first rare character
_MARGIN = 1.0  # how much better (log-probability per character) a repair must read


class Fixed(NamedTuple):
    text: str
    warnings: list[str]


def has_gbk_shift(text: str) -> bool:
    """Cheap detector: a rare character, or a lost-byte marker next to a Han character."""
    return rare_count(text) > 0 or _MARKER_BY_HAN.search(text) is not None


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
def _guess(known: int, known_is_trail: bool, left: str, right: str) -> str:
    """The best-reading common character with ``known`` as its trail (or lead) byte."""
    pairs = [bytes([b, known]) if known_is_trail else bytes([known, b]) for b in range(0x40, 0xFF)]
    options = [c for c in map(_decode, pairs) if c and not is_rare(c)]
    if not options:
        return "\ufffd"
    options = in_script(options, is_traditional(left + right))
    return max(options, key=lambda c: score(left + c + right))


class _Candidate(NamedTuple):
    start: int  # region of the line replaced
    end: int
    text: str
    guessed: frozenset[int]  # positions in text that were guessed
    lost: int  # bytes lost


def _candidates(line: str, run_start: int, run: str) -> list[_Candidate]:
    """Every plausible window of ``run`` (at ``run_start`` in ``line``) decoded one byte later."""
    rare = [k for k, c in enumerate(run) if is_rare(c)]
    markers = [k for k, c in enumerate(run) if c in MARKERS]
    starts = {m + 1 for m in markers} | {m for m in markers if m > 0 and run[m - 1] in MARKERS and run[m] == "?"}
    ends = {len(run), *markers}
    if rare:
        starts |= set(range(max(0, rare[0] - _REACH), rare[0] + 1))
        ends |= set(range(rare[-1] + 1, min(len(run), rare[-1] + _REACH) + 1))
    found = []
    for i in sorted(starts):
        for j in sorted(ends):
            window = run[i:j]
            if j - i < 2 or any(c in "\ufffd" for c in window) or "?" in window[1:]:
                continue
            data = _gbk(window)
            middle = _decode(data[1:-1]) if data else None
            if middle is None or not data:
                continue
            lost_before = i > 0 and run[i - 1] in MARKERS
            lost_after = j < len(run) and run[j] in MARKERS
            a, b = run_start + i - lost_before, run_start + j + lost_after
            left, right = line[max(0, a - _REACH) : a], line[b : b + _REACH]
            head = _guess(data[0], True, left, middle[:_REACH]) if lost_before else ""
            tail = _guess(data[-1], False, (left + head + middle)[-_REACH:], right) if lost_after else ""
            text = head + middle + tail
            guessed = frozenset(({0} if head else set()) | ({len(text) - 1} if tail else set()))
            found.append(_Candidate(a, b, text, guessed, lost_before + lost_after))
    return found


def _reads(text: str) -> float:
    """``score`` with each ``?`` read as a lost byte, not as punctuation."""
    return score(text.replace("?", "\ufffd"))


def _best(line: str) -> _Candidate | None:
    """The window repair that reads best, if it reads clearly better than the line as it is."""
    for m in _RUN.finditer(line):
        run = m[0]
        if not (rare_count(run) or any(c in MARKERS for c in run)):
            continue
        candidates = _candidates(line, m.start(), run)
        if not candidates:
            continue
        lo = max(0, min(c.start for c in candidates) - _REACH)
        hi = max(c.end for c in candidates) + _REACH
        base = _reads(line[lo:hi])
        best = max(candidates, key=lambda c: _reads(line[lo : c.start] + c.text + line[c.end : hi]))
        if _reads(line[lo : best.start] + best.text + line[best.end : hi]) > base + _MARGIN:
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
