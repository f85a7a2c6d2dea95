from __future__ import annotations

import ctypes
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from click.testing import CliRunner

from archive import Archive
from cgpn.cli import cli
from tests.conftest import FIXTURES, ROOT, SEED_000, SEED_003

N_FIXTURES = sum(1 for p in FIXTURES.iterdir() if p.is_file())


def test_import_twice_adds_nothing_the_second_time(db_path: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(FIXTURES), "--db", db_path])
    assert first.exit_code == 0, first.output
    assert first.output.startswith(f"imported {N_FIXTURES} files into {db_path}: {N_FIXTURES} new, 0 changed, 0 unchanged, 0 failed;")
    second = runner.invoke(cli, ["import", str(FIXTURES), "--db", db_path])
    assert second.exit_code == 0
    assert second.output == f"imported {N_FIXTURES} files into {db_path}: nothing new: {N_FIXTURES} unchanged\n"
    with Archive(db_path) as arc:
        assert arc.stats()["articles"] == N_FIXTURES
        assert arc.stats()["captures"] == N_FIXTURES


def test_a_changed_file_updates_its_article(tmp_path: Path, db_path: str) -> None:
    post = tmp_path / "post.md"
    shutil.copy(SEED_003, post)
    runner = CliRunner()
    runner.invoke(cli, ["import", str(post), "--db", db_path])
    post.write_text(SEED_003.read_text(encoding="utf-8").replace("广州交出乡村产业振兴满意答卷", "广州交出满意答卷"), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(post), "--db", db_path])
    assert result.output.startswith(f"imported 1 file into {db_path}: 0 new, 1 changed")
    with Archive(db_path) as arc:
        assert [r["title"] for r in arc.db["articles"].rows] == ["广州交出满意答卷"]
        assert arc.stats()["captures"] == 2  # the old bytes are kept


def test_a_broken_file_is_recorded_and_exit_code_is_1(tmp_path: Path, db_path: str) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "wrong.json").write_text('{"rows": 3}', encoding="utf-8")
    shutil.copy(SEED_003, tmp_path / "post.md")
    result = CliRunner().invoke(cli, ["import", str(tmp_path), "--db", db_path])
    assert result.exit_code == 1
    assert "failed: " + str((tmp_path / "empty.txt").resolve()) + ": the document is empty" in result.output
    assert "wrong.json: JSON has no article object" in result.output
    with Archive(db_path) as arc:
        failed = {r["location"]: r["error"] for r in arc.db.query("SELECT location, error FROM captures WHERE status = 'failed'")}
        assert len(failed) == 2 and arc.stats()["articles"] == 1


def test_jekyll_posts_of_other_categories_are_skipped(tmp_path: Path, db_path: str) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    shutil.copy(SEED_003, posts / "2022-02-14-202202142276022459.md")
    (posts / "2022-02-14-1.md").write_text("---\ntitle: 股市\ncategories: gushi\n---\n<p>沪指上涨。</p>\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(tmp_path), "--db", db_path])
    assert result.output.startswith(f"imported 2 files into {db_path}: 1 new, 0 changed, 0 unchanged, 0 failed, 1 skipped")
    result = runner.invoke(cli, ["import", str(tmp_path), "--all-categories", "--db", db_path])
    assert ": 1 new, 0 changed, 1 unchanged" in result.output


def test_a_clone_of_the_finews_mirror_imports_with_exit_0(db_path: str) -> None:
    result = CliRunner().invoke(cli, ["import", str(ROOT / "tests" / "data" / "finews_clone"), "--db", db_path])
    assert result.exit_code == 0, result.output
    assert ": 4 new, 0 changed, 0 unchanged, 0 failed, 12 skipped;" in result.output
    assert "failed:" not in result.output


def test_missing_path_is_a_usage_error(db_path: str) -> None:
    result = CliRunner().invoke(cli, ["import", "no/such/dir", "--db", db_path])
    assert result.exit_code == 2
    assert result.output == "Error: no such file or folder: no/such/dir\n"


def test_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner().invoke(cli, ["import", str(SEED_003)], env={"CGPN_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_not_an_archive_gives_one_error_line(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(cli, ["stats", "--db", str(bogus)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bogus}: file is not a database\nHint:")


def test_extract_prints_ndjson_without_a_database(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES), "--json"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == N_FIXTURES
    assert {r["title"] for r in records} >= {"广州交出乡村产业振兴满意答卷", "柳州提前完成脱贫地区农副产品全年采购任务"}
    assert not (tmp_path / "archive.db").exists()


def test_reextract_and_stats(db_path: str) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["import", str(FIXTURES), "--db", db_path])
    result = runner.invoke(cli, ["reextract", "--db", db_path])
    assert result.output == f"nothing to re-extract: {N_FIXTURES} captures, all extracted by this version (--all re-extracts them anyway)\n"
    result = runner.invoke(cli, ["reextract", "--all", "--db", db_path])
    assert result.output == f"re-extracted {N_FIXTURES} captures: nothing new: {N_FIXTURES} unchanged\n"
    stats = json.loads(runner.invoke(cli, ["stats", "--json", "--db", db_path]).output)
    assert stats["articles"] == N_FIXTURES and stats["figures"] > 30


def _unreadable_tree(root: Path) -> Path:
    """A folder holding a good post, a broken link and a FIFO with importable names, and a sub-folder."""
    root.mkdir()
    shutil.copy(SEED_003, root / "good.md")
    (root / "gone.md").symlink_to(root / "deleted.md")
    os.mkfifo(root / "pipe.txt")
    (root / "sub").mkdir()
    shutil.copy(SEED_000, root / "sub" / "dump.txt")
    return root


def test_files_that_cannot_be_read_are_failed_lines_and_the_rest_is_imported(tmp_path: Path, db_path: str) -> None:
    root = _unreadable_tree(tmp_path / "in")
    result = CliRunner().invoke(cli, ["import", str(root), "--db", db_path])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"failed: {root / 'gone.md'}: cannot read: broken symbolic link",
        f"failed: {root / 'pipe.txt'}: cannot read: not a regular file (a FIFO, socket or device)",
    ]
    assert result.stdout.startswith(f"imported 4 files into {db_path}: 2 new, 0 changed, 0 unchanged, 2 failed;")
    named = CliRunner().invoke(cli, ["import", str(root / "gone.md"), str(root / "good.md"), "--db", db_path])
    assert named.exit_code == 1 and named.stderr == f"failed: {root / 'gone.md'}: cannot read: broken symbolic link\n"
    assert named.stdout.startswith(f"imported 2 files into {db_path}: 0 new, 0 changed, 1 unchanged, 1 failed")


