"""Time expressions that say which period a figure covers.

Period strings (documented in README and DESIGN.md):

- ``2021`` a year; ``2021-H1``/``2021-H2`` a half; ``2021-Q3`` a quarter;
  ``2021-06`` one month;
- ``2021-01..2021-07`` several months: the year to date (1—7月, 截至7月底,
  前7个月, 前三季度 → ``2021-01..2021-09``) or any other run of months;
- ``2021..2024`` several years (2021年至2024年, 十四五 → ``2021..2025``,
  2021年以来 → to the year of writing);
- ``..2023-12`` a total to that month whose start is not said (截至2023年底累计).

Relative words (今年, 去年, 上半年 or 截至9月底 without a year) resolve
against ``base_year``: the year of publication, else the year the text is
written in (:func:`base_year`). Comparison bases (较去年, 去年同期, 同比) are not
periods of the figures that follow them; :func:`shift` gives the period a
change is measured against.

>>> [(p.text, p.period) for p in find_periods("截至今年8月底，去年上半年，2021年度，十四五期间\\n1月至9月", 2024)]
[('今年8月底', '2024-01..2024-08'), ('去年上半年', '2023-H1'), ('2021年度', '2021'), ('十四五', '2021..2025'), ('1月至9月', '2024-01..2024-09')]
>>> [p.period for p in find_periods("较去年同期增长，2020年1—11月，7—9月，5月份", 2020)]
['2020-01..2020-11', '2020-Q3', '2020-05']
>>> [p.period for p in find_periods("自2020年10月启动试点以来，前7个月", 2024)]
['2020..2024', '2024-01..2024-07']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extractors.figures.clauses import heads

RELATIVE = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "上一年": -1, "上年度": -1, "前年": -2,
            "明年": 1}
CONTEXTUAL = ("全年", "当年")  # the year the text has been talking about
FOLLOWING = {"次年": 1, "翌年": 1, "同年": 0}  # a year after the one the text named last (2015年…，次年…)
HALVES_AND_QUARTERS = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
         "十五五": (2026, 2030)}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
MONTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
          "十一": 11, "十二": 12}



def _part_pattern(g: str) -> str:
    """A part of a year (上半年, 三季度, 1-7月, 前7个月, 前10月 or 首七個月, 7月底), its groups named with prefix ``g``."""
    return (rf"上半年|下半年|前三季度|第?[一二三四1-4]季度|第[一二三四1-4]季(?![度节])|(?:(?P<{g}m0>\d{{1,2}})月?[-—–至~到](?P<{g}m>\d{{1,2}})月)"
            rf"|(?:(?:前|(?<![后後])首)(?P<{g}first>\d{{1,2}}|十[一二]?|[一二两三四五六七八九])个?月)"
            rf"|(?:(?P<{g}one>\d{{1,2}})月(?:份|底|末|初|中旬|下旬|上旬)?)")




def _pattern(year: str) -> re.Pattern[str]:
    """Period expressions whose years are written as ``year`` (2021; 112 in Taiwan's 民国 count)."""
    return re.compile(
        r"(?=[\d十今本当全去上前明第一二三四下次翌同首])"  # lets re skip text fast
        rf"(?:(?<!\d)(?P<y1>{year})年?(?:至|到|-|—|～|~)(?P<y2>{year})年"
        r"|(?P<plan>十一五|十二五|十三五|十四五|十五五)"
        rf"|(?:(?<![\d较比与])(?P<y>{year})年(?:度)?"
        r"|(?:(?<![较比由同与和])|(?<=由)(?=\w{2,3}的))(?P<rel>本年度|上年度|上一年|今年|本年|当年|全年|去年|上年|(?<!以)前年|明年|次年|翌年|同年))"
        rf"(?P<part>{_part_pattern('p')})?"
        rf"|(?<![较比第\d—\-–~年])(?P<bare>{_part_pattern('b')}))"  # (比一季度收窄: a base, not the period)
    )


PERIOD = _pattern(r"(?:19|20)\d{2}")
ROC_PERIOD = _pattern(r"1[0-2]\d")  # 112年度 is 2023 where years count from 1912 (民国, Taiwan)
ROC_YEARS = 1911
THIS_YEAR_SAID = re.compile("今年|本年")
THIS_YEAR = re.compile("(?:今年|本年)(?:以来)?[，,]?(?:截至|截止)")  # 今年以来，截至11月底累计: the year to date
LAST_YEARS = re.compile(r"(?:近|过去|最近|这)(?P<n>\d{1,2}|[二两三四五六七八九十])年(?!前|后|代)")
FROM = ("由", "从", "由“", "从“")  # 由2017年的21家压减至12家, 由“十二五”末的20万元提高到100万元: the period of the figure a change starts from
OF_VALUE = re.compile(r"[”’」]?(?:全年|同期)?[末底]?的(?:每[^\d，。；]{1,2})?(?:\d|[一二三四五六七八九十两])")  # “十二五”末的20万元, 去年的每台1680元, 去年全年的6倍
SENTENCE_START = re.compile(r"[。！？；\n]$")
# 2017年7月，某医院…: a story's month (not 2023年10月，全市…: a month's statistics; not 10月份)
EVENT_MONTH = re.compile(r"[，,](?![全本我各该截当累共]|[^，。；]{0,8}(?:全市|全省|全县|全区|全州|全国|全旗))")
COMPARED_WITH = re.compile("(?:超过|高于|低于|多于|少于|相当于|快于|慢于|而|比|较)$")
BY = ("按", "按照", "根据", "依据", "参照", "依照")
COMPARED_AFTER = re.compile("(?:同期)?(?:相比|相较|比较)")
MONTHS_SPAN = re.compile(r"(?P<y1>(?:19|20)\d{2})年(?P<m1>\d{1,2})月(?:\d{1,2}日)?\s?(?:至|到|—|－|-|～|~)\s?"
                         r"(?P<y2>(?:19|20)\d{2})年(?P<m2>\d{1,2})月(?!\d{1,2}日)")
REPORTING = re.compile("本?报告期(?:内)?")  # the period a report covers
TENURE = re.compile("任期内|任期期间|任职期间|任期中")  # an official's term, said before as a span
LAST_TO_THIS_YEAR = re.compile(r"(?:自|从)(?:去年|上年)(?P<m1>\d{1,2})月[^，。；\d]{0,20}?(?:至|到)(?:今年|本年)(?P<m2>\d{1,2})月")
DAYS_SPAN = re.compile(r"(?:自|从)(?:(?P<y>(?:19|20)\d{2})年)?(?P<m1>\d{1,2})月\d{1,2}日[^，。；]{0,30}?(?:至|到)"
                       r"(?P<m2>\d{1,2})月\d{1,2}日")
FISCAL = re.compile(r"((?:19|20)\d{2})[/／\-至](?:\d{2}(?!\d)(?=[、和及与]|(?:财政)?年度)|(?:19|20)\d{2}(?=财政年度))")
# a year's figure said as once so (曾高达) or as the same measure's then (2020年这一比例仅为…): a look back
ONCE = re.compile(r"[^，。；,;\n\d]{0,16}?(?:曾(?!任)|这一(?:比例|比重|数字|数据|指标|占比|数值))")
# 今年以来 and the month end the paragraph counts to later (今年以来，…。截至7月末，…累计)
CUT_AHEAD = re.compile(r"(?<=今年以来|本年以来)[^\n]{0,120}?(?:截至|截止)(?:今年)?(?P<m>\d{1,2})月(?:末|底)")
NOW = re.compile(r"(?:截至|截止|截止到)(?:目前|当前|发稿时|现在)")
CURRENT = re.compile(r"(?<![截至止到])(?:目前|当前)(?![的之]?(?:形势|阶段|工作|情况|问题))")  # 目前供餐率达92.4%: now
CUTOFF = re.compile("(?:截至|截止|截止到|到)$")
DEAL = re.compile("中标|成交|签订|签约|招标|开标|竞价|比选|判给|决标|招租|验收|支付|贷款|中选|采购")  # one deal's steps
DEALER = re.compile("公司|(?<![中小微])企业|该|某|项目|合同")  # one party or one deal
TALLY = re.compile("全[市县省区州旗国]|共|累计|合计|总计|完成|交易额|交易金额|规模|实现|同比|环比|各|平均|单月")
SINCE = re.compile(r"[^，。；、,;\n]{0,24}?(?:以来|[一二两三四五六七八九十\d]年来)")  # (去年5月上线一年来)
A_YEAR_SINCE = re.compile(r"(?:^|(?<=[。；！？\n]))[1一]年来[，,]")  # a sentence that opens with 一年来，
CUMULATIVE = re.compile(r"[^。；;]{0,16}?累计")
CUMULATIVE_SENTENCE = re.compile(r"[^。；;]{0,60}?累计")  # 截至10月31日，…平台累计销售额: a total to that day
STOCK = re.compile(r"[^。；;]{0,60}?(?:余额|整改|储备)")  # 截至9月末，…贷款余额; 截至10月底，已整改问题金额: what stands
DAY = re.compile(r"\d{1,2}日")
DAY_TO = re.compile(r"\s?(?:至|到|—|－|-|–|～|~)")  # 9月18日至24日: a week's days, of that month
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日(?!起)")
PLANNED_AFTER = re.compile(r"[，,\s]*(?:力争|计划|预计|目标|将|要)|(?:度)?(?:工作)?(?:打算|思路|安排|要点)")  # (三、2019年工作打算)
AUDITED = re.compile("(?:重点|共|先后|组织)?(?:审计|抽查|检查|核查|督查)了?")
TARGET_AFTER = re.compile("(?:的)?(?:预留|目标|任务|计划|预算)")
DEADLINE = re.compile(r"(?:底|末)?(?:前|以前|之前)")  # 12月底前完成: a deadline to come
PLAN_AHEAD = re.compile(r"[，,\s]*[^，。；\d]{0,8}?(?:力争|预计|将(?:继续|加快|进一步|全面|重点|大力|着力|持续|深入))")
# a notice of intended purchases (…采购意向公开如下：, a title …2021年4月至6月政府采购意向(公告)), not a count of them
# (采购意向公开率, 采购意向公开情况)
INTENDED = re.compile("(?:的)?(?:政府)?采购意向(?:公开)?(?:公告|公示)?(?:如下|[：:]|(?:清单|一览表|明细表?|汇总表)(?!分析)|(?=\n|$))")
BUYING_TIME = re.compile(r"采购(?:时间|日期|月份)[：:为]?\s?$")  # 预计采购时间：2026年5月
PLANNED = re.compile("(?:(?<!截)至|(?<!截至)到|力争|计划|预计|目标|将|延续至)$")  # 力争到2025年: a target, not the year written
LAST_YEAR = re.compile("去年|上年(?!同期)")
PAST_YEAR = re.compile(r"(?:[比较与]|相比)((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:全年|同期)")


@dataclass
class PeriodMention:
    """``text`` at ``start`` means ``period``; ``inherits`` False for words that hold only in their
    sentence (全年, a day's date); ``weak`` for spans (2020年以来) that later sentences take only when
    nothing else was said before them."""

    text: str
    period: str | None
    start: int
    inherits: bool = True
    weak: bool = False


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text]


