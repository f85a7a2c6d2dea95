"""Figures that are parts of another: after 其中 (or 县区中), or a breakdown that adds up to a total.

``parent`` is the index of the whole in the article's figure list, so that a
sum over figures without a parent counts every amount once. After 其中 each
part takes the whole of its own quantity (其中，市本级采购预算… and 实际采购… are
parts of the 采购预算 and the 实际采购 given before), else the sentence's first
total; amounts that follow a total and add up to it (货物类…，工程类…，服务类…)
are its parts wherever they stand.

>>> from extractors.record import Figure
>>> def money(yuan, start, metric):
...     return Figure(str(yuan), "money", yuan, "元", value_yuan=yuan, start=start, end=start + 1, metric=metric)
>>> body = "预算100元，节约10元。其中，本级预算60元，节约6元。"
>>> figs = [money(100, 2, "预算"), money(10, 9, "节约"), money(60, 19, "本级预算"), money(6, 26, "节约")]
>>> link_parts(figs, [(body, [(0, len(body))])], [0, 0, 0, 0])
>>> [f.parent for f in figs]
[None, None, 0, 1]
>>> figs = [money(100, 0, "规模"), money(60.2, 10, "货物类规模"), money(39.8, 20, "工程类规模")]
>>> link_parts(figs, [("x" * 30, [(0, 30)])], [0, 0, 0])
>>> [f.parent for f in figs]
[None, 0, 0]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator

from extractors.figures.metrics import DEALS, head
from extractors.figures.periods import bounds
from extractors.figures.scopes import GROUP, SCOPE
from extractors.record import Figure

WHOLE_KINDS = ("money", "count")
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
# a sentence that opens by saying what follows is part of what came before: 其中，… 县区中，…
PART_OPENING = re.compile(r"\s*(?:其中|[^，。；,;\s]{1,6}中)[，,：:]")
BOUNDS = ("以上", "以下", "超", "不到", "不足", "逾")
EACH = re.compile(r"均(?:超过|超|达到|达|在|逾|突破|高于|低于|不低于)?$")
# a sentence that opens by saying how what follows divides a total (分板块看，按采购方式分，從採購性質區分：)
DIVIDED = re.compile(r"\s*(?:分|按|从|從|以|依)[^，。；：:\n\d]{1,10}?(?:划分|劃分|区分|區分|分类|分類|来看|來看|看|分)[，,：:]")
LOOKBACK = 200  # figures before a part among which its whole is looked for
RUN = 20  # amounts after a total among which its breakdown is looked for


def _is_level(f: Figure) -> bool:
    return not f.change and not (f.metric or "").endswith(("占比", "比例", "比重"))


def _same_quantity(part: Figure, whole: Figure) -> bool:
    """Whether ``part`` measures what ``whole`` does (市本级实际采购 of 实际采购金额; same measured word)."""
    if not part.metric or not whole.metric:
        return False
    core = SCOPE.sub("", part.metric, count=1) if SCOPE.match(part.metric) else part.metric
    if not core:
        return False  # 自治区本级52.18亿元: a scope alone says nothing of which total (its sum does)
    return core in whole.metric or whole.metric in core or head(part.metric) == head(whole.metric)


def link_parts(figures: list[Figure], fields: list[tuple[str, list[tuple[int, int]]]], field_of: list[int]) -> None:
    """Set ``parent`` of the figures that are parts. ``fields``: each field's text and paragraph spans;
    ``field_of``: the index of each figure's field."""
    for k, (text, paragraphs) in enumerate(fields):
        mine = [i for i, f in enumerate(figures) if field_of[i] == k]
        sentences = [m.span() for m in SENTENCE.finditer(text)]
        starts = [s for s, _ in sentences]
        paragraph_starts = [s for s, _ in paragraphs]

        def sentence(i: int) -> int:
            return bisect_right(starts, figures[i].start) - 1

        def paragraph(i: int) -> int:
            return bisect_right(paragraph_starts, figures[i].start) - 1

        fallback: dict[int, int] = {}
        for n, i in enumerate(mine):
            f = figures[i]
            if f.kind not in WHOLE_KINDS or not _is_level(f) or sentence(i) < 0 or EACH.search(text, max(0, f.start - 4), f.start) \
                    or f.parent is not None:
                continue  # (3个设区市均超过300亿元: a bound each meets, not a part; a table's cell is linked by its column)
            s_start = sentences[sentence(i)][0]
            where = text.rfind("其中", s_start, f.start)
            if where >= 0 and max(text.rfind("；", where, f.start), text.rfind(";", where, f.start)) >= 0:
                where = -1  # 货物类2.17亿元，其中…；工程类0.88亿元: 其中 ended at the semicolon
            opening = PART_OPENING.match(text, s_start)
            if where < 0 and opening:
                where = s_start
            if where < 0:
                continue
            wholes = [j for j in _before(mine, n, lambda j: paragraph(i) - paragraph(j) <= 1)
                      if figures[j].start < where and figures[j].kind == f.kind and _is_level(figures[j])
                      and (figures[j].parent is None or sentence(j) == sentence(i))  # a part broken down again
                      and _within(f.period, figures[j].period)
                      and figures[j].approx not in BOUNDS][::-1]  # (均超过8亿元，其中寿光市达11.26亿元: a bound, no total)
            if not wholes:
                continue
            same = [j for j in wholes if _same_quantity(f, figures[j])]
            groups = [j for j in wholes if _in_group(f, figures[j]) and (j in same or SCOPE.fullmatch(figures[j].metric))]
            if groups:  # 市本级41.35亿元，县（市、区）105.45亿元，其中瑞金市…12.07亿元: the counties' total
                f.parent = groups[-1]
            elif same:
                f.parent = same[-1]
            else:  # the sentence's first total, unless the parts add up to another (checked by _sums first)
                fallback[i] = [j for j in wholes if sentence(j) == sentence(wholes[-1])][0]

        def divided(i: int) -> bool:
            return DIVIDED.match(text, sentences[sentence(i)][0]) is not None

        _sums(figures, mine, sentence, paragraph, divided)
        for i, j in fallback.items():
            if figures[i].parent is None:
                figures[i].parent = j
        _groups(figures, mine, paragraph)


