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
>>> read("全省授予中小企业合同金额"), read("资金节约率为"), read("共同供应契约全年订购金额达")
('授予中小企业合同金额', '资金节约率', '共同供应契约订购金额')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from extractors.figures.clauses import Word, tagged, words

# linking words at the end of a phrase, before the figure: 采购规模达, 交易额共计, 分别为, 增至
LINK_TAIL = re.compile(
    # (the first characters of the words below: re skips at once where none starts, not trying each word)
    r"(?=[增提上降下减不超突破高低将接保稳控维在最可人新港澳大小分依各均总一共合累计达为是约近逾仅已实完有了到的之由从力争确预居调改介折平排应须必要统首再又\s])"
    r"(?:增加到|增长到|增至|提高到|提高至|提升至|提升到|上升到|上升至|降至|降到|下降到|下降至|减少到|减少至|降低到|降低至|调整为|调整到|调整至|调整|改为"
    r"|不得超过|不得高于|不得低于|不得少于|不超过|不高于|不多于|不低于|不少于|超过|突破|破|高于|低于|不到|不足|将近|接近"
    r"|保持在|稳定在|控制在|维持在|保持|维持|(?<=[率额比])在|介乎|折合"
    r"|力争|争取|确保|有望|预计|预期|计划|将|应当|应|须|必须|要|统一|最高可达|最高可|最高|平均|最低|最大|最小|最快|最慢|最多|最少|居首位|居首|可达|人民币|新台币|港币|港元|澳门元|澳门币|大写|小写|分别|依次|各|均|总共|一共|共计|合计|合共|总计|累计|共|(?<![统估预设审会])计|排序|排名|达到|达|为|是|约为"
    r"|(?<![签节合预制条公契违履邀集特简])约|近|超|逾|高达|仅为|仅|已达|已|实现|完成|有|了|到|的|之|由|从|首次|首|再次|再|又|\s)+$"
)
# words that end a phrase when read backwards, whatever their tag: they link, they do not name
STOP_WORDS = {"完成", "实现", "形成", "达到", "达成", "累计", "共计", "合计", "合共", "总计", "共", "计", "是", "为", "有", "占", "其中",
              "同比", "环比", "比", "较", "全年", "当年", "其", "该", "均", "已", "约", "通过", "透过", "经由", "依托",
              "借助", "带动",
              "获得", "取得", "新增加", "涉及", "包括", "包含", "含", "比上年", "分别", "依次", "同期", "相比",
              "本报讯", "记者", "获悉", "了解到", "了解", "显示", "表示", "介绍", "据", "据悉", "据介绍", "据了解", "据统计", "同时", "此外", "另外", "以及",
              "力争", "计划", "预计", "确保", "争取", "目标", "推动", "促进", "推进", "积极", "提供", "给予", "帮助",
              "惠及", "覆盖", "看", "方面", "年度", "可", "将", "拟", "能",
              "投入", "安排", "下达", "拨付", "统筹", "筹集", "落实", "使用",  # allocating, not what is measured
              "全院", "全校", "全行", "全系统", "全集团", "全公司",  # (the organisation's own whole: its subject)
              "指出", "强调", "认为", "要求", "提出", "透露", "宣布", "公布", "称", "说", "全部", "都"}  # who says, how many
# (not ns or nr: places are found by the gazetteer, and jieba tags 满意度 a place and 养老 a name)
STOP_TAGS = {"x", "p", "c", "d", "m", "q", "r", "t", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "w",
             "f", "nt", "mq", "zg", "tg", "dg", "rr", "rz"}
HEAD_WORDS = {"规模", "金额", "资金", "预算", "投资", "支出", "收入", "成本", "贷款", "放款", "融资", "份额", "比例", "比重",
              "占比", "总额", "总值", "产值", "价格", "经费", "补贴", "奖金", "基金", "限额", "标准", "额度", "余额", "总量",
              "数量", "面积", "增速", "增幅", "降幅", "收益", "利润", "税收", "开支", "报价", "底价", "授信", "价款", "货款", "工程款",
              "费用", "增加值", "价值", "原值", "净值", "差短"}
HEAD_ENDS = "额率费款金价量资度数"
PRICE_ACT_ENDS = ("询价", "竞价", "议价", "比价")  # ways of buying (书面询价, 网上竞价), not prices
# too vague to stand alone when the sentence said what they are of before
VAGUE = {"金额", "资金", "规模", "总额", "预算", "费用", "经费", "合计", "比例", "占比", "数量", "采购", "交易", "支出",
         "收入", "投资", "额度", "总金额", "份额", "总量", "价格", "标准", "成交", "支付", "销售", "发放", "节约", "完成"}
ALLOCATED = re.compile(r"(?:安排|下达|拨付|投入|落实|使用|统筹|筹集|执行)$")  # after a measure: how much of it was given
# a beneficiary before the verb (为供应商发放贷款): the noun belongs to 为, not to the phrase
BENEFICIARY = re.compile(r"(?:为|向|给|帮助|帮|替|对|助力)[^，。；、]{0,12}$")
BENEFICIARY_CLASSES = {"中小企业", "小微企业", "中小微企业", "民营企业", "脱贫地区", "监狱企业", "残疾人福利单位"}
# a body that acts (医院, 分行, 预算单位, 新区): the subject when it opens a phrase that names a measure after it
ZONES = ("高新区", "开发区", "经开区", "园区", "新区")  # development zones: places the gazetteer does not list
ACTOR = re.compile(rf"(?:医院|学校|高校|部门|单位|机关|分行|支行|分中心|银行|公司|集团|设区市|街道|社区|(?<!乡)镇|(?<![城乡])乡|局|厅"
                   rf"|{'|'.join(ZONES)})$")  # (盛湾镇完成率: the town's; 乡镇 is a scope)
