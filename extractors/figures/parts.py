"""Figures that are parts of another: after 其中, or a breakdown that adds up to a total just given.

``parent`` is the index of the whole in the article's figure list, so that a
sum over figures without a parent counts every amount once.

>>> from extractors.record import Figure
>>> def money(yuan, start, sentence=0):
...     return Figure(str(yuan), "money", yuan, "元", value_yuan=yuan, start=start, end=start + 1, metric="m")
>>> body = "采购100元，其中货物60元。工程40元。"
>>> figs = [money(100, 2), money(60, 10), money(40, 16)]
>>> link_parts(figs, [(body, [(0, 18)], [(0, 14), (14, 21)])], [0, 0, 0])
>>> [f.parent for f in figs]
[None, 0, None]
"""

from __future__ import annotations

from bisect import bisect_right

from extractors.record import Figure

WHOLE_KINDS = ("money", "count")


def _is_level(f: Figure) -> bool:
    return not f.change and not (f.metric or "").endswith(("占比", "比例", "比重"))


def _close(total: float, parts: float) -> bool:
    return abs(total - parts) <= max(0.006 * abs(total), 1e-9)


def link_parts(figures: list[Figure], fields: list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]],
               field_of: list[int]) -> None:
    """Set ``parent`` of the figures that are parts. ``fields``: each field's text, paragraph spans and
    sentence spans; ``field_of``: the index of each figure's field."""
    for k, (text, paragraphs, sentences) in enumerate(fields):
        mine = [i for i, f in enumerate(figures) if field_of[i] == k]
        sentence_starts = [s for s, _ in sentences]
        paragraph_starts = [s for s, _ in paragraphs]

        def sentence(i: int) -> int:
            return bisect_right(sentence_starts, figures[i].start) - 1

        def paragraph(i: int) -> int:
            return bisect_right(paragraph_starts, figures[i].start) - 1

        for n, i in enumerate(mine):
            f = figures[i]
            if f.kind not in WHOLE_KINDS or not _is_level(f):
                continue
            s_start = sentences[sentence(i)][0] if sentence(i) >= 0 else 0
            where = text.rfind("其中", s_start, f.start)
            if where < 0 and sentence(i) > 0 and text.startswith("其中", s_start):
                where = s_start
            if where < 0:
                continue
            wholes = [j for j in mine[:n] if figures[j].start < where and figures[j].kind == f.kind
                      and _is_level(figures[j]) and paragraph(j) == paragraph(i) and figures[j].parent is None]
            if wholes:
                f.parent = wholes[-1]
        _sums(figures, mine, sentence, paragraph)


def _sums(figures: list[Figure], mine: list[int], sentence, paragraph) -> None:  # type: ignore[no-untyped-def]
    """A sentence whose money figures add up to a figure given just before is its breakdown."""
    groups: dict[int, list[int]] = {}
    for i in mine:
        f = figures[i]
        if f.kind == "money" and f.value_yuan is not None and _is_level(f) and f.parent is None:
            groups.setdefault(sentence(i), []).append(i)
    for s, members in groups.items():
        if len(members) < 2:
            continue
        total = sum(figures[i].value_yuan for i in members)  # type: ignore[misc]
        earlier = [j for j in mine if j < members[0] and figures[j].kind == "money" and figures[j].value_yuan
                   and _is_level(figures[j]) and paragraph(members[0]) - paragraph(j) <= 1 and sentence(j) != s]
        for j in reversed(earlier[-6:]):
            if _close(figures[j].value_yuan, total):  # type: ignore[arg-type]
                for i in members:
                    figures[i].parent = j
                break
