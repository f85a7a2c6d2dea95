"""Measure the figure extractor against the hand-labelled set, with jionlp's money extraction as a baseline.

Prints precision/recall/F1 per kind, how often metric, subject and period
are right for money figures, jionlp's money P/R/F1 on the same texts, and
throughput (MB of UTF-8 text per second through ``extract_figures``)::

    python bench/figures_check.py && python bench/figures_bench.py [--seconds 5] [--no-jionlp] [--errors]

A prediction matches a label when both are in the same field, of the same
kind, their spans overlap and their values are equal (a jionlp prediction:
spans overlap and its amount equals the label's ``value_yuan``). Metric,
subject and period are right when the prediction is one of the readings the
label lists (``交易额/完成交易额``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.figures import extract_figures  # noqa: E402
from extractors.figures.clauses import tagged  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "figures"
FIELD_KEY = {"body": "text", "title": "title", "subtitle": "subtitle"}
MEANING = ("metric", "subject", "period")


def load() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]


def predict(record: dict) -> list[dict]:
    figs = extract_figures(record["text"], title=record.get("title"), subtitle=record.get("subtitle"),
                           published_at=record.get("published_at"))
    return [f.to_dict() for f in figs]


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["start"] + len(b["surface"]) and b["start"] < a["end"]


def _same_value(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and abs(x - y) <= 1e-6 * max(1.0, abs(y))


def match(predicted: list[dict], labels: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (label, prediction): same field and kind, overlapping spans, equal values (money: equal amounts,
    whichever unit says them: 98.64 亿元 is 986,400 万元)."""
    pairs, used = [], set()
    for label in labels:
        for i, p in enumerate(predicted):
            if i not in used and p["field"] == label["field"] and p["kind"] == label["kind"] and _overlap(p, label) \
                    and (_same_value(p["value"], label["value"])
                         or p["kind"] == "money" and _same_value(p.get("base_value"), label.get("base_value"))):
                used.add(i)
                pairs.append((label, p))
                break
    return pairs


def count_unmatched(record: dict, predicted: list[dict], pairs: list[tuple[dict, dict]], n_pred: Counter,
                    n_gold: Counter, errors: list[str]) -> None:
    """Count predictions and labels by kind; list those left unmatched (FP, FN) in ``errors``."""
    matched_pred = {id(p) for _, p in pairs}
    matched_gold = {id(label) for label, _ in pairs}
    for p in predicted:
        n_pred[p["kind"]] += 1
        if id(p) not in matched_pred:
            errors.append(f"{record['id']} FP {p['kind']} {p['surface']!r} ({p['field']}@{p['start']})")
    for label in record["labels"]:
        n_gold[label["kind"]] += 1
        if id(label) not in matched_gold:
            errors.append(f"{record['id']} FN {label['kind']} {label['surface']!r} ({label['field']}@{label['start']})")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"tp": tp, "predicted": n_pred, "labelled": n_gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


