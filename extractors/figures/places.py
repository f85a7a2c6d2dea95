"""Places in text, from the gazetteer ``places.tsv`` (China's divisions, built by bench/figures_gazetteer.py).

:func:`find_places` returns each mention with the divisions its name may
mean (鼓楼区 is in 南京, 福州, 徐州 and 开封), references such as
全市/该市/市本级 with the level they refer to, and national words (全国,
中央); a place that starts an organisation's name (宜昌市中心医院,
广州银行) is marked as such. :func:`choose` picks one division with the
places the article has named; :func:`refer` resolves 全市-style references.
Subjects are stored as ``Division.full``: 广西壮族自治区, 河池市,
河池市东兰县 (a county with its prefecture).

>>> [(p.text, p.full, p.ref, p.org) for p in find_places("广东省广州市财政局称，全市、花都区和全区；广州银行")]
[('广东省', '广东省', None, False), ('广州市', '广州市', None, False), ('全市', None, '市', False), ('花都区', '广州市花都区', None, False), ('全区', None, '区', False), ('广州银行', '广州市', None, True)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib.resources import files


@dataclass(frozen=True)
class Division:
    """One administrative division: ``full`` as stored (河池市东兰县), its ``level`` (1 province,
    2 prefecture, 3 county) and the ``parent`` division's ``full``; ``renamed`` when the registry does not have
    it, only a county's name after a possible change of status (永嘉区 for 永嘉县)."""

    full: str
    level: int
    parent: str | None
    renamed: bool = False


