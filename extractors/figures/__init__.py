"""Figures with their meaning: amount, unit, what was measured, whose, when.

:func:`extract_figures` scans the title, subtitle and body for amounts
(:mod:`.quantities`), then gives each its metric (:mod:`.metrics`), subject (the
place it belongs to, :mod:`.places`; 全市/该市/全区 resolve to the place
named earlier) and period (:mod:`.periods`; 去年/今年 resolve against
``published_at``). Headline figures (title, subtitle) are totals; a body
figure that states the same fact more precisely (15077余万元 in the
subtitle, 15077.38万元 in the body) is marked ``is_total`` too, and the
headline takes the body's subject and period.

>>> figs = extract_figures("本报讯 广州市去年通过“832平台”完成交易额达15077.38万元，占比120.36%。",
...                        subtitle="全市预算单位去年完成交易额达15077余万元",
...                        published_at="2022-02-14T20:52:19+08:00")
>>> [(f.field, f.surface, f.value_yuan, f.metric, f.subject, f.period, f.is_total) for f in figs]
[('subtitle', '15077余万元', 150770000, '交易额', '广州市', '2021', True), ('body', '15077.38万元', 150773800, '交易额', '广州市', '2021', True), ('body', '120.36%', None, '占比', '广州市', '2021', False)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from extractors.figures.metrics import metric_of
from extractors.figures.numerals import HALF_WIDTH, SCALES
from extractors.figures.periods import PeriodMention, base_year, find_periods
from extractors.figures.places import Place, find_places, resolve
from extractors.figures.quantities import Quantity, scan
from extractors.record import Figure

__all__ = ["extract_figures"]

SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _locate(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 else (0, 0)


def _main_subject(places: list[Place]) -> str | None:
    """The first named place, or the most specific of a chain such as 广东省广州市."""
    named = [p for p in places if p.canonical]
    if not named:
        return None
    first = named[0]
    for p in named[1:]:
        if p.start != first.start + len(first.text):
            break
        first = p
    return first.canonical


def _step(q: Quantity) -> float:
    """The precision a headline figure is written to, in yuan (money) or its unit."""
    digits = q.surface.translate(str.maketrans("", "", ",，")).split("余")[0]
    number = re.match(r"[\d.]+", digits)
    text = number.group() if number else ""
    if "." in text:
        step = 10.0 ** -len(text.split(".")[1])
    elif text:
        step = 10.0 ** (len(text) - len(text.rstrip("0")))
    else:
        step = 10.0 ** int(math.log10(q.value)) if q.value else 1.0
    return step * (SCALES.get(q.unit[:-1], 1) if q.kind == "money" else 1)


def _same_fact(head: Figure, step: float, body: Figure) -> bool:
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
    if head.approx in ("余", "多", "超", "逾", "以上"):
        return h <= b < h + step
    if head.approx in ("近", "不到", "以下"):
        return h - step < b <= h
    if head.approx in ("约", "左右"):
        return abs(b - h) <= step
    return abs(b - h) <= step / 2


class _Field:
    """One text (title, subtitle or body) with its sentences, places and periods."""

    def __init__(self, name: str, text: str, quantities: list[Quantity], base: int | None):
        self.name, self.original, self.quantities = name, text, quantities
        self.text = text.translate(HALF_WIDTH)  # same length: offsets hold in both
        self.places = find_places(self.text)
        self.periods = find_periods(self.text, base)
        self.sentences = _spans(SENTENCE, text)
        self.sentence_starts = [s for s, _ in self.sentences]


def _last_before(items: list, start: int, end: int):  # type: ignore[no-untyped-def]
    """The last place or period mention in ``[start, end)`` (periods that resolved to nothing skipped)."""
    found = None
    for item in items:
        if item.start >= end:
            break
        if item.start >= start and getattr(item, "period", True):
            found = item
    return found


def _last_inherited(periods: list[PeriodMention], end: int) -> PeriodMention | None:
    """The period a sentence without one inherits: the last one said before it that carries over."""
    found = None
    for p in periods:
        if p.start >= end:
            break
        if p.period and p.inherits:
            found = p
    return found


def _subject(field: _Field, start: int, end: int, seen: list[Place], main: str | None) -> str | None:
    """The place named last before ``end`` in the sentence from ``start``; 全市 resolved; 甲县、乙县等 → main."""
    place = _last_before(field.places, start, end)
    if place is None:
        return main
    if place.canonical is None:
        return resolve(place, seen + [p for p in field.places if p.start < place.start]) or main
    if field.text.startswith("等", place.start + len(place.text)):
        return main  # 阜平县、涞源县、易县等脱贫县: a group within the article's place
    return place.canonical


def _align_enumerations(field: _Field, figures: list[Figure]) -> None:
    """甲市、乙市分别为A、B: give the i-th figure after 分别 the i-th place before it."""
    for s, e in field.sentences:
        respectively = field.text.find("分别", s, e)
        if respectively < 0:
            continue
        after = [f for f in figures if respectively < f.start < e]
        previous = max((f.end for f in figures if s <= f.start < respectively), default=s)
        places = [p for p in field.places if previous <= p.start < respectively and p.canonical]
        if len(after) >= 2 and all(f.kind == after[0].kind for f in after) and len(places) == len(after):
            for f, p in zip(after, places):
                f.subject = p.canonical


def extract_figures(
    body: str, title: str | None = None, subtitle: str | None = None, published_at: str | None = None
) -> list[Figure]:
    """Every figure of an article, title and subtitle first, each with its meaning."""
    texts = [(n, t, scan(t)) for n, t in (("title", title), ("subtitle", subtitle), ("body", body)) if t]
    if not any(q for _, _, q in texts):
        return []
    base = base_year(published_at, "\n".join(t for _, t, _ in texts))
    fields = [_Field(n, t, q, base) for n, t, q in texts]
    main = _main_subject([p for f in fields for p in f.places])
    default_period = next((p.period for f in fields for p in f.periods if p.period), None)
    if default_period is None and published_at and published_at[:4].isdigit():
        default_period = published_at[:4]  # nothing said: the figure stands as of publication

    figures: list[Figure] = []
    seen: list[Place] = []
    for field in fields:
        text = field.text
        found = []
        for q in field.quantities:
            s, e = _locate(field.sentences, field.sentence_starts, q.start)
            period_at = _last_before(field.periods, s, q.start) or _last_inherited(field.periods, q.start)
            found.append(
                Figure(
                    surface=q.surface, kind=q.kind, value=q.value, unit=q.unit, value_yuan=q.value_yuan,
                    approx=q.approx, range_to=q.range_to,
                    metric=metric_of(text[s : q.start], text[q.end : min(e, q.end + 16)]),
                    subject=_subject(field, s, q.start, seen, main),
                    period=period_at.period if period_at else default_period,
                    sentence=field.original[s:e].strip(), start=q.start, end=q.end, field=field.name,
                    is_total=field.name != "body",
                )
            )
        _align_enumerations(field, found)
        figures += found
        seen.extend(field.places)
    _link_headlines(figures, [q for f in fields for q in f.quantities])
    return figures


def _link_headlines(figures: list[Figure], quantities: list[Quantity]) -> None:
    """Mark body figures that a title/subtitle figure reports as totals, and share their meaning."""
    body = [f for f in figures if f.field == "body"]
    for head, q in zip(figures, quantities):
        if head.field == "body":
            break
        step = _step(q)
        matches = [b for b in body if _same_fact(head, step, b)]
        for b in matches:
            b.is_total = True
        if matches:
            head.metric = head.metric or matches[0].metric
            head.subject, head.period = matches[0].subject, matches[0].period
