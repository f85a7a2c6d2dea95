"""Check the hand-labelled figure sets: every label's surface stands at its offset.

Fails (exit 1, one line per problem) when a label's ``surface`` is not
``text[start:start+len(surface)]`` of its field, a kind is unknown, a
money label lacks ``value_yuan``, or (meaning sets) a money/percent label lacks
its meaning, a period is not of the documented forms or a count lacks its base
value; prints the sets' sizes otherwise::

    python bench/figures_check.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
ROOT = DATA / "figures"
MEANING = DATA / "meaning"
# 2021, 2021-H1, 2021-Q3, 2021-06, 2021-01..2021-07, 2021..2024, ..2023-12 (the old set: 2016-2020)
ONE = r"\d{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?"
PERIOD = re.compile(rf"-|{ONE}|(?:{ONE})?\.\.{ONE}|\d{{4}}-\d{{4}}")
SCORED = ("money", "percent", "points")
KINDS = {"money", "percent", "points", "count", "area", "duration", "weight", "length"}
FIELD_KEY = {"body": "text", "title": "title", "subtitle": "subtitle"}


def load(root: Path = ROOT) -> list[dict]:
    """The records of one set: the figure set (default), a meaning batch, or every batch under ``MEANING``."""
    paths = sorted(root.glob("*.json")) if any(root.glob("*.json")) else sorted(root.glob("*/*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


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
            if "change" not in label:
                continue  # the figure set labels meaning for money only, and not always
            if label["kind"] in SCORED and not all(label[k] for k in ("metric", "subject", "period")):
                out.append(f"{r['id']}: {surface!r} ({label['kind']}) lacks metric, subject or period")
            if label["kind"] not in SCORED and label["base_value"] is None:
                out.append(f"{r['id']}: {surface!r} ({label['kind']}) lacks its base value (=N)")
            for key in ("period", "base_period"):
                for reading in (label[key] or "-").split("/"):
                    if not PERIOD.fullmatch(reading):
                        out.append(f"{r['id']}: {surface!r} has {key} {reading!r}, not a documented form")
        if "kind" in r and not r["kind"]:
            out.append(f"{r['id']}: no kind of source in the header")
    return out


def main() -> int:
    failed = False
    for name, records in (("figures", load()), ("meaning", load(MEANING))):
        found = problems(records)
        for line in found:
            print(line)
        print(f"{name}: {len(records)} texts, {sum(len(r['labels']) for r in records)} labels, {len(found)} problems")
        failed |= bool(found) or (name == "figures" and not records)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
