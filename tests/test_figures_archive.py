"""archive.figures.query_figures over a real archive file."""

from __future__ import annotations

import sqlite3

import pytest

from archive import Archive
from archive.figures import FiguresError, figures_sql, query_figures
from figures_db import make_archive


@pytest.fixture
def db(db_path: str) -> str:
    return make_archive(db_path)


def surfaces(rows: list[dict]) -> list[str]:
    return [r["surface"] for r in rows]


def test_all_newest_article_first(db: str) -> None:
    rows = query_figures(db)
    assert len(rows) == 9
    assert [r["published_at"][:4] for r in rows] == ["2024"] * 2 + ["2023"] * 3 + ["2022"] * 4
    first = rows[0]
    assert (first["title"], first["location"], first["value_yuan"]) == ("柳州提前完成脱贫地区农副产品全年采购任务", "/x/2.txt", 19559600)
    assert isinstance(first["value_yuan"], int)


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"kind": "percent"}, ["72.6%", "161.53%"]),
        ({"subject": "广州"}, ["15077余万元", "15077.38万元", "12530.78万元"]),
        ({"subject": "广州市", "metric": "份额"}, ["12530.78万元"]),
        ({"metric": "交易额"}, ["15077余万元", "15077.38万元"]),
        ({"period": "2024"}, ["1955.96万元", "57家"]),
        ({"period": "2024-06"}, ["1955.96万元"]),
        ({"kind": "money", "min_yuan": 1e8}, ["34993.1亿元", "15077余万元", "15077.38万元", "12530.78万元"]),
        ({"kind": "money", "min_yuan": 1e8, "max_yuan": 1.3e8}, ["12530.78万元"]),
        ({"source": "finews", "kind": "money"}, ["15077余万元", "15077.38万元", "12530.78万元"]),
        ({"since": "2023-01-01", "until": "2023-12-31"}, ["34993.1亿元", "72.6%", "100%_x"]),
        ({"metric": "100%_"}, ["100%_x"]),
        ({"metric": "0%x"}, []),  # % and _ are literal, not wildcards
        ({"subject": "广"}, ["57家", "15077余万元", "15077.38万元", "12530.78万元"]),
        ({"kind": "money", "limit": 2}, ["1955.96万元", "34993.1亿元"]),
    ],
)
def test_filters(db: str, filters: dict, expected: list[str]) -> None:
    assert surfaces(query_figures(db, **filters)) == expected


def test_connection_and_archive_accepted(db: str) -> None:
    conn = sqlite3.connect(db)
    assert surfaces(query_figures(conn, kind="count")) == ["57家", "100%_x"]
    conn.execute("SELECT 1")  # still open: not ours to close
    with Archive(db) as arc:
        assert len(query_figures(arc, period="2021")) == 4


def test_parameters_only(db: str) -> None:
    sql, params = figures_sql(subject="x' OR 1=1 --", metric="y")
    assert "x'" not in sql and "OR 1=1" not in sql and params[0] == "x' OR 1=1 --"
    assert query_figures(db, subject="x' OR 1=1 --") == []


@pytest.mark.parametrize(
    "filters", [{"kind": "money", "min_yuan": 1e8}, {"subject": "广州", "period": "2021"}, {"metric": "交易额", "period": "2021"}]
)
def test_common_filters_search_an_index(db: str, filters: dict) -> None:
    sql, params = figures_sql(**filters)
    plan = " ".join(r[-1] for r in sqlite3.connect(db).execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "SEARCH f USING INDEX figures_" in plan, plan


def test_missing_or_broken_archive(tmp_path) -> None:
    with pytest.raises(FiguresError, match="no archive"):
        query_figures(str(tmp_path / "none.db"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(FiguresError, match="cannot read figures"):
        query_figures(str(bad))
    assert not (tmp_path / "none.db").exists()
