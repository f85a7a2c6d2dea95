"""Generate any number of realistic articles by recombining the page set's hand-written texts.

Deterministic for a given seed. Each article takes a title, 3–7 paragraphs from
different source articles (figures re-drawn so they differ), a date between
2010 and 2025, and one of three formats: a finews Jekyll post (60%), a
generic government HTML page in GBK (25%) or a traditional-character text
dump (15%). Used by the import and growth benchmarks; nothing is written to
disk unless asked.

    python bench/corpus.py --count 1000 --out /tmp/corpus   # write files
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from collections.abc import Iterator
from pathlib import Path

import opencc

ARTICLES = Path(__file__).resolve().parent / "pages" / "articles.txt"
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?=万元|亿元|元|%|家|个|项)")
_T = opencc.OpenCC("s2t")


def load_texts(path: Path = ARTICLES) -> tuple[list[str], list[str]]:
    """(titles, paragraphs) of the page set's article texts."""
    titles, paragraphs = [], []
    for block in path.read_text(encoding="utf-8").split("\n===\n")[1:]:
        head, _, body = block.partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        titles.append(meta["title"])
        paragraphs.extend(p for p in body.splitlines()[1:] if p.strip())
    return titles, paragraphs


def _redraw(text: str, rng: random.Random) -> str:
    def new(m: re.Match[str]) -> str:
        digits = m.group(0)
        value = float(digits) * rng.uniform(0.3, 3.0)
        return f"{value:.2f}" if "." in digits else str(max(1, int(value)))

    return _NUMBER.sub(new, text)


def _jekyll(title: str, paras: list[str], when: dt.datetime, code: str) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f'---\nlayout: post\ntitle: "{title}"\ndate: {when:%Y-%m-%d %H:%M:%S} +0800\n'
        f"categories: zhongguozhengfucaigoubao\ntags: 中国政府采购报新闻\n---\n"
        f'<p><strong>新闻第一站</strong></p>\n<p align="center"><strong>{title}</strong></p>\n{body}\n'
        f"<p>(李松华)</p>\n<p>本报拥有此文版权，若需转载或复制，请注明来源于中国政府采购报。</p>"
        f'<p class="em_media">（文章来源：中国政府采购报）</p>\n\n'
        f"<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW{code}>\n"
    ).encode("utf-8")


def _html(title: str, paras: list[str], when: dt.datetime) -> bytes:
    body = "<BR>\n".join(f"\u3000\u3000{p}" for p in paras)
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{title} - 某市财政局</title></head><body>"
        f'<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>'
        f'<table><tr><td align="center"><b>{title}</b></td></tr>'
        f'<tr><td align="center">发布时间：{when:%Y-%m-%d}　来源：市财政局</td></tr>'
        f"<tr><td>{body}</td></tr></table>"
        f'<div class="related"><h3>相关新闻</h3><ul><li><a href="/a/1.html">政府采购意向公开实现全覆盖</a></li></ul></div>'
        f'<div class="footer">版权所有：某市财政局</div></body></html>'
    )
    return page.encode("gb18030")


def _dump(title: str, paras: list[str]) -> bytes:
    text = "\n".join([title, title, *paras, "(柳财)", "本报拥有此文版权，若需转载或复制，请注明来源于中国政府采购报。", "责任编辑:LIZHENG", "点击排行"])
    return _T.convert(text).encode("utf-8")


def generate(count: int, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """Yield ``count`` (file name, bytes) pairs, lazily."""
    rng = random.Random(seed)
    titles, paragraphs = load_texts()
    start = dt.datetime(2010, 1, 1, 8, 0)
    for i in range(count):
        when = start + dt.timedelta(minutes=rng.randrange(16 * 365 * 24 * 60))
        title = f"{rng.choice(titles)}（{i}）"
        paras = [_redraw(p, rng) for p in rng.sample(paragraphs, rng.randint(3, 7))]
        kind = rng.random()
        if kind < 0.6:
            yield f"{when:%Y-%m-%d}-{i}.md", _jekyll(title, paras, when, f"{when:%Y%m%d}{i:012d}")
        elif kind < 0.85:
            yield f"page-{i}.html", _html(title, paras, when)
        else:
            yield f"dump-{i}.txt", _dump(title, paras)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in generate(args.count, args.seed):
        (args.out / name).write_bytes(data)


if __name__ == "__main__":
    main()
