"""cgpn figures through click's CliRunner, over a real archive file."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from cgpn.cmd_figures import figures
from figures_db import make_archive


@pytest.fixture
def db(db_path: str) -> str:
    return make_archive(db_path)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(figures, list(args))


def test_table(db: str) -> None:
    result = run("--db", db, "--subject", "广州", "--kind", "money")
    assert result.exit_code == 0
    assert result.output == (
        "date        subject       period     metric          figure            yuan             title\n"
        "2022-02-14  广州市        2021       交易额          15077余万元       150,770,000      广州交出乡村产业振兴满意答卷\n"
        "2022-02-14  广州市        2021       交易额          15077.38万元      150,773,800      广州交出乡村产业振兴满意答卷\n"
        "2022-02-14  广州市        2021       预留采购份额    12530.78万元      125,307,800      广州交出乡村产业振兴满意答卷\n"
    )


def test_json_lines(db: str) -> None:
    result = run("--db", db, "--kind", "money", "--min-yuan", "1亿", "--max-yuan", "1.3亿", "--json")
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    row = json.loads(line)
    assert (row["surface"], row["value_yuan"], row["metric"], row["is_total"]) == ("12530.78万元", 125307800, "预留采购份额", False)
    assert row["location"] == "http://finews.example/a.html"


def test_csv(db: str) -> None:
    result = run("--db", db, "--period", "2024", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["surface"], r["value_yuan"], r["subject"]) for r in rows] == [
        ("1955.96万元", "19559600", "柳州市"), ("57家", "", "广西壮族自治区")]


def test_metric_source_and_dates(db: str) -> None:
    result = run("--db", db, "--metric", "规模", "--source", "zcb-epaper", "--since", "2023-01-01", "--json")
    assert [json.loads(line)["surface"] for line in result.output.splitlines()] == ["34993.1亿元"]


def test_limit_says_there_may_be_more(db: str) -> None:
    result = run("--db", db, "--limit", "1", "--json")  # click >= 8.2 keeps stdout and stderr apart
    assert result.exit_code == 0
    assert [json.loads(line)["surface"] for line in result.stdout.splitlines()] == ["1955.96万元"]
    assert result.stderr == "(first 1 figures; --limit N for more)\n"


def test_errors(db: str, tmp_path) -> None:
    result = run("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert result.output == "Error: no archive at " + str(tmp_path / "none.db") + "\nHint: create it with cgpn import, or pass --db\n"
    result = run("--db", db, "--min-yuan", "lots")
    assert result.exit_code == 2 and "'lots' is not an amount like 5000000, 500万 or 1.2亿" in result.output
    result = run("--db", db, "--kind", "weight-ish")
    assert result.exit_code == 2
    result = run("--db", db, "--json", "--csv")
    assert result.exit_code == 2 and "Error: --json and --csv exclude each other" in result.output


def test_help_has_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "Example: cgpn figures --kind money" in result.output
