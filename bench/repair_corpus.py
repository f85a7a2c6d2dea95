"""A deterministic corpus for the text-repair benchmark: clean procurement-news paragraphs and damaged copies.

Clean paragraphs come from the repository's fixtures (seed 003, the negative set)
and from sentence templates in the style of 中国政府采购报 filled with varied
places, agencies, figures and dates. Each damage family is applied the way the
real damage arises (bytes encoded one way and decoded another, pinyin written
after characters, …); ``expected`` is always the clean simplified paragraph.

    python bench/repair_corpus.py --seed 7 --per-family 30 > /tmp/cases.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import opencc
from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")

PROVINCES = ["广西壮族自治区", "广东省", "四川省", "浙江省", "江苏省", "湖南省", "河南省", "山东省", "云南省", "贵州省", "甘肃省", "黑龙江省", "内蒙古自治区", "新疆维吾尔自治区"]
CITIES = ["柳州市", "广州市", "成都市", "杭州市", "南京市", "长沙市", "郑州市", "济南市", "昆明市", "贵阳市", "兰州市", "哈尔滨市", "呼和浩特市", "乌鲁木齐市", "南宁市", "宁波市", "苏州市", "绵阳市", "洛阳市", "遵义市"]
AGENCIES = ["财政局", "财政厅", "政府采购中心", "公共资源交易中心", "机关事务管理局", "教育局", "卫生健康委员会", "农业农村局", "住房和城乡建设局", "交通运输局"]
ITEMS = ["脱贫地区农副产品", "信息化设备", "办公家具", "医疗设备", "教学仪器", "物业管理服务", "食堂食材", "公务用车", "网络安全服务", "环境卫生服务", "工程监理服务", "课桌椅", "消防设施", "视频会议系统"]
METRICS = ["采购金额", "成交金额", "交易额", "预算金额", "节约资金", "合同金额", "预留采购份额"]
PEOPLE = ["王明", "李松华", "张晓峰", "陈琪", "刘洋", "赵丽", "孙建国", "周文", "吴静", "郑伟"]
PARENS = ["(柳财)", "(对口支援办)", "(记者 王明)", "(PPP)", "(GMT+8)", "（文章来源：中国政府采购报）", "(苏财)", "(2021年)", "(含)", "(EPC)"]

TEMPLATES = [
    "本报讯 {province}{city}{agency}加大对{item}的采购支持力度，提前{n}个月完成{year}年{metric}目标任务。",
    "截至今年{month}月底，{city}已完成{item}采购{money}万元，在全省各地市中率先完成全年采购任务指标。",
    "统计显示，{city}全市预算单位{year}年{metric}{money}万元，完成比例为{pct}%，同比增长{pct2}%。",
    "{city}{agency}明确工作目标，要求各预算单位在完成规定份额的基础上继续采购，尽量超额完成采购目标。",
    "据了解，该平台上线以来累计入驻供应商{n}家，上架商品{n2}万余种，交易额突破{yi}亿元。",
    "会议由{city}{agency}副局长{person}主持，{n}个部门(单位)相关负责同志参加会议。",
    "下一步，{city}将继续深化“放管服”改革，持续优化政府采购营商环境，推动政府采购高质量发展。",
    "{province}财政厅印发通知，明确自{year}年{month}月1日起，采购{n}万元以上的货物和服务项目，预留{pct}%以上份额面向中小企业。",
    "中标供应商为{city}某科技有限公司，中标金额为{money}万元，较预算节约资金{pct2}%。",
    "项目预算金额为{money}万元，最高限价{money2}万元，采购方式为竞争性磋商，共有{n}家供应商参与。",
    "{city}{agency}负责人介绍，电子卖场今年以来成交订单{n2}万笔，成交金额{yi}亿元，平均节约率达{pct2}%。",
    "{year}年，{city}政府采购规模达{yi}亿元，其中货物类{money}万元，服务类{money2}万元。",
    "该县将“832平台”采购工作纳入乡村振兴考核，全县{n}家预算单位全部完成注册，注册率100%。",
    "在{item}采购中，{city}坚持公开透明、公平竞争原则，全流程电子化交易，平均采购周期缩短{pct2}%。",
    "{person}表示，政府采购政策功能的发挥离不开各部门协同配合，下一步将加强对采购人的培训和指导。",
    "“过去跑一趟要花半天，现在网上点一点就办好了。”{city}一位供应商负责人说。",
    "对于评审专家的违法违规行为，{agency}将依法依规处理，情节严重的，列入不良行为记录名单。",
    "{city}积极推广政府和社会资本合作模式，全年签约项目{n}个，总投资额达{yi}亿元。",
    "通过深入调研社会需求和资源优势，{city}重点扶持具有地方特色的农副产业，鼓励供应商品牌建设和市场推广。",
    "{year}年{month}月，在{item}产销对接活动上，{province}展区参展面积{n}平方米，共有{n2}家供应商参展。",
    "与传统协议供货相比，框架协议采购平均成交价格下降{pct2}%，采购周期缩短约{pct}%。",
    "为解决中小企业融资难问题，{city}推出政府采购合同融资业务，累计放款{money}万元，惠及企业{n}家。",
]


def _figure(rng: random.Random) -> dict[str, str]:
    return {
        "province": rng.choice(PROVINCES), "city": rng.choice(CITIES), "agency": rng.choice(AGENCIES),
        "item": rng.choice(ITEMS), "metric": rng.choice(METRICS), "person": rng.choice(PEOPLE),
        "year": str(rng.randint(2015, 2025)), "month": str(rng.randint(1, 12)), "n": str(rng.randint(3, 360)),
        "n2": str(rng.randint(2, 90)), "money": f"{rng.uniform(10, 20000):.2f}", "money2": f"{rng.uniform(10, 900):.2f}",
        "yi": f"{rng.uniform(1, 500):.1f}", "pct": f"{rng.uniform(5, 130):.2f}", "pct2": f"{rng.uniform(0.5, 30):.1f}",
    }


def clean_paragraphs(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct clean simplified paragraphs: the fixtures' first, then generated ones."""
    seed003 = (ROOT / "fixtures" / "003_28d1446c9616a36f.txt").read_text(encoding="utf-8")
    real = [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p>(.*?)</p>", seed003)]
    real += (ROOT / "tests" / "data" / "repair" / "negative" / "simplified.txt").read_text(encoding="utf-8").splitlines()
    out = list(dict.fromkeys(p for p in real if HAN.search(p) and len(p) > 12))
    while len(out) < count:
        sentences = [t.format(**_figure(rng)) for t in rng.sample(TEMPLATES, rng.randint(1, 4))]
        if rng.random() < 0.25:
            sentences.append(rng.choice(PARENS))
        paragraph = "".join(sentences)
        if paragraph not in out:
            out.append(paragraph)
    rng.shuffle(out)
    return out[:count]


# --- damage ---------------------------------------------------------------------------------

_S2T = {name: opencc.OpenCC(name) for name in ("s2t", "s2tw")}
_T2S = opencc.OpenCC("t2s")


def traditional(text: str, rng: random.Random) -> str:
    return _S2T[rng.choice(["s2t", "s2tw"])].convert(text)


def annotate_pinyin(text: str, rng: random.Random, share: float | None = None) -> str:
    """Readings in brackets after some or all Han characters, tone marks, numbers or none."""
    style = rng.choice([Style.TONE, Style.TONE, Style.TONE3, Style.NORMAL])
    brackets = rng.choice(["()", "()", "（）"])
    share = share or rng.choice([1.0, 0.5, 0.2])
    readings = pinyin(text, style=style, errors=lambda s: [None] * len(s))
    out = []
    for char, (reading, *_) in zip(text, readings):
        out.append(char)
        if reading and HAN.match(char) and rng.random() < share:
            out.append(brackets[0] + reading + brackets[1])
    return "".join(out)


def _gbk_span(text: str, rng: random.Random) -> tuple[int, int] | None:
    runs = [m for m in HAN_RUN.finditer(text)]
    if not runs:
        return None
    run = rng.choice(runs)
    length = rng.randint(4, min(12, len(run[0])))
    start = run.start() + rng.randint(0, len(run[0]) - length)
    return start, start + length


def _shifted_lost(chars: str) -> str:
    """``chars`` decoded one byte off, their first and last byte lost to ``?`` (as in seed 000)."""
    data = chars.encode("gbk")
    return "?" + data[1:-1].decode("gb18030") + "?"


def gbk_shift(text: str, rng: random.Random, lost: bool) -> str | None:
    """A span decoded one byte off: stray bytes on each side, or its end bytes lost to ``?``."""
    span = _gbk_span(text, rng)
    if span is None:
        return None
    a, b = span
    strays = bytes([rng.randint(0xB0, 0xF7)]), bytes([rng.randint(0xA1, 0xFE)])
    try:
        if lost:
            shifted = _shifted_lost(text[a:b])
        else:
            shifted = (strays[0] + text[a:b].encode("gbk") + strays[1]).decode("gb18030")
    except UnicodeError:
        return None
    return text[:a] + shifted + text[b:]


def gbk_shift_repeated(text: str, rng: random.Random) -> str | None:
    """Seed 000's damage: a sentence's start (with the 。 before it) decoded one byte off, two bytes
    lost, the sentence's rest, then the whole sentence again."""
    starts = [m.end() for m in re.finditer(r"[。！？](?=[\u4e00-\u9fff]{4}[^。！？]*[。！？])", text)]
    if not starts:
        return None
    a = rng.choice(starts)
    end = re.compile(r"[。！？]").search(text, a).end()
    try:
        damaged = _shifted_lost(text[a - 1 : a + 4])
    except UnicodeError:
        return None
    return text[: a - 1] + damaged + text[a + 4 : end] + " " + text[a:end] + text[end:]


def widen_figures(text: str, rng: random.Random) -> str | None:
    """Full-width digits, Latin letters and decimal points in numbers, as some CMSs type them."""
    wide = re.sub(r"[0-9A-Za-z]|(?<=[0-9])\.(?=[0-9])", lambda m: chr(ord(m[0]) + 0xFEE0), text)
    return wide if wide != text else None


def utf8_as(codec: str) -> Callable[[str, random.Random], str]:
    def damage(text: str, rng: random.Random) -> str:
        return text.encode("utf-8").decode(codec, "replace")

    return damage


def gbk_as(codec: str) -> Callable[[str, random.Random], str | None]:
    """A GBK page read as latin-1 or cp1252 (a page declared ISO-8859-1, or none): every byte one
    character, so nothing is lost (``政府采购中心`` → ``Õþ¸®²É¹ºÖÐÐÄ``)."""

    def damage(text: str, rng: random.Random) -> str | None:
        try:
            return text.encode("gbk").decode(codec)
        except UnicodeError:
            return None

    return damage


# family → (source script, damage); None when the damage does not apply to a paragraph. A "hant" family
# damages the paragraph in traditional characters (s2t or s2tw) and expects OpenCC t2s of that clean text,
# so that OpenCC's own round-trip differences (measured by "t2s round trip") are not counted against a repair.
FAMILIES: dict[str, tuple[str, Callable[[str, random.Random], str | None]]] = {
    "pinyin": ("hans", annotate_pinyin),
    "pinyin (traditional source)": ("hant", annotate_pinyin),
    "gbk-shift (stray bytes, none lost)": ("hans", lambda t, r: gbk_shift(t, r, lost=False)),
    "gbk-shift (2 bytes lost to ?)": ("hans", lambda t, r: gbk_shift(t, r, lost=True)),
    "gbk-shift repeated (seed 000, traditional)": ("hant", gbk_shift_repeated),
    "utf8-as-gbk (GB18030 decoder)": ("hans", utf8_as("gb18030")),
    "utf8-as-gbk (GBK decoder)": ("hans", utf8_as("gbk")),
    "utf8-as-latin1": ("hans", utf8_as("latin-1")),
    "utf8-as-cp1252": ("hans", utf8_as("sloppy-windows-1252")),
    "fullwidth-numbers": ("hans", widen_figures),
    "combined: traditional+pinyin+gbk-shift": ("hant", lambda t, r: gbk_shift(annotate_pinyin(t, r, 0.15), r, lost=True)),
    "combined: traditional+pinyin, then utf8-as-gbk": ("hant", lambda t, r: utf8_as("gb18030")(annotate_pinyin(t, r), r)),
    "combined: fullwidth+pinyin, then utf8-as-cp1252": (
        "hans",
        lambda t, r: utf8_as("sloppy-windows-1252")(annotate_pinyin(widen_figures(t, r) or t, r), r),
    ),
    # Last, so that the families above draw the same paragraphs as before they were added.
    "gbk-as-latin1": ("hans", gbk_as("latin-1")),
    "gbk-as-cp1252": ("hans", gbk_as("sloppy-windows-1252")),
    # GB2312's bytes are all 0xA1 or more, where cp1252 and latin-1 agree; the traditional characters of
    # GBK's extension have bytes from 0x80 to 0x9F, which cp1252 shows as punctuation (‚ ƒ ” …).
    "gbk-as-cp1252 (traditional source)": ("hant", gbk_as("sloppy-windows-1252")),
}


def bytes_lost(damaged: str, expected: str) -> bool:
    """True when the damage left a byte the decoder could not place (``�``, or a ``?`` the text did not have)."""
    return "\ufffd" in damaged or damaged.count("?") > expected.count("?")


def cases(seed: int, per_family: int, clean: int) -> Iterator[dict[str, object]]:
    """Clean paragraphs (simplified and traditional), the t2s round trip, and ``per_family`` damaged
    paragraphs per family."""
    rng = random.Random(seed)
    paragraphs = clean_paragraphs(rng, max(clean, per_family * 2))
    for p in paragraphs[:clean]:
        hant = traditional(p, rng)
        yield {"family": "clean (simplified)", "damaged": p, "expected": p, "lost": False}
        yield {"family": "clean (traditional)", "damaged": hant, "expected": _T2S.convert(hant), "lost": False}
    for p in paragraphs[:per_family]:
        yield {"family": "t2s round trip (vs the simplified original)", "damaged": traditional(p, rng), "expected": p, "lost": False}
    for family, (script, damage) in FAMILIES.items():
        made = 0
        for p in paragraphs:
            clean_text = traditional(p, rng) if script == "hant" else p
            expected = _T2S.convert(clean_text) if script == "hant" else p
            damaged = damage(clean_text, rng)
            if damaged is None or damaged == clean_text:
                continue
            yield {"family": family, "damaged": damaged, "expected": expected, "lost": bytes_lost(damaged, expected)}
            made += 1
            if made == per_family:
                break
    # UTF-8 read as GBK loses the last byte of a run of an odd number of characters before ASCII, so
    # nearly every paragraph loses one: the clauses that lose none show the decoding apart from guessing.
    lossless = [
        (sentence, damaged)
        for p in paragraphs
        for sentence in re.findall(r"[^。！？，；]+[。！？，；]?", p)
        if "\ufffd" not in (damaged := sentence.encode().decode("gb18030", "replace")) and damaged != sentence
    ]
    for sentence, damaged in lossless[:per_family]:
        family = "utf8-as-gbk (GB18030 decoder, clauses with no byte lost)"
        yield {"family": family, "damaged": damaged, "expected": sentence, "lost": False}


# Article texts written by other hands for the extraction benchmarks: no sentence of TEMPLATES.
HELD_OUT = [ROOT / "bench" / "pages" / "articles.txt", ROOT / "bench" / "pages" / "holdout.txt", ROOT / "bench" / "heldout" / "articles.txt"]


def held_out_cases(limit: int) -> Iterator[dict[str, object]]:
    """UTF-8 read as GBK and as GB18030 on body paragraphs of the page sets' article texts (one line each,
    20 Han characters or more; metadata, comments and table rows skipped): text the repair was not tuned on."""
    lines = [line.strip() for path in HELD_OUT for line in path.read_text(encoding="utf-8").splitlines()]
    paragraphs = [
        line for line in dict.fromkeys(lines)
        if len(HAN.findall(line)) >= 20 and not line.startswith(("#", "|", "===")) and not re.match(r"^[a-z_]+:", line)
    ][:limit]
    for codec in ("gb18030", "gbk"):
        for p in paragraphs:
            damaged = p.encode("utf-8").decode(codec, "replace")
            yield {"family": f"held out: utf8-as-gbk ({codec.upper()} decoder)", "damaged": damaged, "expected": p, "lost": bytes_lost(damaged, p)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-family", type=int, default=30)
    parser.add_argument("--clean", type=int, default=200, help="clean paragraphs (each also in traditional)")
    args = parser.parse_args()
    for case in cases(args.seed, args.per_family, args.clean):
        sys.stdout.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