def _months(year: int, first: int, last: int) -> str:
    """A run of months as a period: a half or quarter when it is one, one month, or a range."""
    if not (1 <= first <= last <= 12):
        return str(year)
    if (first, last) in HALVES_AND_QUARTERS:
        return f"{year}-{HALVES_AND_QUARTERS[first, last]}"
    if first == 1 and last == 12:
        return str(year)
    if first == last:
        return f"{year}-{first:02d}"
    return f"{year}-{first:02d}..{year}-{last:02d}"


def _part(year: int, m: re.Match[str], cutoff: bool) -> str:
    """The period a year's part says: 上半年, 三季度, 1-7月, 前7个月, 7月 (截至7月底: the year to date)."""
    g = "p" if m.group("part") else "b"
    part = m.group("part") or m.group("bare")
    if not part:
        return str(year)
    if part == "上半年":
        return f"{year}-H1"
    if part == "下半年":
        return f"{year}-H2"
    if part == "前三季度":
        return _months(year, 1, 9)
    if part.endswith(("季度", "季")):  # (2021年第四季: Hong Kong's and Macao's quarter)
        return f"{year}-Q{QUARTERS[part.removesuffix('度')[-2]]}"
    if m.group(g + "m"):
        return _months(year, int(m.group(g + "m0")), int(m.group(g + "m")))
    if m.group(g + "first"):
        return _months(year, 1, _month_number(m.group(g + "first")))
    month = int(m.group(g + "one"))
    if cutoff:  # 截至6月底: the year to date
        return _months(year, 1, month)
    return _months(year, month, month)


