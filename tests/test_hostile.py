"""Hostile and broken input, by name: each case is fed to the extractors (and to an import) under a
time limit; it must give an article or an ExtractionError with a reason, never a crash or a hang.

Large inputs are generated here rather than stored under fixtures/ (which ``cgpn import fixtures/`` reads).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archive import Archive
from archive.verify import verify
from cgpn.pipeline import import_files
from extractors import Article, ExtractionError, extract
from tests.conftest import FIXTURES, ROOT

SENTENCE = "本报讯 柳州市已完成政府采购1955.96万元，率先完成全年任务。"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.is_file())


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail with TimeoutError when the block runs longer than ``seconds`` (main thread, Unix)."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)  # pytest-timeout's own alarm, if any
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.01))


def check_article(art: Article) -> None:
    """What every extracted article promises, whatever its input was."""
    assert art.body.strip()
    record = art.to_dict()
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # storable: no lone surrogates
    for text in (art.title, art.body):
        assert not any(c < " " and c not in "\t\n\r\f\v" or c == "\x7f" for c in text), repr(text)  # C0, DEL
    for fig in art.figures:
        where = {"body": art.body, "title": art.title, "subtitle": art.subtitle or ""}[fig.field]
        assert where[fig.start:fig.end] == fig.surface


def outcome(data: bytes, seconds: float = 10, **kwargs: object) -> Article | ExtractionError:
    """The article extracted from ``data``, or the ExtractionError saying why there is none."""
    with within(seconds):
        try:
            art = extract(data, path=kwargs.pop("path", "hostile"), **kwargs)
        except ExtractionError as exc:
            assert str(exc)  # a reason
            return exc
    check_article(art)
    return art


def html_page(body: str) -> str:
    return f"<html><head><title>柳州完成采购</title></head><body>{body}</body></html>"


def test_random_bytes() -> None:
    rng = random.Random(3)
    for size in (1, 2, 7, 100, 300):  # larger noise is slow to repair: see the import time limit below
        outcome(rng.randbytes(size), seconds=30)


def test_a_document_that_stalls_extraction_is_stopped_and_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "noise.txt").write_bytes(("柳州完成采购\n" + SENTENCE * 70_000).encode())  # 2 MB: seconds of work
    (folder / "good.txt").write_bytes(f"柳州完成采购\n{SENTENCE}".encode())
    db = tmp_path / "a.db"
    done = subprocess.run([sys.executable, "-m", "cgpn", "import", str(folder), "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=240, env={**os.environ, "CGPN_EXTRACT_SECONDS": "1"})
    assert done.returncode == 1
    assert f"failed: {folder / 'noise.txt'}: extraction took more than 1 s" in done.stderr
    assert "1 new, 0 changed, 0 unchanged, 1 failed" in done.stdout
    with Archive(str(db)) as arc:
        assert arc.conn.execute("SELECT status, error FROM captures ORDER BY location").fetchall() == [
            ("ok", None), ("failed", "extraction took more than 1 s")]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_truncated_pages(page: Path) -> None:
    data = page.read_bytes()
    for cut in range(1, len(data), max(1, len(data) // 6)):  # mid-tag, mid-character, mid-front matter
        outcome(data[:cut], path=str(page), seconds=30)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_invalid_utf8_and_gbk_bytes(page: Path) -> None:
    data = page.read_bytes()
    mid = len(data) // 2
    for bad in (b"\xff\xfe\xfd", b"\x81", b"\xed\xa0\x80"):  # invalid UTF-8, a cut GBK pair, a UTF-8 surrogate
        outcome(data[:mid] + bad + data[mid:], path=str(page), seconds=30)
    outcome(data + b"\x81", path=str(page), seconds=30)


def test_tags_nested_10000_deep_keep_their_text() -> None:
    # past libxml2's limit (2048 levels) the page is flattened and parsed again, not refused
    for tag in ("div", "b", "table", "font", "p", "li"):
        result = outcome(html_page(f"<{tag}>" * 10_000 + SENTENCE + f"</{tag}>" * 10_000).encode())
        assert isinstance(result, Article), f"<{tag}>: {result}"
        assert result.body == SENTENCE and [f.surface for f in result.figures] == ["1955.96万元"]


def test_an_article_under_3000_levels_of_wrappers_keeps_every_paragraph_and_drops_the_footer() -> None:
    paragraphs = [f"第{n}段：{SENTENCE}" for n in range(3)]
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = html_page("<div>" * 3000 + f"<div class=content>{content}</div>" + "</div>" * 3000
                     + "<div class=footer>版权所有 © 中国政府采购报社 京ICP备00000000号</div>")
    art = outcome(page.encode())
    assert isinstance(art, Article) and art.body.split("\n") == paragraphs


def test_unclosed_font_tags_on_every_line_lose_no_paragraph() -> None:
    # libxml2 nests each unclosed <font> in the previous one: 1000 lines are 1000 levels deep
    for count in (1000, 3000):  # 3000 is past libxml2's limit: parsed again without the <font>s
        lines = "".join(f"<font color=red>　　第{n}段：{SENTENCE}<br>" for n in range(count))
        art = outcome(html_page(f"<div class=content>{lines}</div>").encode())
        assert isinstance(art, Article)
        assert [line.split("：")[0] for line in art.body.split("\n")] == [f"第{n}段" for n in range(count)]


def test_a_20_mb_text_in_bounded_time_and_memory(tmp_path: Path) -> None:
    script = (
        "import resource, time; from archive import Archive; from cgpn.pipeline import ingest\n"
        f"data = ('柳州完成采购\\n' + {SENTENCE!r} * 640_000).encode()[:20_000_000]\n"
        f"arc = Archive({str(tmp_path / 'a.db')!r}); t = time.monotonic()\n"
        "out = ingest(arc, data, location='big.txt', source='file', path='big.txt')\n"
        "print(len(data), time.monotonic() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
        "print(out.status, out.error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CGPN_EXTRACT_SECONDS": "20"})
    assert done.returncode == 0, done.stderr
    numbers, result = done.stdout.splitlines()
    size, seconds, peak_mb = numbers.split()
    assert int(size) == 20_000_000
    assert float(seconds) < 60  # extracted, or stopped at the limit and recorded; never a hang
    assert result in ("new None", "failed extraction took more than 20 s")
    assert int(peak_mb) < 2048, f"peak RSS {peak_mb} MB for a 20 MB text"


def test_more_than_the_size_limit_is_refused_before_parsing() -> None:
    result = outcome(b"<p>" + b"x" * (33 * 1024 * 1024))
    assert isinstance(result, ExtractionError) and "byte limit" in str(result)


def test_yaml_alias_bomb_is_not_expanded() -> None:
    bomb = "a: &a [" + ",".join(["lol"] * 9) + "]\n" + "\n".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)
    )
    for key in ("title", "tags", "categories", "date", "author"):
        art = outcome(f"---\n{bomb}\n{key}: *i\n---\n{SENTENCE}\n".encode(), seconds=5)
        assert isinstance(art, Article) and art.body == SENTENCE


def test_yaml_never_runs_python_tags(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    post = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n{SENTENCE}\n"
    art = outcome(post.encode())
    assert isinstance(art, Article) and not marker.exists()
    assert any("could not determine a constructor" in w for w in art.warnings)


@pytest.mark.parametrize("front", [
    "date: 2022-13-45 99:99:99",  # PyYAML raises ValueError, not YAMLError
    "title: " + "9" * 5000,  # more digits than int() converts
    "title: " + "[" * 5000 + "]" * 5000,  # RecursionError
    "title: " + "{a: " * 3000 + "1" + "}" * 3000,
    "tags: &a [*a, x]",  # a list holding itself
    "tags: !!set {a, b}\ncategories: {x: 1}\ndate: [2022, 1]",
    'title: "t\\0x\\ud800"',  # NUL and a lone surrogate through YAML escapes
])
def test_broken_front_matter_keeps_the_article(front: str) -> None:
    art = outcome(f"---\n{front}\n---\n{SENTENCE}\n".encode())
    assert isinstance(art, Article) and art.body == SENTENCE


@pytest.mark.parametrize("doc", [
    [1, 2, 3], [], {}, {"docTitle": 5, "content": ["a"], "docPubTime": {"x": 1}},
    {"docTitle": "t", "content": {"a": 1}}, {"data": {"data": {"data": {"data": {"docTitle": "t"}}}}},
    {"docTitle": None, "content": None}, {"docTitle": "t", "content": "<p></p>"},
])
def test_json_of_the_wrong_shape_says_why(doc: object) -> None:
    result = outcome(json.dumps(doc).encode())
    assert isinstance(result, ExtractionError)


@pytest.mark.parametrize("raw", [
    b"[" * 100_000 + b"]" * 100_000,  # RecursionError in the decoder
    b'{"docTitle": 1' + b"0" * 5000 + b', "content": "x"}',  # int conversion limit
    b'{"docTitle": NaN, "content": Infinity}',
])
def test_json_the_decoder_refuses(raw: bytes) -> None:
    assert isinstance(outcome(raw), ExtractionError)


def test_json_fields_of_the_wrong_type_and_escaped_controls() -> None:
    doc = {"docTitle": ["a"], "content": f"<p>{SENTENCE}\u0000</p>", "docPubTime": 20250304, "bm": "\ud800",
           "docAuthor": "\udfff\u0007"}
    art = outcome(json.dumps(doc).encode())
    assert isinstance(art, Article) and art.body == SENTENCE and art.column is None and art.author is None


def test_zero_width_and_control_characters_are_dropped_and_figures_survive() -> None:
    text = "柳州完成采购\u200b\n本报讯\x00 柳州市\x1b已完成采购1955\u200b.96万元，同比增长1\u200d5%。\u202e\ufeff"
    art = outcome(text.encode())
    assert isinstance(art, Article)
    assert art.title == "柳州完成采购" and art.body == "本报讯 柳州市已完成采购1955.96万元，同比增长15%。"
    assert {f.surface for f in art.figures} >= {"1955.96万元", "15%"}
    assert "7 control or invisible characters removed" in art.warnings


def test_no_entity_resolution_and_no_network() -> None:
    page = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">'
            '<!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>' + html_page(f"<div><p>&x;&y;{SENTENCE}</p><p>{SENTENCE}</p></div>"))
    art = outcome(page.encode())
    assert isinstance(art, Article) and "root:" not in art.body and SENTENCE in art.body


def test_a_folder_of_hostile_files_imports_with_every_failure_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(5)
    files = {
        "random.txt": rng.randbytes(5000),
        "nul.txt": b"\x00" * 1000,
        "empty.html": b"",
        "deep.html": html_page("<div>" * 10_000 + SENTENCE).encode(),
        "shape.json": b"[1, 2, 3]",
        "bomb.md": b"---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\n" + SENTENCE.encode(),
        "x'); DROP TABLE articles; --.txt": f"标题\n{SENTENCE}".encode(),  # SQL is parameterised
        "surrogate.json": json.dumps({"docTitle": "t\ud800", "content": f"<p>{SENTENCE}</p>", "bm": "\udfff"}).encode(),
        "gbk-cut.txt": f"柳州完成采购\n{SENTENCE}".encode("gbk")[:-1],
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with Archive(str(tmp_path / "a.db")) as arc:
        with within(120):
            summary = import_files(arc, sorted(folder.iterdir()), category=None)
        failed = {Path(f.location).name: f.error for f in summary.failures}
        assert set(failed) == {"random.txt", "nul.txt", "empty.html", "shape.json"}
        assert failed["random.txt"].startswith("not text: ")
        assert all(failed.values())
        stored = dict(arc.conn.execute("SELECT location, coalesce(error, '') FROM captures WHERE status = 'failed'"))
        assert {Path(k).name: v for k, v in stored.items()} == failed  # with path and reason, for reextract
        assert arc.conn.execute("SELECT count(*) FROM captures").fetchone()[0] == len(files)  # nothing lost
        titles = [t for (t,) in arc.conn.execute("SELECT title FROM articles")]
        assert "标题" in titles and len(titles) == len(files) - len(failed)
        assert verify(arc.conn) == []
