from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXPECTED = Path(__file__).resolve().parent / "expected"
SEED_000 = FIXTURES / "000_f35babb0978771df.txt"
SEED_003 = FIXTURES / "003_28d1446c9616a36f.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "archive.db")