def _load() -> tuple[dict[str, Division], dict[str, tuple[Division, ...]], dict[str, tuple[Division, ...]]]:
    divisions: dict[str, Division] = {}
    names: dict[str, list[Division]] = {}
    pinyin: dict[str, list[Division]] = {}
    for line in files("extractors.figures").joinpath("places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, full, level, parent, spelled, renamed = line.split("\t")
            d = divisions.setdefault(full, Division(full, int(level), parent or None, bool(renamed)))
            names.setdefault(name, []).append(d)
            if spelled and d not in pinyin.get(spelled, ()):
                pinyin.setdefault(spelled, []).append(d)
    freeze = lambda table: {k: tuple(v) for k, v in table.items()}  # noqa: E731
    return divisions, freeze(names), freeze(pinyin)


DIVISIONS, NAMES, PINYIN = _load()
# names by their first two characters, longest first; a regex finds where a name may start: a
# character names start with, before one that is some name's second (every name has two or more)
BY_PREFIX: dict[str, list[str]] = {}
for _name in sorted(NAMES, key=len, reverse=True):
    BY_PREFIX.setdefault(_name[:2], []).append(_name)
_FIRSTS, _SECONDS = (re.escape("".join(sorted({name[k] for name in NAMES}))) for k in (0, 1))
FIRST_CHAR = re.compile(f"[{_FIRSTS}](?=[{_SECONDS}])")
NOT_BEFORE = "省市区县州场盟旗"  # 广州市场 is not 广州 (广州市 is found whole)
OPENERS = set("在于到自从和与及的是为向对往赴至同跟去来")  # words a place may follow (a town's name is X丰镇)
WORD_AFTER = re.compile("市场|市政|市民|区域|县域|市域")  # 武侯区市场监管局, 江苏省市场监督管理局: a word after a full name
AFTER_BODY = set("局厅委办")  # 市财政局会同市金融办: right after a body's name comes a verb (会同), not a place
STREET_AFTER = re.compile(r"(?:路|街|大道|大街|巷|胡同)")  # 湖南路街道, 北京路: a street named after a place
TOWN_AFTER = re.compile(r"[^\W\d\s乡镇村](?:镇|乡|村)")  # 龙泉关镇 is a town, not 龙泉市 (广州新塘镇 is 广州's)
# 全市, 本市, 我市, 该市, 市本级, 自治区本级: the article's own place or the one named last
REFERENCE = re.compile("(?=[全本我该自省市区县州])"  # (lets re skip text fast: the first characters of the words below)
                       "(?:(?P<w>[全本我该])(?P<a>[省市区县州盟旗])(?![场域长委民直属])|(?P<b>自治区|[省市区县州])本级)")
# (中央 alone only before a conjunction or a mark: 中央倉庫 is a central warehouse)
REACH = r"[\d一二三四五六七八九十两]+[个多余]"  # 全国26个省级…, 全国300多个城市: how far something reaches, no one's figures
FUNDS = r"(?:财政|预算内|和|与|及|、)[^，。；：:\n\d]{0,24}?(?:资金|补助|补贴|投资|经费|转移支付)"  # 中央财政…补助资金: where money came from
TITLE = "(?:著名|知名|闻名|有名|首个|首批|首家|唯一|最大|最早|百强|文明|先进|示范|优秀)"  # 全国著名侨乡: a title, no figure's scope
NATIONAL = re.compile(rf"全国(?!{REACH}|{TITLE})|中央(?!{FUNDS})(?:本级|预算单位|国家机关|部门|单位|财政|和国家机关|(?=[和与及、，。；,;]|$))")
# an organisation, whose own figures are not the place's: a name ending in one of these
# institutions, whose figures are their own (长安银行, 江南大学)
INSTITUTIONS = ("银行", "医院", "大学", "学院", "公司", "集团", "研究院", "研究所", "出版社", "报社", "电视台", "协会", "商会",
                "合作社", "图书馆", "博物馆", "档案馆", "文化馆", "美术馆", "科技馆", "纪念馆",
                "疾病预防控制中心", "疾控中心", "卫生院", "保健院", "血液中心", "急救中心")
ORGANISATION_HEAD = re.compile("(?:" + "|".join(INSTITUTIONS + (
    "学校", "中学", "小学", "幼儿园", "分行", "支行", "日报", "晚报", "供销社", "酒店", "宾馆", "厂", "项目", "工程", "标段",
    "电力", "电网", "烟草", "移动", "电信", "联通")) + ")$")
PROJECT = re.compile(r"(?:项目|工程|标段)$")
LEGAL_NAME = re.compile(r"[\u4e00-\u9fff]{1,14}?(?:股份有限公司|有限责任公司|有限公司)")  # a company's registered name
ORGANISATION_NEAR = re.compile(ORGANISATION_HEAD.pattern.removesuffix("$"))
NAME_TAGS = {"n", "nz", "ns", "nt", "j", "vn", "v", "b", "an", "l", "nrt", "ng"}
NOT_IN_NAME = {"完成", "实现", "达到", "共", "累计", "采购", "发放", "开展", "组织", "推进"}
# bodies that report for their place (宜昌市财政局: 全市的数字), not organisations with figures of their own
PUBLIC_BODY = re.compile(r"(?:人民)?政府|财政[局厅部]|财政|政府采购中心|公共资源交易中心|交易中心|统计局|发改委|人大|政协|党委|市委|县委|区委")


@dataclass(slots=True)
class Place:
    """A place mention at ``start``: a named division (``full`` set when the name means one),
    a reference (``ref``: the level letter of 全市/该区/市本级; ``that`` for 该市, the place named
    last) or national (``national``). ``org`` when the name starts an organisation's (宜昌市中心医院);
    ``governed`` when a preposition makes it who benefits (为全省企业), not who acts."""

    text: str
    start: int
    candidates: tuple[Division, ...] = ()
    ref: str | None = None
    that: bool = False
    national: bool = False
    org: bool = False
    governed: bool = False
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.end = self.start + len(self.text)

    @property
    def full(self) -> str | None:
        return self.candidates[0].full if len(self.candidates) == 1 else None

    @property
    def institution(self) -> bool:
        """An organisation proper (宜昌市中心医院, 长安银行), not a project or works (…改造项目), nor a paper or a
        station that reports on its place (河北经济日报, 南宁广播电视台)."""
        return self.org and not PROJECT.search(self.text) and not is_media(self.text)

    @property
    def qualifier(self) -> bool:
        """市本级, 中央预算单位: words that say whose and also what (they stay in the metric)."""
        return self.text.endswith("本级") or (self.national and self.text.startswith("中央") and len(self.text) > 2)


def _organisation_after(text: str, end: int) -> int:
    """Where the organisation's name ends when the place name ending at ``end`` starts one (宜昌市中心医院,
    广州银行, 宜昌市城区道路改造项目: nouns up to an organisation's word, not a public body such as
    宜昌市财政局); 0 when it does not."""
    from extractors.figures.clauses import words  # (clauses does not import places: no cycle)

    if not ORGANISATION_NEAR.search(text, end, end + 16) or PUBLIC_BODY.match(text, end):
        return 0
    if company := LEGAL_NAME.match(text, end):  # 湖南致远教育装备有限公司: a brand jieba reads as anything
        return company.end()
    name = ""
    for w in words(text[end : end + 16]):
        if (w.tag not in NAME_TAGS and w.text not in ("某某", "某") and not w.text.startswith("第")) or w.text in NOT_IN_NAME \
                or (not name and w.tag == "v"):  # (榆林市第一中学: an ordinal in the name)
            return 0  # 南京市实施项目362个: the place acts (a verb right after it), no name goes on
        name += w.text
        if ORGANISATION_HEAD.search(name):
            return end + len(name)
    return 0


ORGANISATION_WORD = re.compile("|".join(INSTITUTIONS))
# an organisation named by what it is: 学校共完成…, 该行已累计…, 我院
ORGANISATION_REFERENCE = re.compile(r"(?=[该本我全学校医院行公集一省市县区供社])"  # (lets re skip text fast, as above)
                                    r"(?:(?:[该本我全]|(?<![\w]))(?:学校|校|医院|院|行|公司|集团)(?=[共已累全年今去上本近通在将对为与的有]|$)"
                                    r"|(?:该|本|我)(?:行|校|院|公司|集团)"
                                    r"|一(?:家|所|个)[^，。；、\d]{0,8}?(?:企业|公司|医院|学校|银行|合作社|厂)"
                                    r"|[省市县区]?(?:供销社|供销合作社|社有企业)"
                                    r"|(?<![\w、])[省市县区](?:人民|中心|中医|妇幼保健|第[一二三四五六七八九十]人民)?(?:医院|图书馆|博物馆))")
# (市人民医院, 市图书馆 opening a headline: the city's hospital or library, whose figures are its own)
MEDIA = re.compile(r"日报|晚报|报社|电视台|新闻网|广播电视台|融媒体中心|新闻")


def is_media(name: str) -> bool:
    """Whether ``name`` is a paper or a station that reports on its place, not a body whose figures are its own.

    >>> is_media("南宁广播电视台"), is_media("河北经济日报"), is_media("燕赵理工学院新闻网")
    (True, True, False)
    """
    return MEDIA.search(name) is not None and not ORGANISATION_WORD.search(MEDIA.sub("", name))

# a place after these is who benefits or the way, not who reports the figure (为全省…企业发放贷款)
# money the centre gives (中央财政膳食补助资金2.16亿元, 中央和省级转移支付6240万元): a source of the place's funds
FUNDS_AFTER = re.compile(r"(?:财政)?(?:和省级?)?[\u4e00-\u9fff]{0,8}?(?:资金|补助|补贴|转移支付|拨款)")
GOVERNED = re.compile(r"(?:为|向|给|对|帮助|助力|帮扶|惠及|覆盖|面向|带动|支持|通过|经由|依托|与|联合|会同|协同|携手"
                      r"|占|居|高于|低于|发表于|属地[：:]?|(?<![占同环对])比|较|不含|不包括|除|含|包括)$")  # (占全省的43.9%, 居全省首位, 高于全省平均: a
# denominator or a ranking, 比全省平均低5.4个百分点 a yardstick; 全省（不含深圳市）: a place left out or in, not who acts;
# 发表于福建, IP属地：广东: where a post was sent from, not what it speaks of)
DATELINE_END = r"(?:(?:\d{1,2}月)?\d{1,2}日)?(?:电|讯)"  # 人民网拉萨1月25日电, 本报兰州讯: where the reporter is
DATELINE = re.compile(rf"(?:{DATELINE_END}|报导|报道)(?![\u4e00-\u9fff]{{2}})|\d{{1,2}}日(?:电|讯)")  # (记者 黄俊杰／台北报导:
# the same; not 泰州市电子保函, a word that begins with 电)
RANKED = re.compile(r"(?:在|居|列|位居|排名)$")  # 在全国率先, 居全国前列: the country as a yardstick
FIRST = re.compile("(?:范围内)?(?:率先|首|前列|第|领先)")  # 在全省率先: the province as one, not 在全区开展 where it acts
PROPER = {"ns", "nz", "nt", "nr", "nrt", "j"}
BOUGHT = re.compile("(?:采购|购买|购进|订购|选购|采买|收购)$")  # 采购合阳县红薯: where the goods come from, not who buys
PRODUCE_AFTER = re.compile(r"(?![\u4e00-\u9fff]{0,6}?(?:政府|财政|局|单位|企业|公司|中心|合作社|供应商))[\u4e00-\u9fff]")  # (goods, not a body)
INSTRUMENT = re.compile("(?:通过|经由|借助|依托|与|向|为|给|对|和)$")  # 通过中国农业银行发放: not the actor


def _organisations(text: str) -> list[Place]:
    """Organisations named without a place of the gazetteer first (长安银行, 江南大学, 中国农业银行)."""
    from extractors.figures.clauses import words

    out = []
    for m in ORGANISATION_WORD.finditer(text):
        lo = max(0, m.start() - 8)
        ws = [w for w in words(text[lo : m.end()], lo) if w.start + len(w.text) <= m.end()]
        name: list = []
        for w in reversed(ws):
            if name and (w.tag not in NAME_TAGS or not w.text.strip()):
                break
            name.insert(0, w)
        if len(name) < 2 and not (name and name[0].tag == "nt") or not any(w.tag in PROPER for w in name):
            continue
        start = name[0].start
        if not INSTRUMENT.search(text, max(0, start - 4), start):
            out.append(Place(text[start : m.end()], start, org=True))
    for m in STOCK_CODE.finditer(text):  # (the code first: re finds it fast; the name is the word run before it)
        run = NAME_BEFORE_CODE.search(text, max(0, m.start() - 10), m.start())
        name = LISTED_BEFORE.split(run.group())[-1] if run else ""  # (政务信息化公司天瑞信息: 天瑞信息)
        if len(name) >= 2:
            out.append(Place(name, m.start() - len(name), org=True))
    return out


# a listed company, named with its stock code: 天瑞信息（300752）, 中国电建(601669.SH)
STOCK_CODE = re.compile(r"[（(](?:股票代码[:：]?)?\d{6}(?:\.S[HZ])?[)）]")
NAME_BEFORE_CODE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}$")
LISTED_BEFORE = re.compile("公司|企业|集团|龙头|的|是|为|和|与|及|、")


