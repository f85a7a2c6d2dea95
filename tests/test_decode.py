from __future__ import annotations

import codecs
import gzip
import random
import zlib

import pytest

from extractors import ExtractionError, extract
from extractors.decode import decode, normalise_encoding, not_text
from tests.conftest import FIXTURES

TEXT = "广西壮族自治区柳州市财政局加大对脱贫地区农副产品的采购支持力度，提前半年完成预留采购份额。"
TRAD = "廣西壯族自治區柳州市財政局加大對脫貧地區農副產品的採購支持力度，提前半年完成預留採購份額。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TRAD.encode("big5"), "big5hkscs"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_bytes_to_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text in (TEXT, TRAD)


def test_lying_declarations_are_overruled_with_a_warning() -> None:
    gbk_says_utf8 = b'<meta charset="utf-8">' + TEXT.encode("gbk")
    utf8_says_gbk = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + TEXT.encode("utf-8")
    a, b = decode(gbk_says_utf8), decode(utf8_says_gbk)
    assert (a.encoding, b.encoding) == ("gb18030", "utf-8")
    assert TEXT in a.text and TEXT in b.text
    assert a.warnings == ["declared utf-8 but the bytes are gb18030"]
    assert b.warnings == ["declared gb2312 but the bytes are UTF-8"]


@pytest.mark.parametrize("charset", ["ISO-8859-1", "windows-1252"])
@pytest.mark.parametrize("page", ["gov_nanning_gbk.html", "mobile_shandong_gbk.htm"])
def test_a_chinese_page_served_as_western_is_read_as_what_it_is(page: str, charset: str) -> None:
    """Any bytes decode as ISO-8859-1 (a server's default charset), so that declaration alone proves
    nothing; GBK pages served with it gave "no article text found" (the density model saw no Chinese)."""
    data = (FIXTURES / page).read_bytes()
    served = extract(data, path=page, content_type=f"text/html; charset={charset}")
    right = extract(data, path=page, content_type="text/html; charset=gbk")
    assert (served.encoding, served.title, served.body) == ("gb18030", right.title, right.body)
    assert f"declared {charset} but the bytes are gb18030" in served.warnings


@pytest.mark.parametrize("charset", ["ISO-8859-1", "windows-1252"])
def test_a_western_page_served_as_western_stays_western(charset: str) -> None:
    text = "<p>Le café de la gare est très agréable, même en hiver ; Müller a payé 25 € pour un déjeuner.</p>"
    decoded = decode(text.encode("cp1252"), content_type=f"text/html; charset={charset}")
    assert (decoded.encoding, decoded.warnings) == (normalise_encoding(charset), [])
    assert decoded.text == text.encode("cp1252").decode(decoded.encoding)  # € is 0x80, which latin-1 leaves a control


def test_http_header_charset_is_used() -> None:
    assert decode(TEXT.encode("gbk"), content_type="text/html; charset=GBK").encoding == "gb18030"


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    decoded = decode(TEXT.encode("gbk")[:-1] + b"\xff\xff\x80")
    assert decoded.text.startswith(TEXT[:20])
    assert any("U+FFFD" in w for w in decoded.warnings)


def _binary_files() -> dict[str, bytes]:
    rng = random.Random(8)
    page = (FIXTURES / "gov_nanning_gbk.html").read_bytes()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + zlib.compress(rng.randbytes(3000))
    return {"random": rng.randbytes(4096), "gzip": gzip.compress(page), "png": png, "random small": rng.randbytes(100)}


@pytest.mark.parametrize("name", sorted(_binary_files()))
def test_binary_data_is_not_text(name: str) -> None:
    data = _binary_files()[name]
    assert (reason := not_text(decode(data).text)) and "runs of control bytes" in reason
    with pytest.raises(ExtractionError, match="^not text: .* runs of control bytes .* \\(read as "):
        extract(data, path=name)


@pytest.mark.parametrize("page", sorted(p for p in FIXTURES.iterdir() if p.is_file()), ids=lambda p: p.name)
def test_every_fixture_is_text(page) -> None:  # GBK, Big5, lying charsets, mojibake, BOM
    assert not_text(decode(page.read_bytes()).text) is None


def test_text_with_nul_padding_or_a_few_controls_is_text() -> None:
    padded = f"柳州完成采购\n{TEXT}".encode("gbk") + b"\x00" * 8192  # a file cut short by a crash
    assert extract(padded, path="padded.txt").body == TEXT
    colours = f"柳州完成采购\n\x1b[31m{TEXT}\x1b[0m\x07".encode()
    assert not_text(decode(colours).text) is None
