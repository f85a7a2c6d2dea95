"""Crash safety and concurrent readers: ``cgpn import`` killed with SIGKILL at random moments,
and readers (SQL, FTS MATCH, Datasette) querying while an import writes.

The inputs are generated: each document holds a title, several paragraphs of procurement prose with amounts
and percentages, and comes as a text dump, a Jekyll post, an HTML page or an
e-paper JSON answer (by its number), so an import exercises every parser.
"""

from __future__ import annotations

import hashlib
import json
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from archive import Archive
from archive.fts import index_text
from archive.verify import verify
from extractors import extract

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["本报讯", "政府采购", "预算单位", "通过", "832平台", "完成", "交易额", "脱贫地区", "农副产品",
         "采购", "中小企业", "预留份额", "全市", "去年", "今年", "乡村振兴", "财政局"]
CITIES = ["广州市", "柳州市", "南宁市", "成都市", "杭州市", "贵阳市", "济南市"]
SUFFIX = {0: "txt", 1: "md", 2: "html", 3: "json"}


def _sentence(rng: random.Random) -> str:
    amount = f"{rng.randint(1, 99999)}.{rng.randint(10, 99)}万元"
    return f"{rng.choice(CITIES)}{''.join(rng.choices(WORDS, k=rng.randint(3, 8)))}{amount}，同比增长{rng.randint(1, 99)}%。"


def document(rng: random.Random, n: int, version: int = 0) -> tuple[str, str]:
    """(file name, text) of document ``n`` in its ``version``; the title carries both."""
    title = f"{rng.choice(CITIES)}{''.join(rng.choices(WORDS, k=3))}第{n}号第{version}版"
    paras = ["".join(_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(3, 12))]
    day = 1 + n % 28
    kind = n % 4
    if kind == 0:
        text = f"{title}\n{title}\n" + "\n".join("　　" + p for p in paras)
    elif kind == 1:
        body = "\n\n".join(f"<p>　　{p}</p>" for p in paras)
        text = f'---\ntitle: "{title}"\ndate: 2022-02-{day:02d} 20:52:19 +0800\ncategories: zhongguozhengfucaigoubao\n---\n{body}\n'
    elif kind == 2:
        body = "".join(f"<p>{p}</p>" for p in paras)
        text = (f"<html><head><title>{title} - 【某某网】</title></head><body><div class=nav><a href=/>首页</a></div>"
                f"<h1>{title}</h1><div class=info>发布时间：2024-07-{day:02d}</div><div class=content>{body}</div></body></html>")
    else:
        text = json.dumps({"bm": "要闻", "bc": "01", "docTitle": title, "content": "".join(f"<p>{p}</p>" for p in paras),
                           "docAuthor": "本报记者 王明", "docPubTime": f"2025/03/{day:02d} 00:00:00"}, ensure_ascii=False)
    return f"doc{n:03d}.{SUFFIX[kind]}", text


class Corpus:
    """A folder of generated documents, rewritten in place; knows the title each version's bytes carry."""

    def __init__(self, folder: Path, size: int, seed: int = 7):
        self.folder, self.rng = folder, random.Random(seed)
        self.versions = [0] * size
        self.title_by_sha: dict[str, str] = {}
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(size):
            self._write(n)

    def _write(self, n: int) -> None:
        name, text = document(self.rng, n, self.versions[n])
        data = text.encode("utf-8")
        (self.folder / name).write_bytes(data)
        self.title_by_sha[hashlib.sha256(data).hexdigest()] = f"第{n}号第{self.versions[n]}版"

    def rewrite(self, count: int) -> list[int]:
        """Give ``count`` random documents a new version; return their numbers."""
        chosen = self.rng.sample(range(len(self.versions)), count)
        for n in chosen:
            self.versions[n] += 1
            self._write(n)
        return chosen

    def current(self) -> dict[str, bytes]:
        """Absolute path → the file's bytes now."""
        return {str(p.resolve()): p.read_bytes() for p in sorted(self.folder.iterdir())}


