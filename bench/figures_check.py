"""Check the hand-labelled figure set: every label's surface stands at its offset.

Fails (exit 1, one line per problem) when a label's ``surface`` is not
``text[start:start+len(surface)]`` of its field, a kind is unknown, or a
money label lacks ``value_yuan``; prints the set's size otherwise::

    python bench/figures_check.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "figures"
KINDS = {"money", "percent", "points", "count", "area", "duration", "weight", "length"}
FIELD_KEY = {"body": "text", "title": "title", "subtitle": "subtitle"}


def load() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("*.json"))]


def problems(records: list[dict]) -> list[str]:
    out = []
    for r in records:
        for label in r["labels"]:
            text = r.get(FIELD_KEY[label["field"]]) or ""
            s, surface = label["start"], label["surface"]
            if text[s : s + len(surface)] != surface:
                out.append(f"{r['id']}: {surface!r} is not at {label['field']}[{s}] ({text[s:s + len(surface)]!r})")
            if label["kind"] not in KINDS:
                out.append(f"{r['id']}: {surface!r} has unknown kind {label['kind']!r}")
            if label["kind"] == "money" and label["value_yuan"] is None:
                out.append(f"{r['id']}: {surface!r} is money without value_yuan")
    return out


def main() -> int:
    records = load()
    found = problems(records)
    for line in found:
        print(line)
    print(f"{len(records)} texts, {sum(len(r['labels']) for r in records)} labels, {len(found)} problems")
    return 1 if found or not records else 0


if __name__ == "__main__":
    sys.exit(main())