def find_places(text: str) -> list[Place]:
    """Place names, references, national words and organisations in ``text``, in order."""
    out = [Place(m.group(), m.start(), ref=m.group("a") or m.group("b")[-1], that=m.group("w") == "该")
           for m in REFERENCE.finditer(text)]
    out += [Place(m.group(), m.start(), national=True) for m in NATIONAL.finditer(text)]
    resume = 0
    for m in FIRST_CHAR.finditer(text):
        i = m.start()
        if i < resume:
            continue
        for name in BY_PREFIX.get(text[i : i + 2], ()):
            end = i + len(name)
            if text.startswith(name, i) and (end == len(text) or text[end] not in NOT_BEFORE
                                             or WORD_AFTER.match(text, end) and _full_name(name)) \
                    and not (name[-1] not in NOT_BEFORE and (TOWN_AFTER.match(text, end) and text[end : end + 2] not in NAMES
                                                         or STREET_AFTER.match(text, end))) \
                    and not (i and text[i - 1] in AFTER_BODY) and not _overlapped(text, i, end) \
                    and not (name[-1] in "镇乡" and i and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in OPENERS
                             and not any(text[max(0, i - k) : i] in NAMES for k in (2, 3))) \
                    and not (name[-1] not in FULL_ENDS and _inside_word(text, i)):
                # (孝丰镇 is a town, not 丰镇; 在丰镇, 江西萍乡 are places)

                org_end = _organisation_after(text, end)  # the mention covers the organisation's whole name
                if not org_end and 1 < i and text[i - 1] in "（(" and text.startswith(("）", ")"), end) \
                        and "\u4e00" <= text[i - 2] <= "\u9fff":
                    org_end = _organisation_after(text, end + 1)  # 中规汇智（深圳）咨询有限公司: the seat of a company
                out.append(Place(text[i : org_end or end], i, NAMES[name], org=bool(org_end)))
                resume = end
                break
    named = bytearray(len(text))  # characters inside a place's name
    for p in out:
        if p.candidates:
            named[p.start : p.end] = b"\1" * len(p.text)
    out = [p for p in out if p.candidates or not named[p.start]]
    out += [o for o in _organisations(text) if not any(named[o.start : o.end])]
    for p in out:
        named[p.start : p.end] = b"\1" * len(p.text)
    out += [Place(m.group(), m.start(), org=True) for m in ORGANISATION_REFERENCE.finditer(text)
            if not any(named[m.start() : m.end()])]
    for p in out:
        p.governed = GOVERNED.search(text, max(0, p.start - 4), p.start) is not None or (
            (p.national or p.ref and p.text[0] == "全" and FIRST.match(text, p.end))
            and RANKED.search(text, max(0, p.start - 2), p.start) is not None) or DATELINE.match(text, p.end) is not None \
            or (p.text in ("中央", "中央财政") and FUNDS_AFTER.match(text, p.end) is not None) \
            or (p.candidates and BOUGHT.search(text, max(0, p.start - 2), p.start) is not None
                and PRODUCE_AFTER.match(text, p.end) is not None)
    out.sort(key=lambda p: p.start)
    ends = {p.end for p in out if p.candidates}
    for p in out:  # 黄埔区（广州开发区）: another name of the place before, not a place of its own; 广东援藏资金: a donor
        p.governed = p.governed or (p.start > 1 and text[p.start - 1] in "（(" and p.start - 1 in ends) \
            or text.startswith("援", p.end)
    return out


