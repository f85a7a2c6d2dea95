"""The hand-labelled figure set: every label stands where it says, and the extractor meets its targets on it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


check = _load("figures_check")
bench = _load("figures_bench")
labels = _load("figures_labels")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return check.load()


def test_set_size(records: list[dict]) -> None:
    assert len(records) >= 40
    assert sum(len(r["labels"]) for r in records) >= 400
    ids = {r["id"] for r in records}
    assert any("seed003" in i for i in ids) and any("seed000" in i for i in ids)


def test_every_label_is_at_its_offset(records: list[dict]) -> None:
    assert check.problems(records) == []


def test_checker_catches_a_shifted_label(records: list[dict]) -> None:
    broken = [dict(records[0], labels=[dict(records[0]["labels"][0], start=records[0]["labels"][0]["start"] + 1)])]
    assert len(check.problems(broken)) == 1


def test_json_matches_marked_up_sources(records: list[dict]) -> None:
    sources = sorted((check.ROOT / "src").glob("*.marks"))
    assert [s.stem for s in sources] == [r["id"] for r in records]
    for src, record in zip(sources, records):
        assert labels.build(src) == record, f"{src.name}: run python bench/figures_labels.py"


@pytest.fixture(scope="module")
def result(records: list[dict]) -> dict:
    return bench.evaluate(records)


def test_money_precision_recall(result: dict) -> None:
    money = result["kinds"]["money"]
    assert money["precision"] >= 0.97 and money["recall"] >= 0.95


@pytest.mark.parametrize("kind", ["percent", "count"])
def test_percent_count_precision_recall(result: dict, kind: str) -> None:
    assert result["kinds"][kind]["precision"] >= 0.95 and result["kinds"][kind]["recall"] >= 0.95


def test_money_meaning(result: dict) -> None:
    # metric labels of this set follow the first guide (qualifiers dropped: 采购 for 脱贫地区农副产品采购);
    # metric is measured on the meaning sets (tests/test_meaning_labels.py), labelled by bench/MEANING-GUIDE.md
    for key in ("subject", "period"):
        assert result["meaning"][key] >= 0.90, key
    assert result["attributes"]["value_yuan"] == 1.0
