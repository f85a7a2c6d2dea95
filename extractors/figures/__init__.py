"""Figures with their meaning: amount, unit, what was measured, whose, when, level or change, part of what.

:func:`extract_figures` scans the title, subtitle and body for amounts
(:mod:`.quantities`) and reads each in its sentence:

- **metric** (:mod:`.metrics`): the noun phrase before it in its clause, word by
  word; parallel lists pair item i with figure i (:mod:`.lists`); a share
  (占比) is of the phrase or figure it follows; a change is of the quantity
  that changed;
- **change** (:mod:`.changes`): 比上年增加…, 同比增长15.6%, with the base period;
- **subject** (:mod:`.subjects`, :mod:`.places`): the place or body the sentence
  speaks of, else the one its paragraph spoke of, else the article's own place
  (headline, lead, byline, source line, site); 全市/市本级 resolved;
  organisations' figures have none;
- **period** (:mod:`.periods`): the period said in its sentence, else carried from
  earlier in its paragraph, else the article's;
- **parent** (:mod:`.parts`): the figure it is part of (其中, breakdowns that add up).

Headline figures (title, subtitle) are totals; a body figure that states the
same fact more precisely is marked ``is_total`` too (:mod:`.headlines`).

>>> figs = extract_figures("本报讯 广州市去年通过“832平台”完成交易额达15077.38万元，比上年增加3120.55万元，占比120.36%。",
...                        subtitle="全市预算单位去年完成交易额达15077余万元",
...                        published_at="2022-02-14T20:52:19+08:00")
>>> [(f.surface, f.metric, f.subject, f.period, f.change, f.base_period) for f in figs]
[('15077余万元', '交易额', '广州市', '2021', False, None), ('15077.38万元', '832平台交易额', '广州市', '2021', False, None), ('3120.55万元', '832平台交易额', '广州市', '2021', True, '2020'), ('120.36%', '832平台交易额占比', '广州市', '2021', False, None)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import TypeVar

from extractors.figures.changes import Change, change_before, change_of
from extractors.figures.clauses import Layout, heads, tagged
from extractors.figures.headlines import link_headlines
from extractors.figures.lists import RESPECTIVELY, SEPARATOR, SUFFIXES, items
from extractors.figures.metrics import ACTOR, BENEFICIARY_CLASSES, BODIES, DEALS, ZONES, adnominal, bare, channel, counted_after, deals, glued, head, is_action, is_head, is_vague, join, mask, opening, phrase, phrase_after, qualifier, qualifies_only, unnamed
from extractors.figures.parts import PART_OPENING, link_parts
from extractors.figures.periods import FROM, OF_VALUE, PeriodMention, arabic_dates, base_date, bounds, find_periods, parse_count, shift, since_start
from extractors.figures.places import DATELINE_END, DIVISIONS, Division, Place, choose, enclosing, find_places, lineage, refer
from extractors.figures.quantities import DECLARED, Quantity, normal_form, scan
from extractors.figures.scopes import SCOPE
from extractors.figures.subjects import SIBLINGS, FIGURE_START, Home, find_home, subject
from extractors.figures.tables import MONEY_UNITS, cells
from extractors.record import Figure

__all__ = ["extract_figures"]

Mention = TypeVar("Mention", Place, PeriodMention)

AGGREGATE = re.compile("支出|财政收入|生产总值|GDP")  # the public finances' and the economy's totals
OWN_SCOPE = re.compile("^(?:全[省市区县州国]|本级|同期|当年|同级|本地区)+")  # 占全省同期…: the denominator's scope
SHARE = re.compile(r"(?:占比|占(?P<of>[^，。；,;]{0,20}?)(?:的)?(?:比重|比例|份额)?)(?:为|达到|达|约为|约|超过|超|近|逾)*$")
CONTEXT = 64  # divisions named before a place that tell which one it means
TAIL = 32  # characters before a figure that the patterns of its clause's end look at
DOCUMENT = re.compile("《[^》]*》|“[^”]{1,30}”")  # 《…》 names a document, “青海特色农产品”专馆 a brand
BOUNDS = ("以上", "以下", "超", "不到")  # a bound: 200万元以下, 不低于40%
LIMIT = re.compile(r"(?:标准|限额|门槛|上限|下限|最高|最低|单笔|单户|单项|每[笔户人个家项]|单价)[^，。；,;]{0,10}$")
BARE_LOT = re.compile(r"(?:各)?(?:包|标段|批次|标包)(?![\d一二三四五六七八九十A-Za-z１-９（(])")  # a lot counted before (三个包中标金额)
PER_AFTER = re.compile(r"(?<=[价费金额助贴])每[^\W\d每]{1,3}$")  # a rate said after the measure: 中标价每吨
WHOLE_YEAR = ("全年", "当年", "年内")  # the year a sentence is in, whichever that is
PLAN = re.compile("力争|(?<!多)争取(?!上级|各级|中央|资金)|预计(?:每年|全年|年|可|将|能|带动|节约|节省)|有望|下一步|确保")  # what is to come, not what was counted
RULE = re.compile(r"对|按|预留|给予|扣除|不得|应当|须|要求|标准|限额|门槛|明确|规定|鼓励|可以")
# a percent of a base: 降至合同金额的5%, 预留该部分采购项目预算总额的30%以上
OF_BASE = re.compile(r"(?:(?P<verb>预留|支付|扣除|给予|安排|收取|缴纳)[^，。；,;的]{0,16}|(?:降至|降到|降低至|降低到|下调至|提高到|提高至|"
                     r"调整为|不超过|不低于|为|按照|按|由)"
                     r"[^，。；,;的]{1,16})的(?:不低于|不超过|不高于|不少于|超过|约|近)?$")
RATIO_END = re.compile(r"(?:比例|占比|比重|率)$")
BUDGET = re.compile(r"(?:为|占)(?:年初|调整后?的?|全年)?预算(?:数)?的")  # 为调整预算的97.6%: of the budget
AS_WHAT = re.compile(r"(?:以上|以下)?(?:作为|作|用作)([^，。；,;\d]{1,8}?)(?=[，。；,;]|$)")
RATE_NAME = re.compile(r"[^，。；,;]*(?:比例|比重|费率|利率|[^\W\d]率)")
RATE_LINK = re.compile(r"由|从|为|是|按|不得?(?:超过|高于|低于)|超过|降至|降到|提高到|提高至")  # a rate's name, then its base
RATE_OF_CHANGE = re.compile(r"(?:平均)?(?:降幅|增幅|涨幅|增速|增长率|降低率|降价|涨价)(?:最大|最高|最快|最小|最低|最慢)?[，,]?"
                            r"(?:为|达到|达|约|超过|超|近)*$")
COMPARISON_END = re.compile(r"(?:同比|环比|(?:比|较)(?:上年|去年|上一年|前一年|(?:19|20)\d{2}年)?(?:同期)?)$")
BASE_VALUE = re.compile(r"(?:(?:比|较|與|与)|(?<=[，,；;]))(?:上年|去年|上一年|前一年|(?:(?:19|20)\d{2}|1[0-2]\d)年度?)(?:同期)?(?:的|为|是|(?:预算数|决算数|预算|决算|规模|总额)(?:为|是)?)$"
                        r"|(?<=[，,；;：:])(?:上年|去年)同期$")  # 中标金额：上年同期33.58亿元: last year's level
LAST_YEARS_OPENING = re.compile(r"\s*(?:去年|上年)同期[，,：:]")
OF_LEVEL = object()  # a list item whose metric is a share of the level figure before the list
SHARE_OF_LIST = re.compile(r"占(?P<of>[^，。；,;]{2,20}?)的?(?P<ratio>比重|比例)?$")  # 占全国财政支出和GDP的比重分别为
WON = re.compile(rf"(?P<who>{'|'.join(sorted(BENEFICIARY_CLASSES, key=len, reverse=True))})"
                 r"(?:获得?|拿到|拿下|拿走|斩获|赢得)(?:了|超|近|逾|\s)*$")
CONTRACTS = re.compile(r"(?:以上|多)?的?(?:政府采购)?(?:合同|订单)")
# 中小企业获得政府采购合同151.3亿元, 中小企业取得的合同金额约38.5亿元: the contracts awarded to them
WON_CONTRACTS = re.compile(rf"(?P<who>{'|'.join(sorted(BENEFICIARY_CLASSES, key=len, reverse=True))})"
                           r"(?:共|累计)?(?:获得|取得|签订|承接|中标)了?的?(?:政府采购)?合同(?:金额|额)?"
                           r"(?P<share>占比|比例|比重)?(?:达到|达|为|约|共|超过|超|逾|近)*$")
BARE_SHARES = ("占比", "比重")
YARDSTICK = re.compile("(?:高于|低于|(?<![占同环对])比|较)$")  # the place compared with
YARDSTICK_VALUE = re.compile("(?:平均)?(?:水平)?[为的]?(?:约|近)?")  # …全市平均水平92.5%: its figure follows it
RANKING = re.compile(r"(?:居|位居|位列|排名|排在|名列)[^，。；,;]{1,8}$")
TOPS = re.compile(r"(?:(?:居前|居首|位居前|位列前|排名前|排前|列前)[^，。；,;的]{0,3}|最高|最多|较高|较多)的(?:是|为|有)")
COUNTED_PLACES = re.compile(r"(?P<n>[两二三四五六七八九十\d]{1,2})个?(?:省区市|省市|省区|市州|地州|县区|县市|[市县区省州地])"
                            r"(?=合计|共|累计|总|加起来)")
EARLIER = re.compile(r"年|上期|往")
LAST_YEARS_COLUMN = re.compile("上年|去年")  # a table's column of last year's figures (上年同期实际采购金额)
SCHOOL_YEAR_PERIOD = re.compile(r"\d{4}-09\.\.\d{4}-08")  # a school year's period (2024/2025学年)
LEVELS_JOINED = re.compile("中央(?:和|及|与|、)(?:省|自治区|地方)")  # 中央和省级补助资金, 中央及地方财政
THIS_ONE = re.compile("(?:这一|这个|该|此|上述)(?:比例|比重|占比|数字|数据|指标|数值|规模|金额)")  # a measure named before
TOWN_ITEM = re.compile(r"[\u4e00-\u9fff]{2,5}(?:镇|乡|街道|社区|村)")
TOWNS_COUNTED = re.compile(r"[两二三四五六七八九十\d]{1,2}个?(?:乡镇|镇|乡|街道|社区|村)")  # 娄葑、…、胜浦四个街道
DEAL_VERB = re.compile("(?P<verb>成交|采购|销售|签约|中标|交易)(?:额|金额)?(?:为|达|约)?")  # a measure said by its verb
WON_AT = re.compile("(?:的(?:价格|报价|总价))?(?P<verb>中标|成交|中选|竞得|签约)")  # 以6918.27万元中标: the price won at
COUNTED_SHARE = re.compile(r"[两二三四五六七八九十]+(?:类|者|项|种|个)?的?(?:占比|比重|所占比例|比例)")
NAMED_AFTER = re.compile(r"\s*(?:——|—|--)\s*([^，。；,;\n（(]{2,24})(?=[。；;，,\n（(]|$)")
PRICE = re.compile("价")  # a comparison with a price (市场价, 电商平台售价, 协议供货价格)
HIGHER = re.compile("(?<!最)高|贵|超")  # (最高降幅: the largest cut, not a price above)
AVERAGE_YEARLY = re.compile("年均|年平均|平均每年")
EACH = re.compile(r"(?:[两二三四五六七八九十\d]+个?[省市县区州])?[^，。；\d]{0,12}?[均都](?!价)")
# (甲县、乙县均超过8亿元, 甲、乙两市采购额都超过…: the figure of each of the places, not of their sum)
GAP = re.compile(r"(?<!不)(?:高于|低于|高出|低出|超出)(?P<other>[^，。；,;\d%]{2,20}?)(?:约|近|超过|逾)?$")
FRAME = re.compile(r"\s*(?:在)?([^，。；,;：:]{2,16}?)方面[，,]")  # 授予中小企业合同金额方面，… (not 从采购主体看: a dimension)
DEPARTMENT = re.compile(r"[^，。；、\d]{0,8}?(?:厅|局|委员会|委|办公室|办|中心)")  # a government body after its place
AWARDED_TO = re.compile(rf"授予(?P<who>{'|'.join(sorted(BENEFICIARY_CLASSES, key=len, reverse=True))})(?:达|为|共|约)*$")
# 政府采购合同授予中小企业金额: the same measure in another order
AWARDED = re.compile(rf"(?:政府采购)?合同(?:授予|给予)(?P<who>{'|'.join(sorted(BENEFICIARY_CLASSES, key=len, reverse=True))})"
                     r"的?(?:金额|额)(?P<share>占比|比例|比重)?$")
SAVED = re.compile(r"(?:较|比)[^，。；,;]{1,12}?(?P<mean>平均)?(?:节约|节省)(?:了|约|近)*$")  # a saving against a price
COMPLETED = re.compile(r"完成(?P<what>[^，。；,;]{1,16}?)的$")  # 完成预留份额的103.4%: a rate of completion
UNIT_PRICE = re.compile(r"单价|每[^，。；\d]{0,2}(?:价格|售价|价)|售价$|零售价|中选价|挂网价")
SPEAKER = re.compile(r"\s*[\u4e00-\u9fff·]{2,5}[：:]\s*")  # a transcript's speaker: 周文斌：
TAIWAN_CENTRAL = re.compile("(?:(?:行政院)?(?:公共工程委员会|工程会)|审计部|监察院|立法院|行政院|经济部|财政部|内政部|教育部|交通部"
                            "|卫生福利部|卫福部|劳动部|环保署|环境部|原住民族委员会|国发会|主计总处)[^县市]*")  # bodies of all Taiwan
                            # (and their offices: 经济部中小企业处)
# years count from 1912, figures are Taiwan's: its words, or a year of that count (112年度, 111年1月至10月)
TAIWAN = re.compile(r"新台币|民国|中华民国|行政院|立法院|(?<![\d.])1[01]\d年(?:度|\d{1,2}月)")
# an earlier clause that says what the changes of the sentence are measured against: 与2020年相比，…
COMPARED = re.compile(r"(?:与|和|同|较|比)(?P<what>[^，。；,;]{1,14}?)(?:相比|比较|相较)[，,]?")


def _last(items: list[Mention], starts: list[int], start: int, end: int,
          keep: Callable[[Mention], bool] = lambda m: True) -> Mention | None:
    """The last mention in ``[start, end)`` that ``keep`` accepts (``starts``: the mentions' offsets)."""
    i = bisect_left(starts, end) - 1
    while i >= 0 and starts[i] >= start:
        if keep(items[i]):
            return items[i]
        i -= 1
    return None


class _Field:
    """One text (title, subtitle or body) with its layout, quantities, places and periods."""

    def __init__(self, name: str, text: str, normal: str, quantities: list[Quantity], base: int | None,
                 month: int | None, roc: bool = False, reported: str | None = None):
        """``normal``: ``text`` in :func:`.quantities.normal_form` (the same length: offsets hold in both)."""
        self.name, self.original, self.text, self.quantities = name, text, normal, quantities
        self.layout = Layout(self.text)
        documents = [m.span() for m in DOCUMENT.finditer(self.text)]
        counted = [(q.start, q.end) for q in quantities]  # (3台中标金额: 台中 is no place when 3台 is a figure)
        self.places = [p for p in find_places(self.text) if not any(s < p.start < e for s, e in documents + counted)]
        self.place_starts = [p.start for p in self.places]
        self.base, self.month = base, month
        self.periods = find_periods(self.text, base, month, roc=roc, reported=reported)
        self.period_starts = [p.start for p in self.periods]
        self.said = [p for p in self.periods if p.period is not None]  # (looked up by offset: a long text stays linear)
        self.said_starts = [p.start for p in self.said]
        self.inheriting = [p for p in self.said if p.inherits]
        self.inheriting_starts = [p.start for p in self.inheriting]
        self.quantity_starts = [q.start for q in quantities]
        acting = [(p.start, p.end) for p in self.places if not p.qualifier and not LEVELS_JOINED.match(self.text, p.start)]
        # (中央和省级补助资金: the levels that give the money, a kind of it, not a place that acts)
        self.blocked_spans = sorted(acting + [(p.start, p.start + len(p.text)) for p in self.periods]
                                    + [(q.start, q.end) for q in quantities])
        self.blocked = mask(self.text, acting + [(q.start, q.end) for q in quantities],
                            [(p.start, p.start + len(p.text)) for p in self.periods])
        self._phrases: dict[tuple[int, int], str | None] = {}
        self.quoted: list[tuple[int, str]] | None = None  # names in quotes (“832平台”) and where they stand
        self.named: list[Division] | None = None  # the divisions its places name, in order
        self.named_starts: list[int] = []
        self.clause_starts = [c for c, _ in self.layout.clauses]
        self.scopes = [(m.start(), m.end(), m.group()) for m in SCOPE.finditer(self.text)]
        self.scope_starts = [start for start, _, _ in self.scopes]
        self.story_heads = _story_heads(self.layout, self.text)

    def phrase(self, start: int, end: int) -> str | None:
        """:func:`.metrics.phrase` of ``text[start:end]`` with this field's places, periods and figures
        blocked (remembered: a clause is read for each figure after it)."""
        key = (start, end)
        if key not in self._phrases:
            self._phrases[key] = phrase(self.text, start, end, self.blocked)
        return self._phrases[key]


def _one_span(period: str) -> bool:
    """Whether ``period`` lies within one year (2023, 2023-H1, 2023-01..2023-09), not several (2021..2023)."""
    first, _, last = period.partition("..")
    return first[:4].isdigit() and (not last or last[:4] == first[:4])


def _said(p: PeriodMention) -> bool:
    return p.period is not None


def _period(field: _Field, q: Quantity, default: str | None) -> str | None:
    """The period said in the figure's sentence, else carried from earlier in its paragraph or the
    paragraphs before (an annual review's year), else ``default``."""
    s, _ = field.layout.sentence_at(q.start)
    said = _last(field.periods, field.period_starts, s, q.start, _said)
    if said is None and s > field.layout.paragraph_at(q.start)[0] and PART_OPENING.match(field.text, s):
        cut = _last(field.said, field.said_starts, field.layout.sentence_at(s - 1)[0], s)  # 截至2月底，累计…40.7亿元。其中，
        said = cut if cut is not None and cut.period.startswith("..") else None  # 市本级…: the parts of a total to date
        # are of its months, though such a total's period holds for no other sentence
    whole = _last(field.periods, field.period_starts, said.start + 1, q.start, lambda p: p.text in ("全年", "当年")) \
        if said is not None and said.period and said.period[:4].isdigit() and len(said.period) > 4 else None
    if whole is not None and whole.period is None and not field.text.endswith(OF_WHOLE_YEAR, 0, whole.start):
        return said.period[:4]  # 截至11月底，…，全年运行维护费预算3820万元: that year's, not to November
        # (not 完成全年采购预算的67.4%, 较2019-20年度全年的173亿元: a share of the year's, the year compared)
    while said is not None and field.text.endswith(FROM, 0, said.start) \
            and OF_VALUE.match(field.text, said.start + len(said.text)) and _figures_in(field, (said.start + len(said.text), q.start)):
        # 由2020年的1117.7亿元增加到1568.3亿元, 由2017年的21家压减至12家，…低18%: 2020, 2017 are the first figure's only
        said = _last(field.periods, field.period_starts, s, said.start, _said)
    end, here = s, field.layout.paragraph_at(q.start)[0]  # (here: where the figure's paragraph starts)
    while said is None:
        said = _last(field.inheriting, field.inheriting_starts, 0, end)
        if said is not None and said.weak and _last(field.said, field.said_starts, 0, said.start):
            said = None
        if said is None:
            break
        p_start, p_end = field.layout.paragraph_at(said.start)
        if p_start < here and PART_OPENING.match(field.text, field.layout.sentence_at(said.start)[0]):
            end, said = said.start, None  # 其中，第三季度交易金额846.2亿元。\n县区中，…: a part's period is no topic
            continue
        if any(p_start < h <= here for h, _ in field.story_heads):
            said = None  # ■ 一季度我市832平台销售增长两成 / 消防新装备“上岗” / 本报讯 …: another story's period
            default = str(field.base) if field.base else default  # (nor the first story's: the year of the page)
            break
        if p_start < here:  # 10月份，…。1—10月，累计…: a report of 10月 goes on with it
            said = _topic_period(field, p_start, said)
        if p_end - p_start <= NARRATIVE or _figures_in(field, (p_start, p_end)) or p_start >= here \
                or said.text.endswith("年度") and p_start in [a for a, _ in field.layout.paragraphs[:2]]:
            # (对2023年度…项目开展了绩效评价 as the text opens: the year the whole text reports on)
            break  # a heading (一、2023年工作回顾) or a paragraph of figures: its period carries on
        end, said = said.start, None  # 今年以来，…深化改革, a story of what was done without figures: not the data's period
    period = _finer(field, said) if said else default
    month = bounds(period)
    if said and said.start < field.layout.paragraph_at(q.start)[0] and month and month[0] == month[1] \
            and _inside(period, default):
        period = default  # 6月交易额达到6.42亿元。\n三、分品类情况\n防疫物资成交3.6亿元: a month said once is no topic
    if period and ".." in period and period[:4].isdigit() and RAISED_TO_END.search(field.text, max(0, q.start - 4), q.start):
        return period.split("..")[1][:4]  # 五年来，…由2020年的…增加到1568.3亿元: the level at the end of the span
    if said is not None and said.start < s and period and YEAR_TO_DATE.fullmatch(period) \
            and ONE_THING.search(field.text, s, q.start):
        return period[:4]  # 今年1—7月，…。公司凭一份860万元的中标合同: one thing's figure, of the year, not the months counted
    return period


# a finding told as what was done wrong (一是12个项目未按规定公开采购意向), without its number and who did it
FINDING_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?[\d一二三四五六七八九十]+[)）.、．]|其中|另有|还有|此外)?"
                          r"(?:\d+个|[一二三四五六七八九十两]+个|部分|个别|有的|少数)?(?:项目|单位|部门|学校|医院|乡镇)?")
