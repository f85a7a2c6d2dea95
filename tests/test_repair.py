"""extractors.text: every repair on real and synthetic damage, and no harm to clean text."""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import fields
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from extractors.text import STEPS, Change, RepairConfig, explain, is_traditional, repair, to_simplified
from extractors.text.gbkshift import fix_gbk_shift
from extractors.text.pinyin import remove_pinyin
from extractors.text.width import narrow_numbers

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SEED_000 = (FIXTURES / "000_f35babb0978771df.txt").read_text(encoding="utf-8")
SIMPLIFIED = (DATA / "repair" / "negative" / "simplified.txt").read_text(encoding="utf-8").splitlines()
TRADITIONAL = (DATA / "repair" / "negative" / "traditional.txt").read_text(encoding="utf-8").splitlines()
# Chinese with Western letters, signs and prices (Müller, °C, ±, €, ·): what GBK read as latin-1 is made of.
LATIN = (DATA / "repair" / "negative" / "latin.txt").read_text(encoding="utf-8").splitlines()
IN_THE_WILD = json.loads((DATA / "repair" / "in_the_wild.json").read_text(encoding="utf-8"))
PINYIN_LEFT = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[1-5]?[)）]")
HAN_LINES = [line for line in SIMPLIFIED if not line.isascii()]


# --- do no harm -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", SIMPLIFIED + LATIN)
def test_clean_simplified_comes_back_byte_for_byte(line: str) -> None:
    r = repair(line)
    assert (r.text, r.unsimplified, r.repairs, r.warnings, r.script) == (line, line, [], [], "hans")


@pytest.mark.parametrize("line", TRADITIONAL)
def test_clean_traditional_only_simplified(line: str) -> None:
    r = repair(line)
    assert r.unsimplified == line
    assert r.text == to_simplified(line)
    assert r.repairs == ([] if r.text == line else ["t2s"])
    assert r.warnings == []


@pytest.mark.parametrize("seed", range(3))
def test_characters_lost_to_question_marks_are_not_realigned(seed: int) -> None:
    # Unencodable characters written as ? are not GBK run one byte off: nothing to repair.
    rng = random.Random(seed)
    text = "".join("?" if rng.random() < 0.3 else c for c in "".join(HAN_LINES[:6]))
    assert repair(text).text == text


def test_clean_article_as_one_text_keeps_every_newline() -> None:
    text = "\n".join(SIMPLIFIED) + "\n"
    assert repair(text).text == text
    assert explain(text) == []


# --- seed 000 and other damage met in the wild -------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["label"])) if c["expect"] == "fail" else c
        for c in IN_THE_WILD
    ],
    ids=[c["label"] for c in IN_THE_WILD],
)
def test_in_the_wild(case: dict) -> None:
    r = repair(case["original"])
    assert (r.text, r.repairs) == (case["fixed"], case["repairs"])


def test_seed_000_whole_text() -> None:
    r = repair(SEED_000)
    assert r.script == "hant"
    assert r.repairs == ["gbk-shift", "pinyin-annotations", "t2s"]
    assert len(r.text.splitlines()) == len(SEED_000.splitlines())
    assert PINYIN_LEFT.findall(r.text) == []
    assert "零售每份3元。可以破月、破季订阅。" in r.text
    assert r.text.count("可以破月") == 1
    assert "零售每份3元。可以破月、破季訂閱。" in r.unsimplified
    assert "1955.96万元" in r.text and "(柳财)" in r.text
    assert r.warnings == ["gbk-shift: 2 bytes lost to '?' near 元。零售每份3元, kept the copy that follows"]


@pytest.mark.parametrize("text", [SEED_000, *[c["original"] for c in IN_THE_WILD]])
def test_repairing_twice_is_repairing_once(text: str) -> None:
    once = repair(text).text
    assert repair(once).text == once
    assert repair(once).repairs == []


