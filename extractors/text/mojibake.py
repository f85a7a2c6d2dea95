"""UTF-8 bytes decoded with the wrong codec: as GBK (``鍙互``) or as latin-1/cp1252 (``ä¸­å›½``).

UTF-8 read as GBK turns every three bytes into one and a half characters,
mostly rare ones; encoding the run back to GB18030 and decoding it as UTF-8
restores it. A byte the GBK decoder could not place shows as ``�`` (or ``?``):
the character it belonged to is guessed from its other bytes, the values the
decoder could have replaced there (``_lost_byte``) and how well it reads
(``score.between``: jieba's words and the character model of running news
text), and reported.

>>> damaged = "截至今年6月底，柳州市已完成脱贫地区农副产品采购1955.96万元".encode().decode("gb18030", "replace")
>>> fix_utf8_as_gbk(damaged)
Fixed(text='截至今年6月底，柳州市已完成脱贫地区农副产品采购1955.96万元', warnings=['utf8-as-gbk: 1 bytes lost, guessed 购'])

UTF-8 read as latin-1 or cp1252 is ftfy's job:

>>> fix_latin1("å\\x8f¯ä»¥ç\\xa0´æ\\x9c\\x88ã\\x80\\x81ç\\xa0´å\\xad£è®¢é\\x98\\x85")
'可以破月、破季订阅'
"""

from __future__ import annotations

import heapq
import re
from functools import lru_cache

import ftfy

from extractors.text.fixed import Fixed
from extractors.text.pinyin import is_reading, leading_syllable, skip_readings
from extractors.text.score import PINYIN_LETTERS, PUNCTUATION, UNSURE, between, has_rare, is_plausible, score
from extractors.text.script import in_script, is_traditional

# A lead byte of UTF-8 (é, ä …) followed by a continuation byte as latin-1 or cp1252 shows it.
_LATIN1_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Characters a GBK decoder makes of UTF-8: anything but ASCII; U+FFFD and ? stand for one lost byte.
_GBK_RUN = re.compile(r"[^\x00-\x7f]+(?:[?\ufffd][^\x00-\x7f]*)*")
LOST = "?\ufffd"
PENDING = "\ufffc"  # where a character that lost bytes waits for its guess
_CONTEXT = 4  # characters on each side that judge a guess
_SHORTLIST = 8  # candidates that read best by jieba's words, judged again with the character model
_MARGIN = 1.0  # how much better (log-probability per character) a decoded stretch must read
# Chinese numerals, which no one writes next to an Arabic digit (一2.92, 5十1): never the guess there.
_NUMERALS = "〇一二三四五六七八九十两零壹贰叁肆伍陆柒捌玖拾"
_DIGIT = re.compile("[0-9０-９]")
# Pinyin letters with tone marks as GBK shows their UTF-8 bytes (à → 脿), in a reading: after a Latin
# letter or alone in brackets ((茅) for (é)), before a closing bracket, perhaps one waiting for its guess.
_PINYIN_LETTER = {letter.encode().decode("gb18030"): letter for letter in PINYIN_LETTERS if len(letter.encode()) == 2}
_PINYIN_MOJIBAKE = re.compile(f"(?<=[a-z(（])[{''.join(_PINYIN_LETTER)}](?=[a-z]*[1-5]?[)）\ufffc])")


def has_latin1_mojibake(text: str) -> bool:
    """Cheap detector: a UTF-8 lead byte shown as latin-1 followed by a continuation byte."""
    return _LATIN1_MOJIBAKE.search(text) is not None


def _foreign(char: str) -> bool:
    """A letter of the two-byte UTF-8 range (Latin Extended, Greek, Cyrillic …) but pinyin's: what ftfy
    makes of two characters that only look like UTF-8 (Ð² → в, Ä¹ → Ĺ), never Chinese news."""
    return "\u0100" <= char <= "\u07ff" and char.isalpha() and char not in PINYIN_LETTERS


def _latin1_line(line: str) -> str:
    fixed = ftfy.fix_encoding(line)
    return line if any(map(_foreign, set(fixed) - set(line))) else fixed


def fix_latin1(text: str) -> str:
    """ftfy's encoding repair, line by line, on the lines that show latin-1 mojibake, unless it makes
    letters of other alphabets (``¹ãÖÝÊÐ²ÆÕþ¾Ö``, GBK read as latin-1, has ``Ð²``: UTF-8 for ``в``).

    >>> fix_latin1("¹ãÖÝÊÐ²ÆÕþ¾Ö")
    '¹ãÖÝÊÐ²ÆÕþ¾Ö'
    """
    return "\n".join(_latin1_line(line) if has_latin1_mojibake(line) else line for line in text.split("\n"))