FINDING = re.compile(r"[\u4e00-\u9fff“”（）]{4,20}")
INVOLVED = re.compile(r"涉及(?:的)?(?P<what>采购金额|合同金额|金额|资金)(?:共计|合计|总计|累计|达到|达|约为|约|为|共|计)?[:：]?$")
RAISED_TO = re.compile("(?:增加|增长|提高|提升|上升|扩大|下降|减少|降低)(?:到|至)|[增降]至")
RAISED_TO_END = re.compile(f"(?:{RAISED_TO.pattern})$")
FROM_LEVEL_END = re.compile(f"(?:左右|以上|以下|多)?(?:的水平)?[，,]?(?:逐步|大幅|分别)?(?:{RAISED_TO.pattern}|(?:压减|压缩|缩短|减|调整|上调|下调|提|升|涨|跌)[到至])")
YEAR_TO_DATE = re.compile(r"(\d{4})-01\.\.\1-\d{2}")
ONE_THING = re.compile(r"一份|一家|一台|一批|一款|该(?!市|县|区|省)|某|以[^，。；]{1,20}为例|单笔|单台|单个|单车|每(?:斤|公斤|盒|台|套|份|吨|件|辆|把|支|平方米)")
NARRATIVE = 40  # characters: a longer paragraph is more than a heading
PERIOD_GAP = re.compile("[、，,及和与]|以及")  # between periods listed together
OF_WHOLE_YEAR = ("占", "完成", "为", "较", "比", "年度", "年")


def _inside(part: str | None, whole: str | None) -> bool:
    """Whether ``part`` lies strictly inside ``whole`` (2020-06 in 2020-H1)."""
    p, w = bounds(part), bounds(whole)
    return bool(p and w and p != w and w[0] <= p[0] and p[1] <= w[1])


def _topic_period(field: _Field, start: int, last: PeriodMention) -> PeriodMention:
    """The period a paragraph that begins at ``start`` is about, for the paragraphs after it: the last it
    said, unless that sums up to the end of the one it set off first with a comma (10月份，…。1—10月，累计…;
    2018年，…。2016—2018年…) or opened it with (二季度…。上半年累计…): then that one."""
    for m in field.inheriting[bisect_left(field.inheriting_starts, start) : bisect_left(field.inheriting_starts, last.start)]:
        set_off = field.text.startswith(("，", ","), m.start + len(m.text))  # (not 2020年10月以来，)
        if m.weak or not (set_off or m.start == start):  # (or the paragraph opens with it: 二季度商城共成交…。上半年累计…)
            continue
        a, b = bounds(m.period), bounds(last.period)  # (前三季度，…其中，三季度…: a part of it, the same end)
        if a and b and a != b and a[1] == b[1] and (set_off or b[0] < a[0]):
            return m
        if set_off:
            return last
    return last


def _figures_in(field: _Field, span: tuple[int, int]) -> bool:
    starts = field.quantity_starts
    i = bisect_left(starts, span[0])
    return i < len(starts) and starts[i] < span[1]


def _finer(field: _Field, said: PeriodMention) -> str | None:
    """The more specific of a year and a part of it said together: 截至11月底，今年… → 2023-01..2023-11;
    一季度，今年… → 2023-Q1."""
    if not said.period or len(said.period) != 4 or said.text == "全年":  # (2021年3月上线，…全年成交: the whole year)
        return said.period
    s, _ = field.layout.sentence_at(said.start)
    year = said.period
    part = _last(field.periods, field.period_starts, s, said.start,
                 lambda m: bool(m.period) and (m.inherits or m.period.startswith("..")) and m.period != year
                 and m.period.removeprefix("..").startswith(year + "-"))
    if part is None:
        return year
    return f"{year}-01{part.period}" if part.period.startswith("..") else part.period


def _actor(field: _Field, start: int, end: int) -> Place | None:
    """The place or body last named in ``[start, end)`` as the one acting (not 为全省企业)."""
    return _last(field.places, field.place_starts, start, end, lambda p: not p.governed)


def _level_metric(found: list[Figure], sentence_start: int) -> str | None:
    level = _level_before(found, sentence_start)
    return level.metric if level is not None else None


def _level_before(found: list[Figure], sentence_start: int, kinds: tuple[str, ...] = ("money", "count")) -> Figure | None:
    """The last figure of ``kinds`` given earlier in the same sentence that is a level (not a change)."""
    return next((f for f in _back_to(found, sentence_start) if f.kind in kinds and not f.change), None)


