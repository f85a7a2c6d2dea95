"""Series: one subject's canonical metric per period, deduplicated across the articles that report it.

A figure is filed under the key (subject, canonical metric, period) when it is a level (not a
change), its metric maps onto the vocabulary (:mod:`archive.metrics`) for its kind, it has a
subject and a period, it is not a range, and it is not a part (其中…) labelled like its own
whole. ``series_figures`` holds that filing; ``series`` one row per key (``series_dirty``: the keys
whose row waits to be recomputed):

- every report becomes an interval of the values it allows (3625.4亿元 is 3625.35–3625.45亿元,
  超1800亿元 is 1800亿元 or more, 15077余万元 is 15077–15078万元); when the intervals of all
  reports share a value the articles agree, and the point takes the most precise report's value;
- when they do not, ``conflict`` is 1, ``value`` is NULL (never an average, never a pick) and
  ``reported`` lists every distinct value with the articles that report it (the values most
  articles report first, then by value).

>>> from archive import Archive
>>> arc = Archive(":memory:")
>>> for n, surface, yuan in ((1, "1520.36亿元", 152036000000), (2, "超1500亿元", 150000000000)):
...     cid, _ = arc.add_capture(f"{n}.txt", "file", str(n).encode())
...     figure = {"surface": surface, "kind": "money", "value": yuan / 1e8, "unit": "亿元", "value_yuan": yuan,
...               "approx": "超" if n == 2 else None, "metric": "政府采购规模", "subject": "广西壮族自治区", "period": "2023"}
...     _ = arc.save_article(cid, {"title": "t", "body": "b", "source": "file", "path": f"{n}.txt", "figures": [figure]}, "1")
>>> rebuild_series(arc)
1
>>> [(p["period"], p["value"], p["articles"], p["conflict"]) for p in query_series(arc, "广西", "政府采购规模")]
[('2023', 152036000000, 2, False)]
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archive.figures import PREFIX_END, FiguresError, _connect, _whole, digits, yuan_parts
from archive.fts import fold
from archive.metrics import Vocabulary, find_metric, normal_period, period_type, period_year, place_level, vocabulary

if TYPE_CHECKING:
    from archive.db import Archive

Key = tuple[str, str, str]  # subject, canonical metric, period


class SeriesError(FiguresError):
    """A series request that cannot be answered: unknown metric, several places for a subject. (A file
    that cannot be read as an archive is a :class:`FiguresError`, as for figures.)"""


# --- filing figures under their keys ------------------------------------------------------------

_CANDIDATES = """SELECT f.id, f.article_id, f.metric, f.kind, f.subject, f.period, p.metric, p.kind, p.subject, p.period
FROM figures f LEFT JOIN figures p ON p.article_id = f.article_id AND p.seq = f.parent
WHERE f.metric IS NOT NULL AND f.subject IS NOT NULL AND f.period IS NOT NULL AND f.change = 0 AND f.range_to IS NULL"""


def _filed(rows: Iterable[tuple[Any, ...]], vocab: Vocabulary) -> Iterator[tuple[int, int, str, str, str]]:
    """(figure id, article id, subject, canonical metric, period) of each candidate row that has a key."""
    cache: dict[tuple[str, str], str | None] = {}

    def canonical(metric: str | None, kind: str | None) -> str | None:
        if metric is None or kind is None:
            return None
        if (metric, kind) not in cache:
            cache[metric, kind] = vocab.canonical(metric, kind)
        return cache[metric, kind]

    for fid, aid, metric, kind, subject, period, p_metric, p_kind, p_subject, p_period in rows:
        name = canonical(metric, kind)
        if name is None:
            continue
        period = normal_period(period)
        if p_subject == subject and p_period is not None and normal_period(p_period) == period \
                and canonical(p_metric, p_kind) == name:
            continue  # a part (其中…) under its whole's own key would count it twice
        yield fid, aid, subject, name, period


# --- one point from its reports -----------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.(\d+))?")
_INSIDE = ("余", "多")  # written inside the number (15077余万元); the others before it (_BEFORE) or after it
_BEFORE = ("超", "逾", "近", "约", "突破")
_AT_LEAST = {"逾", "超", "以上", "突破"}
_AT_MOST = {"以下", "不足", "不到"}


@dataclass(frozen=True)
class Report:
    """One figure reporting a point: its value in base units and the interval of values it allows."""

    figure_id: int
    article_id: int
    value: float
    approx: str | None
    surface: str
    published_at: str | None
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


def _steps(surface: str, written: float | None, value: float) -> tuple[float, float]:
    """(step of the last written digit, step of the last non-zero digit), in base units.

    >>> _steps("3625.4亿元", 3625.4, 362540000000)
    (10000000.0, 10000000.0)
    >>> _steps("超1800亿元", 1800, 180000000000)
    (100000000.0, 10000000000.0)
    """
    text = unicodedata.normalize("NFKC", surface).replace(",", "")
    m = _NUMBER.search(text)
    if not written or not value:
        return 0.0, 0.0
    scale = value / written
    if m is None:  # Chinese numerals (一千二百万元): to the leading digit's next place
        step = 10.0 ** (math.floor(math.log10(abs(value))) - 1)
        return step, step
    if m.group(1):
        step = scale * 10.0 ** -len(m.group(1))
        return step, step
    digits = m.group(0)
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return scale, scale * 10.0**zeros


def report(figure_id: int, article_id: int, surface: str, written: float | None, value: float,
           approx: str | None, published_at: str | None = None) -> Report:
    """A figure as a :class:`Report`: exact figures allow their rounding (half the last digit either
    way), 超/逾/以上 any larger value, 余/多 up to the next unit of their last non-zero digit, 近 as
    much below, 约/左右 half of it either way.

    >>> r = report(1, 1, "15077余万元", 15077, 150770000, "余")
    >>> r.low, r.high
    (150770000.0, 150780000.0)
    """
    step, loose = _steps(surface, written, value)
    if approx is None:
        low, high = value - step / 2, value + step / 2
    elif approx in _INSIDE:  # 余, 多: up to the next unit of the last non-zero digit
        low, high = value, value + loose
    elif approx in _AT_LEAST:
        low, high = value, math.inf
    elif approx == "近":
        low, high = value - loose, value
    elif approx in _AT_MOST:
        low, high = -math.inf, value
    else:  # 约, 左右 and anything else approximate
        low, high = value - loose / 2, value + loose / 2
    return Report(figure_id, article_id, value, approx, surface, published_at, float(low), float(high))


def agree(reports: list[Report]) -> bool:
    """Whether one value fits every report (the intervals share a point; touching ends do not count).

    >>> agree([report(1, 1, "3625.4亿元", 3625.4, 362540000000, None), report(2, 2, "3625.5亿元", 3625.5, 362550000000, None)])
    False
    >>> agree([report(1, 1, "1.5亿元", 1.5, 150000000, None), report(2, 2, "15077.38万元", 15077.38, 150773800, None)])
    True
    """
    low = max(r.low for r in reports)
    high = min(r.high for r in reports)
    return low < high or (low == high and all(r.width == 0 for r in reports))


def point(reports: list[Report]) -> dict[str, Any]:
    """The columns of a ``series`` row from its reports (value, approx, conflict, reported, sources)."""
    consistent = agree(reports)
    best = min(reports, key=lambda r: (r.width, r.approx is not None, _desc(r.published_at)))
    distinct: dict[tuple[float, str | None], dict[str, Any]] = {}
    for r in sorted(reports, key=lambda r: (r.value, r.approx or "")):
        entry = distinct.setdefault((r.value, r.approx), {"value": _whole(r.value), "approx": r.approx, "surface": r.surface,
                                                          "article_ids": [], "figure_ids": []})
        if r.article_id not in entry["article_ids"]:
            entry["article_ids"].append(r.article_id)
        entry["figure_ids"].append(r.figure_id)
    articles = sorted({r.article_id for r in reports})
    dates = sorted(r.published_at for r in reports if r.published_at)
    return {
        "value": best.value if consistent else None,
        "approx": best.approx if consistent else None,
        "conflict": int(not consistent),
        "reported": json.dumps(sorted(distinct.values(), key=lambda e: -len(e["article_ids"])), ensure_ascii=False),
        "articles": len(articles),
        "article_ids": json.dumps(articles),
        "figure_ids": json.dumps(sorted(r.figure_id for r in reports)),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
    }


def _desc(published_at: str | None) -> str:
    """A sort key putting the latest date first (ties between equally precise reports)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in published_at or "")


