"""Import throughput, peak memory, DB size and search latency as the archive grows.

Each size runs in its own process (so peak RSS is that run's own): generate N
articles with bench/corpus.py, stream them through ``cgpn.pipeline.import_documents``
(the path of ``cgpn import`` minus reading files: extraction, repair, figures, then
capture + article + figures + FTS written in groups), then time searches on the result.
Generating the articles is not timed.

    python bench/import_bench.py --sizes 1000,10000 --out bench/out
    python bench/import_bench.py --sizes 3000 --profile   # cProfile of the import, to stderr
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

QUERIES = ["政府采购", "832平台", "预留份额", "节约资金", "政采贷", "中小企业", "框架协议", "电子化", "脱贫地区", "采购意向"]


def _written_bytes() -> int:
    """Bytes this process has caused to be written to disk (Linux /proc/self/io), 0 elsewhere."""
    try:
        with open("/proc/self/io") as f:
            return int(dict(line.split(": ") for line in f.read().splitlines())["write_bytes"])
    except OSError:
        return 0


def _tree_usage() -> tuple[float, float]:
    """(PSS MB, CPU s) of this process and its live descendants (import workers and their
    forkserver), from /proc (psutil is not a dependency): memory shared between them is counted
    once, and workers' CPU, live or ended, is counted, so articles per CPU second compare
    ``--jobs`` runs fairly."""
    stats: dict[int, list[str]] = {}  # pid -> the fields of /proc/<pid>/stat after the command name
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(path.parent.name)] = path.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while we looked
            continue
    pss_kb, ticks, todo = 0, 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        todo += [child for child, fields in stats.items() if int(fields[1]) == pid]
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        pss_kb += sum(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
        ticks += sum(map(int, stats[pid][11:15]))  # utime, stime, and cutime, cstime: ended workers reaped by it
    return pss_kb / 1024, ticks / os.sysconf("SC_CLK_TCK")


def _percentiles(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return round(statistics.median(ms), 2), round(ms[int(len(ms) * 0.95) - 1], 2)


def run_one(count: int, db_path: Path, jobs: int = 1, profile: bool = False) -> dict[str, Any]:
    from archive import Archive
    from archive.fts import index_text
    from archive.search import search
    from cgpn.pipeline import BATCH_SIZE, import_documents
    from corpus import generate

    db_path.unlink(missing_ok=True)
    index_text("政府采购")  # load jieba's dictionary once, before the clock: a per-process cost, not per article
    outside = [0.0, 0.0]  # wall and CPU seconds spent generating articles and sampling /proc: not import work

    def documents() -> Iterator[tuple[str, bytes]]:
        articles = generate(count)
        while True:
            w, c = time.perf_counter(), time.process_time()
            item = next(articles, None)
            outside[0] += time.perf_counter() - w
            outside[1] += time.process_time() - c
            if item is None:
                return
            yield f"bench://{item[0]}", item[1]

    # Every tenth of the run: (articles, wall s, CPU s, MB written) so far, for the marginal cost of each tenth.
    tenths: list[tuple[int, float, float, float]] = []
    done, peak_pss = [0], [0.0]

    def clock() -> tuple[float, float, float]:
        w, c = time.perf_counter(), time.process_time()
        pss, cpu = _tree_usage()
        peak_pss[0] = max(peak_pss[0], pss)
        now = (w - outside[0], cpu - outside[1], _written_bytes() / 2**20)
        outside[0] += time.perf_counter() - w  # reading every process's /proc files takes a few ms
        outside[1] += time.process_time() - c
        return now

    # Outcomes arrive a batch at a time, after its commit: a "tenth" is a whole number of batches (the
    # generated articles are small, so a batch is BATCH_SIZE of them), or its time would hold part of the next.
    tenth = max(1, count // 10 // BATCH_SIZE) * BATCH_SIZE

    def on_done(outcome: object) -> None:
        done[0] += 1
        if done[0] % tenth == 0 and len(tenths) < 10:
            tenths.append((done[0], *clock()))
        elif done[0] % max(1, count // 100) == 0:
            clock()  # one more memory sample

    with Archive(str(db_path)) as arc:
        profiler = cProfile.Profile() if profile else None
        start = clock()
        with profiler or contextlib.nullcontext():  # the path of `cgpn import`
            summary = import_documents(arc, documents(), category=None, on_done=on_done, jobs=jobs)
        end = clock()
        if profiler:  # bench/corpus.py's frames are generating the articles, not importing them
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        wall, cpu = end[0] - start[0], end[1] - start[1]
        assert summary.counts["new"] == count, summary.line()
        arc.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw, ranked = [], []
        for _ in range(5):
            for q in QUERIES:
                match = " ".join(f'"{w}"' for w in index_text(q).split())
                t = time.perf_counter()
                arc.conn.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 20", (match,)
                ).fetchall()
                raw.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                search(arc.conn, q)  # what `cgpn search` runs: bm25 over the latest matches, snippets
                ranked.append((time.perf_counter() - t) * 1000)
    return {
        "articles": count,
        "jobs": jobs,
        "seconds": round(wall, 2),
        "articles_per_s": round(count / wall, 1),
        "articles_per_cpu_s": round(count / cpu, 1),
        "db_mb": round(db_path.stat().st_size / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_pss_mb_with_workers": round(peak_pss[0], 1),
        "search_ms": _percentiles(ranked),
        "full_rank_ms": _percentiles(raw),
        "tenths": [
            {"articles": n, "articles_per_s": round((n - n0) / (w - w0), 1), "articles_per_cpu_s": round((n - n0) / (c - c0), 1),
             "kb_written_per_article": round((b - b0) * 1024 / (n - n0), 1)}
            for (n0, w0, c0, b0), (n, w, c, b) in zip([(0, *start)] + tenths, tenths)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--jobs", type=int, default=1, help="extraction worker processes, as `cgpn import -j`")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each import (slows it down)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(run_one(args.one, args.out / f"import-{args.one}.db", args.jobs, args.profile)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size), "--out", str(args.out), "--jobs", str(args.jobs)]
        out = subprocess.run(command + ["--profile"] * args.profile, check=True, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})  # its stderr (a profile, errors) passes through
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr)
    print("| articles | import s | articles/s | articles/CPU-s | DB MB | peak RSS MB | peak PSS MB with workers "
          "| cgpn search p50 / p95 ms | full bm25 ranking p50 / p95 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['seconds']} | {r['articles_per_s']} | {r['articles_per_cpu_s']} | {r['db_mb']} | "
              f"{r['peak_rss_mb']} | {r['peak_pss_mb_with_workers']} | {r['search_ms'][0]} / {r['search_ms'][1]} | {r['full_rank_ms'][0]} / {r['full_rank_ms'][1]} |")
    largest = rows[-1]
    print(f"\nEach tenth of the {largest['articles']:,}-article run (marginal cost: is time linear in articles?)\n")
    print("| articles so far | articles/s in this tenth | articles/CPU-s | KB written per article |")
    print("|---:|---:|---:|---:|")
    for t in largest["tenths"]:
        print(f"| {t['articles']:,} | {t['articles_per_s']} | {t['articles_per_cpu_s']} | {t['kb_written_per_article']} |")

if __name__ == "__main__":
    main()