def _without_root_read_powers() -> None:
    """Child set-up: drop the capabilities that let root read any file (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH) from the bounding set, so the program exec'd next lacks them."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_files_and_folders_without_permission(tmp_path: Path, db_path: str) -> None:
    """chmod 000 stops everyone but root, so as root the import runs without root's power to read any file."""
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEED_003, root / "good.md")
    shutil.copy(SEED_000, root / "secret.txt")
    (root / "locked").mkdir()
    shutil.copy(SEED_000, root / "locked" / "dump.txt")
    (root / "secret.txt").chmod(0o000)
    (root / "locked").chmod(0o000)
    try:
        done = subprocess.run([sys.executable, "-m", "cgpn", "import", str(root), str(root / "secret.txt"), "--db", db_path],
                              cwd=ROOT, capture_output=True, text=True, timeout=120,
                              preexec_fn=_without_root_read_powers if os.geteuid() == 0 else None)
    finally:
        (root / "secret.txt").chmod(0o600)
        (root / "locked").chmod(0o700)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"failed: {root / 'locked'}: cannot read folder: Permission denied",
        f"failed: {root / 'secret.txt'}: cannot read: Permission denied",
        f"failed: {root / 'secret.txt'}: cannot read: Permission denied",
    ]
    assert done.stdout.startswith(f"imported 4 files into {db_path}: 1 new, 0 changed, 0 unchanged, 3 failed;")


def test_random_bytes_are_not_text_kept_as_a_failed_capture_and_never_an_article(tmp_path: Path, db_path: str) -> None:
    noise = tmp_path / "random.html"
    noise.write_bytes(random.Random(4096).randbytes(4096))
    shutil.copy(SEED_003, tmp_path / "post.md")
    result = CliRunner().invoke(cli, ["import", str(noise), str(tmp_path / "post.md"), "--db", db_path])
    assert result.exit_code == 1
    assert re.fullmatch(rf"failed: {re.escape(str(noise))}: not text: \d+ runs of control bytes in the first [\d,]+ "
                        r"characters \(read as \w+\)\n", result.stderr)
    with Archive(db_path) as arc:
        (status, error, content), = arc.conn.execute(
            "SELECT status, error, k.content FROM captures c JOIN capture_contents k ON k.capture_id = c.id "
            "WHERE location = ?", (str(noise),))
        assert status == "failed" and error.startswith("not text: ") and zlib.decompress(content) == noise.read_bytes()
        assert [r[0] for r in arc.conn.execute("SELECT path FROM articles")] == [str(tmp_path / "post.md")]
        assert arc.conn.execute("SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article_id "
                                "WHERE a.path = ?", (str(noise),)).fetchone()[0] == 0