LAUNCHED = re.compile(r"(?:上线|开通|运行|成立|启动|实施|推出|开办|开展)(?:运行)?以来")
STARTED = re.compile(r"(?:\d{4}|[一二〇零○]{4})年[^，。；,;]{0,6}$")  # 自2020年上线以来: the span 2020..now says it


CN_YEAR = r"(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2}"  # 二〇二一, 二零二四, 一九九八
CN_MONTH_DAY = r"(十[一二]?|[一二三四五六七八九])月[一二三四五六七八九十]{1,3}[日号]"  # 一月十五日
CN_FULL_DATE = re.compile(rf"({CN_YEAR})年{CN_MONTH_DAY}")  # a day in Chinese numerals: a signature or a deadline
CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")  # (○, a circle, often typed for 〇)
CN_DATE = re.compile(rf"{CN_YEAR}(?=年(?!{CN_MONTH_DAY})|[/／至])|(?<=[/／至])[〇○零一二三四五六七八九]{{2}}(?=年度|财政年度)"
                     r"|(?<![\d〇零一二三四五六七八九十])(?:十[一二]|[一二三四五六七八九])"
                     r"(?=月(?![内以之后前间余来]|[一二三四五六七八九十]+[日号]))")  # (not a day: 一月一日起, a date)


def arabic_dates(text: str) -> str:
    """Years and months written in Chinese numerals in Arabic ones, each as long as before (so that offsets
    hold): 二〇二一／二二年度 → 2021／22年度, 一月至八月 → 1月至8月.

    >>> arabic_dates("二〇二一／二二年度，今年一月至十二月"), arabic_dates("二零二二至二三年度"), arabic_dates("二○二二／二三年度")
    ('2021／22年度，今年1月至12月', '2022至23年度', '2022／23年度')
    >>> arabic_dates("二零二四年，全县完成"), arabic_dates("一九九八年"), arabic_dates("二零二五年一月十日")
    ('2024年，全县完成', '1998年', '二零二五年一月十日')
    """
    return CN_DATE.sub(lambda m: m.group().replace("十", "1").translate(CN_DIGITS), text) if CN_DATE.search(text) else text


