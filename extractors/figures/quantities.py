"""Find figures in text: amount, unit, approximation and range, no meaning yet.

One compiled regex finds every number followed by a unit; :func:`scan`
turns each match into a :class:`Quantity` and drops what is not a figure
(years, ordinals, 一个-style articles, vague 数十万元).

>>> [(q.surface, q.kind, q.value, q.unit, q.approx) for q in scan("完成交易额达15077余万元，共57家，占比120.36%")]
[('15077余万元', 'money', 15077, '万元', '余'), ('57家', 'count', 57, '家', None), ('120.36%', 'percent', 120.36, '%', None)]
>>> [(q.surface, q.value, q.range_to, q.unit) for q in scan("单笔5至10亿元，增长30%-40%")]
[('5至10亿元', 5, 10, '亿元'), ('30%-40%', 30, 40, '%')]
>>> [(q.surface, q.unit, q.value_yuan) for q in scan("贷款100万美元，决标金额达新台币856.3亿元")]
[('100万美元', '万美元', None), ('856.3亿元', '新台币亿元', None)]

Every figure also has its value in base units (the unit without its scale), and
numbers that are implied or rough are read as such:

>>> [(q.surface, q.base_value, q.base_unit, q.approx, q.range_to) for q in scan("带动上万人就业，萬餘種商品，七八百元，合同金额3600万")]
[('上万人', 10000, '人', '超', None), ('萬餘種', 10000, '种', '余', None), ('七八百元', 700, '元', None, 800), ('3600万', 36000000, '元', None, None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.figures.numerals import NORMAL_FORM, NOT_NORMAL, SCALES, parse_number, parse_range, whole
from extractors.text.script import simplified_in_place

AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![包段号])\d{1,3}(?:[ ]\d{3})+(?:\.\d+)?(?=[^\d\s.,])|\d+(?:\.\d+)?"  # (1 682份, 2 146.7万元: thousands set apart by a space; not 包1 340万元)
DIGIT_CHARS = "〇零一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
CN_CHARS = DIGIT_CHARS + "百千万亿佰仟"
# a Chinese number holds a digit (三千, 十二亿), or is a bare 百/千 before 万/亿 (突破千亿元)
CN = rf"[{CN_CHARS}]*[{DIGIT_CHARS}][{CN_CHARS}]*(?:点[〇零一二三四五六七八九]+)?|[百千][万亿]+(?=元)"
NUM = rf"(?:{AR}|{CN})"
SCALE = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
SCALE_CHARS = "万亿千百十"
SEP = r"\s?[-—–~～至到]\s?"

# unit → kind; the order inside each kind matters (longest first)
UNIT_KINDS: list[tuple[str, str]] = [
    ("money", r"美元|欧元|港元|港币|日元|英镑|澳门元|澳门币|澳元|元(?![旦素化件宵器首老音])"),
    ("points", r"个百分点|百分点"),
    ("percent", r"%"),
    ("area", r"平方公里|平方千米|平方米|平米|㎡|亩|公顷"),
    ("duration", r"个工作日|个月|个小时|小时|分钟|工作日|日历天|天|周(?!年)|年(?![月度级底初末前中])|日"),
    ("weight", r"万吨|吨|公斤|千克|斤"),
    ("count", r"人次|批次|大类|家|个|款|项(?!目)|起(?![步价拍售订征算点始止付息来草])|台|人|次|批|县|件|套|辆|所|名|份(?!额)|笔|场|条|种|户|座|栋|张|册|位|只|头|箱|宗|例|间|艘|架|类|部门|块|处(?![理罚置长室分级])|单(?![位价据独一元])|案(?![件例由])|分(?![钟之别期类批成配段包项析解散管担享支局])"),
]
KINDS = [kind for kind, _ in UNIT_KINDS]
COUNT_UNITS = dict(UNIT_KINDS)["count"]
UNIT = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in UNIT_KINDS)
APPROX_AFTER = "左右|以上|以下"
# approximation words written before a figure, and their normal form; 约 must not end 签约/节约/合约
APPROX_BEFORE = re.compile(
    r"(?:不得超过|不得高于|不得低于|不得少于|不超过|不高于|不多于|不低于|不少于|超过|突破|高于|大约|将近|接近|不到|不足|低于"
    r"|近|逾|超|(?<![签节合预制条公契违履邀集特简])约)$"
)
APPROX_NORMAL = {"超过": "超", "突破": "超", "高于": "超", "大约": "约", "将近": "近", "接近": "近", "不足": "不到",
                 "低于": "不到", "不超过": "以下", "不高于": "以下", "不多于": "以下", "不低于": "以上", "不少于": "以上",
                 "不得超过": "以下", "不得高于": "以下", "不得低于": "以上", "不得少于": "以上", "来": "约"}  # (三百来万元: about)

FIGURE = re.compile(
    rf"""(?=[\d{CN_CHARS}亿¥￥]|[上近逾超][百千万亿])(?<![\d.,A-Za-z第#/\\])(?<!第[{CN_CHARS}])(?<!第[{CN_CHARS}]{{2}})(?:  # (第十五次: an ordinal)
      (?:(?P<n1>{NUM})(?P<a1>余|多|来(?=[{SCALE_CHARS}元块个家人年天]))?(?P<s1>{SCALE})?(?P<a3>余|多|来(?=[元块个家人]))?
         (?:(?P<u1>元|%)?(?P<sep>{SEP})(?P<n2>{NUM})(?P<a2>余|多)?(?P<s2>{SCALE})?)?
       | (?<![{CN_CHARS}数几成])(?P<imp>(?P<ia>[上近逾超])(?P<is>[百千万亿])(?P<ib>余|多)?|(?P<is2>[百千万亿])(?P<ib2>余|多))
      )(?:{UNIT})
    | 百分之(?P<pn>{NUM})
    | [¥￥]\s?(?P<yen>{AR})(?![\d.])  # ¥3,868,000.00
    | (?P<cheng>[一二两三四五六七八九1-9])成(?P<half>半)?(?![交本立员功效果绩为熟型品都就长])  # 三成, 三成半
    | (?<=[超破近逾])(?P<yi>亿元)
    | (?P<zhao>\d+(?:\.\d+)?)(?P<zword>兆|万|亿)零?(?:(?P<zrest>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,4}}(?:\.\d+)?)(?P<zunit>亿|万)?)?(?P<za>余|多)?(?:(?P<zcur>澳门元|港元|美元|元)|(?<=\d)(?P<zc>{COUNT_UNITS}))
      # 1兆2,487亿元, 3万3929.6亿元, 98亿6,400万元, 4万2,800元, 1兆2,836億餘元, 28億6,530萬澳門元, 4億零400萬元: a larger
      # unit and the rest in a smaller one; 18萬4,265件 a count
    | (?P<bare>{AR})(?P<bs>万|亿)(?![\w%])
    | (?P<bracketed>{AR})[（(](?P<bu>万元|元|亿元)[)）]  # 中标金额：386.8（万元）
    )(?P<post>{APPROX_AFTER})?""",
    re.VERBOSE,
)
# money written without 元 (合同金额3600万): a bare 万/亿 after a word for an amount of money
MONEY_BEFORE = re.compile(r"(?:金额|资金|经费|预算|投资|价款|款|费|价|额|成本|收入|支出|开支|贷款|规模|总值|资助|公帑"
                          r"|澳门元|澳門元|港元|人民币|贷了|贷到|省了|省下)"
                          r"(?:达到|达|为|约为|约|共计|共|合计|累计|超过|超|逾|近|是|[:：]\s?)?$")  # (澳門元38.7億, 贷了120万)
# a unit said once for the prose after it (（单位：万元、%）), and a bare number there: after a word, before
# punctuation (采购预算492316.8，; not a table's cell after a tab, nor 2021年, nor 项目1024个)
DECLARED = re.compile(r"单位[:：]\s*(?P<units>(?:亿元|万元|元|%)(?:[、，,/\s]*(?:亿元|万元|元|%))*)")
BARE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=[，,。；;、）)\s]|$)")
# (a whole number only after a word for an amount or a rate: 采购预算1863520, not 项目1024 or 2021)
BARE_WHOLE = re.compile(r"(?<=[\u4e00-\u9fff])(?P<n>\d{2,})(?=[，,。；;、）)\s]|$)")
# a line of labelled numbers under a unit said once, a table row in prose: 市本级55557；麒麟区61284；沾益区28436。,
# 政府采购规模：2015年286431，2016年312785，2017年358062；
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ITEM = rf"(?:[\u4e00-\u9fff（）()]{{2,12}}|(?:19|20)\d{{2}}年度?)[ \t\u3000]?{_NUMBER}"  # (全市合计 684500: a space may part them)
ROW_LINE = re.compile(rf"^(?:[^\d\n：:]{{1,16}}[:：])?(?:{_ITEM}[，,；;、]\s*){{2,}}{_ITEM}[。；;]?$", re.MULTILINE)
# or a column of them, a name and its number a line (襄城区 4.06 / 樊城区 5.47 / 襄州区 9.12)
_LINE_ITEM = rf"^[\u4e00-\u9fff（）()]{{2,12}}[ \t\u3000]+{_NUMBER}[ \t]*$"
COLUMN_LINES = re.compile(rf"(?:{_LINE_ITEM}\n){{2,}}{_LINE_ITEM}", re.MULTILINE)
COLUMN_NUMBER = re.compile(rf"(?<=[ \t\u3000])(?P<n>{_NUMBER})(?=[ \t]*$)", re.MULTILINE)
ROW_NUMBER = re.compile(rf"(?:(?<=[\u4e00-\u9fff）)])|(?<=[\u4e00-\u9fff）)][ \t\u3000]))(?P<n>{_NUMBER})(?=[，,；;、。]|$)", re.MULTILINE)
# a field whose name says its unit: 预算金额（万元）：386.5
LABELLED = re.compile(r"[（(](?P<unit>亿元|万元|元)[)）][:：]\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,%\w])")
RATE_BEFORE = re.compile("(?:率|占|比重|比例|增长|下降|增幅|降幅)[\u4e00-\u9fff]{0,2}$")
PLACE_AFTER = re.compile("[县市区镇乡村山路街]")  # after a place's name that reads like a count (三台县)
PRICE_BEFORE = re.compile("价|贵|便宜|卖|花|才|要|省|钱|费|值|涨|降")  # (a clause about a price, before 块)
JIAO = re.compile(r"[1-9一二三四五六七八九](?![\d.一二三四五六七八九十百千万亿块元个])")  # 1块5, 三块五 (not 1块50)
IMPLIED_APPROX = {"上": "超", "近": "近", "逾": "逾", "超": "超"}
VAGUE_BEFORE = "数几上成好"
IDIOMS = {"二次", "四处", "两处", "多处"}
# foreign money: 100万美元 (value_yuan stays None: no exchange rate here), 新台币856.3亿元
FOREIGN = ("美元", "欧元", "港元", "日元", "澳门元", "澳元")
FOREIGN_BEFORE = re.compile(r"(新台币|台币|港币|美元|澳门元|澳元)(?:达|约|为|共|计|超)?$")
SESSION = re.compile("(?:全体)?(?:会议|全会)")  # after 届…次: a numbered session (十七届人大五次会议)
RANK_BEFORE = re.compile(r"(?:[前后第]|[列居排名](?:[一二三四五六七八九十\d]+、)+)$")  # 分列二、三位: ranks, not people
DAYS_BEFORE = re.compile("(?:前|后|提前|至少|不少于|不超过|缩短|延长|满|期)$")
DAYS_AFTER = re.compile("内|以内|之内|后")
YEARS_BEFORE = re.compile("(?:为期|期限|期|延长|缩短|满|禁止|限制|连续|连降|长达|徒刑|缓刑|拘役至|不少于|不足|超过|达)$")
FIRST_MONTHS_AFTER = re.compile("[，,、]|累计|共|全|[\u4e00-\u9fff]{0,4}(?:完成|实现|达)")


@dataclass
class Quantity:
    """A figure's amount as written: ``15077余万元`` → 15077, 万元, approx 余."""

    surface: str
    kind: str
    value: float | int
    unit: str
    start: int
    end: int
    approx: str | None = None
    range_to: float | int | None = None
    value_yuan: float | int | None = None
    base_value: float | int | None = None
    base_unit: str | None = None


