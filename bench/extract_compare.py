"""Compare article extraction on the HTML page set: cgpn, trafilatura, GNE, newspaper4k.

For every page of ``bench/pages`` (bytes + hand-checked truth) each extractor
gets the same page; we score the mean character F1 of the body (multiset of
characters, whitespace removed), title exact match, date accuracy (same
calendar date; a page without a date counts as right only when no date is
returned) and pages per second, timed over a second pass after a warm-up pass
in the same process.

cgpn gets the raw bytes plus the HTTP content type (decoding is part of its
job); trafilatura takes bytes too. GNE and newspaper4k only take text, so
they get the bytes decoded by bs4's UnicodeDammit (``--decode detect``, the
default; declared charset first, then detection) or by the page's real
encoding (``--decode truth``, extraction only). Decoding time is counted.

Usage (from the repository root)::

    python bench/extract_compare.py                    # all extractors, all pages
    python bench/extract_compare.py --layout --worst 10 > report.md
    python bench/extract_compare.py --only cgpn --limit 20
    python bench/extract_compare.py --pages bench/webpages --split batch1 --only cgpn,trafilatura --repeat 3

Beside the accuracy columns the report gives the share of pages with body F1
>= 0.95, author accuracy over the pages whose truth names an author, the pages
with no body at all (empty or an error) and the worst CPU time one page took
(each page's fastest of the timed passes, ``time.process_time``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import logging
import platform
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "bench" / "pages"
WS = re.compile(r"\s+")
YMD = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")


@dataclass
class Result:
    title: str = ""
    body: str = ""
    date: str | None = None
    error: str | None = None
    author: str | None = None
    cpu: float = 0.0  # CPU seconds of the extraction (fastest timed pass)


@dataclass
class Score:
    pid: str
    layout: str
    split: str
    f1: float
    precision: float
    recall: float
    title_ok: bool
    date_ok: bool
    result: Result
    author_ok: bool | None = None  # None when the truth names no author
    size: int = 0  # bytes of the page


Extractor = Callable[[bytes, dict], Result]


# ------------------------------------------------------------------ metrics


def char_prf(pred: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the character multisets, whitespace ignored.

    >>> [round(x, 2) for x in char_prf("政府 采购", "政府采购报")]
    [1.0, 0.8, 0.89]
    """
    p, t = Counter(WS.sub("", pred)), Counter(WS.sub("", truth))
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(t.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def calendar_date(value: object) -> dt.date | None:
    """The calendar day of a date however an extractor reports it.

    >>> calendar_date("发布时间：2011-7-5 10:23"), calendar_date("2011年09月23")
    (datetime.date(2011, 7, 5), datetime.date(2011, 9, 23))
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = YMD.search(str(value))
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


_AUTHOR_LABEL = re.compile(r"^(?:作者|记者|本报记者|文|撰文|编辑|楼主|by)\s*[:：/，,]?\s*", re.I)
_NAME_SPLIT = re.compile(r"[\s、,，;；/]+")


def same_author(pred: str | None, truth: str | None) -> bool | None:
    """Whether an extractor's author names the truth's author(s); None when the truth has none.

    >>> same_author("记者 周明远", "周明远"), same_author("westlake", "westlake"), same_author("admin", "周明远")
    (True, True, False)
    >>> same_author(None, "周明远"), same_author("周明远", None)
    (False, None)
    """
    if not truth:
        return None
    if not pred:
        return False
    names = lambda s: {n for n in _NAME_SPLIT.split(_AUTHOR_LABEL.sub("", str(s).strip())) if n}
    return names(pred) == names(truth)


def score(pid: str, truth: dict, result: Result, size: int = 0) -> Score:
    precision, recall, f1 = char_prf(result.body, truth["body"])
    want = calendar_date(truth["published_at"])
    return Score(
        pid=pid,
        layout=truth["layout"],
        split=truth.get("split", "dev"),
        f1=f1,
        precision=precision,
        recall=recall,
        title_ok=WS.sub("", result.title or "") == WS.sub("", truth["title"]),
        date_ok=calendar_date(result.date) == want,
        result=result,
        author_ok=same_author(result.author, truth.get("author")),
        size=size,
    )


# ------------------------------------------------------------------ extractors


def as_text(data: bytes, truth: dict, mode: str) -> str:
    """The page as text for text-only extractors: bs4's detection, or the true encoding."""
    if mode == "truth":
        return data.decode(truth["encoding"])
    from bs4 import UnicodeDammit

    return UnicodeDammit(data, is_html=True).unicode_markup or ""


def make_cgpn(mode: str) -> Extractor:
    """cgpn always gets the bytes and the content type: decoding is part of its job. Its body is scored as
    the page prints it (``body_original`` of a traditional-character page; ``body`` is its simplified copy)."""
    sys.path.insert(0, str(ROOT))
    from extractors import extract

    def run(data: bytes, truth: dict) -> Result:
        art = extract(data, url=truth["url"], content_type=truth["content_type"])
        return Result(art.title or "", art.body_original or art.body or "", art.published_at, author=art.author)

    return run


def make_trafilatura(mode: str) -> Extractor:
    """trafilatura decodes bytes itself; with ``--decode truth`` it gets the decoded text."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def run(data: bytes, truth: dict) -> Result:
        source = data if mode == "detect" else as_text(data, truth, mode)
        doc = trafilatura.bare_extraction(source, url=truth["url"], with_metadata=True)
        if doc is None:
            return Result()
        return Result(doc.title or "", doc.text or "", doc.date, author=doc.author)

    return run


def make_gne(mode: str) -> Extractor:
    from gne import GeneralNewsExtractor

    gne = GeneralNewsExtractor()

    def run(data: bytes, truth: dict) -> Result:
        out = gne.extract(as_text(data, truth, mode))
        return Result(out.get("title") or "", out.get("content") or "", out.get("publish_time") or None,
                      author=out.get("author") or None)

    return run


def make_newspaper(mode: str) -> Extractor:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    config.follow_meta_refresh = False
    config.memorize_articles = False
    config.language = "zh"

    def run(data: bytes, truth: dict) -> Result:
        art = newspaper.Article(truth["url"], config=config)
        art.download(input_html=as_text(data, truth, mode))  # given the HTML: no network
        art.parse()
        return Result(art.title or "", art.text or "", art.publish_date, author=", ".join(art.authors) or None)

    return run


def make_fallback(when: str) -> Callable[[str], Extractor]:
    """cgpn, with trafilatura's text instead when cgpn is weak: ``error`` (cgpn finds no text),
    ``short`` (or under 200 characters), ``ratio`` (or under half of trafilatura's, which then
    runs on every page). What each policy would cost and gain as a runtime dependency."""
    def factory(mode: str) -> Extractor:
        cgpn, traf = make_cgpn(mode), make_trafilatura(mode)

        def run(data: bytes, truth: dict) -> Result:
            try:
                mine = cgpn(data, truth)
            except Exception:  # noqa: BLE001 - ExtractionError (or a bug): the fallback's case
                return traf(data, truth)
            size = len(WS.sub("", mine.body))
            if when == "short" and size < 200 or when == "ratio" and size < len(WS.sub("", (other := traf(data, truth)).body)) / 2:
                other = other if when == "ratio" else traf(data, truth)
                return Result(mine.title, other.body, mine.date, author=mine.author)
            return mine

        return run

    return factory


FACTORIES: dict[str, Callable[[str], Extractor]] = {
    "cgpn": make_cgpn,
    "trafilatura": make_trafilatura,
    "gne": make_gne,
    "newspaper4k": make_newspaper,
    "cgpn+traf-error": make_fallback("error"),
    "cgpn+traf-short": make_fallback("short"),
    "cgpn+traf-ratio": make_fallback("ratio"),
}
DEFAULT = "cgpn,trafilatura,gne,newspaper4k"


# ------------------------------------------------------------------ running


def load_pages(pages: Path, split: str, limit: int | None) -> list[tuple[str, bytes, dict]]:
    out = []
    for path in sorted((pages / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if split in ("all", truth.get("split", "dev")):
            out.append((path.stem, (pages / "html" / f"{path.stem}.html").read_bytes(), truth))
    return out[:limit]


def run_once(extract: Extractor, data: bytes, truth: dict) -> Result:
    """One extraction, its CPU time recorded; an exception is a result with an error, not a crash."""
    start = time.process_time()
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = extract(data, truth)
    except Exception as exc:  # noqa: BLE001 - a failing extractor scores zero on that page
        result = Result(error=f"{type(exc).__name__}: {exc}"[:200])
    result.cpu = time.process_time() - start
    return result


def evaluate(extract: Extractor, pages: list[tuple[str, bytes, dict]], repeat: int = 1) -> tuple[list[Score], float]:
    """Warm-up pass, then ``repeat`` timed passes; scores of the last, pages/s of the fastest
    (the machine is shared, so the fastest pass is the least disturbed one)."""
    for _, data, truth in pages:
        run_once(extract, data, truth)
    elapsed = float("inf")
    cpu = [float("inf")] * len(pages)
    for _ in range(repeat):
        start = time.perf_counter()
        results = [run_once(extract, data, truth) for _, data, truth in pages]
        elapsed = min(elapsed, time.perf_counter() - start)
        cpu = [min(c, r.cpu) for c, r in zip(cpu, results)]
    for r, c in zip(results, cpu):
        r.cpu = c
    scores = [score(pid, truth, r, len(data)) for (pid, data, truth), r in zip(pages, results)]
    return scores, len(pages) / elapsed


# ------------------------------------------------------------------ reporting


def is_empty(s: Score) -> bool:
    """No body at all: an error, or nothing but white space."""
    return bool(s.result.error) or not WS.sub("", s.result.body)


def summary_row(name: str, scores: list[Score], rate: float | None) -> str:
    n = len(scores)
    errors = sum(1 for s in scores if s.result.error)
    authored = [s.author_ok for s in scores if s.author_ok is not None]
    cells = [
        name,
        f"{statistics.fmean(s.f1 for s in scores):.3f}",
        f"{statistics.fmean(s.precision for s in scores):.3f}",
        f"{statistics.fmean(s.recall for s in scores):.3f}",
        f"{sum(s.f1 >= 0.95 for s in scores) / n:.3f}",
        f"{sum(s.title_ok for s in scores) / n:.3f}",
        f"{sum(s.date_ok for s in scores) / n:.3f}",
        f"{sum(authored) / len(authored):.3f}" if authored else "",
        str(sum(is_empty(s) for s in scores)),
        f"{1000 * max(s.result.cpu for s in scores):.0f}",
        f"{rate:.1f}" if rate is not None else "",
        str(errors),
    ]
    return "| " + " | ".join(cells) + " |"


def summary_table(runs: dict[str, tuple[list[Score], float]], split: str | None = None) -> str:
    """One row per extractor; restricted to one split (without pages/s) when ``split`` is given."""
    lines = [
        "| extractor | body F1 | body P | body R | F1 ≥ 0.95 | title acc | date acc | author acc | empty | worst CPU ms"
        " | pages/s | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (scores, rate) in runs.items():
        if split is None:
            lines.append(summary_row(name, scores, rate))
        else:
            lines.append(summary_row(name, [s for s in scores if s.split == split], None))
    return "\n".join(lines)


def cpu_lines(runs: dict[str, tuple[list[Score], float]], limit: float = 0.2, small: int = 100_000) -> list[str]:
    """Per extractor: the page that took the most CPU, and the pages under ``small`` bytes over ``limit`` s."""
    out = []
    for name, (scores, _) in runs.items():
        worst = max(scores, key=lambda s: s.result.cpu)
        slow = [s for s in scores if s.size < small and s.result.cpu > limit]
        out.append(f"- {name}: worst CPU {1000 * worst.result.cpu:.0f} ms on {worst.pid} ({worst.size / 1000:.0f} KB); "
                   f"pages under {small // 1000} KB over {limit} s: {len(slow)}"
                   + (f" ({', '.join(s.pid for s in slow[:5])})" if slow else ""))
    return out


def lost_pages(runs: dict[str, tuple[list[Score], float]], truths: dict[str, dict], name: str = "cgpn",
               peer: str = "trafilatura", chars: int = 200) -> list[str]:
    """Pages where ``name`` returns no text while ``peer`` finds at least ``chars`` characters of the truth."""
    if name not in runs or peer not in runs:
        return []
    mine = {s.pid: s for s in runs[name][0]}
    lost = []
    for s in runs[peer][0]:
        found = Counter(WS.sub("", s.result.body)) & Counter(WS.sub("", truths[s.pid]["body"]))
        if is_empty(mine[s.pid]) and sum(found.values()) >= chars:
            lost.append(f"{s.pid} ({mine[s.pid].result.error or 'empty'})")
    return [f"- pages where {name} finds no text and {peer} finds ≥ {chars} characters of the truth: {len(lost)}"
            + (f": {'; '.join(lost)}" if lost else "")]


def layout_table(runs: dict[str, tuple[list[Score], float]]) -> str:
    """Per layout: body F1 / title acc / date acc for every extractor."""
    layouts = sorted({s.layout for scores, _ in runs.values() for s in scores})
    names = list(runs)
    lines = [
        "| layout | pages | " + " | ".join(f"{n} F1 / title / date" for n in names) + " |",
        "|---|---:|" + "---:|" * len(names),
    ]
    for layout in layouts:
        cells = []
        count = 0
        for name in names:
            sub = [s for s in runs[name][0] if s.layout == layout]
            count = len(sub)
            cells.append(
                f"{statistics.fmean(s.f1 for s in sub):.3f} / {sum(s.title_ok for s in sub) / count:.2f}"
                f" / {sum(s.date_ok for s in sub) / count:.2f}"
            )
        lines.append(f"| {layout} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def diagnose(s: Score, truth: dict) -> str:
    """One line on where a page's body went wrong: what is missing, what is extra."""
    if s.result.error:
        return f"error: {s.result.error}"
    if s.f1 == 1.0:
        return "exact"
    pred = s.result.body
    if not WS.sub("", pred):
        return "empty body"
    flat = WS.sub("", pred)
    missing = [p for p in truth["body"].split("\n") if WS.sub("", p) not in flat]
    want = WS.sub("", truth["body"])
    extra = [line.strip() for line in pred.splitlines() if line.strip() and WS.sub("", line) not in want]
    parts = []
    if missing:
        parts.append(f"missing {len(missing)} para(s), e.g. «{missing[0][:24]}»")
    if extra:
        parts.append(f"extra {len(extra)} line(s), e.g. «{extra[0][:40]}»")
    return "; ".join(parts) or "paragraphs present but text differs (split/joined lines?)"


def worst_table(scores: list[Score], truths: dict[str, dict], n: int) -> str:
    lines = ["| page | F1 | P | R | title | date | author | diagnosis |", "|---|---:|---:|---:|---|---|---|---|"]
    for s in sorted((s for s in scores if s.f1 < 1.0), key=lambda s: (s.f1, s.pid))[:n]:
        author = {None: "-", True: "ok", False: "wrong"}[s.author_ok]
        lines.append(
            f"| {s.pid} | {s.f1:.3f} | {s.precision:.2f} | {s.recall:.2f} | {'ok' if s.title_ok else 'wrong'}"
            f" | {'ok' if s.date_ok else 'wrong'} | {author} | {diagnose(s, truths[s.pid]).replace('|', '¦')} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=PAGES, help="page set folder (html/ + truth/)")
    ap.add_argument("--only", default=DEFAULT, help=f"comma-separated extractors to run, of: {', '.join(FACTORIES)}")
    ap.add_argument("--decode", choices=["detect", "truth"], default="detect", help="how text-only extractors get text")
    ap.add_argument("--split", default="all", help="which pages to use: all, or a split (dev, holdout, batch1, batch2)")
    ap.add_argument("--limit", type=int, help="first N pages only (quick runs)")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes after the warm-up; pages/s of the fastest")
    ap.add_argument("--layout", action="store_true", help="add the per-layout breakdown")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages (body F1) of --worst-of")
    ap.add_argument("--worst-of", default="cgpn", help="comma-separated extractors to list worst pages for")
    ap.add_argument("--details", type=Path, help="write per-page scores as NDJSON here")
    args = ap.parse_args(argv)

    pages = load_pages(args.pages, args.split, args.limit)
    truths = {pid: truth for pid, _, truth in pages}
    runs: dict[str, tuple[list[Score], float]] = {}
    skipped = []
    for name in args.only.split(","):
        try:
            extract = FACTORIES[name](args.decode)
        except ImportError as exc:
            skipped.append(f"{name} skipped: cannot import it ({exc})")
            print(skipped[-1], file=sys.stderr)
            continue
        runs[name] = evaluate(extract, pages, args.repeat)
        print(f"{name}: done", file=sys.stderr)

    report = [
        f"Pages: {len(pages)} ({len({t['layout'] for t in truths.values()})} layouts), "
        f"text-only extractors decode: {args.decode}; warm-up pass, then pages/s of the fastest of {args.repeat} timed pass(es). "
        f"Machine: {platform.python_implementation()} {platform.python_version()}, 2 cores, 24 GiB (shared).",
        "",
        summary_table(runs),
    ]
    report += [f"\n{line}" for line in skipped]
    report += ["", *cpu_lines(runs), *lost_pages(runs, truths)]
    splits = sorted({t.get("split", "dev") for t in truths.values()})
    for split in splits if len(splits) > 1 else ():
        count = sum(1 for t in truths.values() if t.get("split", "dev") == split)
        report += ["", f"Split {split} ({count} pages):", "", summary_table(runs, split)]
    if args.layout:
        report += ["", "Per layout (body F1 / title accuracy / date accuracy):", "", layout_table(runs)]
    for name in args.worst_of.split(",") if args.worst else ():
        if name not in runs:
            continue
        scores = runs[name][0]
        report += ["", f"Worst {args.worst} pages for {name}:", "", worst_table(scores, truths, args.worst)]
    text = "\n".join(report) + "\n"
    print(text)
    if args.details:
        with args.details.open("w", encoding="utf-8") as fh:
            for name, (scores, _) in runs.items():
                for s in scores:
                    row = {"extractor": name, "page": s.pid, "layout": s.layout, "split": s.split, "f1": round(s.f1, 4),
                           "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                           "title_ok": s.title_ok, "date_ok": s.date_ok, "author_ok": s.author_ok,
                           "title": s.result.title, "date": str(s.result.date) if s.result.date else None,
                           "author": s.result.author, "cpu_ms": round(1000 * s.result.cpu, 1), "error": s.result.error}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
