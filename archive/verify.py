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
from collections.abc import Callable
from typing import NamedTuple

from archive.schema import MIGRATIONS


class Problem(NamedTuple):
    """One thing wrong with the archive: the check that found it and what it found."""

    check: str
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.detail}"


# Told which check runs and how far it has come: (check, done, total); total None when unknown.
Progress = Callable[[str, int, "int | None"], None]

# (check name, SQL returning one row per problem, how to describe a row)
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


def _figure_offsets(conn: sqlite3.Connection, progress: Progress) -> list[Problem]:
    """Each figure's surface at its offsets in its article's body, title or subtitle.

    Article by article, each text read once: SQL's ``substr`` per figure would read the whole body
    again for each figure (a 7 MB body with 200,000 figures took over 13 minutes that way)."""
    ids = [r[0] for r in conn.execute("SELECT DISTINCT article_id FROM figures WHERE article_id IN (SELECT id FROM articles)")]
    problems = []
    for done, article_id in enumerate(ids):
        progress("figure-offsets", done, len(ids))
        texts = dict(zip(("title", "subtitle", "body"), conn.execute(
            "SELECT title, subtitle, body FROM articles WHERE id = ?", (article_id,)).fetchone()))
        for fid, surface, field, start, end in conn.execute(
                'SELECT id, surface, coalesce(field, \'body\'), start, "end" FROM figures WHERE article_id = ? ORDER BY id',
                (article_id,)):
            text = texts.get(field, texts["body"])
            if start is None or end is None or start < 0 or text is None or text[start:end] != surface:
                problems.append(Problem("figure-offsets", f"figure {fid} of article {article_id}: {surface!r} is not at {field}[{start}:{end}]"))
    progress("figure-offsets", len(ids), len(ids))
    return problems


def verify(conn: sqlite3.Connection, progress: Progress | None = None) -> list[Problem]:
    """Every problem found in the archive open on ``conn``; ``[]`` when it is sound. ``progress`` is
    told each check as it starts, and the articles done of the figure check."""
    progress = progress or (lambda check, done, total: None)
    progress("integrity", 0, None)
    problems = _integrity(conn)
    if problems:  # the other checks would read a damaged file
        return problems
    problems += _schema(conn)
    if problems:
        return problems
    progress("fts-index", 0, None)
    problems += _fts_index(conn)
    for check, sql, describe in CHECKS:
        progress(check, 0, None)
        problems += [Problem(check, describe.format(*row)) for row in conn.execute(sql)]
    return problems + _figure_offsets(conn, progress)