def _within(part: str | None, whole: str | None) -> bool:
    """Whether a figure of period ``part`` can be a part of one of ``whole``: the same period, one unsaid, or months
    inside a whole's months (其中7月29.48亿元 of 三季度97.35亿元; not inside a whole year).

    >>> _within("2023-07", "2023-Q3"), _within("2023-07", "2023"), _within("2017", "2016..2020")
    (True, False, False)
    """
    if part == whole or None in (part, whole):
        return True
    p, w = bounds(part), bounds(whole)  # (not the years of a plan's total, nor a case's month in a year)
    return bool(p and w and w[0][:4] == w[1][:4] and w != (w[0][:4] + "-01", w[0][:4] + "-12") and p != w
                and w[0] <= p[0] and p[1] <= w[1])


def _in_group(part: Figure, whole: Figure) -> bool:
    """Whether ``whole`` is the total of a group of places (县（市、区）, 各区) that holds ``part``'s place."""
    return bool(whole.metric and GROUP.match(whole.metric) and part.subject and whole.subject
                and part.subject != whole.subject and part.subject.startswith(whole.subject))


def _before(mine: list[int], n: int, near: Callable[[int], bool]) -> Iterator[int]:
    """The figures before the ``n``-th, nearest first, while ``near`` holds (a paragraph or two back) and at most
    ``LOOKBACK`` of them: a text of one endless paragraph stays linear."""
    for k in range(n - 1, max(-1, n - 1 - LOOKBACK), -1):
        if not near(mine[k]):
            return
        yield mine[k]


def _groups(figures: list[Figure], mine: list[int], paragraph) -> None:  # type: ignore[no-untyped-def]
    """Figures of single places after a figure of their group (各区政府采购规模58.5亿元 … 思明区13.6亿元)
    are parts of it."""
    groups = [n for n, j in enumerate(mine) if figures[j].kind == "money" and figures[j].metric
              and GROUP.match(figures[j].metric) and _is_level(figures[j])]  # 各区…, 县（市）区…
    for n, i in enumerate(mine):
        f = figures[i]
        if f.parent is not None or f.kind != "money" or not _is_level(f) or not f.subject or not groups \
                or f.approx in BOUNDS:  # (龙口市、招远市均超过4亿元: a bound, not a part)
            continue
        for k in range(bisect_left(groups, n) - 1, -1, -1):
            g, j = figures[mine[groups[k]]], mine[groups[k]]
            if paragraph(i) - paragraph(j) > 1:
                break
            if g.subject != f.subject and f.subject.startswith(g.subject or "\0"):
                f.parent = j
                break


