"""Extraction in worker processes (``cgpn import -j N``): the same archive as one process, a kept
capture for a worker that dies, and the captures-first order with a batch in flight."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from archive import Archive
from cgpn.cli import cli
from cgpn.pipeline import WORKER_DIED, Extractors, Job, import_documents, reextract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TABLES = {
    "articles": "SELECT key, title, subtitle, published_at, body, repairs, warnings FROM articles ORDER BY key",
    "figures": "SELECT a.key, f.seq, f.surface, f.kind, f.value_yuan, f.metric, f.subject, f.period, f.start "
               "FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY 1, 2",
    "index": "SELECT a.key, t.title, t.subtitle, t.body FROM articles_fts t JOIN articles a ON a.id = t.rowid ORDER BY 1",
    "captures": "SELECT location, sha256, status, error FROM captures ORDER BY location",
}


def _dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        conn.close()


def _documents(count: int) -> list[tuple[str, bytes]]:
    return [(f"{n}.txt", f"第{n}号通知\n　　本报讯 全市完成交易额{n + 1}.5万元，同比增长{n % 7}.2%。\n".encode())
            for n in range(count)]


def test_workers_build_the_same_archive_as_one_process(tmp_path: Path) -> None:
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["import", str(FIXTURES), "--db", str(tmp_path / f"j{jobs}.db"), "-j", jobs,
                                     "--batch-size", "3"])
        assert result.exit_code == 0, result.output
    one, two = _dump(tmp_path / "j1.db"), _dump(tmp_path / "j2.db")
    assert len(one["articles"]) >= 10 and len(one["figures"]) >= 50
    assert one == two


def test_reextract_with_workers_changes_nothing_it_need_not(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(str(db)) as arc:
        import_documents(arc, iter(_documents(40)), category=None, batch_size=8)
        before = _dump(db)
        summary = reextract(arc, everything=True, jobs=2, batch_size=8)
    assert summary.counts["unchanged"] == 40, summary.line()
    assert _dump(db) == before


def test_every_batch_is_captured_before_it_is_extracted_and_reported_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    stored: list[int] = []

    def on_done(outcome: object) -> None:
        conn = sqlite3.connect(db)
        stored.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        conn.close()

    with Archive(str(db)) as arc:
        summary = import_documents(arc, iter(_documents(25)), category=None, batch_size=4, jobs=2, on_done=on_done)
    assert summary.counts["new"] == 25
    assert stored == sorted(stored) and stored[-1] == 25  # reported after its batch's commit, in order
    assert all(count % 4 == 0 or count == 25 for count in stored)


def test_a_worker_that_dies_fails_its_documents_and_the_next_batch_gets_a_new_pool() -> None:
    slow = ("标题\n" + "　　本报讯 全市完成交易额15077.38万元，同比增长120.36%。\n" * 3000).encode()
    jobs = [Job(n, f"{n}.txt", slow, {"path": f"{n}.txt"}) for n in range(4)]
    with Extractors(2) as extractors:
        extractors.submit(jobs[:1])()  # workers up
        waiting = extractors.submit(jobs)
        for process in list(extractors._pool._processes.values()):  # noqa: SLF001 (a crash, from outside)
            os.kill(process.pid, signal.SIGKILL)
        results = waiting()
        assert len(results) == 4 and all(done.record is not None or done.error == WORKER_DIED for done in results)
        assert sum(done.error == WORKER_DIED for done in results) >= 2  # the killed workers' chunks, not lost silently
        again = extractors.submit(jobs[:2])()
    assert [done.record["title"] for done in again] == ["标题", "标题"]


def _descendants(pid: int) -> set[int]:
    """Processes started by ``pid``, their children and so on (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_import_leaves_no_worker_behind(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, content in _documents(3000):
        (folder / name).write_bytes(content)
    db = tmp_path / "a.db"
    proc = subprocess.Popen([sys.executable, "-m", "cgpn", "import", str(folder), "--db", str(db), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _count(db, "articles") < 50:  # workers busy extracting
            time.sleep(0.2)
        helpers = _descendants(proc.pid)
        assert len(helpers) >= 3  # the fork server and two workers (and multiprocessing's resource tracker)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(map(_alive, helpers)):
        time.sleep(0.2)
    assert not [pid for pid in helpers if _alive(pid)]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()