def find_periods(text: str, base_year: int | None, base_month: int | None = None, *,
                 roc: bool = False, reported: str | None = None) -> list[PeriodMention]:
    """Period mentions in ``text``; relative ones are None when there is no ``base_year``. 全年 and
    当年 are of the year last named in their paragraph (None when it named none); 今年以来 and 截至目前
    (a year to date after the text spoke of 今年, else a total to date) run to ``base_month`` (the month
    of publication) when it is known. ``roc``: years are counted
    from 1912 as in Taiwan (112年 is 2023). ``reported``: the period a report names as its own (2021年度…
    情况公示 of January 2022: its 本年度, 本年 and 报告期; a 2024年半年度报告's 报告期 is ``2024-H1``).

    >>> [p.period for p in find_periods("截至9月末累计放款，截至目前累计", 2023, 11)]
    ['..2023-09', '..2023-11']
    >>> [p.period for p in find_periods("112年度决标金额，104年至105年", 2024, roc=True)]
    ['2023', '2015..2016']
    >>> [p.period for p in find_periods("2022/23年度开支", 2024)]
    ['2022-04..2023-03']
    >>> [p.period for p in find_periods("本年度授予中小企业合同金额，今年将", 2022, 1, reported="2021")]
    ['2021', '2022']
    """
    text = arabic_dates(text)
    out: list[PeriodMention] = []
    last_year: int | None = None  # the year of the latest mention of the paragraph that names one
    cut_month: int | None = None  # the month the paragraph counted to (截至11月末)
    counted_to: int | None = None  # the month the text counted this year to (1—5月, 截至11月底), in any paragraph
    counts: list[tuple[int, int]] = []  # (where, counted_to) each time it changes, for 上线以来 below
    last_end = 0
    opened: int | None = None  # the year the paragraph's first period names: an earlier one later is a look back
    if base_year and base_month:  # 截至目前: a total to date; of this year when the paragraph spoke of 今年
        for m in NOW.finditer(text):
            year_to_date = THIS_YEAR_SAID.search(text, 0, m.start()) is not None and not STOCK.match(text, m.end())
            # (截至目前，…储备物资总价值, …贷款余额: what stands then, not a total of this year's months)
            period = _months(base_year, 1, base_month) if year_to_date else f"..{base_year}-{base_month:02d}"
            out.append(PeriodMention(m.group(), period, m.start(), False))
    if base_year:  # 目前供餐率达92.4%: the year of writing
        out += [PeriodMention(m.group(), str(base_year), m.start(), False) for m in CURRENT.finditer(text)]
    # 2022/23年度, 2022-23财政年度: a fiscal year from April (Hong Kong)
    out += [PeriodMention(m.group(), f"{m.group(1)}-04..{int(m.group(1)) + 1}-03", m.start()) for m in FISCAL.finditer(text)
            if not text.endswith(("较", "比", "与", "較", "與"), 0, m.start())]  # (較2018-19年度: a base, as 比2018年)
    spans = [m for m in DAYS_SPAN.finditer(text)] if base_year else []  # 自1月24日启动…至6月30日: those months
    year_said = text.find(f"{base_year}年") if base_year else -1  # (where the text first names the year of writing)
    if base_year:  # 2019年…。近三年，…累计节约18.9亿元: the years up to the latest the text named before (or of writing)
        years = [(y.start(), int(y.group(1))) for y in YEAR.finditer(text)]
        for m in LAST_YEARS.finditer(text):
            n = parse_count(m.group("n"))
            named = [y for at, y in years[: bisect_left(years, (m.start(),))] if y <= base_year]
            end = max(named) if named else base_year
            if n and 1 < n <= 20:
                out.append(PeriodMention(m.group(), f"{end - n + 1}..{end}", m.start(), False))
    for m in (ROC_PERIOD if roc else PERIOD).finditer(text):
        if "\n" in text[last_end : m.start()]:  # a new paragraph: only a heading's year (三、2026年工作打算) goes on
            under = last_year is not None and text.count("\n", last_end, m.start()) == 1 \
                and heads(text[text.rfind("\n", 0, last_end) + 1 : text.find("\n", last_end)])
            last_year, cut_month, opened = last_year if under else None, None, None
        last_end = m.end()
        day = DAY.match(text, m.end())
        if text.startswith("起", m.end()) or text.startswith("同期", m.end()) or (day and text.startswith("起", day.end())):
            if m.group("y") and (text.startswith("起", m.end()) or day and text.startswith("起", day.end())):
                last_year = int(m.group("y")) + (ROC_YEARS if roc else 0)  # 2024年起，…全年; 自2021年7月1日起，下半年
            continue  # 第四季度起, 6月28日起: from then on; 去年同期: what a figure is compared with
        cutoff = CUTOFF.search(text, max(0, m.start() - 3), m.start()) is not None
        stock = None
        rel = m.group("rel")
        if rel in CONTEXTUAL and (TARGET_AFTER.match(text, m.end()) or text.endswith("年", 0, m.start())):
            continue  # 完成全年预留份额的58.3%: the year's target; 比2018年全年的79.6%: part of the year before it
        if rel and not m.group("part") and AUDITED.match(text, m.end()):
            continue  # 今年重点审计了32个部门，审计部门预算资金86.3亿元: when the audit was done, not what it found of
        period: str | None
        if m.group("y1"):  # (104年至105年 in Taiwan: 2015..2016)
            shift_ = ROC_YEARS if roc else 0
            period = f"{int(m.group('y1')) + shift_}..{int(m.group('y2')) + shift_}"
        elif m.group("plan"):
            period = "{}..{}".format(*PLANS[m.group("plan")])
        else:
            if m.group("y"):
                year: int | None = int(m.group("y")) + (ROC_YEARS if roc else 0)
            elif rel in CONTEXTUAL:  # (力争全年… with no year said before it: the year of writing)
                year = last_year if last_year is not None or not PLANNED.search(text, max(0, m.start() - 4), m.start()) \
                    else base_year
            elif rel in FOLLOWING:
                year = None if last_year is None else last_year + FOLLOWING[rel]
            elif m.group("bare"):  # 上半年 after 2023年 is 2023's, not after a target year (至2025年底)
                year = last_year if last_year is not None and (base_year is None or last_year <= base_year) else base_year
            else:
                year = int(reported) if reported and reported.isdigit() and rel in ("本年度", "本年") else None if base_year is None \
                    else base_year + RELATIVE[rel]
            period = None if year is None else _part(year, m, cutoff)
            year_end = year is not None and not m.group("part") and text.startswith(("底", "末"), m.end())
            month_end = m.group("pone") or m.group("bone")
            summed = CUMULATIVE.match(text, m.end()) or (day and CUMULATIVE_SENTENCE.match(text, day.end()))
            stock = cutoff and month_end and STOCK.match(text, m.end())  # (a year's end is the year's, as labelled)
            if cutoff and (year_end or month_end) and (summed or stock) and not _this_year(text, m.start()):
                # 截至2023年底累计, 截至9月末累计: a total since whenever it started; 截至9月末…余额: a balance
                period = f"..{year}-{int(month_end or 12):02d}" if year is not None else None
            if m.group("bare") and last_year is None and year == base_year and base_month and period \
                    and _not_yet(period, base_month, m.group("bare").endswith(("半年", "季度", "季")) and "前" not in m.group("bare")) \
                    and not 0 <= year_said < m.start() \
                    and not PLANNED.search(text, max(0, m.start() - 4), m.start()) and not DEADLINE.match(text, m.end()) and not PLAN_AHEAD.match(text, m.end()):
                period = shift(period)  # 12月份, 1—11月, 截至12月31日 in a text of January 2026: 2025's
        if (m.group("y") and m.group("pone") or day and m.group("bone") and not DAY_TO.match(text, day.end())) and not cutoff \
                and (day and not text.startswith("起", day.end())
                                                                or m.group().endswith("月") and EVENT_MONTH.match(text, m.end())) \
                or period and len(period) == 7 and m.group().endswith("月") and not cutoff and _one_deal(text, m.start(), m.end()):
            period = period and period[:4]  # 2017年7月，某医院公开招标…; 于2017年7月14日发布公告; 今年8月公司中标…: a story's
        since = period and base_year and SINCE.match(text, m.end()) and period[:4].isdigit() and (
            int(period[:4]) < base_year or m.group().endswith("月") and day is None and len(period) == 7 and period[5:].isdigit()
            and base_month and int(period[5:]) < base_month)  # (not 7月下旬以来, 7月20日以来: since a day's events)
        if since and len(period) == 7 and base_month:  # 去年5月上线一年来, 自今年6月上线以来: from that month to the month
            # of writing
            period = f"{period}..{base_year}-{base_month:02d}"
        elif since:
            period = f"{period[:4]}..{base_year}"  # 2020年以来: from then to the year of writing
        elif period == str(base_year) and base_month and rel in ("今年", "本年") and SINCE.match(text, m.end()):
            # 今年以来: the year to date, to the month the text last counted to (截至11月末, 1—5月) or of publication
            ahead = CUT_AHEAD.match(text, m.end())  # (今年以来，…。截至7月末，…累计: to July)
            period = _months(base_year, 1, cut_month or (ahead and int(ahead.group("m"))) or counted_to or base_month)
        if cutoff and (m.group("pone") or m.group("bone")):
            cut_month = int(m.group("pone") or m.group("bone"))
        if period and base_year and period.removeprefix(f"{base_year}-01").startswith(f"..{base_year}-"):
            counted_to = int(period[-2:])  # 1—5月, 截至5月底累计: this year counted to May
            counts.append((m.start(), counted_to))
        # 全年 and a day's date (2023年7月1日上线) hold for their own sentence only; 截至…日 carries over;
        # a period compared with (超过2022年全年的销售额) is not the one the text goes on about
        # 截至8月中旬，…已完成: when something was done, not the months counted
        event_day = (day is not None and not cutoff) or m.group().endswith(("中旬", "上旬", "下旬", "初"))
        # 执行至2025年底, 力争到2025年: a target, not the period of the figures that follow
        planned = PLANNED.search(text, max(0, m.start() - 4), m.start()) is not None
        if period and len(period) > 4 and period[:4].isdigit() and not cutoff and PLAN_AHEAD.match(text, m.end()):
            period, planned = period[:4], True  # 下半年将…，力争全年…: the year's targets, not the half's figures
        if period and len(period) > 4 and period[:4].isdigit() and not cutoff and (INTENDED.match(text, m.end())
                                                                          or BUYING_TIME.search(text, max(0, m.start() - 8), m.start())):
            # 2026年4月至6月采购意向, 预计采购时间2026年5月: when buying is meant to happen; the budgets are the year's
            period = period[:4]
        if text.endswith(("与", "同", "和"), 0, m.start()) and COMPARED_AFTER.match(text, m.end()):
            continue  # 与4月份相比，成交金额增加…: the period compared with, as 比4月份 (no figure's period)
        compared = COMPARED_WITH.search(text, max(0, m.start() - 3), m.start()) is not None
        cumulative = bool(period and period.startswith("..") and not stock)  # 截至2023年底累计…: that total's own
        # period (截至10月底，已整改…: what stood then, said on in the sentences after)
        # 一季度…，去年全年为8.74亿元: a look back inside a sentence at an earlier year is not what the text goes on
        # about; 于2021年8月至11月开展检查: when something was done
        looking_back = bool(opened and period and period[:4].isdigit() and int(period[:4]) < opened
                            and not SENTENCE_START.search(text, max(0, m.start() - 1), m.start()) and m.start())
        done_then = text.startswith("于", m.start() - 1) and not text.endswith(("关于", "对于"), 0, m.start()) \
            if m.start() else False  # (于2017年7月: when; 关于2016年度…的报告: what about)
        done_then |= OF_VALUE.match(text, m.end()) is not None  # 比2018年的88.16亿元、2017年的74.5亿元: bases only
        done_then |= text.endswith(BY, 0, m.start())  # 任务按2020年会员人数分配。…: what the figures are reckoned by
        done_then |= ONCE.match(text, m.end()) is not None  # 2019年西安政府采购规模曾高达…: a look back
        inherits = rel not in CONTEXTUAL and not event_day and not compared and not cumulative and not planned \
            and not looking_back and not done_then and not text.endswith("受", 0, m.start())  # (受今年上半年疫情…影响: a cause)
        if inherits and opened is None and period and period[:4].isdigit() and text.startswith(("，", ","), m.end()):
            opened = int(period[:4])  # (the paragraph's topic: 一季度，…; not 召开2024年工作会议)
        out.append(PeriodMention(m.group(), period, m.start(), inherits, bool(since)))
        if since:
            continue  # 2020年以来 says where a span starts, not the year the text speaks of
        if text.endswith(FROM, 0, m.start()) and OF_VALUE.match(text, m.end()):
            continue  # 由2017年的21家压减至12家。…全年: the year of one figure, not the one the text speaks of
        if m.group("y"):  # only a year written out (or counted on from one): after 去年，…, 一季度 is this year's
            last_year = int(m.group("y")) + (ROC_YEARS if roc else 0)
        elif rel in FOLLOWING and period and period[:4].isdigit():
            last_year = int(period[:4])
        elif rel in ("今年", "本年") and base_year:
            last_year = base_year  # 去年（2021年）…。今年以来，…截至11月底: this year's November
        elif period and period[:4].isdigit() and m.group("y1"):
            last_year = int(period[:4])
    for m in A_YEAR_SINCE.finditer(text) if base_year and base_month else ():  # 去年11月…上线。一年来，…: that month to now
        before = max((p for p in out if p.start < m.start() and p.period and len(p.period) == 7 and p.period[4] == "-"),
                     key=lambda p: p.start, default=None)
        if before is not None and before.period < f"{base_year}-{base_month:02d}":
            out.append(PeriodMention(m.group(), f"{before.period}..{base_year}-{base_month:02d}", m.start(), False))
    if base_year and base_month:
        for m in LAUNCHED.finditer(text):  # 平台上线以来，…累计: a total to date, whenever it began
            if CUMULATIVE.match(text, m.end()) and not STARTED.search(text, max(0, m.start() - 12), m.start()):
                month = next((c for at, c in reversed(counts) if at < m.start()), base_month)
                out.append(PeriodMention(m.group(), f"..{base_year}-{month:02d}", m.start(), False))
    for m in spans:
        out = [p for p in out if not m.start() <= p.start < m.end()]
        year = int(m.group("y") or base_year)  # type: ignore[arg-type]
        out.append(PeriodMention(m.group(), _months(year, int(m.group("m1")), int(m.group("m2"))), m.start()))
    for m in MONTHS_SPAN.finditer(text):  # 2022年9月至2023年8月: a school or fiscal year, month to month
        out = [p for p in out if not m.start() <= p.start < m.end()]
        first, last = (int(m.group(k)) for k in ("m1", "m2"))
        out.append(PeriodMention(m.group(), f"{m.group('y1')}-{first:02d}..{m.group('y2')}-{last:02d}", m.start()))
    for m in LAST_TO_THIS_YEAR.finditer(text) if base_year else ():  # 自去年11月实施…至今年10月: those months
        out = [p for p in out if not m.start() <= p.start < m.end()]
        first, last = (int(m.group(k)) for k in ("m1", "m2"))
        out.append(PeriodMention(m.group(), f"{base_year - 1}-{first:02d}..{base_year}-{last:02d}", m.start()))
    out = _school_years(text, _terms(text, out), roc)
    out += _reported_months(text, out, base_year, base_month)
    out.sort(key=lambda p: p.start)
    for m in REPORTING.finditer(text) if reported else ():  # 报告期内 of a 2020年年度报告 published in 2021
        out.insert(bisect_left([p.start for p in out], m.start()), PeriodMention(m.group(), reported, m.start()))
    for m in TENURE.finditer(text):  # …2019年1月至2022年12月任期…。任期内，累计收入…: that span
        span = next((p for p in reversed(out) if p.start < m.start() and p.period and ".." in p.period[1:]), None)
        if span is not None:
            out.insert(bisect_left([p.start for p in out], m.start()), PeriodMention(m.group(), span.period, m.start()))
    return _since_to_cutoff(text, out)


