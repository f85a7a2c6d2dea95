"""The extraction benchmark's HTML page set (bench/pages) is sound.

Every truth body paragraph must occur in the text of its page decoded with the
page's real encoding; the set must be large and varied enough to measure on;
and the committed files must be exactly what ``bench/pages/build.py`` writes.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import lxml.html
import pytest

PAGES = Path(__file__).resolve().parent.parent / "bench" / "pages"
TRUTH = sorted((PAGES / "truth").glob("*.json"))
IDS = [p.stem for p in TRUTH]
WS = re.compile(r"\s+")


def load(pid: str) -> tuple[bytes, dict]:
    truth = json.loads((PAGES / "truth" / f"{pid}.json").read_text(encoding="utf-8"))
    return (PAGES / "html" / f"{pid}.html").read_bytes(), truth


def page_text(data: bytes, encoding: str) -> str:
    """All text of the page (entities resolved), whitespace removed."""
    doc = lxml.html.document_fromstring(data.decode(encoding))
    return WS.sub("", doc.text_content())


def test_set_is_large_and_varied() -> None:
    truths = [load(pid)[1] for pid in IDS]
    assert len(truths) >= 100
    assert len({t["layout"] for t in truths}) >= 9
    assert {t["encoding"] for t in truths} >= {"utf-8", "gbk", "gb2312"}
    lying = {(t["encoding"], t["declared_charset"]) for t in truths if t["encoding"] != t["declared_charset"]}
    assert ("gbk", "utf-8") in lying and ("utf-8", "gbk") in lying
    assert any(t["published_at"] is None for t in truths)
    assert len({t["body"] for t in truths}) >= 40  # distinct article texts


def test_holdout_is_disjoint_from_dev() -> None:
    truths = [load(pid)[1] for pid in IDS]
    by_split = {split: [t for t in truths if t["split"] == split] for split in ("dev", "holdout")}
    assert len(by_split["dev"]) >= 100 and len(by_split["holdout"]) >= 40
    assert len({t["layout"] for t in by_split["holdout"]}) >= 6
    assert not {t["layout"] for t in by_split["dev"]} & {t["layout"] for t in by_split["holdout"]}
    assert not {t["body"] for t in by_split["dev"]} & {t["body"] for t in by_split["holdout"]}


@pytest.mark.parametrize("pid", IDS)
def test_truth_is_in_the_page(pid: str) -> None:
    data, truth = load(pid)
    text = page_text(data, truth["encoding"])  # strict decode: the bytes are in this encoding
    assert WS.sub("", truth["title"]) in text
    paragraphs = truth["body"].split("\n")
    assert len(paragraphs) >= 2
    for para in paragraphs:
        assert para == para.strip() and para, f"{pid}: paragraph not stripped"
        assert WS.sub("", para) in text, f"{pid}: {para[:30]}… not in page"
    if truth["published_at"]:
        when = dt.datetime.fromisoformat(truth["published_at"])
        assert when.utcoffset() == dt.timedelta(hours=8)
        assert str(when.year) in text


@pytest.mark.parametrize("pid", IDS)
def test_truth_body_has_no_byline_or_chrome(pid: str) -> None:
    _, truth = load(pid)
    for para in truth["body"].split("\n"):
        assert not para.startswith(("□本报记者", "（")), para
        assert truth["title"] != para
        for chrome in ("分享到", "相关报道", "打印本页", "责任编辑", "NewsShare", "Exception"):
            assert chrome not in para


def test_build_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("pageset_build", PAGES / "build.py")
    build = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, build)  # dataclasses look their module up
    spec.loader.exec_module(build)
    assert build.build(tmp_path) == len(IDS)
    for pid in IDS:
        assert (tmp_path / "html" / f"{pid}.html").read_bytes() == (PAGES / "html" / f"{pid}.html").read_bytes(), pid
        assert (tmp_path / "truth" / f"{pid}.json").read_bytes() == (PAGES / "truth" / f"{pid}.json").read_bytes(), pid


def load_compare():
    spec = importlib.util.spec_from_file_location("extract_compare", PAGES.parent / "extract_compare.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_char_f1_ignores_whitespace_and_counts_multisets() -> None:
    compare = load_compare()
    assert compare.char_prf("政府 采购\n报", "政府采购报") == (1.0, 1.0, 1.0)
    assert compare.char_prf("", "政府采购报") == (0.0, 0.0, 0.0)
    precision, recall, f1 = compare.char_prf("采购采购", "采购")  # each surplus copy costs precision
    assert (precision, recall) == (0.5, 1.0) and round(f1, 3) == 0.667


def test_calendar_date_reads_the_formats_of_the_field() -> None:
    compare = load_compare()
    day = dt.date(2011, 7, 5)
    for value in ("2011-7-5", "发布时间：2011-07-05 16:08", "2011年07月05日", "2011/7/5", "2011-07-05T00:00:00+08:00"):
        assert compare.calendar_date(value) == day, value
    assert compare.calendar_date(dt.datetime(2011, 7, 5, 9, 30)) == day
    assert compare.calendar_date("3天前") is None and compare.calendar_date(None) is None


@pytest.mark.parametrize("split, floor", [("dev", 0.99), ("holdout", 0.95)])
def test_cgpn_body_f1_floor(split: str, floor: float) -> None:
    """Regression floor for cgpn's HTML extraction (measured 1.000 dev, 0.974 holdout)."""
    compare = load_compare()
    extract = compare.make_cgpn("detect")
    pages = compare.load_pages(PAGES, split, None)
    scores = [compare.score(pid, truth, compare.run_once(extract, data, truth)) for pid, data, truth in pages]
    assert not [s.pid for s in scores if s.result.error]
    assert sum(s.f1 for s in scores) / len(scores) >= floor
    assert sum(s.title_ok for s in scores) / len(scores) >= floor
