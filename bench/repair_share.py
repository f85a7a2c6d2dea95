"""Share of page extraction time spent repairing text, on pages whose text needs no repair.

Issue target: repairing clean text costs under 10 % of the whole extraction of a page.
Every page of the HTML sets and every fixture is extracted (after a warm-up pass) with the
repair step timed on its own; pages that came out with a text repair (mojibake, pinyin,
traditional characters, full-width digits) are reported apart, since their repair is real work.

    python bench/repair_share.py --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractors  # noqa: E402
from extractors import ExtractionError, extract  # noqa: E402

SETS = {"bench/pages": ROOT / "bench/pages/html", "bench/heldout": ROOT / "bench/heldout/html", "fixtures": ROOT / "fixtures"}
_spent = [0.0]
_repair = extractors.repair


def _timed_repair(*args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.process_time()
    try:
        return _repair(*args, **kwargs)
    finally:
        _spent[0] += time.process_time() - start


def measure(pages: list[Path], repeat: int) -> dict[str, list[float]]:
    """Per group ('clean' or 'repaired'): [pages, extraction CPU s, repair CPU s], best of ``repeat``."""
    groups: dict[str, list[float]] = {}
    for page in pages:
        data = page.read_bytes()
        try:
            art = extract(data, path=str(page))  # warm-up, and which group the page is in
        except ExtractionError:
            continue
        group = "repaired" if set(art.repairs) - {"boilerplate"} else "clean"
        best = (float("inf"), 0.0)
        for _ in range(repeat):
            _spent[0] = 0.0
            start = time.process_time()
            extract(data, path=str(page))
            best = min(best, (time.process_time() - start, _spent[0]))
        row = groups.setdefault(group, [0, 0.0, 0.0])
        row[0] += 1
        row[1] += best[0]
        row[2] += best[1]
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extractors.repair = _timed_repair  # finish() looks the name up at call time
    print("| pages | group | n | extraction ms/page | repair ms/page | repair share |")
    print("|---|---|---:|---:|---:|---:|")
    for name, folder in SETS.items():
        pages = sorted(p for p in folder.iterdir() if p.is_file())
        for group, (n, total, repair) in sorted(measure(pages, args.repeat).items()):
            print(f"| {name} | {group} | {n:.0f} | {1000 * total / n:.2f} | {1000 * repair / n:.2f} | {repair / total:.1%} |")


if __name__ == "__main__":
    main()