def _one_deal(text: str, start: int, end: int) -> bool:
    """Whether the month at ``start:end`` dates one deal of one party in its sentence (今年8月公司中标…合同金额680万元,
    项目于3月委托…以867.6万元成交), not a month's statistics (9月，电子卖场成交金额…, 全市5月份采购…).

    >>> [p.period for p in find_periods("今年8月公司中标一个项目，合同金额680万元。9月，全市成交2.16亿元", 2021, 11)]
    ['2021', '2021-09']
    """
    if SINCE.match(text, end) or text.startswith(("份", "底", "末"), end):
        return False  # (去年5月上线一年来: a span from that month; 5月份, 5月底)
    s = max(text.rfind(x, 0, start) for x in "。！？；\n") + 1
    e = min((i for i in (text.find(x, end) for x in "。！？；\n") if i >= 0), default=len(text))
    told = text[s:e]
    return DEAL.search(told) is not None and DEALER.search(told) is not None and TALLY.search(told) is None


def _since_to_cutoff(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    """A span since a month that its sentence cuts off at a month end runs to that end, not to the month of
    writing: 自2019年10月上线运行以来，截至2020年10月底，累计… is ``2019-10..2020-10``, both mentions.

    >>> [p.period for p in find_periods("自2019年10月上线以来，截至2020年10月底，累计成交31.42亿元", 2020, 11)]
    ['2019-10..2020-10', '2019-10..2020-10']
    """
    for since, cut in zip(out, out[1:]):
        if since.weak and since.period and cut.period and cut.period.startswith("..") and ".." in since.period[1:] \
                and not any(x in text[since.start : cut.start] for x in "。；;\n") \
                and since.period.split("..")[0] < cut.period[2:] <= since.period.split("..")[1]:
            since.period = cut.period = since.period.split("..")[0] + cut.period
    return out


TERM = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:度)?(?P<season>春季|秋季|春|秋)学期|(?P<rel>本|上|下)学期")