# --- writing --------------------------------------------------------------------------------------

_REPORTS = """SELECT sf.subject, sf.metric, sf.period, f.id, f.article_id, f.kind, f.surface, f.value, f.value_yuan,
  f.base_value, f.unit, f.base_unit, f.approx, a.published_at
FROM series_figures sf JOIN figures f ON f.id = sf.figure_id JOIN articles a ON a.id = f.article_id"""

_COLUMNS = ("subject", "metric", "period", "period_type", "year", "level", "value", "unit", "approx", "conflict",
            "reported", "articles", "article_ids", "figure_ids", "first_published", "last_published")
_UPSERT = f"INSERT OR REPLACE INTO series ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


def _base(kind: str, value: float | None, value_yuan: float | None, base_value: float | None,
          unit: str | None, base_unit: str | None) -> tuple[float | None, str | None]:
    """A figure's value in the unit its series is kept in: yuan for money, else its base unit."""
    if kind == "money":
        return value_yuan, "元"
    if base_value is not None:
        return base_value, base_unit or unit
    return value, unit


def _write_points(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> int:
    """Write the ``series`` rows of the reports in ``rows`` (ordered by key); return how many."""
    count = 0
    key: Key | None = None
    reports: list[Report] = []
    unit: str | None = None

    def flush() -> None:
        nonlocal count
        if key is None or not reports:
            return
        subject, metric, period = key
        row = {"subject": subject, "metric": metric, "period": period, "period_type": period_type(period),
               "year": period_year(period), "level": place_level(subject), "unit": unit, **point(reports)}
        conn.execute(_UPSERT, [row[c] for c in _COLUMNS])
        count += 1

    for subject, metric, period, fid, aid, kind, surface, value, value_yuan, base_value, unit_, base_unit, approx, published in rows:
        if (subject, metric, period) != key:
            flush()
            key, reports, unit = (subject, metric, period), [], None
        base, base_unit_ = _base(kind, value, value_yuan, base_value, unit_, base_unit)
        if base is None:
            continue
        reports.append(report(fid, aid, surface, value, base, approx, published))
        unit = unit or base_unit_
    flush()
    return count


def _built_with(conn: sqlite3.Connection, vocab: Vocabulary) -> bool:
    """Whether the series were built with ``vocab`` (else they are rebuilt whole)."""
    state = conn.execute("SELECT vocabulary FROM series_state").fetchone()
    return state is not None and state[0] == vocab.digest


def _rebuild(conn: sqlite3.Connection, vocab: Vocabulary) -> int:
    """:func:`rebuild_series` inside the caller's transaction."""
    for table in ("series_figures", "series", "series_dirty"):
        conn.execute(f"DELETE FROM {table}")
    conn.executemany("INSERT INTO series_figures (figure_id, article_id, subject, metric, period) VALUES (?, ?, ?, ?, ?)",
                     _filed(conn.execute(_CANDIDATES), vocab))
    count = _write_points(conn, conn.execute(f"{_REPORTS} ORDER BY sf.subject, sf.metric, sf.period"))
    conn.execute("INSERT OR REPLACE INTO series_state (id, vocabulary, built_at) VALUES (1, ?, ?)",
                 (vocab.digest, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    return count


def rebuild_series(archive: Archive, vocab: Vocabulary | None = None) -> int:
    """File every figure of the archive again and rebuild every series point; return how many points.
    ``cgpn reextract`` runs it, so that a new vocabulary reaches the whole archive."""
    with archive.transaction() as conn:
        return _rebuild(conn, vocab or vocabulary())


def file_series(archive: Archive, article_ids: Iterable[int], vocab: Vocabulary | None = None) -> None:
    """File the figures of ``article_ids`` (just saved: new, changed or re-extracted) again, and mark the
    points they touch, before or after, to be recomputed by :func:`refresh_series`. Run it in the
    batch that saved the articles (:meth:`Archive.batch`), so that a crash loses neither. Series
    built with another vocabulary are rebuilt whole instead."""
    vocab = vocab or vocabulary()
    ids = sorted(set(article_ids))
    with archive.transaction() as conn:
        if not _built_with(conn, vocab):
            _rebuild(conn, vocab)
            return
        for start in range(0, len(ids), 500):  # SQLite's parameter limit
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            conn.execute(f"INSERT OR IGNORE INTO series_dirty SELECT DISTINCT subject, metric, period FROM series_figures "
                         f"WHERE article_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM series_figures WHERE article_id IN ({marks})", chunk)
            filed = list(_filed(conn.execute(f"{_CANDIDATES} AND f.article_id IN ({marks})", chunk), vocab))
            conn.executemany("INSERT INTO series_figures (figure_id, article_id, subject, metric, period) VALUES (?, ?, ?, ?, ?)", filed)
            conn.executemany("INSERT OR IGNORE INTO series_dirty (subject, metric, period) VALUES (?, ?, ?)",
                             {(s, m, p) for _, _, s, m, p in filed})


REFRESH_KEYS = 2000  # points recomputed per transaction, so that a long refresh never holds the lock for long


def refresh_series(archive: Archive, vocab: Vocabulary | None = None) -> int:
    """Recompute the points :func:`file_series` marked (an import does it once at its end, so a point
    that thousands of its articles report is computed once, not once a batch); return how many."""
    vocab = vocab or vocabulary()
    count = 0
    while True:
        with archive.transaction() as conn:
            if not _built_with(conn, vocab):
                return _rebuild(conn, vocab)
            keys = conn.execute("SELECT subject, metric, period FROM series_dirty ORDER BY 1, 2, 3 LIMIT ?", (REFRESH_KEYS,)).fetchall()
            if not keys:
                return count
            last = keys[-1]
            chosen = "(subject, metric, period) <= (?, ?, ?)"
            conn.execute(f"DELETE FROM series WHERE (subject, metric, period) IN (SELECT * FROM series_dirty WHERE {chosen})", last)
            count += _write_points(conn, conn.execute(
                f"{_REPORTS} JOIN series_dirty d ON d.subject = sf.subject AND d.metric = sf.metric AND d.period = sf.period "
                f"WHERE (d.subject, d.metric, d.period) <= (?, ?, ?) ORDER BY sf.subject, sf.metric, sf.period", last))
            conn.execute(f"DELETE FROM series_dirty WHERE {chosen}", last)


def update_series(archive: Archive, article_ids: Iterable[int], vocab: Vocabulary | None = None) -> int:
    """:func:`file_series` then :func:`refresh_series`: the series up to date after ``article_ids`` were
    saved (a crawled page); returns the points written."""
    file_series(archive, article_ids, vocab)
    return refresh_series(archive, vocab)


# --- reading --------------------------------------------------------------------------------------


def amount(value: float | None, unit: str | None, approx: str | None = None) -> str | None:
    """A series value as a reader writes it: yuan in 亿元/万元, others with their unit; every stored
    digit kept, so that two values that differ never read alike.

    >>> amount(582000000, "元"), amount(1500000000, "元", "余"), amount(3.1, "%", "约"), amount(57, "家")
    ('5.82亿元', '15余亿元', '约3.1%', '57家')
    >>> amount(150773800, "元"), amount(150774200, "元")
    ('1.507738亿元', '1.507742亿元')
    """
    if value is None:
        return None
    if unit == "元":
        number, scale = yuan_parts(value)
        unit = scale + "元"
    else:
        number = digits(value)
    if approx in _INSIDE:
        return f"{number}{approx}{unit or ''}"
    return written(f"{number}{unit or ''}", approx)


def written(surface: str, approx: str | None) -> str:
    """A figure's surface with the approximation word the extractor kept apart (超, 约, 左右 …).

    >>> written("1800亿元", "超"), written("15077余万元", "余"), written("150亿元", "左右")
    ('超1800亿元', '15077余万元', '150亿元左右')
    """
    if not approx or approx in surface:
        return surface
    return f"{approx}{surface}" if approx in _BEFORE else f"{surface}{approx}"


SERIES_COLUMNS = ("subject", "metric", "period", "period_type", "value", "unit", "approx", "conflict", "reported",
                  "articles", "article_ids", "first_published", "last_published")


def resolve_subject(conn: sqlite3.Connection, text: str, metric: str | None = None) -> str | None:
    """The place ``text`` names among the series' subjects: itself when it is one, else the one
    place its prefix finds, or the shortest when the others are its sub-places (广西 →
    广西壮族自治区; 河池 → 河池市, not 河池市东兰县); None when none. Several unrelated places
    raise :class:`SeriesError` listing them."""
    name = fold(text.strip())
    where, params = "subject >= ? AND subject < ?", [name, name + PREFIX_END]
    if metric:
        where, params = where + " AND metric = ?", [*params, metric]
    found = [r[0] for r in conn.execute(f"SELECT DISTINCT subject FROM series WHERE {where} ORDER BY length(subject), subject", params)]
    if not found:
        return None
    if name in found:
        return name
    if all(s.startswith(found[0]) for s in found):
        return found[0]
    listed = "、".join(found[:10]) + (" …" if len(found) > 10 else "")
    raise SeriesError(f"{text!r} names several places: {listed}; give the full name")


def query_series(conn_or_db: Any, subject: str, metric: str, *, period: str | None = None,
                 period_type: str | None = None) -> list[dict[str, Any]]:
    """The points of one place's canonical metric, oldest period first, as dicts (none when the
    archive has no series of that metric for a place of that name).

    ``subject`` is a place name or its prefix (see :func:`resolve_subject`), traditional or
    simplified; ``metric`` a canonical name or any phrase of it (:func:`archive.metrics.find_metric`);
    ``period`` a prefix (2023 finds 2023, 2023-H1 …); ``period_type`` one of year, half, quarter,
    month, months, years, cumulative, other.
    """
    found = find_metric(metric)
    if found is None:
        names = "、".join(m.name for m in vocabulary().metrics)
        raise SeriesError(f"{metric!r} is not a metric of the vocabulary ({names})")
    conn, opened = _connect(conn_or_db)
    try:
        place = resolve_subject(conn, subject, found.name)
        if place is None:
            return []
        where, params = ["subject = ?", "metric = ?"], [place, found.name]
        if period:
            where.append("period >= ? AND period < ?")
            params += [period, period + PREFIX_END]
        if period_type:
            where.append("period_type = ?")
            params.append(period_type)
        sql = (f"SELECT {', '.join(SERIES_COLUMNS)} FROM series WHERE {' AND '.join(where)} "
               "ORDER BY year, period_type != 'year', period")
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as exc:
        raise FiguresError(f"cannot read series: {exc}") from None
    finally:
        if opened:
            conn.close()
    out = []
    for row in rows:
        item = dict(zip(SERIES_COLUMNS, row))
        item["value"] = _whole(item["value"])
        item["conflict"] = bool(item["conflict"])
        item["reported"] = json.loads(item["reported"])
        item["article_ids"] = json.loads(item["article_ids"])
        out.append(item)
    return out
