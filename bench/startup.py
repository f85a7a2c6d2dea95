"""Start-up cost of the ``cgpn`` command: wall time and peak memory of short calls, and what they import.

    python bench/startup.py [--runs 7]

Each call runs as cron or a shell pipeline runs it: a new ``python -m cgpn`` process. Calls:
``--help``, ``extract`` of one clean Jekyll post (seed 003) and of one damaged text dump (seed 000:
traditional characters, pinyin, GBK mojibake), ``repair`` of the same two on stdin. The table gives
the median and the slowest of ``--runs`` runs and the peak RSS; then ``python -X importtime`` of
each call: all imports, and the packages that take longest (their modules' own import times summed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "fixtures" / "003_28d1446c9616a36f.txt"
DAMAGED = ROOT / "fixtures" / "000_f35babb0978771df.txt"
CALLS = {
    "cgpn --help": (["--help"], None),
    "cgpn extract <clean post>": (["extract", str(CLEAN)], None),
    "cgpn extract <damaged dump>": (["extract", str(DAMAGED)], None),
    "cgpn repair < <clean post>": (["repair"], CLEAN),
    "cgpn repair < <damaged dump>": (["repair"], DAMAGED),
}


def run_once(args: list[str], stdin: Path | None, *flags: str) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in KB, stderr) of one ``python [flags] -m cgpn ARGS`` process."""
    with open(stdin or os.devnull, "rb") as given:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, *flags, "-m", "cgpn", *args], cwd=ROOT, stdin=given,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args} exited {proc.returncode}: {err.decode()[-1000:]}")
    return wall, usage.ru_maxrss, err.decode()


def import_times(stderr: str) -> Counter[str]:
    """Milliseconds spent importing each top-level package (the self time of its modules), from
    ``-X importtime`` output."""
    totals: Counter[str] = Counter()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            own, _, name = line[len("import time:"):].split("|")
            if own.strip().isdigit():
                totals[name.strip().split(".")[0]] += int(own) / 1000
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"load average {os.getloadavg()[0]:.2f}; {runs} runs each\n")
    print("| call | median s | slowest s | peak RSS MB |\n|---|---:|---:|---:|")
    for name, (args, stdin) in CALLS.items():
        results = [run_once(args, stdin) for _ in range(runs)]
        walls = [wall for wall, _, _ in results]
        print(f"| `{name}` | {statistics.median(walls):.2f} | {max(walls):.2f} | {max(r for _, r, _ in results) / 1024:.0f} |")
    print("\n| call | imports ms | largest (ms) |\n|---|---:|---|")
    for name, (args, stdin) in CALLS.items():
        totals = import_times(run_once(args, stdin, "-X", "importtime")[2])
        largest = ", ".join(f"{pkg} {ms:.0f}" for pkg, ms in totals.most_common(7))
        print(f"| `{name}` | {sum(totals.values()):.0f} | {largest} |")


if __name__ == "__main__":
    main()
