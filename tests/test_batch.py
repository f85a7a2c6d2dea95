"""Writing in batches: Archive.batch is one transaction; an import stores a batch's raw bytes,
extracts them with no lock held, then stores their articles, each batch whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive
from cgpn import pipeline
from cgpn.pipeline import import_documents, import_files

RECORD = {"title": "标题", "body": "本报讯 全市完成交易额15077.38万元。", "source": "file", "figures": []}


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _document(n: int) -> bytes:
    return f"第{n}号通知\n　　本报讯 全市完成交易额{n + 1}万元。\n".encode()


def test_a_batch_is_one_transaction_committed_on_leaving(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        with arc.batch():
            cid, _ = arc.add_capture("a.txt", "file", b"a")
            arc.save_article(cid, {**RECORD, "path": "a.txt"}, "1")
            assert _count(db, "captures") == 0  # other connections see nothing yet
        assert _count(db, "captures") == _count(db, "articles") == _count(db, "articles_fts") == 1


def test_an_error_in_a_batch_rolls_all_of_it_back(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        with pytest.raises(sqlite3.IntegrityError), arc.batch():
            cid, _ = arc.add_capture("a.txt", "file", b"a")
            arc.save_article(cid, {**RECORD, "path": "a.txt"}, "1")
            with arc.transaction() as conn:
                conn.execute("INSERT INTO figures (article_id, seq) VALUES (?, 0)", (999,))
        assert not arc.conn.in_transaction
    assert _count(db, "captures") == _count(db, "articles") == _count(db, "articles_fts") == 0


def test_batches_do_not_nest(tmp_path: Path) -> None:
    with Archive(str(tmp_path / "a.db")) as arc, arc.batch():
        with pytest.raises(Exception, match="do not nest"), arc.batch():
            pass


def test_an_import_commits_every_batch_size_documents(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    committed = []
    with Archive(str(db)) as arc:
        summary = import_documents(arc, ((f"{n}.txt", _document(n)) for n in range(10)), category=None,
                                   batch_size=4, on_done=lambda o: committed.append(_count(db, "articles")))
    assert summary.counts["new"] == 10
    assert committed == [4] * 4 + [8] * 4 + [10] * 2  # each outcome is reported once its batch is committed


def test_no_write_lock_is_held_while_extracting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "a.db"
    Archive(str(db)).close()
    locked: list[bool] = []

    def extract_and_try_to_write(content: bytes, **hints: str | None) -> pipeline.Extracted:
        other = sqlite3.connect(db, timeout=0)  # another writer (a crawl) must get the lock at once
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            locked.append(False)
        except sqlite3.OperationalError:
            locked.append(True)
        finally:
            other.close()
        return real(content, **hints)

    real = pipeline.extract_safely
    monkeypatch.setattr(pipeline, "extract_safely", extract_and_try_to_write)
    with Archive(str(db)) as arc:
        import_documents(arc, ((f"{n}.txt", _document(n)) for n in range(10)), category=None, batch_size=3)
    assert locked == [False] * 10


def test_raw_bytes_are_stored_before_extraction_and_an_interrupted_batch_is_redone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "a.db"
    docs = [(f"{n}.txt", _document(n)) for n in range(5)]
    real = pipeline.extract_safely

    def interrupted(content: bytes, **hints: str | None) -> pipeline.Extracted:
        if content == docs[2][1]:
            raise KeyboardInterrupt  # Ctrl-C while extracting the third document
        return real(content, **hints)

    monkeypatch.setattr(pipeline, "extract_safely", interrupted)
    with Archive(str(db)) as arc, pytest.raises(KeyboardInterrupt):
        import_documents(arc, iter(docs), category=None)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT location, status FROM captures ORDER BY id").fetchall() == [(loc, "pending") for loc, _ in docs]
    assert _count(db, "articles") == 0
    monkeypatch.setattr(pipeline, "extract_safely", real)
    with Archive(str(db)) as arc:
        summary = import_documents(arc, iter(docs), category=None)
    assert summary.counts["new"] == 5 and _count(db, "captures") == 5  # extracted from the stored captures, none stored twice
    assert _count(db, "articles") == _count(db, "articles_fts") == 5


def test_an_import_stores_every_file_with_its_figures_and_index_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(25):
        (folder / f"{n:02d}.txt").write_bytes(_document(n))
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        summary = import_files(arc, sorted(folder.iterdir()), category=None, batch_size=7)
    assert summary.counts["new"] == 25 and summary.counts["failed"] == 1
    assert _count(db, "articles") == _count(db, "articles_fts") == 25
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(DISTINCT article_id) FROM figures").fetchone()[0] == 25
    assert conn.execute("SELECT status, error IS NOT NULL FROM captures WHERE location LIKE '%bad.json'").fetchall() == [("failed", 1)]
