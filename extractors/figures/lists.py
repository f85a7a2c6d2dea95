"""Parallel lists: 货物、工程、服务类采购规模分别为8.26亿元、3.17亿元和6.05亿元.

The items before 分别/依次 pair with the figures after it, in order. Items
that qualify one head share it (货物 → 货物类采购规模); items that are
whole metrics keep their own (政府采购规模和节约资金分别为…); items that are
places give the figures their subjects (宜昌、襄阳两市分别…).

>>> [i.text for i in items("货物、工程、服务类采购规模", 0)]
['货物类采购规模', '工程类采购规模', '服务类采购规模']
>>> [i.text for i in items("政府集中采购、部门集中采购和分散采购金额", 0)]
['政府集中采购金额', '部门集中采购金额', '分散采购金额']
>>> [i.text for i in items("政府采购规模和节约资金", 0)]
['政府采购规模', '节约资金']
>>> [i.text for i in items("公开招标、询价及单一来源采购成交金额", 0)]
['公开招标成交金额', '询价成交金额', '单一来源采购成交金额']
>>> [i.text for i in items("厚坡镇、九重镇和香花镇消费帮扶销售额", 0)]
['厚坡镇消费帮扶销售额', '九重镇消费帮扶销售额', '香花镇消费帮扶销售额']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from extractors.figures.clauses import tagged
from extractors.figures.metrics import is_head
from extractors.figures.periods import parse_count

RESPECTIVELY = re.compile("分别|依次|各自")
SEPARATOR = re.compile("、|以及|和|及|与")
SUFFIXES = ("类", "级", "型", "性", "方式")


@dataclass
class Item:
    """One item of a list: its text as a metric (the shared head added) at ``start`` in the source."""

    text: str
    start: int
    end: int


COUNTED = re.compile(r"(?P<n>[二两三四五六七八九十]|\d{1,2})(?:个|家|所|项|大)?")


def _uncounted(last: str, n: int) -> tuple[str, int | None]:
    """The last item without the count of the items and their noun that close the list, and where the item ends
    (养老服务、公共卫生、社区治理三个领域 → 社区治理; 娄葑、…、胜浦四个街道实际采购金额 → 胜浦实际采购金额, 胜浦 ending at 2).

    >>> _uncounted("社区治理三个领域", 3), _uncounted("胜浦四个街道实际采购金额", 4), _uncounted("服务三大类", 2)
    (('社区治理', 4), ('胜浦实际采购金额', 2), ('服务三大类', None))
    """
    for m in COUNTED.finditer(last, 1):
        if parse_count(m.group("n")) == n and (noun := tagged(last[m.end() :])) and noun[0][1] in ("n", "nz", "ns"):
            return last[: m.start()] + last[m.end() + len(noun[0][0]) :], m.start()
    return last, None


def items(segment: str, offset: int) -> list[Item]:
    """The items of a list written in ``segment`` (at ``offset`` in its text), each completed with the
    head the last one carries; one item when there is no list."""
    spans, pos = [], 0
    for m in SEPARATOR.finditer(segment):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(segment)))
    parts = [segment[s:e] for s, e in spans]
    if len(parts) < 2 or not all(parts):
        return [Item(segment, offset, offset + len(segment))]
    parts[-1], counted = _uncounted(parts[-1], len(parts))
    last = parts[-1]
    if is_head(tagged(parts[0])[-1][0]) or counted == len(last):  # whole metrics: 政府采购规模和节约资金; whole items
        return [Item(p, offset + s, offset + e) for p, (s, e) in zip(parts, spans)]  # counted: …、社区治理三个领域
    shared = os.path.commonprefix([p[::-1] for p in parts[:-1]])[::-1] if len(parts) > 2 else ""
    while len(shared) >= 2 and shared not in last:  # 集中采购 of 政府集中采购, 部门集中采购; 采购 in 分散采购金额
        shared = shared[1:]
    cut = last.rfind(shared) + len(shared) if len(shared) >= 2 else 0
    ends = os.path.commonprefix([p[::-1] for p in parts[:-1]])[:1]  # 厚坡镇、九重镇和香花镇消费帮扶销售额
    if not cut and ends and ends in "镇乡村区县市省州旗类级" and 0 < last.find(ends) <= max(map(len, parts[:-1])):
        cut = last.find(ends) + 1  # (the last item ends as the others do)
    cut = cut or counted or 0  # (胜浦四个街道实际采购金额: 胜浦 ends where the count begins)
    if not cut:  # as many words as the item before it: 服务 of 服务类采购规模
        cut = len("".join(w for w, _ in tagged(last)[: len(tagged(parts[-2]))]))
    suffix = next((x for x in SUFFIXES if last.startswith(x, cut)), "")
    cut += len(suffix)
    suffix = suffix or next((x for x in SUFFIXES if last[:cut].endswith(x)), "")
    head = last[cut:]
    if head.startswith("采购") and len(head) >= 6 and is_head(head[2:]):
        head, cut = head[2:], cut + 2  # 询价及单一来源采购成交金额: 采购 ends the last item, 成交金额 is shared
    if not head:
        return [Item(p, offset + s, offset + e) for p, (s, e) in zip(parts, spans)]
    out = []
    for p, (s, e) in zip(parts, spans):
        own = p[:cut] if p is last else p + ("" if p.endswith(suffix) else suffix)
        out.append(Item(own + head, offset + s, offset + e))
    return out
