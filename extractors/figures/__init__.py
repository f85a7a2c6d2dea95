"""Figures with their meaning: amount, unit, what was measured, whose, when.

:func:`extract_figures` scans the title, subtitle and body for amounts
(:mod:`.quantities`), then gives each its metric (:mod:`.metrics`), subject (the
place it belongs to, :mod:`.places`; 全市/该市/全区 resolve to the place
named earlier) and period (:mod:`.periods`; 去年/今年 resolve against
``published_at``). Headline figures (title, subtitle) are totals; a body
figure that states the same fact more precisely (15077余万元 in the
subtitle, 15077.38万元 in the body) is marked ``is_total`` too, and the
headline takes the body's subject and period (:mod:`.headlines`).

Units are kept as written (value 15077.38, unit 万元; ``value_yuan`` is the
amount in yuan, an int when whole). Kinds: money, percent, points (个百分点),
count, area, duration, weight. Pure and fast: regexes and the gazetteer are
compiled once at import; no jieba.

>>> figs = extract_figures("本报讯 广州市去年通过“832平台”完成交易额达15077.38万元，占比120.36%。",
...                        subtitle="全市预算单位去年完成交易额达15077余万元",
...                        published_at="2022-02-14T20:52:19+08:00")
>>> [(f.field, f.surface, f.value_yuan, f.metric, f.subject, f.period, f.is_total) for f in figs]
[('subtitle', '15077余万元', 150770000, '交易额', '广州市', '2021', True), ('body', '15077.38万元', 150773800, '交易额', '广州市', '2021', True), ('body', '120.36%', None, '占比', '广州市', '2021', False)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TypeVar

from extractors.figures.headlines import link_headlines
from extractors.figures.metrics import metric_of
from extractors.figures.numerals import HALF_WIDTH
from extractors.figures.periods import PeriodMention, base_year, find_periods
from extractors.figures.places import Place, find_places, resolve
from extractors.figures.quantities import Quantity, scan
from extractors.record import Figure

__all__ = ["extract_figures"]

Mention = TypeVar("Mention", Place, PeriodMention)

# kinds whose metric may be said once for several figures of a sentence (采购金额共计5000万元，其中工程类3000万元)
AMOUNTS = ("money", "percent", "points")
SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _locate(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 else (0, 0)


class _Field:
    """One text (title, subtitle or body) with its sentences, places and periods."""

    def __init__(self, name: str, text: str, quantities: list[Quantity], base: int | None):
        self.name, self.original, self.quantities = name, text, quantities
        self.text = text.translate(HALF_WIDTH)  # same length: offsets hold in both
        self.places = find_places(self.text)
        self.place_starts = [p.start for p in self.places]
        self.periods = find_periods(self.text, base)
        self.period_starts = [p.start for p in self.periods]
        self.carried = _carried_over(self.periods)
        self.sentences = _spans(SENTENCE, text)
        self.sentence_starts = [s for s, _ in self.sentences]


NATIONAL = re.compile("财政部|国务院|国家|中央|全国")
DOCUMENT_TITLE = re.compile("《[^》]*》")  # 《财政部关于…的通知》 names a document, not the actor


def _main_subject(fields: list[_Field]) -> str | None:
    """Whose figures the article reports: its first named place, or the most specific of a chain
    such as 广东省广州市; 全国 when a national body (财政部, 国家…) is named before any place."""
    for field in fields:
        first = next((p.start for p in field.places if p.canonical), len(field.text))
        if NATIONAL.search(DOCUMENT_TITLE.sub("", field.text[:first])):
            return "全国"
        if first < len(field.text):
            break
    named = [p for f in fields for p in f.places if p.canonical]
    if not named:
        return None
    first = named[0]
    for p in named[1:]:
        if p.start != first.start + len(first.text):
            break
        first = p
    return first.canonical


def _last_before(items: list[Mention], starts: list[int], start: int, end: int,
                 keep: Callable[[Mention], bool] = lambda m: True) -> Mention | None:
    """The last mention in ``[start, end)`` that ``keep`` accepts (``starts``: the mentions' offsets)."""
    i = bisect_left(starts, end) - 1
    while i >= 0 and starts[i] >= start:
        if keep(items[i]):
            return items[i]
        i -= 1
    return None


def _said(p: PeriodMention) -> bool:
    return p.period is not None


def _carried_over(periods: list[PeriodMention]) -> list[PeriodMention | None]:
    """For each period mention, the period a later sentence without one of its own takes
    (see :class:`PeriodMention`): the last that carries over; a weak one only if none came before."""
    out: list[PeriodMention | None] = []
    found = None
    for p in periods:
        if p.period is not None and p.inherits and not (p.weak and found):
            found = p
        out.append(found)
    return out


BREAKDOWN = re.compile(r"\s*其中")


def _breakdown(field: _Field, start: int, found: list[Figure]) -> PeriodMention | None:
    """A sentence opening with 其中 breaks down the previous sentence's figure: it takes that figure's period."""
    if not BREAKDOWN.match(field.text, start) or not found or found[-1].start >= start or found[-1].period is None:
        return None
    return PeriodMention("其中", found[-1].period, start)


def _subject(field: _Field, start: int, end: int, seen: list[Place], main: str | None) -> str | None:
    """The place named last before ``end`` in the sentence from ``start``; 全市 resolved; 甲县、乙县等 → main."""
    place = _last_before(field.places, field.place_starts, start, end)
    if place is None:
        return main
    if place.canonical is None:
        earlier = seen + field.places[: bisect_left(field.place_starts, place.start)]
        return resolve(place, earlier, main) or main
    if field.text.startswith("等", place.start + len(place.text)):
        return main  # 阜平县、涞源县、易县等脱贫县: a group within the article's place
    return place.canonical


def _align_enumerations(field: _Field, figures: list[Figure]) -> None:
    """甲市、乙市分别为A、B: give the i-th figure after 分别 the i-th place before it."""
    starts = [f.start for f in figures]
    for s, e in field.sentences:
        respectively = field.text.find("分别", s, e)
        if respectively < 0:
            continue
        after = figures[bisect_left(starts, respectively) : bisect_left(starts, e)]
        before = figures[bisect_left(starts, s) : bisect_left(starts, respectively)]
        previous = before[-1].end if before else s
        places = [p for p in field.places[bisect_left(field.place_starts, previous) : bisect_left(field.place_starts, respectively)]
                  if p.canonical]
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
    main = _main_subject(fields)
    # nothing said before a figure: the headline's period, else the figure stands as of publication,
    # else (no date) the first period the body names
    default_period = next((p.period for f in fields if f.name != "body" for p in f.periods if p.period), None)
    if default_period is None and published_at and published_at[:4].isdigit():
        default_period = published_at[:4]
    if default_period is None:
        default_period = next((p.period for f in fields for p in f.periods if p.period), None)

    figures: list[Figure] = []
    seen: list[Place] = []
    for field in fields:
        text = field.text
        found: list[Figure] = []
        for q in field.quantities:
            s, e = _locate(field.sentences, field.sentence_starts, q.start)
            period_at = _last_before(field.periods, field.period_starts, s, q.start, _said)
            if period_at is None:
                i = bisect_left(field.period_starts, q.start) - 1
                period_at = field.carried[i] if i >= 0 else None
            if period_at is None or period_at.start < s:
                period_at = _breakdown(field, s, found) or period_at
            found.append(
                Figure(
                    surface=q.surface, kind=q.kind, value=q.value, unit=q.unit, value_yuan=q.value_yuan,
                    approx=q.approx, range_to=q.range_to,
                    metric=metric_of(text[s : q.start], text[q.end : min(e, q.end + 16)],
                                     whole_sentence=q.kind in AMOUNTS, money=q.kind == "money"),
                    subject=_subject(field, s, q.start, seen, main),
                    period=period_at.period if period_at else default_period,
                    sentence=field.original[s:e].strip(), start=q.start, end=q.end, field=field.name,
                    is_total=field.name != "body",
                )
            )
        _align_enumerations(field, found)
        figures += found
        seen.extend(field.places)
    _one_currency(figures)
    link_headlines(figures, [q for f in fields for q in f.quantities])
    return figures


def _one_currency(figures: list[Figure]) -> None:
    """An article that counts in 新台币 once counts in it throughout: its other 元 are not yuan either."""
    if any(f.kind == "money" and f.unit.startswith("新台币") for f in figures):
        for f in figures:
            if f.kind == "money" and f.value_yuan is not None:
                f.unit, f.value_yuan = "新台币" + f.unit, None
