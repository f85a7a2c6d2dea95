"""Search quality and safety on the fixture archive (tests/data/search/articles.yaml)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import jieba
import pytest
import rjieba

from archive.fts import _jieba, fold, index_text, is_token, procurement_words, words
from archive.search import QuerySyntaxError, figures_of, match_expression, search
from tests.data.search.make_archive import build, load_articles

GUANGZHOU = "finews:NW202202142276022459"  # seed 003
LIUZHOU = "file:000_f35babb0978771df"  # seed 000, traditional characters
ZHEJIANG = "finews:NW202303010000000001"
GUIZHOU = "finews:NW202110180000000009"
PPP_SHANDONG = "zcb-epaper:ppp-shandong-2023"
PPP_PILOT = "cgpnews:ppp-performance-2022"
FRAMEWORK = "finews:NW202401080000000004"
HK = "cgpnews:traditional-hk-2019"
GREEN = "cgpnews:green-procurement-2021"
TAX = "zcb-epaper:tax-invoice-2024"
CONTRACT_LOANS = "finews:NW202307070000000010"
SME = "finews:NW202305100000000002"
COVID = "finews:NW202011200000000006"
DATA_CENTRES = "finews:NW202408200000000007"
MEDICAL = "finews:NW202106150000000003"
LAW = "finews:NW202502250000000011"
EXPERTS = "cgpnews:expert-review-2022"
PAYMENT_832 = {GUANGZHOU, LIUZHOU, ZHEJIANG, GUIZHOU}

# query -> exactly the articles it must find
EXACT = {
    "832平台": PAYMENT_832,  # Latin digits glued to Chinese
    '"832平台"': PAYMENT_832,  # phrase
    "“832平臺”": PAYMENT_832,  # curly quotes, traditional
    "PPP": {PPP_SHANDONG, PPP_PILOT},
    "ppp": {PPP_SHANDONG, PPP_PILOT},
    "採購任務": {LIUZHOU},  # traditional query, traditional text
    "脱贫地区": PAYMENT_832,  # simplified query finds traditional text too
    "農副產品": PAYMENT_832,  # traditional query finds simplified text
    "税": {TAX},  # single character inside words (税务, 增值税, 纳税)
    "特区政府": {HK},  # a word inside a longer indexed word (香港特区政府)
    "中小企业 -浙江": {SME, CONTRACT_LOANS},
    "中小企业 NOT 浙江": {SME, CONTRACT_LOANS},
    "PPP OR 框架协议": {PPP_SHANDONG, PPP_PILOT, FRAMEWORK},
    '("政府采购" AND 融资)': {CONTRACT_LOANS},  # quotes and parentheses
    '"乡村产业振兴': {GUANGZHOU},  # a lone quote
    "NEAR(中小企业 融资, 5)": {CONTRACT_LOANS},
    "COVID-19": {COVID},
    "5G基站": {DATA_CENTRES},
    "312.6亿元": {ZHEJIANG},
    "带量采购": {MEDICAL},
    "中华人民共和国": {LAW},
    "广西 柳州": {LIUZHOU},  # several terms
    "电子发票": {TAX},
    "碳中和": {GREEN},
    "物有所值": {PPP_SHANDONG},
}

# query -> articles that must come first, in this order
FIRST = {
    "政府采购法": [LAW],
    "评审专家": [EXPERTS],
    "綠色採購": None,  # checked below: both green-procurement articles lead
    "交易额": None,
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("search") / "archive.db")
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def key_of(conn):
    return dict(conn.execute("SELECT id, key FROM articles"))


def keys(conn, key_of, query, **kw):
    return [key_of[hit["id"]] for hit in search(conn, query, **kw)]


@pytest.mark.parametrize("query", sorted(EXACT))
def test_query_finds_exactly_the_expected_articles(conn, key_of, query):
    assert set(keys(conn, key_of, query, limit=50)) == EXACT[query]


def test_title_match_ranks_first(conn, key_of):
    assert keys(conn, key_of, "政府采购法")[0] == LAW
    assert keys(conn, key_of, "评审专家")[0] == EXPERTS
    assert set(keys(conn, key_of, "綠色採購")[:2]) == {GREEN, HK}


def test_single_character_matches_inside_words(conn, key_of):
    found = keys(conn, key_of, "价", limit=50)  # 评价, 降价, 价格
    assert {MEDICAL, PPP_PILOT, "zcb-epaper:credit-2023"} <= set(found)
    assert "zcb-epaper:budget-2024" not in found


@pytest.mark.parametrize("query", ['"', "*", "()", '" OR "(', "AND OR NOT", "NEAR(", "-", "-广州", ":", "^", "\\"])
def test_fts_syntax_never_raises(conn, query):
    assert isinstance(search(conn, query), list)


def test_syntax_only_queries_match_nothing(conn):
    for query in ['"', "*", "()", "AND OR NOT", "-广州"]:
        assert match_expression(query) == ""
        assert search(conn, query) == []


def test_hit_fields_and_highlighted_snippet(conn, key_of):
    hit = search(conn, "832平台", source="finews", since="2022-01-01", until="2022-12-31")[0]
    assert key_of[hit["id"]] == GUANGZHOU
    assert hit["title"] == "广州交出乡村产业振兴满意答卷"
    assert hit["published_at"] == "2022-02-14T20:52:19+08:00"
    assert hit["source"] == "finews"
    assert hit["url"].endswith("202202142276022459.html")
    assert "«832»«平台»" in hit["snippet"]
    assert hit["score"] > 0


def test_snippet_keeps_the_original_script(conn, key_of):
    hit = next(h for h in search(conn, "脱贫地区") if key_of[h["id"]] == LIUZHOU)
    assert "«脫貧地區»" in hit["snippet"]


def test_filters(conn, key_of):
    assert set(keys(conn, key_of, "832平台", since="2022-02-14")) == {GUANGZHOU, ZHEJIANG, LIUZHOU}
    assert set(keys(conn, key_of, "832平台", until="2022-02-14")) == {GUANGZHOU, GUIZHOU}
    assert set(keys(conn, key_of, "832平台", until="2022-02-13")) == {GUIZHOU}
    assert set(keys(conn, key_of, "832平台", source="file")) == {LIUZHOU}
    assert len(search(conn, "采购", limit=3)) == 3


def test_scores_descend(conn):
    scores = [hit["score"] for hit in search(conn, "采购", limit=50)]
    assert scores == sorted(scores, reverse=True) and len(scores) > 10


def test_raw_mode_passes_fts_syntax_and_segments_chinese(conn, key_of):
    assert keys(conn, key_of, "NEAR(中小企业 融资, 10)", raw=True) == [CONTRACT_LOANS]
    assert set(keys(conn, key_of, "title:PPP", raw=True)) == {PPP_SHANDONG, PPP_PILOT}
    assert set(keys(conn, key_of, "832平台 NOT 广州", raw=True)) == PAYMENT_832 - {GUANGZHOU}


@pytest.mark.parametrize("query", ["(乡村 AND", '"unclosed', "nosuchcolumn:采购", "AND"])
def test_raw_mode_reports_bad_syntax(conn, query):
    with pytest.raises(QuerySyntaxError):
        search(conn, query, raw=True)


def test_index_text_is_segmented_simplified_lowercase():
    text = index_text("政府和社會資本合作（PPP）項目")
    assert text.split()[:7] == ["政府", "社会", "资本", "合作", "政府和社会资本合作", "ppp", "项目"]
    assert set("政府和社会资本合作项目") <= set(text.split())  # every character once, for one-character queries
    assert fold(text) == text


def test_every_fixture_article_is_found_by_its_own_title(conn, key_of):
    for article in load_articles():
        assert key_of[search(conn, article["title"])[0]["id"]] == article["key"], article["title"]


def test_money_figures_of_hits(conn, key_of):
    ids = {key: id_ for id_, key in key_of.items()}
    found = figures_of(conn, [ids[GUANGZHOU], ids[TAX]])
    assert [f["surface"] for f in found[ids[GUANGZHOU]]] == ["15077.38万元", "12530.78万元"]
    assert found[ids[GUANGZHOU]][0]["value_yuan"] == 150773800
    assert found[ids[TAX]] == []


def test_rank_window_ranks_only_the_most_recently_added_matches(conn, key_of):
    ids = sorted((i for i, k in key_of.items() if k in PAYMENT_832), reverse=True)
    assert {h["id"] for h in search(conn, "832平台", window=2)} == set(ids[:2])
    assert {h["id"] for h in search(conn, "832平台", window=None)} == set(ids)
    full = [h["id"] for h in search(conn, "采购", window=None, limit=5)]
    assert [h["id"] for h in search(conn, "采购", window=1000, limit=5)] == full


def test_procurement_words_are_indexed_whole_without_touching_the_default_dictionary():
    assert index_text("集中带量采购").split()[:5] == ["集中", "带量", "采购", "带量采购", "集中带量采购"]
    assert rjieba.cut("带量采购", hmm=False) == ["带", "量", "采购"]


def test_index_words_are_those_of_python_jieba():
    """rjieba (jieba-rs) must cut as Python jieba does, and know the same words: a different
    dictionary or tie-break in a new release would index new articles differently from old ones."""
    reference = jieba.Tokenizer()
    for word in procurement_words():
        reference.add_word(word)
    # every entry of jieba's table, the prefixes it stores with frequency 0 (not words) included
    assert [w for w in reference.FREQ if _jieba().has_word(w) != bool(reference.FREQ[w])] == []
    vocabulary = [w for w, freq in reference.FREQ.items() if freq]
    rng = random.Random(5)
    root = Path(__file__).resolve().parent.parent
    texts = (root / "bench" / "pages" / "articles.txt").read_text(encoding="utf-8").splitlines()
    texts += (root / "tests" / "data" / "search" / "articles.yaml").read_text(encoding="utf-8").splitlines()
    # dictionary words glued together: the route through them must be the one jieba picks
    texts += ["".join(rng.choices(vocabulary, k=rng.randint(1, 6))) for _ in range(20000)]
    for text in map(fold, texts):
        assert words(text) == [w for w in reference.cut(text, HMM=False) if is_token(w)], text
