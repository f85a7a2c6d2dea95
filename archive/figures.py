"""Query the archive's figures: what researchers ask for (kind, place, metric, period, amount).

:func:`query_figures` reads ``figures_view`` (each figure with its article's
title, date, source and location) with SQL parameters only. ``subject`` and
``period`` match by prefix (广州 finds 广州市; 2024 finds 2024, 2024-H1 and
2024-06) as index-friendly ranges; ``metric`` matches a part (交易额 finds
平台交易额). Traditional characters in ``subject`` and ``metric`` are simplified
first, as search folds them (廣州 finds 广州市).

>>> import sqlite3
>>> from archive.schema import migrate
>>> conn = sqlite3.connect(":memory:")
>>> _ = migrate(conn)
>>> _ = conn.execute("INSERT INTO captures (id, location, source, sha256, size, fetched_at) "
...                  "VALUES (1, 'a.md', 'file', 'x', 0, '2024-01-01')")
>>> _ = conn.execute("INSERT INTO articles (id, key, capture_id, source, title, body, published_at, updated_at) "
...                  "VALUES (1, 'k', 1, 'file', '广州交出乡村产业振兴满意答卷', '…', '2022-02-14T20:52:19+08:00', '')")
>>> _ = conn.execute("INSERT INTO figures (article_id, seq, surface, kind, value, unit, value_yuan, metric, subject, period) "
...                  "VALUES (1, 0, '15077.38万元', 'money', 15077.38, '万元', 150773800, '交易额', '广州市', '2021')")
>>> [(f["surface"], f["subject"], f["title"]) for f in query_figures(conn, subject="广州", period="2021", min_yuan=1e8)]
[('15077.38万元', '广州市', '广州交出乡村产业振兴满意答卷')]
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from decimal import Decimal
from typing import Any

from archive.fts import HAN_RUN, fold

COLUMNS = (
    "id", "article_id", "title", "published_at", "source", "location", "surface", "kind", "value", "unit",
    "value_yuan", "approx", "range_to", "metric", "subject", "period", "change", "base_period", "base_value",
    "base_unit", "parent_id", "is_total", "field", "sentence",
)
PREFIX_END = "\U0010ffff"  # sorts after every character: [x, x + PREFIX_END) holds the strings starting with x


class FiguresError(Exception):
    """The figures cannot be read (no archive at that path, not an archive)."""


def _like(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere, its wildcards escaped.

    >>> _like("100%_x")
    '%100\\\\%\\\\_x%'
    """
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def as_stored(text: str | None) -> str | None:
    """A text filter as subjects and metrics are stored: NFKC, Chinese simplified, letters left as typed.

    >>> as_stored("廣州 ＰＰＰ項目")
    '广州 PPP项目'
    """
    if not text:
        return text
    return HAN_RUN.sub(lambda m: fold(m.group()), unicodedata.normalize("NFKC", text))


def _connect(conn_or_db: sqlite3.Connection | str | Any) -> tuple[sqlite3.Connection, bool]:
    """A connection and whether we opened it (and so must close it)."""
    if isinstance(conn_or_db, sqlite3.Connection):
        return conn_or_db, False
    if hasattr(conn_or_db, "conn"):  # an archive.Archive
        return conn_or_db.conn, False
    path = os.fspath(conn_or_db)
    if not os.path.exists(path):
        raise FiguresError(f"no archive at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True), True


def figures_sql(
    *,
    kind: str | None = None,
    subject: str | None = None,
    metric: str | None = None,
    period: str | None = None,
    change: bool | None = None,
    min_yuan: float | None = None,
    max_yuan: float | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> tuple[str, list[Any]]:
    """The SQL and parameters of :func:`query_figures` (for ``cgpn figures`` and Datasette links).

    >>> figures_sql(kind="money", max_yuan=5e6)[1]
    ['money', 5000000.0]
    >>> figures_sql(kind="money", change=False)[1]
    ['money', 0]
    """
    where: list[str] = []
    params: list[Any] = []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    subject, metric = as_stored(subject), as_stored(metric)
    for column, prefix in (("subject", subject), ("period", period)):
        if prefix:
            where.append(f"{column} >= ? AND {column} < ?")
            params += [prefix, prefix + PREFIX_END]
    if change is not None:
        where.append("change = ?")
        params.append(int(change))
    if metric:
        where.append("metric LIKE ? ESCAPE '\\'")
        params.append(_like(metric))
    if min_yuan is not None:
        where.append("value_yuan >= ?")
        params.append(float(min_yuan))
    if max_yuan is not None:
        where.append("value_yuan <= ?")
        params.append(float(max_yuan))
    if source:
        where.append("source = ?")
        params.append(source)
    if since:
        where.append("substr(published_at, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append("substr(published_at, 1, 10) <= ?")
        params.append(until)
    sql = f"SELECT {', '.join(COLUMNS)} FROM figures_view"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY published_at DESC, article_id, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def query_figures(conn_or_db: sqlite3.Connection | str | Any, **filters: Any) -> list[dict[str, Any]]:
    """Figures matching ``filters`` (see :func:`figures_sql`), newest article first, as dicts.

    ``conn_or_db`` is an open connection, an :class:`archive.Archive` or the
    path of an archive file (opened read-only).
    """
    sql, params = figures_sql(**filters)
    conn, opened = _connect(conn_or_db)
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as exc:
        raise FiguresError(f"cannot read figures: {exc}") from None
    finally:
        if opened:
            conn.close()
    out = [{k: _whole(v) if k in NUMBERS else v for k, v in zip(COLUMNS, row)} for row in rows]
    for f in out:
        f["is_total"], f["change"] = bool(f["is_total"]), bool(f["change"])
    return out


NUMBERS = ("value", "value_yuan", "range_to", "base_value")


def _whole(x: float | None) -> float | int | None:
    """SQLite REAL back to an int when whole: 150773800.0 → 150773800."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


# How an amount in yuan is written for a reader: in 亿 from 1亿 up, in 万 from 1万 up, else in 元 (scale, power of ten).
YUAN_SCALES = (("亿", 8), ("万", 4), ("", 0))


def digits(value: float, power: int = 0, *, grouped: bool = False) -> str:
    """``value`` divided by 10**``power``, with the digits it is stored with: no float noise, no
    rounding, no trailing zeros; ``grouped`` puts commas between thousands.

    >>> digits(150773800, 8), digits(3.39e12, 8, grouped=True), digits(1.2345678901234568e16, 8), digits(3.1)
    ('1.507738', '33,900', '123456789.01234568', '3.1')
    """
    text = f"{Decimal(repr(value)).scaleb(-power):{',' if grouped else ''}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def yuan_parts(value: float, *, grouped: bool = False) -> tuple[str, str]:
    """An amount in yuan as its digits and scale (亿, 万, or '' under 1万), every stored digit kept.

    >>> yuan_parts(150773800), yuan_parts(19559600.0, grouped=True), yuan_parts(8500)
    (('1.507738', '亿'), ('1,955.96', '万'), ('8500', ''))
    """
    scale, power = next(s for s in YUAN_SCALES if abs(value) >= 10 ** s[1] or not s[1])
    return digits(value, power, grouped=grouped), scale