def _split_scale(number: str, scale: str | None) -> tuple[str, str]:
    """Move a Chinese number's trailing 万/亿 into the unit: 一千二百万 → (一千二百, 万)."""
    if scale and not number[0].isdigit() and "亿" in number and scale == "万":
        return number, scale  # 五亿八千六百 + 万: see _mixed_scales
    if scale or number[0].isdigit():
        return number, scale or ""
    for s in ("万亿", "亿", "万"):
        if number.endswith(s) and len(number) > len(s):
            return number[: -len(s)], s
    return number, ""


def _mixed(number: str) -> tuple[float | int | None, str]:
    """A Chinese number with both 亿 and 万 in it, in 亿 (五亿八千六百万 → 5.86, 亿).

    >>> _mixed("五亿八千六百万")
    (5.86, '亿')
    """
    value = parse_number(number)
    return (None, "") if value is None else (whole(value / SCALES["亿"]), "亿")


def _spoken_money(text: str, start: int, end: int) -> bool:
    """块 as spoken yuan: before 钱 (两块钱), or after a word of price in its clause and before no noun it
    would count (网上同样面料的才一百五六十块, 便宜了三百来块; not 安装了三块屏幕).

    >>> _spoken_money("学校这个贵了一百多块。", 6, 10), _spoken_money("更换了三块显示屏", 3, 5)
    (True, False)
    """
    if text.startswith("钱", end) or JIAO.match(text, end):
        return True
    if end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "的左右多上下":
        return False
    return PRICE_BEFORE.search(text[max(0, start - 16) : start].split("，")[-1].split("。")[-1]) is not None