def _between(items: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions at offsets in ``[start, end)`` (``starts``: the mentions' offsets, in order)."""
    return items[bisect_left(starts, start) : bisect_left(starts, end)]


def _back_to(found: list[Figure], start: int) -> Iterator[Figure]:
    """The figures read so far (of the field being read), last first, back to ``start``."""
    for f in reversed(found):
        if f.start < start:
            return
        yield f


class _Reader:
    """Reads the figures of one article field by field, keeping what earlier fields named."""

    def __init__(self, homes: list[tuple[int, Home]], default_period: str | None, published: str | None,
                 warnings: list[str] | None):
        """``homes``: the article's own place, then that of each later story of the body from where it begins."""
        self.homes, self.default_period, self.published, self.warnings = homes, default_period, published, warnings
        self.home = homes[0][1]
        self.named: list[Division] = [self.home.division] if self.home.division else []
        self.periods_of: dict[int, str] = {}  # figures of a list whose items are periods
        self.places_of: dict[int, Place] = {}  # figures of a run whose items are places, without 分别

    def _home_at(self, field: _Field, pos: int) -> Home:
        """The place of the story ``pos`` of ``field`` stands in: a later story's in the body, else the article's."""
        if field.name != "body":
            return self.homes[0][1]
        return next(home for start, home in reversed(self.homes) if start <= pos)

    def _subject(self, field: _Field, q: Quantity) -> str | None:
        """Whose the figure is: the place or body its sentence names last, else the one the sentence before
        opened with (该区…), else the article's; several places named together (甲县、乙县合计) are their
        enclosing place's."""
        s, _ = field.layout.sentence_at(q.start)
        place = _actor(field, s, q.start)
        if place is None and (counted := COUNTED_PLACES.search(field.text, s, q.start)):  # 三市合计544.6亿元: the places
            n = parse_count(counted.group("n"))  # named last, taken together
            named = self._named_before(field, s)[-n:] if n else []
            common = enclosing(named) if len(named) == n and n > 1 else None
            if common is not None:
                return common.full
        yardstick = _last(field.places, field.place_starts, s, q.start, lambda p: p.governed and p.candidates or p.ref)
        if yardstick is not None and YARDSTICK.search(field.text, max(s, yardstick.start - 3), yardstick.start) \
                and YARDSTICK_VALUE.fullmatch(field.text, yardstick.end, q.start):
            place = yardstick  # 低于全市平均水平92.5%: the yardstick's own figure
        if place is None:
            ps, _ = field.layout.sentence_at(s - 1) if s else (s, s)
            p, _ = field.layout.paragraph_at(q.start)
            opening = _actor(field, max(ps, p), min(max(ps, p) + 6, s)) if ps >= p and s > p else None
            place = opening and _chain_end(field, opening)
        if place is None or place.org or place.national:
            return subject(place, self.home, [])
        if self.home.organisation and DEPARTMENT.match(field.text, place.end):
            return None  # 青海省教育厅… in the department's own accounts: the department's, not the province's
        named = self._named_before(field, q.start)
        if place.ref and not place.that:  # 山西省方面，1—6月全省…: the province the sentence named, not the article's
            k, j = bisect_left(field.named_starts, s), bisect_left(field.named_starts, place.start)
            said = [d for d, at in zip(field.named[k:j], field.named_starts[k:j]) if d.full.endswith(place.ref)
                    and not _item(field, at)]
            # (…、桐乡市4.64亿元，市本级8.53亿元: a place with its own figure is an item, not the one spoken of)
            if said:
                return said[-1].full
            if (opener := _opener(field, q.start, place.ref)) is not None:
                return opener.full
            if refer(place.ref, self.home.division, named) is None and not place.text.endswith("本级") \
                    and (only := _only_named(field, place.ref, self.home.division)):  # (not 市州本级: a level)
                return only.full  # 全县 in a city paper's story of the one county it names, even later (栾川县是…)
        group = _group(field, place) if place.candidates else []
        if len(group) > 1 and not EACH.match(field.text, group[-1].end):  # (甲、乙两市均超过…: each one's)
            common = enclosing([choose(g.candidates, named) for g in group])
            return common.full if common else subject(None, self.home, named)
        return subject(place, self.home, named)

    def _subject_of_price(self, field: _Field, q: Quantity, metric: str | None, subj: str | None) -> str | None:
        """A unit price (每盒价格为68.5元, 单价4280元) is of a product, not of a place, unless its clause names one."""
        c, _ = field.layout.clause_at(q.start)
        if metric and UNIT_PRICE.search(metric) and _actor(field, c, q.start) is None:
            return None
        return subj

    def _named_before(self, field: _Field, pos: int) -> list[Division]:
        """The divisions the article named last before ``pos`` of ``field`` (at most ``CONTEXT`` of them: what
        鼓楼区 or 该市 means is told by the places named near it)."""
        if field.named is None:
            field.named, field.named_starts, out = [], [], list(self.named)
            for p in field.places:
                d = choose(p.candidates, out[-CONTEXT:]) if p.candidates and not p.org else None
                if d is not None:
                    out.append(d)
                    field.named.append(d)
                    field.named_starts.append(p.start)
        end = bisect_left(field.named_starts, pos)
        return (self.named + field.named[max(0, end - CONTEXT) : end])[-CONTEXT:]

    def _topic(self, field: _Field, clause_start: int, found: list[Figure] = (), before: int | None = None) -> str | None:  # type: ignore[assignment]
        """The metric the sentence gave before ``clause_start`` (its clauses before, nearest first, and the
        figures of the clause itself before ``before``): the metric of a figure there (放款1.26万笔、金额287.4亿元:
        放款), else the phrase a clause ends with."""
        s, _ = field.layout.sentence_at(clause_start)
        here = next((f for f in _back_to(found, clause_start) if f.start < (before or clause_start) and f.metric), None)
        if here is not None:
            return here.metric
        clauses = field.layout.clauses[bisect_left(field.clause_starts, s) : bisect_left(field.clause_starts, clause_start)]
        for cs, ce in reversed(clauses):
            figure = next((f for f in _back_to(found, cs) if f.start < ce and f.metric and not _who(f)), None)
            if figure is not None:
                return figure.metric
            end = ce
            while end > cs and field.text[end - 1] in "，,：:":
                end -= 1
            ranked = RANKING.search(field.text, cs, end) or TOPS.search(field.text, cs, end)
            # (太原市采购规模居全省首位，为…; 采购金额居前的是广州市、深圳市，分别采购…: the measure ranked)
            end = ranked.start() if ranked and ranked.start() > cs else end
            if any(start <= cs and end <= stop for start, stop, _ in field.scopes):
                return None  # 县（市）区：28.45亿元: a scope names no measure
            phrase_ = field.phrase(cs, end)
            if phrase_ and SPEAKER.fullmatch(field.text, cs, ce) and any(t.startswith("nr") for _, t in tagged(phrase_)):
                continue  # 周文斌：赣州市去年通过电子卖场完成采购…: who speaks, not what was measured
            if phrase_ and not is_action(phrase_):  # (开展政采贷业务: an action, not what was measured)
                return phrase_
        return None

    def read_table(self, field: _Field) -> list[tuple[Figure, Figure | None]]:
        """The figures of the cells of the tables in ``field`` (see :mod:`extractors.figures.tables`): a cell
        measures its row in its column's year (政府采购规模 × 2017年), else its column for its row's place or
        kind (公开招标 × 采购预算 → 公开招标采购预算); each with the figure of the cell it is part of."""
        table = cells(field.text)
        measures: dict[str, str] = {}  # what a row's change column (比上年增长) changed: the measure last year's column
        for c in table:  # names (上年同期实际采购金额), else the row's first measure of money
            if c.unit in MONEY_UNITS and not c.change and LAST_YEARS_COLUMN.match(c.column):
                measures[c.row] = LAST_YEARS_COLUMN.sub("", c.column).removeprefix("同期")
            elif c.unit in MONEY_UNITS and not c.change:
                measures.setdefault(c.row, c.column)
        figure_of: dict[int, Figure] = {}
        for k, c in enumerate(table):
            q = next(iter(scan(c.text.replace(",", "") + c.unit)), None)
            if q is None:
                continue
            q.start = c.start
            said = next((p.period for p in find_periods(c.column, field.base, field.month) if p.period), None)
            period = said or c.year or _period(field, q, self.default_period)
            if c.column in ("本月", "当月") and (span := bounds(period)):
                period = span[1]  # 本月 in a report of 1—8月: August
            elif LAST_YEARS_COLUMN.match(c.column) and not c.change:
                period = shift(period)  # 上年同期实际采购金额: the same months a year before
            place = None
            for p in (p for p in find_places(c.row) if p.candidates):  # 定西市安定区: the finest of the places
                if p.start != (place.end if place else 0):  # written one after the other from the row's start
                    break
                place = p
            home = self._home_at(field, c.start)
            measure = measures.get(c.row, c.column) if c.change else LAST_YEARS_COLUMN.sub("", c.column).removeprefix("同期") \
                or c.column  # (上年同期实际采购金额: 实际采购金额, of last year)
            metric = c.row if c.by_period or c.under else measure if c.total or place or c.year else _cell_metric(c.row, measure)
            s, e = field.layout.sentence_at(c.start)
            figure_of[k] = Figure(
                surface=c.text, kind=q.kind, value=q.value, unit=q.unit, value_yuan=q.value_yuan, metric=metric,
                subject=subject(place, home, self._named_before(field, c.start) if place else []), period=period,
                sentence=field.original[s:e].strip(), start=c.start, end=c.end, field=field.name,
                base_value=q.base_value, base_unit=q.base_unit, change=c.change, base_period=shift(period) if c.change else None)
        return [(f, figure_of.get(table[k].of)) if table[k].of is not None else (f, None) for k, f in figure_of.items()]

    def read(self, field: _Field) -> list[Figure]:
        text = field.text
        out: list[Figure] = []
        self.periods_of, self.places_of = {}, {}
        listed = self._lists(field)
        comparisons: dict[int, str | None] = {}
        for i, q in enumerate(field.quantities):
            self.home = self._home_at(field, q.start)
            c, _ = field.layout.clause_at(q.start)
            s, e = field.layout.sentence_at(q.start)
            period = self.periods_of.get(i) or _period(field, q, self.default_period)
            if AVERAGE_YEARLY.search(text, c, q.start):  # 2020年、2021年、2022年…分别为…，年均增长5.9%: over those years
                years = sorted({p.period[:4] for p in _between(field.periods, field.period_starts, s, q.start)
                                if p.period and p.period[:4].isdigit()})
                period = f"{years[0]}..{years[-1]}" if len(years) > 1 else period
            if period and len(period) > 4 and "累计" in text[c : q.start] \
                    and not _last(field.periods, field.period_starts, field.layout.paragraph_at(q.start)[0], q.start, _said):
                period = since_start(period)  # (今年前4个月新增放款…。) 各行累计放款…: a total to then, since whenever
                # (not in a year's review, 累计 there sums the year; nor after 今年以来 in its paragraph)
            tail = max(c, q.start - TAIL)  # the patterns below end at the figure: look at the clause's end only
            metric_of_base = None
            if period and LAST_YEARS_OPENING.match(text, s):
                period = shift(period)  # 去年同期，全县政府采购金额为2.21亿元: the same months a year before
            if period and len(period) == 4 and self._from_level(field, q, c):
                period = shift(period)  # 消费券面额由每人每月100元提高到150元: the level before this year's change
            before = max(0, tail - 1)  # (the mark before the clause: ，去年同期33.58亿元)
            if (then := BASE_VALUE.search(arabic_dates(text[before : q.start]), tail - before)) is not None:
                period = Change(0, then.group()).base(period) or period  # 比上年的3247.81亿元, 較二〇二〇年度的169.3億元
                grew = next((f for f in reversed(out) if f.kind == q.kind or f.change), None) if then.start() + before == c else None
                if grew is not None and grew.start >= s and grew.field == field.name:
                    metric_of_base = grew.metric  # …同比增长12.5%，上年同期为1.16亿元: the level it grew from (not 占…的17.9%)
            ruled = (q.approx in BOUNDS or q.range_to is not None or q.kind == "percent" and _round(q.value)) and RULE.search(text, c, q.start) \
                and not COMPLETED.search(text, tail, q.start) and "占" not in text[c : q.start]  # 完成预留份额的112%: a result
            if (ruled or q.approx in BOUNDS and RULE.search(text, s, q.start) or LIMIT.search(text, tail, q.start)) \
                    and not _last(field.periods, field.period_starts, s, q.start, _said) \
                    and not (period and SCHOOL_YEAR_PERIOD.fullmatch(period)):
                period = self.published if period and self.published and period[:4] == self.published[:4] else None
                # (对200万元以下的项目, 单笔最高1000万元: a rule, not a statistic: in force when published, which a
                # review of an earlier year does not say; a school year's rates, 每人可获3,100澳门元, are that year's)
            if period and self.published and period[:4] < self.published and PLAN.search(text, c, q.start) \
                    and not _last(field.periods, field.period_starts, s, q.start, lambda p: p.period and p.text not in WHOLE_YEAR):
                period = self.published  # 2021年，…。力争全年框架协议采购金额超过1亿元: a plan is of when it is made
            subj = self._subject(field, q) if i not in self.places_of else \
                subject(self.places_of[i], self.home, self._named_before(field, q.start))
            change = change_before(text[tail : q.start]) if q.kind != "duration" else None
            priced = change is not None and q.kind == "percent" and bool(change.comparison) \
                and PRICE.search(change.comparison) is not None and not EARLIER.search(change.comparison)
            # (较市场平均价格低8.6%: a gap to another price, a level; 较去年平均成交价下降: a change over time)
            change = None if priced else change
            if change is None and q.kind == "points" and (gap := GAP.search(text, tail, q.start)):
                change = Change(gap.start() - tail, gap.group())  # 高出全国平均水平11个百分点: a difference from another's, no base
            if change is not None:
                change.start += tail - c
            runs = listed.keys() | self.places_of.keys()
            joined = bool(out) and out[-1].field == field.name and out[-1].kind == q.kind \
                and SEPARATOR.fullmatch(text, out[-1].end, q.start) is not None  # 分别比上年下降36.4%和51.2%
            if change is None and (i in runs and i - 1 in runs or joined) and out and out[-1].change:
                change = Change(0, comparisons.get(i - 1))  # 分别同比增长21.6%和17.2%: both are changes
            if change is not None:
                comparisons[i] = change.comparison
            changed = change_of(text[tail : q.start]) if change is None and q.kind == "money" else None
            base = None
            if changed is not None:  # 减少资金占用12.4亿元: a change of 资金占用
                change, metric = changed[0], changed[1]
                base = self._compared(field, s, c, period)
            elif change is not None:
                metric = self._change_metric(field, q, c, change, out)
                level = _level_before(out, s, ("percent",) if q.kind == "points" else ("money", "count"))
                if level is not None and _actor(field, c, q.start) is None:
                    subj = level.subject
                base = change.base(period) or self._compared(field, s, c, period)
                if base is None and AVERAGE_YEARLY.search(text, c, q.start) and ".." in (period or ""):
                    base = period.partition("..")[0]  # 年均增长 over 2020—2022: from 2020
                if base is None and change.comparison is None and period and _one_span(period):
                    base = shift(period)  # 增长7.04% in a year's review: against the year before
            elif q.kind == "percent" and (done := COMPLETED.search(text, tail, q.start)):
                inner = next((x.start for x in field.quantities if done.start("what") <= x.start < done.end("what")),
                             done.end("what"))  # 完成预留份额106.7万元的38.6%: of 预留份额
                metric = (field.phrase(done.start("what"), inner) or "") + "完成率"
            elif q.kind == "percent" and (won := WON.search(text, tail, q.start)) and CONTRACTS.match(text, q.end):
                metric = f"授予{won.group('who')}合同金额占比"  # 中小企业获七成以上合同: their share of contracts
            elif q.kind == "money" and (involved := INVOLVED.search(text, tail, q.start)):
                metric = self._finding(field, s, c, involved.start()) + "涉及" + involved.group("what")
                # (未按规定公开采购意向，涉及金额2.36亿元: the amount a finding involves)
            elif q.kind == "money" and (won := AWARDED_TO.search(text, tail, q.start)):
                metric = f"授予{won.group('who')}合同金额"  # 其中授予小微企业4.12亿元: contracts awarded to them
            elif (won := WON_CONTRACTS.search(text, tail, q.start)) and (q.kind == "money") != bool(won.group("share")):
                kind = text[c : won.start("who")]  # 本地中小企业取得的合同: 本地中小企业合同金额
                kind = kind if len(kind) <= 4 and kind.isalpha() and not any(field.blocked[c : won.start("who")]) else None
                metric = (f"{kind}{won.group('who')}" if kind else f"授予{won.group('who')}") + "合同金额" \
                    + ("占比" if won.group("share") else "")
            elif q.kind == "money" and text.endswith("以", 0, q.start) and (won_at := WON_AT.match(text, q.end)):
                metric = won_at.group("verb") + "金额"  # 经评审，某公司以6918.27万元中标: 中标金额, whatever the clause said
            elif q.kind == "percent" and (saved := SAVED.search(text, tail, q.start)):
                metric = (saved.group("mean") or "") + "节约率"  # 较市场均价平均节约9.3%
            elif q.kind == "money" and SAVED.search(text, tail, q.start):
                metric = "节约资金"  # 较预算2120万元节约133.6万元, 比预算节约632万元: what was saved, not the budget
            elif q.kind == "percent" and SHARE.search(text, tail, q.start):
                metric = self._share_metric(field, q, c, out)
            elif q.kind == "percent" and (of := OF_BASE.search(text, tail, q.start)) is not None:
                metric = self._rate_metric(field, q, c, of, out)
            elif (rate := RATE_OF_CHANGE.search(text, tail, q.start)) is not None:  # 价格平均降幅达53%, 平均降价56.7%
                change = Change(rate.start() - c, None)
                compared = COMPARISON_END.search(text, c, rate.start())  # 政采规模同比增幅达12.5%: of 政采规模
                base = (Change(0, compared.group()).base(period) if compared else None) \
                    or self._compared(field, s, c, period)  # 同比增幅达12.5%, 与上年相比，…增幅为8.3%
                metric = field.phrase(c, compared.start() if compared else rate.start()) or _level_metric(out, s) \
                    or self._topic(field, c, out)  # (增加了236亿元，增幅为8.3%: of what the change before measured)
                if base is None and not compared and period and _one_span(period) and "增" in rate.group():
                    base = shift(period)  # 服务类采购增幅最大 in a year's review: against the year before (a price's
                    # 降幅 is against the price before, no period)
                if metric and rate.group().lstrip("平均").startswith(("降价", "涨价")):
                    metric += "价格"
                if base is None and not compared and ("降价" in rate.group() or "降幅" in rate.group()
                                                      and "价" in text[field.layout.paragraph_at(s)[0] : rate.start()]) \
                        and not RAISED_TO.search(text, s, rate.start()):
                    change, priced = None, True  # 中选产品平均降价67.3%，最高降幅93.5%: how far prices fell, a level
                    # (…较市场价格节约962万元。分品类看，肉禽蛋降幅5.8%: prices, said earlier in the paragraph;
                    # 单价由上年的3.86万元降至3.12万元，降幅19.2%: a change over time)
            else:
                metric = field.phrase(c, q.start)
                if metric is None and (top := TOPS.search(text, c, q.start)):
                    metric = field.phrase(c, top.start())  # 采购规模居前三位的是麒麟区11.36亿元: the measure ranked
                if THIS_ONE.search(text, c, q.start) and (said := next(
                        (f.metric for f in _back_to(out, field.layout.paragraph_back(q.start, 1))
                         if f.kind == q.kind and f.metric and not is_vague(f.metric)), None)):
                    metric = said  # …合同金额占比普遍超过75%。浙江省这一比例为83.6%: the measure just named
                _, ce = field.layout.clause_at(q.start)
                if q.kind in ("percent", "money") and (q.kind == "percent" or head(metric) is None) and \
                        (named := adnominal(text, q.end, ce, q.kind, field.blocked, bound=q.approx in BOUNDS)):
                    metric = named  # 10%—20%的价格扣除, 超过200万元的货物和服务采购项目
                if q.kind == "count" and (metric is None or is_action(metric)):
                    # 共有57家“832平台”供应商, 携带500多款具有广西特色的农副产品: what was counted follows it
                    metric = counted_after(text, q.end, e) or metric
                if metric is None and out and out[-1].start >= c and out[-1].field == field.name:
                    metric = out[-1].metric  # 由30%提高到50%: the second figure is of the first's metric
                if is_vague(metric):
                    metric = phrase_after(text, q.end, e) or metric
                if is_vague(metric) and (frame := FRAME.match(text, s)) and frame.end() <= c \
                        and (said := field.phrase(frame.start(1), frame.end(1))) and head(said):
                    metric = said  # 授予中小企业合同金额方面，去年全省为412.5亿元: the measure the sentence is about
                if is_vague(metric) and metric not in (None, "金额", "资金", "总额", "合计") and q.kind == "money" and s < c \
                        and (label := LABEL.match(text, s)) \
                        and label.end() <= c and (name := _label_name(field, label)):
                    metric = name + metric + ("金额" if metric in DEALS else "")
                    # 公开招标：项目29个，预算14230.5，成交13018.2；: the line's item, 公开招标成交金额
                if is_vague(metric):
                    topic = self._topic(field, c, out, q.start)
                    if topic and qualifies_only(topic) and out and out[-1].metric == topic and out[-1].kind == q.kind:
                        topic = None  # 竞争性磋商0.97亿元，询价0.12亿元: another part, not more of the one before
                    if topic and q.kind != "percent":  # 支付合同金额的30%作为预付款，计65.28万元: the amount of 预付款
                        topic = RATIO_END.sub("", topic) or topic
                    if topic and _actor(field, c, q.start) is not None:
                        topic = _unscoped(topic)  # 省本级政府采购规模137.9亿元，哈尔滨市226.4亿元: the city's own
                    if topic and metric == "预算" and q.kind == "money" and metric not in topic:
                        topic = None  # 以598万元成交，较预算680万元节约…: the budget, not more of what was measured before
                    metric = join(topic, metric)
                    metric = metric if metric and len(metric) > 1 else None  # 四市合计: of what the figure before measured
                elif metric in AMOUNTS_OF_ITEMS and text.startswith(metric, c) and (kind := _counted_kind(field, out, s, c, metric)):
                    metric = kind + metric  # 本地供应商中标项目1126个，合同金额17.9亿元: those suppliers' contracts
                elif metric == head(metric) and text.startswith(metric, c):
                    metric = _of_item(field, out, s, metric)
                elif metric and head(metric) is None and qualifies_only(metric):
                    metric = _of_measure(field, s, q.start, metric)
                metric = _through(field, c, q.start, metric)
            metric = metric_of_base or metric
            if (dash := NAMED_AFTER.match(text, q.end)) and (after := field.phrase(dash.start(1), dash.end(1))):
                metric = after  # 四、6.71亿元——授予中小企业合同金额。: a figure named after a dash
            if i in listed:
                metric, item = listed[i]
                if item is OF_LEVEL:  # the share of the level just given: 政府采购规模占GDP比重
                    metric = (_level_metric(out, s) or "") + metric
                elif isinstance(item, Place):
                    subj = subject(item, self.home, self._named_before(field, q.start))
                    if metric is None:  # 各县完成采购金额15.52亿元，其中甲市、乙市分别完成2.87亿元、…
                        changed = change is not None and next((f.metric for f in _back_to(out, field.layout.paragraph_at(
                            q.start)[0]) if f.change and f.metric), None)  # (甲县…同比增长21.4%；乙区、丙市分别增长…)
                        level = changed or _level_metric(out, s) or self._topic(field, c, out)
                        metric = _unscoped(level) or level and next(
                            (_unscoped(f.metric) for f in _back_to(out, field.layout.paragraph_at(q.start)[0]) if not f.change
                             and f.kind == q.kind and _unscoped(f.metric)), None)
                        # (…合同金额98.73亿元。其中，市本级21.35亿元，甲区、乙区分别为…: the measure of the total, not 市本级)
                elif isinstance(item, _ChangeOf):  # the change of an earlier figure of the field
                    of = out[item]
                    metric, subj, period = of.metric, of.subject, of.period
                elif item is not None:  # a share of an earlier figure of the field
                    of = out[item]
                    metric, subj, period = _share(of.metric), of.subject, of.period
            if metric is None and (caption := _caption(field, q.start)):
                metric = caption  # 各县（市、区）政府采购规模（2018年）\n单位：亿元\n襄城区 4.06: the table's caption
            if (metric is None or is_vague(metric)) and (card := _card(field, q)):
                metric = card  # 【规模】\n68.95亿元\n全市政府采购规模: a figure on a line of its own, its caption beside it
            metric = self._complete(field, q, metric, out, period, scoped=i not in listed)
            if q.kind in ("percent", "points") and metric in BARE_SHARES:
                metric = self._sibling_share(field, q, out) or metric
            elif q.kind in ("percent", "points") and metric and metric.endswith("份额"):
                metric += "比例"  # 面向中小企业预留份额由30%提高至40%: the share reserved, as a rate
            if metric and (awarded := AWARDED.search(metric)):  # 政府采购合同授予中小企业金额 → 授予中小企业合同金额
                metric = f"{metric[: awarded.start()]}授予{awarded.group('who')}合同金额{awarded.group('share') and '占比' or ''}"
            if q.kind == "money":
                subj = self._subject_of_price(field, q, metric, subj)
            if metric and TAKEN.search(metric) and not RECOVERED.search(metric):
                subj = None  # 收受供应商财物86.5万元: what a person took is no place's figure (追缴…, 罚款 are)
            if priced:
                metric = "价格高出幅度" if HIGHER.search(text, max(c, q.start - 6), q.start) else "价格降幅"
            if metric and (lot := BARE_LOT.match(metric)) and len(metric) > lot.end() + 1:
                metric = metric[lot.end() :]  # 三个包中标金额合计…，分别为…: 中标金额 (a lot named by its number keeps it: 包2)
            if metric and (per := PER_AFTER.search(metric)):
                metric = per.group() + metric[: per.start()]  # 挂牌底价每吨8600元: 每吨挂牌底价, the rate first
            out.append(Figure(
                surface=q.surface, kind=q.kind, value=q.value, unit=q.unit, value_yuan=q.value_yuan, approx=q.approx,
                range_to=q.range_to, metric=metric, subject=subj, period=period,
                sentence=field.original[s:e].strip(), start=q.start, end=q.end, field=field.name,
                is_total=field.name != "body", base_value=q.base_value, base_unit=q.base_unit,
                change=change is not None, base_period=base,
            ))
        _as_told_again(field, out)
        self.named = self._named_before(field, len(field.text) + 1)
        return out

    def _complete(self, field: _Field, q: Quantity, metric: str | None, found: list[Figure], period: str | None,
                  scoped: bool = True) -> str | None:
        """A metric with the sentence's scope (市本级…，…; not for an item of a list, whose scope is its own); when
        none was read, the one of the figure of its kind before it in the paragraph."""
        s, _ = field.layout.sentence_at(q.start)
        if metric is None:
            c, _ = field.layout.clause_at(q.start)
            c = ENUMERATION.match(field.text, c).end()  # (2. 孝南区8.22亿元: after the item's number)
            opener = _actor(field, c, c + 3)
            if opener is not None and opener.candidates:  # 大理市2.41亿元: a place's share of the article's total
                p, _ = field.layout.paragraph_at(q.start)  # (甘肃省资金节约率最高，为7.9%；青海省为5.3%: the sibling's)
                sibling = next((f for f in _back_to(found, p) if f.kind == q.kind and not f.change and f.metric), None)
                if sibling is not None and q.kind == "percent" and _unscoped(sibling.metric):
                    return _unscoped(sibling.metric)  # (各县市政府采购规模…；大理市2.41亿元: the city's own)
                here = [f for f in _back_to(found, p) if f.kind == q.kind and f.metric and not f.change
                        and f.parent is None and not SCOPE.match(f.metric) and f.period == period]
                main = max(here, key=lambda f: f.base_value or 0, default=None)
                # (the largest level of the paragraph first, its total: 前三季度全市政府采购规模64.37亿元。分县市区看，…)
                if main is None and sibling is not None and _unscoped(sibling.metric):
                    return _unscoped(sibling.metric)  # 县（市、区）实际采购金额37.24亿元。在县（市、区）中，麒麟区8.16亿元
                main = main or _main(found, q.kind, period)
                if main is not None:
                    return main.metric
            # 昌吉市：2.96亿元 after 州本级：采购规模3.74亿元: of what the figure before measured
            heading = _heading(field, q.start)
            near = max(field.layout.paragraph_back(q.start, 3), heading[1] if heading else 0)  # not past a heading
            before = next((f for f in _back_to(found, near) if f.kind == q.kind and not f.change and f.metric), None)
            if before is None:
                return None
            # (州本级采购规模 → 采购规模, 市本级授予中小企业合同金额 → 授予中小企业合同金额: the scope goes, the rest stays)
            metric = SCOPE.match(before.metric) and _unscoped(before.metric) or head(before.metric) or before.metric
        elif q.kind == "money" and (qualifies_only(metric) or head(metric) in DEALS) \
                and (label := LABEL.match(field.text, (line := field.layout.paragraph_at(q.start)[0]))) \
                and _label_name(field, label) == metric and (total := _total_before(field, found, line)):
            metric = glued(metric, total)  # 交易额92.47亿元。…工程建设：246个，51.36亿元: a kind of the total's measure
        elif len(metric) <= 2 and is_head(metric):  # 华容县、平江县规模较大，分别为…: the 规模 the paragraph spoke of
            near = field.layout.paragraph_back(q.start, 1)
            fuller = next((f.metric for f in _back_to(found, near) if f.metric and f.metric != metric
                           and f.metric.endswith(metric) and not f.change), None)
            metric = _unscoped(fuller) or metric if fuller else metric
        scope = None
        for start, end, word in field.scopes[bisect_left(field.scope_starts, s) : bisect_left(field.scope_starts, q.start) if scoped else 0]:
            if end <= q.start and _actor(field, end, q.start) is None \
                    and field.text.rfind("（", s, start) <= field.text.rfind("）", s, start):  # (not one in an aside)
                scope = word.removeprefix("各")
        said = SCOPE.search(metric) if scope else None
        if scope and said is None:  # 县（市）区 + 区政府采购规模 (the phrase began inside the scope): one 区
            metric = glued(scope, metric)
        elif scope and said.group().removeprefix("各") != scope:  # 各县（市、区）48.82亿元 after 市本级19.6亿元
            metric = metric[: said.start()] + scope + metric[said.end() :]
        return metric

    @staticmethod
    def _finding(field: _Field, sentence: int, clause: int, at: int) -> str:
        """What a finding that involves an amount is: the words before 涉及 in its clause (化整为零规避公开招标涉及金额),
        else the clause before it in the sentence (3个单位化整为零规避公开招标，涉及资金…); '' when neither says."""
        start, end = (clause, at) if at > clause + 1 else (field.layout.clause_at(clause - 1)[0] if clause > sentence else at, clause)
        said = FINDING_LEAD.sub("", field.text[start:end].rstrip("，,；;：: "))
        kept = field.text.rfind(said, start, end) if said else -1
        return said if FINDING.fullmatch(said) and not any(field.blocked[kept : kept + len(said)]) else ""

    @staticmethod
    def _from_level(field: _Field, q: Quantity, clause: int) -> bool:
        """Whether ``q`` is the level a change starts from, with no period of its own: 由每支1860元降至468元,
        预付比例由30%提高到50% (not 由2020年的1117.7亿元…, whose year is said)."""
        text = field.text
        at = max(text.rfind("由", clause, q.start), text.rfind("从", clause, q.start))
        return at >= 0 and not _figures_in(field, (at, q.start)) \
            and _last(field.periods, field.period_starts, at, q.start, _said) is None \
            and FROM_LEVEL_END.match(text, q.end) is not None

    def _compared(self, field: _Field, sentence: int, clause: int, period: str | None) -> str | None:
        """The base of a change said in an earlier clause of its sentence (与2020年相比，…增长12.4%)."""
        found = None
        for m in COMPARED.finditer(field.text, sentence, clause):
            found = m
        return Change(0, found.group()).base(period) if found else None

    def _change_metric(self, field: _Field, q: Quantity, clause: int, change: Change, found: list[Figure]) -> str | None:
        """What changed: the phrase before the comparison, else the level just given in the sentence
        (a share for 个百分点, an amount or count for a growth rate)."""
        own = field.phrase(clause, clause + change.start)
        if own and not is_vague(own):
            return own
        s, _ = field.layout.sentence_at(q.start)
        level = _level_before(found, s, ("percent",) if q.kind == "points" else ("money", "count"))
        if level is not None:
            return level.metric
        return join(self._topic(field, clause, found), own)  # 增加0.86亿元，增长10.3%: of what the change before measured

    def _rate_metric(self, field: _Field, q: Quantity, clause: int, of: re.Match[str], found: list[Figure]) -> str | None:
        """A rate of a base (…的5%), named by a rate word before it (履约保证金比例降至合同金额的5%), by 作为 after it
        (支付合同金额的30%作为预付款), by its verb (预留…的30%: 预留比例), or by what comes before 为 (履约保证金为合同
        金额的2%); of a budget, the completion of the level just given (收入完成58.62亿元，为预算的101.3%)."""
        text = field.text
        if BUDGET.match(text, of.start(), q.start):
            level = _level_before(found, field.layout.sentence_at(q.start)[0])
            return (level.metric if level is not None and level.metric else "") + "预算完成率"
        if (rate := RATE_NAME.search(text, clause, of.start())) or of.group("verb") and \
                (rate := RATE_NAME.search(text, clause, of.end())) and RATE_LINK.match(text, rate.end()):
            if named := field.phrase(clause, rate.end()):  # (履约保证金收取比例由合同金额的5%: named after its verb)
                return named
        if (after := AS_WHAT.match(text, q.end)) and (named := field.phrase(after.start(1), after.end(1))):
            return named + "比例"
        if of.group("verb"):
            return of.group("verb") + "比例"
        before = field.phrase(clause, of.start())
        return before + "比例" if before else field.phrase(clause, q.start)

    def _share_metric(self, field: _Field, q: Quantity, clause: int, found: list[Figure]) -> str | None:
        """A share is of the phrase before 占 in its clause, else of the figure just given: X占比."""
        at = field.text.rfind("占", clause, q.start)
        own = field.phrase(clause, at) if at > clause else None
        if not own:
            s, _ = field.layout.sentence_at(q.start)
            level = _level_before(found, s)
            changed = next((f for f in _back_to(found, s) if f.kind == "money" and f.metric), None)
            own = level.metric if level is not None else self._topic(field, clause) or (changed and changed.metric)
            # (规模较上年减少9.42亿元，下降3.6%，占全省一般公共预算支出的13.1%: of the quantity that changed)
            ratio = next((f for f in _back_to(found, s) if f.metric and "占" in f.metric), None)
            own = own or (ratio.metric if ratio is not None else None)  # …占财政支出的10.5%，占GDP的4.0%: of the same
        of = SHARE.search(field.text, max(clause, q.start - TAIL), q.start)
        whole = re.split(r"[\d%]+、", of.group("of") or "")[-1] if of else ""  # (占财政支出的10%、GDP的3.2%: GDP)
        whole = OWN_SCOPE.sub("", re.split("的|比重|比例|份额", whole)[0])
        if own and "占" in own and own.endswith(("比重", "比例", "占比")):  # (…占财政支出的10.5%，占GDP的4.0%)
            own = own[: own.index("占")] or None
        if own and AGGREGATE.search(whole) and "采购" not in whole and not AGGREGATE.search(own):
            return f"{own}占{whole}比重"  # 占全省一般公共预算支出的16.4%: a ratio to the economy's, not a part of its own
        return _share(own)

    @staticmethod
    def _sibling_share(field: _Field, q: Quantity, found: list[Figure]) -> str | None:
        """The share a bare 占比 is of: the one its paragraph gave last (五省区授予中小企业合同金额占比均超过70%。
        其中，宁夏占比最高，达84.6%: another place's share of the same)."""
        p, _ = field.layout.paragraph_at(q.start)
        share = next((f for f in _back_to(found, p) if f.kind == "percent" and f.metric and not f.change
                      and f.metric.endswith(("占比", "比重")) and f.metric not in BARE_SHARES), None)
        return share.metric if share is not None else None

    def _lists(self, field: _Field) -> dict[int, tuple[str | None, Place | int | None]]:
        """Figures of parallel lists (甲、乙分别为A、B): index → (metric, place) of their item, or
        (None, index of the figure it is a share of) for 分别占 after a list of figures."""
        text, out = field.text, {}
        starts = [q.start for q in field.quantities]
        for s, e in field.layout.sentences:
            earlier: list = []  # the items of the sentence's list before: 甲、乙分别为A、B，同比分别增长C、D
            for m in RESPECTIVELY.finditer(text, s, e):
                after = _run(field, bisect_left(starts, m.end()), m.end())
                if len(after) < 2:
                    continue
                c, _ = field.layout.clause_at(m.start())
                segment_start, list_end = _list_start(field, c, m.start()), m.start()
                if segment_start >= m.start() - 1 and c > s:  # 甲、乙、丙位居前三，依次为…: the items are a clause before
                    pc, _ = field.layout.clause_at(c - 1)
                    segment_start = _list_start(field, pc, c)
                    list_end = _items_end(text, segment_start, c)  # (the predicate after them is no item's)
                in_sentence = [p for p in _between(field.periods, field.period_starts, s, m.start()) if p.period]
                periods = [p for p in in_sentence if p.start >= c]
                if len(periods) != len(after) and all(PERIOD_GAP.fullmatch(text[a.start + len(a.text) : b.start])
                                                      for a, b in zip(in_sentence, in_sentence[1:])):
                    periods = in_sentence  # (在2018-19、2019-20及2020-21年度，…总值分别约为…: listed a clause before)
                if len(periods) == len(after) >= 2:  # 2020/21、2021/22及2022/23年度分别为…: one period each
                    self.periods_of.update(zip(after, (p.period for p in periods)))
                elif (said := in_sentence
                       or [p for p in [_last(field.inheriting, field.inheriting_starts, field.layout.paragraph_at(s)[0], s)]
                           if p is not None]) \
                        and (years := _years(said[-1].period)) and len(years) == len(after):
                    self.periods_of.update(zip(after, years))  # 2016—2018年，…分别为A、B、C: a year each (and in the
                    # sentences after it: 其中，政府购买服务收入分别为…)
                places, lead = self._list_places(field, min(c, segment_start), m.start()), 0
                if len(places) < 2 and c > s:  # 甲区、乙区位列前二，采购规模分别为A、B: the places are a clause before
                    pc, _ = field.layout.clause_at(c - 1)
                    before = self._list_places(field, pc, c)
                    places, lead = (before, c) if len(before) == len(after) else (places, 0)
                own = [p for p in _between(field.places, field.place_starts, segment_start, list_end) if p.text.endswith("本级")]
                if 2 <= len(places) < len(after) and len(zones := _with_zones(text, sorted(places + own, key=lambda p: p.start),
                                                                               segment_start, list_end)) == len(after):
                    places = zones  # 襄城区和高新区分别为…: a development zone the gazetteer lacks is one of the places
                    # (and 洪湖市和市本级分别完成…: the level of the text's own place)
                share = text.startswith("占", m.end()) or COUNTED_SHARE.fullmatch(text, c, m.start()) is not None
                # (货物类…，工程类…，服务类…，三类占比依次为A、B、C: the shares of the figures before)
                orgs = [p for p in _between(field.places, field.place_starts, c, m.start()) if p.institution]
                denominators = SHARE_OF_LIST.search(text, c, m.start())
                if len(orgs) >= 2:  # 江西银行、九江银行累计放款分别为…: each body's own figure
                    metric = field.phrase(orgs[-1].end, m.start()) or self._topic(field, c)
                    pairs = [(metric, p) for p in orgs]
                elif denominators and SEPARATOR.search(denominators.group("of")):  # 占财政支出和GDP的比重分别为…
                    pairs = [(f"占{x}{denominators.group('ratio') or '比重'}", OF_LEVEL)
                             for x in SEPARATOR.split(denominators.group("of"))]
                elif len(places) >= 2:  # 庐江县、巢湖市分别为…: the places' own figures, not the 县区 total's
                    named_end = max((p.end for p in places if p is not None), default=lead)
                    measure = max(named_end, lead, list_end if places[-1] is None else 0)
                    # (位列前二，采购规模分别为: the measure of the clause of 分别)
                    metric = field.phrase(measure, m.start()) or phrase_after(text, measure, m.start())
                    if metric is None and (said := field.phrase(m.end(), starts[after[0]])) \
                            and (not is_vague(said) or is_head(said)) and not CHANGE_AFTER.match(said):
                        metric = said  # 寿光市、青州市分别放款3.26亿元、2.41亿元: the measure after 分别
                    metric = metric if metric and len(metric) > 1 else None  # (邯郸、沧州两市分别为…: 市 says nothing)
                    metric = _unscoped(metric) if metric or c > s else _unscoped(self._topic(field, c))
                    # (分别完成 after a level in the clause before: that level's measure, found when read)
                    pairs = [(_share(metric) if share else metric, p) for p in places]
                elif segment_start < list_end and SEPARATOR.search(text, segment_start, list_end):
                    named = [(x.text, text[x.start : x.end]) for x in items(text[segment_start:list_end], segment_start)]
                    if (all(TOWN_ITEM.fullmatch(raw) for _, raw in named[:-1]) or TOWNS_COUNTED.search(named[-1][1])) \
                            and len(named[0][0]) > len(named[0][1]):
                        named = [(named[0][0][len(named[0][1]) :], raw) for _, raw in named]
                        # (厚坡镇、香花镇消费帮扶销售额分别为…: towns' 消费帮扶销售额, the gazetteer lists no towns)
                    if list_end < c and (done := DEAL_VERB.fullmatch(text, m.end(), starts[after[0]])):
                        named = [(whole if whole.endswith(SUFFIXES) else whole + done.group("verb") + "额", raw)
                                 for whole, raw in named]
                        # (办公设备、办公用品仍是主力，分别成交A、B: 办公设备成交额)
                    # 公开招标、询价分别占…: a share of 公开招标, not of 公开招标采购 made up from the last item
                    pairs = [(_share(raw if whole == raw + "采购" else whole) if share else whole, None)
                             for whole, raw in named]
                elif share:  # 货物类…，工程类…，分别占21.6%、55.7%: shares of the figures before
                    pairs = [(None, j) for j in range(bisect_left(starts, s), bisect_left(starts, m.start()))
                             if field.quantities[j].kind == "money"][-len(after):]
                elif len(earlier) == len(after):
                    pairs = earlier  # 同比分别增长12.1%、-3.2%和6.7%: the same items' changes
                    if (own := field.phrase(c, m.start())) and is_head(own) and not is_vague(own):
                        pairs = [(own, item) for _, item in earlier]  # …，完成率分别为96.3%、88.1%: the items' 完成率
                elif CHANGE_AFTER.match(text, m.end()) or CHANGE_BEFORE.search(text, c, m.start()):
                    # 货物类78.19亿元、工程类…，分别同比增长2.4%、下降6.8%…: changes of the figures before
                    level = "percent" if field.quantities[after[0]].kind == "points" else "money"  # (…率…，分别提升
                    pairs = [(None, _ChangeOf(j)) for j in range(bisect_left(starts, s), bisect_left(starts, m.start()))
                             if field.quantities[j].kind == level][-len(after):]  # 1.6、4.2个百分点: of the rates)
                else:
                    continue
                if len(pairs) != len(after):
                    if self.warnings is not None:
                        self.warnings.append(f"a list of {len(pairs)} items has {len(after)} figures: "
                                             f"{field.original[s:e].strip()[:60]}")
                    continue
                out.update(zip(after, pairs))
                earlier = pairs
            self._places_of_runs(field, s, e, out, [p for _, p in earlier if isinstance(p, Place)])
        out.update({i: x for i, x in self._share_runs(field).items() if i not in out})
        return out

    def _places_of_runs(self, field: _Field, s: int, e: int, listed: dict, earlier: list[Place]) -> None:
        """Runs of figures of the sentence ``s:e`` outside lists with 分别 whose clause opens with as many places
        joined by 、/和 (益阳市、娄底市仅为81.3%和79.8%), or that follow a list of as many places (鞍山市、锦州市…分别达到
        83.5%和82.1%，高出全省平均水平4.6个百分点和3.2个百分点): each figure is its place's."""
        starts = [q.start for q in field.quantities]
        i = bisect_left(starts, s)
        while i < len(starts) and starts[i] < e:
            run = _run(field, i, starts[i])
            if len(run) >= 2 and not any(j in listed for j in run):
                c, _ = field.layout.clause_at(starts[i])
                places = self._list_places(field, c, starts[i])
                if len(places) == len(run) and all(SEPARATOR.fullmatch(field.text, a.end, b.start)
                                                   for a, b in zip(places, places[1:])):
                    self.places_of.update(zip(run, places))
                elif not places and len(earlier) == len(run):
                    self.places_of.update(zip(run, earlier))
            i = max(run[-1] + 1 if run else i + 1, i + 1)

    @staticmethod
    def _list_places(field: _Field, start: int, end: int) -> list[Place]:
        """The places between ``start`` and ``end`` that can be items of a list (not governed, not bodies)."""
        return [p for p in _between(field.places, field.place_starts, start, end) if p.candidates and not p.org
                and (not p.governed or field.text.endswith(("为", "是"), 0, p.start) and field.text.startswith("、", p.end))]
        # (前三的省份为广东、浙江、山东: 为 names the list, no one benefits)

    def _share_runs(self, field: _Field) -> dict[int, tuple[None, int]]:
        """占全国政府采购规模的25.7%、43.5%和30.8% after three amounts: the shares of those amounts, in order."""
        qs, out = field.quantities, {}
        i = 0
        while i < len(qs):
            run = [i]
            while run[-1] + 1 < len(qs) and qs[run[-1] + 1].kind == "percent" and qs[i].kind == "percent" \
                    and SEPARATOR.fullmatch(field.text[qs[run[-1]].end : qs[run[-1] + 1].start]):
                run.append(run[-1] + 1)
            c, _ = field.layout.clause_at(qs[i].start)
            s, _ = field.layout.sentence_at(qs[i].start)
            if len(run) >= 2 and "占" in field.text[c : qs[i].start] and not RESPECTIVELY.search(field.text, c, qs[i].start):
                amounts = [j for j in range(bisect_left(field.quantity_starts, s), i) if qs[j].kind == "money"][-len(run):]
                if len(amounts) == len(run):
                    out.update({k: (None, j) for k, j in zip(run, amounts)})
            i = run[-1] + 1
        return out


def _index(field: _Field, place: Place) -> int:
    """Where ``place`` stands in its field's places (found by its offset, not by comparing every place)."""
    i = bisect_left(field.place_starts, place.start)
    while field.places[i] is not place:
        i += 1
    return i


def _chain_end(field: _Field, place: Place) -> Place:
    """The last place of the names written one after another from ``place`` (江西省南昌市 → 南昌市)."""
    i = _index(field, place)
    while i + 1 < len(field.places) and field.places[i + 1].start == field.places[i].end and field.places[i + 1].candidates:
        i += 1
    return field.places[i]


def _group(field: _Field, place: Place) -> list[Place]:
    """The places named together with ``place`` (兴庆区、金凤区和灵武市), itself last; just it when alone."""
    out = [place]
    i = _index(field, place)
    while i > 0:
        prev = field.places[i - 1]
        gap = field.text[prev.end : out[0].start]
        if not prev.candidates or not SEPARATOR.fullmatch(gap):
            break
        out.insert(0, prev)
        i -= 1
    return out


LIST_WORDS = re.compile(r"[^\s，。；：,;:（）()“”\d%]+$")


class _ChangeOf(int):
    """The index of the figure a listed change is of (分别同比增长2.4%、下降6.8%…)."""


CHANGE_AFTER = re.compile(r"(?:同比|环比|比上年|较上年)?(?:增长|下降|增加|减少|提高|提升|降低|上升)")
CHANGE_BEFORE = re.compile(r"(?:同比|环比|比上年|较上年)$")
RUN_GAP = re.compile(r"(?:[、和及与以及]{1,2}|，)(?:增长|下降|增加|减少|提高|提升|降低|上升)?")  # 8.26亿元、3.17亿元和6.05亿元; …增长2.4%、下降6.8%和增长15.7%


def _run(field: _Field, first: int, after: int) -> list[int]:
    """The figures written one after another from quantity ``first`` (the figures of a list after 分别 at
    ``after``): same kind, joined by 、/和, the first in the clause of 分别."""
    qs = field.quantities
    if first >= len(qs) or field.layout.clause_at(qs[first].start) != field.layout.clause_at(after):
        return []
    run = [first]
    while run[-1] + 1 < len(qs):
        nxt = qs[run[-1] + 1]
        if nxt.kind != qs[first].kind or not RUN_GAP.fullmatch(field.text[qs[run[-1]].end : nxt.start]):
            break
        run.append(run[-1] + 1)
    return run


def _count_before(field: _Field, at: int) -> bool:
    """Whether a count stands before ``at`` in its sentence (竞争性磋商项目1024个，成交金额…)."""
    start, _ = field.layout.sentence_at(at)
    return any(q.kind == "count" for q in _between(field.quantities, field.quantity_starts, start, at))


def _of_item(field: _Field, found: list[Figure], sentence: int, metric: str) -> str:
    """A bare measure opening its clause (成交金额, 交易额, 节约率) in one of parallel items of its paragraph that
    each begin with a count of one kind: 公开招标项目612个，成交金额31.05亿元；竞争性磋商项目1024个，成交金额…
    → 公开招标成交金额."""
    p, e = field.layout.paragraph_at(sentence)
    s, t = field.layout.sentence_at(sentence)
    p = field.layout.paragraph_back(sentence, 1)  # (bulleted items stand in paragraphs of their own)
    e = field.layout.paragraph_at(e + 1)[1] if e + 1 < len(field.text) else e
    others = [o for o in (field.text.find(metric, p, s), field.text.find(metric, t, e)) if o >= 0]
    if not any(_count_before(field, o) for o in others):
        return metric  # no other item measures the same after a count of its own: the kind is the article's
        # (集中采购项目…，采购预算…; 辦理採購案2萬1,386件，決標金額… then 工程採購決標金額768.3億元: a breakdown)
    count = next((f for f in _back_to(found, sentence) if f.kind == "count"), None)
    kind = qualifier(count.metric, metric) if count is not None else None
    return glued(kind, metric) if kind else metric  # (政府采购项目…，采购规模: 政府采购规模)


AMOUNTS_OF_ITEMS = ("合同金额", "总值", "成交金额", "中标金额", "合同总值", "成交额", "中标额")
WHO_OR_WHAT = re.compile(r"(?:企业|供应商|合约|合同|物品|服务|工程|产权|资产|使用权|商户|中小企)$")


def _counted_kind(field: _Field, found: list[Figure], sentence: int, clause: int, metric: str) -> str | None:
    """Who or what the count just before in the sentence counted, for the amount of those items that follows it:
    本地供应商中标项目1126个，合同金额… → 本地供应商; 物品合约742份，总值… → 物品合约 (not 政府采购项目…: no one)."""
    count = found[-1] if found and found[-1].kind == "count" and found[-1].start >= sentence else None
    if count is None or not count.metric or field.layout.clause_at(count.start)[1] > clause + 1:
        return None
    kind = qualifier(count.metric, metric)
    return kind if kind and WHO_OR_WHAT.search(kind) and kind not in metric else None


NAMED = re.compile(r"“([^“”，。；]{2,8})”")  # a product, platform or campaign named in quotes: “政采贷”, “832平台”


def _main(found: list[Figure], kind: str, period: str | None) -> Figure | None:
    """The total that figures of places or kinds share out: the first level of ``kind`` of the figure's own period
    (8月…7.86亿元。1—8月…63.92亿元。分地区看，柯桥区11.06亿元: 63.92亿元), else the article's first."""
    levels = [f for f in found if f.kind == kind and not f.change and f.metric and f.parent is None]
    return next((f for f in levels if f.period == period), levels[0] if levels else None)


def _total_before(field: _Field, found: list[Figure], line: int) -> str | None:
    """The measure of the total that lines labelled by kind (货物类：2.415亿元) share out: of the last amount before
    them that is no such line's (政府采购预算总额6.872亿元，其中： → 政府采购预算)."""
    for f in reversed(found):
        if f.start < line and f.kind == "money" and not f.change and f.metric and f.field == field.name \
                and not LABEL.match(field.text, field.layout.paragraph_at(f.start)[0]):
            rest = TOTAL_END.sub("", f.metric)
            return rest if rest != f.metric and is_head(rest) else head(f.metric)
    return None


TOTAL_END = re.compile("(?:总额|总计|合计|总量)$")


def _who(figure: Figure) -> bool:
    """Whether ``figure`` counts who acted (8个重点乡镇, 41家企业, 3家分行), not a measure of what was done: no topic
    for the amounts after it."""
    return figure.kind == "count" and bool(ACTOR.search(figure.metric) or figure.metric.endswith(BODIES + ("乡镇",)))


def _through(field: _Field, clause: int, at: int, metric: str | None) -> str | None:
    """A bare measure (融资, 销售额, 最高授信额度: heads and verbs only) of a channel its clause names in quotes
    before it: 通过“政采贷”获得融资3180万元 → 政采贷融资, 在“832平台”实现销售额 → 832平台销售额; a bare
    measure of buying or selling, of the channel its sentence names (通过…网上商城) or opens with."""
    if metric and metric.startswith(GENERIC_CHANNELS) and (named := _named_back(field, at, metric[:2])):
        return named + metric[2:]  # 在平台销售额达1.36亿元 after “832平台”: that platform's
    if not metric or not bare(metric):
        return metric
    names = [m.group(1) for m in NAMED.finditer(field.text, clause, at) if field.text.find(metric, m.end(), at) >= 0
             and not field.blocked[m.start(1)]]  # (not “十三五”期间: a period)
    if not names and deals(metric):  # 通过…网上商城完成采购1863笔，成交金额…; 网上商城入驻供应商…，全年成交额…
        s, _ = field.layout.sentence_at(at)
        clauses = field.layout.clauses[bisect_left(field.clause_starts, s) : bisect_left(field.clause_starts, clause)]
        names = [n for n in (channel(field.text, s, at, field.blocked),
                             *(opening(field.text, cs, ce, field.blocked) or _topic_of_copula(field, cs, ce)
                               for cs, ce in reversed(clauses))) if n][:1]
    if not names and deals(metric) and (label := LABEL.match(field.text, field.layout.paragraph_at(at)[0])) \
            and label.end() <= at:  # （三）土地矿业权交易：成交宗数386宗，成交金额…: the paragraph's own heading
        names = [n for n in (opening(field.text, label.start("label"), label.end("label"), field.blocked, ends=True)
                             or _label_name(field, label),) if n]  # (物业管理服务：采购金额5342万元)
    if not names and deals(metric) and (heading := _heading(field, at)):  # 三、政采贷 / 全年放款3.1亿元
        names = [n for n in (opening(field.text, heading[0], heading[1], field.blocked, ends=True),) if n]
    if names and metric.startswith(AWARDS) and names[0].removesuffix("方式") in METHODS:
        names = []  # 通过公开招标，确定…为供应商，中标金额2386.5万元: the way one contract was awarded, no channel
    if names and names[0] in GENERIC_CHANNELS:
        names[0] = _named_back(field, at, names[0]) or names[0]
    # (not a label that names the measure itself: 中标金额合计：1 479.46万元)
    return names[0] + metric if names and names[0] not in metric and metric not in names[0] else metric


ENUMERATION = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\s*)?")

LABEL = re.compile(ENUMERATION.pattern + r"(?P<label>[^，。；：:\d\s（(]{2,14}(?:[（(][^）)\n]{1,20}[）)])?"
                   r"(?<!名称|编号|日期|时间|地址|电话|单位|说明|备注|来源)(?<!人|注))[：:]")
ASIDE_IN_LABEL = re.compile(r"[（(][^）)]*[）)]")  # 办公设备（计算机、打印机等）: the examples are not the name
COPULA = re.compile(r"(?P<topic>[^，。；,;\d\s]{2,8}?)(?:仍然|仍|依然|依旧|始终|继续)?(?:是|为|成为)(?:主|最)")
# (（一）工程建设项目招投标：…, not a form's field: 项目名称：…)


def _label_name(field: _Field, label: re.Match[str]) -> str | None:
    """A line's label that names a thing (物业管理服务：, 办公设备（计算机等）：), not a person who speaks (陈建华：),
    a place, a way of dividing (按采购方式划分：) or a measure (采购规模：)."""
    if any(field.blocked[label.start("label") : label.end("label")]):
        return None
    name = ASIDE_IN_LABEL.sub("", label.group("label"))
    words = tagged(OTHERS.sub("", name))  # (国有产权及其他：28个: the others go with it)
    if not words or not all(tag in LABEL_TAGS for _, tag in words) or is_head(words[-1][0]) or words[0][0] in ("按", "从") \
            or name.endswith(SECTION_LABELS + BODIES):  # (中标信息：, 项目概况：: a section's heading; 中标供应商：: who)
        return None
    return name


SECTION_LABELS = ("信息", "结果", "内容", "概况", "情况")  # what a notice's section heads say follows
OTHERS = re.compile("(?:及|和|与|、)?其[他它]$")
LABEL_TAGS = {"n", "nz", "vn", "j", "l", "b"}  # nouns and the like (not nr: a person's name)


def _topic_of_copula(field: _Field, start: int, end: int) -> str | None:
    """What a clause that says what is main or most is about: 公开招标仍是主渠道 → 公开招标."""
    m = COPULA.match(field.text, start, end)
    return m.group("topic") if m and not any(field.blocked[m.start("topic") : m.end("topic")]) else None


def _heading(field: _Field, pos: int) -> tuple[int, int] | None:
    """The heading over the paragraph at ``pos`` (二、电子卖场运行情况), its text after the numbering: the
    paragraph just before when it is short, ends without a full stop and gives no figures."""
    p, _ = field.layout.paragraph_at(pos)
    if p == 0:
        return None
    start, end = field.layout.paragraph_at(p - 1)
    line = field.text[start:end].strip()
    if not heads(line) or _figures_in(field, (start, end)):
        return None
    return ENUMERATION.match(field.text, start).end(), start + len(field.text[start:end].rstrip())


def _caption(field: _Field, at: int) -> str | None:
    """The measure a table in prose names over its unit line (10-6 各县（市、区）政府采购规模（2018年）/ 单位：亿元 /
    襄城区 4.06 …), for the numbers in lines under it, without the scope of its rows (政府采购规模)."""
    text, line = field.text, field.text.rfind("\n", 0, at) + 1
    if LABEL.match(text, line):
        return None  # (货物类：2016年101436: the line's label names what its numbers are of)
    for _ in range(CAPTION_LINES):
        if line == 0:
            return None
        above = text.rfind("\n", 0, line - 1) + 1
        declared = DECLARED.search(text, above, line - 1)
        if declared is None and ("。" in text[above:line] or line - above > ROW_WIDTH):
            return None  # (a sentence, not a row of the table)
        line = above
        if declared is not None:
            start, end = (above, declared.start()) if TABLE_NAME.search(text, above, declared.start()) else \
                (text.rfind("\n", 0, max(0, above - 1)) + 1, max(0, above - 1))
            start = TABLE_NUMBER.match(text, start).end()
            while end > start and text[end - 1] in "（( ":
                end -= 1  # (…规模（2017年）（单位：万元）: the caption ends before the unit's bracket)
            said = TABLE_WORDS.sub("", field.phrase(start, end) or "") if start < end else ""
            return _unscoped(said) if head(said) not in (None, *DEALS) else None  # (…情况统计表: a table, no measure)
    return None


CAPTION_LINES = 30  # rows of a prose table read back to its unit line
ROW_WIDTH = 48  # characters a row of a prose table has at most (a longer line is a paragraph)
TABLE_WORDS = re.compile("(?:情况)?(?:统计)?(?:一览)?表?$")  # …情况统计表, …一览表: what a caption calls the table
TABLE_NAME = re.compile("[\u4e00-\u9fff]{4}")  # a caption on the unit line itself (…规模（单位：万元）)
TABLE_NUMBER = re.compile(r"\s*(?:\d+(?:[-－.．]\d+)*\s*)?")  # 10-6 各县（市、区）…: a yearbook table's number


GENERIC_CHANNELS = ("平台", "商城", "卖场")  # a channel named again by its head noun alone
METHODS = ("公开招标", "邀请招标", "竞争性谈判", "竞争性磋商", "单一来源", "询价")  # the ways of buying the law names
AWARDS = ("中标", "成交")  # what one award came to (中标金额, 中标价, 成交金额)


def _named_back(field: _Field, at: int, word: str) -> str | None:
    """The name in quotes ending with ``word`` that the text gave last before ``at`` (“832平台” for 平台)."""
    if field.quoted is None:  # (found once per field: a long text stays linear)
        field.quoted = [(m.start(), m.group(1)) for m in NAMED.finditer(field.text)]
    i = bisect_left(field.quoted, (at,)) - 1
    while i >= 0 and not field.quoted[i][1].endswith(word):
        i -= 1
    return field.quoted[i][1] if i >= 0 else None




def _of_measure(field: _Field, sentence: int, at: int, item: str) -> str:
    """An item that only says which part (工程项目, 货物和服务项目) of the measure its sentence named before
    为 or a colon: 分散采购限额标准为货物和服务项目100万元、工程项目120万元 → 工程项目分散采购限额标准."""
    for m in reversed(list(re.finditer(r"[^，。；、]*?(?:为|是|：|:)", field.text[sentence:at]))):
        said = field.phrase(sentence + m.start(), sentence + m.end() - 1)
        if said and (measure := head(said)) and item not in said:
            other = said.removesuffix(measure)  # 工程类决标金额为…，财物类…: 财物类决标金额
            return item + (measure if other and qualifies_only(other) else said)
    return item


CARD_DECOR = re.compile(r"[\W_]*(?:\d{1,2}\s*[|｜/、.．])?[\W_]*(?:【[^】]{0,6}】|（字幕）|\(字幕\))?[\W_]*")
# 💰, ■, 【数据】, （字幕）, a card's number (04 | 40%) around a figure
CAPTION = 24  # characters a caption line has at most
THIS_IS = re.compile(r"[\W_]*(?:（字幕）)?这是")  # 【数据】1526.7亿元\n这是2016年全省政府采购规模，…


def _card(field: _Field, q: Quantity) -> str | None:
    """The caption of a figure set on a line of its own, as data cards, video captions and infographics do: the
    line after it when it says 这是… or names it without a figure and is no next card's caption; else the line
    before it when that names it without a figure (a line after it that gives the figure again lends the card that
    figure's whole meaning: :func:`_as_told_again`).

    >>> body = "📊规模稳中有进\\n全年全县政府采购金额\\n17.82亿元\\n比上年增长6.9%"
    >>> [f.metric for f in extract_figures(body)][0]
    '政府采购金额'
    """
    text, (start, end) = field.text, field.layout.paragraph_at(q.start)
    if not (CARD_DECOR.fullmatch(text, start, q.start) and CARD_DECOR.fullmatch(text, q.end, end)):
        return None

    def line(at: int) -> tuple[int, int] | None:
        return field.layout.paragraph_at(at) if 0 <= at < len(text) and text[at] != "\n" else None

    def bare(span: tuple[int, int] | None) -> bool:  # a short line with no figure in it
        return span is not None and span[1] - span[0] <= CAPTION and not _between(
            field.quantities, field.quantity_starts, span[0], span[1])

    def caption(span: tuple[int, int]) -> str | None:
        said = field.phrase(span[0], span[0] + len(text[span[0] : span[1]].rstrip("：:，, ")))
        return said if said and not is_vague(said) else None

    after, before = line(end + 1), line(start - 2)
    if after is not None and (this := THIS_IS.match(text, after[0])):
        stop = min((k for k in (text.find(m, this.end(), after[1]) for m in "，,。") if k > 0), default=after[1])
        if found := caption((this.end(), stop)):
            return found
    following = line(after[1] + 1) if after is not None else None
    said_before = caption(before) if bare(before) else None
    said_after = caption(after) if bare(after) else None
    if said_after and not (said_before and following is not None and _card_line(field, following)):
        return said_after  # (not when it is the caption of the card after it, this one having its own)
    return said_before


def _as_told_again(field: _Field, found: list[Figure]) -> None:
    """A figure on a card of its own means what the line after it says of the same figure (04 | 40%\\n预付款比例
    原则上不低于合同金额的40%): that figure's meaning is copied to it."""
    for k, f in enumerate(found):
        start, end = field.layout.paragraph_at(f.start)
        if not _card_line(field, (start, end)):
            continue
        again = next((g for g in found[k + 1 :] if g.surface == f.surface and g.kind == f.kind
                      and field.layout.paragraph_at(g.start)[0] == end + 1), None)
        if again is not None:
            f.metric, f.subject, f.period = again.metric, again.subject, again.period
            f.change, f.base_period = again.change, again.base_period


def _card_line(field: _Field, span: tuple[int, int]) -> bool:
    """Whether the line ``span`` holds one figure and decoration only (the next card's figure)."""
    qs = _between(field.quantities, field.quantity_starts, span[0], span[1])
    return len(qs) == 1 and bool(CARD_DECOR.fullmatch(field.text, span[0], qs[0].start)) \
        and bool(CARD_DECOR.fullmatch(field.text, qs[0].end, span[1]))


def _years(period: str | None) -> list[str]:
    """The years of a span of whole years (``2016..2018`` → 2016, 2017, 2018), else none."""
    first, _, last = (period or "").partition("..")
    if len(first) == len(last) == 4 and first.isdigit() and last.isdigit() and first < last:
        return [str(y) for y in range(int(first), int(last) + 1)]
    return []


def _with_zones(text: str, places: list[Place], start: int, end: int) -> list[Place | None]:
    """The items of the list in ``text[start:end]``, each the place it opens with, or None for a development zone
    the gazetteer does not list (老河口市、南漳县、襄城区和高新区: four places and 高新区); [] when an item is neither."""
    out: list[Place | None] = []
    for item in items(text[start:end], start):
        place = next((p for p in places if item.start <= p.start < item.end), None)
        if place is None and not text[item.start : item.end].endswith(ZONES):
            return []
        out.append(place)
    return out


def _unscoped(metric: str | None) -> str | None:
    """``metric`` without the scope it opens with (县（市、区）采购金额 → 采购金额): a place's own figure."""
    return (SCOPE.sub("", metric, count=1) or None) if metric and SCOPE.match(metric) else metric  # (县市: none)


def _share(metric: str | None) -> str | None:
    """The metric of a share of ``metric``: 货物类采购规模 → 货物类采购规模占比."""
    if not metric:
        return "占比"
    return metric if metric.endswith(("占比", "比例", "比重")) else metric + "占比"


def _items_end(text: str, start: int, end: int) -> int:
    """Where the items of a list in the clause ``text[start:end]`` end, before the predicate the clause says
    of them: after the last item's measure (香花镇消费帮扶销售额居前三位， → …销售额), else after its nouns
    (办公设备、电脑整机和办公用品仍是主力， → …办公用品)."""
    pos = max((m.end() for m in SEPARATOR.finditer(text, start, end)), default=start)
    nouns = measure = None
    for k, (word, tag) in enumerate(tagged(text[pos:end])):
        if tag == "x":
            break
        if k and nouns is None and not (tag[0] == "n" or tag in ("vn", "b", "j", "eng")):
            nouns = pos
        pos += len(word)
        measure = pos if len(word) > 1 and is_head(word) else measure
    return measure or nouns or end


def _round(value: float) -> bool:
    """Whether a rate is as round as rules set them (30%, 2.5%), not a measured 66.3%."""
    return value * 2 % 1 == 0


def _reported(title: str | None, base: int | None) -> str | None:
    """The period a report's headline names as its own: a year before publication (湖北省黄冈中学2021年度政府采购
    执行情况公示, published in 2022: what its 本年度 and 报告期 mean), or a half year (…2024年半年度报告).

    >>> _reported("黄冈中学2021年度政府采购执行情况公示", 2022), _reported("某科技股份有限公司2024年半年度报告（摘要）", 2024)
    ('2021', '2024-H1')
    """
    half = HALF_YEAR_REPORT.search(title or "")
    if base and half and int(half.group(1)) in (base, base - 1):
        return f"{half.group(1)}-H1"
    years = {int(y) for y in REPORT_YEAR.findall(title or "")}
    return str(years.pop()) if base and years == {base - 1} else None


REPORT_YEAR = re.compile(r"((?:19|20)\d{2})年度?(?![\d—\-至到])")
HALF_YEAR_REPORT = re.compile(r"((?:19|20)\d{2})年(?:半年度|中期|半年)报告?")


def _cell_metric(row: str, column: str) -> str:
    """What a cell measures from its row and column: 公开招标 × 采购预算 → 公开招标采购预算; a measure's row
    by a column of kinds or of the total: 政府采购支出 × 货物 → 货物类政府采购支出, × 合计 → 政府采购支出."""
    if not is_head(row) or is_head(column):
        return row + column
    if TOTAL_COLUMN.fullmatch(column):
        return row
    return column + ("类" if column in ("货物", "工程", "服务") else "") + row


TOTAL_COLUMN = re.compile("合计|总计|小计|总额|全部|总体")


def _closes_list(field: _Field, start: int, at: int) -> bool:
    """Whether the count at ``at`` counts the items listed since ``start`` (养老服务、公共卫生、社区治理三个领域分别为…)."""
    count = next((q for q in _between(field.quantities, field.quantity_starts, at, at + 1) if q.kind == "count"), None)
    n = len(SEPARATOR.findall(field.text, start, at)) + 1
    return count is not None and n >= 2 and count.value == n


def _list_start(field: _Field, clause: int, at: int) -> int:
    """Where the items of a list before ``at`` (分别) start: after the clause's place, period or link words."""
    start = clause
    for s, e in field.blocked_spans[bisect_left(field.blocked_spans, (clause,)) : bisect_left(field.blocked_spans, (at,))]:
        if e <= at and not any(p.start == s and p.candidates for p in _between(field.places, field.place_starts, s, s + 1)) \
                and not _closes_list(field, start, s):
            start = max(start, e)
    m = LIST_WORDS.search(field.text, start, at)
    start = m.start() if m else start
    for word in ("其中", "共", "累计", "全年", "分别", "的"):
        if field.text.startswith(word, start):
            start += len(word)
    return start


def extract_figures(
    body: str, title: str | None = None, subtitle: str | None = None, published_at: str | None = None, *,
    author: str | None = None, publisher: str | None = None, url: str | None = None,
    warnings: list[str] | None = None,
) -> list[Figure]:
    """Every figure of an article, title and subtitle first, each with its meaning.

    ``author``, ``publisher`` and ``url`` help find the article's own place; doubts (a list whose items
    and figures do not pair) are appended to ``warnings``.
    """
    texts = [(n, t, normal_form(t)) for n, t in (("title", title), ("subtitle", subtitle), ("body", body)) if t]
    quantities = [scan(t, normal) for _, t, normal in texts]
    if not any(quantities) and not cells(body):  # (a table's cells are scanned by the reader of tables)
        return []
    base, month = base_date(published_at, "\n".join(t for _, t, _ in texts))
    roc = TAIWAN.search("\n".join(normal for _, _, normal in texts)) is not None or ".tw/" in (url or "") + "/"  # (新臺幣)
    reported = _reported(texts[0][2] if title else None, base)  # (the headline in normal form: ２０２１年度)
    fields = [_Field(n, t, normal, q, base, month, roc, reported) for (n, t, normal), q in zip(texts, quantities)]
    lead, later, stories = [], [], []
    for f in fields:
        if f.name == "body":  # the lead: the first paragraph that is more than a byline or a page's header
            _, p_end = next((p for p in f.layout.paragraphs if _leads(f.text, p)), f.layout.paragraphs[0]) \
                if f.layout.paragraphs else (0, 0)
            lead.append((f.text[:p_end], [p for p in f.places if p.start < p_end]))
            later = [p for p in f.places if p.start >= p_end and (p.candidates or p.national) and not p.org
                     and not p.governed][:SIBLINGS]  # (全国各级预算单位… before 云南省: a national text)
            stories = _stories(f, p_end)
        else:
            lead.append((f.text, f.places))
    national_later = bool(later and later[0].national)
    later = [p for p in later if p.candidates and not national_later]
    source = normal_form(publisher) if publisher else None  # (澳門日報)
    home = find_home(lead, author and normal_form(author), source, url, later)
    if national_later and home.division is None and not home.organisation and not home.national:
        home = Home(national=True)
    central = bool(roc and TAIWAN_CENTRAL.fullmatch((source or "").strip()))

    def taiwans(h: Home) -> Home:  # (工程會公布110年度政府採購統計: all of Taiwan's, not 臺北市's)
        return Home(DIVISIONS["台湾省"]) if roc and not h.organisation and (h.division is None and not h.town or central) else h
        # (but 吉安鄉公所…: that township's, named as written)

    home = taiwans(_sar(home, {q.unit for qs in quantities for q in qs if q.kind == "money"}))
    homes = [(0, home)] + [(start, taiwans(find_home(texts)) if any(p.candidates for _, ps in texts for p in ps) else home)
                           for start, texts in stories]
    published = published_at[:4] if published_at and published_at[:4].isdigit() else None
    review = bool(title and WORK_REPORT.search(texts[0][2]) and base and month and month <= 3)  # (政府工作報告 too)
    default = _default_period(fields, str(base - 1) if review else published or (str(base) if base else None), review)
    reader = _Reader(homes, default, published, warnings)
    figures: list[Figure] = []
    field_of: list[int] = []
    table: list[tuple[Figure, Figure | None]] = []  # the figures of tables' cells, with the cell each is part of
    for k, field in enumerate(fields):
        found = reader.read(field)
        if field.name == "body" and (read := reader.read_table(field)):
            table, cells_at = read, {f.start for f, _ in read}  # (a cell the prose reader read too is the table's)
            found = sorted([f for f in found if f.start not in cells_at] + [f for f, _ in read], key=lambda f: f.start)
        figures += found
        field_of += [k] * len(found)
    at = {id(f): i for i, f in enumerate(figures)}
    for f, whole in table:
        f.parent = at[id(whole)] if whole is not None else None
    _one_currency(figures, roc)  # (before parts: amounts in one currency add up)
    link_parts(figures, [(f.text, f.layout.paragraphs) for f in fields], field_of)
    field_texts = {f.name: f.text for f in fields}
    _complete_heads(figures, field_texts)
    _lot_heads(figures, field_texts)
    link_headlines(figures, [q for f in fields for q in f.quantities])
    council = DISTRICT_BODY.search(f"{texts[0][2] if title else ''} {source or ''}")  # (沙田區議會文件: its district's own)
    own = home.division.full if home.division and council else None
    for f in figures:
        f.subject = _as_named(f.subject, own)
    return figures


TAIWAN_PROVINCE = "台湾省"
SAR_MONEY = (("澳门特别行政区", ("澳门元",)), ("香港特别行政区", ("港元", "港币")))  # the currencies quantities reads in units


def _sar(home: Home, units: set[str]) -> Home:
    """A text that names no place and counts in 澳门元 or 港元 (特区政府各部门…判给36亿2,100万澳门元: its amounts' ``units``
    say 亿澳门元) is of that region."""
    if home.division is not None or home.national or home.organisation or home.town:
        return home
    return next((Home(DIVISIONS[sar]) for sar, money in SAR_MONEY if any(m in u for u in units for m in money)), home)


SARS = ("香港特别行政区", "澳门特别行政区")
DISTRICT_BODY = re.compile("区议会|區議會|民政事务处|民政事務處")  # a Hong Kong district's own council and office
SAR_DISTRICT = re.compile("(香港|澳门)(?!特别行政区)")


def _as_named(subject: str | None, own: str | None) -> str | None:
    """A subject as the guide names it: Taiwan's counties and cities alone (宜兰县, 台北市: 台湾省 is all of Taiwan),
    Hong Kong and Macao by the region's name, their districts included (康文署沙田区场地清洁合约: a department's
    contract for a district is the region's) but for the ``own`` district of a district council's paper (its minor works).

    >>> _as_named("台湾省宜兰县", None), _as_named("香港沙田区", None), _as_named("香港沙田区", "香港特别行政区沙田区")
    ('宜兰县', '香港特别行政区', '香港特别行政区沙田区')
    """
    if subject and subject.startswith(TAIWAN_PROVINCE) and len(subject) > len(TAIWAN_PROVINCE):
        return subject[len(TAIWAN_PROVINCE) :]
    named, own = (SAR_DISTRICT.sub(r"\1特别行政区", x, count=1) if x else x for x in (subject, own))
    return next((sar for sar in SARS if named.startswith(sar) and named != own), named) if named else named


PAGE_HEADER = re.compile(r"第\s*[0-9０-９]+\s*版|上一版|下一版|版面导航|本版标题")  # 黑龙江日报 2019年06月13日 第06版
# a dateline opening a paragraph: 本报讯, 本报兰州讯（记者…）, 新华社北京1月9日电
STORY_START = re.compile(rf"(?:本报|本台|新华社|[^\s，。：\d]{{2,12}}?){DATELINE_END}(?=[\s（(：:，]|$)")


def _leads(text: str, paragraph: tuple[int, int]) -> bool:
    """Whether a paragraph can be the lead: longer than a byline (本报记者 张某某), not a page's header."""
    start, end = paragraph
    return end - start >= 20 and PAGE_HEADER.search(text, start, end) is None


def _stories(field: _Field, after: int) -> list[tuple[int, list[tuple[str, list[Place]]]]]:
    """Later stories of a page of several (■简讯 牡丹江市政府采购电子卖场上线运行 / 本报讯 5月1日，…): where each
    begins (its heading, the short line before its dateline) with the heading and the lead that give its place."""
    out = []
    paragraphs = field.layout.paragraphs
    for h_start, k in field.story_heads:
        start, end = paragraphs[k]
        if start <= after:
            continue
        h_end = paragraphs[k - 1][1] if h_start < start else start
        out.append((h_start, [(field.text[s:e], [p for p in field.places if s <= p.start < e])
                              for s, e in ((h_start, h_end), (start, end))]))
    return out


def _only_named(field: _Field, ref: str, home: Division | None) -> Division | None:
    """The one division of level ``ref`` (县, 区 …) that ``field`` names anywhere, inside ``home``: of the divisions
    ``field.named`` holds once :meth:`_Reader._named_before` has read the field."""
    inside = {d.full: d for d in field.named or [] if d.full.endswith(ref) and (home is None or home in lineage(d))}
    return next(iter(inside.values())) if len(inside) == 1 else None


def _opener(field: _Field, pos: int, ref: str) -> Division | None:
    """The place of level ``ref`` that opens the paragraph at ``pos`` or the heading over it (东莞：风险分担 /
    东莞市设立…。截至9月底，全市累计发放…: Dongguan's 全市), not an item with its own figure (桐乡市4.64亿元); of the
    divisions ``field.named`` holds once :meth:`_Reader._named_before` has read the field."""
    p, _ = field.layout.paragraph_at(pos)
    starts = [p]
    if p and heads(field.text[(h := field.layout.paragraph_at(p - 1)[0]) : p - 1]):
        starts.insert(0, h)
    for at in starts:
        k = bisect_left(field.named_starts, at)
        if k < len(field.named) and field.named_starts[k] <= at + 1 and field.named[k].full.endswith(ref) \
                and not _item(field, field.named_starts[k]):
            return field.named[k]
    return None


def _item(field: _Field, at: int) -> bool:
    """Whether the place named at ``at`` is an item with its own figure right after it (桐乡市4.64亿元)."""
    return FIGURE_START.match(field.text, field.places[bisect_left(field.place_starts, at)].end) is not None


def _story_heads(layout: Layout, text: str) -> list[tuple[int, int]]:
    """Where each story of a text begins, its heading (the short line before its dateline) or its dateline
    (本报讯 5月1日，…), and the index of the dateline's paragraph."""
    paragraphs = layout.paragraphs
    return [(paragraphs[k - 1][0] if k and paragraphs[k - 1][1] - paragraphs[k - 1][0] <= 40 else start, k)
            for k, (start, _) in enumerate(paragraphs) if STORY_START.match(text, start)]


# a lot of a tender (第1包, 第二标段, 包2, A包): it qualifies the bare measure of the figure that follows it
# (not a count of packs: 消防应急包760套)
LOT = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:包|标段|标包|合同包)"
                 r"|(?:标包|合同包|包|标段)(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?![\d.套个件只台份袋箱盒条张辆批])"
                 r"|(?<![A-Za-z])[A-H]包")


