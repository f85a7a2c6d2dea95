"""Time and peak memory of importing one huge text dump (the 20 MB case of RELIABILITY.md).

    python bench/big_text.py --mb 20

The text repeats one news sentence with an amount and is cut at exactly N MB (so mid-character,
like a truncated download); it goes through ``cgpn.pipeline.ingest`` under the default time limit.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import Archive  # noqa: E402
from cgpn.pipeline import ingest  # noqa: E402

SENTENCE = "本报讯 柳州市已完成政府采购1955.96万元，率先完成全年任务。"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    size = int(parser.parse_args().mb * 1_000_000)
    data = ("柳州完成采购\n" + SENTENCE * (size // len(SENTENCE.encode()) + 1)).encode()[:size]
    with tempfile.TemporaryDirectory() as tmp, Archive(str(Path(tmp) / "a.db")) as archive:
        wall, cpu = time.monotonic(), time.process_time()
        out = ingest(archive, data, location="big.txt", source="file", path="big.txt")
        wall, cpu = time.monotonic() - wall, time.process_time() - cpu
        figures = archive.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(data):,} bytes: {out.status} {out.error or ''} in {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"{figures:,} figures, peak RSS {peak:,} MB")


if __name__ == "__main__":
    main()