# verbs that only say something was done (形式动词 and their kin): 办理采购, 组织实施集中采购, 编报预算
LIGHT_VERBS = {"办理", "组织", "实施", "组织实施", "开展", "进行", "利用", "编报", "从事", "折合", "处以", "予以", "给予"}
TAKING = {"收受", "索取", "索要", "接受", "非法收受"}  # verbs of taking from someone (收受供应商好处费)
SOME = {"部分", "个别", "少数", "多数", "大部分", "大多数", "所有", "全部"}  # which of those who act: 部分项目…
ASIDE = re.compile(r"(?<![县市区])(?:（[^（）、]{1,6}）|\([^()、]{1,6}\)|（[^（）]{2,20}等[^（）]{0,4}）)")
# (not 县（市、区）: a scope; 一标段（沙河源、天回镇、西华等街道）: examples aside)


HEAD_SUFFIXES = tuple(HEAD_WORDS) + ("比",)


@functools.lru_cache(maxsize=4096)
def is_head(word: str) -> bool:
    """Whether ``word`` names a measured quantity and can end a metric (规模, 金额, 交易额, 节约率, 采购预算), not a
    way of buying that ends like one (询价, 竞价)."""
    return (word[-1] in HEAD_ENDS or word.endswith(HEAD_SUFFIXES)) and not word.endswith(PRICE_ACT_ENDS)


INSIDE = {"其他", "其它", "类", "“", "”", "‘", "’", "本地", "外地", "省内", "省外", "区内", "区外", "市内", "县内",
          "境内", "境外"}  # 其他采购方式, 货物类, “政采贷”, 本地企业: inside a phrase


PERIOD = 2  # the mask's mark of a period: a bare measure's qualifier may stand before it (电子卖场全年成交额)


def mask(text: str, spans: Iterable[tuple[int, int]], periods: Iterable[tuple[int, int]] = ()) -> bytearray:
    """A byte per character of ``text``: 1 inside ``spans`` (places, figures), ``PERIOD`` inside ``periods``
    (where no other mark is): where no metric is."""
    out = bytearray(len(text))
    for s, e in periods:
        out[s:e] = bytes([PERIOD]) * (e - s)
    for s, e in spans:
        out[s:e] = b"\1" * (e - s)
    return out


LOTS = {"标段", "包", "标包", "批次"}  # what a number before names (一标段, 第3包)
LOT = re.compile(rf"第?[\dA-Za-z一二三四五六七八九十\u2160-\u216b]{{1,3}}(?:{'|'.join(LOTS)}|分包)")  # 第二包, A包: which lot (包 is no verb)
PLANNED_OR_DONE = {"计划", "完成", "实际"}  # before a bare measure (投资, 资金): which of the two it is
ADVERBS = {"累计", "共", "已", "已经", "全年", "共计", "合计", "当年", "先后", "均"}