def _lot_heads(figures: list[Figure], texts: dict[str, str]) -> None:
    """A bare measure (中标金额, 预算金额) after a lot named in its sentence, with no other amount between them,
    is that lot's: 第1包国家课程教材，成交金额12.08亿元 → 第1包成交金额; 其中包1（年度国土变更调查）248万元 → 包1预算金额.

    >>> figs = extract_figures("共分2个包。第一包为消防车2台，中标金额1186万元；第二包为头盔，中标金额742.5万元。")
    >>> [f.metric for f in figs if f.kind == "money"]
    ['第一包中标金额', '第二包中标金额']
    """
    amount_end: dict[str, int] = {}  # where the last amount read of each field ends
    for f in figures:
        before, text = amount_end.get(f.field, 0), texts[f.field]
        if f.kind == "money":
            amount_end[f.field] = max(before, f.end)
        if f.kind != "money" or f.change or not f.metric or head(f.metric) != f.metric or LOT.search(f.metric) \
                or f.metric.endswith("价") or before > f.start:
            continue  # (包1单价: a price of one thing of the lot, not the lot's amount)
        since = max([text.rfind(s, 0, f.start) + 1 for s in "。；;\n"] + [before])
        if lots := list(LOT.finditer(text, since, f.start)):
            f.metric = lots[-1].group() + f.metric


