"""Tables flattened into text: a header of column names, then rows of a label and bare numbers.

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
CELL_GAP = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+")  # tabs, runs of spaces, or pipes (项目 | 合计 | 货物)
RULE = re.compile(r"[\s|｜:：\-—+]*")  # a line that only draws the table (|---|---|)
UNIT_LINE = re.compile(r"单位[:：]\s*(?P<units>(?:亿元|万元|元|%|个|家|项)(?:[、，,/\s]*(?:亿元|万元|元|%|个|家|项))*)")
UNIT_IN_NAME = re.compile(r"[（(](?P<unit>万元|亿元|元|%|个|家|项|笔|人|次|份)[)）]$")
MONEY_UNITS = ("亿元", "万元", "元")
RATE_WORDS = re.compile(r"%|率|占比|比重|比例|增长|增减|增幅|下降")
CHANGE_WORDS = re.compile(r"增长|增减|增幅|下降|比上年|同比")
TOTAL = re.compile(r"^(?:全[省市县区州盟旗])?(?:合计|总计|小计)$|^全[省市县区州盟旗]$|^总额$")  # 合计, 全市, 全州合计
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
    """The cells of a line split at tabs or runs of spaces, with where each starts."""
    out, pos = [], 0
    for part in CELL_GAP.split(line):
        at = line.index(part, pos) if part else pos
        if part:
            out.append((part, offset + at))
        pos = at + len(part)
    return out


def _unit(column: str, row: str, declared: list[str]) -> str | None:
    """A cell's unit: its column's own (采购预算（万元）), else a rate for a rate's row or column when the
    table declares % (资金节约率(%), 比上年增长), else the money unit the table declares."""
    for name in (column, row):
        if (m := UNIT_IN_NAME.search(name)) is not None:
            return m.group("unit")
    if RATE_WORDS.search(row) or RATE_WORDS.search(column):
        return "%" if "%" in declared or "%" in row or "%" in column else None
    return next((u for u in declared if u in MONEY_UNITS), None)


def _clean(name: str) -> str:
    return PART_MARK.sub("", UNIT_IN_NAME.sub("", name.strip())).strip()


def cells(text: str) -> list[Cell]:
    """The numbers of every table in ``text`` that has a header row (names, or years, only) followed by rows of
    a label and as many numbers as the header has columns after its first."""
    out: list[Cell] = []
    lines = _lines(text)
    declared: list[str] = []
    header: list[tuple[str, int]] | None = None
    rows_start = 0
    for offset, line in lines:
        if (m := UNIT_LINE.search(line)) is not None:
            declared, header = re.findall("亿元|万元|元|%|个|家|项", m.group("units")), None  # (金额单位：万元)
            continue
        if line.strip() and RULE.fullmatch(line):
            continue
        tokens = _tokens(line, offset)
        numbers = [t for t in tokens[1:] if NUMBER.match(t[0])]
        if header is not None and len(tokens) == len(header) and len(numbers) == len(tokens) - 1:
            row, under = tokens[0][0], PART_MARK.match(tokens[0][0]) is not None
            by_period = any(PERIOD_COLUMN.match(_clean(name)) for name, _ in header[1:])
            for (value, start), (column, _) in zip(tokens[1:], header[1:]):
                unit = _unit(column, row, declared)
                if unit is None or value.endswith("%"):
                    continue  # (7.65% carries its own unit: read with the text)
                out.append(Cell(value, start, start + len(value), unit, _clean(row), _clean(column),
                                total=TOTAL.match(_clean(row)) is not None, under=under,
                                change=CHANGE_WORDS.search(column) is not None, by_period=by_period,
                                year=(year := YEAR_LABEL.fullmatch(_clean(row))) and year.group(1)))
            continue
        if len(tokens) >= 3 and not any(NUMBER.match(t) for t, _ in tokens) and all(len(t) <= 16 for t, _ in tokens):
            header, rows_start = tokens, len(out)  # a new table's column names
        elif header is not None:
            _link(out[rows_start:], rows_start)
            header, declared = None, declared if not line.strip() else []
    if header is not None:
        _link(out[rows_start:], rows_start)
    return out


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
