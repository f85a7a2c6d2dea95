"""No exception but ExtractionError leaves ``extract()``; ``cgpn extract`` goes on after a bad file."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import extractors
from cgpn.cli import cli
from extractors import ExtractionError, extract
from tests.conftest import SEED_000, SEED_003

SENTENCE = "本报讯 柳州市已完成政府采购1955.96万元，率先完成全年任务。全市预算单位积极参与。"


def test_a_title_candidate_emptied_by_chrome_removal_does_not_stop_extraction() -> None:
    """Seen on a real 400 KB page: ``paragraphs(el)[0]`` of a title candidate that chrome removal
    had emptied (here a heading holding only a share block) raised IndexError in _choose_title."""
    page = (f"<html><head><title>柳州市完成政府采购任务 - 某某网</title></head><body>"
            f'<h2 class="title"><span class="share">分享到微信朋友圈</span></h2>'
            f'<div class="content"><p>{SENTENCE}</p><p>柳州市财政局表示，将继续推进政府采购工作。</p></div></body></html>')
    art = extract(page.encode(), path="share.html")
    assert art.title == "柳州市完成政府采购任务" and art.body.startswith(SENTENCE)  # not the share block's words


def test_an_extractor_bug_becomes_the_pages_extraction_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The net under every format: whatever a parser raises reaches the caller as ExtractionError,
    with the exception's type and message, and the original as its cause."""
    def broken(text: str, url: str | None = None) -> None:
        raise KeyError("no such node")

    monkeypatch.setattr(extractors.html, "parse", broken)
    with pytest.raises(ExtractionError, match=r"^KeyError: 'no such node'$") as caught:
        extract(f"<html><body><p>{SENTENCE}</p></body></html>".encode(), path="a.html")
    assert isinstance(caught.value.__cause__, KeyError)


def test_extract_reports_each_bad_file_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-gone.md").symlink_to(folder / "deleted.md")
    (folder / "c-random.html").write_bytes(random.Random(1).randbytes(2048))
    shutil.copy(SEED_003, folder / "d-post.md")
    shutil.copy(SEED_000, folder / "e-dump.txt")
    result = CliRunner().invoke(cli, ["extract", str(folder)])
    assert result.exit_code == 1
    failed = [line.split(": ", 2) for line in result.stderr.splitlines()]
    assert [(Path(where).name, why.split(":")[0]) for _, where, why in failed] == [
        ("a-empty.txt", "the document is empty"), ("b-gone.md", "cannot read"), ("c-random.html", "not text")]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["path"]).name for r in records] == ["d-post.md", "e-dump.txt"]
    assert records[0]["title"] == "广州交出乡村产业振兴满意答卷"