COMPARED_TERM = re.compile(r"(?:比|较|与)上学期[（(]$")


def _terms(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    """School terms: 2024年秋季学期 is 2024-09..2025-01, 2024年春季学期 2024-03..2024-07; 本学期 the term the text
    is about (the one it named last, not in brackets), 上学期 the one before it.

    >>> [p.period for p in find_periods("2024年秋季学期…本学期…上学期（2024年春季学期）…与上学期相比", 2024)]
    ['2024-09..2025-01', '2024-09..2025-01', '2024-03..2024-07', '2024-03..2024-07']
    """
    current: tuple[int, str] | None = None  # (year, 春 or 秋)
    for m in TERM.finditer(text):
        term = current
        if m.group("season"):
            term = (int(m.group("y")), m.group("season")[0])
            if not text.endswith(("（", "("), 0, m.start()):  # (上学期（2024年春季学期）: an aside, not the text's term)
                current = term
        elif current is not None and m.group("rel") != "本":
            year, season = current
            back = m.group("rel") == "上"
            term = (year, "春") if (season == "秋") == back else (year - 1 if back else year + 1, "秋")
        if term is None or text.endswith(("与", "比", "较"), 0, m.start()):
            continue  # (与上学期相比: what a change is measured against, not the figures' term)
        year, season = term
        out = [p for p in out if not m.start() <= p.start < m.end()]
        if text.endswith(("（", "("), 0, m.start()) and COMPARED_TERM.search(text, max(0, m.start() - 8), m.start()):
            continue  # 比上学期（2024年春季学期）增加: the term compared with, no period of the figure
        out.append(PeriodMention(m.group(), f"{year}-09..{year + 1}-01" if season == "秋" else f"{year}-03..{year}-07",
                                 m.start(), not text.startswith(("起", "开始"), m.end())))
        # (自2021年秋季学期起，…标准提高至5元: when a rule starts to hold, not the term the next sentences report on)
    return out


def _school_years(text: str, out: list[PeriodMention], roc: bool = False) -> list[PeriodMention]:
    """School years: 2024/2025学年 and 2024学年 are 2024-09..2025-08 (Taiwan's 112學年度 2023-09..2024-08); 本学年
    the one the text named last, 上学年 the one before.

    >>> [p.period for p in find_periods("2024/2025学年各项津贴…本学年…上学年为2,900元", 2024)]
    ['2024-09..2025-08', '2024-09..2025-08', '2023-09..2024-08']
    >>> [p.period for p in find_periods("112学年度午餐采购", 2023, roc=True)]
    ['2023-09..2024-08']
    """
    current = None
    for m in SCHOOL_YEAR.finditer(text):
        if m.group("y"):
            current = year = int(m.group("y"))
            last = year // 100 * 100 + int(m.group("y2")[-2:])  # (2020—2023学年: three school years)
        elif m.group("one"):
            if len(m.group("one")) == 3 and not roc:
                continue
            current = year = int(m.group("one")) + (ROC_YEARS if len(m.group("one")) == 3 else 0)
            last = year + 1
        elif current is None:
            continue
        else:
            year = current + {"本": 0, "上": -1, "下": 1}[m.group("rel")]
            last = year + 1
        out = [p for p in out if not m.start() <= p.start < m.end()]
        if not text.endswith(("与", "比", "较"), 0, m.start()):  # (较上学年增加: the year compared with)
            out.append(PeriodMention(m.group(), f"{year}-09..{last}-08", m.start()))
    return out


SCHOOL_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[/／\-—–至]\s*(?P<y2>(?:19|20)?\d{2})\s*学年度?|(?P<rel>本|上|下)学年"
                         r"|(?<![\d/／\-—–至])(?P<one>(?:19|20)\d{2}|1[01]\d)\s*学年度?")


