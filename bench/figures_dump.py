"""Write every figure the reader finds, every field of it, as JSON lines: a change meant to leave the output
alone (a speed-up) is checked by comparing two dumps byte for byte::

    python bench/figures_dump.py > /tmp/before.jsonl   # on the commit before the change
    python bench/figures_dump.py > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

The texts: the labelled figure set (``tests/data/figures``) and meaning batches (``tests/data/meaning/*/``)
through :func:`extract_figures` with their title, subtitle, date, author, publisher and URL; the seeds and
other files of ``fixtures/`` and, with ``--pages``, the saved web pages of ``bench/pages``, ``bench/heldout``
and ``bench/webpages`` through :func:`extractors.extract`. One line per text (its figures and the warnings
of the reading), ordered by path.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import extract  # noqa: E402
from extractors.figures import extract_figures  # noqa: E402
from extractors.formats import ExtractionError  # noqa: E402

LABELLED = [ROOT / "tests" / "data" / "figures", *sorted((ROOT / "tests" / "data" / "meaning").glob("*/"))]
FILES = [ROOT / "fixtures"]
PAGES = [ROOT / "bench" / d / "html" for d in ("pages", "heldout", "webpages")]


def labelled(path: Path) -> dict:
    record = json.loads(path.read_text(encoding="utf-8"))
    warnings: list[str] = []
    figures = extract_figures(record["text"], title=record.get("title"), subtitle=record.get("subtitle"),
                              published_at=record.get("published_at"), author=record.get("author"),
                              publisher=record.get("publisher"), url=record.get("url"), warnings=warnings)
    return {"figures": [f.to_dict() for f in figures], "warnings": warnings}


def extracted(path: Path) -> dict:
    try:
        art = extract(path.read_bytes(), path=str(path.relative_to(ROOT)))
    except ExtractionError as e:
        return {"error": str(e)}
    return {"figures": [f.to_dict() for f in art.figures], "warnings": art.warnings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="also the saved web pages of bench/ (slower)")
    args = parser.parse_args()
    jobs = [(p, labelled) for d in LABELLED for p in sorted(d.glob("*.json"))]
    jobs += [(p, extracted) for d in FILES + (PAGES if args.pages else []) for p in sorted(d.rglob("*"))
             if p.is_file() and p.suffix != ".md"]
    for path, read in jobs:
        line = {"text": str(path.relative_to(ROOT)), **read(path)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