PART = re.compile(r"(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")
SPANS = {"H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}


def months(period: str | None) -> tuple[int | None, int | None] | None:
    """The months a period covers, as (first, last) counted from year 0; None when unreadable.

    >>> months("2021-H1") == months("2021-01..2021-06"), months("2021") == months("2021..2021")
    (True, True)
    >>> months("..2023-12")[0] is None, months("2016-2020") == months("2016..2020")
    (True, True)
    """
    if not period or period == "-":
        return None
    if re.fullmatch(r"\d{4}-\d{4}", period):  # the figure set's old spans
        period = period.replace("-", "..")
    if ".." in period:
        a, _, b = period.partition("..")
        first, last = months(a) if a else (None, None), months(b)
        if first is None or last is None:
            return None
        return first[0], last[1]
    m = PART.match(period)
    if not m:
        return None
    year, part = int(m.group(1)) * 12, m.group(2)
    if part is None:
        return year + 1, year + 12
    if part in SPANS:
        return year + SPANS[part][0], year + SPANS[part][1]
    return year + int(part), year + int(part)


def correct(label: dict, prediction: dict, key: str) -> bool:
    readings = (label[key] or "").split("/")
    if key == "period":
        return any(months(r) == months(prediction[key]) for r in readings) if prediction[key] else "" in readings
    return (prediction[key] or "") in readings


def evaluate(records: list[dict]) -> dict:
    """Per-kind P/R/F1, money meaning accuracy and attribute accuracy; errors listed for inspection."""
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    meaning, attributes = Counter(), Counter()
    money_matched = 0
    errors: list[str] = []
    for r in records:
        predicted = predict(r)
        pairs = match(predicted, r["labels"])
        count_unmatched(r, predicted, pairs, n_pred, n_gold, errors)
        for label, p in pairs:
            tp[label["kind"]] += 1
            exact = p["start"] == label["start"] and p["surface"] == label["surface"]
            attributes["surface"] += exact
            attributes["approx"] += p["approx"] == label["approx"]
            attributes["range_to"] += _same_value(p["range_to"], label["range_to"]) or p["range_to"] == label["range_to"]
            attributes["unit"] += p["unit"] == label["unit"]
            if not exact:
                errors.append(f"{r['id']} SPAN {label['surface']!r} predicted {p['surface']!r}")
            for key in ("approx", "unit"):
                if p[key] != label[key]:
                    errors.append(f"{r['id']} {key.upper()} {label['surface']!r}: {p[key]!r} != {label[key]!r}")
            if label["kind"] == "money":
                money_matched += 1
                attributes["value_yuan"] += _same_value(p["value_yuan"], label["value_yuan"])
                for key in MEANING:
                    ok = correct(label, p, key)
                    meaning[key] += ok
                    if not ok:
                        errors.append(f"{r['id']} {key.upper()} {label['surface']!r}: {p[key]!r} not in {label[key]!r}")
                meaning["all"] += all(correct(label, p, k) for k in MEANING)
    kinds = sorted(set(n_gold) | set(n_pred))
    matched = sum(tp.values())
    return {
        "texts": len(records),
        "labels": sum(n_gold.values()),
        "kinds": {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in kinds},
        "all": _prf(matched, sum(n_pred.values()), sum(n_gold.values())),
        "money_labelled": n_gold["money"],
        "money_matched": money_matched,
        "meaning": {k: meaning[k] / money_matched if money_matched else 0.0 for k in (*MEANING, "all")},
        "attributes": {k: (v / money_matched if k == "value_yuan" else v / matched) for k, v in attributes.items()},
        "errors": errors,
    }


def jionlp_baseline(records: list[dict]) -> dict | str:
    """jionlp's ``extract_money`` on the same fields, scored against the money labels."""
    try:
        import jionlp
    except Exception as e:  # noqa: BLE001 - report any failure to load as the baseline's result
        return f"jionlp could not be loaded: {e}"
    tp = n_pred = n_gold = 0
    for r in records:
        for field, key in FIELD_KEY.items():
            text = r.get(key)
            gold = [label for label in r["labels"] if label["field"] == field and label["kind"] == "money"]
            n_gold += len(gold)
            if not text:
                continue
            found = jionlp.ner.extract_money(text)
            n_pred += len(found)
            used: set[int] = set()
            for item in found:
                s, e = item["offset"]
                num = item["detail"]["num"]
                amount = float(num[0] if isinstance(num, list) else num)
                for i, label in enumerate(gold):
                    if i not in used and s < label["start"] + len(label["surface"]) and label["start"] < e \
                            and _same_value(amount, label["value_yuan"]):
                        used.add(i)
                        tp += 1
                        break
    return _prf(tp, n_pred, n_gold)


def throughput(records: list[dict], seconds: float) -> dict:
    """MB of UTF-8 text (title + subtitle + body) per second through ``extract_figures`` in one process.

    Both CPU time (``process_time``: the one core's own work, steady on a
    shared machine) and wall time are reported.
    """
    size = sum(len((r.get(k) or "").encode("utf-8")) for r in records for k in FIELD_KEY.values())
    rounds, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while True:
        tagged.cache_clear()  # each round reads the texts afresh, as new articles would be
        for r in records:
            extract_figures(r["text"], title=r.get("title"), subtitle=r.get("subtitle"), published_at=r.get("published_at"))
        rounds += 1
        cpu = time.process_time() - cpu_start
        if cpu >= seconds:
            break
    wall = time.perf_counter() - start
    return {"bytes_per_round": size, "rounds": rounds, "cpu_seconds": cpu, "wall_seconds": wall,
            "mb_per_cpu_s": size * rounds / cpu / 1e6, "mb_per_wall_s": size * rounds / wall / 1e6}


def report(result: dict, baseline: dict | str | None, speed: dict | None) -> str:
    lines = [f"{result['texts']} texts, {result['labels']} labelled figures", "",
             "| kind | labelled | predicted | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for kind, s in [*result["kinds"].items(), ("all", result["all"])]:
        lines.append(f"| {kind} | {s['labelled']} | {s['predicted']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    m = result["meaning"]
    lines += ["", f"money figures matched: {result['money_matched']} of {result['money_labelled']}",
              f"meaning correct (of matched money): metric {m['metric']:.3f}, subject {m['subject']:.3f}, "
              f"period {m['period']:.3f}, all three {m['all']:.3f}",
              "attributes correct (of matched): " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(result["attributes"].items()))]
    if baseline is not None:
        if isinstance(baseline, str):
            lines.append(f"jionlp baseline: {baseline}")
        else:
            lines.append(f"jionlp extract_money (money): precision {baseline['precision']:.3f}, recall {baseline['recall']:.3f}, "
                         f"F1 {baseline['f1']:.3f} ({baseline['tp']} matched, {baseline['predicted']} predicted)")
    if speed is not None:
        lines.append(f"throughput: {speed['mb_per_cpu_s']:.2f} MB per CPU second, {speed['mb_per_wall_s']:.2f} MB per wall second "
                     f"({speed['rounds']} rounds of {speed['bytes_per_round']} bytes, {speed['cpu_seconds']:.1f} s CPU, "
                     f"{speed['wall_seconds']:.1f} s wall)")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to time extraction")
    parser.add_argument("--no-jionlp", action="store_true", help="skip the jionlp baseline")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong attribute")
    parser.add_argument("--one-body", type=int, default=0, metavar="N",
                        help="also time one body made of every labelled text N times over (cost must stay linear)")
    parser.add_argument("--speed-on", default="", metavar="PREFIXES",
                        help="time only texts whose id starts with one of these comma-separated prefixes "
                             "(e.g. 01_,02_ for the two seed articles, which have a real article's figure density)")
    args = parser.parse_args()
    records = load()
    parts = [("all texts", records),
             ("development texts (the extractor was tuned on them)", [r for r in records if not r["id"].startswith("h")]),
             ("held-out texts (h*, written after the extractor was frozen)", [r for r in records if r["id"].startswith("h")])]
    timed = [r for r in records if r["id"].startswith(tuple(args.speed_on.split(",")))] if args.speed_on else records
    if args.one_body:
        body = "\n".join(r["text"] for r in records) * args.one_body
        cpu = time.process_time()
        found = extract_figures(body, published_at="2024-01-01T00:00:00+08:00")
        cpu = time.process_time() - cpu
        size = len(body.encode("utf-8"))
        print(f"one body of {size} bytes: {len(found)} figures in {cpu:.2f} s CPU, {size / cpu / 1e6:.2f} MB per CPU second\n")
    speed = throughput(timed, args.seconds) if args.seconds > 0 else None
    for n, (name, subset) in enumerate(parts):
        result = evaluate(subset)
        baseline = None if args.no_jionlp else jionlp_baseline(subset)
        print(f"## {name}\n\n" + report(result, baseline, speed if n == 0 else None) + "\n")
        if args.errors:
            print("\n".join(result["errors"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