THIS_MONTH = re.compile(r"(?<![较比与同和])(?:本月|本季度|本季)(?!度?[末底初])")


def _this_year(text: str, at: int) -> bool:
    """Whether a total to a date at ``at`` is this year's: 今年以来，截至…, a sentence that opens with 今年
    (今年全市…，截至11月30日，…累计采购: this year's, to November), or a paragraph that spoke of 今年以来 before
    (今年以来，我省持续深化…。截至7月末，全省累计…)."""
    sentence = max(text.rfind(x, 0, at) for x in "。；;\n") + 1
    return THIS_YEAR.search(text, max(0, at - 12), at) is not None or THIS_YEAR_SAID.match(text, sentence) is not None \
        or CUT_AHEAD.search(text, text.rfind("\n", 0, at) + 1, at + 12) is not None


def _reported_months(text: str, out: list[PeriodMention], base_year: int | None,
                     base_month: int | None) -> list[PeriodMention]:
    """本月 and 本季度 of a monthly or quarterly report: the month (quarter) the text named last before it, else the
    one before the month it was published in, as reports come out after the period they cover (本月決標金額 of a
    bulletin of 2025-09-10 is August's; 本季度 after 2024年第三季度…采购意向 is that quarter).

    >>> [p.period for p in find_periods("本月成交额…本季度授予中小企业合同金额", 2021, 1)]
    ['2020-12', '2020-Q4']
    >>> [p.period for p in find_periods("2024年第三季度采购意向汇总。本季度公开采购意向", 2024, 7)][-1]
    '2024-Q3'
    """
    if not (base_year and base_month):
        return []
    year, month = (base_year, base_month - 1) if base_month > 1 else (base_year - 1, 12)
    found = []
    latest_first = sorted(out, key=lambda p: -p.start)
    for m in THIS_MONTH.finditer(text):
        quarter = m.group() != "本月"
        form = QUARTER_FORM if quarter else MONTH_FORM
        named = next((p.period for p in latest_first if p.start < m.start() and p.period and form.fullmatch(p.period)),
                     None)
        period = named or (f"{year}-Q{(month + 2) // 3}" if quarter else f"{year}-{month:02d}")
        found.append(PeriodMention(m.group(), period, m.start()))
    return found


QUARTER_FORM = re.compile(r"\d{4}-Q[1-4]")
MONTH_FORM = re.compile(r"\d{4}-\d{2}")


