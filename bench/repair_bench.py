"""Text-repair benchmark: cgpn's repair against OpenCC alone and ftfy + OpenCC, per damage family.

Runs the three systems on the corpus of ``repair_corpus.py`` and prints a
markdown table: exact-match rate and character error rate (edit distance /
length of the clean text) per family, clean paragraphs changed, intact
characters damaged where bytes were lost, and speed (µs per KB of UTF-8 input).

    python bench/repair_bench.py --seed 7 --per-family 30 --clean 200 [--held-out 300]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
import zlib
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from importlib.resources import files
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from repair_corpus import cases, held_out_cases  # noqa: E402

from extractors.text import charlm, repair, to_simplified  # noqa: E402

SYSTEMS: dict[str, Callable[[str], str]] = {
    "cgpn repair": lambda text: repair(text).text,
    "OpenCC t2s": to_simplified,
    "ftfy + OpenCC": lambda text: to_simplified(ftfy.fix_encoding(text)),
}


def edits(a: str, b: str) -> int:
    """Levenshtein distance (common prefix and suffix trimmed first: damage is local)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def intact_damaged(expected: str, damaged: str, output: str) -> int:
    """Characters of ``expected`` that survived the damage (in runs of three or more, not single characters
    mojibake happens to share) but not the repair."""
    survived = set()
    for block in SequenceMatcher(None, expected, to_simplified(damaged), autojunk=False).get_matching_blocks():
        if block.size >= 3:
            survived.update(range(block.a, block.a + block.size))
    kept = set()
    for block in SequenceMatcher(None, expected, output, autojunk=False).get_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    return len(survived - kept)


def _model_load() -> str:
    """Size, load time and memory of the character model (loaded here, before anything else uses it;
    the memory measured apart, on a second copy, since tracing slows the loading down)."""
    data = (files("extractors.text") / "charlm.bin").read_bytes()
    t, cpu = time.perf_counter(), time.process_time()
    m = charlm.model()
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    tracemalloc.start()
    copy = charlm.Model(zlib.decompress(data))
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert copy.keys == m.keys
    return (f"Character model (`extractors/text/charlm.bin`, order {m.order}, {sum(map(len, m.keys)):,} n-grams): "
            f"{len(data) / 1e6:.2f} MB compressed, loaded in {wall:.2f} s ({cpu:.2f} s CPU), {held / 1e6:.1f} MB held "
            f"({peak / 1e6:.1f} MB at the peak of loading).")


def run(seed: int, per_family: int, clean: int, held_out: int = 0) -> str:
    corpus = list(cases(seed, per_family, clean)) + list(held_out_cases(held_out) if held_out else [])
    model_line = _model_load()
    t0 = time.process_time()
    repair("零售每份3元??梢云圃?、破季訂閱。 鍙互")  # loads jieba's dictionary, OpenCC and the character tables
    repair("零售每份3元。")
    load = time.process_time() - t0

    order = list(dict.fromkeys(c["family"] for c in corpus))
    lossy = {c["family"] for c in corpus if c["lost"]}
    stats: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # n, exact, edits, chars, intact
    timing = defaultdict(lambda: [0.0, 0])  # clean/damaged → seconds, bytes
    changed = defaultdict(int)
    for case in corpus:
        family, damaged, expected = case["family"], case["damaged"], case["expected"]
        groups = [family]
        if any(c["family"] == family and c["lost"] != case["lost"] for c in corpus):
            groups.append(f"{family} ↳ {'bytes lost' if case['lost'] else 'no byte lost'}")
        for name, system in SYSTEMS.items():
            t = time.process_time()
            output = system(damaged)
            elapsed = time.process_time() - t
            errors = edits(output, expected)
            damaged_intact = intact_damaged(expected, damaged, output) if case["lost"] and name == "cgpn repair" else 0
            for group in groups:
                s = stats[group, name]
                s[0] += 1
                s[1] += output == expected
                s[2] += errors
                s[3] += len(expected)
                s[4] += damaged_intact
            if name == "cgpn repair":
                kind = "clean" if family.startswith(("clean", "t2s")) else "damaged"
                timing[kind][0] += elapsed
                timing[kind][1] += len(damaged.encode())
                if family.startswith("clean"):
                    changed[family] += repair(damaged).unsimplified != damaged
    families = sorted({group for group, _ in stats}, key=lambda g: (order.index(g.split(" ↳ ")[0]), g))
    lines = [
        f"Corpus: `repair_corpus.py --seed {seed} --per-family {per_family} --clean {clean}`: "
        f"{sum(1 for c in corpus if not c['family'].startswith(('clean', 't2s')))} damaged and "
        f"{sum(1 for c in corpus if c['family'].startswith(('clean', 't2s')))} clean paragraphs "
        "(simplified, and traditional through s2t or s2tw)" + (f", plus {held_out} held-out paragraphs (`held_out_cases`) per decoder." if held_out else "."),
        "",
        "| family | n | cgpn exact | cgpn CER | OpenCC exact | OpenCC CER | ftfy+OpenCC exact | ftfy+OpenCC CER | intact chars damaged (cgpn) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for family in families:
        row = [family, str(stats[family, "cgpn repair"][0])]
        for name in SYSTEMS:
            n, exact, errors, chars, _ = stats[family, name]
            row += [f"{exact / n:.3f}", f"{errors / chars:.4f}"]
        row.append(str(int(stats[family, "cgpn repair"][4])) if family.split(" ↳ ")[0] in lossy else "")
        lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        f"Clean paragraphs changed by cgpn repair (t2s aside): "
        + ", ".join(f"{family} {changed[family]}/{stats[family, 'cgpn repair'][0]}" for family in changed),
        "",
        f"Speed of cgpn repair (CPU time of the process, dictionaries loaded, one paragraph per call; "
        f"clean includes the t2s round trip): clean text "
        f"{timing['clean'][0] * 1e6 / (timing['clean'][1] / 1024):.0f} µs/KB, damaged text "
        f"{timing['damaged'][0] * 1e6 / (timing['damaged'][1] / 1024):.0f} µs/KB; "
        f"first calls (load jieba's dictionary, OpenCC and the character tables) {load:.2f} s CPU.",
        "",
        model_line,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-family", type=int, default=30)
    parser.add_argument("--clean", type=int, default=200)
    parser.add_argument("--held-out", type=int, default=0, help="also UTF-8 read as GBK/GB18030 on this many paragraphs of the page sets")
    args = parser.parse_args()
    print(run(args.seed, args.per_family, args.clean, args.held_out))


if __name__ == "__main__":
    main()
