"""CPU time of ``extractors.extract`` on page shapes that old Chinese CMS pages really have.

Each shape is a whole page (title, info line, chrome) whose article is written the way some
sites write theirs: ``<font>`` or ``<b>`` opened on every line and never closed, ``<p>``
opened inside ``<font>`` on every line (libxml2 then nests every paragraph in the one before),
thousands of nested ``<div>``, a ``<div>`` of a class that may name
chrome (``list``) left open on every line, a 3,000-cell layout table, a 1,000-item link list beside a short
article, 600 paragraphs, a 3,000-line ``<br>`` run. Pages are 20-100 KB, the size of real
article pages; the target is under 0.2 s of CPU each.

Usage (repository root)::

    python bench/extract_cpu.py                 # this checkout's extractor
    python bench/extract_cpu.py --repeat 5      # fastest of 5 runs per page
    PYTHONPATH=/path/to/other/checkout python bench/extract_cpu.py   # another version
    python bench/extract_cpu.py --profile "<p><font>"   # cProfile of the first shape so named

The time is ``time.process_time`` around one ``extract()`` call (decoding, HTML, repair,
boilerplate and figures included), the fastest of ``--repeat`` runs after one warm-up call.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH, when given, comes first

from extractors import ExtractionError, extract  # noqa: E402

P = "今年以来，全市预算单位通过平台采购农副产品，累计金额达到一千多万元，完成率较去年同期明显提高。"


def page(body: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>测试页面标题 - 某某网</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> | <a href='/news/'>新闻</a></div><h1>测试页面标题</h1>"
            f"<div class='info'>发布时间：2011-07-05</div>{body}<div class='footer'>版权所有 某某网</div></body></html>")


def shapes() -> dict[str, str]:
    rng = random.Random(1)
    ten = "".join(f"<p>{P}</p>" for _ in range(10))
    return {
        "<font> left open on 400 lines": page("<table><tr><td>" + "".join(f"<font size=3>　　{P}<br><br>" for _ in range(400)) + "</td></tr></table>"),
        "<p><font> left open on 500 lines": page("<font>" + "".join(f"<p><font size=2>{P}" for _ in range(500))),
        "<b> left open on 400 lines": page("<div>" + "".join(f"<b>{P}<br>" for _ in range(400)) + "</div>"),
        "<span> left open on 600 lines": page("<div>" + "".join(f"<span>{P}" for _ in range(600)) + "</div>"),
        "<center><font> left open, 400": page("".join(f"<center><font>{P}" for _ in range(400))),
        "400 nested title-classed <strong>": page("<div>" + "".join(f"<strong class=title>{P[:10]}" for _ in range(400)) + "</div>"),
        "1,500 nested <div>": page("<div>" * 1500 + P * 3 + "</div>" * 1500),
        "<div class=list> left open on 600 lines": page("".join(f"<div class=list>{P}<a href=#>更多</a>" for _ in range(600))),
        "3,000-cell layout table": page("<table>" + "".join("<tr>" + "".join(f"<td>{P[:8]}</td>" for _ in range(10)) + "</tr>" for _ in range(300)) + f"</table><div class=content>{ten}</div>"),
        "1,000-item dated link list": page("<ul>" + "".join(f"<li><a href=#>{P[:15]}</a> 2011-07-0{i % 9 + 1}</li>" for i in range(1000)) + f"</ul><div class=content>{ten}</div>"),
        "600 paragraphs": page("<div class=content>" + "".join(f"<p>{P}</p>" for _ in range(600)) + "</div>"),
        "3,000-line <br> run": page("<div>" + "<br>".join(P for _ in range(600)) + "</div>"),
        "300 paragraphs of figures": page("<div class=content>" + "".join(
            f"<p>采购金额{rng.randint(1, 99999)}.{rng.randint(10, 99)}万元，增长{rng.randint(1, 99)}.{rng.randint(1, 9)}%，"
            f"其中{rng.randint(1, 999)}家单位完成{rng.randint(1, 999)}个项目。</p>" for _ in range(300)) + "</div>"),
        "one 28,000-character paragraph": page("<div class=content><p>" + P * 600 + "</p></div>"),
    }


def cpu(data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        try:
            extract(data, url="http://example.gov.cn/a.html")
        except ExtractionError:
            pass
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts")
    ap.add_argument("--profile", metavar="SHAPE", help="print the cProfile of the first shape whose name contains SHAPE")
    args = ap.parse_args(argv)
    cases = shapes()
    extract(page(P * 3).encode())  # warm-up: lazy tables (figures, places) load once
    if args.profile:
        name = next(n for n in cases if args.profile in n)
        profile = cProfile.Profile()
        profile.runcall(cpu, cases[name].encode("utf-8"), 1)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(14)
        print(f"{name}:\n{out.getvalue()}")
        return 0
    print(f"extractors from {Path(sys.modules['extractors'].__file__).parent}; fastest of {args.repeat} run(s)\n")
    print("| page shape | KB | CPU ms |\n|---|---:|---:|")
    worst = 0.0
    for name, markup in cases.items():
        data = markup.encode("utf-8")
        took = cpu(data, args.repeat)
        worst = max(worst, took)
        print(f"| {name} | {len(data) / 1000:.0f} | {1000 * took:.0f} |")
    print(f"\nworst: {1000 * worst:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