def cgpn(*args: str) -> subprocess.Popen[bytes]:
    """``python -m cgpn ARGS`` in a child process, from the project root."""
    return subprocess.Popen([sys.executable, "-m", "cgpn", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def article_problems(conn: sqlite3.Connection, corpus: Corpus) -> list[str]:
    """Articles without figures, or whose title or index row disagree with the capture they came from.
    (Stale figures of an older version are caught by verify's offsets check: every version's body differs.)"""
    rows = conn.execute(
        "SELECT a.id, a.title, c.sha256, (SELECT count(*) FROM figures f WHERE f.article_id = a.id), "
        "(SELECT title FROM articles_fts WHERE rowid = a.id) FROM articles a JOIN captures c ON c.id = a.capture_id"
    ).fetchall()
    problems = []
    for article_id, title, sha, figures, fts_title in rows:
        if not figures:  # every generated document states amounts
            problems.append(f"article {article_id} has no figures")
        if not title.endswith(corpus.title_by_sha[sha]):
            problems.append(f"article {article_id} is titled {title!r}, its capture is {corpus.title_by_sha[sha]!r}")
        if fts_title != index_text(title):
            problems.append(f"article {article_id}: index row {fts_title!r} does not match its title")
    return problems


def _archive_problems(db_path: Path, corpus: Corpus) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [str(p) for p in verify(conn)] + article_problems(conn, corpus)
    finally:
        conn.close()


def _query(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _updated(db_path: Path, corpus: Corpus, numbers: list[int]) -> int:
    """How many of documents ``numbers`` have their current version archived."""
    titles = " ".join(t for (t,) in _query(db_path, "SELECT title FROM articles"))
    return sum(f"第{n}号第{corpus.versions[n]}版" in titles for n in numbers)


def _wait_until_updated(db_path: Path, corpus: Corpus, numbers: list[int], target: int, proc: subprocess.Popen[bytes]) -> None:
    """Return once ``target`` of documents ``numbers`` are archived in their current version (or the run ended)."""
    end = time.monotonic() + 30
    while time.monotonic() < end and proc.poll() is None:
        try:
            if _updated(db_path, corpus, numbers) >= target:
                return
        except sqlite3.OperationalError:  # no archive or no tables yet
            pass
        time.sleep(0.01)


KILLS = 22
DOCUMENTS = 200
REWRITES = 30  # documents changed before each run, so every run has work to do


def _run_seconds(tmp_path: Path) -> float:
    """How long a run of the kill loop takes on this machine when nothing stops it: another corpus of the
    same size imported, then REWRITES of its documents rewritten and imported again, timed."""
    corpus = Corpus(tmp_path / "calibration", DOCUMENTS, seed=8)

    def run() -> None:
        proc = cgpn("import", str(corpus.folder), "--db", str(tmp_path / "calibration.db"), "--batch-size", "4")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()

    run()
    seconds = []
    for _ in range(2):  # the shorter of two: a run slowed by a busy moment would set kill times past later runs
        corpus.rewrite(REWRITES)
        start = time.monotonic()
        run()
        seconds.append(time.monotonic() - start)
    return min(seconds)


def test_sigkill_at_random_moments_never_corrupts_and_the_next_run_finishes(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "in", DOCUMENTS)
    db = tmp_path / "archive.db"
    rng = random.Random(11)
    # Kill times are drawn from the start of a run to 80 % of its measured length: a fixed range would
    # outlast a whole run on a fast machine and miss the run on a slow one.
    latest_kill = 0.8 * _run_seconds(tmp_path)
    interrupted = mid_import = 0
    for round_ in range(KILLS):
        changed = corpus.rewrite(REWRITES) if round_ else list(range(DOCUMENTS))
        proc = cgpn("import", str(corpus.folder), "--db", str(db), "--batch-size", "4")  # several commits a run
        if round_ % 2:  # at a random time: start-up, schema creation, extraction, a commit
            time.sleep(rng.uniform(0.05, latest_kill))
        else:  # at a random point of the work: after k of the changed documents are stored
            _wait_until_updated(db, corpus, changed, rng.randint(1, len(changed) - 1), proc)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            interrupted += 1
        proc.communicate(timeout=30)
        if db.exists():
            assert _archive_problems(db, corpus) == [], f"after kill {round_}"
            mid_import += 0 < _updated(db, corpus, changed) < len(changed)
    assert interrupted >= 20, f"only {interrupted} of {KILLS} runs were still going when killed"
    assert mid_import >= 10, f"only {mid_import} kills landed between two documents of an import"

    final = cgpn("import", str(corpus.folder), "--db", str(db))
    _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()
    assert _archive_problems(db, corpus) == []
    files = corpus.current()
    assert _query(db, "SELECT count(*), count(DISTINCT key), count(DISTINCT capture_id) FROM articles") == [(DOCUMENTS,) * 3]
    assert _query(db, "SELECT count(*) FROM (SELECT 1 FROM captures GROUP BY location, sha256 HAVING count(*) > 1)") == [(0,)]
    # every article comes from the newest capture of its file, which holds the file's bytes now
    newest = _query(db, "SELECT c.location, c.sha256, c.status, "
                        "(SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article_id WHERE a.capture_id = c.id), "
                        "(SELECT content FROM capture_contents k WHERE k.capture_id = c.id) "
                        "FROM captures c WHERE c.id = (SELECT max(id) FROM captures d WHERE d.location = c.location)")
    assert {loc: sha for loc, sha, _, _, _ in newest} == {loc: hashlib.sha256(data).hexdigest() for loc, data in files.items()}
    assert {loc: zlib.decompress(raw) for loc, _, _, _, raw in newest} == files
    assert {status for _, _, status, _, _ in newest} == {"ok"}
    assert {loc: n for loc, _, _, n, _ in newest} == {loc: len(extract(data, path=loc).figures) for loc, data in files.items()}
    again = cgpn("import", str(corpus.folder), "--db", str(db))
    out, _ = again.communicate(timeout=60)
    assert out.decode().endswith(f"nothing new: {DOCUMENTS} unchanged\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _datasette(db_path: Path) -> Iterator[str]:
    """A real Datasette serving ``db_path`` on loopback; yields its base URL and stops it."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db_path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/-/versions.json", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > end or proc.poll() is not None:
                    raise RuntimeError("datasette did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def read_while(readers: dict[str, Callable[[], int]], start: Callable[[], subprocess.Popen[bytes]]
               ) -> tuple[subprocess.Popen[bytes], bytes, dict[str, list[int]], list[str]]:
    """Run each reader in a loop on its own thread, from before ``start()`` launches the writer until it
    ends; return the writer, its stderr, what each reader returned, and every error a reader met."""
    stop = threading.Event()
    seen: dict[str, list[int]] = {name: [] for name in readers}
    errors: list[str] = []

    def loop(name: str, query: Callable[[], int]) -> None:
        while not stop.is_set():
            try:
                seen[name].append(query())
            except Exception as exc:  # every error a reader meets is a failure of the test
                errors.append(f"{name}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=loop, args=item) for item in readers.items()]
    for thread in threads:
        thread.start()
    try:
        writer = start()
        _, err = writer.communicate(timeout=300)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    return writer, err, seen, errors


def test_readers_never_error_while_an_import_writes(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "in", DOCUMENTS)
    db = tmp_path / "archive.db"
    Archive(str(db)).close()  # the schema exists before the readers start
    words = index_text("采购")

    def sql_reader() -> int:  # as `cgpn search` reads: its own Archive connection, SELECT + FTS MATCH
        with Archive(str(db)) as arc:
            hits = arc.conn.execute("SELECT a.id, a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                                    "WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20", (words,)).fetchall()
            if not all(title for _, title in hits):
                raise AssertionError(f"an index row without its article: {hits}")
            return arc.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    with _datasette(db) as base, httpx.Client(base_url=base, timeout=30) as client:
        def datasette_reader() -> int:
            fts = client.get("/archive.json", params={"sql": "select count(*) from articles_fts where articles_fts match :q",
                                                      "q": words, "_shape": "array"})
            fts.raise_for_status()
            rows = client.get("/archive/articles.json", params={"_shape": "array", "_size": 5, "_sort_desc": "id"})
            rows.raise_for_status()
            return max((r["id"] for r in rows.json()), default=0)

        writer, err, seen, errors = read_while({"sql": sql_reader, "datasette": datasette_reader},
                                               lambda: cgpn("import", str(corpus.folder), "--db", str(db)))
    assert writer.returncode == 0, err.decode()
    assert errors == []
    for name, counts in seen.items():  # each reader saw the archive grow while it was written
        assert len(set(counts)) >= 3, f"{name} reader saw only {sorted(set(counts))}"
