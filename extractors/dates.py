"""Dates as Chinese CMS pages write them, to ISO 8601 with the +08:00 offset.

>>> parse_date("发布时间：2011-07-05 09:30")
'2011-07-05T09:30:00+08:00'
>>> parse_date("2011年09月23")
'2011-09-23T00:00:00+08:00'
>>> parse_date("(GMT+8, Asia/Shanghai, CST) 2022-02-14 20:52:19")
'2022-02-14T20:52:19+08:00'
>>> parse_date("2025/03/04 00:00:00")
'2025-03-04T00:00:00+08:00'
>>> parse_date("2022-02-14 20:52:19 +0800")
'2022-02-14T20:52:19+08:00'
>>> parse_date("财库〔2021〕20号") is None
True
>>> date_from_url("http://www.ganzhouzfcg.gov.cn/2021/0826/c9575a249551/page.htm")
'2021-08-26T00:00:00+08:00'
>>> date_from_url("http://czt.gd.gov.cn/xwzx/content/post_t20190122_3512.html")
'2019-01-22T00:00:00+08:00'
>>> date_from_url("http://example.gov.cn/news/12345678901.html") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

CHINA = dt.timezone(dt.timedelta(hours=8))

DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
    r"(?:(?:\s*T\s*|\s+)(?P<H>\d{1,2})[:：时](?P<M>\d{2})(?:[:：分](?P<S>\d{2}))?(?:\.\d+)?)?"
    r"(?:\s*(?P<tz>Z|[+-]\d\d:?\d\d))?"
)


URL_DATE_RE = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"
)


def _tz(text: str | None) -> dt.tzinfo:
    if not text:
        return CHINA
    if text == "Z":
        return dt.timezone.utc
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_date(text: str | dt.date | None) -> str | None:
    """The first plausible date (with time, if given) in ``text`` as ISO 8601; None if none."""
    if text is None:
        return None
    if isinstance(text, dt.datetime):
        value = text if text.tzinfo else text.replace(tzinfo=CHINA)
        return value.isoformat()
    if isinstance(text, dt.date):
        return dt.datetime(text.year, text.month, text.day, tzinfo=CHINA).isoformat()
    for m in DATE_RE.finditer(str(text)):
        try:
            value = dt.datetime(
                int(m["y"]), int(m["m"]), int(m["d"]),
                int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0),
                tzinfo=_tz(m["tz"]),
            )
        except ValueError:
            continue
        return value.isoformat()
    return None


def date_from_url(url: str | None) -> str | None:
    """A date written into a URL's path (``/2021/0826/``, ``/2019-06/05/``, ``t20190122_``), as ISO 8601."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for m in URL_DATE_RE.finditer(path):
        try:
            return dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=CHINA).isoformat()
        except ValueError:
            continue
    return None


def from_timestamp(seconds: str | int) -> str | None:
    """A Unix timestamp as ISO 8601 in China time; None when out of range.

    >>> from_timestamp("1684287130")
    '2023-05-17T09:32:10+08:00'
    """
    try:
        value = dt.datetime.fromtimestamp(int(seconds), CHINA)
    except (ValueError, OverflowError, OSError):
        return None
    return value.isoformat() if 1990 <= value.year <= 2100 else None
