"""``cgpn repair``: stdin to stdout, ``--explain``, ``--tw`` and the error for non-UTF-8 input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cgpn.cmd_repair import repair

SEED_000 = (Path(__file__).resolve().parent.parent / "fixtures" / "000_f35babb0978771df.txt").read_bytes()


def test_repairs_stdin_to_stdout_and_warns_on_stderr() -> None:
    result = CliRunner().invoke(repair, [], input="地區(qū)農(nóng)\n零售每份3元??梢云圃?、破季訂閱。 可以破月、破季訂閱。\n")
    assert result.exit_code == 0
    assert result.stdout == "地区农\n零售每份3元。可以破月、破季订阅。\n"
    assert result.stderr == "Warning: gbk-shift: 2 bytes lost to '?' near 零售每份3元, kept the copy that follows\n"


def test_seed_000_through_the_pipe() -> None:
    result = CliRunner().invoke(repair, [], input=SEED_000)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "柳州提前完成脱贫地区农副产品全年采购任务"
    assert "零售每份3元。可以破月、破季订阅。\n" in result.stdout
    assert "(qū)" not in result.stdout


def test_explain_lists_each_change_with_its_position() -> None:
    result = CliRunner().invoke(repair, ["--explain"], input="地區(qū)采購１２３萬元")
    assert result.exit_code == 0
    assert result.stdout == (
        "pinyin-annotations\t2-6\t'(qū)' → ''\n"
        "fullwidth-numbers\t4-7\t'１２３' → '123'\n"
        "t2s\t1-2\t'區' → '区'\n"
        "t2s\t3-4\t'購' → '购'\n"
        "t2s\t7-8\t'萬' → '万'\n"
    )


def test_tw_uses_taiwanese_vocabulary() -> None:
    assert CliRunner().invoke(repair, ["--tw"], input="網路軟體").stdout == "网络软件"
    assert CliRunner().invoke(repair, [], input="網路軟體").stdout == "网路软体"


def test_clean_text_passes_unchanged() -> None:
    text = "截至今年6月底，柳州市已完成采购1955.96万元(GMT+8)(PPP)。\n"
    result = CliRunner().invoke(repair, [], input=text)
    assert (result.exit_code, result.stdout, result.stderr) == (0, text, "")
    assert CliRunner().invoke(repair, ["--explain"], input=text).stdout == ""


def test_gbk_and_big5_input_are_decoded() -> None:
    text = "柳州市已完成脫貧地區(qū)農(nóng)副產品采購1955.96萬元。"
    for encoding in ("gb18030", "big5hkscs"):
        result = CliRunner().invoke(repair, [], input=text.encode(encoding))
        assert (result.exit_code, result.stdout) == (0, "柳州市已完成脱贫地区农副产品采购1955.96万元。"), encoding


def test_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(repair, ["--help"])
    assert result.exit_code == 0
    assert "Example: cgpn repair < dump.txt > clean.txt" in result.stdout


def test_gbk_read_as_latin1_repaired_and_explained() -> None:
    # Issue 19 item 12: left as it was, and --explain showed ftfy turning 'Ä¹' into 'Ĺ'.
    damaged = "广州市政府采购中心公开招标公告".encode("gbk").decode("latin-1")
    assert CliRunner().invoke(repair, [], input=damaged).stdout == "广州市政府采购中心公开招标公告"
    result = CliRunner().invoke(repair, ["--explain"], input="Õþ¸®²É¹ºÖÐÐÄ\n")
    assert (result.exit_code, result.stdout) == (0, "gbk-as-latin1\t0-12\t'Õþ¸®²É¹ºÖÐÐÄ' → '政府采购中心'\n")
