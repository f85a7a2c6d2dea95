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

import functools
import re
from collections.abc import Iterable

from extractors.figures.clauses import Word, tagged, words

# linking words at the end of a phrase, before the figure: 采购规模达, 交易额共计, 分别为, 增至
LINK_TAIL = re.compile(
    r"(?:增加到|增长到|增至|提高到|提高至|提升至|提升到|上升到|上升至|降至|降到|下降到|下降至|减少到|减少至|降低到|降低至"
    r"|不得超过|不得高于|不得低于|不得少于|不超过|不高于|不多于|不低于|不少于|超过|突破|高于|低于|不到|不足|将近|接近"
    r"|最高可达|最高可|最高|最低|可达|人民币|大写|小写|分别|依次|各|均|总共|一共|共计|合计|总计|累计|共|计|达到|达|为|是|约为"
    r"|(?<![签节合预制条公契违履邀集特简])约|近|超|逾|高达|仅为|仅|已达|已|实现|完成|有|了|到|的|之|由|从|\s)+$"
)
# words that end a phrase when read backwards, whatever their tag: they link, they do not name
STOP_WORDS = {"完成", "实现", "达到", "达成", "累计", "共计", "合计", "总计", "共", "计", "是", "为", "有", "占", "其中",
              "同比", "环比", "比", "较", "全年", "当年", "其", "该", "均", "已", "约", "通过", "依托", "借助", "带动",
              "获得", "取得", "新增加", "涉及", "包括", "包含", "含", "比上年", "分别", "依次", "同期", "相比",
              "本报讯", "记者", "获悉", "了解到", "了解", "显示", "表示", "介绍", "据", "据悉", "同时", "此外", "另外", "以及",
              "力争", "计划", "预计", "确保", "争取", "目标", "推动", "促进", "推进", "积极", "提供", "给予", "帮助",
              "惠及", "覆盖", "看", "方面", "年度", "可", "将", "拟", "能",
              "投入", "安排", "下达", "拨付", "统筹", "筹集", "落实", "使用"}  # allocating, not what is measured
# (not ns or nr: places are found by the gazetteer, and jieba tags 满意度 a place and 养老 a name)
STOP_TAGS = {"x", "p", "c", "d", "m", "q", "r", "t", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "w",
             "f", "nt", "mq", "zg", "s", "tg", "dg", "rr", "rz"}
HEAD_WORDS = {"规模", "金额", "资金", "预算", "投资", "支出", "收入", "成本", "贷款", "放款", "融资", "份额", "比例", "比重",
              "占比", "总额", "总值", "产值", "价格", "经费", "补贴", "奖金", "基金", "限额", "标准", "额度", "余额", "总量",
              "数量", "增速", "增幅", "降幅", "收益", "利润", "税收", "开支", "报价", "底价", "授信", "价款", "货款", "工程款"}
HEAD_ENDS = "额率费款金价量资度"
# too vague to stand alone when the sentence said what they are of before
VAGUE = {"金额", "资金", "规模", "总额", "预算", "费用", "经费", "合计", "比例", "占比", "数量", "采购", "交易", "支出",
         "收入", "投资", "额度", "总金额", "份额", "总量", "价格", "标准", "成交", "支付", "销售", "发放", "节约", "完成"}
# a beneficiary before the verb (为供应商发放贷款): the noun belongs to 为, not to the phrase
BENEFICIARY = re.compile(r"(?:为|向|给|帮助|帮|替|对|助力)[^，。；、]{0,12}$")
BENEFICIARY_CLASSES = {"中小企业", "小微企业", "中小微企业", "民营企业", "脱贫地区", "监狱企业", "残疾人福利单位"}
ASIDE = re.compile(r"(?<![县市区])(?:（[^（）、]{1,6}）|\([^()、]{1,6}\))")  # not 县（市、区）: a scope


HEAD_SUFFIXES = tuple(HEAD_WORDS) + ("比",)