def _complete_heads(figures: list[Figure], texts: dict[str, str]) -> None:
    """A metric that only qualifies (货物类, 竞争性磋商, 自治区本级) takes the measured quantity of the
    figure it is part of, else of the figure of its kind before it: 货物类采购金额. A body's or township's name
    is taken out of a metric (周庄镇采购规模 → 采购规模), and an item that is a name only, or one kind of the deal
    its sibling measured (财物采购 after 工程采购决标金额), takes its sibling's measure."""
    last: dict[str, Figure] = {}  # the figure of each kind before the one read
    for i, f in enumerate(figures):
        before, last[f.kind] = last.get(f.kind), f
        if not f.metric or f.change or f.kind not in ("money", "percent"):
            continue
        sibling = figures[i - 1] if i and figures[i - 1].kind == f.kind and figures[i - 1].sentence == f.sentence else (
            before if before is not None and _next_item(texts[f.field], before, f) else None)
        if not (own := unnamed(f.metric)):  # 建投集团成交68.35亿元；产投集团41.28亿元: of the measure before
            f.metric = sibling.metric if sibling is not None and sibling.metric else f.metric
            continue
        f.metric = own  # 周庄镇采购规模2.63亿元: the town's figure of 采购规模
        if not qualifies_only(f.metric):
            if sibling is not None and (deal := head(f.metric)) in DEALS and deal != f.metric and sibling.metric \
                    and (measure := head(sibling.metric)) and measure not in DEALS \
                    and sibling.metric.removesuffix(measure).endswith(deal):
                f.metric += TOTAL_OF.sub("", measure)  # 工程採購決標金額768.3億元、財物採購121.9億元: 财物采购决标金额
            continue
        qualified_sibling = sibling is not None and sibling.metric and head(sibling.metric) not in (None, sibling.metric)
        if f.parent is None and not PART_WORD.search(f.metric) and not qualified_sibling:
            continue  # 政采贷 names a thing, not a part of the figure before (公开招标…，竞争性磋商… are parts)
        whole = figures[f.parent] if f.parent is not None else next(
            (figures[j] for j in range(i - 1, -1, -1)
             if figures[j].kind == f.kind and figures[j].field == f.field and not figures[j].change and figures[j].metric), None)
        quantity = head(whole.metric) if whole is not None else None
        if quantity and quantity.startswith("政府采购") and len(quantity) > 4 and not SCOPE.match(f.metric):
            quantity = quantity[2:]  # 货物类 + 政府采购规模: 货物类采购规模 (but 市本级政府采购规模: a level's own)
        quantity = quantity and TOTAL_OF.sub("", quantity)  # 米面粮油 of 采购总额: 米面粮油采购额, a part is no total
        if quantity and not f.metric.endswith(quantity):
            share, own = _share(f.metric), f.metric
            f.metric = glued(f.metric, quantity)  # (中小企业中标 + 中标金额: 中小企业中标金额)
            j = i + 1
            while j < len(figures) and figures[j].field == f.field and figures[j].sentence == f.sentence:
                if figures[j].metric == share:  # 财物类3,915亿元…，分别占25.6%: the share of 财物类决标金额
                    figures[j].metric = _share(f.metric)
                elif figures[j].metric == own and figures[j].change:  # 货物类83.9亿元…，同比分别增长2.6%: its change
                    figures[j].metric = f.metric
                j += 1


