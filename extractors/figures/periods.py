"""Time expressions that say which period a figure covers.

Period strings: ``2021`` a year; ``2024-H1``/``2024-H2`` a half;
``2024-Q1`` a quarter; ``2024-06`` a month, or the year to date through that
month (截至6月底, 1-5月, 前三季度 → ``2024-09``); month ranges that are a
half or a quarter become one (1-6月 → ``2024-H1``, 7—9月 → ``2024-Q3``);
``2016-2020`` a span of years (十三五, 2019年至2020年). Relative words (今年,
去年, 全年, 上半年 without a year) resolve against ``base_year``: the published
year, else the latest year the article names; ``2020年以来`` is the span to
``base_year``. Comparison bases (较去年,
去年同期, 由去年的) are not periods of the figures that follow them.

>>> [(p.text, p.period) for p in find_periods("截至今年6月底，去年上半年，2021年度，十四五期间，1月至9月", 2024)]
[('今年6月底', '2024-06'), ('去年上半年', '2023-H1'), ('2021年度', '2021'), ('十四五', '2021-2025'), ('1月至9月', '2024-09')]
>>> [p.period for p in find_periods("较去年同期增长，2020年1—11月，7—9月", 2020)]
['2020-11', '2020-Q3']
>>> [p.period for p in find_periods("自2020年10月启动试点以来", 2024)]
['2020-2024']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "本年度": 0, "全年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
            "明年": 1}
HALVES_AND_QUARTERS = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
PLANS = {"十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}

PART = r"上半年|下半年|前三季度|第?[一二三四]季度|(?:(?P<m0>\d{1,2})月?[-—–至~到])?(?P<m>\d{1,2})月(?:份|底|末)?"
PART_BARE = (
    r"上半年|下半年|前三季度|第?[一二三四]季度|(?P<bm0>\d{1,2})月?[-—–至~到](?P<bm>\d{1,2})月"
    r"|(?<=截至)(?P<bm1>\d{1,2})月(?:底|末)?"
)
PERIOD = re.compile(
    r"(?=[\d十今本当全去上前明第一二三四下])"  # lets re skip text fast
    r"(?:(?<!\d)(?P<y1>\d{4})年?(?:至|到|-|—|～)(?P<y2>\d{4})年"
    r"|(?P<plan>十二五|十三五|十四五|十五五)"
    r"|(?:(?<!\d)(?P<y>(?:19|20)\d{2})年(?:度)?|(?<![较比由同])(?P<rel>本年度|上一年|今年|本年|当年|全年|去年|上年|前年|明年))"
    f"(?P<part>{PART})?"
    f"|(?P<bare>{PART_BARE}))"
)


DAY = re.compile(r"\d{1,2}日")
SINCE = re.compile(r"[^，。；、,;]{0,8}?以来")


@dataclass
class PeriodMention:
    """``text`` at ``start`` means ``period``; ``inherits`` False for words that only hold in their sentence
    (全年, a day's date); ``weak`` for spans (2020年以来) that later sentences take only when nothing else
    was said before them."""

    text: str
    period: str | None
    start: int
    inherits: bool = True
    weak: bool = False


def _part(year: int, part: str | None, month: str | None, first: str | None = None) -> str:
    if not part:
        return str(year)
    if first and month and (int(first), int(month)) in HALVES_AND_QUARTERS:
        return f"{year}-{HALVES_AND_QUARTERS[int(first), int(month)]}"
    if part == "上半年":
        return f"{year}-H1"
    if part == "下半年":
        return f"{year}-H2"
    if part == "前三季度":
        return f"{year}-09"
    if part.endswith("季度"):
        return f"{year}-Q{QUARTERS[part[-3]]}"
    return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else str(year)


def find_periods(text: str, base_year: int | None) -> list[PeriodMention]:
    """Period mentions in ``text``; relative ones are None when there is no ``base_year``."""
    out: list[PeriodMention] = []
    last_year: int | None = None  # the year of the latest mention that names one
    for m in PERIOD.finditer(text):
        if text.startswith("起", m.end()):
            continue  # 第四季度起: a plan from then on, not a period of figures
        if m.group("y1"):
            period: str | None = f"{m.group('y1')}-{m.group('y2')}"
        elif m.group("plan"):
            period = PLANS[m.group("plan")]
        elif m.group("bare"):
            month = m.group("bm") or m.group("bm1")
            period = None if base_year is None else _part(base_year, m.group("bare"), month, m.group("bm0"))
        else:
            year = int(m.group("y")) if m.group("y") else None
            if m.group("rel") == "全年":  # the year the article has been talking about
                year = last_year if last_year is not None else base_year
            elif year is None and base_year is not None:
                year = base_year + RELATIVE[m.group("rel")]
            period = None if year is None else _part(year, m.group("part"), m.group("m"), m.group("m0"))
        if m.group("rel") and text.startswith("同期", m.end()):
            continue  # 去年同期: what the figure is compared with
        since = period and base_year and SINCE.match(text, m.end()) and int(period[:4]) < base_year
        if since:
            period = f"{period[:4]}-{base_year}"  # 2020年10月以来: from then to the year of writing
        # 全年 and a day's date (2023年7月1日上线) hold for their own sentence only;
        # 截至…日 is a cut-off and carries over
        event_day = DAY.match(text, m.end()) is not None and text[max(0, m.start() - 2) : m.start()] not in ("截至", "截止")
        out.append(PeriodMention(m.group(), period, m.start(), m.group("rel") != "全年" and not event_day, bool(since)))
        if period and period[:4].isdigit():
            last_year = int(period[:4])
    return out


YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def base_year(published_at: str | None, text: str) -> int | None:
    """The year 今年 means: the published year, else the latest year named in ``text``.

    >>> base_year("2022-02-14T20:52:19+08:00", ""), base_year(None, "提前完成2024年任务"), base_year(None, "无")
    (2022, 2024, None)
    """
    if published_at and published_at[:4].isdigit():
        return int(published_at[:4])
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None
