"""The ``cgpn`` command: a thin click layer over ``extractors``, ``archive`` and ``scraper``."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from archive import Archive, ArchiveError
from cgpn import __version__
from cgpn.errors import EXIT_PARTIAL, EXIT_USAGE, CgpnError
from cgpn.options import batch_size_option, db_option, jobs_option
from cgpn.pipeline import DEFAULT_CATEGORY, Outcome, Summary, import_files, iter_files, reextract
from extractors import ExtractionError, extract


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cgpn")
def cli() -> None:
    """Crawl, clean and archive China Government Procurement News articles.

    Example: cgpn import fixtures/ && cgpn search 832平台
    """


@contextmanager
def open_archive(db_path: str) -> Iterator[Archive]:
    """The archive at ``db_path``; archive and SQLite errors become one ``Error:`` line."""
    try:
        with Archive(db_path) as archive:
            yield archive
    except ArchiveError as exc:
        raise CgpnError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise CgpnError(f"{db_path}: {exc}", hint="is it a cgpn archive? Pass another --db") from None


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[Outcome], None]]:
    """A rich progress bar on a terminal, nothing otherwise; yields the per-item callback."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda outcome: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda outcome: bar.advance(task)


def report(summary: Summary, verb: str) -> None:
    """Print the summary line, one line per failure, and exit 1 when something failed."""
    for failure in summary.failures:
        click.echo(f"failed: {failure.location}: {failure.error}", err=True)
    click.echo(f"{verb}: {summary.line()}")
    if summary.failures:
        sys.exit(EXIT_PARTIAL)


def _files(paths: tuple[str, ...]) -> list[Path]:
    try:
        return list(iter_files(paths))
    except FileNotFoundError as exc:
        raise CgpnError(str(exc), exit_code=EXIT_USAGE) from None


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--category", default=DEFAULT_CATEGORY, show_default=True,
              help="Keep only Jekyll posts of this category (posts without one are kept).")
@click.option("--all-categories", is_flag=True, help="Keep Jekyll posts of every category.")
@batch_size_option
@jobs_option
@db_option
def import_(paths: tuple[str, ...], category: str, all_categories: bool, batch_size: int, jobs: int, db_path: str) -> None:
    """Import files or folders (Jekyll .md, .html/.htm, .txt dumps, e-paper .json) into the archive.

    Idempotent: a file already imported is not stored again; a changed file updates its article.

    Example: cgpn import fixtures/
    """
    files = _files(paths)
    with open_archive(db_path) as archive, progress(len(files), "importing") as advance:
        summary = import_files(archive, files, category=None if all_categories else category, on_done=advance,
                               batch_size=batch_size, jobs=jobs)
    report(summary, f"imported {len(files)} files into {db_path}")


@cli.command(name="extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="NDJSON records (the default; kept for scripts).")
def extract_(paths: tuple[str, ...], as_json: bool) -> None:
    """Print the record of each file as one JSON object per line; no database.

    Example: cgpn extract fixtures/ --json
    """
    failed = 0
    for file in _files(paths):
        location = str(file.resolve())
        try:
            record = extract(file.read_bytes(), path=location).to_dict()
        except (ExtractionError, OSError) as exc:
            click.echo(f"failed: {location}: {exc}", err=True)
            failed += 1
            continue
        click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_PARTIAL)


@cli.command(name="reextract")
@click.option("--all", "everything", is_flag=True, help="Every capture, not only those of an older extractor.")
@batch_size_option
@jobs_option
@db_option
def reextract_(everything: bool, batch_size: int, jobs: int, db_path: str) -> None:
    """Re-run the extractors over stored captures and update articles, figures and the index.

    Example: cgpn reextract --all
    """
    with open_archive(db_path) as archive:
        total = len(archive.capture_ids(stale_for=None))
        with progress(total, "re-extracting") as advance:
            summary = reextract(archive, everything=everything, on_done=advance, batch_size=batch_size, jobs=jobs)
    report(summary, "re-extracted")


@cli.command(name="stats")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@db_option
def stats_(as_json: bool, db_path: str) -> None:
    """Counts of captures, articles and figures in the archive.

    Example: cgpn stats --json
    """
    with open_archive(db_path) as archive:
        stats = archive.stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        elif isinstance(value, list):
            value = " … ".join(str(v) for v in value)
        click.echo(f"{key.replace('_', ' ')}: {value}")


# Commands that live in their own modules.
from cgpn.cmd_crawl import crawl  # noqa: E402
from cgpn.cmd_figures import figures  # noqa: E402
from cgpn.cmd_repair import repair  # noqa: E402
from cgpn.cmd_search import search  # noqa: E402
from cgpn.cmd_serve import serve  # noqa: E402
from cgpn.cmd_series import series  # noqa: E402
from cgpn.cmd_verify import verify  # noqa: E402

for command in (crawl, figures, repair, search, serve, series, verify):
    cli.add_command(command)