NEXT_ITEM = re.compile(r"[^。\n]*[；;]([^，。；;,\n]{1,16})")  # …；the next item, up to its figure


def _next_item(text: str, before: Figure, f: Figure) -> bool:
    """Whether ``f`` is the next item of a run the figure ``before`` it ends, nothing but a separator and its
    own item (and its count) between them: …订单金额61.5亿元，占33.0%；计算机及网络设备47.2亿元；农副产品9.8亿元."""
    if before.field != f.field or not (gap := NEXT_ITEM.fullmatch(text, before.end, f.start)):
        return False
    return gap.group(1).startswith(f.metric) or not unnamed(gap.group(1))  # (財物採購87件、6億1,380萬元: the item
    # and its count; 兴泰集团12.06亿元: a name, whatever the metric read before)


TAKEN = re.compile("收受|受贿|行贿|贿赂|好处费|感谢费|回扣|套取|侵占|挪用|骗取|贪污|违纪违法所得|违法所得|获利|个人所得")
RECOVERED = re.compile("追缴|追回|收回|没收|退还|挽回|罚")
TOTAL_OF = re.compile("总(?=额|金额|规模|投资)")
PART_WORD = re.compile(r"(?:类|级|方式)$|^(?:各)?(?:县|区|市县|县区|区县|县市|盟市|市州|乡镇|街道)")