# --- each step ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damaged, fixed",
    [
        ("脫貧地區(qū)農(nóng)副產(chǎn)品", "脫貧地區農副產品"),
        ("地区(qu1)农(nong2)", "地区农"),
        ("地区(qu)农（nong）", "地区农"),
        ("地區 (qū)采購( gòu )", "地區采購"),
        ("脫貧地區(dì)", "脫貧地區(dì)"),  # not a reading of 區
        ("地区(qǔ)", "地区(qǔ)"),  # a reading without its tone
        ("平台(app)接口(api)项目(PPP)", "平台(app)接口(api)项目(PPP)"),
        ("(柳財)(对口支援办)(2021年)(记者 王明)（文章来源：中国政府采购报）(GMT+8)",
         "(柳財)(对口支援办)(2021年)(记者 王明)（文章来源：中国政府采购报）(GMT+8)"),
        ("重(zhòng)要 重(chóng)新 地(de)", "重要 重新 地"),  # heteronyms
    ],
)
def test_pinyin_removed_only_where_it_reads_the_character(damaged: str, fixed: str) -> None:
    assert remove_pinyin(damaged) == fixed


@pytest.mark.parametrize(
    "damaged, fixed",
    [
        ("采购金额１２３．４５万元。", "采购金额123.45万元。"),
        ("增长１２．５％，共３０家（ＰＰＰ）。", "增长12.5％，共30家（PPP）。"),
        ("采购1955．96万元：第一．二条", "采购1955.96万元：第一．二条"),
    ],
)
def test_fullwidth_figures_narrowed_punctuation_kept(damaged: str, fixed: str) -> None:
    assert narrow_numbers(damaged) == fixed


@pytest.mark.parametrize("codec", ["latin-1", "sloppy-windows-1252"])
def test_utf8_read_as_latin1_or_cp1252(codec: str) -> None:
    for line in HAN_LINES:
        r = repair(line.encode("utf-8").decode(codec))
        assert (r.text, r.repairs) == (line, ["latin1-mojibake"])


@pytest.mark.parametrize("codec", ["latin-1", "sloppy-windows-1252"])
@pytest.mark.parametrize("source", ["simplified", "traditional"])
def test_gbk_read_as_latin1_or_cp1252(codec: str, source: str) -> None:
    # A GBK page shown as Western European: every byte one character, nothing lost. ftfy alone turned
    # pairs of it into Cyrillic or Latin Extended letters (Ð² → в, Ä¹ → Ĺ).
    for line in HAN_LINES if source == "simplified" else TRADITIONAL:
        damaged = line.encode("gbk").decode(codec)
        if damaged == line:  # no Chinese in it
            continue
        r = repair(damaged)
        assert (r.unsimplified, r.repairs[:1]) == (line, ["gbk-as-latin1"])
        assert all(c.step == "gbk-as-latin1" for c in explain(damaged) if c.step != "t2s")


def test_gbk_read_as_latin1_left_to_ftfy_when_it_is_utf8() -> None:
    # UTF-8 read as latin-1 pairs up like GBK too; its bytes are valid UTF-8, so ftfy's repair takes it.
    line = HAN_LINES[0]
    assert repair(line.encode("utf-8").decode("latin-1")).repairs == ["latin1-mojibake"]


def test_utf8_read_as_gbk_without_loss() -> None:
    # Two-character-aligned runs lose no byte: every one must come back exactly.
    text = "政府采购规模33929.6亿元，占财政支出12.5%"
    damaged = text.encode("utf-8").decode("gb18030")
    assert damaged != text and "\ufffd" not in damaged
    r = repair(damaged)
    assert (r.text, r.repairs, r.warnings) == (text, ["utf8-as-gbk"], [])


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def test_utf8_read_as_gbk_losses_guessed_and_reported() -> None:
    # A run of an odd number of characters loses its last byte before ASCII: that character is guessed.
    errors = 0
    for line in HAN_LINES:
        r = repair(line.encode("utf-8").decode("gb18030", "replace"))
        assert r.repairs[:1] == ["utf8-as-gbk"]
        errors += _edits(r.text, line)
        if r.text != line:
            assert any(w.startswith("utf8-as-gbk:") for w in r.warnings)
    assert errors / sum(map(len, HAN_LINES)) < 0.02


