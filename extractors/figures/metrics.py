"""The metric of a figure: the noun phrase that says what was measured, read word by word.

The phrase is the run of words right before the figure in its clause, once
the linking words are taken off its end (达, 为, 共计, 累计, 分别为 …): it
stops at a place, a period, a number, a preposition, an adverb, a
punctuation mark or a linking verb (完成, 实现). Qualifiers stay
(市本级政府采购规模, 货物类采购金额); a verb and its object read as the object
and the verb (采购脱贫地区农副产品 → 脱贫地区农副产品采购). A phrase that
says too little alone (金额, 规模) takes the topic said before it.

>>> read("全市预算单位去年通过“832平台”完成交易额达")
'交易额'
>>> read("市本级政府采购规模"), read("采购脱贫地区农副产品"), read("为1326家供应商发放贷款")
('市本级政府采购规模', '脱贫地区农副产品采购', '发放贷款')
>>> read("全省授予中小企业合同金额"), read("资金节约率为")
('授予中小企业合同金额', '资金节约率')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.figures.clauses import Word, words

# linking words at the end of a phrase, before the figure: 采购规模达, 交易额共计, 分别为, 增至
LINK_TAIL = re.compile(
    r"(?:增加到|增长到|增至|提高到|提高至|提升至|提升到|上升到|上升至|降至|降到|下降到|下降至|减少到|减少至|降低到|降低至"
    r"|分别|依次|各|均|总共|一共|共计|合计|总计|累计|共|计|达到|达|为|是|约为|约|将近|接近|近|超过|超|逾|突破|高达|仅为|仅"
    r"|已达|已|实现|完成|有|了|到|的|之|由|从|\s)+$"
)
# words that end a phrase when read backwards, whatever their tag: they link, they do not name
STOP_WORDS = {"完成", "实现", "达到", "达成", "累计", "共计", "合计", "总计", "共", "计", "是", "为", "有", "占", "其中",
              "同比", "环比", "比", "较", "全年", "当年", "其", "该", "均", "已", "约", "通过", "依托", "借助", "带动",
              "获得", "取得", "新增加", "涉及", "包括", "包含", "含", "比上年", "分别", "依次", "同期", "相比",
              "本报讯", "记者", "获悉", "了解到", "显示", "表示", "介绍", "据", "据悉", "同时", "此外", "另外", "以及",
              "力争", "计划", "预计", "确保", "争取", "目标", "推动", "促进", "推进", "积极", "提供", "给予", "帮助",
              "惠及", "覆盖", "看", "方面"}
STOP_TAGS = {"x", "p", "c", "d", "m", "q", "r", "t", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "w",
             "f", "ns", "nr", "nrt", "nt", "mq", "zg", "s", "tg", "dg", "rr", "rz"}
HEAD_WORDS = {"规模", "金额", "资金", "预算", "投资", "支出", "收入", "成本", "贷款", "放款", "融资", "份额", "比例", "比重",
              "占比", "总额", "总值", "产值", "价格", "经费", "补贴", "奖金", "基金", "限额", "标准", "额度", "余额", "总量",
              "数量", "增速", "增幅", "降幅", "收益", "利润", "税收", "开支", "报价", "底价", "授信", "价款", "货款", "工程款"}
HEAD_ENDS = "额率费款金价量资"
# too vague to stand alone when the sentence said what they are of before
VAGUE = {"金额", "资金", "规模", "总额", "预算", "费用", "经费", "合计", "比例", "占比", "数量", "采购", "交易", "支出",
         "收入", "投资", "额度", "总金额", "份额", "总量", "价格", "标准", "成交", "支付", "销售", "发放", "节约", "完成"}
# a beneficiary before the verb (为供应商发放贷款): the noun belongs to 为, not to the phrase
BENEFICIARY = re.compile(r"(?:为|向|给|帮助|帮|替|对|助力)[^，。；、]{0,12}$")
ASIDE = re.compile(r"（[^（）]{1,6}）|\([^()]{1,6}\)")


def is_head(word: str) -> bool:
    """Whether ``word`` names a measured quantity and can end a metric (规模, 金额, 交易额, 节约率)."""
    return word in HEAD_WORDS or word[-1] in HEAD_ENDS or word.endswith(("比", "规模"))


def _allowed(w: Word, blocked: Iterable[tuple[int, int]]) -> bool:
    if w.text in STOP_WORDS or w.tag in STOP_TAGS or not w.text.strip():
        return False
    return not any(s < w.start + len(w.text) and w.start < e for s, e in blocked)


def phrase(text: str, start: int, end: int, blocked: Iterable[tuple[int, int]] = ()) -> str | None:
    """The metric phrase ending at ``end`` in ``text[start:end]`` (a clause up to a figure);
    ``blocked`` spans (places, periods, other figures) end it."""
    segment = text[start:end]
    blocked = list(blocked)
    if "（" in segment or "(" in segment:  # 中标（成交）金额: the aside does not split the phrase
        segment, blocked = ASIDE.sub("", segment), []  # (offsets moved: nothing blocked in such a clause)
    tail = LINK_TAIL.search(segment)
    taken: list[Word] = []
    for w in reversed(words(segment[: tail.start()] if tail else segment, start)):
        if not _allowed(w, blocked):
            break
        taken.insert(0, w)
    while taken and (taken[0].text in ("的", "之") or taken[0].tag in ("d",)):
        taken.pop(0)
    if not taken:
        return None
    # 为1326家供应商发放贷款: the noun after 为 is who benefits, not what was measured
    if len(taken) > 1 and BENEFICIARY.search(text, start, taken[0].start):
        verbs = [i for i, w in enumerate(taken) if w.tag == "v" and i > 0]
        taken = taken[verbs[0] if verbs else 1 :]
    return shape([w.text for w in taken], [w.tag for w in taken])


def shape(texts: list[str], tags: list[str]) -> str:
    """A phrase's words as a metric: verb and object become object and verb when no measure word ends it.

    >>> shape(["采购", "脱贫地区", "农副产品"], ["v", "n", "n"]), shape(["节约", "财政资金"], ["v", "n"])
    ('脱贫地区农副产品采购', '节约财政资金')
    """
    if len(texts) > 1 and tags[0] == "v" and not is_head(texts[-1]):
        return "".join(texts[1:]) + texts[0]
    return "".join(texts)


def read(text: str) -> str | None:
    """The metric phrase at the end of ``text`` alone, its places and periods found: for examples and tests."""
    from extractors.figures.periods import find_periods
    from extractors.figures.places import find_places

    blocked = [(p.start, p.end) for p in find_places(text) if not p.qualifier]
    blocked += [(p.start, p.start + len(p.text)) for p in find_periods(text, None)]
    return phrase(text, 0, len(text), blocked)


AFTER = re.compile(r"的?([^，。；、,;：:（）()\d]{1,12})")


def phrase_after(text: str, pos: int, end: int) -> str | None:
    """A metric written right after its figure (500万元的采购资金, 1.2亿元贷款), when it ends in a measure word."""
    m = AFTER.match(text, pos, end)
    if not m:
        return None
    taken: list[Word] = []
    for w in words(m.group(1), m.start(1)):
        if not _allowed(w, ()):
            break
        taken.append(w)
    while taken and not is_head(taken[-1].text):
        taken.pop()
    return "".join(w.text for w in taken) or None


def head(metric: str | None) -> str | None:
    """The part of a metric that names the quantity, for items that only qualify it: 采购金额 of
    公开招标采购金额, 采购 of 政府采购; None when it has none.

    >>> head("公开招标采购金额"), head("政府采购"), head("竞争性磋商")
    ('采购金额', '采购', None)
    """
    if not metric:
        return None
    last = words(metric)[-1].text
    if is_head(last):
        return last
    for verb in ("采购", "交易", "销售", "成交"):
        if last.endswith(verb):
            return verb
    return None


def is_vague(metric: str | None) -> bool:
    """Whether ``metric`` says too little alone (金额, 规模, a bare verb such as 采购)."""
    return metric is None or metric in VAGUE


def join(topic: str | None, metric: str | None) -> str | None:
    """A vague ``metric`` completed by the ``topic`` said before it: 政府采购 + 规模 → 政府采购规模.

    >>> join("政府采购", "规模"), join("节约资金", "金额"), join(None, "规模"), join("节约资金", "交易额")
    ('政府采购规模', '节约资金', '规模', '交易额')
    """
    if not is_vague(metric) or not topic or topic == metric:
        return metric
    if metric is None or is_head(topic):
        return topic
    return topic + metric
