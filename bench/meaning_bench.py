"""Score what figures mean against a hand-labelled meaning batch (bench/MEANING-GUIDE.md).

For every labelled money, percent and points figure that the extractor finds
(same field and kind, overlapping span, equal value), checks its subject,
period, metric, change flag, base period and parent; counts are scored with
their base value (6.3万家 → 63000)::

    python bench/meaning_bench.py tests/data/meaning/a [--errors] [--json]

Each field is first repaired and simplified as ``cgpn extract`` does (a
traditional text's figures are read in simplified characters; offsets stay).
Subject and metric are right when the prediction is one of the label's
readings (``-`` is null; metrics as :func:`same_metric` compares them, which
is how the guide lets labellers list them); periods are compared as the months
they cover, so ``2021-H1`` equals ``2021-01..2021-06``. Run it on a new batch once, with the
extractor frozen, and record that first run in bench/RESULTS-meaning.md.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extractors.figures import extract_figures  # noqa: E402
from extractors.text import repair, to_simplified  # noqa: E402
from figures_bench import _prf, _same_value, count_unmatched, match, months  # noqa: E402
from figures_check import load  # noqa: E402

SCORED = ("money", "percent", "points")
FIELDS = ("subject", "period", "metric", "change", "parent")
CONTEXT = ("author", "publisher", "url")  # passed when the extractor takes them
NOISE = re.compile(r"[“”‘’\"'《》的、\s]")


def same_metric(a: str, b: str) -> bool:
    """Metric readings compared as the guide allows: with or without a leading 政府/政府采购 (政府采购规模 =
    采购规模) and a trailing 额/金额 (政采贷放款 = 政采贷放款额, 成交额 = 成交金额), without quotes or 的, in
    simplified characters, with or without the 、 between conjuncts (节能、节水产品 = 节能节水产品) and
    额 before 占比.

    >>> same_metric("政府采购授予中小企业合同金额", "授予中小企业合同金额"), same_metric("“政采贷”放款", "政采贷放款")
    (True, True)
    >>> same_metric("政府采购规模", "规模"), same_metric("政采贷融资", "政采贷融资额"), same_metric("成交额", "成交金额")
    (False, True, True)
    >>> same_metric("832平台销售占比", "832平台销售额占比"), same_metric("节能、节水产品采购", "节能节水产品采购")
    (True, True)
    """
    def norm(m: str) -> str:
        m = NOISE.sub("", to_simplified(m))
        for prefix in ("政府采购", "政府"):
            if m.startswith(prefix) and len(m) - len(prefix) >= 3:
                m = ("采购" if prefix == "政府采购" and not m[len(prefix):].startswith(("授予", "合同")) else "") + m[len(prefix):]
                break
        share = m.endswith("占比") and len(m) > 4
        m = m.removesuffix("占比") if share else m
        for suffix in ("金额", "额"):
            if m.endswith(suffix) and len(m) - len(suffix) >= 2:
                m = m[: -len(suffix)]
                break
        return m + "占比" if share else m
    return norm(a) == norm(b)


def right(label: dict, predicted: dict, key: str) -> bool:
    """Whether ``predicted`` gets ``key`` right for ``label`` (``parent`` is checked by :func:`evaluate`)."""
    if key == "change":
        return bool(predicted.get("change")) == label["change"]
    readings = (label[key] or "-").split("/")
    value = predicted.get(key)
    if key == "period":
        return any(months(r) == months(value) for r in readings) or (value is None and "-" in readings)
    if key == "metric" and value:
        return any(same_metric(value, r) for r in readings)
    return (value or "-") in readings


def _as_extracted(text: str | None) -> str | None:
    """A field as ``cgpn extract`` hands it to the figure extractor: repaired and simplified, paragraph by
    paragraph (a traditional text dump's figures are read in simplified characters)."""
    if text is None:
        return None
    return "\n".join(repair(line).text for line in text.split("\n"))


def predict(record: dict) -> list[dict]:
    accepted = inspect.signature(extract_figures).parameters
    extra = {k: record.get(k) for k in CONTEXT if k in accepted}
    figs = extract_figures(_as_extracted(record["text"]), title=_as_extracted(record.get("title")),
                           subtitle=_as_extracted(record.get("subtitle")), published_at=record.get("published_at"),
                           **extra)
    return [f.to_dict() for f in figs]


def evaluate(records: list[dict]) -> dict:
    """Amount P/R per kind, meaning accuracy per field for money and for percent/points, change P/R."""
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    good = {group: Counter() for group in ("money", "percent")}
    seen = Counter()
    change = {group: Counter() for group in ("money", "percent")}
    errors: list[str] = []
    by_kind_of_source: dict[str, Counter] = {}
    for r in records:
        predicted = predict(r)
        pairs = match(predicted, r["labels"])
        label_of = {id(p): i for i, (_, p) in enumerate(pairs)}
        count_unmatched(r, predicted, pairs, n_pred, n_gold, errors)
        source = by_kind_of_source.setdefault(r.get("kind") or "?", Counter())
        for label, p in pairs:
            if label["kind"] not in SCORED:
                ok = label.get("base_value") is None or _same_value(p.get("base_value"), label["base_value"])
                tp[label["kind"]] += ok
                if not ok:
                    errors.append(f"{r['id']} BASE {label['surface']!r}: {p.get('base_value')!r} != {label['base_value']!r}")
                continue
            tp[label["kind"]] += 1
            group = "money" if label["kind"] == "money" else "percent"
            seen[group] += 1
            parent = predicted[p["parent"]] if isinstance(p.get("parent"), int) and p["parent"] < len(predicted) else None
            parent_label = pairs[label_of[id(parent)]][0] if parent is not None and id(parent) in label_of else None
            want = r["labels"][label["parent"]] if label.get("parent") is not None else None
            results = {key: right(label, p, key) for key in FIELDS if key != "parent"}
            results["parent"] = (parent_label is want) if want is not None or parent is not None else True
            if label["change"] and p.get("change"):
                results["base_period"] = right({"period": label["base_period"]}, {"period": p.get("base_period")}, "period")
                good[group]["changes"] += 1
            for key, ok in results.items():
                good[group][key] += ok
                if group == "money":
                    source[key] += ok
                if not ok:
                    shown = {"parent": parent and parent["surface"], "change": p.get("change")}.get(key, p.get(key))
                    wanted = {"parent": want and want["surface"], "change": label["change"]}.get(key, label.get(key))
                    errors.append(f"{r['id']} {key.upper()} {label['surface']!r} ({label['field']}@{label['start']}): "
                                  f"{shown!r}, label {wanted!r}")
            good[group]["all"] += all(results[k] for k in ("subject", "period", "metric", "change"))
            if group == "money":
                source["n"] += 1
            c = change[group]
            c["tp"] += bool(label["change"] and p.get("change"))
            c["predicted"] += bool(p.get("change"))
            c["labelled"] += bool(label["change"])
    kinds = sorted(set(n_gold) | set(n_pred))
    return {
        "texts": len(records),
        "kinds_of_source": len({r.get("kind") for r in records}),
        "kinds": {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in kinds},
        "meaning": {g: {k: v / (good[g]["changes"] if k == "base_period" else seen[g])
                        for k, v in good[g].items() if k != "changes"} | {"n": seen[g]} for g in good if seen[g]},
        "change": {g: _prf(c["tp"], c["predicted"], c["labelled"]) for g, c in change.items()},
        "by_kind_of_source": {k: {f: v[f] / v["n"] for f in FIELDS} | {"n": v["n"]}
                              for k, v in sorted(by_kind_of_source.items()) if v["n"]},
        "errors": errors,
    }


def report(result: dict) -> str:
    lines = [f"{result['texts']} texts from {result['kinds_of_source']} kinds of source", "",
             "| kind | labelled | predicted | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|"]
    for kind, s in result["kinds"].items():
        lines.append(f"| {kind} | {s['labelled']} | {s['predicted']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    lines += ["", "(counts, areas, durations, weights: a match needs the right base value too)", "",
              "| figures | n | subject | period | metric | change | parent | base period (changes) | all four |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for group, m in result["meaning"].items():
        lines.append(f"| {group} | {m['n']} | {m.get('subject', 0):.3f} | {m.get('period', 0):.3f} | {m.get('metric', 0):.3f} | "
                     f"{m.get('change', 0):.3f} | {m.get('parent', 0):.3f} | "
                     f"{m.get('base_period', float('nan')):.3f} | {m.get('all', 0):.3f} |")
    lines += ["", "| changes | labelled | predicted | precision | recall |", "|---|---:|---:|---:|---:|"]
    for group, s in result["change"].items():
        lines.append(f"| {group} | {s['labelled']} | {s['predicted']} | {s['precision']:.3f} | {s['recall']:.3f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="+", type=Path, help="batch folders (tests/data/meaning/a …)")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong field")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    records = [r for batch in args.batches for r in load(batch)]
    result = evaluate(records)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}, ensure_ascii=False, indent=1))
    else:
        print(report(result))
    if args.errors:
        print("\n" + "\n".join(result["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
