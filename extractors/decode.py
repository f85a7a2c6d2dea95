"""Bytes to text: BOM first, then a declared charset that actually decodes, then detection.

Pages of this field lie about their encoding (GBK pages declaring UTF-8 and the
reverse, servers sending ISO-8859-1 with GBK pages), so a declaration is only
trusted when the bytes decode under it, and a Western single-byte one, under
which any bytes decode, only when detection agrees.
GB2312 and GBK declarations are widened to GB18030, their superset.

>>> decode("本报讯".encode("gbk"), declared="utf-8").encoding
'gb18030'
>>> decode("政府采购中心".encode("gbk"), content_type="text/html; charset=ISO-8859-1").text
'政府采购中心'
>>> decode(b"\\xef\\xbb\\xbf" + "本报讯".encode()).text
'本报讯'
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from charset_normalizer import from_bytes

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
# Detection runs on a prefix: enough to tell GB18030 from Big5 from UTF-8, cheap on 20 MB files.
_SNIFF_BYTES = 64 * 1024
# Bad UTF-8 sequences tolerated (replaced): at most one per this many good non-ASCII characters.
_UTF8_ERRORS_PER_CHAR = 50
# Single-byte Western charsets decode any bytes, so declaring one proves nothing: servers send their
# default "ISO-8859-1" with GBK pages. Detection decides between them and the Chinese encodings.
_ANY_BYTES = frozenset({"iso8859-1", "cp1252"})


# C0 controls other than white space, DEL, invisible format characters (zero-width spaces and joiners,
# bidi overrides, soft hyphens) and lone surrogates (from JSON/YAML escapes such as "\\ud800"): never
# article text. SQLite's length()/substr() stop at NUL, a surrogate cannot be encoded to store it, and a
# zero-width space inside 1955.96万元 (an anti-copy watermark) would split the figure.
_CONTROLS = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control and invisible characters (tab, line breaks, form feed kept), and how many.

    >>> strip_controls("本报讯\\x00柳州市\\x1b[31m采购\\t完成1955\\u200b.96万元")
    ('本报讯柳州市[31m采购\\t完成1955.96万元', 3)
    """
    cleaned, count = _CONTROLS.subn("", text)
    return cleaned, count


# Control characters no text holds in numbers (C0 other than white space, and DEL), counted as runs so
# that a block of NUL padding after a real text (a file cut short by a crash) counts once. Binary data
# (random bytes, gzip, zip, PNG) has 10-19 % of its characters in such runs; the page sets, fixtures and
# damaged copies of them 0-0.9 %, mojibake none (bench/not_text.py). C1 controls, U+FFFD and private-use
# characters tell nothing: latin-1 and GBK mojibake of real text is up to 46 % made of them.
_CONTROL_RUN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
_CONTROL_SHARE, _CONTROL_RUNS = 0.03, 4
_SNIFF_CHARS = 64 * 1024


def not_text(text: str) -> str | None:
    """Why decoded ``text`` is binary data rather than text (random bytes, a compressed file, an
    image), or None for text. Judged on the first 64K characters.

    >>> not_text("本报讯 柳州市已完成采购1955.96万元。" + chr(0) * 4096) is None  # NUL padding: one run
    True
    >>> import random
    >>> not_text(random.Random(0).randbytes(4096).decode("gb18030", errors="replace"))
    '429 runs of control bytes in the first 3,113 characters'
    """
    sample = text[:_SNIFF_CHARS]
    runs = sum(1 for _ in _CONTROL_RUN.finditer(sample))
    if runs >= _CONTROL_RUNS and runs >= _CONTROL_SHARE * len(sample):
        return f"{runs:,} runs of control bytes in the first {len(sample):,} characters"
    return None


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: list[str]


def normalise_encoding(name: str | None) -> str | None:
    """Python codec name for a declared charset, widened to its superset; None if unknown.

    >>> normalise_encoding("GB2312")
    'gb18030'
    >>> normalise_encoding("no-such-charset") is None
    True
    """
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _WIDER.get(canonical, canonical)


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page claims: HTTP header first, then ``<meta>`` or the XML declaration."""
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type, re.I)
        if m:
            return m.group(1)
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii") if m else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(sample: bytes) -> str:
    """charset-normalizer's pick among Chinese encodings; ties go to GB18030 (mainland sites)."""
    matches = from_bytes(sample, cp_isolation=["gb18030", "big5hkscs", "utf_8", "cp1252"])
    ranked = sorted(matches, key=lambda m: (m.chaos, -m.coherence, m.encoding != "gb18030"))
    return normalise_encoding(ranked[0].encoding) if ranked else "gb18030"


def _utf8(data: bytes) -> tuple[str, list[str]] | None:
    """``data`` as UTF-8 if it is, or nearly is: a few bad sequences (a cut last character, a stray
    byte) among many good characters are replaced, not taken as a sign of another encoding.

    UTF-8 validates itself: GBK or Big5 text read as UTF-8 fails at nearly every character.

    >>> _utf8(("柳州" * 60).encode()[:-1])[1]
    ['1 invalid UTF-8 sequence replaced with U+FFFD']
    >>> _utf8(("柳州" * 60).encode("gbk")) is None
    True
    """
    if (text := _strict(data, "utf-8")) is not None:
        return text, []
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # non-ASCII characters decoded
    if bad * _UTF8_ERRORS_PER_CHAR > good:
        return None
    return text, [f"{bad} invalid UTF-8 sequence{'s' * (bad > 1)} replaced with U+FFFD"]


def decode(data: bytes, declared: str | None = None, content_type: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` overrides what the bytes or ``content_type`` claim."""
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            return Decoded(text, encoding, warnings)
    claimed = declared or declared_charset(data, content_type)
    encoding = normalise_encoding(claimed)
    if claimed and encoding is None:
        warnings.append(f"unknown declared charset {claimed!r}")
    utf8 = None if data.isascii() else _utf8(data)
    western = None  # the text as a declared Western charset reads it, which only detection can confirm
    if encoding and (text := _strict(data, encoding)) is not None:
        if encoding != "utf-8" and utf8 is not None:
            # (Nearly) valid UTF-8 with non-ASCII bytes is almost never GBK by accident.
            warnings.append(f"declared {claimed} but the bytes are UTF-8")
            return Decoded(utf8[0], "utf-8", warnings + utf8[1])
        if encoding not in _ANY_BYTES or data.isascii():
            return Decoded(text, encoding, warnings)
        western = text
    # No usable declaration (or a false one): UTF-8 if it is (nearly) valid, else detect.
    if utf8 is not None:
        if claimed and encoding != "utf-8":
            warnings.append(f"declared {claimed} but the bytes are UTF-8")
        return Decoded(utf8[0], "utf-8", warnings + utf8[1])
    detected = _detect(data[:_SNIFF_BYTES])
    if western is not None and detected == "cp1252":
        return Decoded(western, encoding, warnings)  # a Western page indeed
    text = data.decode(detected, errors="replace")
    if claimed:
        warnings.append(f"declared {claimed} but the bytes are {detected}")
    if "\ufffd" in text:
        warnings.append(f"undecodable bytes replaced with U+FFFD ({detected})")
    return Decoded(text, detected, warnings)