def has_gbk_mojibake(text: str) -> bool:
    """Cheap detector: a rare character (UTF-8 read as GBK is half made of them)."""
    return has_rare(text)


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


@lru_cache(maxsize=4096)
def _lost_byte(codec: str, following: str) -> tuple[int, ...]:
    """The bytes a ``codec`` decoder would have replaced by one ``�`` right before ``following``.

    Python's GBK and GB18030 decoders replace one byte per ``�`` and go on with
    the next, so the lost byte is one that cannot start a character with the
    bytes after it: before a digit any byte can, but GB18030 pairs every byte
    from 0x81 with a non-ASCII one, so there it can only be 0x80. Nothing is
    excluded when ``following`` was cut short before another lost byte.

    >>> _lost_byte("gb18030", "100%")[:3], len(_lost_byte("gb18030", "100%"))
    ((128, 129, 130), 128)
    >>> _lost_byte("gb18030", "绗")  # 0xFF is no UTF-8 byte: the byte was 0x80
    (128, 255)
    >>> [hex(b) for b in _lost_byte("gbk", "绗")][:8]
    ['0x80', '0xaa', '0xab', '0xac', '0xad', '0xae', '0xaf', '0xf8']
    """
    try:
        rest = following.encode("gb18030")
    except UnicodeEncodeError:
        return tuple(range(0x80, 0x100))
    observed = "\ufffd" + following
    fit = tuple(b for b in range(0x80, 0x100) if (bytes([b]) + rest).decode(codec, "replace") == observed)
    return fit or tuple(range(0x80, 0x100))  # a stretch cut short (before another lost byte) tells nothing


def _codec(text: str) -> str:
    """The decoder that made ``text``: only GB18030 maps bytes to the private use area (GBK drops those rows)."""
    return "gb18030" if re.search("[\ue000-\uf8ff]", text) else "gbk"


Byte = int | tuple[int, ...] | None  # a known byte, the values a lost byte may have had, or any value