@pytest.mark.parametrize(
    ("text", "guessed"),
    [
        ("财政厅通知，自2016年5月1日起执行", "月"),  # 月 (E6 9C 88) between numerals, not the commoner 有 (E6 9C 89)
        ("今年，平均节约率达12.5%，效果明显", "达"),  # 达 (E8 BE BE) before an amount, not 较 (E8 BE 83)
    ],
)
def test_utf8_read_as_gbk_lost_byte_guessed_from_its_neighbours(text: str, guessed: str) -> None:
    # The lost character's first two bytes leave up to 64 candidates; the numerals around it choose.
    damaged = text.encode("utf-8").decode("gb18030", "replace")
    assert "\ufffd" in damaged
    r = repair(damaged)
    assert r.text == text
    assert any(w.startswith("utf8-as-gbk:") and w.endswith(guessed) for w in r.warnings)
    assert repair(r.text).text == r.text


def test_utf8_read_by_the_gbk_decoder_lost_bytes_fit_the_bytes_after_them() -> None:
    # Python's GBK decoder has no user-defined rows: 多 (E5 A4 9A) loses A4, and of the 64 continuation
    # bytes only 0x80 and 0xA1-0xA9 fail before 9A as A4 did, so 10 values are tried instead of 64.
    text = "适用于多频次、小额度采购需求。"
    damaged = text.encode("utf-8").decode("gbk", "replace")
    assert damaged.count("\ufffd") >= 3
    r = repair(damaged)
    assert r.text == text
    assert any(w.startswith("utf8-as-gbk:") for w in r.warnings)


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_utf8_read_as_gbk_function_word_before_a_number(codec: str) -> None:
    # 为 (E4 B8 BA) lost its last byte before 2830: 上 (E4 B8 8A) and 一 (E4 B8 80) fit the bytes too. No
    # word holds 为 there, so jieba's word frequencies chose 上; characters of running news text choose 为
    # (一 is ruled out anyway: nobody writes 一2830).
    text = "采购规模为2830万元。"
    damaged = text.encode("utf-8").decode(codec, "replace")
    assert "\ufffd" in damaged
    assert repair(damaged).text == text


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
@pytest.mark.parametrize(
    "text",
    [
        # （ (EF BC 88) lost its last byte before 3, and ， (EF BC 8C) fits: the ） after it is not open.
        "合同金额为6.72万元（3年）。",
        # 、 and 。 (E3 80 81, E3 80 82) before a number; the last 。 lost its byte at the paragraph's end,
        # which the character model reads as the end of a line.
        "分省份看，四川省、贵州省、云南省销售额分别为21.5亿元、18.9亿元和17.2亿元，位居前三。",
    ],
)
def test_utf8_read_as_gbk_punctuation_from_its_pair_and_the_line_end(text: str, codec: str) -> None:
    damaged = text.encode("utf-8").decode(codec, "replace")
    assert "\ufffd" in damaged
    assert repair(damaged).text == text


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", ["参照发改价格〔2015〕299号文件执行。", "按照《办法》（财库〔2020〕46号）执行。"])
def test_utf8_read_as_gbk_brackets_of_a_document_number(text: str, codec: str) -> None:
    # 〔 and 〕 (E3 80 94/95) both lost their last byte before a digit, and 、 (E3 80 81) fits each: the
    # characters' model has never seen 〔 and reads 、2015、 better, but a year between the two lost marks,
    # then a number and 号, is a document number's (GB/T 9704).
    damaged = text.encode("utf-8").decode(codec, "replace")
    assert damaged.count("\ufffd") >= 2
    assert repair(damaged).text == text


@pytest.mark.parametrize("annotated", ["中標金額為（wèi）1828萬元", "交易額(é)突破70億元"])
def test_utf8_read_as_gbk_pinyin_letters_restored_next_to_a_lost_byte(annotated: str) -> None:
    # è shows as 猫 and é as 茅; the bracket after wèi lost a byte, the reading é stands alone in its brackets.
    damaged = annotated.encode("utf-8").decode("gb18030", "replace")
    assert "\ufffd" in damaged
    assert repair(damaged).text == to_simplified(re.sub(r"[(（][a-zèé]+[)）]", "", annotated))


