"""Search benchmark: index build time, DB size, query latency against a LIKE scan.

    python bench/search_generate.py bench/out/search-200k.db --articles 200000
    python bench/search_bench.py bench/out/search-200k.db

Builds the FTS index of a generated archive (archive.fts.index_text for every
title, subtitle and body, as the archive's upsert does), then times
archive.search.search (jieba query segmentation, FTS5 MATCH, bm25, snippets of
20 hits) for 50 queries (median of 5 runs each, after one warm-up run) and the
same queries as LIKE '%…%' scans of titles, subtitles and bodies (one run each):
finding every matching article, as ranking needs, and the naive "latest 20"
(ORDER BY published_at DESC LIMIT 20, which stops early when a term is common);
then the FTS latency again after FTS5 'optimize'.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.fts import fold, index_text  # noqa: E402
from archive.search import _CLAUSE, _OPERATORS, RANK_WINDOW, match_expression, search  # noqa: E402

QUERIES = [
    # two-character and longer words
    "带量采购", "框架协议", "电子卖场", "评审专家", "采购意向", "合同融资", "进口产品", "信用评价", "质疑投诉", "医用耗材",
    "绿色采购", "政府购买服务", "代理机构", "公共资源交易", "应急采购", "电子发票", "数据中心", "绩效评价", "预留份额", "物有所值",
    # places
    "柳州", "广州市", "贵州省", "浙江省", "七台河市", "葫芦岛", "花都区", "内蒙古自治区",
    # Latin and digits
    "832平台", "PPP", "5G基站", "COVID-19", "PUE值",
    # traditional characters
    "脫貧地區", "農副產品", "綠色採購", "評審專家",
    # phrases and several terms
    '"乡村产业振兴"', '"政府和社会资本合作"', "广州 832平台", "浙江 电子卖场", "PPP 绩效评价", "中小企业 -浙江",
    # FTS syntax typed by a user
    '"832平台" OR PPP', "(带量采购", "NEAR(中小企业 融资)",
    # single characters
    "税", "峰",
    # very common words in this paper
    "政府采购", "采购",
]
assert len(QUERIES) == 50


def build_index(conn: sqlite3.Connection, batch: int = 2000) -> dict[str, float]:
    """Fill articles_fts from articles; return seconds spent (total, segmenting)."""
    conn.execute("DELETE FROM articles_fts")
    segmenting = 0.0
    started = time.perf_counter()
    rows = conn.execute("SELECT id, title, subtitle, body FROM articles ORDER BY id").fetchall()
    for start in range(0, len(rows), batch):
        t = time.perf_counter()
        values = [(i, index_text(title), index_text(subtitle), index_text(body)) for i, title, subtitle, body in rows[start:start + batch]]
        segmenting += time.perf_counter() - t
        with conn:
            conn.executemany("INSERT INTO articles_fts (rowid, title, subtitle, body) VALUES (?, ?, ?, ?)", values)
    return {"index_build_s": time.perf_counter() - started, "segmenting_s": segmenting}


def like_terms(query: str) -> list[str]:
    """The positive terms of a query as substrings for LIKE (folded like the index)."""
    terms = []
    for quoted, curly, bare in _CLAUSE.findall(query):
        term = quoted or curly or bare
        if bare and (bare.rstrip("*") in _OPERATORS or bare.startswith("-")):
            continue
        terms.append(fold(term.strip("()*")))
    return [t for t in terms if t]


def like_scan(conn: sqlite3.Connection, query: str, tail: str = "") -> list[int]:
    """Articles holding every term of ``query`` as a substring; ``tail`` may add ORDER BY/LIMIT."""
    terms = like_terms(query)
    where = " AND ".join("(title LIKE ? OR subtitle LIKE ? OR body LIKE ?)" for _ in terms)
    params = [f"%{t}%" for t in terms for _ in range(3)]
    return [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE {where} {tail}", params)]


LATEST_20 = "ORDER BY published_at DESC LIMIT 20"


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


def fts_latencies(conn: sqlite3.Connection, window: int | None, runs: int = 5) -> dict[str, float]:
    def one(q: str) -> None:
        search(conn, q, window=window)

    for q in QUERIES:
        one(q)  # warm-up
    return {q: statistics.median(timed(one, q) for _ in range(runs)) for q in QUERIES}


def summary(latencies: dict[str, float]) -> dict[str, float]:
    values = list(latencies.values())
    return {f"p{p}": round(percentile(values, p), 2) for p in (50, 95, 99)} | {"max": round(max(values), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--like-queries", type=int, default=len(QUERIES), help="Run the LIKE scan for the first N queries.")
    parser.add_argument("--window", type=lambda v: None if v == "all" else int(v), default=RANK_WINDOW,
                        help="bm25 ranks at most this many matches ('all': every match).")
    parser.add_argument("--no-build", action="store_true", help="Keep the index already built (and optimized) in PATH.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search-results.json")
    args = parser.parse_args()
    conn = sqlite3.connect(args.path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    result: dict = {"window": args.window, "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                    "body_chars_avg": round(conn.execute("SELECT avg(length(body)) FROM articles").fetchone()[0])}
    if not args.no_build:
        size_before = args.path.stat().st_size
        result |= build_index(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        result["db_mb_without_index"] = round(size_before / 2**20, 1)
        result["db_mb"] = round(args.path.stat().st_size / 2**20, 1)
        print(json.dumps(result), flush=True)

    matches = {q: conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                               (match_expression(q) or '""',)).fetchone()[0] for q in QUERIES}
    fts = fts_latencies(conn, args.window)
    result["fts"] = summary(fts)
    print("fts", result["fts"], flush=True)
    like = {q: timed(like_scan, conn, q) for q in QUERIES[: args.like_queries]}
    like_latest = {q: timed(like_scan, conn, q, LATEST_20) for q in QUERIES[: args.like_queries]}
    if like:
        result["like"] = summary(like)
        result["like_latest_20"] = summary(like_latest)
        ratios = [like[q] / fts[q] for q in like]
        result["speedup_median"] = round(statistics.median(ratios), 1)
        result["speedup_min"] = round(min(ratios), 1)
        result["speedup_of_medians"] = round(statistics.median(like.values()) / statistics.median(fts.values()), 1)
        print("like", result["like"], "speedup", result["speedup_median"], flush=True)

    started = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    result["optimize_s"] = round(time.perf_counter() - started, 1)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result["db_mb_optimized"] = round(args.path.stat().st_size / 2**20, 1)
    fts_optimized = fts_latencies(conn, args.window)
    result["fts_optimized"] = summary(fts_optimized)
    result["per_query"] = [
        {"query": q, "matches": matches[q], "fts_ms": round(fts[q], 2), "fts_optimized_ms": round(fts_optimized[q], 2),
         "like_ms": round(like[q], 1) if q in like else None,
         "like_latest_20_ms": round(like_latest[q], 1) if q in like else None}
        for q in QUERIES
    ]
    result["machine"] = f"{os.cpu_count()} cores; sqlite {sqlite3.sqlite_version}; python {sys.version.split()[0]}"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "per_query"}, ensure_ascii=False))
    for row in result["per_query"]:
        print(f"{row['query']:<24} {row['matches']:>7} {row['fts_ms']:>8} {row['fts_optimized_ms']:>8} "
              f"{row['like_ms']} {row['like_latest_20_ms']}")


if __name__ == "__main__":
    main()
