"""The archive: one SQLite file holding raw captures, articles, figures and the search index.

Raw bytes are stored (compressed) before anything is extracted from them, so
a page that fails to parse is kept with its error and re-extracted later. An
article, its figures and its full-text row are written in one transaction.

>>> arc = Archive(":memory:")
>>> cid, new = arc.add_capture("a.txt", "file", "标题\\n正文。".encode())
>>> arc.add_capture("a.txt", "file", "标题\\n正文。".encode()) == (cid, False)
True
>>> arc.save_article(cid, {"title": "标题", "body": "正文。", "source": "file", "path": "a.txt", "figures": []}, "1")
(1, 'new')
>>> arc.stats()["articles"]
1
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from archive.fts import index_text
from archive.schema import migrate

ARTICLE_FIELDS = (
    "source", "path", "url", "info_code", "title", "subtitle", "column", "author", "published_at",
    "category", "tags", "publisher", "body", "body_original", "script", "repairs", "warnings", "format", "encoding",
)
FIGURE_FIELDS = (
    "surface", "kind", "value", "unit", "value_yuan", "approx", "range_to", "metric", "subject", "period",
    "sentence", "start", "end", "field", "is_total", "base_value", "base_unit", "change", "base_period", "parent",
)
_JSON_FIELDS = {"tags", "repairs", "warnings"}
_FIGURE_FLAGS = {"is_total", "change"}  # NOT NULL: records of an older extractor may lack them


def _figure_row(figure: dict[str, Any]) -> tuple[Any, ...]:
    """A figure's column values, in ``FIGURE_FIELDS`` order; a flag missing from the record is 0."""
    return tuple(bool(figure.get(k)) if k in _FIGURE_FLAGS else figure.get(k) for k in FIGURE_FIELDS)


def _columns(names: tuple[str, ...]) -> str:
    """Quoted column list ("column" and "end" are SQL keywords)."""
    return ", ".join(f'"{n}"' for n in names)


_ARTICLE_COLUMNS, _FIGURE_COLUMNS = _columns(ARTICLE_FIELDS), _columns(FIGURE_FIELDS)


class ArchiveError(Exception):
    """The archive cannot do what was asked (unknown capture, newer schema, …)."""


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def article_key(record: dict[str, Any]) -> str:
    """Stable identity of an article: its info code when it has one, else where it came from.

    >>> article_key({"info_code": "NW202202142276022459", "url": "http://a/b"})
    'info:NW202202142276022459'
    >>> article_key({"path": "/x/a.txt"})
    'loc:/x/a.txt'
    """
    if record.get("info_code"):
        return f"info:{record['info_code']}"
    return f"loc:{record.get('url') or record.get('path')}"


def index_row(record: dict[str, Any]) -> tuple[str, str, str]:
    """The ``articles_fts`` texts (title, subtitle, body) of a record: jieba's work, done wherever the
    record was extracted (a worker process) so the writer only writes.

    >>> index_row({"title": "脫貧", "body": "832平臺"})
    ('脱贫 脱 贫', '', '832 平台 平 台')
    """
    return index_text(record.get("title")), index_text(record.get("subtitle")), index_text(record.get("body"))


def _row(record: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(record.get(k) or [], ensure_ascii=False) if k in _JSON_FIELDS else record.get(k) for k in ARTICLE_FIELDS}


