"""Every fixture against its hand-written expected record (tests/expected/<file>.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import extract
from tests.conftest import EXPECTED, FIXTURES

CASES = sorted(EXPECTED.glob("*.json"))
PLAIN_FIELDS = ("title", "subtitle", "column", "author", "published_at", "info_code", "publisher", "category", "tags", "encoding", "script")


def test_every_fixture_has_an_expected_record() -> None:
    inputs = {p.name for p in FIXTURES.iterdir() if p.is_file()}
    assert inputs == {p.name[: -len(".json")] for p in CASES}
    assert len(inputs) >= 12


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_fixture_record(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    source = FIXTURES / case.name[: -len(".json")]
    art = extract(source.read_bytes(), path=str(source))
    for key in PLAIN_FIELDS:
        if key in expected:
            assert getattr(art, key) == expected[key], key
    lines = art.body.split("\n")
    assert lines[0].startswith(expected["first"])
    assert lines[-1].endswith(expected["last"])
    if "paragraphs" in expected:
        assert len(lines) == expected["paragraphs"]
    assert art.title not in lines
    for text in expected.get("absent", []):
        assert text not in art.body, text
    money = {f.surface: f.value_yuan for f in art.figures if f.kind == "money"}
    for surface, yuan in expected.get("money", {}).items():
        assert money.get(surface) == yuan, surface
    percents = {f.surface for f in art.figures if f.kind == "percent"}
    assert set(expected.get("percent", [])) <= percents
    for f in art.figures:
        text = {"body": art.body, "title": art.title, "subtitle": art.subtitle}[f.field]
        assert text[f.start:f.end] == f.surface
    for warning in expected.get("warnings_contain", []):
        assert any(warning in w for w in art.warnings), art.warnings
    if "original_contains" in expected:
        assert expected["original_contains"] in art.body_original