@lru_cache(maxsize=65536)
def _fitting(seq: tuple[Byte, ...]) -> tuple[str, ...]:
    """Characters whose UTF-8 bytes fit ``seq``: each byte known, among given values, or unknown (None).

    At most two bytes may be uncertain, and the lead byte only with one other.

    >>> len(_fitting((0xE7, 0x9E, None))), "瞭" in _fitting((0xE7, 0x9E, None))
    (64, True)
    """
    uncertain = sum(not isinstance(b, int) for b in seq)
    if uncertain > 2 or (not isinstance(seq[0], int) and uncertain > 1):
        return ()
    trials: list[list[int]] = [[]]
    for i, b in enumerate(seq):
        role = _LEADS if i == 0 else range(0x80, 0xC0)
        options = [b] if isinstance(b, int) else role if b is None else [o for o in b if o in role]
        trials = [t + [o] for t in trials for o in options]
    found = []
    for trial in trials:
        try:
            found.append(bytes(trial).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return tuple(found)


@lru_cache(maxsize=65536)
def _candidates(seq: tuple[Byte, ...]) -> tuple[str, ...]:
    """The characters of :func:`_fitting`; when bytes are uncertain, only those common in Chinese prose.

    >>> _candidates((0xE4, 0xB8, None))[:4]
    ('一', '丁', '七', '万')
    >>> _candidates((0xE4, 0xB8, (0x80, 0xFF)))
    ('一',)
    >>> len(_candidates((0xE8, None, None)))
    1000
    """
    found = _fitting(seq)
    return tuple(c for c in found if is_plausible(c)) if len(found) > 1 else found


def _decode_from(data: list[Byte], start: int) -> tuple[list[tuple[str, ...]], int, list[tuple[Byte, ...]]]:
    """Decode UTF-8 from ``data[start:]`` while it stays valid: candidates per character, end offset,
    the bytes of each character.

    The end offset passes ``len(data)`` when the last character lost its final byte.
    """
    chars, seqs, i = [], [], start
    while i < len(data):
        lead = data[i]
        n = _utf8_length(lead) if isinstance(lead, int) else 3
        missing = i + n - len(data)
        seq = tuple(data[i : i + n] + [None] * missing)
        found = _candidates(seq) if n and missing <= 2 else ()
        if not found:
            break
        chars.append(found)
        seqs.append(seq)
        i += n
    return chars, i, seqs


def _is_text(options: tuple[str, ...]) -> bool:
    """True when a decoded character is Chinese text: Han, CJK or general punctuation, a pinyin letter."""
    c = options[0]
    return not c.isascii() and (ord(c) >= 0x2E80 or c in PINYIN_LETTERS or c in PUNCTUATION)


_PAIRS = ("（）", "《》", "〈〉", "“”", "‘’", "【】", "〔〕", "「」", "『』")
# The year of a document number (财库〔2020〕46号, GB/T 9704) whose closing bracket lost a byte too.
_DOCUMENT_YEAR = re.compile("(?:19|20)[0-9]{2}\ufffd[0-9]{1,4}号")


def _paired(options: tuple[str, ...], before: str, after: str) -> tuple[str, ...]:
    """``options`` narrowed by the marks that come in pairs (“ and ” differ in one byte, 〔 and 、 in
    one): the closing one when ``before`` left its opening one open, the opening one when ``after``
    closes one that is not open or is a document number's year that lost its closing mark too, never
    a closing one when none is open.

    >>> _paired(("—", "“", "”"), "用“时间”赢得", ""), _paired(("—", "“", "”"), "赢得“空间", "")
    (('—', '“'), ('”',))
    >>> _paired(("、", "〔", "〕"), "财库", "2020〕46号"), _paired(("、", "〔", "〕"), "财库", "2020\ufffd46号")
    (('〔',), ('〔',))
    """
    for opening, closing in _PAIRS:
        is_open = before.rfind(opening) > before.rfind(closing)
        if closing in options and is_open:
            return (closing,)
        ahead = after.find(closing)
        if opening in options and not is_open and ahead >= 0 and not 0 <= after.find(opening) < ahead:
            return (opening,)
        if opening in options and opening in "〔（" and _DOCUMENT_YEAR.match(after):
            return (opening,)
        if not is_open:
            options = tuple(c for c in options if c != closing) or options
    return options


class _Guess:
    """A character with lost bytes: its bytes, the common characters they allow, and the one chosen."""

    def __init__(self, options: tuple[str, ...], seq: tuple[Byte, ...]):
        self.options = options
        self.seq = seq
        self.chosen = "\ufffd"


def _choose(out: list[str], at: int, guess: _Guess, traditional: bool) -> tuple[str, bool]:
    """The character for the mark at ``out[at]`` and whether a character within reach after it still
    waited for its own guess (then its choice is worth making again once they are all made: in
    明确?2016?5?1日起 the character model reads 年 only once it is back).

    The characters around it judge it, pinyin readings skipped. A pinyin annotation right after
    the character narrows it to the characters it reads, an Arabic digit beside it rules out
    Chinese numerals, a mark of a pair must agree with the marks around it, else the character
    that reads best wins.
    """
    options = guess.options
    syllable = leading_syllable("".join(out[at + 1 : at + 13]))
    if syllable:  # a rare character too when only one reads it (瞭 of 瞭解 before (liǎo))
        options = tuple(c for c in options if is_reading(c, syllable)) or tuple(
            c for c in _fitting(guess.seq) if is_reading(c, syllable)) or options
    reach = 10 * _CONTEXT  # the text's edges read as line ends: 。 ends a paragraph, 、 does not
    left = skip_readings("\n" * (at <= reach) + "".join(out[max(0, at - reach) : at]))[-_CONTEXT:]  # 統(tǒng)?(jì): 統?
    after = skip_readings("".join(out[at + 1 : at + 1 + reach]) + "\n" * (at + 1 + reach >= len(out)))
    right, wide = after[:_CONTEXT], after.split("\ufffd")[0]
    if _DIGIT.match(left[-1:]) or _DIGIT.match(right):
        options = tuple(c for c in options if c not in _NUMERALS) or options
    line = "".join(out[:at])
    rest = "".join(out[at + 1 : at + 1 + 50 * _CONTEXT])
    options = _paired(options, line[line.rfind("\n") + 1 :], rest.split("\n")[0])
    shortlist = heapq.nlargest(_SHORTLIST, in_script(list(options), traditional), key=lambda c: score(left + c + right))
    return max(shortlist, key=lambda c: between(left, c, right, wide)), "\ufffd" in after[: 3 * _CONTEXT]


def _resolve(text: str, guesses: list[_Guess]) -> str:
    """``text`` with each ``PENDING`` mark replaced, left to right, by its guess in the repaired context;
    then once more where the first choice was made before the next guess."""
    out = list(text.replace(PENDING, "\ufffd"))
    traditional = is_traditional(text)
    marks = list(zip([i for i, c in enumerate(text) if c == PENDING], guesses))
    again = []
    for at, guess in marks:
        out[at], early = _choose(out, at, guess, traditional)
        if early:
            again.append((at, guess))
    for at, guess in again:
        out[at] = _choose(out, at, guess, traditional)[0]
    for at, guess in marks:
        guess.chosen = out[at]
    return "".join(out)


def _reads_before(options: tuple[str, ...], after: str) -> bool:
    """True when a character that lost its last byte is followed by a pinyin reading of one of the
    characters its bytes allow: in traditional text annotated character by character, each run is
    one character (``鏂�(xīn)鐤�(jiāng)``), and the readings prove it mojibake.

    >>> _reads_before(_candidates((0xE6, 0x96, None)), "(xīn)"), _reads_before(("新",), "(xīn)")
    (True, False)
    """
    syllable = leading_syllable(after)
    return len(options) > 1 and syllable is not None and any(is_reading(c, syllable) for c in options)


def _repair_run(run: str, after: str, codec: str, least: int) -> tuple[str, int, list[_Guess]]:
    """The run (followed by ``after``, decoded by ``codec``) with its UTF-8-as-GBK stretches decoded, a
    ``PENDING`` mark for each character that lost bytes; bytes lost and the guesses to make."""
    data: list[Byte] = []
    starts = []  # byte offset where each character of the run starts
    for i, c in enumerate(run):
        starts.append(len(data))
        if c == "\ufffd":
            following = (run[i + 1 :] + after)[:8]
            data.append(_lost_byte(codec, re.split("[?\ufffd\ufffc]", following)[0]))
        else:
            data.extend([None] if c in LOST else c.encode("gb18030"))
    out, pos, lost, guesses = [], 0, 0, []
    char = 0
    while char < len(run):
        chars, end, seqs = _decode_from(data, starts[char])
        stop = next((k for k in range(char, len(run)) if starts[k] >= end), len(run))
        read = bool(chars) and stop == len(run) and run[-1] in LOST and _reads_before(chars[-1], after)
        if (len(chars) >= least or read) and stop - char >= least and any(map(_is_text, chars)):
            decoded = "".join(c[0] if len(c) == 1 else PENDING for c in chars)
            # Once the text proved mojibake (``least`` 1), a whole run that decodes with no byte lost is
            # taken as it is: random GBK text seldom makes valid UTF-8 (a name of rare characters, 吴珺).
            whole = least == 1 and char == 0 and end == len(data) and PENDING not in decoded and not any(c in LOST for c in run)
            if whole or score(decoded.replace(PENDING, UNSURE)) > score(run[char:stop]) + _MARGIN:
                out.append(run[pos:char] + decoded)
                lost += sum(c in LOST for c in run[char:stop]) + max(0, end - len(data))
                guesses += [_Guess(c, seq) for c, seq in zip(chars, seqs) if len(c) > 1]
                pos = char = stop
                continue
        char += 1
    out.append(run[pos:])
    return "".join(out), lost, guesses


def _repair_runs(text: str, least: int, guesses: list[_Guess], losses: list[tuple[int, list[_Guess]]]) -> tuple[str, list[_Guess]]:
    """``text`` with its runs repaired; ``guesses`` (one per ``PENDING`` mark of ``text``) with the new
    ones in place. Runs already holding a mark are left as they are. ``losses`` collects each run's loss."""
    out, merged, pos, seen = [], [], 0, 0
    codec = _codec(text)
    for m in _GBK_RUN.finditer(text):
        gap = text[pos : m.start()]
        out.append(gap)
        pos = m.end()
        run = m[0]
        repairable = PENDING not in run and (has_rare(run) or (least == 1 and any(c in LOST for c in run)))
        fixed, lost, new = _repair_run(run, text[m.end() : m.end() + 12], codec, least) if repairable else (run, 0, [])
        marks = gap.count(PENDING) + run.count(PENDING)  # marks of earlier passes (a repaired run had none)
        merged += guesses[seen : seen + marks] + new
        seen += marks
        if lost:
            losses.append((lost, new))
        out.append(fixed)
    out.append(text[pos:])
    merged += guesses[seen:]
    return "".join(out), merged


def fix_utf8_as_gbk(text: str) -> Fixed:
    """Decode back to UTF-8 the runs of ``text`` that are UTF-8 bytes shown as GBK.

    Pinyin letters in annotations go first (``(b脿o)`` → ``(bào)``, they help
    guess the character before them), then runs of two characters or more;
    once they proved the text is mojibake, single characters (the last one of
    a run, say) follow. Characters that lost bytes are guessed last, when the
    text around them is repaired.
    """
    text = _PINYIN_MOJIBAKE.sub(lambda m: _PINYIN_LETTER[m[0]], text)
    losses: list[tuple[int, list[_Guess]]] = []
    fixed, guesses = _repair_runs(text, 2, [], losses)
    if fixed != text:
        fixed, guesses = _repair_runs(fixed, 1, guesses, losses)
    # Letters whose brackets were mojibake too: 政（zh猫ng） once （） is back.
    fixed = _resolve(_PINYIN_MOJIBAKE.sub(lambda m: _PINYIN_LETTER[m[0]], fixed), guesses)
    warnings = [
        f"utf8-as-gbk: {lost} bytes lost, guessed {''.join(g.chosen for g in run) or 'nothing'}" for lost, run in losses
    ]
    return Fixed(fixed, warnings)