def _quantity(m: re.Match[str], text: str) -> Quantity | None:
    start, end = m.span()
    g = m  # its groups read by name (m["post"]), not copied into a dict of all 40 for each figure
    approx = g["post"]
    scale, range_to = "", None
    if g["cheng"]:
        kind, value, unit = "percent", parse_number(g["cheng"]) * 10 + (5 if g["half"] else 0), "%"  # type: ignore[operator]
    elif g["yen"]:
        kind, value, unit = "money", parse_number(g["yen"]), "元"
    elif g["yi"]:  # 超亿元: more than one hundred million
        kind, value, unit, scale = "money", 1, "亿元", "亿"
    elif g["pn"]:
        kind, value, unit = "percent", parse_number(g["pn"]), "%"
        if value is None:
            return None
    elif g["zhao"]:  # 兆 = 万亿: 1兆2,487亿元 is 12487亿元, 1.5兆元 1.5万亿元; 3万3929.6亿元 is 33929.6亿元
        kind, word, rest = "money", g["zword"] + (g["zunit"] or ""), float((g["zrest"] or "0").replace(",", ""))
        if g["zc"]:  # 18萬4,265件 is 184265件
            if not (g["zrest"] and word == "万"):
                return None
            kind, value, unit, scale = "count", whole(float(g["zhao"]) * 10_000 + rest), g["zc"], ""
        elif g["zrest"] and word in ("兆亿", "万亿"):
            value, scale = whole(float(g["zhao"]) * 10_000 + rest), "亿"
        elif g["zrest"] and word == "亿万":  # 98亿6,400万元 is 98.64亿元
            value, scale = whole(round(float(g["zhao"]) + rest / 10_000, 6)), "亿"
        elif g["zrest"] and word == "万":  # 4万2,800元 is 42800元
            value, scale = whole(float(g["zhao"]) * 10_000 + rest), ""
        elif not g["zrest"] and word == "兆":
            value, scale = parse_number(g["zhao"]), "万亿"
        else:
            return None  # 3万元 is read by the main pattern; this alternative only joins a unit to a smaller one
        unit, approx = unit if g["zc"] else scale + g["zcur"], approx or g["za"]
    elif g["bracketed"]:
        kind, value, unit = "money", parse_number(g["bracketed"]), g["bu"]
        scale = unit[:-1]
    elif g["bare"]:  # 3600万 with no unit: money after a word for money, else not a figure
        if not MONEY_BEFORE.search(text, max(0, start - 8), start):
            return None
        kind, value, scale = "money", parse_number(g["bare"]), g["bs"]
        unit = scale + "元"
    else:
        kind = next(k for k in KINDS if g[k])
        word = g[kind]
        if g["imp"]:  # 上万人, 近万件, 万余种: the number is one of its scale
            value, scale = 1, g["is"] or g["is2"]
            approx = IMPLIED_APPROX.get(g["ia"] or "") or g["ib"] or g["ib2"]
            unit = scale + word
        else:
            if g["n1"][0] in CN_CHARS and start and text[start - 1] in VAGUE_BEFORE:
                return None  # 数十万元, 上百家 written 上 + a Chinese numeral: no amount
            n1, scale = _split_scale(g["n1"], g["s1"])
            if g["n2"]:
                n2, s2 = _split_scale(g["n2"], g["s2"])
                scale = scale or ("" if g["u1"] else s2)
                upper = parse_number(n2)
                if upper is None:
                    return None
                range_to = whole(upper * SCALES.get(s2, 1) / SCALES.get(scale, 1))
            rough = parse_range(n1) if not n1[0].isdigit() and not g["n2"] else None
            value = rough[0] if rough else parse_number(n1)
            if not rough and not g["n2"] and scale == "万" and "亿" in n1 and not n1[0].isdigit():
                value, scale = _mixed(n1 + scale)  # 五亿八千六百万元: 5.86亿元, not 500008600万元
            if rough:  # 七八百元: 700 to 800
                range_to = rough[1]
            if value is None:
                return None
            if kind == "count" and word == "块" and _spoken_money(text, start, end):
                kind, word = "money", "元"  # 一百多块, 3块钱: yuan, as spoken; 1块5 and 三块五: and its jiao
                if (jiao := JIAO.match(text, end)) is not None and not g["n2"]:
                    value, end = value + parse_number(jiao.group()) / 10, jiao.end()
                end += text.startswith("钱", end)
            unit = scale + word
            approx = approx or g["a1"] or g["a3"] or g["a2"]
            if kind == "count" and word == "分" and not n1[0].isdigit():
                return None  # 十分重要, 三分之一: a word, not a score (92.36分)
            if kind == "count" and value == 1 and not n1[0].isdigit():
                return None  # 一个平台, 一批企业: an article, not a count
            if kind == "count" and word == "台" and not n1[0].isdigit() and PLACE_AFTER.match(text, end):
                return None  # 三台县, 九台区, 五台山: a name, not a count (三个乡镇 is one)
            if kind == "count" and word in ("位", "名") and RANK_BEFORE.search(text, max(0, start - 12), start):
                return None  # 前两位, 后三位, 前3名, 分列二、三位: a rank
            if kind == "count" and word == "次" and SESSION.match(text, end) and "届" in text[max(0, start - 10) : start]:
                return None  # 县十七届人大五次会议: the fifth session, an ordinal
            if kind == "count" and not n1[0].isdigit() and (n1 + word in IDIOMS):
                return None  # 二次竞价 (a second round), 四处找钱 (everywhere)
            if word.startswith("年") and (value >= 100 or len(n1) > 2):
                return None  # 2021年 is a year
            if kind == "count" and not n1[0].isdigit() and start and text[start - 1] in "“‘「":
                return None  # “两个确保”: a slogan
            if word == "日" and not (DAYS_BEFORE.search(text, max(0, start - 3), start) or DAYS_AFTER.match(text, end)):
                return None  # 7月21日 is a date; 开始前30日, 签订后60日内 are durations
            if word == "年" and not n1[0].isdigit() and not (YEARS_BEFORE.search(text, max(0, start - 3), start)
                                                            or DAYS_AFTER.match(text, end) or text.startswith(("间", "的"), end)):
                return None  # 过去一年, 一年来, 不平凡的一年: a time spoken of; 为期一年, 三年内, 三年间, 有期徒刑一年 are durations
            if word == "个月" and start and (text[start - 1] == "首" and (start < 2 or text[start - 2] not in "后後") or text[start - 1] == "前" and FIRST_MONTHS_AFTER.match(text, end)):
                return None  # 今年前7个月，…, 首九個月: a period, not a duration (启用后首三个月 is)
    if value is None:
        return None
    if approx is None:
        before = APPROX_BEFORE.search(text, max(0, start - 4), start)
        if before:
            approx = before.group()
            if g["n1"] and g["n1"][0] in "百千" or g["yi"]:
                start = before.start()  # 突破百亿元, 逾千万元: the number is implied, the word is part of the figure
    if kind == "duration" and approx == "近":
        approx = None  # 近三年: the last three years, not nearly three
    if start and text[start - 1] in "-−" and (start == 1 or text[start - 2] in "长加少降为至是、，,"):
        start, value = start - 1, -value  # 增长-3.1%, a table's cell −2.3: a negative figure, its sign part of it
    base_unit = unit[len(scale):] if unit.startswith(scale) else unit
    q = Quantity(text[start:end], kind, value, unit, start, end, APPROX_NORMAL.get(approx, approx), range_to,
                 base_value=whole(value * SCALES.get(scale, 1)), base_unit=base_unit)
    if kind == "money":
        currency = FOREIGN_BEFORE.search(text, max(0, start - 5), start - (1 if approx and start and text[start - 1] in "约近超逾" else 0))
        if currency:
            q.unit = currency.group(1) + unit  # 新台币856.3亿元: an amount, but not in yuan
            q.base_unit = currency.group(1) + base_unit
        elif unit[-1] == "元" and not unit.endswith(FOREIGN):
            q.value_yuan = q.base_value
    return q