def _full_name(name: str) -> bool:
    """Whether ``name`` is a division's whole registered name (武侯区, 江苏省; not 广州, nor 会同区 for 会同县)."""
    return len(name) > 2 and name[-1] in FULL_ENDS and any(not d.renamed for d in NAMES[name])


def _inside_word(text: str, i: int) -> bool:
    """Whether a word jieba reads runs across ``i`` from the character before it (医保定点: 保定 starts inside 医保)."""
    from extractors.figures.clauses import words

    if not i or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in OPENERS:
        return False
    lo = max(0, i - 2)
    return any(w.start < i < w.start + len(w.text) for w in words(text[lo : i + 4], lo))


def _overlapped(text: str, start: int, end: int) -> bool:
    """Whether a full name (卫辉市) starts inside the name at ``start:end`` and runs past it: 其中卫辉市 names 卫辉市,
    not 中卫."""
    return any(text.startswith(name, k) and k + len(name) > end and name[-1] in FULL_ENDS
               for k in range(start + 1, end) for name in BY_PREFIX.get(text[k : k + 2], ()))


FULL_ENDS = "省市县区州盟旗"


def lineage(d: Division) -> list[Division]:
    """``d`` and the divisions that enclose it, innermost first.

    >>> [x.full for x in lineage(DIVISIONS["河池市东兰县"])]
    ['河池市东兰县', '河池市', '广西壮族自治区']
    """
    out = [d]
    while out[-1].parent:
        out.append(DIVISIONS[out[-1].parent])
    return out


