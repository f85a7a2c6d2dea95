"""The metric of a figure: the noun phrase it measures (交易额, 预留采购份额, 节约资金).

A metric is a run of procurement words ending in a head word (额, 资金,
比例, 采购 …), found in the figure's clause before it, else earlier in its
sentence, else right after it (``500万元的采购资金``). Leading words that do
not say what is measured are dropped while a specific noun remains
(完成交易额 → 交易额, 政府采购节约资金 → 节约资金).

>>> metric_of("全市预算单位去年通过“832平台”完成交易额达", "。")
'交易额'
>>> metric_of("统计显示，广州全市预算单位2021年预留采购份额", "，")
'预留采购份额'
>>> metric_of("柳州市已完成脱贫地区农副产品采购", "，")
'脱贫地区农副产品采购'
"""

from __future__ import annotations

import re

HEADS = sorted(
    """交易额 交易金额 成交额 成交金额 采购额 采购金额 采购规模 采购总额 合同金额 合同额 合同价 中标金额 中标价 成交价
    预算金额 预算资金 预算总额 最高限价 控制价 预算 份额 节约资金 节约金额 节支 节资额 资金 金额 总额 总金额 规模
    销售额 销售收入 营业收入 营收 收入 投资额 投资 费用 经费 价格 报价 单价 售价 限额 标准 产值 总值 支出 补贴 贷款
    放款 融资 授信 额度 零售价 成交 担保额 订单 采购 节约 比例 比率 占比 节资率 资金节约率 增长率 增幅 降幅 完成率 执行率 支付
    发放 罚款 保证金 服务费 培训费 住宿费 工程款 款项 货款 价款 业务量 交易量 成本 增收 签约 执行 完成 合计 药费 基金 购买服务 周期 报酬 预付款 合同 注册资本 资本
    增长 下降 提高 降低 面积 数量""".split(),
    key=len,
    reverse=True,
)
MODIFIERS = sorted(
    """预留 采购 政府 合同 中标 成交 节约 财政 项目 执行 完成 交易 实际 授予 中小企业 小微企业 面向 脱贫地区
    农副产品 框架协议 电子卖场 网上商城 集中 分散 协议 定点 专项 扶贫 帮扶 消费 平均 总 招标 公开招标 食堂 食材
    工会 线上 线下 同比 环比 节资 政采贷 信用 担保 年度 货物 工程 服务 类 平台 单笔 预付款 首付款 一般 公开 意向
    采购意向 批量 集采 支持 面向中小企业 农产品 地区 份额 资金 年均 人均 最低 最高 工资 数额 签约 投标 购买 销售
    网上 综合 授信 合计 累计 代理 市场 医保 决标 财物 劳务 建设 注册""".split(),
    key=len,
    reverse=True,
)


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, as a prefix tree (much faster in ``re`` than a flat list).

    >>> trie_pattern(["采购", "采购额", "预留"])
    '(?:(?:采购额?|预留))'
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(body) > 1 and not body.startswith("(?:") else f"{body}?"
        return body

    return "(?:" + build(trie) + ")"


HEAD = trie_pattern(HEADS)
WORD = trie_pattern(sorted(set(HEADS + MODIFIERS)))
METRIC = re.compile(f"(?:{WORD})*(?:{HEAD})")
LINK = ("达到|达|为|是|共计|共|合计|总计|约|近|超过|超|逾|突破|已达|增至|降至|仅|高达|累计|的|分别为|分别|最高|最低"
        "|人民币|新台币|美元")
METRIC_AT_END = re.compile(f"(?:{WORD})*(?:{HEAD})(?=(?:{LINK}|[^一-龥\\d]){{0,3}}$)")
METRIC_AFTER = re.compile(f"的?((?:{WORD})*(?:{HEAD}))")
TOKEN = re.compile(WORD)
# leading words that do not tell what is measured: 政府采购节约资金 is 节约资金, 完成交易额 is 交易额
GENERIC = {"政府", "采购", "平台", "项目", "批量", "集中", "公开", "线上", "食堂", "累计", "完成", "实现", "共计",
           "总计", "共", "年度", "支付"}
# too vague to stand alone: 政府采购规模 keeps 采购规模, 完成比例 stays
VAGUE = {"规模", "金额", "资金", "预算", "总额", "标准", "费用", "价格", "收入", "支出", "合计", "执行", "额度",
         "比例", "比率", "占比", "份额", "项目", "总金额", "合同"}
CHANGE = re.compile("(?:增长|下降|提高|降低|合计)$")
CHANGE_ONLY = re.compile("(?:同比|环比)?(?:增长|下降|提高|降低)")
ASIDE = re.compile(r"（[^（）]{1,6}）|\([^()]{1,6}\)")
BOUNDARY = re.compile(r"[，,：:、（）()“”\s]")


def clean(metric: str) -> str:
    """Drop leading words that say nothing of what is measured, and a trailing change verb or 合计.

    >>> clean("完成交易额"), clean("完成比例"), clean("政府采购节约资金"), clean("政府采购规模"), clean("投标成本降低")
    ('交易额', '完成比例', '节约资金', '采购规模', '投标成本')
    >>> clean("罚款合计"), clean("金额合计")
    ('罚款', '金额合计')
    """
    changed = CHANGE.sub("", metric)
    if changed != metric and changed not in VAGUE and METRIC.fullmatch(changed):
        metric = changed
    while True:
        token = TOKEN.match(metric)
        if token is None or token.group() not in GENERIC:
            return metric
        rest = metric[token.end() :]
        if not rest or rest in VAGUE or not METRIC.fullmatch(rest):
            return metric
        metric = rest


def metric_of(before: str, after: str, *, whole_sentence: bool = True, money: bool = False) -> str | None:
    """The metric of a figure from its sentence up to it (``before``) and the text after it.

    Looks in the figure's clause first, then right after the figure
    (``500万元的采购资金``), then (``whole_sentence``) earlier in the sentence.
    An amount of ``money`` is not measured by a bare change verb (提高到200万元).

    >>> metric_of("其中，货物类采购金额", "，工程类……")
    '货物类采购金额'
    >>> metric_of("采购金额共计5000万元，其中工程类", "、服务类……")
    '采购金额'
    >>> metric_of("共投入", "的采购资金支持中小企业")
    '采购资金'
    >>> metric_of("单笔采购限额由100万元提高到", "。", money=True)
    '单笔采购限额'
    """
    if "（" in before or "(" in before:
        before = ASIDE.sub("", before)  # 中标（成交）金额 is 中标金额
    clause_start = 0
    for m in BOUNDARY.finditer(before):
        clause_start = m.end()
    m = METRIC_AT_END.search(before, clause_start)
    if m is None:
        for m in METRIC.finditer(before, clause_start):
            pass
    if m is None:
        m = METRIC_AFTER.match(after)
        if m is not None:
            return clean(m.group(1))
        if whole_sentence:
            for m in METRIC.finditer(before):
                pass
    if m is not None and CHANGE_ONLY.fullmatch(m.group()) and money:
        earlier = None  # 限额由100万元提高到200万元: the amount is of 限额, not of 提高
        for earlier in METRIC.finditer(before, 0, m.start()):
            pass
        m = earlier or m
    return clean(m.group()) if m else None
