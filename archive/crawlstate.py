"""The crawl frontier, HTTP validators and crawl runs, in the archive (tables of migration 3).

:class:`CrawlStateStore` implements ``scraper.state.CrawlState`` without
importing ``scraper``: requests are stored as the JSON they serialise to, and
handed back through ``from_json``.

>>> import sqlite3
>>> from archive.schema import migrate
>>> conn = sqlite3.connect(":memory:"); migrate(conn) >= 2
True
>>> store = CrawlStateStore(conn, lambda text: text)
>>> run = store.start_run("finews")
>>> store.end_run(run, {"fetched": 2, "new": 1}, exit_code=0, message="ok")
>>> conn.execute("SELECT source, fetched, new, exit_code FROM crawl_runs").fetchone()
('finews', 2, 1, 0)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol


class _Request(Protocol):
    key: str
    leaf: bool

    def to_json(self) -> str: ...


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (rolled back on error), on autocommit or default connections."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


class CrawlStateStore:
    """Frontier and run log on an open archive connection; every write is its own transaction."""

    def __init__(self, conn: sqlite3.Connection, from_json: Callable[[str], Any], *, give_up_after: int = 5):
        self.conn = conn
        self.from_json = from_json
        self.give_up_after = give_up_after  # failed runs before an item is dropped

    def add(self, source: str, requests: Iterable[_Request]) -> None:
        """Add the run's seeds (those known already keep their state)."""
        with _transaction(self.conn):
            self._insert(source, requests, found_on_a_page=False)

    def resume(self, source: str) -> list[Any]:
        rows = self.conn.execute(
            "SELECT request FROM crawl_frontier WHERE source = ? AND state IN ('pending', 'failed') ORDER BY rowid",
            (source,),
        )
        return [self.from_json(text) for (text,) in rows]

    def states(self, source: str, keys: Iterable[str]) -> dict[str, str]:
        keys = list(keys)
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.conn.execute(
                    f"SELECT key, state FROM crawl_frontier WHERE source = ? AND key IN ({marks})", [source, *chunk]
                ).fetchall()
            )
        return found

    def validators(self, source: str, key: str) -> tuple[str | None, str | None] | None:
        row = self.conn.execute(
            "SELECT etag, last_modified FROM crawl_frontier WHERE source = ? AND key = ? AND state = 'done'",
            (source, key),
        ).fetchone()
        return (row[0], row[1]) if row and (row[0] or row[1]) else None

    def complete(
        self, source: str, key: str, children: Iterable[_Request], validators: tuple[str | None, str | None]
    ) -> None:
        with _transaction(self.conn):
            self._insert(source, children, found_on_a_page=True)
            self.conn.execute(
                """UPDATE crawl_frontier SET state = 'done', error = NULL, attempts = 0,
                   etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), updated_at = ?
                   WHERE source = ? AND key = ?""",
                (*validators, _now(), source, key),
            )

    def fail(self, source: str, key: str, error: str, *, permanent: bool) -> None:
        """Record a failure: ``dropped`` for good when ``permanent``, else ``failed`` (retried next run; the run's
        end counts it with :meth:`count_failures`)."""
        with _transaction(self.conn):
            self.conn.execute(
                """UPDATE crawl_frontier SET state = CASE WHEN ? THEN 'dropped' ELSE 'failed' END, error = ?,
                     attempts = attempts + ?, updated_at = ? WHERE source = ? AND key = ?""",
                (permanent, error, int(permanent), _now(), source, key),
            )

    def count_failures(self, source: str, keys: Iterable[str]) -> None:
        """One more failed run for each of ``keys`` still failed; after ``give_up_after`` of them it is dropped."""
        with _transaction(self.conn):
            self.conn.executemany(
                """UPDATE crawl_frontier SET attempts = attempts + 1,
                     state = CASE WHEN attempts + 1 >= ? THEN 'dropped' ELSE state END,
                     error = CASE WHEN attempts + 1 >= ? THEN error || ' (gave up after ' || (attempts + 1) || ' runs)'
                             ELSE error END
                   WHERE source = ? AND key = ? AND state = 'failed'""",
                [(self.give_up_after, self.give_up_after, source, key) for key in keys],
            )

    def _insert(self, source: str, requests: Iterable[_Request], *, found_on_a_page: bool) -> None:
        """Add requests as pending; a listing found again on a page is pending again even if done.

        A listing that answers 304 later yields no links, so the listings it led to must have been
        read since it was, or still be pending: otherwise a run killed between a listing and the
        next page would leave that next page (and posts only it lists) unread for good.
        """
        now = _now()
        self.conn.executemany(
            """INSERT INTO crawl_frontier (source, key, request, leaf, added_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, key) DO UPDATE
               SET state = 'pending', updated_at = excluded.updated_at
               WHERE ? AND crawl_frontier.state = 'done' AND NOT excluded.leaf""",
            [(source, r.key, r.to_json(), int(r.leaf), now, now, found_on_a_page) for r in requests],
        )

    # ---- crawl_runs -------------------------------------------------------------

    def start_run(self, source: str) -> int:
        with _transaction(self.conn):
            cursor = self.conn.execute("INSERT INTO crawl_runs (source, started_at) VALUES (?, ?)", (source, _now()))
        return int(cursor.lastrowid or 0)

    def end_run(self, run_id: int, counts: Mapping[str, int], *, exit_code: int, message: str) -> None:
        columns = ("fetched", "new", "changed", "unchanged", "failed", "skipped")
        with _transaction(self.conn):
            self.conn.execute(
                f"""UPDATE crawl_runs SET ended_at = ?, {", ".join(f"{c} = ?" for c in columns)},
                    exit_code = ?, message = ? WHERE id = ?""",
                (_now(), *(int(counts.get(c, 0)) for c in columns), exit_code, message, run_id),
            )