def normal_form(text: str) -> str:
    """``text`` as figures are read, character for character (offsets hold): half-width digits and signs,
    simplified characters (萬餘種 → 万余种, 採購金額 → 采购金额, １２．５％ → 12.5%).

    >>> normal_form("採購金額１２．５萬元")
    '采购金额12.5万元'
    """
    if NOT_NORMAL.search(text):  # (a scan for the few such characters is 20 times faster than translating every one)
        text = text.translate(NORMAL_FORM)
    return simplified_in_place(text)


def _declared(normal: str) -> list[Quantity]:
    """The bare numbers of prose after a unit said once (单位：万元、%): 采购预算492316.8 is 492,316.8 万元,
    节约率4.8 and 占83.0 are percentages when % is declared (a table's cells are read by
    :mod:`extractors.figures.tables`); and a field's number after a name that says its unit.

    >>> [(q.value, q.unit) for q in _declared("（单位：万元、%）采购金额468702.5，节约率4.8，项目1024个，预算1863520。")]
    [(468702.5, '万元'), (4.8, '%'), (1863520, '万元')]
    >>> [(q.value, q.unit) for q in _declared("采购项目名称：教室照明改造，预算金额（万元）：386.5，预计采购时间：2024年6月")]
    [(386.5, '万元')]
    >>> [(q.value, q.unit) for q in _declared("（单位：万元）\\n市本级55557；麒麟区61284；沾益区28436。")]
    [(55557, '万元'), (61284, '万元'), (28436, '万元')]
    >>> [q.value for q in _declared("单位：万元\\n全市合计 684500；市本级 312456；麒麟区 85236。")]
    [684500, 312456, 85236]
    >>> [q.value for q in _declared("单位：亿元\\n襄城区 4.06\\n樊城区 5.47\\n襄州区 9.12")]
    [4.06, 5.47, 9.12]
    """
    out = [q for m in LABELLED.finditer(normal) if (q := _bare(m, m.group("unit")))]  # 预算金额（万元）：386.5
    declarations = list(DECLARED.finditer(normal))
    for m, after in zip(declarations, [*declarations[1:], None]):
        units = re.findall("亿元|万元|元|%", m.group("units"))
        end = after.start() if after else len(normal)
        wholes = (b for b in BARE_WHOLE.finditer(normal, m.end(), end)
                  if MONEY_BEFORE.search(normal, max(0, b.start() - 8), b.start()))
        rows = [b for line in ROW_LINE.finditer(normal, m.end(), end) for b in ROW_NUMBER.finditer(normal, *line.span())]
        rows += [b for block in COLUMN_LINES.finditer(normal, m.end(), end) for b in COLUMN_NUMBER.finditer(normal, *block.span())]
        for b in sorted([*BARE_NUMBER.finditer(normal, m.end(), end), *wholes, *rows], key=lambda b: b.start()):
            rate = RATE_BEFORE.search(normal, max(0, b.start() - 4), b.start()) is not None
            unit = "%" if rate and "%" in units else None if rate else next((u for u in units if u != "%"), None)
            if unit and (q := _bare(b, unit)) and all(q.start != x.start for x in out):
                out.append(q)
    return out


