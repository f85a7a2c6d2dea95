"""Build ``extractors/figures/places.tsv`` from jionlp's ``china_location.txt``.

jionlp (Apache-2.0) ships China's administrative divisions as an indented
tree: province, prefecture, county, town, village. The figure extractor only
needs the first three levels: each full name (广州市, 花都区), and the short
name of provinces and prefectures (广州 → 广州市) and of county-level cities
(浏阳 → 浏阳市), which articles use as often as the full one; 黔东南州 for
an autonomous prefecture. Other county short names are left out: many are
ordinary words (和平, 新华, 长安). Run once when the divisions change::

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
                   "阳春", "四会", "个旧", "信宜", "会理", "丰城", "兴平", "兴城", "兴宁", "宁国", "共青城", "嘉义", "赤水"}
# two-character county names that are ordinary words (城区, 郊区) or parts of them (新县城)
AMBIGUOUS_FULL = {"东区", "中区", "北区", "南区", "西区", "城区", "矿区", "郊区", "新县", "南县", "和县", "兴县"}


def rows(path: str) -> list[tuple[str, str, int]]:
    out: dict[str, tuple[str, str, int]] = {}
    municipality = None
    for line in open(path, encoding="utf-8"):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        parts = line.strip().split("\t")
        full = parts[0]
        short = parts[2] if len(parts) > 2 else full
        level = depth + 1
        if depth == 0:
            municipality = full if full.endswith("市") else None
        if depth == 1 and municipality:
            full = municipality  # 上海市 → 上海市 (not a prefecture of itself)
        if full not in AMBIGUOUS_FULL:
            out.setdefault(full, (full, full, level))
        # short names: provinces, prefectures and county-level cities (浏阳 → 浏阳市), and 黔东南州 for 自治州
        if short != full and len(short) >= 2 and short not in AMBIGUOUS_SHORT and (level <= 2 or full.endswith("市")):
            out.setdefault(short, (short, full, level))
        if full.endswith("自治州") and short != full:
            out.setdefault(short + "州", (short + "州", full, level))
    return sorted(out.values(), key=lambda r: (r[2], r[1], r[0]))


def main() -> None:
    import jionlp

    path = os.path.join(os.path.dirname(jionlp.__file__), "dictionary", "china_location.txt")
    sys.stdout.write("# name\tcanonical\tlevel (1 province, 2 prefecture, 3 county); from jionlp china_location.txt, Apache-2.0\n")
    for name, canonical, level in rows(path):
        sys.stdout.write(f"{name}\t{canonical}\t{level}\n")


if __name__ == "__main__":
    main()
