from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive
from archive.verify import Problem, verify
from cgpn.pipeline import import_files, reextract
from tests.conftest import FIXTURES


@pytest.fixture
def archive(db_path: str) -> Archive:
    arc = Archive(db_path)
    summary = import_files(arc, sorted(p for p in FIXTURES.iterdir() if p.is_file()), category=None)  # the seeds and pages
    assert summary.counts["new"] > 5 and not summary.failures
    yield arc
    arc.close()


def _checks(conn: sqlite3.Connection) -> list[str]:
    return [p.check for p in verify(conn)]


def _first(conn: sqlite3.Connection, sql: str) -> tuple:
    return conn.execute(sql).fetchone()


def test_an_imported_archive_is_clean(archive: Archive) -> None:
    assert archive.stats()["figures"] > 0  # the offsets check has something to check
    assert verify(archive.conn) == []


def test_reextraction_keeps_the_archive_clean(archive: Archive) -> None:
    before = archive.stats()
    summary = reextract(archive, everything=True)
    assert summary.counts["unchanged"] == before["articles"] and not summary.failures
    assert archive.stats()["articles"] == before["articles"]
    assert verify(archive.conn) == []


def test_article_without_its_index_row(archive: Archive) -> None:
    (article_id,) = _first(archive.conn, "SELECT max(id) FROM articles")
    archive.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
    assert verify(archive.conn) == [Problem("fts-missing", f"article {article_id} has no full-text row")]


def test_index_row_without_article(archive: Archive) -> None:
    archive.conn.execute("INSERT INTO articles_fts (rowid, title, subtitle, body) VALUES (9999, 'x', '', 'y')")
    assert verify(archive.conn) == [Problem("fts-orphan", "full-text row 9999 has no article")]


def test_index_text_tampered_behind_fts5s_back(archive: Archive) -> None:
    archive.conn.execute("UPDATE articles_fts_content SET c2 = 'tampered' WHERE id = (SELECT min(id) FROM articles_fts_content)")
    assert _checks(archive.conn) == ["fts-index"]


def test_figure_not_at_its_offsets(archive: Archive) -> None:
    fid, aid, surface, start, end = _first(
        archive.conn, "SELECT id, article_id, surface, start, \"end\" FROM figures WHERE field = 'body' ORDER BY id LIMIT 1"
    )
    archive.conn.execute("UPDATE figures SET start = start + 1, \"end\" = \"end\" + 1 WHERE id = ?", (fid,))
    assert verify(archive.conn) == [
        Problem("figure-offsets", f"figure {fid} of article {aid}: {surface!r} is not at body[{start + 1}:{end + 1}]")
    ]


def test_figure_in_the_title_is_checked_against_the_title(archive: Archive) -> None:
    aid, title = _first(archive.conn, "SELECT id, title FROM articles WHERE length(title) > 3 AND subtitle IS NULL LIMIT 1")
    insert = "INSERT INTO figures (article_id, seq, surface, kind, start, \"end\", field, is_total) VALUES (?, ?, ?, 'count', 1, 3, ?, 0)"
    archive.conn.execute(insert, (aid, 998, title[1:3], "title"))
    assert verify(archive.conn) == []
    archive.conn.execute(insert, (aid, 999, title[1:3], "subtitle"))  # this article has no subtitle
    assert _checks(archive.conn) == ["figure-offsets"]


def test_article_whose_capture_is_gone(archive: Archive) -> None:
    archive.conn.execute("PRAGMA foreign_keys = OFF")
    aid, cid = _first(archive.conn, "SELECT id, capture_id FROM articles ORDER BY id LIMIT 1")
    archive.conn.execute("DELETE FROM captures WHERE id = ?", (cid,))
    problems = verify(archive.conn)
    assert Problem("article-capture", f"article {aid} has no capture (capture_id {cid})") in problems
    assert {p.check for p in problems} == {"article-capture", "foreign-keys"}


def test_failure_without_a_reason(archive: Archive) -> None:
    archive.conn.execute("UPDATE captures SET status = 'failed', error = NULL WHERE id = 1")
    assert _checks(archive.conn) == ["capture-failed-without-error"]


def test_newer_schema_is_reported(archive: Archive) -> None:
    archive.conn.execute("PRAGMA user_version = 99")
    assert _checks(archive.conn) == ["schema"]


def test_damaged_pages_fail_the_integrity_check(archive: Archive, db_path: str) -> None:
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    page = 4096
    with open(db_path, "r+b") as f:  # scribble over a few b-tree pages past the header page
        for n in (2, 3, 5):
            f.seek(n * page + 8)
            f.write(b"\xa5" * 512)
    conn = sqlite3.connect(db_path)
    problems = verify(conn)
    conn.close()
    assert problems and {p.check for p in problems} == {"integrity"}


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not sqlite at all " * 300)
    conn = sqlite3.connect(bogus)
    assert verify(conn) == [Problem("integrity", "file is not a database")]
    conn.close()
