"""cgpn series through click's CliRunner, over a real archive file."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from archive import Archive
from cgpn.cmd_series import series
from series_db import fig, save


@pytest.fixture
def db(db_path: str) -> str:
    with Archive(db_path) as arc:
        save(arc, 1, [fig("5.85亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2021")], "2022-01-19T10:00:00+08:00")
        save(arc, 2, [fig("7.31亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2022")], "2023-01-13T10:00:00+08:00")
        save(arc, 3, [fig("7.31亿元", "脱贫地区农副产品采购", "广西壮族自治区", "2022"),
                      fig("8.31亿元", "脱贫地区农副产品金额", "广西壮族自治区", "2023")], "2024-02-02T10:00:00+08:00")
        save(arc, 4, [fig("8.13亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2023"),
                      fig("4.2亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2024-H1")], "2024-07-20T10:00:00+08:00")
        save(arc, 5, [fig("9.25亿元", "脱贫地区农副产品采购额", "广西壮族自治区", "2024")], "2025-01-08T10:00:00+08:00")
    return db_path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(series, list(args))


def test_table_one_line_per_period_with_changes_and_disagreements(db: str) -> None:
    result = run("--db", db, "--subject", "廣西", "--metric", "脫貧地區農副產品採購額")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "广西壮族自治区 · 脱贫地区农副产品采购额\n"
        "period              value               vs previous  articles  article ids       note\n"
        "2021                5.85亿元                         1         1\n"
        "2022                7.31亿元            +25.0%       2         2 3\n"
        "2023                —                                2         3 4               disagree: 8.13亿元 (4); 8.31亿元 (3)\n"
        "2024                9.25亿元            +26.5%       1         5\n"
        "2024-H1             4.2亿元                          1         4\n"
    )


def test_json_lines_and_period_type(db: str) -> None:
    result = run("--db", db, "--subject", "广西壮族自治区", "--metric", "脱贫地区农副产品采购额", "--period-type", "year", "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["period"], r["value"], r["unit"], r["article_ids"], r["conflict"]) for r in rows] == [
        ("2021", 585000000, "元", [1], False), ("2022", 731000000, "元", [2, 3], False),
        ("2023", None, "元", [3, 4], True), ("2024", 925000000, "元", [5], False)]
    assert [r["surface"] for r in rows[2]["reported"]] == ["8.13亿元", "8.31亿元"]


def test_csv(db: str) -> None:
    result = run("--db", db, "--subject", "广西", "--metric", "脱贫地区农副产品采购额", "--period", "2024", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["period"], r["value"], r["article_ids"]) for r in rows] == [("2024", "925000000", "5"), ("2024-H1", "420000000", "4")]


@pytest.mark.parametrize("args, code, message", [
    (["--subject", "广西", "--metric", "金额"], 2, "Error: '金额' is not a metric of the vocabulary"),
    (["--subject", "广西", "--metric", "政府采购规模", "--json", "--csv"], 2, "Error: --json and --csv exclude each other"),
    (["--subject", "广西"], 2, "Missing option '--metric'"),
])
def test_usage_errors(db: str, args: list[str], code: int, message: str) -> None:
    result = run("--db", db, *args)
    assert result.exit_code == code and message in result.output


def test_no_points_is_said_on_stderr_and_no_archive_is_an_error(db: str, tmp_path) -> None:
    result = run("--db", db, "--subject", "上海", "--metric", "政府采购规模")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no series of 政府采购规模 for 上海\n")
    missing = run("--db", str(tmp_path / "none.db"), "--subject", "广西", "--metric", "政府采购规模")
    assert (missing.exit_code, missing.output) == (2, f"Error: no archive at {tmp_path / 'none.db'}: create it with cgpn import\n")


def test_values_that_differ_never_read_alike(db_path: str) -> None:
    with Archive(db_path) as arc:  # one digit apart at the 万元 scale: rounding to 4 places in 亿 hid it
        save(arc, 1, [fig("15077.38万元", "832平台交易额", "广州市", "2021")])
        save(arc, 2, [fig("15077.42万元", "832平台交易额", "广州市", "2021")])
        save(arc, 3, [fig("15077.38万元", "832平台交易额", "广州市", "2022")])
    result = run("--db", db_path, "--subject", "广州", "--metric", "832平台交易额")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:] == [
        ("2021                —                                2         1 2               "
         "disagree: 1.507738亿元 (1); 1.507742亿元 (2)"),
        "2022                1.507738亿元                     1         3",
    ]


def test_a_file_that_is_not_an_archive_is_an_error_like_for_figures(tmp_path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not sqlite at all " * 300)
    result = run("--db", str(bogus), "--subject", "广西", "--metric", "政府采购规模")
    assert (result.exit_code, result.output) == (
        1, "Error: cannot read series: file is not a database\nHint: is it a cgpn archive? Pass another --db\n")


def test_period_type_choices_are_the_archives_period_types() -> None:
    from archive import metrics
    from cgpn.cmd_series import PERIOD_TYPES

    assert PERIOD_TYPES == (*(name for name, _ in metrics.PERIOD_TYPES), "other")
