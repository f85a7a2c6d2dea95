"""Headline totals: a title or subtitle figure and the body figures that state the same fact.

A headline rounds (15077余万元); the body is precise (15077.38万元). They are
the same fact when the body's amount lies where the headline's wording puts
it, at the precision the headline is written to: 15077余万元 covers
[15077万, 15078万) yuan, 近5000万元 covers (4999万, 5000万], 1.5亿元 covers
[1.45亿, 1.55亿].

>>> from extractors.figures.quantities import scan
>>> from extractors.record import Figure
>>> def fig(field, q):
...     return Figure(q.surface, q.kind, q.value, q.unit, q.value_yuan, q.approx, field=field, is_total=field != "body")
>>> head, body = scan("完成交易额达15077余万元")[0], scan("交易额15077.38万元，另15078.5万元")
>>> figures = [fig("subtitle", head)] + [fig("body", q) for q in body]
>>> link_headlines(figures, [head] + body)
>>> [(f.surface, f.is_total) for f in figures]
[('15077余万元', True), ('15077.38万元', True), ('15078.5万元', False)]
"""

from __future__ import annotations

import math
import re

from extractors.figures.numerals import SCALES
from extractors.figures.quantities import Quantity
from extractors.record import Figure

ABOVE = ("余", "多", "超", "逾", "以上")
BELOW = ("近", "不到", "以下")
ABOUT = ("约", "左右")


def step(q: Quantity) -> float:
    """The precision a headline figure is written to, in yuan (money) or its unit."""
    digits = q.surface.translate(str.maketrans("", "", ",，")).split("余")[0]
    number = re.match(r"[\d.]+", digits)
    text = number.group() if number else ""
    if "." in text:  # 1.3亿: to 0.1亿
        size = 10.0 ** -len(text.split(".")[1])
    elif text:  # 15077万: to 1万; 5000万: to 1000万
        size = 10.0 ** (len(text) - len(text.rstrip("0")))
    else:  # 三千余万元: to its leading digit
        size = 10.0 ** int(math.log10(abs(q.value))) if q.value else 1.0  # (-1元: a fall written with its sign)
    return size * (SCALES.get(q.unit[:-1], 1) if q.kind == "money" else 1)


def same_fact(head: Figure, precision: float, body: Figure) -> bool:
    """Whether ``body`` states the fact ``head`` rounds to ``precision``."""
    if head.kind != body.kind:
        return False
    if head.kind == "money":
        h, b = head.value_yuan, body.value_yuan
    elif head.unit == body.unit:
        h, b = head.value, body.value
    else:
        return False
    if h is None or b is None:
        return False
    if head.approx in ABOVE:
        return h <= b < h + precision
    if head.approx in BELOW:
        return h - precision < b <= h
    if head.approx in ABOUT:
        return abs(b - h) <= precision
    return abs(b - h) <= precision / 2


def _amount(f: Figure) -> float:
    return f.value_yuan if f.kind == "money" and f.value_yuan is not None else f.value


def link_headlines(figures: list[Figure], quantities: list[Quantity]) -> None:
    """Mark body figures that a title/subtitle figure reports as totals, and share their meaning.

    The body figures linked are the headline's own words repeated (突破百亿元) and the precise
    figure nearest to it (103.6亿元, not a later 150亿元左右 that the headline's range also covers).
    """
    body = [f for f in figures if f.field == "body"]
    for head, q in zip(figures, quantities):
        if head.field == "body":
            break
        precision = step(q)
        candidates = [b for b in body if same_fact(head, precision, b)]
        precise = [b for b in candidates if b.approx is None]
        if precise:
            nearest = min(abs(_amount(b) - _amount(head)) for b in precise)
            candidates = [b for b in candidates
                          if (b.approx == head.approx and _amount(b) == _amount(head))
                          or (b.approx is None and abs(_amount(b) - _amount(head)) == nearest)]
        matches = candidates
        for b in matches:
            b.is_total = True
        if matches:
            head.metric = head.metric or matches[0].metric
            head.subject, head.period = matches[0].subject, matches[0].period
