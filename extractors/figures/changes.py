"""Figures that state a change, not a level: 比上年增加3120.55万元, 同比增长15.6%, 下降2个百分点.

A change is a figure right after a verb of change (增加, 增长, 减少, 下降,
提高, 降低, 上升, 回落 …; 多/少 only after a comparison: 比上年多); a verb
followed by 到/至 gives the new level instead (增至, 提高到200万元). The
comparison says what the change is measured against: 比上年, 较去年, 同比
(the same period a year before), 环比 (the period before), 较2022年.

>>> c = change_before("全省政府采购规模比上年增长")
>>> (c.start, c.comparison, c.base("2022-H1"))
(8, '比上年', '2021-H1')
>>> change_before("较2022年同期减少约").base("2024-Q1"), change_before("环比增长").base("2024-05")
('2022-Q1', '2024-04')
>>> change_before("提高到"), change_before("新增"), change_before("多")
(None, None, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.figures.periods import QUARTERS, previous, shift

AGAINST_ONLY = ("少收", "多收", "短收", "超收", "少支出", "多支出", "少支", "多支")  # changes only against something
CHANGE = re.compile(
    r"(?=[同环比较与相对分平均增成减下提降上回扩缩压高低多少攀涨跌])"  # (lets re skip text fast: the first characters of the words below)
    r"(?P<cmp>同比|环比|(?:比|较|与|相比|对比)(?P<what>[^，。；、,;]{0,14}?)(?:相比|相较)?)?(?:分别|平均|均)?"
    r"(?P<verb>增加|增长|成长|减少|下降|提高|提升|降低|上升|上涨|下跌|回升|回落|下滑|攀升|扩大|缩小|缩减|压减|高出|低出|多出"
    rf"|{'|'.join(AGAINST_ONLY)}"
    r"|减|增|涨|跌|多|少|高|低)了?"
    r"(?:约|近|超过|超|逾|达|将近|接近|不到|不足)?[-−]?$"
)
WHAT = re.compile(r"(?P<opening>年初|上年末|去年末|上年底|去年底)|(?P<rel>上年|去年|上一年|前一年)|(?P<year>(?:19|20)\d{2})年"
                  r"|(?P<roc>1[0-2]\d)年|(?P<prev>上月|上季度|上半年|上期)|第?(?P<quarter>[一二三四1-4])季度"
                  r"|(?P<month>1[0-2]|[1-9])月份?")


@dataclass
class Change:
    """A verb of change at ``start`` (its comparison included), with the comparison as written."""

    start: int
    comparison: str | None

    def base(self, period: str | None) -> str | None:
        """The period the change is measured against, for a figure of ``period``; None when unsaid."""
        if not self.comparison:
            return None
        if self.comparison == "环比":
            return previous(period)
        if self.comparison == "同比":
            return shift(period)
        m = WHAT.search(self.comparison)
        if m is None:
            return None
        if m.group("opening"):  # 比年初增加: against the end of the year before (a balance's base)
            year = period and period.lstrip(".")[:4]  # (a balance to a date: ..2024-09 against 2023-12)
            return f"{int(year) - 1}-12" if year and year.isdigit() else None
        if m.group("rel"):
            return shift(period)
        if m.group("prev"):
            return previous(period)
        if m.group("quarter"):  # 比第二季度增加: that quarter of the figure's year
            return f"{period[:4]}-Q{QUARTERS[m.group('quarter')]}" if period and period[:4].isdigit() else None
        if m.group("month"):  # 与4月份相比: that month of the figure's year
            return f"{period[:4]}-{int(m.group('month')):02d}" if period and period[:4].isdigit() else None
        year = m.group("year") or str(int(m.group("roc")) + 1911)  # 较111年度: Taiwan counts years from 1912
        if period and "同期" in self.comparison and len(period) > 4 and ".." not in period:
            return year + period[4:]
        if period and "同期" in self.comparison and ".." in period:
            return shift(period, int(year) - int(period[:4]))
        return year


# a verb of change before what changed: 为企业减少资金占用12.4亿元, 降低交易成本超过1.2亿元
CHANGE_OF = re.compile(r"(?P<verb>减少|降低|增加|压减|压缩|减轻|核减|削减|调减)(?![到至为])(?P<what>[^\d，。；、,;：:（）()]{2,8}?)"
                       r"(?:约|近|超过|超|逾|达|共|累计)?$")


def change_of(text: str) -> tuple[Change, str] | None:
    """A change verb with what changed after it, ending ``text``: (the change, its name: the verb and what changed,
    as reports name such savings).

    >>> change_of("为企业减少资金占用")[1], change_of("节约资金")
    ('减少资金占用', None)
    """
    m = CHANGE_OF.search(text)
    return (Change(m.start(), None), m.group("verb") + m.group("what")) if m else None


def change_before(text: str) -> Change | None:
    """The change verb that ends ``text`` (a clause up to a figure), or None when the figure is a level."""
    m = CHANGE.search(text)
    if m is None:
        return None
    verb, cmp = m.group("verb"), m.group("cmp")
    if (len(verb) == 1 or verb in AGAINST_ONLY) and not cmp:
        return None  # 多, 少, 增, 减, 高, 低 alone: 多家, 增设; a change only after a comparison (比上年多); 多收取代理费
        # 3.7万元 is what was overcharged, 比预算少收5.96亿元 a change
    if verb == "增加" and text[: m.start("verb")].endswith("新"):
        return None  # 新增加: new items, a level
    return Change(m.start(), cmp)