def test_utf8_read_as_gbk_annotated_character_by_character() -> None:
    # Each character is followed by its reading, so each lost its last byte before "(" and stands alone
    # in its run (鏂�(xīn)鐤�(jiāng)): no run of two proves the text mojibake, the readings do.
    annotated = "新(xīn)疆(jiāng)生(shēng)產(chǎn)建(jiàn)設(shè)兵(bīng)團(tuán)"
    damaged = annotated.encode("utf-8").decode("gb18030", "replace")
    assert damaged.count("\ufffd") == 8
    assert repair(damaged).text == "新疆生产建设兵团"


def test_utf8_read_as_gbk_rare_character_chosen_by_its_reading() -> None:
    # 瞭 (E7 9E AD, s2t's 瞭解) is no common character, but it alone of the 64 that fit E7 9E reads liǎo.
    damaged = "據(jù)瞭(liǎo)解(jiě)，該平臺上線".encode("utf-8").decode("gb18030", "replace")
    assert repair(damaged).text == "据了解，该平台上线"


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_utf8_read_as_gbk_name_of_rare_characters_decoded_once_the_text_is_proven(codec: str) -> None:
    # 吴珺 decodes with no byte lost but reads no better than its mojibake (鍚寸徍); the rest of the
    # paragraph proves it UTF-8 read as GBK, and random GBK text seldom makes valid UTF-8.
    text = "采购规模达2830万元。(记者 吴珺 实习生 王明)"
    damaged = text.encode("utf-8").decode(codec, "replace")
    assert "鍚寸徍" in damaged
    assert repair(damaged).text == text


def _shift(text: str, start: int, end: int, lost: bool) -> str:
    """``text[start:end]`` decoded one byte off: its end bytes lost to ``?``, or a stray byte on each side."""
    data = text[start:end].encode("gbk")
    shifted = "?" + data[1:-1].decode("gb18030") + "?" if lost else (b"\xb5" + data + b"\xa1").decode("gb18030")
    return text[:start] + shifted + text[end:]


@pytest.mark.parametrize("lost", [False, True])
def test_gbk_shift_restores_or_keeps_intact_characters(lost: bool) -> None:
    text = "柳州市财政局加大对脱贫地区农副产品的采购支持力度，提前半年完成预留采购份额。"
    start, end = 9, 19  # 脱贫地区农副产品的采
    damaged = _shift(text, start, end, lost)
    fixed = fix_gbk_shift(damaged)
    if lost:
        assert fixed.text.startswith(text[:start]) and fixed.text.endswith(text[end:])
        assert text[start + 1 : end - 1] in fixed.text
        assert fixed.warnings and "2 bytes lost" in fixed.warnings[0]
    else:
        assert (fixed.text, fixed.warnings) == (text, [])


@pytest.mark.parametrize(
    ("text", "first", "lost"),
    [
        # The last character lost its trail byte: 说 (CB B5) and 他 (CB FB) both start with CB.
        ("杭州市一位供应商负责人说。统计显示", "供应商", "说"),
        # The first character lost its lead byte after a pinyin reading, which the guess reads past:
        # 設(shè) judges it, so 備 (82 E4), not 其 (C6 E4).
        ("貴州省財政局加大對醫療設(shè)備的採購支持力度，提前完成", "備", "備"),
        # 花 (BB A8) lost its trail byte; 还 (BB B9), frequent as a word alone, read better by jieba's words
        # while the character's own frequency, which the character model holds too, counted twice.
        ("过去跑一趟要花半天，现在", "过去跑", "花"),
    ],
)
def test_gbk_shift_character_that_lost_a_byte_guessed_from_running_text(text: str, first: str, lost: str) -> None:
    start = text.index(first)
    damaged = _shift(text, start, start + 7, lost=True)
    fixed = fix_gbk_shift(damaged)
    assert fixed.text == text
    guessed = text[start] + text[start + 6]  # both end bytes were lost: both characters were guessed
    assert lost in guessed and [w.split(", ")[-1] for w in fixed.warnings] == ["guessed " + guessed]