SHARED_BEFORE = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)(?:、|和|及|与)$")  # 1.6、4.2和 before 5.7个百分点
RESPECTIVE = re.compile(r"分别[^，。；,;\d]{0,16}$")


def _shared(normal: str, found: list[Quantity]) -> list[Quantity]:
    """The bare numbers of a list after 分别 that share the unit written after its last (分别提升1.6、4.2和5.7个百分点:
    1.6 and 4.2 are points too).

    >>> [(q.value, q.unit) for q in _shared("分别提升1.6、4.2和5.7个百分点", _read("分别提升1.6、4.2和5.7个百分点"))]
    [(1.6, '个百分点'), (4.2, '个百分点')]
    """
    out: list[Quantity] = []
    for q in found:
        listed, at = [], q.start
        while (m := SHARED_BEFORE.search(normal, max(0, at - 16), at)) is not None:
            listed.append(m)
            at = m.start()
        if listed and RESPECTIVE.search(normal, max(0, at - 20), at):
            out += [b for m in reversed(listed) if (b := _bare(m, q.unit))]
    return out


def _bare(m: re.Match[str], unit: str) -> Quantity | None:
    """The bare number of ``m`` (its group ``n``) read in ``unit``, at its place in the text."""
    q = next(iter(_read(m.group("n").replace(",", "") + unit)), None)
    if q is not None:
        q.start, q.end = m.span("n")
    return q


def _read(normal: str) -> list[Quantity]:
    return [q for m in FIGURE.finditer(normal) if (q := _quantity(m, normal)) is not None]


def scan(text: str, normal: str | None = None) -> list[Quantity]:
    """Every figure in ``text`` with its amount, in order of appearance (``normal``: its
    :func:`normal_form`, when the caller has it)."""
    normal = normal or normal_form(text)
    out = _read(normal)
    if "单位" in normal or "元）" in normal or "元)" in normal:
        out = sorted(out + _declared(normal), key=lambda q: q.start)
    if "分别" in normal:
        out = sorted(out + _shared(normal, out), key=lambda q: q.start)
    for q in out:
        q.surface = text[q.start : q.end]
    return out
