"""cgpn figures through click's CliRunner, over a real archive file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from cgpn.cmd_figures import _width, figures
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
        "2022-02-14  广州市        2021       交易额          15077余万元       1.5077亿         广州交出乡村产业振兴满意答卷\n"
        "2022-02-14  广州市        2021       交易额          15077.38万元      1.507738亿       广州交出乡村产业振兴满意答卷\n"
        "2022-02-14  广州市        2021       预留采购份额    12530.78万元      1.253078亿       广州交出乡村产业振兴满意答卷\n"
    )


def test_table_never_cuts_a_number(db: str) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO figures (article_id, seq, surface, kind, value, unit, value_yuan, metric, subject, period, "
                     "is_total, field) VALUES (3, 99, '3.39万亿元', 'money', 3.39, '万亿元', 3390000000000, '全国一般公共"
                     "预算收入累计', '全国', '2021-01..2021-07', 1, 'body')")
        conn.execute("UPDATE figures SET value_yuan = 12345678901234567 WHERE surface = '34993.1亿元'")
    conn.close()
    lines = run("--db", db, "--kind", "money", "--subject", "全国").output.splitlines()
    assert [line.split()[2:6] for line in lines[1:]] == [
        ["2022", "采购规模", "34993.1亿元", "123,456,789.01234568亿"],  # as stored: a REAL of 17 digits
        ["2021-01..2021-07", "全国一般公共…", "3.39万亿元", "33,900亿"],
    ]
    starts = [_width(line[:line.index("title" if n == 0 else "2022年全国")]) for n, line in enumerate(lines)]
    assert len(set(starts)) == 1  # the widened columns stay aligned


def test_traditional_subject_and_metric_find_the_simplified_figures(db: str) -> None:
    simplified = run("--db", db, "--subject", "广州", "--metric", "交易额", "--json").output
    assert len(simplified.splitlines()) == 2
    assert run("--db", db, "--subject", "廣州", "--metric", "交易額", "--json").output == simplified


def test_an_empty_result_says_so(db: str) -> None:
    for output in ([], ["--json"]):
        result = run("--db", db, "--subject", "深圳", *output)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No figure matches these filters.\n")
    result = run("--db", db, "--subject", "深圳", "--csv")
    assert result.stdout.startswith("published_at,title,") and result.stderr == "No figure matches these filters.\n"


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
    assert result.stderr == "(first 1 figure; --limit N for more)\n"


def test_errors(db: str, tmp_path) -> None:
    result = run("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert result.output == "Error: no archive at " + str(tmp_path / "none.db") + ": create it with cgpn import\n"
    result = run("--db", db, "--min-yuan", "lots")
    assert result.exit_code == 2 and "'lots' is not an amount like 5000000, 500万 or 1.2亿" in result.output
    result = run("--db", db, "--kind", "weight-ish")
    assert result.exit_code == 2
    result = run("--db", db, "--json", "--csv")
    assert result.exit_code == 2 and "Error: --json and --csv exclude each other" in result.output


def test_help_has_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "Example: cgpn figures --kind money" in result.output