def _tagged_apart(text: str, start: int, blocked: bytearray | None) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` (at ``start``), cut where a period, place or figure ends, so that no word runs from
    one into the phrase (2024年收入预算: 收入预算, not 年收入; 3台中标金额: 中标金额, not 台中); a character that
    belongs to the period before it (1年期, 年内) stays with it.

    >>> text = "2024年收入预算"
    >>> [w for w, _ in _tagged_apart(text, 0, mask(text, [], [(0, 5)]))]
    ['2024', '年', '收入', '预算']
    """
    if not blocked:
        return tagged(text)
    cuts = [k for k in range(1, len(text)) if blocked[start + k - 1] and not blocked[start + k]]
    if not cuts:
        return tagged(text)
    out: list[tuple[str, str]] = []
    for a, b in zip([0, *cuts], [*cuts, len(text)]):
        piece = tagged(text[a:b])
        if a and piece and piece[0][0] in PERIOD_ENDS and out:
            out[-1] = (out[-1][0] + piece[0][0], out[-1][1])  # (1年期, 年内: the period's own)
            piece = piece[1:]
        out += piece
    return tuple(out)


PERIOD_ENDS = {"期", "内", "底", "末", "初", "间"}  # a character a period or figure ends with when jieba joins it on


def _allowed(w: Word, blocked: bytearray | None) -> bool:
    if w.text in STOP_WORDS or (w.tag in STOP_TAGS and w.text not in INSIDE) or not w.text.strip():
        return False
    return not (blocked and any(blocked[w.start : w.start + len(w.text)]))


def _manner(w: Word, taken: list[Word], blocked: bytearray | None) -> bool:
    """Whether ``w`` is an adverb of manner (按时, 经常) right before the verb or rate it qualifies, in a phrase that
    measures a rate of doing (按时支付率, 经常参加体育锻炼人数比例)."""
    if w.tag != "d" or len(w.text) != 2 or w.text in ADVERBS or w.text in STOP_WORDS or not taken \
            or (blocked and any(blocked[w.start : w.start + 2])):
        return False
    return taken[0].text.endswith("率") or (taken[0].tag == "v" and taken[-1].text in ("比例", "占比", "比重"))


GLUE_TAGS = {"m", "t", "zg", "tg"}  # a lone character tagged so may be half of a word jieba does not know
NUMERALS = "一二两三四五六七八九十百千万亿几零〇个"  # (and 个, the counter that follows them)


def _glued(w: Word, taken: list[Word], text: str, blocked: bytearray | None) -> bool:
    """Whether ``w``, a lone character that stopped the phrase, is the first half of a word jieba cut in single
    characters, the phrase's first word its second half: 多 + 收 (多收代理服务费), 清 + 雪, 每 + 生 (每生每学期补助), 年 + 化
    (年化利率), with more words after (多收 alone says nothing measured); not a numeral or a counter after a number (30日内)."""
    if len(taken) < 2 or len(w.text) != 1 or len(taken[0].text) != 1 or w.tag not in GLUE_TAGS \
            or not "\u4e00" <= w.text <= "\u9fff" or w.text in NUMERALS + PLACE_ENDS or w.text in STOP_WORDS \
            or not "\u4e00" <= taken[0].text <= "\u9fff" or taken[0].text in PLACE_ENDS or (blocked and any(blocked[max(0, w.start - 1) : w.start + 1])):
        return False  # (縣庫節省經費, 盛湾镇完成率: a place is whose; nothing right after a place, a period or a figure is glued)
    return not (w.start and (text[w.start - 1].isdigit() or text[w.start - 1] in NUMERALS))


NOUN_TAGS = {"n", "nz", "vn", "j", "l"}
COORDINATORS = ("、", "和", "及", "等")  # 等 closes a list inside a phrase: 询价和单一来源等项目
CONJUNCT_TAGS = {"n", "nz", "vn", "v", "b", "a", "j", "l", "s", "an", "i"}  # (i: 冲锋舟, tagged an idiom)


def _conjunct(w: Word, blocked: bytearray | None) -> bool:
    """Whether ``w``, before 和/及/、 inside a phrase, is a noun or modifier that coordinates with what follows."""
    # 交易额和…, 公开率、…: two measures, not one (but 询价和单一来源: two methods; 救灾物资和服务: goods)
    measure = w.text in HEAD_WORDS or w.text[-1] in "额率" or (is_head(w.text) and len(w.text) > 2 and not w.text.endswith("物资"))
    return w.tag in CONJUNCT_TAGS and _allowed(w, blocked) and not measure


RATIOS = ("比例", "比重", "占比", "率")  # a share's ends: 面向中小企业的预留比例 names no contracts a class got


def _of_class(ws: list[tuple[str, str]], k: int) -> bool:
    """Whether the words up to ``ws[k]`` end with a class of supplier, or one and the verb it takes: 授予中小企业,
    中小企业拿到."""
    return any(ws[j][0] in BENEFICIARY_CLASSES or ws[j][0].endswith(("中小企业", "中小企")) for j in (k, k - 1)
               if j >= 0 and (j == k or ws[k][1] == "v"))


def _names_whole(ws: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The words with a short quoted name as one noun: 供应商“零跑腿”比例 reads 供应商 + “零跑腿” + 比例."""
    out: list[tuple[str, str]] = []
    opened: int | None = None
    for w in ws:
        if w[0] == "“":
            opened = len(out)
        elif w[0] == "”" and opened is not None:
            name = "".join(x for x, _ in out[opened:]) + "”"
            if len(name) <= 12:
                out[opened:] = [(name, "nz")]
                opened = None
                continue
            opened = None
        out.append(w)
    return out


WINDOW = 32  # characters before a figure read first; the whole clause only when the phrase runs past them


def phrase(text: str, start: int, end: int, blocked: bytearray | None = None) -> str | None:
    """The measure named by the words of ``text[start:end]`` read back from its end (see :func:`_phrase`), with the
    one-character asides that belong to a word kept: 因公出国（境）费用, not 因公出国费用 (longer asides, 中标（成交）金额,
    are no part of it).

    >>> phrase("其中因公出国（境）费用", 0, 11)
    '因公出国（境）费用'
    """
    found = _phrase(text, start, end, blocked)
    for m in INNER_ASIDE.finditer(text, max(start, 1), end) if found else ():
        joined = text[m.start() - 1] + text[m.end()] if m.end() < len(text) else ""
        if joined and joined in found:  # (read without the aside, the word's two halves are joined)
            found = found.replace(joined, text[m.start() - 1 : m.end() + 1], 1)
    return found


INNER_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff][)）](?=[\u4e00-\u9fff])")  # 出国（境）费


def _phrase(text: str, start: int, end: int, blocked: bytearray | None = None) -> str | None:
    """The metric phrase ending at ``end`` in ``text[start:end]`` (a clause up to a figure); characters
    ``blocked`` (a :func:`mask` of places, periods, other figures) end it."""
    if end - start > WINDOW:  # a phrase is short: read the end of a long clause first
        found = phrase(text, end - WINDOW, end, blocked)
        if found is None or not text.startswith(found, end - WINDOW):
            return found
    segment = text[start:end]
    if "（" in segment or "(" in segment:  # 中标（成交）金额, 全州（含各县市）…: the aside does not split the phrase
        asides = [m.span() for m in ASIDE.finditer(segment)]
        if asides:
            kept = bytearray(b"\1" * len(segment))
            for a, b in asides:
                kept[a:b] = bytes(b - a)
            segment = ASIDE.sub("", segment)
            if blocked is not None:  # the same characters taken out of the mask, which now starts at ``start``
                blocked = bytearray(start) + bytearray(x for x, k in zip(blocked[start:end], kept) if k)
    tail = LINK_TAIL.search(segment, max(0, len(segment) - 12))  # linking words are few: look at the end only
    core = segment[: tail.start()] if tail else segment
    if blocked and core and blocked[start + len(core) - 1] == PERIOD:  # 采购规模从2012年的31.6亿元: the level at a date
        at = len(core)
        while at and blocked[start + at - 1] == PERIOD:
            at -= 1
        if at and core[at - 1] in "从由自":
            tail = LINK_TAIL.search(core, max(0, at - 13), at)
            core = core[: tail.start() if tail else at]
    if (alloc := ALLOCATED.search(core)) and (before := tagged(core[max(0, alloc.start() - 6) : alloc.start()])) \
            and is_head(before[-1][0]):
        core = core[: alloc.start()]  # 一般公共预算支出安排2236.8亿元: the measure allocated
    taken: list[Word] = []
    pos = start + len(core)
    cut = len(core)  # words are cut after the last place (我市政采规模: 政采, not 市政)
    while cut and not (blocked and blocked[start + cut - 1] == 1):
        cut -= 1
    head_start = cut if cut and core[cut - 1] in PLACE_ENDS else 0
    ws = _names_whole(_tagged_apart(core[head_start:], start + head_start, blocked))
    i = len(ws)
    while i > 0:  # walking back from the figure, word by word
        i -= 1
        text_, tag = ws[i]
        pos -= len(text_)
        w = Word(text_, tag, pos)
        if blocked and blocked[pos] == PERIOD and (bare("".join(x.text for x in taken)) if taken else i == len(ws) - 1):
            skip, at = i, pos  # 共同供应契约全年订购金额, 政府采购规模2022年为: the period inside the phrase or after it
            while skip > 0 and blocked[at - len(ws[skip - 1][0])] == PERIOD:
                skip -= 1
                at -= len(ws[skip][0])
            if skip > 0 and ws[skip - 1][1] in NOUN_TAGS and _allowed(Word(*ws[skip - 1], at - len(ws[skip - 1][0])), blocked) \
                    and (taken or is_head(ws[skip - 1][0])):
                i, pos = skip, at
                continue
        if taken and taken[0].text in LOTS and tag in ("x", "eng") and LOT.fullmatch(text_ + taken[0].text) \
                and not (blocked and blocked[pos]):
            taken.insert(0, w)  # Ⅰ标段, A标段: which lot
            continue
        if tag == "m" and taken and not (blocked and blocked[pos]) and (text_.isascii() and len(text_) >= 3
                                                                     or taken[0].text in LOTS
                                                                     or text_ == "第" and len(taken) > 1 and taken[1].text in LOTS
                                                                     or text_ == "年" and is_head(taken[0].text)):
            taken.insert(0, w)  # 832平台, 一标段, 第 + 3 + 包: numbers that name something; 年服务费: a year's
            continue
        if text_ in COORDINATORS and taken and i and _conjunct(Word(*ws[i - 1], pos - len(ws[i - 1][0])), blocked) \
                and (text_ != "等" or any(x in COORDINATORS for x, _ in ws[max(0, i - 6) : i])):  # 等 ends a list
            taken.insert(0, w)  # 节能、节水产品, 土地使用权和矿业权出让: one phrase of two conjuncts
            continue
        if not _allowed(w, blocked):
            # a vague phrase goes on past 的 and an adverb before its verb: 预留给小微企业的比例, 政采贷累计投放
            said = "".join(x.text for x in taken)
            if taken and is_vague(said) and (text_ == "的" or (text_ in ADVERBS and taken[0].tag == "v")):
                continue
            if taken and text_ in ("的", "之") and i and is_head(said) and not said.endswith(RATIOS) and _of_class(ws, i - 1):
                if ws[i - 1][1] == "v" and not is_vague(said):
                    i -= 1  # 中小企业拿到的合同金额: the class that got them, not how (but 中小企业得标的金额)
                    pos -= len(ws[i][0])
                continue  # 授予中小企业的合同金额, 本地中小企业取得之合同金额: which contracts, said in a clause
            if taken and is_vague(said) and is_head(said) and text_ in PLANNED_OR_DONE:
                taken.insert(0, w)  # 计划投资18.6亿元，完成投资20.3亿元: the plan and the result are two measures
                break
            if _manner(w, taken, blocked):
                taken.insert(0, w)  # 按时支付率, 经常参加体育锻炼人数比例: how it was done tells the rate apart
                continue
            if _glued(w, taken, text, blocked):
                taken.insert(0, w)  # 多收代理服务费, 清雪设备购置资金: one word jieba does not know, cut in single characters
            break
        taken.insert(0, w)
    while taken and (taken[0].text in ("的", "之", "“", "”", *COORDINATORS)
                     or taken[0].tag == "d" and not _manner(taken[0], taken[1:], blocked)):
        taken.pop(0)
    while taken and taken[-1].text in ("“", "‘"):
        taken.pop()
    if len(taken) > 1 and taken[0].text in PLACE_CLASSES and pos_before_numeral(text, taken[0].start):
        taken.pop(0)  # 五省区政府采购规模合计: the places counted are whose, not what was measured
    zone = next((k for k, w in enumerate(taken[:2]) if w.text.endswith(ZONES)), 0)  # 东湖 + 高新区: one name
    zone = 1 if len(taken) > 2 and taken[0].text in PLACE_ENDS and ACTOR.search(taken[1].text) else zone  # 市 + 教育局
    if len(taken) > zone + 1 and ACTOR.search(taken[zone].text) and taken[zone].text not in BENEFICIARY_CLASSES \
            and not is_vague("".join(w.text for w in taken[zone + 1 :])) and taken[zone + 1].text not in COORDINATORS:
        # (机关、企事业单位和工会采购: the bodies listed are what was measured of, not one body that acts)
        del taken[: zone + 1]  # 医院集采品种采购金额, 东湖高新区政府采购规模: who acts is the subject; what it measured follows
    if len(taken) > 2 and taken[0].text in SOME and taken[1].tag in NOUN_TAGS and any(is_head(w.text) for w in taken[2:]):
        del taken[:2]  # 部分项目履约保证金收取比例: whose it is (some projects), not what was measured
    if len(taken) > 1 and taken[0].text == "项目" and taken[1].text.startswith(DEALT) and is_head(taken[-1].text):
        del taken[0]  # 项目采购预算, 项目中标金额: one tender's, said of the project; not 项目预算, 项目总投资 (the project's own)
    if not taken or all(w.tag in ("a", "ad", "ag", "z") for w in taken) or (taken[0].text == "分" and taken[0].tag == "v"):
        # (分县区：肥西县…: a breakdown's heading names its items, not a measure)
        return None  # (形状并不复杂：…, 便宜9元: a quality, not what was measured)
    # 为1326家供应商发放贷款: the noun after 为 is who benefits, not what was measured; but a class of
    # beneficiary names the metric (向中小企业授予合同金额 is 授予中小企业合同金额)
    if len(taken) > 1 and (given := BENEFICIARY.search(segment, 0, taken[0].start - start)) \
            and not (given.group()[0] != "给" and "的" in segment[given.end() - 1 : taken[0].start - start]):
        # (对小微企业报价给予的价格扣除比例: the 的 closes the clause of who benefits)
        verbs = [i for i, w in enumerate(taken) if w.tag == "v" and i > 0]
        bodies = [i for i in range(1, len(taken)) if taken[i - 1].text.endswith(BODIES)  # (为中标企业发放贷款: who
                  and not any(w.text in BENEFICIARY_CLASSES or w.text in COORDINATORS for w in taken[:i])]
        cut = bodies[0] if bodies else verbs[0] if verbs else 1  # benefits ends with a body, 发放贷款 is one word)
        kind = "".join(w.text for w in taken[:cut]) in BENEFICIARY_CLASSES
        if kind and verbs and is_head(taken[-1].text):  # 向中小企业授予合同金额 → 授予中小企业合同金额
            taken = [taken[cut], *taken[:cut], *taken[cut + 1 :]]
        elif kind and verbs and given.group()[0] in "向从" and taken[cut].text in DEAL_MEASURES:
            pass  # 学校向中小企业采购2.93亿元: buying from a class of supplier is what was measured
        elif kind and not verbs and given.group().startswith("给") and (verb := _verb_before(segment, given.start())):
            return verb.join(("".join(w.text for w in taken[:cut]), "".join(w.text for w in taken[cut:])))  # 预留给小微企业的比例
        elif given.group().startswith("为") and (before := tagged(segment[max(0, given.start() - 8) : given.start()])) \
                and is_head(before[-1][0]) and not (blocked and blocked[start + given.start() - 1]):
            pass  # 限额标准为货物和服务项目: 为 after a measure links it to its items; no one benefits
        else:
            taken = taken[cut:]  # 为1326家供应商发放贷款, 为中小企业发放“政采贷”: who benefits is not what was measured
    took = next((k for k, w in enumerate(taken[:-1]) if w.text in TAKING), None)
    if took is not None:  # 利用职务便利收受供应商回扣: what was taken, not how, nor who gave it
        taken = [w for k, w in enumerate(taken[took:]) if not (k == 1 and len(taken) - took > 2
                                                             and w.text.endswith(BODIES + ("他人", "商人", "老板")))]
    while len(taken) > 1 and taken[0].text in LIGHT_VERBS and any(is_head(w.text) for w in taken[1:]):
        taken.pop(0)  # 办理采购决标总金额, 利用共同供应契约订购金额: a verb of doing, not of what was measured
    examples = next((k for k, w in enumerate(taken) if w.text == "等" and k + 1 < len(taken) and len(taken[k + 1].text) > 1
                     and any(x.text == "、" for x in taken[:k]) and taken[k + 1].text not in KINDS), None)
    if examples is not None:  # 集中采购化肥、农药、种子等物资金额: the examples of 物资 are not what was measured
        first = max(0, next(k for k, w in enumerate(taken[:examples]) if w.text == "、") - 1)  # (the 、 exists: see above)
        taken = taken[:first] + taken[examples + 1 :]
    means = next((k for k, w in enumerate(taken) if w.text == "方式" and k
                  and (taken[k - 1].text == "等" or any(x.text == "、" for x in taken[:k]))), None)
    if means is not None and means + 1 < len(taken):
        taken = taken[means + 1 :]  # 通过集中采购、竞价比价等方式节约资金, 以公开招标、书面咨询及直接磋商方式取得…: the
        # means listed are not what was measured
    return shape([w.text for w in taken], [w.tag for w in taken])


NAME_TAGS = {"n", "nz", "j", "l"}
SECTION = re.compile(r"(?:情况|概况|工作|成效|方面|举措|措施|问题|打算|项目|领域|区域|板块|特点|亮点|建议|总体|基本|重点|主要|信息|结果|内容)$")  # nouns that can name a channel or product (not vn: 下单, 政府采购)
BODIES = ("企业", "机构", "负责人", "供应商", "人员", "单位", "中心", "政府", "局", "厅", "委")  # who acts, not where things went through
CHANNEL = re.compile(r"通过|依托|借助|利用|经由|透过|透過|經由")
DEAL_MEASURES = (*("采购", "交易", "销售", "成交", "订购", "中标", "放款", "融资", "投放"),)  # what a channel carries


def _noun_run(text: str, start: int, end: int, blocked: bytearray | None) -> tuple[str, int] | None:
    """The nouns from ``start`` up to the first other word (places and 政府采购 before them skipped), and
    where they end: 贵州省政府采购网上商城（电子卖场）完成… → ('网上商城', …)."""
    ws = _names_whole(tagged(text[start:end]))
    taken: list[str] = []
    pos = start
    for k, (word, tag) in enumerate(ws):
        if taken and k + 1 < len(ws) and ws[k + 1][1] == "m":
            break  # 电子卖场 + 下单3.6万笔: what is counted is done there, not its name
        place = tag in ("ns", "nt") or bool(blocked and any(blocked[pos : pos + len(word)]))
        if not taken and (place or word in ("政府采购", "采购", "政府")):  # 贵州省政府 + 采购 + 网上商城
            pos += len(word)
            continue
        if place:
            break
        if tag not in NAME_TAGS and not (word.startswith("“") and word.endswith("”")) or word in STOP_WORDS:
            break
        taken.append(word.translate(QUOTES))
        pos += len(word)
    found = "".join(taken)
    if text.startswith(COORDINATORS, pos) or SECTION.search(found):
        return None  # 通过公开招标、竞争性磋商等方式: several ways, not one channel; 一、总体情况: a section, not a channel
    if len(found) < 2 or ACTOR.search(found) or found.endswith(BODIES) or any(is_head(w) for w in taken):
        return None
    return found, pos


def channel(text: str, start: int, end: int, blocked: bytearray | None = None) -> str | None:
    """Where a sentence says things were bought or sold (the nouns after 通过, 依托, 借助…), for a bare
    measure of what went through it.

    >>> channel("县级预算单位通过贵州省政府采购网上商城（电子卖场）完成采购1863笔", 0, 30)
    '网上商城'
    """
    found = None
    for m in CHANNEL.finditer(text, start, end):
        found = m
    run = _noun_run(text, found.end(), end, blocked) if found else None
    return run[0] if run else None


def opening(text: str, start: int, end: int, blocked: bytearray | None = None, ends: bool = False) -> str | None:
    """The thing a sentence is about when it opens with nouns that a verb follows (网上商城入驻供应商…,
    全省政府采购电子卖场去年成交…), or (``ends``) that end it: a channel or product, not a body that acts
    or a measure.

    >>> opening("网上商城入驻供应商达2400余家", 0, 15), opening("市财政局坚持优化营商环境", 0, 12)
    ('网上商城', None)
    """
    run = _noun_run(text, start, end, blocked)
    if run is None:
        return None
    if ends and run[1] >= end:
        return run[0]  # a heading that is only a name: 三、政采贷
    if blocked and run[1] < len(blocked) and blocked[run[1]] == PERIOD:
        return run[0]  # 河北省政府采购网上商城全年成交订单…
    ws = tagged(text[run[1] : min(end, run[1] + 6)])
    return run[0] if ws and ws[0][1] == "v" and ws[0][0] not in STOP_WORDS else None  # not 数据显示


def deals(metric: str) -> bool:
    """Whether ``metric`` is only a measure of buying or selling (成交金额, 销售额, 新增放款), what a channel
    carries: not 政府采购规模 (all of it), not 公开招标中标金额 (already of a kind).

    >>> deals("成交金额"), deals("新增放款"), deals("政府采购规模"), deals("公开招标中标金额")
    (True, True, False, False)
    """
    return bare(metric) and len(tagged(metric)) <= 2 and not metric.startswith("政府") and "预算" not in metric \
        and any(d in metric for d in DEAL_MEASURES)


PLACE_CLASSES = {"省区", "省份", "省", "市", "县", "区", "设区市", "地市", "市州", "县市", "县区", "旗县", "盟市", "区县", "县级市",
                 "地级市", "城市", "地区"}
NUMERAL = re.compile(r"[\d一二两三四五六七八九十百]+个?$")


def pos_before_numeral(text: str, start: int) -> bool:
    """Whether a numeral (五, 14个) stands right before ``start``."""
    return NUMERAL.search(text, max(0, start - 4), start) is not None


def _verb_before(text: str, end: int) -> str | None:
    """The verb right before ``end`` (预留 of 预留给): the action a beneficiary's measure is of."""
    ws = tagged(text[max(0, end - 6) : end])
    return ws[-1][0] if ws and ws[-1][1] == "v" else None


ITEMS = ("项目", "订单", "案件", "合同", "采购包", "标段")  # what is bought and counted one by one
KINDS = (*ITEMS, "方式", "案")  # 采购项目, 其他采购方式, 採購案: a noun of the verb's kind, not its object
MODIFYING = {"扑救", "防护", "救灾", "防汛", "防疫", "防控", "监测", "检测", "救援", "消防", "照明", "办公", "教学", "养老",
             "排涝", "灭火", "防火", "救护", "康复", "助听", "助行"}  # verbs that name a kind of goods (扑救装备)
# verbs whose object is what was traded and comes first in a metric (采购脱贫地区农副产品 → 脱贫地区农副产品采购);
# other verbs before a noun keep their order (收受财物, 通用办公设备, 入围供应商)
TRADED = {"采购", "购买", "购置", "采买", "订购", "销售", "卖出", "售出", "出售", "发放", "投放", "发行", "出让", "租赁",
          "交易", "成交", "中标", "签订", "上架", "入驻", "放款", "融资", "认购", "承销"}
CAUSES = {"造成", "导致", "引发", "带来", "致使"}  # what follows is a consequence: the measure
QUOTES = str.maketrans("", "", "“”‘’")
GENERIC = ("政府采购", "采购")  # 政府采购节约资金 is 节约资金; 政府采购规模 stays (规模 alone says too little)
CHANNELS = ("电子卖场", "网上商城", "电子商城", "平台")  # 政府采购电子卖场交易额 is 电子卖场交易额
PLACE_ENDS = "省市县区州旗盟镇乡"


def shape(texts: list[str], tags: list[str]) -> str:
    """A phrase's words as a metric: verb and object become object and verb when no measure word ends it;
    quotes go; a leading 政府采购 goes when what follows says what was measured.

    >>> shape(["采购", "脱贫地区", "农副产品"], ["v", "n", "n"]), shape(["节约", "财政资金"], ["v", "n"])
    ('脱贫地区农副产品采购', '节约财政资金')
    >>> shape(["政府采购", "节约资金"], ["n", "n"]), shape(["政府采购", "规模"], ["n", "n"])
    ('节约资金', '政府采购规模')
    >>> shape(["832平台", "采购", "农副产品"], ["n", "v", "n"]), shape(["其他", "采购", "方式"], ["r", "v", "n"])
    ('农副产品采购', '其他采购方式')
    """
    keep = [(unquoted, g) for t, g in zip(texts, tags) if (unquoted := t.translate(QUOTES))]
    texts, tags = [t for t, _ in keep], [g for _, g in keep]
    # a verb before a coordinator is a conjunct (节能 of 节能、节水产品), not the phrase's verb
    verbs = [i for i, g in enumerate(tags) if g == "v" and not (i + 1 < len(texts) and texts[i + 1] in COORDINATORS)]
    bought = verbs[:1] == [0] and texts[-1].endswith("物资")  # 采购医用防护物资: goods, not a measure like 投资
    caused = [i for i in verbs if texts[i] in CAUSES and i < len(texts) - 1]
    if caused:  # 违规操作造成财政资金损失: the loss is what was measured, not how it came about
        return shape(texts[caused[-1] + 1 :], tags[caused[-1] + 1 :])
    traded = [i for i in verbs if texts[i] in TRADED]  # (采购扶贫产品: 扶贫 names the goods, 采购 is the deal;
    # not 采购按类别划分, whose last verb ends it)
    modifiers = all(i + 1 < len(tags) and tags[i + 1] in NOUN_TAGS for i in verbs if traded and i > traded[-1])
    if traded and traded[-1] < len(texts) - 1 and (not is_head(texts[-1]) or bought) and not texts[-1].endswith(KINDS) \
            and modifiers:
        v = 0 if bought else traded[-1]  # (通过832平台)采购脱贫地区农副产品: what was bought, then the verb
        return "".join(texts[v + 1 :]) + texts[v]
    metric = "".join(texts)
    for word in GENERIC:
        rest = metric[len(word):]
        if metric.startswith(word) and (rest.startswith(("节", "平均", *CHANNELS)) and (is_head(rest) or rest == "节支")
                                        or "采购" in rest and is_head(rest)):
            return rest  # 政府采购节约资金: the saving is named by itself; 政府采购实际采购金额 says 采购 once
    return metric


def read(text: str) -> str | None:
    """The metric phrase at the end of ``text`` alone, its places and periods found: for examples and tests."""
    from extractors.figures.periods import find_periods
    from extractors.figures.places import find_places

    spans = [(p.start, p.end) for p in find_places(text) if not p.qualifier]
    periods = [(p.start, p.start + len(p.text)) for p in find_periods(text, None)]
    return phrase(text, 0, len(text), mask(text, spans, periods))


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


MODIFIED = re.compile(r"(?:以上|以下|左右|之间)?的")
RATIO_WORDS = ("比例", "比重", "份额", "率", "占比")
AMOUNTED = (*ITEMS, "采购")  # things with an amount: 200万元的货物采购项目


def adnominal(text: str, pos: int, end: int, kind: str, blocked: bytearray | None = None, bound: bool = False) -> str | None:
    """What a figure written before 的 and a noun phrase measures (the words after 的 up to one that cannot be in
    a noun phrase): 给予小微企业报价10%的价格扣除 (价格扣除比例), 1.2亿元的采购项目 (采购项目金额); a ``bound``
    on projects is on their budget (超过200万元的货物和服务采购项目: 货物和服务采购项目预算金额).

    >>> adnominal("报价10%的价格扣除。", 5, 10, "percent"), adnominal("超过200万元的工程采购项目中", 7, 15, "money", bound=True)
    ('价格扣除比例', '工程采购项目预算金额')
    """
    m = MODIFIED.match(text, pos, end)
    if not m:
        return None
    ws = words(text[m.end() : end], m.end())
    if kind == "percent" and ws and ws[0].text in RATIO_WORDS:  # 按不低于10%的比例预留…: the rate of 预留
        return ws[1].text + ws[0].text if len(ws) > 1 and ws[1].tag == "v" else None
    stop, last = m.end(), None
    for k, w in enumerate(ws):  # the noun phrase runs to the first word that cannot be in one: 中, 。, 、超过
        if w.text in COORDINATORS:
            after = ws[k + 1] if k + 1 < len(ws) else None
            if after is None or not _allowed(after, blocked) or LINK_TAIL.fullmatch(after.text):
                break
        elif not _allowed(w, blocked):
            break
        stop, last = w.start + len(w.text), w
    if stop < end and last is not None and last.tag == "v" and text[stop] not in "，。；、,;：:":
        return None  # 40%以上的政策延续至…: a clause, its verb with more after it
    found = phrase(text, m.end(), stop, blocked) if stop > m.end() else None
    if not found or len(found) != len(text[m.end() : stop].translate(QUOTES)):
        return None  # all of those words
    if kind == "percent":
        return found if found.endswith(RATIO_WORDS) else found + "比例"
    if not is_head(found) and bound and found.endswith("项目"):
        return found + "预算金额"
    return found if is_head(found) else found + "金额" if found.endswith(AMOUNTED) else None


def counted_after(text: str, pos: int, end: int) -> str | None:
    """What a count counts when its noun follows the measure word: the nouns up to the first word that cannot be
    in a noun phrase (a verb, punctuation), not a clause (具有…的).

    >>> counted_after("共有57家“832平台”供应商携带农副产品参展", 5, 22), counted_after("500多款具有广西特色的农副产品参展", 5, 19)
    ('832平台供应商', '农副产品')
    """
    ahead = text[pos : min(end, pos + 16)]
    if (of := ahead.find("的")) > 0 and not any(c in ahead[:of] for c in "，。；、,;"):
        pos += of + 1  # 500多款具有广西特色的农副产品: the noun after the clause that describes it
    ws = _names_whole(tagged(text[pos:end]))
    taken: list[str] = []
    for word, tag in ws:
        if tag not in ("n", "nz", "ns", "j", "l", "vn", "s", "b") or word in STOP_WORDS:
            break
        taken.append(word)
    found = "".join(taken).translate(QUOTES)
    return found if found and found not in COUNTED and not ACTOR.fullmatch(found) else None  # not 5个项目, 17家单位


@functools.lru_cache(maxsize=4096)
def head(metric: str | None) -> str | None:
    """The part of a metric that names the quantity, for items that only qualify it: 采购金额 of
    公开招标采购金额, 决标金额 of 工程类决标金额, 采购 of 政府采购; None when it has none.

    >>> head("公开招标采购金额"), head("工程类决标金额"), head("政府采购"), head("竞争性磋商"), head("工程类政府采购规模")
    ('采购金额', '决标金额', '采购', None, '政府采购规模')
    >>> head("中标总金额"), head("统一采购预算总额"), head("采购总额")
    ('中标金额', '采购预算', '采购额')
    """
    if not metric:
        return None
    ws = tagged(metric)
    last = ws[-1][0]
    if last.startswith("总") and len(last) > 1 and len(ws) > 1 and is_head(last[1:]):  # 中标总金额, 采购预算总额: a total of
        inner = head(metric[: -len(last)])  # the measure before it, or the deal it is the amount of
        if inner and is_head(inner):
            return inner
        if len(ws) == 2 and (ws[0][1] in ("v", "vn") or ws[0][0] in DEALT):
            return ws[0][0] + last[1:]
    if is_head(last):
        if len(ws) > 1 and len(last) <= 2 and (ws[-2][1] in ("v", "vn") or ws[-2][0] in DEALS or ws[-2][0] == "政府采购"):
            return ws[-2][0].removeprefix("政府") + last  # 决标金额, 成交金额, 采购规模 (of 政府采购规模)
        return last
    for verb in DEALS:
        if last.endswith(verb):
            return verb
    return None


DEALS = ("采购", "交易", "销售", "成交")
DEALT = ("采购", "招标", "中标", "成交")  # the steps of one tender


@functools.lru_cache(maxsize=4096)
def qualifies_only(metric: str) -> bool:
    """Whether ``metric`` only says which part (货物类, 劳务类, 竞争性磋商, 自治区本级), with no quantity and no verb
    but in a class name."""
    return head(metric) is None and (metric.endswith("类") or LOT.fullmatch(metric) is not None
                                     or all(tag not in ("v", "vn") for _, tag in tagged(metric)))


@functools.lru_cache(maxsize=4096)
def bare(metric: str) -> bool:
    """Whether ``metric`` names only a measure and actions (融资, 销售额, 投放贷款, 最高授信额度), no thing or kind.

    >>> bare("获得融资"), bare("最高授信额度"), bare("脱贫地区农副产品采购"), bare("电子卖场成交金额")
    (True, True, False, False)
    """
    return all(is_head(w) or tag in ("v", "vn", "a", "d", "ad") for w, tag in tagged(metric))


def is_action(metric: str) -> bool:
    """Whether ``metric`` is an action and no measure: a verb, and no measure word at its end (开展政采贷业务,
    供应商携带: the thing acted on, or what was counted, is written elsewhere).

    >>> is_action("开展政采贷业务"), is_action("供应商携带"), is_action("脱贫地区农副产品采购额"), is_action("收受财物")
    (True, True, False, True)
    """
    ws = tagged(metric)
    return bool(ws) and any(tag == "v" for _, tag in ws) and not is_head(ws[-1][0])


@functools.lru_cache(maxsize=4096)
def is_vague(metric: str | None) -> bool:
    """Whether ``metric`` says too little alone (金额, 规模, a bare verb such as 采购 or 投入)."""
    if metric is None or metric in VAGUE or len(metric) < 2:  # (四市合计: 市 says nothing)
        return True
    ws = tagged(metric)
    return len(ws) == 1 and ws[0][1] == "v"


COUNTED = (*ITEMS, "宗", "笔", "单", "件", "个", "批", "次")  # what a count counts, not a kind


def qualifier(counted: str | None, metric: str) -> str | None:
    """The kind a count named (公开招标 of 公开招标项目, 电子卖场 of 电子卖场成交订单), to qualify a bare
    measure that follows it in the same item (公开招标项目612个，成交金额31.05亿元); None when the count
    names no kind.

    >>> qualifier("公开招标项目", "成交金额"), qualifier("电子卖场成交订单", "成交金额"), qualifier("采购项目", "金额")
    ('公开招标', '电子卖场', None)
    """
    if not counted:
        return None
    found = next((counted.removesuffix(w) for w in COUNTED if counted.endswith(w)), counted)  # 出让186宗: all a kind
    ws = [w for w, _ in tagged(found)] if found else []
    while ws and (ws[-1] in metric or ws[-1] in ("中标", "获批")):  # 成交 of 电子卖场成交(订单); 中标(项目)
        ws.pop()
    while ws and ws[0] in LIGHT_VERBS:
        ws.pop(0)  # 办理采购案件…: the act, not a kind
    if ws and len(ws[0]) > 1 and ws[0] in metric:
        return None  # 中标政府采购项目5个，中标金额合计…: what was done, not a kind of it
    ws = ws[1:] if ws and ws[0] in ("各类", "各项", "各种", "各", "全部") else ws  # 各类交易项目: all kinds
    found = "".join(ws)
    if len(ws) == 1 and tagged(found)[-1][1] in ("v", "vn") or found and is_head(found):
        return None  # 交易项目…，成交金额: a verb names no kind; 采购数量4.37万台，中标金额: a measure names none
    return found if found and found != "采购" and not metric.startswith(found) else None


def glued(first: str, second: str) -> str:
    """``first`` then ``second``, the characters the one ends and the other starts with said once.

    >>> glued("中小企业中标", "中标金额"), glued("县（市）区", "区政府采购规模"), glued("货物类", "采购规模")
    ('中小企业中标金额', '县（市）区政府采购规模', '货物类采购规模')
    """
    overlap = next((k for k in range(min(len(first), len(second)), 0, -1) if first.endswith(second[:k])), 0)
    return first + second[overlap:]


def join(topic: str | None, metric: str | None) -> str | None:
    """A vague ``metric`` completed by the ``topic`` said before it: 政府采购 + 规模 → 政府采购规模.

    >>> join("政府采购", "规模"), join("节约资金", "金额"), join(None, "规模"), join("节约资金", "交易额")
    ('政府采购规模', '节约资金', '规模', '交易额')
    >>> join("社会保险基金收入", "支出")
    '社会保险基金支出'
    """
    if not is_vague(metric) or not topic or topic == metric:
        return metric
    if metric in FLOWS and (other := next((f for f in FLOWS if f != metric and topic.endswith(f)), None)) and topic != other:
        return topic.removesuffix(other) + metric  # 社会保险基金收入21.47亿元，支出20.69亿元: the fund's 支出
    if metric is None or is_head(topic) or metric in topic:  # 发放 after 政采贷发放: the same
        return topic
    return topic + metric


FLOWS = ("收入", "支出")  # the two sides of an account, said of one subject in turn


ORG_ENDS = ("有限公司", "公司", "集团", "银行")  # a body named before what it did: 徽商银行放款, 建投集团成交
TOWN_ENDS = ("镇", "乡", "街道", "村", "社区")  # a place below the gazetteer's: 周庄镇采购规模
UNNAMED = {"合作银行", "手机银行", "商业银行", "网上银行", "开户银行", "集团公司", "子公司", "分公司"}  # kinds, not names
NOT_TOWNS = {"乡", "城", "城乡", "村", "小城"}  # before 镇/乡/村: a kind of place (城乡, 小城镇), no town's name
PROPER_TAGS = {"ns", "nr", "nt", "nz"}  # a place's, a person's, a body's or another proper name


@functools.lru_cache(maxsize=4096)
def unnamed(metric: str) -> str:
    """``metric`` without the name at its start of the body or township whose figure it is (the figure's
    subject, not what was measured); "" when the metric is that name only.

    >>> unnamed("周庄镇采购规模"), unnamed("徽商银行放款"), unnamed("建投集团成交"), unnamed("长安镇")
    ('采购规模', '放款', '成交', '')
    >>> unnamed("小城镇建设资金"), unnamed("合作银行放款"), unnamed("街道养老服务中心运营经费")
    ('小城镇建设资金', '合作银行放款', '街道养老服务中心运营经费')
    """
    ws = tagged(metric)
    name = ""
    for word, _ in ws[:4]:
        name += word
        if len(name) > 8:
            break
        org = name.endswith(ORG_ENDS) and not any(name.endswith(u) for u in UNNAMED)
        town = name.endswith(TOWN_ENDS) and any(t in PROPER_TAGS for _, t in tagged(name))
        if (org or town) and len(name) >= 3 and name[:-1] not in NOT_TOWNS:
            return metric[len(name):]
    return metric
