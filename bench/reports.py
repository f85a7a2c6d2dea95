"""Generate realistic yearly procurement reports for several provinces and the nation, 2019–2024.

The paper reports the same facts again and again: a finance department's annual data release
(政府采购规模, savings and saving rate, the goods/works/services split, contracts awarded to
SMEs and micro enterprises, purchases of farm produce from poverty areas, 政采贷 loans), a news
piece on the farm-produce purchases in January, the half-year figure in July, next year's
release comparing with the year before, and now and then a preliminary figure that the final one
replaces. This writes such articles from one table of true values (:func:`truth`), in the
formats of bench/corpus.py (finews Jekyll posts, GBK government pages, traditional text dumps),
with several phrasings of each fact, so that series built from the archive can be checked
against the truth. Deterministic for a seed.

    python bench/reports.py --out /tmp/reports        # ~160 files
    python bench/reports.py --archive /tmp/demo.db    # an archive of fixtures/ and the reports
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import _dump, _html, _jekyll  # noqa: E402

YEARS = range(2019, 2025)
# full name, short name, the word for "the whole place", the department, a city for colour, base volume (亿元)
PLACES = (
    ("广西壮族自治区", "广西", "全区", "自治区财政厅", "柳州市", 1180.0),
    ("浙江省", "浙江", "全省", "浙江省财政厅", "湖州市", 3350.0),
    ("四川省", "四川", "全省", "四川省财政厅", "绵阳市", 2420.0),
    ("山东省", "山东", "全省", "山东省财政厅", "潍坊市", 2860.0),
    ("河南省", "河南", "全省", "河南省财政厅", "信阳市", 2150.0),
    ("贵州省", "贵州", "全省", "贵州省财政厅", "遵义市", 940.0),
    ("云南省", "云南", "全省", "云南省财政厅", "普洱市", 1020.0),
    ("湖北省", "湖北", "全省", "湖北省财政厅", "宜昌市", 1760.0),
    ("甘肃省", "甘肃", "全省", "甘肃省财政厅", "陇南市", 610.0),
    ("宁夏回族自治区", "宁夏", "全区", "自治区财政厅", "固原市", 260.0),
)
NATIONAL = ("全国", "全国", "全国", "财政部", None, 33070.0)
# (place, year) whose January preliminary figure differs from the final one (the series flags it)
PRELIMINARY_DIFFERS = {("河南省", 2022), ("云南省", 2020)}


@dataclass(frozen=True)
class Year:
    """The true values of one place and year (亿元, %)."""

    volume: float
    growth: float
    savings: float
    saving_rate: float
    goods: float
    works: float
    services: float
    sme: float
    sme_share: float
    micro: float
    farm: float  # 脱贫地区 (贫困地区 before 2021) 农副产品 purchases
    farm_growth: float
    loans: float
    half: float  # 政府采购规模 of the first half year


def _r(x: float) -> float:
    return round(x, 2)


def truth(seed: int = 11) -> dict[str, dict[int, Year]]:
    """The true values of every place (and 全国) and year."""
    rng = random.Random(seed)
    out: dict[str, dict[int, Year]] = {}
    for name, *_, base in (*PLACES, NATIONAL):
        years, volume, farm = {}, base, base * rng.uniform(0.002, 0.006)
        for year in YEARS:
            growth = rng.uniform(-0.04, 0.09)
            new_volume = _r(volume * (1 + growth))
            savings = _r(new_volume * rng.uniform(0.03, 0.07))
            goods = _r(new_volume * rng.uniform(0.18, 0.26))
            works = _r(new_volume * rng.uniform(0.40, 0.52))
            share = round(rng.uniform(70, 80), 1)
            sme = _r(new_volume * share / 100)
            farm_growth = rng.uniform(0.05, 0.35)
            new_farm = _r(farm * (1 + farm_growth))
            years[year] = Year(
                volume=new_volume, growth=round((new_volume / volume - 1) * 100, 1), savings=savings,
                saving_rate=round(savings / (new_volume + savings) * 100, 2), goods=goods, works=works,
                services=_r(new_volume - goods - works), sme=sme, sme_share=share, micro=_r(sme * rng.uniform(0.55, 0.7)),
                farm=new_farm, farm_growth=round((new_farm / farm - 1) * 100, 1), loans=_r(base * rng.uniform(0.01, 0.03)),
                half=_r(new_volume * rng.uniform(0.38, 0.46)),
            )
            volume, farm = new_volume, new_farm
        out[name] = years
    return out


def _farm_words(year: int) -> str:
    return "脱贫地区" if year >= 2021 else "贫困地区"


def _annual(place: tuple, year: int, t: dict[int, Year], rng: random.Random) -> tuple[str, list[str]]:
    name, short, scope, dept, city, _ = place
    y, prev = t[year], t.get(year - 1)
    whose = "全国" if name == "全国" else scope
    title = rng.choice([
        f"{short}{year}年政府采购规模达{y.volume}亿元",
        f"{short}发布{year}年政府采购数据",
        f"{short}去年政府采购规模{y.volume}亿元 节约资金{y.savings}亿元",
    ]) if name != "全国" else f"{year}年全国政府采购简要情况发布"
    source = "财政部日前发布" if name == "全国" else f"记者日前从{dept}获悉" if rng.random() < 0.5 else f"{dept}日前公布"
    lead = f"本报讯 {source}{year}年{whose}政府采购数据。" if name != "全国" else f"本报讯 财政部日前发布{year}年全国政府采购简要情况。"
    level = rng.choice([
        f"{year}年，{whose}政府采购规模为{y.volume}亿元，较上年增长{y.growth}%",
        f"{year}年，{whose}实现政府采购规模{y.volume}亿元，同比增长{y.growth}%",
    ] + ([f"{year}年，{whose}政府采购规模{y.volume}亿元，比上年的{prev.volume}亿元增长{y.growth}%"] if prev else []))
    paras = [
        f"{lead}{level}；节约资金{y.savings}亿元，资金节约率为{y.saving_rate}%。",
        rng.choice([
            f"从采购结构看，货物类采购规模{y.goods}亿元，工程类采购规模{y.works}亿元，服务类采购规模{y.services}亿元。",
            f"从采购结构看，货物、工程、服务类采购规模分别为{y.goods}亿元、{y.works}亿元和{y.services}亿元。",
        ]),
        f"在支持中小企业发展方面，{whose}政府采购授予中小企业合同金额{y.sme}亿元，占{whose}政府采购规模的{y.sme_share}%，"
        f"其中授予小微企业合同金额{y.micro}亿元。",
    ]
    if name == "全国":
        paras.append(rng.choice([
            f"各级预算单位通过“832平台”采购{_farm_words(year)}农副产品{y.farm}亿元，较上年增长{y.farm_growth}%。",
            f"全国{_farm_words(year)}农副产品采购额达{y.farm}亿元，同比增长{y.farm_growth}%。",
        ]))
    else:
        paras.append(rng.choice([
            f"{whose}各级预算单位通过“832平台”采购{_farm_words(year)}农副产品{y.farm}亿元，较上年增长{y.farm_growth}%。",
            f"{whose}{_farm_words(year)}农副产品采购额达{y.farm}亿元，同比增长{y.farm_growth}%，{city}完成额位居{whose}前列。",
        ]))
        paras.append(f"“政采贷”全年放款{y.loans}亿元，惠及中小企业{rng.randint(300, 3000)}家。")
    paras.append(rng.choice([
        "下一步，财政部门将继续深化政府采购制度改革，加快推进电子化采购，提升采购效率。",
        "有关负责人表示，将进一步落实政府采购支持中小企业政策，扩大预留份额，优化营商环境。",
    ]))
    return title, paras


def _farm_news(place: tuple, year: int, t: dict[int, Year], rng: random.Random) -> tuple[str, list[str]]:
    name, short, scope, dept, city, _ = place
    y = t[year]
    words = _farm_words(year)
    title = rng.choice([f"{short}去年{words}农副产品采购额达{y.farm}亿元", f"{short}{year}年采购{words}农副产品超{int(y.farm)}亿元"])
    paras = [
        f"本报讯 记者从{dept}获悉，{year}年，{scope}{words}农副产品采购额达{y.farm}亿元，同比增长{y.farm_growth}%，"
        f"超额完成预留份额任务。",
        f"其中，{city}各级预算单位积极通过“832平台”采购米面粮油、蔬菜水果等产品，带动当地农户增收。",
        "下一步，财政部门将督促各预算单位按照不低于10%的比例预留食堂食材采购份额，并将完成情况纳入年度绩效考核。",
    ]
    return title, paras


def _half_year(place: tuple, year: int, t: dict[int, Year], rng: random.Random) -> tuple[str, list[str]]:
    name, short, scope, dept, *_ = place
    y = t[year]
    return f"{short}上半年政府采购规模{y.half}亿元", [
        f"本报讯 {dept}日前通报，今年上半年，{scope}政府采购规模达{y.half}亿元，电子化采购项目占比进一步提高。",
        "各地加快推进政府采购意向公开，采购人提前谋划采购需求，供应商参与积极性明显提升。",
    ]


def _preliminary(place: tuple, year: int, t: dict[int, Year], rng: random.Random) -> tuple[str, list[str]]:
    name, short, scope, dept, *_ = place
    y = t[year]
    figure = f"为{_r(y.volume * 0.985)}亿元" if (name, year) in PRELIMINARY_DIFFERS else f"约{round(y.volume, -1):.0f}亿元"
    return f"{short}政府采购工作会议召开", [
        f"本报讯 {dept}日前召开政府采购工作会议。据初步统计，{year}年{scope}政府采购规模{figure}，各项改革任务顺利完成。",
        "会议要求，要持续优化营商环境，规范采购行为，强化采购人主体责任。",
    ]


def _write(title: str, paras: list[str], when: dt.datetime, n: int, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.random()
    if kind < 0.6:
        return f"{when:%Y-%m-%d}-report{n}.md", _jekyll(title, paras, when, f"{when:%Y%m%d}9{n:011d}")
    if kind < 0.9:
        return f"report-{n}.html", _html(title, paras, when)
    return f"report-{n}.txt", _dump(title, [f"发布时间：{when:%Y-%m-%d}", *paras])


def generate(seed: int = 11) -> Iterator[tuple[str, bytes]]:
    """Yield (file name, bytes) of every report."""
    rng = random.Random(seed)
    values = truth(seed)
    n = 0
    for place in (*PLACES, NATIONAL):
        t = values[place[0]]
        for year in YEARS:
            plans = [(_annual, dt.datetime(year + 1, rng.randint(2, 4), rng.randint(1, 28), 9, 30))]
            if place is not NATIONAL:
                plans.append((_farm_news, dt.datetime(year + 1, 1, rng.randint(5, 28), 10, 0)))
                if rng.random() < 0.5:
                    plans.append((_half_year, dt.datetime(year, 7, rng.randint(10, 30), 15, 0)))
                if (place[0], year) in PRELIMINARY_DIFFERS or rng.random() < 0.2:
                    plans.append((_preliminary, dt.datetime(year + 1, 1, rng.randint(3, 20), 16, 0)))
            for write, when in plans:
                title, paras = write(place, year, t, rng)
                n += 1
                yield _write(title, paras, when, n, rng)


ROOT = Path(__file__).resolve().parent.parent


def build_archive(path: Path, seed: int = 11) -> str:
    """An archive at ``path`` of fixtures/ and the reports (the demo the README and the screenshot use),
    imported as ``cgpn import`` does; returns the import's summary line. Report locations start with
    ``reports/``."""
    sys.path.insert(0, str(ROOT))
    from archive import Archive
    from cgpn.pipeline import import_documents

    documents = [(str(p), p.read_bytes()) for p in sorted((ROOT / "fixtures").iterdir())]
    documents += [(f"reports/{name}", data) for name, data in generate(seed)]
    with Archive(str(path)) as arc:
        return import_documents(arc, documents, category=None).line()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="write the reports as files into this folder")
    where.add_argument("--archive", type=Path, help="import fixtures/ and the reports into this archive")
    args = parser.parse_args()
    if args.archive:
        print(build_archive(args.archive, args.seed))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, data in generate(args.seed):
        (args.out / name).write_bytes(data)
        count += 1
    print(f"{count} reports in {args.out}")


if __name__ == "__main__":
    main()