@functools.lru_cache(maxsize=4096)
def is_head(word: str) -> bool:
    """Whether ``word`` names a measured quantity and can end a metric (规模, 金额, 交易额, 节约率, 采购预算)."""
    return word[-1] in HEAD_ENDS or word.endswith(HEAD_SUFFIXES)


INSIDE = {"其他", "其它", "类", "“", "”", "‘", "’"}  # 其他采购方式, 货物类, “政采贷”: inside a phrase


def mask(text: str, spans: Iterable[tuple[int, int]]) -> bytearray:
    """A byte per character of ``text``, 1 inside ``spans`` (places, periods, figures: where no metric is)."""
    out = bytearray(len(text))
    for s, e in spans:
        out[s:e] = b"\1" * (e - s)
    return out


ADVERBS = {"累计", "共", "已", "已经", "全年", "共计", "合计", "当年", "先后", "均"}


def _allowed(w: Word, blocked: bytearray | None) -> bool:
    if w.text in STOP_WORDS or (w.tag in STOP_TAGS and w.text not in INSIDE) or not w.text.strip():
        return False
    return not (blocked and any(blocked[w.start : w.start + len(w.text)]))


WINDOW = 32  # characters before a figure read first; the whole clause only when the phrase runs past them


def phrase(text: str, start: int, end: int, blocked: bytearray | None = None) -> str | None:
    """The metric phrase ending at ``end`` in ``text[start:end]`` (a clause up to a figure); characters
    ``blocked`` (a :func:`mask` of places, periods, other figures) end it."""
    if end - start > WINDOW:  # a phrase is short: read the end of a long clause first
        found = phrase(text, end - WINDOW, end, blocked)
        if found is None or not text.startswith(found, end - WINDOW):
            return found
    segment = text[start:end]
    if "（" in segment or "(" in segment:  # 中标（成交）金额: the aside does not split the phrase
        segment, blocked = ASIDE.sub("", segment), None  # (offsets moved: nothing blocked in such a clause)
    tail = LINK_TAIL.search(segment, max(0, len(segment) - 12))  # linking words are few: look at the end only
    core = segment[: tail.start()] if tail else segment
    taken: list[Word] = []
    pos = start + len(core)
    for text_, tag in reversed(tagged(core)):  # walking back from the figure, word by word
        pos -= len(text_)
        w = Word(text_, tag, pos)
        if tag == "m" and text_.isascii() and len(text_) >= 3 and taken and not (blocked and blocked[pos]):
            taken.insert(0, w)  # 832平台: digits that name something
            continue
        if not _allowed(w, blocked):
            # a vague phrase goes on past 的 and an adverb before its verb: 预留给小微企业的比例, 政采贷累计投放
            said = "".join(x.text for x in taken)
            if taken and is_vague(said) and (text_ == "的" or (text_ in ADVERBS and taken[0].tag == "v")):
                continue
            break
        taken.insert(0, w)
    while taken and (taken[0].text in ("的", "之", "“", "”") or taken[0].tag in ("d",)):
        taken.pop(0)
    while taken and taken[-1].text in ("“", "‘"):
        taken.pop()
    if not taken:
        return None
    # 为1326家供应商发放贷款: the noun after 为 is who benefits, not what was measured; but a class of
    # beneficiary names the metric (向中小企业授予合同金额 is 授予中小企业合同金额)
    if len(taken) > 1 and BENEFICIARY.search(text, start, taken[0].start):
        verbs = [i for i, w in enumerate(taken) if w.tag == "v" and i > 0]
        cut = verbs[0] if verbs else 1
        if verbs and "".join(w.text for w in taken[:cut]) in BENEFICIARY_CLASSES:
            taken = [taken[cut], *taken[:cut], *taken[cut + 1 :]]
        else:
            taken = taken[cut:]
    return shape([w.text for w in taken], [w.tag for w in taken])


GENERIC = ("政府采购", "采购")  # 政府采购节约资金 is 节约资金; 政府采购规模 stays (规模 alone says too little)


