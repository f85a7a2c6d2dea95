"""Regenerate docs/dashboard.png: the facts dashboard over an archive of fixtures/ and the yearly reports.

    python bench/dashboard_screenshot.py            # needs chromium (apt-get install chromium fonts-wqy-microhei)

Builds the demo archive (bench/reports.py) in a temporary folder, serves it with ``cgpn serve``'s
Datasette on 127.0.0.1 and has headless Chromium take the screenshot, Guangxi's 脱贫地区农副产品采购额
chosen (the README's question).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

DEMO_FILTERS = {"subject": "广西", "metric": "脱贫地区农副产品采购额"}
# Headless Chromium: let the charts fetch their data and draw before the DOM or the picture is taken.
RENDER = ("--virtual-time-budget=20000", "--window-size=1280,2000")


def main() -> None:
    from reports import build_archive
    from tests.test_browser import CHROMIUM_FLAGS, uvicorn_serving

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        sys.exit("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.db"
        build_archive(path)
        with uvicorn_serving(path) as base:
            url = f"{base}/-/dashboards/facts?" + urllib.parse.urlencode(DEMO_FILTERS)
            subprocess.run([browser, *CHROMIUM_FLAGS, *RENDER, f"--user-data-dir={tmp}/profile",
                            f"--screenshot={args.out.resolve()}", url], check=True, capture_output=True, timeout=120)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
