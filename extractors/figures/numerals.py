"""Numbers as Chinese news writes them: Arabic, Chinese and mixed.

>>> parse_number("1,234.56")
1234.56
>>> parse_number("一千二百万")
12000000
>>> parse_number("十二亿五千万")
1250000000
>>> parse_number("叁佰捌拾陆万伍仟")
3865000
>>> parse_number("百分之")  # not a number
>>> parse_range("七八百"), parse_range("十七八"), parse_range("两三千"), parse_range("七百八")
((700, 800), (17, 18), (2000, 3000), None)
"""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
          "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}  # 大写, as on contracts
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "十万": 100_000, "百万": 1_000_000, "千万": 10_000_000,
          "亿": 100_000_000, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}

# Full-width digits and separators, and the traditional forms of numerals and measure words, mapped
# 1:1 so offsets stay put: 萬餘種 reads as 万余种, １２．５％ as 12.5% (not the full-width comma: in
# Chinese text "，" is punctuation, never a thousands separator)
NORMAL_FORM = str.maketrans("０１２３４５６７８９．％萬億兩個餘種項點臺輛張條處間筆場戶噸畝幾數圓塊隻",
                            "0123456789.%万亿两个余种项点台辆张条处间笔场户吨亩几数元块只")
NOT_NORMAL = re.compile(f"[{''.join(map(chr, NORMAL_FORM))}]")  # a character NORMAL_FORM changes


def whole(x: float) -> float | int:
    """``x`` as an int when it is whole (after rounding float noise).

    >>> whole(15077.38 * 10_000), whole(2.5), whole(130.73 * 100_000_000)
    (150773800, 2.5, 13073000000)
    """
    r = float(f"{x:.12g}")  # 12 significant digits: float noise gone, fen kept up to 1e10 yuan
    return int(r) if r == int(r) else r


def _chinese(text: str) -> float | None:
    if "点" in text:
        head, _, tail = text.partition("点")
        base = _chinese(head) if head else 0
        if base is None or not tail or any(c not in DIGITS for c in tail):
            return None
        return base + float("0." + "".join(str(DIGITS[c]) for c in tail))
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None:  # 二〇二一: a digit string, not a counted number
                digit = digit * 10 + DIGITS[ch]
            else:
                digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            if section == 0 and total == 0:  # 万元 after 千: "千万"
                section = 1
            total = (total + section) * BIG_UNITS[ch] if BIG_UNITS[ch] > 10_000 else total + section * BIG_UNITS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | int | None:
    """The value of an Arabic or Chinese numeral, or None when it is neither."""
    if not text.isascii():
        text = text.translate(NORMAL_FORM)
    text = text.replace(",", "").replace(" ", "")  # (1,682 and 1 682)
    if not text:
        return None
    if text[0].isdigit():
        try:
            return whole(float(text))
        except ValueError:
            return None
    if not any(c in DIGITS or c in SMALL_UNITS for c in text):
        return None
    value = _chinese(text)
    return None if value is None else whole(value)


ROUGH = "一两二三四五六七八九"


def parse_range(text: str) -> tuple[int, int] | None:
    """A rough Chinese range: two neighbouring digits before a unit (七八百 → 700 to 800, 三五千,
    十七八), or None when ``text`` is not one (七百八 is 780)."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in ROUGH and b in ROUGH and 0 < DIGITS[b] - DIGITS[a] <= 2:
            low, high = _chinese(text[:i] + a + text[i + 2 :]), _chinese(text[:i] + b + text[i + 2 :])
            return (int(low), int(high)) if low is not None and high is not None else None
    return None
