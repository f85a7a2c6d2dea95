"""Series against the truth they were written from: the yearly reports of bench/reports.py.

    python bench/series_check.py            # builds the demo archive (fixtures/ + reports) in a temp folder

For every place, year (2019–2024) and metric the reports state, the ``series`` point is: right
(agreed value equals the truth), wrong (agreed value differs: the error that must not happen),
flagged (the articles disagree; the point shows every value, the truth among them or not) or
missing (no point: the extractor gave the figures another metric, place or period, or a change).
Points that real fixture articles also report are left out (the reports' values are invented).
"""

from __future__ import annotations

import collections
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from reports import PRELIMINARY_DIFFERS, build_archive, truth  # noqa: E402

FIELDS = {"政府采购规模": "volume", "节约资金": "savings", "资金节约率": "saving_rate", "货物类采购规模": "goods",
          "工程类采购规模": "works", "服务类采购规模": "services", "授予中小企业合同金额": "sme", "授予小微企业合同金额": "micro",
          "脱贫地区农副产品采购额": "farm", "政采贷放款额": "loans"}


def check(conn: sqlite3.Connection) -> tuple[dict[str, collections.Counter[str]], list[tuple]]:
    fixtures = {r[0] for r in conn.execute("SELECT id FROM articles WHERE path NOT LIKE 'reports/%'")}
    counts: dict[str, collections.Counter[str]] = {m: collections.Counter() for m in FIELDS}
    notes = []
    for place, years in truth().items():
        for year, values in years.items():
            for metric, field in FIELDS.items():
                if metric == "政采贷放款额" and place == "全国":
                    continue  # the national release does not state it
                expected = getattr(values, field)
                row = conn.execute("SELECT value, unit, conflict, article_ids, reported FROM series "
                                   "WHERE subject = ? AND metric = ? AND period = ?", (place, metric, str(year))).fetchone()
                if row is None:
                    counts[metric]["missing"] += 1
                    continue
                value, unit, conflict, article_ids, reported = row
                if fixtures & set(json.loads(article_ids)):
                    counts[metric]["also in fixtures"] += 1
                    continue
                scale = 1e8 if unit == "元" else 1
                if conflict:
                    planted = metric == "政府采购规模" and (place, year) in PRELIMINARY_DIFFERS
                    counts[metric]["flagged (planted)" if planted else "flagged"] += 1
                    if not planted:
                        notes.append((place, year, metric, expected, [r["value"] / scale for r in json.loads(reported)]))
                elif round(value / scale, 6) == expected:
                    counts[metric]["right"] += 1
                else:
                    counts[metric]["wrong"] += 1
                    notes.append((place, year, metric, expected, value / scale))
    return counts, notes


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.db"
        print(build_archive(path))
        counts, notes = check(sqlite3.connect(path))
    columns = ("right", "wrong", "flagged", "flagged (planted)", "missing", "also in fixtures")
    print("| metric | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for metric, c in counts.items():
        print(f"| {metric} | " + " | ".join(str(c[k]) for k in columns) + " |")
    total = sum(counts.values(), collections.Counter())
    print("| all | " + " | ".join(str(total[k]) for k in columns) + " |")
    for note in notes[:40]:
        print(note, file=sys.stderr)


if __name__ == "__main__":
    main()
