"""Generate a large archive for the search benchmark by recombining realistic sentences.

The sentences come from the search fixture articles (tests/data/search/articles.yaml,
written in the paper's style) and the seed Jekyll post. Each generated article takes
one of them as its topic: its title, and 3–6 paragraphs of 2–4 sentences, four in
five from the topic and one in five from any article, with place names, years and
numbers swapped for others so that they vary as in the real paper. Only the ``articles``/``captures`` rows are written here; the full-text index
is built (and timed) by ``bench/search_bench.py``.

    python bench/search_generate.py bench/out/search-200k.db --articles 200000
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.schema import migrate  # noqa: E402
from tests.data.search.make_archive import load_articles  # noqa: E402

SEED_POST = ROOT / "fixtures" / "003_28d1446c9616a36f.txt"
PROVINCES = (
    "北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 福建省 江西省 山东省 "
    "河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 "
    "宁夏回族自治区 新疆维吾尔自治区"
).split()
CITIES = (
    "广州市 深圳市 珠海市 汕头市 佛山市 韶关市 湛江市 肇庆市 江门市 茂名市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 "
    "中山市 潮州市 揭阳市 云浮市 柳州市 南宁市 桂林市 梧州市 北海市 玉林市 百色市 贺州市 河池市 来宾市 崇左市 杭州市 宁波市 "
    "温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市 南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 "
    "盐城市 扬州市 镇江市 泰州市 宿迁市 济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 "
    "德州市 聊城市 滨州市 菏泽市 郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 "
    "南阳市 商丘市 信阳市 周口市 驻马店市 武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 "
    "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 成都市 自贡市 攀枝花市 "
    "泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 贵阳市 "
    "六盘水市 遵义市 安顺市 毕节市 铜仁市 昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 西安市 铜川市 宝鸡市 "
    "咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市 兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 "
    "庆阳市 定西市 陇南市 西宁市 海东市 银川市 石嘴山市 吴忠市 固原市 中卫市 乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 "
    "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市 "
    "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市 南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 "
    "吉安市 宜春市 抚州市 上饶市 石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 "
    "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市 沈阳市 大连市 鞍山市 抚顺市 本溪市 "
    "丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市 长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 "
    "白城市 哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 海口市 三亚市"
).split()
PLACES = re.compile("|".join(sorted({p for p in PROVINCES + CITIES} | {p[:-1] for p in CITIES if len(p) > 2}, key=len, reverse=True)))
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|年|平台)")  # not years, not the 832 platform
YEAR = re.compile(r"20[12]\d(?=年)")
SOURCES = ("finews", "zcb-epaper", "cgpnews", "file")


def _split(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[。！？；])", text) if len(s.strip()) > 8]


def topics() -> list[tuple[list[str], list[str]]]:
    """(titles, sentences) of each source article (simplified text only); the seed post joins its article."""
    topics = []
    for a in load_articles():
        if a["source"] == "file" or "特區" in a["title"]:  # traditional-script sources
            continue
        extra = ""
        if a["key"].endswith("NW202202142276022459"):  # the seed post's full text
            paragraphs = [re.sub(r"<[^>]+>", "", line).strip() for line in SEED_POST.read_text(encoding="utf-8").splitlines()]
            extra = "\n".join(p for p in paragraphs if len(p) > 40 and "本报拥有" not in p)
        titles = [a["title"]] + ([a["subtitle"]] if a.get("subtitle") else [])
        topics.append((titles, _split(a["body"] + "\n" + extra)))
    return topics


def vary(text: str, rng: random.Random) -> str:
    """Swap place names, years and numbers for others, as a different article would have them."""
    text = PLACES.sub(lambda m: rng.choice(CITIES if m.group().endswith("市") or len(m.group()) == 2 else PROVINCES), text)
    text = YEAR.sub(lambda m: str(rng.randint(2015, 2025)), text)
    return NUMBER.sub(lambda m: f"{rng.uniform(1, 10 ** len(m.group().split('.')[0])):.{2 if '.' in m.group() else 0}f}", text)


def article(rng: random.Random, topics: list[tuple[list[str], list[str]]], pool: list[str]) -> dict:
    """One article on one topic: mostly that topic's sentences, one in five from anywhere."""
    titles, own = rng.choice(topics)

    def sentence() -> str:
        return vary(rng.choice(own if rng.random() < 0.8 else pool), rng)

    paragraphs = ["".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    day = rng.randint(0, 11 * 365)
    date = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))  # from 2015-01-01
    return {
        "title": vary(rng.choice(titles), rng),
        "subtitle": vary(rng.choice(rng.choice(topics)[0]), rng) if rng.random() < 0.2 else None,
        "body": "\n".join(paragraphs),
        "published_at": f"{date}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+08:00",
        "source": rng.choice(SOURCES),
    }


def generate(path: Path, count: int, seed: int = 6) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    migrate(conn)
    rng = random.Random(seed)
    subjects = topics()
    pool = [s for _, sentences in subjects for s in sentences]
    with conn:
        conn.execute(
            "INSERT INTO captures (id, location, source, sha256, size, fetched_at, status) "
            "VALUES (1, 'bench', 'file', '', 0, '2025-01-01T00:00:00+00:00', 'ok')"
        )
        conn.execute("INSERT INTO capture_contents (capture_id, content) VALUES (1, x'')")
        for i in range(1, count + 1):
            a = article(rng, subjects, pool)
            conn.execute(
                "INSERT INTO articles (id, key, capture_id, source, url, title, subtitle, published_at, body, updated_at) "
                "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00+00:00')",
                (i, f"bench:{i}", a["source"], f"http://bench.invalid/{i}.html", a["title"], a["subtitle"],
                 a["published_at"], a["body"]),
            )
    conn.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=200_000)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.path, args.articles)
    print(f"generated {args.articles} articles into {args.path} in {time.perf_counter() - started:.1f} s")
