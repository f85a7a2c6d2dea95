"""Whose figure it is: the article's own place, and the place or body each sentence speaks of.

The article's own place (:func:`find_home`) is the most specific place of
the headline and the lead that the others enclose (湖北省宜昌市财政局 →
宜昌市), else the place its byline or source line names (宜昌日报), else
the place its site's host names (czj.yichang.gov.cn), else the first place
the text names. An article whose headline or lead speaks for the country
(全国, 财政部, 中央) before any place is national. 全市, 本市, 市本级 … mean
the article's own place (or the one enclosing it of that level); 该市 the
city named last. A figure of an organisation (宜昌市中心医院, a bank, a
project) has no place.

>>> from extractors.figures.places import find_places
>>> def home(title, body="", **kw):
...     h = find_home([(t, find_places(t)) for t in (title, body)], **kw)
...     return h.division and h.division.full, h.national
>>> home("宜昌市一季度政府采购节支率6.1%", "本报讯 湖北省宜昌市财政局日前公布")
('宜昌市', False)
>>> home("政府采购规模稳步增长", "财政部日前公布2023年全国政府采购简要情况"), home("采购情况", publisher="宜昌日报")
((None, True), ('宜昌市', False))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.figures.places import DIVISIONS, ORGANISATION_WORD, PROJECT, PUBLIC_BODY, REACH, Division, Place, choose, enclosing, find_places, from_host, from_short_name, is_media, lineage, refer, renamed_elsewhere

# the country acting or reported on (财政部公布, 全国政府采购规模), not a ranking (居全国前列, 全国第三)
NATIONAL_ACTOR = re.compile("(?<![居在列排于占])(?:财政部(?!门)|国务院|国家(?![\u4e00-\u9fff]{0,4}(?:城市|示范|试点|县|级))|全国"
                            "|中央(?=财政|预算(?!内)|部门|单位|国家机关|和国家机关|本级|政府|企业|[和与及、，。；]))"
                            f"(?!前列|第|首位|领先|平均|前|各地|范围|、全|{REACH})")
# (not 中央仓库, 政府的中央采购部门, 中央预算内资金 a county is given, 全国、全省…会议; not 对接全国26个省级电子卖场: how far something reaches; not
# 国家中心城市, 国家级开发区: a place's title)
OFFICE = re.compile("(?:署|局|处|厅|委员会|部|办公室|中心)$")  # a body's name, whose short names are no masthead's place
DOCUMENT_TITLE = re.compile("《[^》]*》")  # 《财政部关于…的通知》 names a document, not the actor
NATIONAL = "全国"
PART = re.compile(r"其中[，,：:]?$")  # 其中卫辉市采购3125万元: a part of the place spoken of, not the article's
AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万亿|亿|万)?元")
FIGURE_START = re.compile(r"(?:完成|为|达|共)?\d")  # a place's own figure right after it
VILLAGE_BODY = re.compile("[村社区](?:股份)?(?:经济)?合作社|村民委员会|村委会|居民委员会|居委会")  # a village's own body
STATISTICIAN = re.compile("人民银行|人行|统计局")  # bodies that report a place's figures, not their own
# a department's or unit's own accounts, a case's documents (a judgment, a penalty or complaint decision), and
# the vertical and judicial organs whose procurement is their own (南宁海关, 四川税务系统)
OWN_ACCOUNTS = re.compile("部门决算|部门预算|单位决算|单位预算|判决书|裁定书|决定书|海关|税务(?:局|系统)|(?<!立)法院|[中高]院|检察院"
                          "|武警|部队|军队|总队|支队")


# a headline opening with a body (国家林业和草原局, 省气象局, 市纪委监委, 市体育局), and of those the ones whose figures
# are their own: a central body's, a discipline commission's (its cases), a vertical system's (meteorology, prisons,
# (海关 and 税务 are OWN_ACCOUNTS' wherever the headline names them); a city's sports, health or medical-security
# bureau reports its place's programmes
SECTOR_BODY = re.compile(r"(?:国家|[\u4e00-\u9fff]{0,8}?[省市县区])[\u4e00-\u9fff]{1,8}?(?:局|厅|委员会|监委|委|署|系统)"
                         r"(?![\u4e00-\u9fff]{0,2}?(?:全[省市县区]|各))")
OWN_SECTOR = re.compile(r"^国家|纪委|监委|气象|监狱|消防|铁路|邮政")
CALLED_COMPANY = re.compile("[（(]以下简称[“\"]?(?:公司|集团|该公司|本公司)[”\"]?[)）]")  # the text's company, named once
LISTED_NOTICE = re.compile(r"(?:证券代码|股份代号)\s*[:：]")  # a listed company's announcement, whoever relays it
TOLD_BY_COMPANY = re.compile(r"从[^，。；“”]{2,30}?(?:公司|集团)(?:了解到|获悉|获知)")  # the news comes from a company
COMPANY_REPORT = re.compile(r"[^\s，。：:]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团)[^，。：:]{0,10}?"
                            r"(?:年度报告|年报|半年报|季度报告)")  # (a listed company's report names the company first)
SHOP_ZONE = re.compile(r"采购专区|电商平台")  # an online shop's zone for public buyers (京东政企采购专区, 某电商平台)
BRANCH = re.compile(r"(?<=局)([\u4e00-\u9fff]{2,3}?)分局")  # a city bureau's branch, named for its district
EVENT = re.compile("(?:市|省)?(?:开标|评标|召开|举行|举办|开幕|签约|签署|启动)")  # a meeting's or an opening's venue
TOWN = re.compile(r"([^\W\d_全我本该各今去明年月日度县区省州的城]{2,3}?(?:镇|乡|街道))(?!村|镇|企业|干部|居民|级)")
# (石桥镇2024年上半年工作总结, 吉安鄉公所…: a township's own; not 今年我镇, 全县乡镇)
TOWN_GOVERNMENT = re.compile("[镇乡](?:人民)?政府|街道办事处")
WHOLE_PLACE = re.compile("全[省市县区州旗]|各[县市区]|本[省市县区]|我[省市县区]")


@dataclass
class Home:
    """The article's own place (``division``), or ``national``; ``organisation`` when the headline's
    actor is an organisation (a hospital's tender): figures that name no place are then its own."""

    division: Division | None = None
    national: bool = False
    organisation: bool = False
    town: str | None = None  # a township the registry does not list, when no division is known (石桥镇)


def _specific(places: list[Place], context: list[Division]) -> Division | None:
    """The first of ``places`` that names a division, made as specific as the places written right after
    it allow (湖北省宜昌市财政局 → 宜昌市); a place named later on its own is another actor."""
    found: list[Division] = []
    for p in places:
        if found and p.start != end:
            break
        d = choose(p.candidates, context + found)
        if d is None:
            continue
        if found and found[-1].full not in {x.full for x in lineage(d)}:
            break
        found.append(d)
        end = p.end
    return found[-1] if found else None


def find_home(texts: list[tuple[str, list[Place]]], author: str | None = None, publisher: str | None = None,
              url: str | None = None, later: list[Place] = ()) -> Home:  # type: ignore[assignment]
    """The article's own place from its headline and lead (``texts``: title, subtitle, first paragraph,
    each with its places), byline, source line and site, else the first place named ``later``, else (as ``town``) a
    township the registry does not list that the headline or publisher opens with (石桥镇2024年上半年工作总结)."""
    level = _own_level(texts)
    headline = texts[0][1] if texts else []
    own = bool(texts and OWN_ACCOUNTS.search(texts[0][0]) and not TOWN_GOVERNMENT.search(texts[0][0]))
    # (青海省教育厅2020年度部门决算: its own money; but 孝丰镇人民政府2019年度部门决算: a township's, the level of government)
    own |= bool(texts and _self_named(texts[0][0], publisher))  # 华通电信2022年集中采购工作总结 by 华通电信集团…
    own |= any(p.institution for p in headline) and not any(p.candidates and not p.org for p in headline)
    own |= bool(texts and SHOP_ZONE.search(texts[0][0])) and not any(p.candidates for p in headline)
    own |= any(CALLED_COMPANY.search(text) for text, _ in texts[1:])  # 某上市公司（以下简称“公司”）: its own accounts
    own |= bool(texts and COMPANY_REPORT.match(texts[0][0]))  # 华信数智科技股份有限公司2024年半年度报告: a company's own
    own |= any(LISTED_NOTICE.search(text) for text, _ in texts)  # 证券代码：300XXX 证券简称：… 关于项目中标的公告: its own
    own |= any(TOLD_BY_COMPANY.search(text) for text, _ in texts[1:])  # 记者从西安市公共交通总公司获悉: the company's own
    # (政企采购专区2023年度运行报告: a shop's zone for buyers of the public sector, whose figures are the shop's)
    body = SECTOR_BODY.match(texts[0][0]) if texts else None
    named = bool(body) and (body.group().startswith(("国家", "省", "市", "县", "区")) or any(p.start == 0 and p.candidates
                                                                                     for p in headline))
    own |= bool(named and OWN_SECTOR.search(body.group()) and not WHOLE_PLACE.search(texts[0][0])
                and not (body.group().startswith("国家") and texts[0][0].startswith(("：", ":"), body.end())))
    # (省气象局2020年政府采购工作, 市市场监管局查处…: a body's own figures, not its place's; not 全市预算单位…,
    # nor 国家医保局：…集中带量采购改革成效明显, a national body speaking of the country's)
    # (北京某信息技术股份有限公司2020年年度报告: a company's own, though it cites 财政部's national figures)
    for text, places in texts if not level else ():
        first = next((p.start for p in places if p.candidates and not p.org and not p.governed), len(text))  # not 新华社北京…电
        if NATIONAL_ACTOR.search(DOCUMENT_TITLE.sub(lambda m: " " * len(m.group()), text[:first])):
            return Home(national=True, organisation=own)  # (国家档案局2021年度部门决算: the body's own)
        if first < len(text):
            break
    organisation = own
    organisation |= bool(publisher and ORGANISATION_WORD.search(publisher)  # 兰州大学新闻网, 长安银行
                         and not STATISTICIAN.search(publisher)  # (人民银行吉林省分行 reports the province's lending,
                         and not is_media(publisher)  # 南宁广播电视台 its city's news,
                         and not VILLAGE_BODY.search(publisher))  # 大溪村股份经济合作社 its village's accounts)
    division = None
    for k, (text, places) in enumerate(texts):  # the headline's place, or the lead's when it lies inside it
        # (湖北 → 湖北省十堰市郧西县); a lead's place with its own amount is a part (昆山市41.26亿元), not its place
        first = AMOUNT.search(text) if k and division else None  # (after its first amount, a place is an item, not
        # a finer place of the headline's)
        acting = [p for p in places if p.candidates and (not p.org or k == 0 and PROJECT.search(p.text)) and not p.governed
                  and not (first and p.start > first.start())  # (祁东县城区环卫作业服务项目合同公告: where the project is)
                  and not (k and (FIGURE_START.match(text, p.end) or _listed(text, p) or PART.search(text, 0, p.start)))
                  # (nor one of a list, nor one after 其中,
                  and not (k and (text.lstrip().startswith(QUOTES) or _addressees(text, p.start)))
                  # nor a lead that quotes someone (“松桃县买…”), nor a notice's addressees: 各县（市、区）财政局，井冈山经开区…：,
                  and not (k and text.endswith(("在", "于"), 0, p.start) and EVENT.match(text, p.end))]
        # nor where a meeting or an opening was held: 6月28日在石家庄开标)
        found = _specific(acting, [division] if division else [])
        if found and (division is None or division.full in {x.full for x in lineage(found)} and k == len(texts) - 1):
            division = found  # (a subtitle's county, 沂水县“政采贷”放款同比翻番 under 临沂's headline, is a part of it)
    if division is not None and texts and (branch := BRANCH.search(texts[0][0])):  # 成都市医疗保障局武侯分局: 武侯区's
        division = next((d for end in "区县市" if (d := DIVISIONS.get(division.full + branch.group(1) + end))), division)
    # a local paper names its place (宜昌日报), a bureau its own (沈阳市浑南区人民政府)
    masthead = texts[0][0] if texts and is_media(texts[0][0]) else None  # 晉中日報 第三版 經濟新聞: a page's paper
    sources = [_specific([p for p in find_places(line) if p.candidates and not p.governed], [])
               or (from_short_name(line) if is_media(line) or not OFFICE.search(line) else None)  # (康乐及文化事务署: no 康乐县)
               for line in (publisher, author, masthead) if line]
    sources.append(from_host(url))
    if division is not None and renamed_elsewhere(division, [d for d in sources if d]):
        division = None  # 九龍區 in a Hong Kong bulletin's headline, a name the publisher's province does not have
    if level:  # 我省, 全市 in the headline: the article's place is of that level
        for d in [division, *sources]:
            found = d and next((x for x in lineage(d) if _is_level(x, level)), None)
            if found:
                return Home(found, organisation=organisation)
    if division is None:
        division = next((d for d in sources if d), None)
    if division is None and level:  # 我市… and then 邳州市, 新沂市, 沛县: the city that holds the places it names
        named = [d for p in later[:SIBLINGS] if p.candidates and not p.org and (d := choose(p.candidates, []))]
        common = enclosing(named) if len(named) > 1 else None
        division = common if common and _is_level(common, level) else None
    if division is None:
        division = _specific(list(later[:1]), [])
    town = next((m.group(1) for line in (texts[0][0] if texts else None, publisher) if line and (m := TOWN.match(line))), None)
    return Home(division, organisation=organisation, town=None if division else town)


def _self_named(headline: str, publisher: str | None) -> bool:
    """Whether a headline opens with the name of its publisher, a company or an institution that is no place
    (优采网政企业务2021年交易额… by 优采网（杭州）科技有限公司): the figures are its own, whatever it serves (全国)."""
    publisher = publisher or ""
    name = publisher[:SELF_NAME]
    return len(name) == SELF_NAME and headline.startswith(name) and bool(ORGANISATION_WORD.search(publisher)) \
        and not is_media(publisher) and not PUBLIC_BODY.search(publisher) \
        and not any(p.start == 0 and (p.candidates or p.ref) for p in find_places(publisher))


SELF_NAME = 3  # characters of a publisher's name a headline must open with


def _addressees(text: str, at: int) -> bool:
    """Whether the line at ``at`` names whom a notice is sent to (各市（州）财政局，兰州新区财政局：), a line of no sentence
    that ends with a colon; not a lead that says what follows (根据桐庐县财政局统一安排，我镇…。现将有关情况汇报如下：)."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)].rstrip()
    return line.endswith(("：", ":")) and "。" not in line


def _listed(text: str, place: Place) -> bool:
    """Whether ``place`` is one of places listed together (沈阳市和大连市分别…, 瑞金市、于都县…)."""
    return text.startswith(LIST_JOINERS, place.end) or text.endswith(LIST_JOINERS, 0, place.start)


SIBLINGS = 6  # places named first in a text whose headline says 我市 without naming it
QUOTES = ("“", "「", "‘", "『", '"')
LIST_JOINERS = ("、", "和", "及", "与")


def _is_level(d: Division, level: str) -> bool:
    """Whether 全市/全省/全区 … (``level``: 市, 省, 区 …) can mean ``d``: 全市 a city or a municipality."""
    return d.full.endswith(level) or (level == "市" and d.level == 1 and d.full.endswith("市"))


def _own_level(texts: list[tuple[str, list[Place]]]) -> str | None:
    """The level of 我省, 全市, 本区 … when the headline or lead says it before naming any place."""
    for text, places in texts[:2]:
        for p in places:
            if p.candidates:
                return None
            if p.ref and not p.that and not _listed(text, p):  # (传达全国、全省财政工作会议精神: levels listed)
                return p.ref
    return None


def subject(place: Place | None, home: Home, named: list[Division]) -> str | None:
    """The subject a figure takes from the place or body its sentence speaks of (``place``; None when the
    sentence names none, so the article's own place stands); ``named``: divisions named before.

    >>> from extractors.figures.places import DIVISIONS
    >>> ps = find_places("全市、该区、宜昌市中心医院、全国、鼓楼区")
    >>> h = Home(DIVISIONS["宜昌市夷陵区"])
    >>> [subject(p, h, [DIVISIONS["福州市"]]) for p in ps]
    ['宜昌市', None, None, '全国', '福州市鼓楼区']
    """
    if place is None:
        if home.organisation:
            return None
        if home.national:
            return NATIONAL
        return home.division.full if home.division else home.town
    if place.org:
        return None
    if place.national:  # 全国 in a Taiwan text is Taiwan-wide (臺東縣's too)
        return "台湾省" if home.division and "台湾省" in {d.full for d in lineage(home.division)} else NATIONAL
    if place.ref:
        d = refer(place.ref, None if place.that else home.division, named, own=not place.that)
        if d is None and place.ref == "市" and home.national is False and home.division is None:
            return None
        if d is None and place.text.endswith("本级") and home.division is not None:
            return home.division.full  # 设区市本级 in a province's report: a level of the province's, named in the metric
        return d.full if d else None
    d = choose(place.candidates, ([home.division] if home.division else []) + named)
    return d.full if d else None