def _siblings(a: Figure, b: Figure) -> bool:
    """Whether two amounts can be parts of one total: they measure one quantity (货物类采购, 工程类采购; not 实际采购
    and 节约资金), or one is named only by its kind (县市区, 财物类) and the other by a kind and a measure
    (市本级政府采购金额, 工程类决标金额), or by a measure alone when the two are of different places (市本级 312456；
    麒麟区 85236: the district's 政府采购规模)."""
    ha, hb = head(a.metric), head(b.metric)
    if ha and hb:
        return ha == hb
    known = a if ha else b if hb else None
    other = b if known is a else a
    return known is None or known.metric != ha and known.metric != hb \
        or a.subject != b.subject and bool(other.metric and SCOPE.fullmatch(other.metric))


def _amount(f: Figure) -> float:
    """An amount in its currency's base unit (新台币 adds up as yuan do); 0 when unknown."""
    return f.base_value if f.base_value is not None else f.value_yuan or 0


def _sums(figures: list[Figure], mine: list[int], sentence: Callable[[int], int], paragraph: Callable[[int], int],
          divided: Callable[[int], bool]) -> None:
    """Runs of amounts after a total (the next ``RUN`` amounts), measuring one quantity or named by their kind in one
    ``divided`` sentence (分板块看，工程建设项目交易额…，政府采购…，国有产权交易…), that add up to it are its parts (a
    total can be broken down twice: by kind of purchase, then by way of purchasing). A run that had to drop amounts
    before it to come down to the total is taken within one paragraph or a row a line only, and the tail of a
    list of places not at all: many such tails sum to some total by chance."""
    amounts = [j for j in mine if figures[j].kind == "money"]  # (rows with a rate each: 采购规模231460，节约率5.1)
    for t in reversed(mine):  # the nearest total first: 实际采购 before 采购预算
        total = figures[t]
        if total.kind != "money" or not _amount(total) or not _is_level(total) or total.approx in BOUNDS:
            continue  # (200万元以下 is a threshold, not a total)
        run: list[int] = []
        added = 0.0  # the run's sum
        tail = -1  # the sentence (``sentence``: its index) of a list whose first items were dropped from the run
        slid = False  # whether the run slid on, amounts before it dropped for making more than the total
        after = bisect_right(amounts, t)
        for i in amounts[after : after + RUN]:
            f = figures[i]
            if not _amount(f) or f.base_unit != total.base_unit or not _is_level(f) \
                    or f.parent is not None or f.approx in BOUNDS or not _within(f.period, total.period):
                continue  # (2021年至2023年分别为…: each year's, not parts of one another)
            if run and not _siblings(figures[run[0]], f) and not (divided(i) and sentence(i) == sentence(run[0])
                                                                   and head(f.metric) in (None, *DEALS)):
                if not _siblings(total, f) and f.sentence == figures[run[-1]].sentence:
                    continue  # 分板块看：…；政府采购交易额54.32亿元，节约资金3.11亿元；土地…: an aside of another quantity
                run, added, tail, slid = [], 0.0, sentence(run[-1]), False
            run.append(i)
            added += _amount(f)
            while run and added > _amount(total) * 1.003:
                added -= _amount(figures[dropped := run.pop(0)])
                tail, slid = sentence(dropped), True
            while len(run) > 2 and added - _amount(figures[run[0]]) >= _amount(total) * 0.997:
                added -= _amount(figures[run.pop(0)])  # (每个环节每亩补助15元至25元 before 1062万元、576万元…: no part)
            if len(run) >= 2 and added >= _amount(total) * 0.997 \
                    and not (sentence(run[0]) == tail and len({figures[j].subject for j in run}) > 1) \
                    and (not slid or len({paragraph(j) for j in run}) in (1, len(run))):
                for j in run:
                    figures[j].parent = t
                run, added, slid = [], 0.0, False
