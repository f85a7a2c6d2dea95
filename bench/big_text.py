"""Time and peak memory of importing one huge text dump (the 20 MB case of RELIABILITY.md), then of
verifying the archive that holds it.

    python bench/big_text.py --mb 20 [--old-sql-cap 60]

The text repeats one news sentence with an amount and is cut at exactly N MB (so mid-character,
like a truncated download); it goes through ``cgpn.pipeline.ingest`` under the default time limit.
Then ``archive.verify.verify`` (what ``cgpn verify`` runs) checks the archive; with
``--old-sql-cap S`` the figure-offsets check is also run the way it was before issue 19 (one SQL
query, ``substr`` of the body per figure), stopped after S seconds if it has not finished.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import Archive  # noqa: E402
from archive.verify import verify  # noqa: E402
from cgpn.pipeline import ingest  # noqa: E402

SENTENCE = "本报讯 柳州市已完成政府采购1955.96万元，率先完成全年任务。"
# The figure-offsets check as it was: one query, SQLite's substr() reading the body again for each figure.
OLD_FIGURE_OFFSETS = (
    "SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.start IS NULL OR f.\"end\" IS NULL "
    "OR f.start < 0 OR f.\"end\" - f.start != length(f.surface) OR substr(CASE f.field WHEN 'title' THEN a.title "
    "WHEN 'subtitle' THEN a.subtitle ELSE a.body END, f.start + 1, f.\"end\" - f.start) IS NOT f.surface"
)


def old_figure_offsets(conn: sqlite3.Connection, cap: float) -> str:
    """Seconds the old query took, or that it was stopped at ``cap``."""
    start = time.monotonic()
    conn.set_progress_handler(lambda: int(time.monotonic() - start > cap), 100_000)
    try:
        conn.execute(OLD_FIGURE_OFFSETS).fetchone()
    except sqlite3.OperationalError:  # interrupted
        return f"not finished after {time.monotonic() - start:.0f} s (stopped)"
    finally:
        conn.set_progress_handler(None, 0)
    return f"{time.monotonic() - start:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--old-sql-cap", type=float, help="also run the old figure-offsets query, for at most S seconds")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    data = ("柳州完成采购\n" + SENTENCE * (size // len(SENTENCE.encode()) + 1)).encode()[:size]
    with tempfile.TemporaryDirectory() as tmp, Archive(str(Path(tmp) / "a.db")) as archive:
        wall, cpu = time.monotonic(), time.process_time()
        out = ingest(archive, data, location="big.txt", source="file", path="big.txt")
        wall, cpu = time.monotonic() - wall, time.process_time() - cpu
        figures = archive.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{len(data):,} bytes: {out.status} {out.error or ''} in {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{figures:,} figures, peak RSS {peak:,} MB")
        checked = time.monotonic()
        problems = verify(archive.conn)
        print(f"verify: {len(problems)} problems in {time.monotonic() - checked:.1f} s")
        if args.old_sql_cap:
            print(f"old figure-offsets query: {old_figure_offsets(archive.conn, args.old_sql_cap)}")


if __name__ == "__main__":
    main()
