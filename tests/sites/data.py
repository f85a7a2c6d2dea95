"""Article texts served by the fake sites: seed 003 and generated procurement news with figures."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED_003 = ROOT / "fixtures" / "003_28d1446c9616a36f.txt"

CITIES = ["广州市", "杭州市", "成都市", "南京市", "武汉市", "西安市", "济南市", "长沙市", "郑州市", "合肥市"]
TOPICS = ["政府采购意向公开", "脱贫地区农副产品采购", "框架协议采购", "中小企业预留份额", "电子卖场建设"]


@dataclass
class Story:
    """One article: title, optional subtitle, column, author, date, paragraphs (plain text), info code."""

    title: str
    paragraphs: list[str]
    published: dt.datetime
    info_code: str
    subtitle: str | None = None
    column: str | None = None
    author: str | None = None


def seed_story() -> Story:
    """Seed 003 (a Jekyll post): front matter plus its HTML paragraphs as text."""
    text = SEED_003.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    meta = yaml.safe_load(front)
    paragraphs = [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p[^>]*>(.*?)</p>", body, re.S)]
    paragraphs = [p for p in paragraphs if p and "文章来源" not in p]
    info_code = re.search(r"infoCode=(NW\d+)", body)[1]
    published = dt.datetime.strptime(str(meta["date"])[:19], "%Y-%m-%d %H:%M:%S")
    return Story(
        title=meta["title"], subtitle=paragraphs[2], column=paragraphs[0], author="李松华",
        paragraphs=paragraphs[3:], published=published, info_code=info_code,
    )


def generated_story(n: int, published: dt.datetime) -> Story:
    """A procurement news story with money, percent and count figures that vary with ``n``."""
    city, topic = CITIES[n % len(CITIES)], TOPICS[n % len(TOPICS)]
    amount = 1000 + n * 137.25
    share = 20 + (n * 7) % 70
    return Story(
        title=f"{city}推进{topic}工作成效明显（{n}）",
        subtitle=f"全年完成采购金额{amount:.2f}万元",
        column="地方动态",
        author=f"记者{'张王李赵刘'[n % 5]}{'明华强军'[n % 4]}",
        paragraphs=[
            f"本报讯 近日，{city}财政局通报了{published.year - 1}年度{topic}情况。",
            f"统计显示，全市预算单位全年完成采购金额{amount:.2f}万元，同比增长{share}.5%，"
            f"共有{12 + n}个单位超额完成任务。",
            f"下一步，{city}将继续加大政策支持力度，预计今年采购规模将超过{int(amount * 1.2)}万元。",
        ],
        published=published,
        info_code=f"NW{published:%Y%m%d}{2276000000 + n}",
    )


def stories(count: int, per_day: int = 1, newest: dt.datetime = dt.datetime(2022, 2, 14, 20, 52, 19)) -> list[Story]:
    """Seed 003 first, then ``count - 1`` generated stories, ``per_day`` a day going back, newest first."""
    return [seed_story()] + [
        generated_story(i, newest - dt.timedelta(days=i // per_day, minutes=i % per_day)) for i in range(1, count)
    ]