def base_date(published_at: str | None, text: str) -> tuple[int | None, int | None]:
    """The year (and month, when known) 今年 means: the date of publication; else the latest full date
    the text is signed or dated with (2024年6月28日); else the latest year it names, or the year after
    it when it names that year as past (比2018年, 2018年全年, 2018年同期) or speaks of 去年 (a text without
    a date that reports 2020年 as 去年 is of 2021). Target years (力争到2025年) do not count.

    >>> base_date("2022-02-14T20:52:19+08:00", ""), base_date(None, "提前完成2024年任务"), base_date(None, "无")
    ((2022, 2), (2024, None), (None, None))
    >>> base_date(None, "今年1-6月完成3亿元，超过2018年全年"), base_date(None, "去年采购规模……2020年，全区")
    ((2019, None), (2021, None))
    >>> base_date(None, "全年采购3.41亿元，与2017年相比增长22.6%。三、2019年工作打算")
    (2018, None)
    >>> base_date(None, "2023年规模3亿元，较去年同期增长。某某局2024年6月28日"), base_date(None, "2021年上半年…较去年同期增长")
    ((2024, 6), (2021, None))
    >>> base_date(None, "比2019年提高。岳阳市机关事务管理局 二〇二一年一月十五日"), base_date(None, "比上年增长。明年将以2022年…为契机")
    ((2021, 1), (2021, None))
    """
    if published_at and published_at[:4].isdigit():
        return int(published_at[:4]), int(published_at[5:7]) if published_at[5:7].isdigit() else None
    dated = [(int(m.group(1)), int(m.group(2))) for m in FULL_DATE.finditer(text)]
    dated += [(int(m.group(1).translate(CN_DIGITS)), MONTHS[m.group(2)]) for m in CN_FULL_DATE.finditer(text)]
    if dated:
        return max(dated)
    years = [int(m.group(1)) for m in YEAR.finditer(text) if not PLANNED.search(text, max(0, m.start() - 4), m.start())
             and not PLANNED_AFTER.match(text, m.end())]  # (2021年 力争…: a plan's year)
    if not years:
        return None, None
    latest = max(years)
    if re.search(rf"明年[^。；]{{0,20}}{latest}年", text):
        return latest - 1, None  # 明年，中心将以2022年…为契机: the year it names is the next one
    past = {int(a or b) for a, b in PAST_YEAR.findall(text)}
    if latest not in past and re.search(rf"{latest}年(?:{_part_pattern('x')})", text):
        return latest, None  # 现将2021年上半年…通报如下 (比2020年同期, 较去年…): written in the year it reports a part of
    return (latest + 1 if latest in past or LAST_YEAR.search(text) else latest), None




def _not_yet(period: str, month: int, part: bool) -> bool:
    """Whether ``period`` cannot have been counted by ``month`` of its year: its last month is later, or, for a
    ``part`` of the year (下半年, 四季度), it starts later (下半年 in July is under way; 1—11月 and 前三季度 in January are
    last year's).

    >>> _not_yet("2026-12", 1, False), _not_yet("2026-01..2026-11", 1, False), _not_yet("2026-H2", 7, True)
    (True, True, False)
    """
    first, last = (None, period[2:]) if period.startswith("..") else bounds(period) or (None, None)
    if last is None:
        return False
    return int(first[5:7]) > month if part and first else int(last[5:7]) > month


def shift(period: str | None, years: int = -1) -> str | None:
    """``period`` moved by ``years`` (the base of 比上年/同比: the same part of the year before).

    >>> shift("2022"), shift("2023-H1"), shift("2024-01..2024-09"), shift("2021..2024")
    ('2021', '2022-H1', '2023-01..2023-09', '2020..2023')
    """
    if not period:
        return None
    return "..".join(f"{int(p[:4]) + years}{p[4:]}" if p[:4].isdigit() else p for p in period.split(".."))


PREVIOUS_PART = {"H2": "H1", "Q2": "Q1", "Q3": "Q2", "Q4": "Q3"}


def previous(period: str | None) -> str | None:
    """The period just before ``period`` (环比: the month, quarter or half before).

    >>> previous("2023-Q1"), previous("2023-07"), previous("2023-H2"), previous("2023")
    ('2022-Q4', '2023-06', '2023-H1', '2022')
    """
    if not period or ".." in period or not period[:4].isdigit():
        return None
    year, _, part = period.partition("-")
    if not part:
        return str(int(year) - 1)
    if part in PREVIOUS_PART:
        return f"{year}-{PREVIOUS_PART[part]}"
    if part in ("H1", "Q1"):
        return f"{int(year) - 1}-{'H2' if part == 'H1' else 'Q4'}"
    month = int(part)
    return f"{year}-{month - 1:02d}" if month > 1 else f"{int(year) - 1}-12"


def parse_count(text: str) -> int | None:
    """A small count written in digits or one Chinese numeral (三 → 3, 10 → 10)."""
    return int(text) if text.isdigit() else {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                                             "九": 9, "十": 10}.get(text)


def since_start(period: str) -> str:
    """A total to the end of ``period`` whose start is not said (累计 without a period of its own).

    >>> since_start("2024-01..2024-04"), since_start("2023-H1"), since_start("2023"), since_start("..2023-06")
    ('..2024-04', '..2023-06', '..2023-12', '..2023-06')
    """
    last = period.rpartition("..")[2]
    if len(last) == 4:
        return f"..{last}-12"
    if last[5] in "HQ":
        return f"..{last[:4]}-{int(last[6]) * (6 if last[5] == 'H' else 3):02d}"
    return f"..{last}"


def bounds(period: str | None) -> tuple[str, str] | None:
    """The first and last month of ``period``.

    >>> bounds("2023"), bounds("2023-Q1"), bounds("2023-01..2023-09"), bounds("..2023-09")
    (('2023-01', '2023-12'), ('2023-01', '2023-03'), ('2023-01', '2023-09'), None)
    """
    if not period or not period[:4].isdigit():
        return None
    first, _, last = period.partition("..")
    last = last or first

    def months(p: str) -> tuple[str, str]:
        if len(p) == 4:
            return f"{p}-01", f"{p}-12"
        if p[5] in "HQ":
            size = 6 if p[5] == "H" else 3
            end = int(p[6]) * size
            return f"{p[:4]}-{end - size + 1:02d}", f"{p[:4]}-{end:02d}"
        return p, p
    return (months(first)[0], months(last)[1]) if last[:4].isdigit() else None
