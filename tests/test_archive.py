from __future__ import annotations

import hashlib
import random
import sqlite3
import zlib
from pathlib import Path

import pytest

from archive import Archive, ArchiveError
from archive.schema import MIGRATIONS
from archive.verify import verify
from extractors import extract
from tests.conftest import SEED_003


def _record(title: str = "标题", body: str = "本报讯 正文1.2亿元。") -> dict:
    return {"title": title, "body": body, "source": "file", "path": "/x/a.txt",
            "figures": [{"surface": "1.2亿元", "kind": "money", "value": 1.2, "unit": "亿元", "value_yuan": 120000000,
                         "sentence": body, "start": 7, "end": 12, "field": "body", "is_total": False}]}


def test_same_bytes_stored_once_changed_bytes_kept_too(db_path: str) -> None:
    with Archive(db_path) as arc:
        a, new_a = arc.add_capture("/x/a.txt", "file", b"one")
        b, new_b = arc.add_capture("/x/a.txt", "file", b"one")
        c, new_c = arc.add_capture("/x/a.txt", "file", b"two")
        assert (new_a, new_b, new_c) == (True, False, True) and a == b != c
        assert arc.capture(c)["content"] == b"two" and arc.capture(a)["content"] == b"one"
        assert arc.capture_ids() == [c]


def test_article_figures_and_index_written_together(db_path: str) -> None:
    with Archive(db_path) as arc:
        cid, _ = arc.add_capture("/x/a.txt", "file", b"x")
        aid, status = arc.save_article(cid, _record(), "1")
        assert status == "new"
        assert arc.save_article(cid, _record(), "1") == (aid, "unchanged")
        assert arc.save_article(cid, _record(body="本报讯 新正文1.2亿元。"), "1") == (aid, "changed")
        rows = arc.conn.execute("SELECT count(*) FROM figures WHERE article_id = ?", (aid,)).fetchone()[0]
        fts = arc.conn.execute("SELECT body FROM articles_fts WHERE rowid = ?", (aid,)).fetchone()[0]
        assert rows == 1 and "新" in fts
        assert arc.capture_state(cid) == ("ok", "1")


def test_failed_extraction_is_recorded_on_the_capture(db_path: str) -> None:
    with Archive(db_path) as arc:
        cid, _ = arc.add_capture("/x/bad.json", "file", b"{}")
        arc.mark_failed(cid, "JSON has no article object", "1")
        assert arc.capture_state(cid) == ("failed", "1")
        assert arc.capture_ids(stale_for="1") == [cid]
        assert arc.stats()["captures_failed"] == 1


def test_a_real_article_round_trips(db_path: str) -> None:
    art = extract(SEED_003.read_bytes(), path=str(SEED_003))
    with Archive(db_path) as arc:
        cid, _ = arc.add_capture(str(SEED_003), "file", SEED_003.read_bytes())
        aid, _ = arc.save_article(cid, art.to_dict(), "1")
        row = arc.db["articles"].get(aid)
        assert row["title"] == "广州交出乡村产业振兴满意答卷" and row["info_code"] == "NW202202142276022459"
        assert arc.db["figures"].count == len(art.figures)
        hit = arc.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("采购",)).fetchall()
        assert hit == [(aid,)]


def test_wal_mode_and_schema_version(db_path: str) -> None:
    with Archive(db_path) as arc:
        assert arc.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert arc.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(db_path: str) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="newer than this cgpn"):
        Archive(db_path)


@pytest.mark.parametrize("column", ["kind", "subject", "metric", "period", "value_yuan"])
def test_every_figure_filter_is_served_by_an_index(db_path: str, column: str) -> None:
    # migration 4 dropped the one-column indexes that the (kind, value_yuan), (subject, period)
    # and (metric, period) pairs begin with: the filters of `cgpn figures` must still use an index
    with Archive(db_path) as arc:
        plan = " ".join(r[3] for r in arc.conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM figures WHERE {column} = ?", ("x",)))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


def test_migration_5_moves_raw_bytes_out_of_captures_and_keeps_them(db_path: str) -> None:
    raw = {"/x/a.html": "<p>采购</p>".encode("gbk"), "/x/b.txt": b"", "/x/c.md": "---\ntitle: 标题\n---\n正文".encode()}
    conn = sqlite3.connect(db_path)
    for statement in [s for migration in MIGRATIONS[:4] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    with conn:
        for i, (location, data) in enumerate(raw.items(), start=1):
            conn.execute("INSERT INTO captures (id, location, source, sha256, size, content, fetched_at, status, error) "
                         "VALUES (?, ?, 'file', ?, ?, ?, '2024-01-01', ?, ?)",
                         (i, location, hashlib.sha256(data).hexdigest(), len(data), zlib.compress(data),
                          "failed" if i == 2 else "pending", "empty" if i == 2 else None))
    conn.close()
    with Archive(db_path) as arc:
        assert arc.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert "content" not in {r[1] for r in arc.conn.execute("PRAGMA table_info(captures)")}
        assert {arc.capture(i)["location"]: arc.capture(i)["content"] for i in (1, 2, 3)} == raw
        assert (arc.capture(2)["status"], arc.capture(2)["error"]) == ("failed", "empty")
        assert verify(arc.conn) == []


def test_recording_an_extraction_does_not_rewrite_the_raw_bytes(db_path: str) -> None:
    data = random.Random(1).randbytes(200_000)  # incompressible: ~49 pages of its own
    with Archive(db_path) as arc:
        cid, _ = arc.add_capture("/x/big.bin", "file", data)
        arc.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        arc.mark_failed(cid, "not an article", "1")
        wal = Path(db_path + "-wal").stat().st_size
        assert wal < len(data) / 10, wal  # the capture row and its status index, not the bytes again
        assert arc.capture(cid)["content"] == data


def test_a_capture_without_its_bytes_is_reported_not_misread(db_path: str) -> None:
    with Archive(db_path) as arc:
        cid, _ = arc.add_capture("/x/a.txt", "file", b"one")
        arc.conn.execute("DELETE FROM capture_contents WHERE capture_id = ?", (cid,))
        with pytest.raises(ArchiveError, match="has no stored bytes"):
            arc.capture(cid)
        assert [p.check for p in verify(arc.conn)] == ["capture-content"]
