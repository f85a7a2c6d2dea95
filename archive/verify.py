"""Check an archive: SQLite integrity, the search index against the articles, captures and figure offsets.

Each check is one SQL query (parameters only) whose rows are problems; an
archive that passes every check gives an empty list.

>>> from archive import Archive
>>> arc = Archive(":memory:")
>>> cid, _ = arc.add_capture("a.txt", "file", "标题\\n采购1955.96万元。".encode())
>>> fig = {"surface": "1955.96万元", "kind": "money", "start": 2, "end": 11, "field": "body", "is_total": False}
>>> arc.save_article(cid, {"title": "标题", "body": "采购1955.96万元。", "path": "a.txt", "source": "file", "figures": [fig]}, "1")
(1, 'new')
>>> verify(arc.conn)
[]
>>> _ = arc.conn.execute("UPDATE figures SET start = 3")
>>> [str(p) for p in verify(arc.conn)]
["figure-offsets: figure 1 of article 1: '1955.96万元' is not at body[3:11]"]
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from archive.schema import MIGRATIONS


class Problem(NamedTuple):
    """One thing wrong with the archive: the check that found it and what it found."""

    check: str
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.detail}"


# (check name, SQL returning one row per problem, how to describe a row)
_FIELD_TEXT = "CASE f.field WHEN 'title' THEN a.title WHEN 'subtitle' THEN a.subtitle ELSE a.body END"
CHECKS: list[tuple[str, str, str]] = [
    ("foreign-keys", 'SELECT "table", rowid, parent FROM pragma_foreign_key_check', "{0} row {1} points to a missing {2} row"),
    ("article-capture",
     "SELECT a.id, a.capture_id FROM articles a LEFT JOIN captures c ON c.id = a.capture_id WHERE c.id IS NULL",
     "article {0} has no capture (capture_id {1})"),
    ("fts-missing",
     "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts WHERE rowid = a.id)",
     "article {0} has no full-text row"),
    ("fts-orphan",
     "SELECT rowid FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)",
     "full-text row {0} has no article"),
    ("fts-duplicate",
     "SELECT rowid, count(*) FROM articles_fts GROUP BY rowid HAVING count(*) > 1",
     "article {0} has {1} full-text rows"),
    ("figure-article",
     "SELECT f.id, f.article_id FROM figures f LEFT JOIN articles a ON a.id = f.article_id WHERE a.id IS NULL",
     "figure {0} belongs to missing article {1}"),
    ("figure-offsets",
     f"SELECT f.id, f.article_id, f.surface, coalesce(f.field, 'body'), f.start, f.\"end\" "
     f"FROM figures f JOIN articles a ON a.id = f.article_id "
     f"WHERE f.start IS NULL OR f.\"end\" IS NULL OR f.start < 0 OR f.\"end\" - f.start != length(f.surface) "
     f"OR substr({_FIELD_TEXT}, f.start + 1, f.\"end\" - f.start) IS NOT f.surface",
     "figure {0} of article {1}: {2!r} is not at {3}[{4}:{5}]"),
    ("capture-content",
     "SELECT c.id, c.location FROM captures c LEFT JOIN capture_contents k ON k.capture_id = c.id "
     "WHERE k.capture_id IS NULL",
     "capture {0} ({1}) has lost its raw bytes"),
    ("capture-failed-without-error",
     "SELECT id, location FROM captures WHERE status = 'failed' AND coalesce(error, '') = ''",
     "capture {0} ({1}) failed without a recorded reason"),
]


def _integrity(conn: sqlite3.Connection) -> list[Problem]:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:  # not a database at all, or a damaged header
        return [Problem("integrity", str(exc))]
    return [] if rows == ["ok"] else [Problem("integrity", r) for r in rows]


def _fts_index(conn: sqlite3.Connection) -> list[Problem]:
    """FTS5's own check that its index matches its stored text."""
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return [Problem("fts-index", str(exc))]
    return []


def _schema(conn: sqlite3.Connection) -> list[Problem]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != len(MIGRATIONS):
        fix = "; any command that opens it (cgpn stats) migrates it" if version < len(MIGRATIONS) else ""
        return [Problem("schema", f"schema version {version}, this cgpn expects {len(MIGRATIONS)}{fix}")]
    return []


def verify(conn: sqlite3.Connection) -> list[Problem]:
    """Every problem found in the archive open on ``conn``; ``[]`` when it is sound."""
    problems = _integrity(conn)
    if problems:  # the other checks would read a damaged file
        return problems
    problems += _schema(conn)
    if problems:
        return problems
    problems += _fts_index(conn)
    for check, sql, describe in CHECKS:
        problems += [Problem(check, describe.format(*row)) for row in conn.execute(sql)]
    return problems
