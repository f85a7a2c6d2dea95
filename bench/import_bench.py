"""Import throughput, peak memory, DB size and search latency as the archive grows.

Each size runs in its own process (so peak RSS is that run's own): generate N
articles with bench/corpus.py, stream them through ``cgpn.pipeline.ingest``
(capture, repair, figures, FTS, committed in batches: the same path as ``cgpn
import``, minus reading files), then time full-text queries on the result.

    python bench/import_bench.py --sizes 1000,10000 --out bench/out
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

QUERIES = ["政府采购", "832平台", "预留份额", "节约资金", "政采贷", "中小企业", "框架协议", "电子化", "脱贫地区", "采购意向"]


def run_one(count: int, db_path: Path) -> dict[str, float]:
    from archive import Archive
    from archive.fts import index_text
    from cgpn.pipeline import ingest
    from corpus import generate

    db_path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Archive(str(db_path)) as arc:
        with arc.batch():  # as cgpn import commits
            for name, data in generate(count):
                ingest(arc, data, location=f"bench://{name}", source="file", path=name)
        elapsed = time.perf_counter() - t0
        arc.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        latencies = []
        for _ in range(5):
            for q in QUERIES:
                match = " ".join(f'"{w}"' for w in index_text(q).split())
                t = time.perf_counter()
                arc.conn.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 20", (match,)
                ).fetchall()
                latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    return {
        "articles": count,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(count / elapsed, 1),
        "db_mb": round(db_path.stat().st_size / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "search_p50_ms": round(statistics.median(latencies), 2),
        "search_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(run_one(args.one, args.out / f"import-{args.one}.db")))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--out", str(args.out)],
                             check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr)
    print("| articles | import s | articles/s | DB MB | peak RSS MB | search p50 ms | search p95 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['seconds']} | {r['articles_per_s']} | {r['db_mb']} | {r['peak_rss_mb']} | {r['search_p50_ms']} | {r['search_p95_ms']} |")


if __name__ == "__main__":
    main()
