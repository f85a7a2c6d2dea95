"""The metric of a figure: the noun phrase it measures (交易额, 预留采购份额, 节约资金).

A metric is a run of procurement words ending in a head word (额, 资金,
比例, 采购 …), found in the figure's clause before it, else earlier in its
sentence, else right after it (``500万元的采购资金``). A leading verb such as
完成/累计 is dropped when a real noun remains (完成交易额 → 交易额).

>>> metric_before("全市预算单位去年通过“832平台”完成交易额达")
'交易额'
>>> metric_before("统计显示，广州全市预算单位2021年预留采购份额")
'预留采购份额'
>>> metric_before("柳州市已完成脱贫地区农副产品采购")
'脱贫地区农副产品采购'
"""

from __future__ import annotations

import re

HEADS = sorted(
    """交易额 交易金额 成交额 成交金额 采购额 采购金额 采购规模 采购总额 合同金额 合同额 合同价 中标金额 中标价 成交价
    预算金额 预算资金 预算总额 最高限价 控制价 预算 份额 节约资金 节约金额 节支 节资额 资金 金额 总额 总金额 规模
    销售额 销售收入 营业收入 营收 收入 投资额 投资 费用 经费 价格 报价 单价 限额 标准 产值 总值 支出 补贴 贷款 放款
    融资 授信 担保额 订单 采购 节约 比例 比率 占比 节资率 资金节约率 增长率 增幅 降幅 完成率 执行率 支付 发放 罚款
    保证金 服务费 工程款 款项 货款 价款 业务量 交易量 增长 下降 提高 降低 面积 数量""".split(),
    key=len,
    reverse=True,
)
MODIFIERS = sorted(
    """预留 采购 政府 合同 中标 成交 节约 财政 项目 执行 完成 交易 实际 授予 中小企业 小微企业 面向 脱贫地区
    农副产品 框架协议 电子卖场 网上商城 集中 分散 协议 定点 专项 扶贫 帮扶 消费 平均 总 招标 食堂 食材 工会 线上
    线下 同比 环比 节资 政采贷 信用 担保 累计 年度 货物 工程 服务 类 平台 单笔 预付款 首付款 一般 公开 意向 批量
    集采 支持 面向中小企业 农产品 地区 份额 资金 年均""".split(),
    key=len,
    reverse=True,
)
WORD = "|".join(HEADS + MODIFIERS)
METRIC = re.compile(f"(?:{WORD})*(?:{'|'.join(HEADS)})")
METRIC_AT_END = re.compile(f"(?:(?:{WORD})*(?:{'|'.join(HEADS)}))(?=(?:达到|达|为|是|共计|共|合计|总计|约|近|超过|超|逾|突破|已达|增至|降至|仅|高达|累计|的|分别为|分别|[^一-龥\\d]){{0,3}}$)")
METRIC_AFTER = re.compile(f"的?((?:{WORD})*(?:{'|'.join(HEADS)}))")
LEADING_VERB = re.compile(r"^(?:完成|实现|累计|共计|合计|总计|达成|共)")
BOUNDARY = re.compile(r"[，,：:、（）()“”\s]")


def clean(metric: str) -> str:
    """Drop a leading verb when a noun of three characters or more remains.

    >>> clean("完成交易额"), clean("完成比例")
    ('交易额', '完成比例')
    """
    stripped = LEADING_VERB.sub("", metric)
    return stripped if len(stripped) >= 3 else metric


def metric_before(text: str) -> str | None:
    """The metric ending just before a figure in ``text`` (the sentence up to the figure)."""
    clause_start = 0
    for m in BOUNDARY.finditer(text):
        clause_start = m.end()
    m = METRIC_AT_END.search(text, clause_start)
    if m:
        return clean(m.group())
    last = None
    for last in METRIC.finditer(text, clause_start):
        pass
    if last is None:
        for last in METRIC.finditer(text):
            pass
    return clean(last.group()) if last else None


def metric_after(text: str) -> str | None:
    """The metric right after a figure: ``的采购资金`` → 采购资金.

    >>> metric_after("的采购资金支持中小企业")
    '采购资金'
    """
    m = METRIC_AFTER.match(text)
    return clean(m.group(1)) if m else None