def shape(texts: list[str], tags: list[str]) -> str:
    """A phrase's words as a metric: verb and object become object and verb when no measure word ends it;
    quotes go; a leading 政府采购 goes when what follows says what was measured.

    >>> shape(["采购", "脱贫地区", "农副产品"], ["v", "n", "n"]), shape(["节约", "财政资金"], ["v", "n"])
    ('脱贫地区农副产品采购', '节约财政资金')
    >>> shape(["政府采购", "节约资金"], ["n", "n"]), shape(["政府采购", "规模"], ["n", "n"])
    ('节约资金', '政府采购规模')
    >>> shape(["832平台", "采购", "农副产品"], ["n", "v", "n"])
    '农副产品采购'
    
    """
    keep = [(t, g) for t, g in zip(texts, tags) if t not in ("“", "”", "‘", "’")]
    texts, tags = [t for t, _ in keep], [g for _, g in keep]
    verbs = [i for i, g in enumerate(tags) if g == "v"]
    if verbs and verbs[-1] < len(texts) - 1 and not is_head(texts[-1]):
        v = verbs[-1]  # (通过832平台)采购脱贫地区农副产品: what was bought, then the verb
        return "".join(texts[v + 1 :]) + texts[v]
    metric = "".join(texts)
    for word in GENERIC:
        rest = metric[len(word):]
        if metric.startswith(word) and rest.startswith("节") and is_head(rest):
            return rest  # 政府采购节约资金: the saving is named by itself
    return metric


def read(text: str) -> str | None:
    """The metric phrase at the end of ``text`` alone, its places and periods found: for examples and tests."""
    from extractors.figures.periods import find_periods
    from extractors.figures.places import find_places

    spans = [(p.start, p.end) for p in find_places(text) if not p.qualifier]
    spans += [(p.start, p.start + len(p.text)) for p in find_periods(text, None)]
    return phrase(text, 0, len(text), mask(text, spans))


AFTER = re.compile(r"的?([^，。；、,;：:（）()\d]{1,12})")


def phrase_after(text: str, pos: int, end: int) -> str | None:
    """A metric written right after its figure (500万元的采购资金, 1.2亿元贷款), when it ends in a measure word."""
    m = AFTER.match(text, pos, end)
    if not m:
        return None
    taken: list[Word] = []
    for w in words(m.group(1), m.start(1)):
        if not _allowed(w, None):
            break
        taken.append(w)
    while taken and not is_head(taken[-1].text):
        taken.pop()
    return "".join(w.text for w in taken) or None


@functools.lru_cache(maxsize=4096)
def head(metric: str | None) -> str | None:
    """The part of a metric that names the quantity, for items that only qualify it: 采购金额 of
    公开招标采购金额, 决标金额 of 工程类决标金额, 采购 of 政府采购; None when it has none.

    >>> head("公开招标采购金额"), head("工程类决标金额"), head("政府采购"), head("竞争性磋商"), head("政府采购规模")
    ('采购金额', '决标金额', '采购', None, '采购规模')
    """
    if not metric:
        return None
    ws = tagged(metric)
    last = ws[-1][0]
    if is_head(last):
        if len(ws) > 1 and len(last) <= 2 and (ws[-2][1] in ("v", "vn") or ws[-2][0] in DEALS or ws[-2][0] == "政府采购"):
            return ws[-2][0].removeprefix("政府") + last  # 决标金额, 成交金额, 采购规模 (of 政府采购规模)
        return last
    for verb in DEALS:
        if last.endswith(verb):
            return verb
    return None


DEALS = ("采购", "交易", "销售", "成交")


@functools.lru_cache(maxsize=4096)
def qualifies_only(metric: str) -> bool:
    """Whether ``metric`` only says which part (货物类, 竞争性磋商, 自治区本级), with no quantity and no verb."""
    return head(metric) is None and all(tag not in ("v", "vn") for _, tag in tagged(metric))


@functools.lru_cache(maxsize=4096)
def is_vague(metric: str | None) -> bool:
    """Whether ``metric`` says too little alone (金额, 规模, a bare verb such as 采购 or 投入)."""
    if metric is None or metric in VAGUE:
        return True
    ws = tagged(metric)
    return len(ws) == 1 and ws[0][1] == "v"


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
