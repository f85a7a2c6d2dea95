"""Tables flattened into text: a header of column names, then rows of a label and bare numbers (also a
register's rows, whose numbers stand among cells of words), and ledgers: lines of a name and a number under
a unit line, each a part of the line indented less above it.

Yearbooks and work reports print their figures in tables whose cells carry no unit: the unit
is said once, in the header (采购预算（万元）) or in a line above it (单位：亿元、%). Each cell is a
figure of its row and its column: 公开招标 × 采购预算（万元） → 98,763.52 万元 of 公开招标采购预算;
政府采购规模 × 2017年 → 138.62 亿元 of 2017.

>>> text = "单位：亿元、%\\n指标\\t2017年\\t2018年\\n政府采购规模\\t138.62\\t152.10\\n#货物类\\t31.27\\t33.85\\n资金节约率(%)\\t5.8\\t6.1"
>>> [(c.text, c.unit, c.row, c.column) for c in cells(text)][::2]
[('138.62', '亿元', '政府采购规模', '2017年'), ('31.27', '亿元', '货物类', '2017年'), ('5.8', '%', '资金节约率', '2017年')]
>>> [c.under for c in cells(text)][2:4], cells(text)[2].of
([True, True], 0)
>>> [(c.text, c.row, c.column) for c in cells("（单位：万元）\\n| 项目 | 合计 | 货物 |\\n|---|---|---|\\n| 政府采购支出 | 487215.36 | 236418.92 |")]
[('487215.36', '政府采购支出', '合计'), ('236418.92', '政府采购支出', '货物')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = re.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")  # (−2.3: a minus sign, U+2212)
CELL_GAP = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+")  # tabs, spaces, or pipes (项目 | 合计 | 货物)
WIDE_GAP = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]*[\t\u3000][ \t\u3000]*| {2,}")
SPACED_NUMBER = re.compile(r"\S \d|\d \S")
EMPTY = re.compile(r"[—\-－/…]*")  # a cell left empty (渭源县教育局  812.4  812.4  —)
# a row's number in its table, not its label (1, 二、, （3）); after it, the row's first word is its label
SERIAL = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]?|[（(][一二三四五六七八九十\d]{1,3}[)）]|…+")
NAMES = re.compile(r"名称$")  # the column that names a row (项目名称, 设备名称)
SUBHEADING = re.compile(r"[^\d]{2,16}[分：:]")  # 按采购类别分： inside a table: its rows go on after it
NOT_FIGURES = re.compile(r"序号|编号|日期|时间|电话|代码|年份")  # columns of numbers that are no amounts
RULE = re.compile(r"[\s|｜:：\-—+]*")  # a line that only draws the table (|---|---|)
UNIT_LINE = re.compile(r"单位[:：]\s*(?P<units>(?:亿元|万元|元|%|个|家|项)(?:[、，,/\s]*(?:亿元|万元|元|%|个|家|项))*)")
UNIT_IN_NAME = re.compile(r"[（(](?P<unit>万元|亿元|元|%|个|家|项|笔|人|次|份|台|套|件|张|辆)[)）]$")
# a column of counts (项目数, 数量), not of amounts (绝对数, 预算数)
COUNTED = re.compile(r"(?:[个家笔宗项次]数|数量)$|^(?:项目|标段|合同|供应商|企业|单位)数$")
COUNT_UNITS = ("个", "家", "项")
LEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|其中[:：]?)*")
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|附[:：])")  # 一、收入
NOTE = re.compile(r"[（(][^（()）]*\d[^（()）]*[)）]$")  # a row's note on what was bought (病房护理床（60张）)
MONEY_UNITS = ("亿元", "万元", "元")
RATE_WORDS = re.compile(r"%|率|占比|比重|比例|增长|增减|增幅|下降")
CHANGE_WORDS = re.compile(r"增长|增减|增幅|下降|比上年|同比")
# 合计, 全市, 全州合计, 支出合计
TOTAL = re.compile(r"^(?:全[省市县区州盟旗]|(?:本年)?[收支]出|收入)?(?:合计|总计|小计)$|^全[省市县区州盟旗]$|^总额$")
PART_MARK = re.compile(r"^(?:#|＃|其中[:：]?|——|-)")
# a column of one period (2017年, 本月, 1—8月累计): the table's rows name what was measured
YEAR_LABEL = re.compile(r"((?:19|20)\d{2})年?度?")  # a row or column of one year (2016, 2017年, 2018年度)
PERIOD_COLUMN = re.compile(rf"^(?:{YEAR_LABEL.pattern}|本月|当月|本期|本年|上年同期|同期|累计|[\d—\-～~至]{{1,5}}月(?:份)?(?:累计)?)$")


@dataclass
class Cell:
    """A number of a table at ``start:end`` with the ``unit`` its header gives, its ``row`` label and
    ``column`` name; ``total`` when its row sums the others (合计), ``under`` when the row is marked as a
    part of the row above (#货物类), ``of``: the index (among the cells) of the cell of its column in that row
    above or in the total row; ``change`` when its column is a change (比上年增长); ``by_period`` when the
    table's columns are periods (2017年, 本月, 1—8月累计), so that its rows name what was measured; ``year`` when its
    row is one year's (年份 采购预算 … / 2016 433510 …), so that only its column names what was measured."""

    text: str
    start: int
    end: int
    unit: str
    row: str
    column: str
    total: bool = False
    under: bool = False
    of: int | None = None
    change: bool = False
    by_period: bool = False
    year: str | None = None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _tokens(line: str, offset: int) -> list[tuple[str, int]]:
    """The cells of a line with where each starts: split at tabs, pipes, ideographic spaces or runs of
    spaces when the line has them (采购预算  财政拨款, so that 单位名称 / 采购项目 stays one cell), else at
    single spaces; letters spaced out one by one are one cell (指 标 名 称, 合  计)."""
    if line.count("丨") >= 2:
        line = line.replace("丨", "|")  # (序号 丨 采购项目名称 丨 …: a pipe typed as the character 丨)
    piped = "|" in line or "｜" in line
    parts = WIDE_GAP.split(line)
    if WIDE_GAP.search(line.strip()) is None or not piped and any(SPACED_NUMBER.search(t) for t in parts):
        parts = CELL_GAP.split(line)  # (全　市 165393.5 154627.5: a name spaced out, not wide gaps)
    out: list[tuple[str, int]] = []
    pos = 0
    for k, part in enumerate(parts):
        at = line.index(part, pos) if part else pos
        if part or piped and 0 < k < len(parts) - 1:
            out.append((part, offset + at))  # (合计 |  |  | 905.50: the cells pipes leave empty hold their place)
        pos = at + len(part)
    joined: list[tuple[str, int]] = []
    for k, (part, at) in enumerate(out):
        alone = len(part) == 1 and "\u4e00" <= part <= "\u9fff"
        if alone and joined and k and len(out[k - 1][0]) == 1 and "\u4e00" <= out[k - 1][0] <= "\u9fff" \
                and not SERIAL.fullmatch(joined[-1][0]):
            joined[-1] = (joined[-1][0] + part, joined[-1][1])
        else:
            joined.append((part, at))
    return joined


def _unit(column: str, row: str, declared: list[str]) -> str | None:
    """A cell's unit: its column's own (采购预算（万元）), else a rate for a rate's row or column when the
    table declares % (资金节约率(%), 比上年增长), else the money unit the table declares."""
    for name in (column, row):
        if (m := UNIT_IN_NAME.search(name)) is not None:
            return m.group("unit")
    if RATE_WORDS.search(row) or RATE_WORDS.search(column):
        return "%" if "%" in declared or "%" in row or "%" in column else None
    if COUNTED.search(column):
        return next((u for u in declared if u in COUNT_UNITS), None)  # 项目数 under 单位：个、万元
    return next((u for u in declared if u in MONEY_UNITS), None)


def _clean(name: str) -> str:
    name = SPACED.sub("", name.strip())  # (合 计)
    return PART_MARK.sub("", ENUMERATED.sub("", NOTE.sub("", UNIT_IN_NAME.sub("", name)))).strip()


def cells(text: str) -> list[Cell]:
    """The numbers of every table in ``text`` that has a header row (names, or years, only) followed by rows of
    a label and numbers: a row as long as the header puts each number under its column, also beside cells of
    words (a register's 序号 项目名称 采购方式 预算金额 成交金额 供应商); a shorter row of a label and numbers
    (合计 711500 669880) fills the columns of numbers from the left.

    >>> text = "单位：元\\n序号 项目名称 采购方式 预算金额 成交金额\\n1 空调更换 询价 186000 172400\\n合计 186000 172400"
    >>> [(c.text, c.row, c.column, c.total) for c in cells(text)][1:3]
    [('172400', '空调更换', '成交金额', False), ('186000', '合计', '预算金额', True)]
    """
    out: list[Cell] = []
    declared: list[str] = []
    header: list[tuple[str, int]] | None = None
    rows_start, numeric = 0, []
    items: list[tuple[int, str, str, int]] | None = None  # a ledger's lines under its unit line, while it goes on
    for offset, line in _lines(text):
        if (m := UNIT_LINE.search(line)) is not None:
            out += _ledger(items or [], declared, len(out))
            declared, header, items = re.findall("亿元|万元|元|%|个|家|项", m.group("units")), None, []  # (金额单位：万元)
            continue
        if line.strip() and RULE.fullmatch(line):
            continue
        tokens = _tokens(line, offset)
        if header is None and items is not None and (item := _item(line, tokens)) is not None:
            items.append(item)
            continue
        out += _ledger(items or [], declared, len(out))
        items = None
        if header is not None and (row := _row(tokens, header, numeric)) is not None:
            label, placed = row
            under = PART_MARK.match(label) is not None
            by_period = any(PERIOD_COLUMN.match(_clean(name)) for name, _ in header[1:])
            for (value, start), column in placed:
                numeric = sorted({*numeric, column})
                unit = _unit(header[column][0], label, declared)
                if unit is None or value.endswith("%") or EMPTY.fullmatch(value):
                    continue  # (7.65% carries its own unit: read with the text)
                name = header[column][0]
                out.append(Cell(value, start, start + len(value), unit, _clean(label), _clean(name),
                                total=TOTAL.match(_clean(label)) is not None, under=under,
                                change=CHANGE_WORDS.search(name) is not None, by_period=by_period,
                                year=(year := YEAR_LABEL.fullmatch(_clean(label))) and year.group(1)))
            continue
        if header is not None and len(tokens) == 1 and SUBHEADING.fullmatch(tokens[0][0]):
            continue  # 按采购类别分：
        if len(tokens) >= 3 and not any(NUMBER.match(t) for t, _ in tokens) and all(len(t) <= 16 for t, _ in tokens):
            header, rows_start, numeric = tokens, len(out), []  # a new table's column names
        elif header is not None:
            _link(out[rows_start:], rows_start)
            header, declared = None, declared if not line.strip() else []
    if header is not None:
        _link(out[rows_start:], rows_start)
    return out + _ledger(items or [], declared, len(out))


def _item(line: str, tokens: list[tuple[str, int]]) -> tuple[int, str, str, int] | None:
    """A ledger's line of a name and its number (　其中：上级转移支付　　120,000.00) as how far its name is
    indented (counting its enumerator, 一、 or 1．, and 其中：), its name, its number and where that starts;
    else None."""
    if len(tokens) != 2 or NUMBER.match(tokens[0][0]) or not NUMBER.match(tokens[1][0]) or tokens[1][0].endswith("%"):
        return None
    name = line.lstrip(" \t\u3000")
    indent = len(line) - len(name) + len(LEADING.match(name).group())
    return indent, tokens[0][0], *tokens[1]


def _ledger(items: list[tuple[int, str, str, int]], declared: list[str], first: int) -> list[Cell]:
    """The cells of a ledger under a unit line, each a part of the line above it that is indented less
    (一、收入合计 / 　其中：上级转移支付 / 　　　　集体资产租赁收入: both parts of 收入合计); a list that
    indents nothing (襄城区 4.06 / 樊城区 5.47) is left to the reader of prose.

    >>> ledger = cells("单位：万元\\n一、收入合计　486.72\\n　1．上级补助收入　412.30\\n　2．其他收入　74.42\\n二、支出合计　471.05")
    >>> [(c.row, c.of) for c in ledger]
    [('收入合计', None), ('上级补助收入', 0), ('其他收入', 0), ('支出合计', None)]
    """
    if len(items) < 2 or not any(indent for indent, *_ in items):
        return []
    out: list[Cell] = []
    at: dict[int, int] = {}  # an item's index among the cells
    for k, (indent, name, value, start) in enumerate(items):
        of = next((at.get(j) for j in range(k - 1, -1, -1) if items[j][0] < indent), None)
        if (unit := _unit("", name, declared)) is not None:
            at[k] = first + len(out)
            out.append(Cell(value, start, start + len(value), unit, _clean(name), "", total=TOTAL.match(_clean(name)) is not None,
                            under=of is not None, of=of, by_period=True))
    return out


def _row(tokens: list[tuple[str, int]], header: list[tuple[str, int]],
         numeric: list[int]) -> tuple[str, list[tuple[tuple[str, int], int]]] | None:
    """A row's label and its numbers each with the index of its column, or None when ``tokens`` is no row of
    the table: the label is its first cell after its serial number (1, 二、), a name or a year; ``numeric``: the
    columns that held numbers in the rows above (where a shorter row's numbers go; before any, its header's last)."""
    if not tokens:
        return None
    if len(tokens) < len(header) and any(not t for t, _ in tokens):
        tokens = tokens + [("", 0)] * (len(header) - len(tokens))  # (合计｜｜｜650｜: pipes keep the places)
    figure = [NUMBER.match(t) is not None or EMPTY.fullmatch(t) is not None for t, _ in tokens]
    at = 1 if len(tokens) > 1 and SERIAL.fullmatch(tokens[0][0]) else 0
    if len(tokens) == len(header):  # (科室 设备名称 数量 金额: a row is named by its column of names)
        at = next((k for k, (name, _) in enumerate(header) if NAMES.search(name) and not figure[k]), at)
    if figure[at] and not YEAR_LABEL.fullmatch(tokens[at][0]) or sum(figure[at + 1:]) == 0:
        return None  # (2016 433510 402317: a year's row)
    if len(tokens) == len(header):
        placed = [(tokens[k], k) for k in range(at + 1, len(tokens))
                  if figure[k] and not NOT_FIGURES.search(header[k][0])]
        words = len(tokens) - at - 1 - sum(figure[at + 1:])
        return (tokens[at][0], placed) if placed and (words == 0 or len(header) >= 4) else None
    rest = tokens[at + 1:]
    columns = numeric or [k for k in range(1, len(header)) if not NOT_FIGURES.search(header[k][0])][-len(rest):]
    if at == 0 and all(figure[1:]) and len(rest) <= len(columns) and len(tokens) < len(header):
        return tokens[0][0], list(zip(rest, columns))  # (合  计  2846.37  2516.83  329.54 above the rows: the last columns)
    return None


def _link(table: list[Cell], first: int) -> None:
    """Each part's ``of``: the cell of its column in the row above it that is not a part (#货物类 under
    政府采购规模), else in the table's total row (合计); a rate is no part (货物类节约率 of 合计's)."""
    totals = {c.column: first + k for k, c in enumerate(table) if c.total}
    above: dict[str, int] = {}
    for k, c in enumerate(table):
        if c.unit == "%":
            continue
        if c.under:
            c.of = above.get(c.column)
        elif not c.total and not c.change:
            c.of = totals.get(c.column)
            above[c.column] = first + k
