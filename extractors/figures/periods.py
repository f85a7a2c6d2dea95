"""Time expressions that say which period a figure covers.

Period strings: ``2021`` a year; ``2024-H1``/``2024-H2`` a half;
``2024-Q1`` a quarter; ``2024-06`` a month, or the year to date through that
month (截至6月底, 1-6月, 前三季度 → ``2024-09``); ``2016-2020`` a span of
years (十三五, 2019年至2020年). Relative words (今年, 去年, 前年, 上半年 without
a year) resolve against ``base_year``: the published year, else the latest
year the article names.

>>> [(p.text, p.period) for p in find_periods("截至今年6月底，去年上半年，2021年度，十四五期间", 2024)]
[('今年6月底', '2024-06'), ('去年上半年', '2023-H1'), ('2021年度', '2021'), ('十四五', '2021-2025')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "本年度": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}
PLANS = {"十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}

PERIOD = re.compile(
    r"""(?<!\d)(?P<y1>\d{4})年?(?:至|到|-|—|～)(?P<y2>\d{4})年
    | (?P<plan>十二五|十三五|十四五|十五五)
    | (?:(?<!\d)(?P<y>(?:19|20)\d{2})年(?:度)?|(?P<rel>本年度|上一年|今年|本年|当年|去年|上年|前年|明年))
      (?P<part>上半年|下半年|前三季度|第?[一二三四]季度|(?:1[-至~])?(?P<m>\d{1,2})月(?:份|底|末)?)?
    | (?P<bare>上半年|下半年|前三季度|(?<=截至)(?P<bm>\d{1,2})月(?:底|末)?)""",
    re.VERBOSE,
)


@dataclass
class PeriodMention:
    text: str
    period: str | None
    start: int


def _part(year: int, part: str | None, month: str | None) -> str:
    if not part:
        return str(year)
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
    out = []
    for m in PERIOD.finditer(text):
        if m.group("y1"):
            period: str | None = f"{m.group('y1')}-{m.group('y2')}"
        elif m.group("plan"):
            period = PLANS[m.group("plan")]
        elif m.group("bare"):
            period = None if base_year is None else _part(base_year, m.group("bare"), m.group("bm"))
        else:
            year = int(m.group("y")) if m.group("y") else None
            if year is None and base_year is not None:
                year = base_year + RELATIVE[m.group("rel")]
            period = None if year is None else _part(year, m.group("part"), m.group("m"))
        out.append(PeriodMention(m.group(), period, m.start()))
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