def test_gbk_shift_keeps_one_copy_of_a_repeated_sentence() -> None:
    text = "每季定价69元。零售每份3元。可以破月、破季订阅。"
    damaged = _shift(text, 14, 19, lost=True)  # 。可以破月
    assert damaged == "每季定价69元。零售每份3元?？梢云圃?、破季订阅。"
    repeated = damaged + " " + text[15:]
    assert fix_gbk_shift(repeated).text == text


# --- script -------------------------------------------------------------------------------------


def test_script_and_simplification() -> None:
    assert is_traditional(TRADITIONAL[0]) and not is_traditional(SIMPLIFIED[0])
    assert to_simplified("網路軟體", "tw2sp") == "网络软件"
    r = repair("網路軟體採購", RepairConfig(t2s_config="tw2sp"))
    assert (r.text, r.unsimplified, r.script) == ("网络软件采购", "網路軟體採購", "hant")


# --- configuration and explanations ---------------------------------------------------------------


def test_every_step_has_a_switch_in_the_config() -> None:
    assert [s.name for s in STEPS] == [
        "gbk-as-latin1", "latin1-mojibake", "utf8-as-gbk", "gbk-shift", "pinyin-annotations", "fullwidth-numbers", "t2s"
    ]
    assert {s.switch for s in STEPS} | {"t2s_config"} == {f.name for f in fields(RepairConfig)}


def test_config_switches_steps_off() -> None:
    line = "脫貧地區(qū)採購１２３．４５萬元"
    assert repair(line, RepairConfig(t2s=False)).text == "脫貧地區採購123.45萬元"
    assert repair(line, RepairConfig(pinyin_annotations=False, fullwidth_numbers=False)).text == "脱贫地区(qū)采购１２３．４５万元"
    assert repair(line, RepairConfig(t2s=False, pinyin_annotations=False, fullwidth_numbers=False)).repairs == []


def test_explain_positions_replay_each_step() -> None:
    text = "地区(qū)农(nóng)采购１２３万元\n第二段ＡＢ"
    changes = explain(text)
    assert changes == [
        Change("pinyin-annotations", 2, 6, "(qū)", ""),
        Change("pinyin-annotations", 7, 13, "(nóng)", ""),
        Change("fullwidth-numbers", 5, 8, "１２３", "123"),
        Change("fullwidth-numbers", 14, 16, "ＡＢ", "AB"),
    ]
    after_pinyin = text
    for c in reversed([c for c in changes if c.step == "pinyin-annotations"]):
        assert after_pinyin[c.start : c.end] == c.before
        after_pinyin = after_pinyin[: c.start] + c.after + after_pinyin[c.end :]
    assert after_pinyin == "地区农采购１２３万元\n第二段ＡＢ"


def test_the_shipped_table_of_common_characters_is_what_opencc_derives(tmp_path: Path) -> None:
    """``extractors/text/common.txt`` saves every process 0.3 s of OpenCC conversions; it must stay what they
    give (a new OpenCC or a changed list of punctuation rewrites it: ``write_common``)."""
    from extractors.text import score

    written = tmp_path / "common.txt"
    score.write_common(str(written))
    shipped = Path(score.__file__).with_name(score.COMMON)
    assert written.read_text() == shipped.read_text()
    assert score._not_rare() == score.derive_common()


def test_the_word_scorer_reads_jiebas_dictionary_as_jieba_does() -> None:
    """score._model parses jieba's dict.txt itself (initialising jieba takes twice as long): the same
    frequencies, total and longest word as jieba's own loader, which adds each word's prefixes at 0."""
    import jieba  # here only: the repairs never import it

    from extractors.text import score

    jieba.setLogLevel(60)
    jieba.dt.initialize()
    freq, _, logtotal, longest = score._model()
    assert {w: n for w, n in freq.items() if n} == {w: n for w, n in jieba.dt.FREQ.items() if n}
    assert (logtotal, longest) == (math.log(jieba.dt.total), max(map(len, jieba.dt.FREQ)))
