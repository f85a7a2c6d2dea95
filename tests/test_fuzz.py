"""Property-based fuzzing (hypothesis) of every extractor, and of the import into a real archive.

Whatever the input, extraction gives an article that keeps its promises (see
``tests.test_hostile.check_article``) or an ExtractionError with a reason, within a
time limit per input. Inputs stay small: the mojibake repair costs milliseconds per
garbled character, and the whole suite shares two cores.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import Archive
from archive.verify import verify
from cgpn.pipeline import ingest
from tests.test_hostile import PAGES, SENTENCE, outcome

FUZZ = settings(max_examples=25, deadline=timedelta(seconds=20), derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PER_INPUT = 30  # seconds, enforced by SIGALRM around each extraction

# Characters the pages of this field are made of, and the ones that break parsers.
ALPHABET = st.one_of(
    st.sampled_from("本报讯柳州市政府采购完成万元亿元％%，。、：；“”（）　年月日第号"),
    st.sampled_from("<>/=\"'&;#!-[]{}:|*`\\\n\r\t "),
    st.sampled_from("\x00\x01\x1b\x7f\u200b\u200d\u202e\ufeff\u00ad\ud800\udfff\ufffd\u3000"),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF),
)
TEXT = st.text(ALPHABET, max_size=120)
ATTRS = st.sampled_from(["", " class=content", " id=articleText", " class=nav", " align=center", " style=\"x"])
TAGS = st.sampled_from(["div", "p", "br", "b", "font", "table", "td", "span", "script", "style", "h1", "title", "a", "li"])


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random markup: nested, unclosed or stray tags with attributes, text and entities between."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        tag = draw(TAGS)
        attrs = draw(ATTRS)
        inner = draw(html_trees(depth + 1))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(TAGS)}>"]))
        parts.append(f"<{tag}{attrs}>{draw(TEXT)}{inner}{close}{draw(st.sampled_from(['', '&nbsp;', '&#0;', '&#xD800;', '&bogus;']))}")
    return "".join(parts) + draw(TEXT)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["docTitle", "content", "docPubTime", "bm", "docAuthor", "docSubTitle", "data", "rows", "x"]),
        inner, max_size=6),
    max_leaves=12,
)
YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT | st.dates() | st.datetimes(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8,
)
FRONT_KEYS = st.sampled_from(["title", "date", "categories", "category", "tags", "author", "layout", "x"])


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    outcome(data, seconds=PER_INPUT)


@FUZZ
@given(st.sampled_from(["", "---\ntitle: t\n---\n", "{", "<html>", "<p>", "标题\n"]), TEXT, TEXT)
def test_random_text_behind_every_format_opening(opening: str, a: str, b: str) -> None:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        data = (opening + a + "\n" + SENTENCE + b).encode(encoding, errors="surrogatepass" if encoding != "gb18030" else "replace")
        outcome(data, seconds=PER_INPUT)


@FUZZ
@given(html_trees())
def test_random_markup(markup: str) -> None:
    outcome(f"<html><head><title>柳州完成采购</title></head><body>{markup}<p>{SENTENCE}</p></body></html>"
            .encode("utf-8", errors="surrogatepass"), seconds=PER_INPUT)


@FUZZ
@given(JSON_VALUES)
def test_json_of_any_shape(doc: object) -> None:
    outcome(json.dumps(doc).encode(), seconds=PER_INPUT)


@FUZZ
@given(st.dictionaries(FRONT_KEYS, YAML_VALUES, max_size=5), TEXT)
def test_front_matter_of_any_shape(meta: dict, tail: str) -> None:
    block = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    post = f"---\n{block}---\n<p>{SENTENCE}</p>\n{tail}"
    outcome(post.encode("utf-8", errors="surrogatepass"), seconds=PER_INPUT)


@FUZZ
@given(TEXT)
def test_front_matter_that_is_not_yaml(block: str) -> None:
    outcome(f"---\ntitle: t\n{block}\n---\n{SENTENCE}\n".encode("utf-8", errors="surrogatepass"), seconds=PER_INPUT)


MUTATIONS = ["flip", "delete", "insert", "duplicate", "truncate", "splice"]


def mutate(data: bytes, rng: random.Random, steps: int) -> bytes:
    """``data`` damaged the ways files and transfers damage it."""
    buf = bytearray(data)
    for _ in range(steps):
        kind = rng.choice(MUTATIONS)
        at = rng.randrange(len(buf) + 1)
        if kind == "flip" and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif kind == "delete":
            del buf[at:at + rng.randint(1, 64)]
        elif kind == "insert":
            buf[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"<div>" * 50, b"</p>", b"---\n", b"{", b"\x81", "\u200b".encode()])
        elif kind == "duplicate":
            buf[at:at] = buf[at:at + rng.randint(1, 200)]
        elif kind == "truncate":
            del buf[at:]
        else:
            other = rng.choice(PAGES).read_bytes()
            buf[at:at] = other[: rng.randint(1, 300)]
    return bytes(buf)


@settings(FUZZ, max_examples=40)
@given(st.sampled_from(PAGES), st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_mutated_real_pages(page, seed: int, steps: int) -> None:  # type: ignore[no-untyped-def]
    outcome(mutate(page.read_bytes(), random.Random(seed), steps), seconds=PER_INPUT, path=str(page))


def test_fuzzed_documents_import_into_an_archive_that_stays_sound(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Mutated pages through the whole import path: every capture is kept, every failure has a
    reason, and the archive passes verify."""
    rng = random.Random(20)
    with Archive(str(tmp_path / "a.db")) as arc:
        outcomes = []
        for n in range(30):
            page = rng.choice(PAGES)
            data = mutate(page.read_bytes(), rng, rng.randint(1, 5))
            outcomes.append(ingest(arc, data, location=f"{page}#{n}", source="file", path=str(page)))
        assert {o.status for o in outcomes} <= {"new", "changed", "unchanged", "failed"}  # copies share an info code
        assert all(o.error for o in outcomes if o.status == "failed")
        assert arc.conn.execute("SELECT count(*) FROM captures").fetchone()[0] == len(outcomes)
        assert arc.conn.execute("SELECT count(*) FROM captures WHERE status = 'pending'").fetchone()[0] == 0
        assert verify(arc.conn) == []
