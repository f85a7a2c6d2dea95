"""``cgpn search`` through click's CliRunner, on the search fixture archive."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner

from cgpn.cmd_search import search
from tests.data.search.make_archive import build


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(build(tmp_path_factory.mktemp("cli-search") / "archive.db"))


def run(*args: str):
    return CliRunner().invoke(search, list(args))


def test_text_output_shows_date_title_source_and_snippet(db):
    result = run("税", "--db", db)
    assert result.exit_code == 0
    assert result.output == (
        "2024-03-12  电子发票在政府采购领域全面推广  [zcb-epaper]\n"
        "    国家税务总局与财政部联合部署，在政府采购领域全面推广全面数字化的电子发票，供应商开具增值税发票后，"
        "采购人可在线查验、自动入账。 试点地区数据显示，纳税人开票时间…\n"
    )


def test_figures_option_lists_money_figures(db):
    result = run("312.6亿元", "--figures", "--db", db)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "2023-03-01  浙江政采云电子卖场交易额突破300亿元  [finews]"
    assert result.output.splitlines()[2] == "    money: 312.6亿元 交易额 浙江省 2022; 258.3亿元 中小企业合同金额 浙江省 2022"


def test_json_lines_with_marked_snippets(db):
    result = run("832平台", "--json", "--source", "finews", "--since", "2022-01-01", "--db", db)
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert {h["title"] for h in hits} == {"广州交出乡村产业振兴满意答卷", "浙江政采云电子卖场交易额突破300亿元"}
    assert all("«832»«平台»" in h["snippet"] for h in hits)
    assert {"id", "title", "subtitle", "published_at", "source", "url", "path", "snippet", "score"} == set(hits[0])


def test_csv_with_figures(db):
    result = run("PPP", "--csv", "--figures", "--until", "2022-12-31", "--db", db)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["title"] for r in rows] == ["财政部开展PPP项目绩效评价试点"]
    assert rows[0]["figures"] == "2860亿元 总投资 财政部 2022"
    assert rows[0]["location"] == "http://www.cgpnews.cn/epapers?period=1&period_date=2022-09-20#ppp"


def test_limit(db):
    result = run("采购", "--json", "--limit", "3", "--db", db)
    assert len(result.output.splitlines()) == 3


def test_fts_syntax_in_a_query_is_searched_safely(db):
    result = run('("政府采购" AND 融资', "--db", db)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "2023-07-07  政府采购合同融资缓解中小企业资金难题  [finews]"


def test_no_match_says_so_and_exits_0(db):
    result = run('"*', "--db", db)
    assert result.exit_code == 0
    assert result.output == "No article matches '\"*'.\n"


def test_raw_syntax_error_is_one_error_line_with_a_hint(db):
    result = run("(乡村 AND", "--raw", "--db", db)
    assert result.exit_code == 2
    assert result.output == (
        "Error: bad FTS query '(乡村 AND': fts5: syntax error near \"\"\n"
        "Hint: drop --raw to search the words as typed\n"
    )


def test_raw_near_query(db):
    result = run("NEAR(中小企业 融资, 10)", "--raw", "--json", "--db", db)
    assert [json.loads(line)["title"] for line in result.output.splitlines()] == ["政府采购合同融资缓解中小企业资金难题"]


def test_missing_archive_is_a_usage_error_and_is_not_created(tmp_path):
    missing = tmp_path / "none.db"
    result = run("采购", "--db", str(missing))
    assert result.exit_code == 2
    assert result.output == f"Error: no archive at {missing}: create it with cgpn import\n"
    assert not missing.exists()


def test_not_an_archive(tmp_path):
    other = tmp_path / "other.db"
    other.write_bytes(b"not sqlite at all" * 100)
    result = run("采购", "--db", str(other))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {other}: file is not a database\n")


def test_help_ends_with_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "Example: cgpn search 832平台 --since 2022-01-01 --figures" in result.output
    for option in ("--since", "--until", "--source", "--limit", "--json", "--csv", "--figures", "--raw", "--db"):
        assert option in result.output


def _titles(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [json.loads(line)["title"] for line in result.output.splitlines()]


def test_words_typed_without_quotes_are_one_query(db):
    together = _titles(run("政府采购 融资", "--json", "--db", db))
    assert together and _titles(run("政府采购", "融资", "--json", "--db", db)) == together
    assert _titles(run("--json", "政府采购", "--limit", "20", "融资", "--db", db)) == together  # options go anywhere


def test_a_dash_word_after_a_word_excludes(db):
    everything = _titles(run("采购", "--json", "--limit", "100", "--db", db))
    without = _titles(run("采购", "-广州", "--json", "--limit", "100", "--db", db))
    assert "广州交出乡村产业振兴满意答卷" in everything and "广州交出乡村产业振兴满意答卷" not in without
    assert without == _titles(run("采购 -广州", "--json", "--limit", "100", "--db", db))
    assert 0 < len(without) < len(everything)


def test_a_dash_word_first_and_an_empty_query_are_usage_errors(db):
    first = run("-广州", "采购", "--db", db)
    assert first.exit_code == 2 and "-广州 excludes: put it after a word" in first.output
    for empty in ("", "  "):
        result = run(empty, "--db", db)
        assert result.exit_code == 2 and "the query is empty" in result.output
    assert run("--db", db).exit_code == 2  # no query at all
    assert "No such option '--sinse'" in run("采购", "--sinse", "2022-01-01", "--db", db).output


def test_json_and_csv_exclude_each_other_in_either_order(db):
    for flags in (["--json", "--csv"], ["--csv", "--json"]):
        result = run("采购", *flags, "--db", db)
        assert (result.exit_code, result.output) == (2, "Error: --json and --csv exclude each other\n")


def test_a_db_that_is_not_a_regular_file_is_an_error_not_a_traceback(tmp_path):
    fifo = tmp_path / "archive.db"
    os.mkfifo(fifo)
    result = run("采购", "--db", str(fifo))
    assert (result.exit_code, result.output) == (1, f"Error: no archive at {fifo}\nHint: is it a cgpn archive? Pass another --db\n")