WORK_REPORT = re.compile("政府工作报告")  # read to a congress early in the year: it reviews the year before


def _default_period(fields: list[_Field], year: str | None, review: bool = False) -> str | None:
    """The period of figures that say none: the headline's, else the one the body's first figure is
    of, else ``year`` (of publication, or the one the text is written in), else the first the text names.
    A ``review`` (2025年闵行区政府工作报告, read in January) names its session's year, not its figures'."""
    for f in fields:
        if f.name != "body" and not review:
            said = next((p.period for p in f.periods if p.period and p.inherits), None)
            if said:
                return said
    fallback = year
    body = next((f for f in fields if f.name == "body"), None)
    if body is not None and body.quantities:
        first = body.quantities[0]
        lead = next((p.period for p in body.inheriting if p.start < first.start and not p.weak), None)
        return _period(body, first, lead or fallback)  # (2024年，区财政局…↓↓↓ / 01 财政收入 / 98.62亿元: the lead's year)
    return fallback or next((p.period for f in fields for p in f.periods if p.period), None)


def _one_currency(figures: list[Figure], taiwan: bool = False) -> None:
    """An article that counts in 新台币 once, or a Taiwan text (112年度總預算歲出341.6億元), counts in it
    throughout: its 元 are not yuan."""
    if taiwan or any(f.kind == "money" and f.unit.startswith("新台币") for f in figures):
        for f in figures:
            if f.kind == "money" and f.value_yuan is not None:
                f.unit, f.value_yuan = "新台币" + f.unit, None
                f.base_unit = "新台币" + (f.base_unit or "")