class Archive:
    """An archive file, created and migrated on open; WAL mode so readers never wait for a crawl."""

    def __init__(self, path: str, *, busy_timeout_ms: int = 30_000):
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            # Checkpoint (copy the WAL back and fsync) every 32,000 pages (~128 MB of WAL), not SQLite's
            # 1000: an index page that many commits touch is copied back once, not once per commit.
            # Importing 5,000 articles into a 200k archive wrote 6.8 GB at 4000 pages, 3.2 GB at
            # 32,000, and took 21.5 s instead of 26.8 (bench/RESULTS-speed.md). Commits are as durable.
            self.conn.execute("PRAGMA wal_autocheckpoint = 32000")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        # Up to 64 MB of page cache per connection (SQLite's default is 2 MB), so that more index pages
        # are found in memory as the archive grows; its effect on import time was within this machine's
        # noise (bench/RESULTS-speed.md "Growth"), its cost is ~60 MB of RSS once full.
        self.conn.execute("PRAGMA cache_size = -65536")
        self.conn.execute("PRAGMA foreign_keys = ON")
        try:
            migrate(self.conn)
        except RuntimeError as exc:
            raise ArchiveError(str(exc)) from None
        self.db = sqlite_utils.Database(self.conn)
        self._in_batch = False

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error; inside :meth:`batch`, part of
        the batch's one transaction."""
        if self._in_batch:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run the transactions inside as one: committed together on leaving, rolled back together
        on an error. Fewer commits mean fewer FTS5 segments and WAL syncs (an import writes
        documents in groups this way); keep what runs inside short, as it holds the write lock.

        >>> arc = Archive(":memory:")
        >>> with arc.batch():
        ...     ids = [arc.add_capture(f"{n}.txt", "file", b"x")[0] for n in range(3)]
        ...     arc.conn.in_transaction
        True
        >>> arc.conn.in_transaction, arc.stats()["captures"]
        (False, 3)
        """
        if self._in_batch:
            raise ArchiveError("batches do not nest")
        with self.transaction():
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    # --- captures -----------------------------------------------------------------

    def add_capture(
        self,
        location: str,
        source: str,
        content: bytes,
        *,
        content_type: str | None = None,
        fetched_at: str | None = None,
    ) -> tuple[int, bool]:
        """Store raw bytes unless this location already holds the same bytes; return (id, new?)."""
        sha = hashlib.sha256(content).hexdigest()
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM captures WHERE location = ? AND sha256 = ?", (location, sha)).fetchone()
            if row:
                return row[0], False
            cur = conn.execute(
                "INSERT INTO captures (location, source, sha256, size, content_type, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
                (location, source, sha, len(content), content_type, fetched_at or now()),
            )
            conn.execute("INSERT INTO capture_contents (capture_id, content) VALUES (?, ?)",
                         (cur.lastrowid, zlib.compress(content, 6)))
            return int(cur.lastrowid), True

    def capture(self, capture_id: int) -> dict[str, Any]:
        """A capture's row with its raw bytes decompressed under ``content``."""
        cur = self.conn.execute(
            "SELECT c.*, k.content FROM captures c LEFT JOIN capture_contents k ON k.capture_id = c.id WHERE c.id = ?",
            (capture_id,))
        row = cur.fetchone()
        if row is None:
            raise ArchiveError(f"no capture {capture_id}")
        record = dict(zip([d[0] for d in cur.description], row))
        if record["content"] is None:
            raise ArchiveError(f"capture {capture_id} has no stored bytes (`cgpn verify` lists such captures)")
        record["content"] = zlib.decompress(record["content"])
        return record

    def capture_state(self, capture_id: int) -> tuple[str, str | None]:
        """(status, extractor_version) of a capture."""
        row = self.conn.execute("SELECT status, extractor_version FROM captures WHERE id = ?", (capture_id,)).fetchone()
        if row is None:
            raise ArchiveError(f"no capture {capture_id}")
        return row[0], row[1]

    def capture_ids(self, *, stale_for: str | None = None) -> list[int]:
        """The latest capture of each location, to (re-)extract; with ``stale_for``, only those not
        extracted successfully by that extractor version."""
        latest = "SELECT max(id) AS id FROM captures GROUP BY location"
        if stale_for is None:
            return sorted(r[0] for r in self.conn.execute(latest))
        sql = (f"SELECT c.id FROM captures c JOIN ({latest}) l ON l.id = c.id "
               "WHERE c.status != 'ok' OR c.extractor_version IS NOT ? ORDER BY c.id")
        return [r[0] for r in self.conn.execute(sql, (stale_for,))]

    def mark_failed(self, capture_id: int, error: str, extractor_version: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE captures SET status = 'failed', error = ?, extractor_version = ?, extracted_at = ? WHERE id = ?",
                (error, extractor_version, now(), capture_id),
            )

    # --- articles -------------------------------------------------------------------

    def save_article(self, capture_id: int, record: dict[str, Any], extractor_version: str, *,
                     index: tuple[str, str, str] | None = None) -> tuple[int, str]:
        """Insert or update the article of ``record`` (an ``Article.to_dict()``) with its figures
        and index row, all in one transaction; return (article id, ``new``/``changed``/``unchanged``).
        ``index`` is :func:`index_row` of the record when already computed."""
        key = article_key(record)
        row = _row(record)
        figures = record.get("figures") or []
        with self.transaction() as conn:
            existing = conn.execute(
                f"SELECT id, {_ARTICLE_COLUMNS} FROM articles WHERE key = ?", (key,)
            ).fetchone()
            old_figures = []
            if existing:
                article_id = existing[0]
                old_figures = [
                    tuple(r) for r in conn.execute(
                        f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE article_id = ? ORDER BY seq",
                        (article_id,),
                    )
                ]
            new_figures = [_figure_row(f) for f in figures]
            if existing and tuple(existing[1:]) == tuple(row.values()) and old_figures == new_figures:
                status = "unchanged"
            else:
                status = "changed" if existing else "new"
                values = [key, capture_id, *row.values(), extractor_version, now()]
                if existing:
                    sets = ", ".join(f'"{k}" = ?' for k in ("key", "capture_id", *row, "extractor_version", "updated_at"))
                    conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*values, article_id))
                else:
                    cur = conn.execute(
                        f"INSERT INTO articles (key, capture_id, {_ARTICLE_COLUMNS}, extractor_version, updated_at) "
                        f"VALUES ({', '.join('?' * len(values))})",
                        values,
                    )
                    article_id = int(cur.lastrowid)
                if existing:  # a new article has no figures or index row to replace
                    conn.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
                    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
                conn.executemany(
                    f"INSERT INTO figures (article_id, seq, {_FIGURE_COLUMNS}) "
                    f"VALUES (?, ?, {', '.join('?' * len(FIGURE_FIELDS))})",
                    [(article_id, seq, *values) for seq, values in enumerate(new_figures)],
                )
                conn.execute(
                    "INSERT INTO articles_fts (rowid, title, subtitle, body) VALUES (?, ?, ?, ?)",
                    (article_id, *(index or index_row(record))),
                )
            conn.execute(
                "UPDATE captures SET status = 'ok', error = NULL, extractor_version = ?, extracted_at = ? WHERE id = ?",
                (extractor_version, now(), capture_id),
            )
        return article_id, status

    def stats(self) -> dict[str, Any]:
        """Counts for ``cgpn stats``."""
        q = lambda sql: self.conn.execute(sql).fetchall()  # noqa: E731
        return {
            "captures": q("SELECT count(*) FROM captures")[0][0],
            "captures_failed": q("SELECT count(*) FROM captures WHERE status = 'failed'")[0][0],
            "articles": q("SELECT count(*) FROM articles")[0][0],
            "figures": q("SELECT count(*) FROM figures")[0][0],
            "articles_with_warnings": q("SELECT count(*) FROM articles WHERE warnings != '[]'")[0][0],
            "by_source": dict(q("SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC")),
            "figures_by_kind": dict(q("SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY 2 DESC")),
            "date_range": list(q("SELECT min(published_at), max(published_at) FROM articles")[0]),
            "schema_version": q("PRAGMA user_version")[0][0],
        }