def enclosing(divisions: list[Division | None]) -> Division | None:
    """The smallest division that holds all of ``divisions`` (银川市 for 兴庆区 and 灵武市).

    >>> enclosing([DIVISIONS["银川市兴庆区"], DIVISIONS["银川市灵武市"]]).full
    '银川市'
    """
    if not divisions or any(d is None for d in divisions):
        return None
    common = [d for d in lineage(divisions[0]) if all(d.full in {x.full for x in lineage(o)} for o in divisions[1:])]
    return common[0] if common and common[0] not in divisions else None


def renamed_elsewhere(d: Division, context: list[Division]) -> bool:
    """Whether ``d`` is only a possible renaming (九龙区 for 九龙县) and ``context`` lies wholly in other provinces:
    九龍區 in a Hong Kong text is Kowloon, not Sichuan's county.

    >>> renamed_elsewhere(NAMES["九龙区"][0], [DIVISIONS["香港特别行政区"]]), renamed_elsewhere(NAMES["九龙区"][0], [])
    (True, False)
    """
    return d.renamed and bool(context) and lineage(d)[-1].full not in {lineage(c)[-1].full for c in context}


def choose(candidates: tuple[Division, ...], context: list[Division]) -> Division | None:
    """The one of ``candidates`` the article means: the only one (unless only a possible renaming gives it and
    ``context`` lies in another province), else the one inside (or enclosing) a place of ``context`` (the article's
    place and the places it named before); None when unsure.

    >>> choose(NAMES["鼓楼区"], [DIVISIONS["福州市"]]).full, choose(NAMES["鼓楼区"], [])
    ('福州市鼓楼区', None)
    """
    if len(candidates) == 1:
        return None if renamed_elsewhere(candidates[0], context) else candidates[0]
    outer = [d for d in candidates if all(d.full in {x.full for x in lineage(e)} for e in candidates)]
    if len(outer) == 1:
        return outer[0]  # 澳门 is 澳门特别行政区 and the division of that name inside it: the one that holds both
    for c in reversed(context):
        around = {x.full for x in lineage(c)}
        fitting = [d for d in candidates if around & {x.full for x in lineage(d)} - {d.full} or d.full in around]
        if len(fitting) == 1:
            return fitting[0]
    return None


