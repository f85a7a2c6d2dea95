"""Series and dashboard at scale: build a large archive, time the dashboard pages, time series upkeep.

    python bench/series_bench.py build bench/out/series-200k.db --articles 200000 --jobs 2
    python bench/series_bench.py dashboard bench/out/series-200k.db
    python bench/series_bench.py update bench/out/series-200k.db

``build`` imports N articles of bench/corpus.py (recombined page-set paragraphs, figures re-drawn:
every place and year reports random values, so series points gather many disagreeing reports),
the yearly reports of bench/reports.py and fixtures/, through ``cgpn.pipeline.import_documents``
(series kept current batch by batch, as ``cgpn import`` does).

``dashboard`` serves the archive with ``cgpn serve``'s Datasette (immutable, in a uvicorn thread on
127.0.0.1) and, for several filter settings, times what a browser asks for: the dashboard page,
then each chart's data (the URL datasette-dashboards' JS builds), one after the other (a browser
fetches them in parallel, so the sum is pessimistic). Median and worst of 5 runs after a warm-up run,
and the first (cold) run.

``update`` imports 5 new yearly reports into the archive and times it, the series upkeep inside it
(``archive.series.update_series``), and a full ``rebuild_series`` of the same archive for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

FILTERS = [
    {},
    {"subject": "广西", "metric": "脱贫地区农副产品采购额"},
    {"subject": "全国", "metric": "政府采购规模"},
    {"subject": "浙江", "metric": "授予中小企业合同金额", "period": "2023"},
    {"metric": "资金节约率"},
]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    return f"{os.cpu_count()} cores ({cpu}); SQLite {sqlite3.sqlite_version}; Python {sys.version.split()[0]}"


def documents(count: int) -> Iterator[tuple[str, bytes]]:
    from corpus import generate
    from reports import generate as reports

    for path in sorted((ROOT / "fixtures").iterdir()):
        yield str(path), path.read_bytes()
    for name, data in reports():
        yield f"bench://reports/{name}", data
    for name, data in generate(count):
        yield f"bench://corpus/{name}", data


def _timed(module: object, name: str, spent: list[float]) -> None:
    """Wrap ``module.name`` so that the seconds spent in it add up in ``spent[0]``."""
    original = getattr(module, name)

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    setattr(module, name, timed)


def build(path: Path, count: int, jobs: int) -> dict:
    from archive import Archive
    from cgpn import pipeline

    path.unlink(missing_ok=True)
    filing, refreshing = [0.0], [0.0]
    _timed(pipeline, "file_series", filing)
    _timed(pipeline, "refresh_series", refreshing)
    tenths: list[tuple[int, float]] = []
    step = max(1, count // 10)

    started = time.perf_counter()
    seen = [0]

    def progress(outcome: object) -> None:
        seen[0] += 1
        if seen[0] % step == 0:
            tenths.append((seen[0], time.perf_counter() - started))

    with Archive(str(path)) as arc:
        summary = pipeline.import_documents(arc, documents(count), category=None, jobs=jobs, on_done=progress)
        seconds = time.perf_counter() - started
        arc.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        q = lambda sql: arc.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": q("SELECT count(*) FROM articles"), "figures": q("SELECT count(*) FROM figures"),
                "series_figures": q("SELECT count(*) FROM series_figures"), "series": q("SELECT count(*) FROM series"),
                "conflicts": q("SELECT count(*) FROM series WHERE conflict"), "import_s": round(seconds, 1),
                "articles_per_s": round(summary.counts["new"] / seconds, 1), "file_series_s": round(filing[0], 1),
                "refresh_series_at_end_s": round(refreshing[0], 1), "db_mb": round(path.stat().st_size / 2**20),
                "tenths": [{"documents": n, "per_s": round((n - n0) / (t - t0), 1)}
                           for (n0, t0), (n, t) in zip([(0, 0.0)] + tenths, tenths)],
                "machine": machine()}


class Server:
    """``cgpn serve``'s Datasette over ``path`` in a uvicorn thread on 127.0.0.1."""

    def __init__(self, path: Path):
        import uvicorn

        from archive.datasette_plugin import make_datasette

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(make_datasette(path).app(), host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def page_requests(base: str, db: str, filters: dict[str, str]) -> list[tuple[str, str]]:
    """(name, URL) of what the dashboard page asks for: the page, then each chart's data as dashboards.js builds it."""
    from datasette_dashboards import replace_opts_in_query

    from archive.dashboard import dashboards

    qs = urllib.parse.urlencode(filters)
    urls = [("page", f"{base}/-/dashboards/facts?{qs}")]
    for slug, chart in dashboards([db], "/")["facts"]["charts"].items():
        if chart.get("query"):
            sql = replace_opts_in_query(chart["query"], filters)
            urls.append((slug, f"{base}/{db}.json?sql={urllib.parse.quote(sql)}&{qs}&_shape=objects"))
    return urls


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
        assert response.status == 200, url
    if url.endswith("_shape=objects"):
        assert json.loads(body)["ok"] is not False, body[:300]
    return (time.perf_counter() - started) * 1000


def dashboard(path: Path, runs: int) -> dict:
    out = {"machine": machine(), "pages": []}
    with Server(path) as base:
        for filters in FILTERS:
            requests = page_requests(base, path.stem, filters)
            cold = {name: fetch(url) for name, url in requests}
            timed = [{name: fetch(url) for name, url in requests} for _ in range(runs)]
            totals = [sum(t.values()) for t in timed]
            out["pages"].append({
                "filters": filters, "cold_total_ms": round(sum(cold.values())),
                "total_ms_median": round(statistics.median(totals)), "total_ms_max": round(max(totals)),
                "slowest": max(((name, round(statistics.median(t[name] for t in timed))) for name in cold), key=lambda x: x[1]),
                "per_request_median_ms": {name: round(statistics.median(t[name] for t in timed), 1) for name in cold},
            })
            print(json.dumps(out["pages"][-1], ensure_ascii=False), flush=True)
    return out


def update(path: Path) -> dict:
    import archive.series as series_module
    from archive import Archive
    from cgpn import pipeline
    from reports import generate as reports

    new = [(f"bench://update/{name}", data) for name, data in list(reports(seed=99))[:5]]
    filing, refreshing = [0.0], [0.0]
    _timed(pipeline, "file_series", filing)
    _timed(pipeline, "refresh_series", refreshing)
    with Archive(str(path)) as arc:
        rebuild = series_module._rebuild
        series_module._rebuild = None  # an incremental update must not fall back to a rebuild
        started = time.perf_counter()
        summary = pipeline.import_documents(arc, new, category=None)
        import_s = time.perf_counter() - started
        series_module._rebuild = rebuild
        touched = arc.conn.execute("SELECT count(DISTINCT subject || metric || period), count(*) FROM series_figures "
                                   "WHERE article_id IN (SELECT id FROM articles WHERE path LIKE 'bench://update/%')").fetchone()
        started = time.perf_counter()
        points = series_module.rebuild_series(arc)
        rebuild_s = time.perf_counter() - started
    return {"imported": summary.line(), "import_ms": round(import_s * 1000, 1), "file_series_ms": round(filing[0] * 1000, 1),
            "refresh_series_ms": round(refreshing[0] * 1000, 1), "points_touched": touched[0], "figures_filed": touched[1],
            "rebuild_series_s": round(rebuild_s, 2), "points_rebuilt": points, "machine": machine()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "dashboard", "update"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.command == "build":
        result = build(args.path, args.articles, args.jobs)
    elif args.command == "dashboard":
        result = dashboard(args.path, args.runs)
    else:
        result = update(args.path)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
