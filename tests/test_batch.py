"""Archive.batch: several transactions per commit, each still whole; what other connections see."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive
from cgpn.pipeline import import_files

RECORD = {"title": "标题", "body": "本报讯 全市完成交易额15077.38万元。", "source": "file", "figures": []}


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_batch_commits_every_units_writes_and_on_leaving(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc, arc.batch(units=4, seconds=3600):
        seen = []
        for n in range(10):
            arc.add_capture(f"{n}.txt", "file", f"第{n}篇".encode())
            seen.append(_count(db, "captures"))
        arc.add_capture("0.txt", "file", "第0篇".encode())  # unchanged: reads only, counts for nothing
        assert _count(db, "captures") == 8
    assert seen == [0, 0, 0, 4, 4, 4, 4, 8, 8, 8]
    assert _count(db, "captures") == 10


def test_a_batch_commits_once_its_time_is_up(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc, arc.batch(units=1000, seconds=0):
        arc.add_capture("a.txt", "file", b"a")
        assert _count(db, "captures") == 1


def test_an_error_inside_a_unit_undoes_the_uncommitted_group_only(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        with pytest.raises(sqlite3.IntegrityError), arc.batch(units=2, seconds=3600):
            cid, _ = arc.add_capture("a.txt", "file", b"a")
            arc.save_article(cid, {**RECORD, "path": "a.txt"}, "1")  # second unit: committed
            arc.add_capture("b.txt", "file", b"b")
            with arc.transaction() as conn:  # a unit half done, then an error
                conn.execute("UPDATE captures SET status = 'failed' WHERE location = 'a.txt'")
                conn.execute("INSERT INTO figures (article_id, seq) VALUES (?, 0)", (999,))
        assert not arc.conn.in_transaction
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT location, status FROM captures ORDER BY id").fetchall() == [("a.txt", "ok")]
    assert _count(db, "articles") == 1 and _count(db, "articles_fts") == 1 and _count(db, "figures") == 0


def test_an_error_between_units_keeps_the_finished_ones(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        with pytest.raises(KeyboardInterrupt), arc.batch(units=1000, seconds=3600):
            cid, _ = arc.add_capture("a.txt", "file", b"a")
            arc.save_article(cid, {**RECORD, "path": "a.txt"}, "1")
            arc.add_capture("b.txt", "file", b"b")
            raise KeyboardInterrupt  # as during the extraction of b.txt
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT location, status FROM captures ORDER BY id").fetchall() == [("a.txt", "ok"), ("b.txt", "pending")]
    assert _count(db, "articles") == 1 and _count(db, "articles_fts") == 1


def test_batches_do_not_nest(tmp_path: Path) -> None:
    with Archive(str(tmp_path / "a.db")) as arc, arc.batch():
        with pytest.raises(Exception, match="do not nest"), arc.batch():
            pass


def test_an_import_stores_every_file_with_its_figures_and_index_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(25):
        (folder / f"{n:02d}.txt").write_text(f"第{n}号通知\n　　本报讯 全市完成交易额{n + 1}万元。\n", encoding="utf-8")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        summary = import_files(arc, sorted(folder.iterdir()), category=None)
    assert summary.counts["new"] == 25 and summary.counts["failed"] == 1
    assert _count(db, "articles") == _count(db, "articles_fts") == 25
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(DISTINCT article_id) FROM figures").fetchone()[0] == 25
    assert conn.execute("SELECT status, error IS NOT NULL FROM captures WHERE location LIKE '%bad.json'").fetchall() == [("failed", 1)]
