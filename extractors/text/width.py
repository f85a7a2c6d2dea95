"""Full-width digits, letters and decimal points in figures: ``１２３．４５万元`` → ``123.45万元``.

Only the ASCII look-alikes (０-９, Ａ-Ｚ, ａ-ｚ) and a full-width point between
two digits change; the body's Chinese punctuation (，。：（）％ …) stays.

>>> narrow_numbers("采购金额１２３．４５万元，同比增长５．２％。")
'采购金额123.45万元，同比增长5.2％。'
>>> narrow_numbers("（ＰＰＰ）项目。")
'（PPP）项目。'
"""

from __future__ import annotations

import re

_WIDE_OR_POINT = re.compile(r"[０-９Ａ-Ｚａ-ｚ]|(?<=[0-9０-９])．(?=[0-9０-９])")
_NARROW = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)} | {"．": "."}


def has_wide(text: str) -> bool:
    """Cheap detector: any full-width digit or Latin letter, or a full-width point in a number."""
    return _WIDE_OR_POINT.search(text) is not None


def narrow_numbers(text: str) -> str:
    """Replace full-width digits, letters and decimal points by their ASCII forms."""
    return _WIDE_OR_POINT.sub(lambda m: _NARROW[m[0]], text)
