from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from archive import Archive
from cgpn.cli import cli
from tests.conftest import FIXTURES, SEED_003

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
