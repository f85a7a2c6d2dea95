"""Build the hand-labelled figure set ``tests/data/figures/*.json`` from its marked-up sources.

Each ``tests/data/figures/src/*.marks`` is an article written out by hand with
every figure marked where it stands::

    published_at: 2022-02-14T20:52:19+08:00
    subtitle: 全市预算单位去年完成交易额达[[15077余万元|money 15077 万元 ~余|交易额|广州市|2021]]
    ---
    本报讯 ……完成交易额达[[15077.38万元|money 15077.38 万元|交易额|广州市|2021]]。

A mark is ``[[surface|kind value unit [~approx] [..range_to]|metric|subject|period]]``;
metric, subject and period may be left out, and may list accepted readings
separated by ``/``. The value and unit are typed by the labeller, never
computed from the surface; only ``value_yuan`` is derived (value × the unit's
scale). Run after editing a source::

    python bench/figures_labels.py && python bench/figures_check.py

The meaning sets (``tests/data/meaning/<batch>/src/*.marks``, see bench/MEANING-GUIDE.md)
use the same marks with more: ``=base_value`` in the spec, ``-`` for "null is right", a
sixth part of flags (``change``, ``base=2022``, ``id=a``, ``parent=a``), and header lines
``author``, ``publisher``, ``url`` and ``kind`` (of source).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
ROOT = DATA / "figures"
MEANING = DATA / "meaning"
HEADER = ("author", "publisher", "url", "kind")
SCORED = ("money", "percent", "points")  # kinds whose meaning the meaning sets label
MARK = re.compile(r"\[\[(.+?)\]\]")
YUAN_SCALE = {"元": 1, "千元": 10**3, "万元": 10**4, "十万元": 10**5, "百万元": 10**6, "千万元": 10**7,
              "亿元": 10**8, "十亿元": 10**9, "百亿元": 10**10, "千亿元": 10**11, "万亿元": 10**12}


def number(text: str) -> float | int:
    x = float(text)
    return int(x) if x == int(x) else x


def parse_mark(body: str, field: str, start: int) -> dict:
    parts = body.split("|")
    surface, spec = parts[0], parts[1].split()
    kind, value, unit = spec[0], number(spec[1]), spec[2]
    approx = next((s[1:] for s in spec[3:] if s.startswith("~")), None)
    range_to = next((number(s[2:]) for s in spec[3:] if s.startswith("..")), None)
    base_value = next((number(s[1:]) for s in spec[3:] if s.startswith("=")), None)
    meaning = (parts[2:5] + [None, None, None])[:3]
    flags = dict(f.partition("=")[::2] for f in (parts[5].split() if len(parts) > 5 else []))
    unknown = set(flags) - {"change", "base", "id", "parent"}
    if unknown or len(parts) > 6:
        raise ValueError(f"{surface}: unknown flags {sorted(unknown)} or too many parts in [[{body}]]")
    value_yuan = None
    if kind == "money":
        y = round(value * YUAN_SCALE[unit], 6)
        value_yuan = int(y) if y == int(y) else y
    label = {
        "surface": surface, "start": start, "field": field, "kind": kind, "value": value, "unit": unit,
        "value_yuan": value_yuan, "approx": approx, "range_to": range_to,
        "metric": meaning[0] or None, "subject": meaning[1] or None, "period": meaning[2] or None,
    }
    if len(parts) > 5 or base_value is not None:  # the meaning sets' fields
        if base_value is None and kind in SCORED:
            base_value = value_yuan if kind == "money" else value
        label.update(base_value=base_value, change="change" in flags, base_period=flags.get("base") or None,
                     id=flags.get("id"), parent=flags.get("parent"))
    return label


def strip_marks(text: str, field: str) -> tuple[str, list[dict]]:
    out, labels, pos = [], [], 0
    length = 0
    for m in MARK.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        label = parse_mark(m.group(1), field, length)
        out.append(label["surface"])
        length += len(label["surface"])
        labels.append(label)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), labels


def build(src: Path) -> dict:
    head, _, body = src.read_text(encoding="utf-8").partition("\n---\n")
    meta = dict((line.split(":", 1)[0], line.split(":", 1)[1].strip()) for line in head.splitlines() if line.strip())
    record: dict = {"id": src.stem, "published_at": meta.get("published_at") or None}
    labels: list[dict] = []
    for field in ("title", "subtitle"):
        text, found = strip_marks(meta[field], field) if meta.get(field) else (None, [])
        record[field] = text
        labels += found
    for key in HEADER:
        if key in meta:
            record[key] = meta[key] or None
    record["text"], found = strip_marks(body.strip("\n"), "body")
    labels += found
    if "kind" in meta:  # a meaning set: every label has the meaning fields
        for label in labels:
            if "change" not in label:
                base = label["value_yuan"] if label["kind"] == "money" else label["value"] if label["kind"] in SCORED else None
                label.update(base_value=base, change=False, base_period=None, id=None, parent=None)
    ids = {label["id"]: i for i, label in enumerate(labels) if label.get("id")}
    for label in labels:
        if "parent" in label:
            name = label.pop("parent")
            if name is not None and name not in ids:
                raise ValueError(f"{src.name}: {label['surface']} names parent {name!r}, which no mark has as its id")
            label["parent"] = ids.get(name) if name is not None else None
            label.pop("id")
    record["labels"] = labels
    return record


def sources() -> list[Path]:
    """Every marked-up source: the figure set's and each meaning batch's."""
    return sorted((ROOT / "src").glob("*.marks")) + sorted(MEANING.glob("*/src/*.marks"))


def main() -> int:
    for src in sources():
        record = build(src)
        (src.parent.parent / f"{src.stem}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
