"""Build ``extractors/figures/places.tsv`` from jionlp's ``china_location.txt``.

jionlp (Apache-2.0, on PyPI) ships China's administrative divisions as an
indented tree with their codes: province, prefecture, county, town, village.
The figure extractor needs the first three levels, each with the division
that encloses it, so that a county is stored with its prefecture
(东兰县 → 河池市东兰县) and a name shared by several divisions (鼓楼区 in
南京, 福州, 徐州 and 开封) can be told apart by the places an article names.

Rows: ``name``, ``full`` (the subject as stored: 广西壮族自治区, 河池市,
河池市东兰县; 湖北省仙桃市 for a county directly under its province;
北京市朝阳区), ``level`` (1 province, 2 prefecture, 3 county), ``parent`` (the
``full`` of the enclosing division) and ``pinyin`` (of the short name of
provinces, prefectures and county-level cities, to recognise a site's host:
czj.yichang.gov.cn). Names are the full names and the short names of
provinces, prefectures and county-level cities (浏阳 → 浏阳市), 黔东南州 and 景宁县 for an
autonomous prefecture or county, and a county's name with the other suffixes of 县/区/市
(counties keep becoming districts and cities: 凤翔市 in the data is 凤翔区 since 2021); other county short names are left out
(many are ordinary words: 和平, 新华, 长安). Run when the divisions change::

    python bench/figures_gazetteer.py > extractors/figures/places.tsv
"""

from __future__ import annotations

import os
import sys

# short names that are more often ordinary words or other things than places
AMBIGUOUS_SHORT = {"朝阳", "四平", "长治", "阿里", "白山", "东方", "三明", "安康", "永安", "吉安", "开平", "新民", "安达",
                   "福安", "长乐", "永康", "乐平", "华阴", "和龙", "大安", "凌海", "高平", "平度", "北流", "合山", "阿拉山口",
                   "合作", "安宁", "灯塔", "同仁", "新星", "江山", "龙井", "天长", "临江", "宁安", "海阳", "双河", "沙河",
                   "明光", "华亭", "安国", "津市", "长垣", "新乐", "水富", "凤城", "兴化", "广德", "平湖", "武安", "北安",
                   "阳春", "四会", "个旧", "信宜", "会理", "丰城", "兴平", "兴城", "兴宁", "宁国", "共青城", "嘉义", "赤水",
                   "新区"}
# two-character county names that are ordinary words (城区, 郊区) or parts of them (新县城)
AMBIGUOUS_FULL = {"东区", "中区", "北区", "南区", "西区", "城区", "矿区", "郊区", "新县", "南县", "和县", "兴县"}


# bodies that report procurement as a province does but are not in the tree of divisions
OUTSIDE_THE_TREE = [("新疆生产建设兵团", "新疆生产建设兵团", 1, ""), ("兵团", "新疆生产建设兵团", 1, "")]


def is_group(name: str) -> bool:
    """Tree nodes that group divisions and are not divisions: 省直辖行政区划, 市辖区, 县 (under 重庆市)."""
    return name.endswith("直辖行政区划") or name in ("市辖区", "县")


def divisions(path: str) -> list[tuple[str, str, int, str, str]]:
    """(full, short, level, parent full, province) of every province, prefecture and county."""
    out = []
    province = prefecture = ""
    for line in open(path, encoding="utf-8"):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        parts = line.strip().split("\t")
        name, short = parts[0], parts[2] if len(parts) > 2 else parts[0]
        if depth == 0:
            province = prefecture = name
            out.append((name, short, 1, "", name))
        elif depth == 1:
            if is_group(name) or name == province:  # 省直辖行政区划; 上海市 under 上海市
                prefecture = province
                continue
            prefecture = name
            out.append((name, short, 2, province, province))
        elif not is_group(name):
            full = name if name.startswith(prefecture) else prefecture + name
            out.append((full, short, 3, prefecture, province))
    return out


def renamed(name: str) -> list[str]:
    """The names a county may have taken since the data was compiled: counties become districts or
    cities (凤翔县 → 凤翔区, 2021), and the text says the new name (stored as written: 宝鸡市凤翔区)."""
    stem, suffix = name[:-1], name[-1]
    if suffix not in "县区市" or len(stem) < 2 or name.endswith(("自治县", "新区", "林区", "矿区", "特区", "城区", "郊区")):
        return []
    return [stem + other for other in "县区市" if other != suffix]


def rows(path: str) -> list[tuple[str, str, int, str, str, str]]:
    from pypinyin import lazy_pinyin

    out: dict[tuple[str, str], tuple[str, str, int, str, str, str]] = {}
    variants: dict[tuple[str, str], tuple[str, str, int, str, str, str]] = {}
    for full, short, level, parent, _province in divisions(path):
        name = full[len(parent):] if level == 3 else full
        pinyin = "".join(lazy_pinyin(short)) if level <= 2 or name.endswith("市") else ""
        names = {name} if name not in AMBIGUOUS_FULL else set()
        if short != name and len(short) >= 2 and short not in AMBIGUOUS_SHORT and (level <= 2 or name.endswith("市")):
            names.add(short)  # 浙江, 宜昌, 浏阳
        if name.endswith(("自治州", "自治县", "自治旗")) and short != name:
            names.add(short if short.endswith(name[-1]) else short + name[-1])  # 黔东南州, 景宁县 (景宁畲族自治县)
        for variant in renamed(name) if level == 3 else ():
            variants.setdefault((variant, parent + variant), (variant, parent + variant, level, parent, "", "renamed"))
        for n in names:
            out.setdefault((n, full), (n, full, level, parent, pinyin, ""))
    real = {name for name, _ in out}
    out.update((key, row) for key, row in variants.items() if key[0] not in real)  # 大同区 → not 大同市
    out.update(((name, full), (name, full, level, parent, "", "")) for name, full, level, parent in OUTSIDE_THE_TREE)
    return sorted(out.values(), key=lambda r: (r[2], r[1], r[0]))


def main() -> None:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # jionlp greets on stdout when imported
        import jionlp

    path = os.path.join(os.path.dirname(jionlp.__file__), "dictionary", "china_location.txt")
    sys.stdout.write(f"# name\tfull\tlevel (1 province, 2 prefecture, 3 county)\tparent\tpinyin of the short name\t"
                     f"renamed (a county's name after a possible change of status, not in the registry); "
                     f"from jionlp {jionlp.__version__} china_location.txt (Apache-2.0), by bench/figures_gazetteer.py\n")
    for row in rows(path):
        sys.stdout.write("\t".join(map(str, row)) + "\n")


if __name__ == "__main__":
    main()
