"""Posts of the finews mirror as a clone of it holds them (tests/data/finews_clone, issue 19 items 16-21).

The clone is a small fake of the real repository: posts in ``_posts/`` and ``old_post/``
(file names ``YYYY-MM-DD-<digits of the info code>.md``, or ``-<digits>.md`` when the mirror
lost the date), category pages, ``index.html``, ``404.md``, ``about.md``, ``_layouts/`` and
``_includes/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from archive import Archive
from cgpn.files import iter_files
from cgpn.pipeline import Outcome, import_files
from extractors import Article, extract, peek
from tests.conftest import ROOT

CLONE = ROOT / "tests" / "data" / "finews_clone"
BLANK_LINE = CLONE / "_posts" / "2022-06-16-202206162412884127.md"
BOM_CRLF = CLONE / "_posts" / "2022-06-16-202206162413012266.md"
NO_TITLE_DATE = CLONE / "old_post" / "2022-03-01-202203012300845519.md"
RAW_HTML = CLONE / "_posts" / "-202206172413377785.md"
CCTV = CLONE / "old_post" / "2022-03-02-202203022301556934.md"
SSN_LINE = CLONE / "old_post" / "2022-03-02-202203022301611078.md"
NOTE_LAST = CLONE / "_posts" / "2022-06-17-202206172413420116.md"
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>|<>|&lt;|&gt;|&[a-z]+;")


def _extract(path: Path, name: str | None = None) -> Article:
    return extract(path.read_bytes(), path=name or str(path))


# 16. front matter after leading blank lines or a BOM


@pytest.mark.parametrize(("post", "title"), [(BLANK_LINE, "四川省政府采购电子卖场上线运行"), (BOM_CRLF, "宁夏推行政府采购合同融资线上办理")],
                         ids=["blank-line", "bom-crlf-two-blank-lines"])
def test_front_matter_after_blank_lines_or_a_bom(post: Path, title: str) -> None:
    raw = post.read_bytes()
    assert not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---")  # the fixture really opens with blank lines
    art = _extract(post)
    assert art.format == "jekyll" and art.category == "zhongguozhengfucaigoubao" and art.tags == ["中国政府采购报新闻"]
    assert art.title == title
    assert art.published_at.startswith("2022-06-16T") and art.published_at.endswith("+08:00")
    assert "---" not in art.body and "layout:" not in art.body and art.title not in art.body
    assert art.body.startswith("本报讯") and art.warnings == []
    assert peek(raw).category == "zhongguozhengfucaigoubao"


def test_a_dash_line_inside_a_text_dump_is_not_front_matter() -> None:
    art = extract("\n---\n柳州完成采购任务\n---\n本报讯 柳州市已完成采购1955.96万元。\n".encode(), path="a.txt")
    assert art.format == "text" and "本报讯 柳州市已完成采购1955.96万元。" in art.body


# 17. empty title and date: the file name, the info code, the first heading, the summary line


def test_empty_title_and_date_fall_back_to_the_heading_and_the_file_name() -> None:
    art = _extract(NO_TITLE_DATE)
    assert art.title == "江西为县级预算单位开通采购意向公开专栏"
    assert art.subtitle == "今年以来已公开采购意向1.2万条" and art.column == "新闻第一站"
    assert art.published_at == "2022-03-01T00:00:00+08:00"
    assert any("title" in w and "first heading" in w for w in art.warnings), art.warnings
    assert any("date" in w and "file name" in w for w in art.warnings), art.warnings
    assert "no title found" not in art.warnings and "no publication date found" not in art.warnings


def test_date_falls_back_to_the_info_code_in_the_file_name_then_in_the_share_link() -> None:
    art = _extract(RAW_HTML)  # "-202206172413377785.md": the mirror lost the date part of the name
    assert art.published_at == "2022-06-17T00:00:00+08:00"
    assert any("date" in w and "info code" in w for w in art.warnings), art.warnings
    # renamed, the name says nothing: the share link's infoCode=NW20220301… still does
    art = _extract(NO_TITLE_DATE, name="/tmp/post.md")
    assert art.published_at == "2022-03-01T00:00:00+08:00" and art.info_code == "NW202203012300845519"
    # nothing anywhere: no date, and the warning says so
    text = NO_TITLE_DATE.read_text(encoding="utf-8")
    art = extract(re.sub(r"<http://\S+NewsShare\S+>", "", text).encode(), path="post.md")
    assert art.published_at is None and "no publication date found" in art.warnings


def test_empty_title_falls_back_to_the_summary_line() -> None:
    art = _extract(RAW_HTML)
    assert art.title == "记者从多地政府采购平台获悉，今年以来信创产品政府采购明显提速，服务器、操作系统和办公软件采购项目数量同比增长超过四成，多家上市公司披露中标公告"
    assert any("title" in w and "summary" in w for w in art.warnings), art.warnings


def test_a_post_without_a_share_link_takes_its_info_code_from_the_file_name() -> None:
    assert _extract(RAW_HTML).info_code == "NW202206172413377785"
    assert _extract(CCTV).info_code == "NW202203022301556934"
    assert extract(RAW_HTML.read_bytes(), path="renamed.md").info_code is None


# 18. a "> " summary that repeats the first paragraph


def test_summary_repeating_the_first_paragraph_becomes_the_subtitle_once() -> None:
    art = _extract(CCTV)
    summary = "财政部3月2日发布数据显示，2021年全国政府采购规模为36399亿元，占全国财政支出和GDP的比重分别为10.1%和3.2%。"
    assert art.subtitle == summary
    assert art.body.count("36399亿元") == 1 and art.body.startswith(summary)


def test_summary_of_a_post_with_its_own_subtitle_is_not_repeated() -> None:
    art = _extract(NOTE_LAST)
    assert art.title == "湖南公布2021年政府采购统计数据" and art.column == "地方动态"
    assert art.subtitle == "全省政府采购规模达1286余亿元"
    assert art.body.count("1286.37亿元") == 1 and art.body.startswith("本报讯 湖南省财政厅")
    assert "地方动态" not in art.body and art.title not in art.body


def test_a_summary_that_repeats_nothing_stays_in_the_body() -> None:
    text = CCTV.read_text(encoding="utf-8").replace("> 财政部3月2日发布数据显示", "> 今年政府采购监管将聚焦中小企业。财政部3月2日发布数据显示", 1)
    art = extract(text.encode(), path=str(CCTV))
    assert art.subtitle is None and art.body.startswith("今年政府采购监管将聚焦中小企业。")


# 19. bodies of raw HTML from the original site


def test_raw_html_body_comes_out_as_clean_text_with_images_noted() -> None:
    art = _extract(RAW_HTML)
    assert not MARKUP.search(art.body.replace("《<中华人民共和国政府采购法>实施条例》", "")), art.body
    lines = art.body.split("\n")
    assert lines == [
        "记者从多地政府采购平台获悉，今年以来信创产品政府采购明显提速，服务器、操作系统和办公软件采购项目数量同比增长超过四成，多家上市公司披露中标公告。",
        "据不完全统计，今年1月至5月，各地公开的信创类政府采购项目共计2846个，采购预算合计约126.5亿元。其中，浪潮信息、中国软件等公司在多个省级集中采购项目中中标。",
        "业内人士表示，《<中华人民共和国政府采购法>实施条例》明确了政府采购政策功能，信创产品采购由中央向地方、由党政机关向行业延伸的趋势已经形成。",
        "中国软件在投资者互动平台表示，公司操作系统产品已进入多个省份的政府采购目录，今年一季度相关收入同比增长62.3%。",
        "另据浪潮信息公告，公司近日中标某省政务云服务器采购项目，中标金额1.83亿元。",
    ]
    assert "3 images left out of the text" in art.warnings
    assert {f.surface for f in art.figures} >= {"126.5亿元", "62.3%", "1.83亿元"}


def test_hidden_paragraphs_and_escaped_comments_leave_nothing() -> None:
    body = ('<p style="display: none">隐藏的统计代码文字</p><p>本报讯 某市完成采购100万元。</p>'
            "&lt;!-- 以下为原站注释 --&gt;<p>第二段。</p>\n\n<>\n")
    art = extract(f"---\ntitle: 某市完成采购\ndate: 2022-01-05\n---\n{body}".encode(), path="a.md")
    assert art.body == "本报讯 某市完成采购100万元。\n第二段。"
    assert not any("image" in w for w in art.warnings)


# 20. source credits at the end go to the publisher


@pytest.mark.parametrize(("post", "publisher"), [(RAW_HTML, "上海证券报"), (CCTV, "央视新闻客户端"), (SSN_LINE, "上海证券报")],
                         ids=["文章来源", "央视新闻客户端", "上海证券报"])
def test_credit_lines_go_to_the_publisher(post: Path, publisher: str) -> None:
    art = _extract(post)
    assert art.publisher == publisher and art.author is None
    assert publisher not in art.body and not art.body.endswith("）")


def test_a_last_paragraph_in_parentheses_that_is_content_stays() -> None:
    art = _extract(NOTE_LAST)
    assert art.body.split("\n")[-1] == "（注：本文数据为各地财政部门报送的初步统计数，最终以年度决算为准。）"
    assert art.publisher == "中国政府采购报"


# 21. importing a clone of the mirror


SITE_PAGES = {"index.html": "layout default", "404.md": "layout default", "about.md": "layout page",
              "category/zhongguozhengfucaigoubao.html": "layout category", "category/emnews.html": "layout category",
              "_layouts/default.html": "template in _layouts/", "_layouts/post.html": "template in _layouts/",
              "_layouts/category.html": "template in _layouts/", "_includes/head-custom.html": "template in _includes/"}


@pytest.mark.parametrize("page", sorted(SITE_PAGES))
def test_site_pages_of_a_clone_are_not_posts(page: str) -> None:
    assert peek((CLONE / page).read_bytes(), path=str(CLONE / page)).not_a_post == f"not a post: {SITE_PAGES[page]}"


def test_posts_are_posts_wherever_they_lie() -> None:
    for post in [*CLONE.glob("_posts/*.md"), *CLONE.glob("old_post/*.md")]:
        assert peek(post.read_bytes(), path=str(post)).not_a_post is None, post


def test_importing_a_clone_skips_its_site_pages_and_reads_both_post_folders(tmp_path: Path) -> None:
    clone = tmp_path / "finews"
    shutil.copytree(CLONE, clone)
    skipped: dict[str, str] = {}

    def on_done(outcome: Outcome) -> None:
        if outcome.status == "skipped":
            skipped[Path(outcome.location).relative_to(clone.resolve()).as_posix()] = outcome.error or ""

    with Archive(str(tmp_path / "a.db")) as arc:
        summary = import_files(arc, iter_files([clone]), on_done=on_done)
        assert summary.counts == {"new": 4, "skipped": 12}, summary.line()
        assert {page: reason for page, reason in skipped.items() if page in SITE_PAGES} == {
            page: f"not a post: {SITE_PAGES[page]}" for page in SITE_PAGES}
        assert {skipped[p.relative_to(CLONE).as_posix()] for p in (RAW_HTML, CCTV, SSN_LINE)} == {"category emnews"}
        dates = {r["published_at"][:10] for r in arc.db.query("SELECT published_at FROM articles")}
        assert dates == {"2022-06-16", "2022-03-01", "2022-06-17"}
        everything = import_files(arc, iter_files([clone]), category=None)
        assert everything.counts == {"new": 3, "unchanged": 4, "skipped": 9}, everything.line()
        # the mirror moves posts older than three days from _posts/ to old_post/: still the same articles
        for name in ("-202206172413377785.md", "2022-06-16-202206162412884127.md"):
            (clone / "_posts" / name).rename(clone / "old_post" / name)
        moved = import_files(arc, iter_files([clone]), category=None)
        assert moved.counts == {"changed": 2, "unchanged": 5, "skipped": 9}, moved.line()
        assert arc.stats()["articles"] == 7