def refer(ref: str, home: Division | None, named: list[Division], *, own: bool = True) -> Division | None:
    """The division a reference of level ``ref`` (市, 区, 县, 省 …) means: for 全市/本市/市本级
    (``own``), the article's ``home`` place or the division enclosing it of that level; for 该市,
    or when the home has none, the last of ``named`` of that level.

    >>> home = DIVISIONS["宜昌市夷陵区"]
    >>> refer("市", home, []).full, refer("区", home, []).full, refer("省", home, []).full
    ('宜昌市', '宜昌市夷陵区', '湖北省')
    >>> refer("区", DIVISIONS["柳州市"], []).full
    '广西壮族自治区'
    """
    if own and home is not None:
        for d in lineage(home):
            if d.full.endswith(ref) or (ref == "市" and d.level == 1 and d.full.endswith("市")):
                return d
    for d in reversed(named):
        if d.full.endswith(ref):
            return d
    return None


HOST_PART = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1)
def _short_names() -> dict[str, list[Division]]:
    """Counties and banners of the registry by their own name without 县 or 旗 (永嘉 for 温州市永嘉县)."""
    out: dict[str, list[Division]] = {}
    for d in DIVISIONS.values():
        own = d.full.removeprefix(d.parent or "")
        if d.level == 3 and not d.renamed and len(own) in (3, 4) and own[-1] in "县旗":
            out.setdefault(own[:-1], []).append(d)
    return out


def from_short_name(line: str | None) -> Division | None:
    """The county a masthead or byline names by its short name (今日永嘉 → 温州市永嘉县), when only one has it.

    >>> from_short_name("今日永嘉").full, from_short_name("今日头条")
    ('温州市永嘉县', None)
    """
    names = _short_names()
    found = {d.full: d for k in range(len(line or "") - 1) for n in (2, 3) for d in names.get((line or "")[k : k + n], ())}
    return next(iter(found.values())) if len(found) == 1 else None


def from_host(url: str | None) -> Division | None:
    """The division a site's host names, when one does unambiguously (czj.yichang.gov.cn → 宜昌市).

    >>> from_host("http://czj.yichang.gov.cn/news/1.html").full, from_host("https://www.ccgp.gov.cn/a")
    ('宜昌市', None)
    """
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    for tld, full in ((".tw", "台湾省"), (".hk", "香港特别行政区"), (".mo", "澳门特别行政区")):
        if host.endswith(tld) and full in DIVISIONS:
            return DIVISIONS[full]
    found = {d for part in HOST_PART.findall(host) if len(part) >= 4 for d in PINYIN.get(part, ())}
    return found.pop() if len(found) == 1 else None
