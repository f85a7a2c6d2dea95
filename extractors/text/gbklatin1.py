"""GBK bytes decoded as latin-1 or cp1252: ``Õþ¸®²É¹ºÖÐÐÄ`` → ``政府采购中心``.

A GBK page declared ISO-8859-1 (or served with no charset to a reader that
assumes Western European) shows each byte as one character. Nothing is lost:
encoding the characters back to their bytes and decoding those as GBK restores
the text. ftfy does not do this (it undoes UTF-8 read wrongly, and on such text
it can make things worse: ``Ð²`` looks like the UTF-8 of Cyrillic ``в``).

A run of character pairs that could be GBK (a lead byte 0x81–0xFE, then a
trail byte 0x40–0x7E or 0x80–0xFE) is decoded; a line is repaired when its runs
decode to Chinese that is mostly common characters (a Western letter and the
one after it make a rare one) and their bytes together are not valid UTF-8
(that is the other mojibake, ftfy's). ASCII between the runs stays as it is.

>>> fix_gbk_latin1("Õþ¸®²É¹ºÖÐÐÄ")
'政府采购中心'
>>> fix_gbk_latin1("¹ãÖÝÊÐ²ÆÕþ¾Ö²É¹º1955.96ÍòÔª£¬ÎïÒµ(PPP)")
'广州市财政局采购1955.96万元，物业(PPP)'

Traditional characters are in GBK's extension, whose bytes from 0x80 to 0x9F
cp1252 shows as punctuation (‚ ƒ ” …) where latin-1 has control characters:

>>> fix_gbk_latin1("Ëû‚ƒÒÑÍê³ÉÃ“ØšµØ…^")
'他們已完成脫貧地區'
>>> fix_gbk_latin1("Müller, café, Zhōngguó, 25°C ±0.5, ½ €")  # Western text stays
'Müller, café, Zhōngguó, 25°C ±0.5, ½ €'
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252: cp1252 with latin-1's C1 controls)

from extractors.text.score import rare_count

# Each byte as latin-1 and as cp1252 shows it (they differ on 0x80-0x9F only).
_BYTE = {bytes([b]).decode(codec): b for codec in ("latin-1", "sloppy-windows-1252") for b in range(0x80, 0x100)}


def _chars(low: int, high: int) -> str:
    return "".join(re.escape(c) for c, b in _BYTE.items() if low <= b <= high)


_LEAD = f"[{_chars(0x81, 0xFE)}]"
_TRAIL = f"[\\x40-\\x7e{_chars(0x80, 0xFE)}]"
_RUN = re.compile(f"(?:{_LEAD}{_TRAIL})+")
# Two pairs in a row whose lead bytes show as latin-1 does (cp1252 differs on 0x80-0x9F, but GB2312's
# lead bytes are 0xA1 or more): a narrow first range keeps the search cheap on clean text.
_DETECT = re.compile(f"[\u0081-\u00fe]{_TRAIL}[\u0081-\u00fe]{_TRAIL}")


def has_gbk_latin1(text: str) -> bool:
    """Cheap detector: two GBK-like byte pairs in a row, shown as latin-1 or cp1252 characters."""
    return _DETECT.search(text) is not None


def _bytes(run: str) -> bytes:
    return bytes(_BYTE.get(c, ord(c)) for c in run)


def _fix_line(line: str) -> str:
    runs = list(_RUN.finditer(line))
    data = [_bytes(m[0]) for m in runs]
    try:
        b"".join(data).decode("utf-8")
        return line  # UTF-8 read as latin-1: ftfy's repair
    except UnicodeDecodeError:
        pass
    decoded = [d.decode("gb18030", "replace") for d in data]
    chinese = "".join(decoded)
    if len(chinese) < 2 or rare_count(chinese) * 2 > len(chinese):  # Western words pair up into rare characters
        return line
    out, pos = [], 0
    for m, text in zip(runs, decoded):
        out += [line[pos : m.start()], text]
        pos = m.end()
    return "".join(out) + line[pos:]


def fix_gbk_latin1(text: str) -> str:
    """Decode as GBK, line by line, the lines whose latin-1 or cp1252 characters are GBK bytes."""
    return "\n".join(_fix_line(line) if has_gbk_latin1(line) else line for line in text.split("\n"))
