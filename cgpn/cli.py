"""The ``cgpn`` command: a thin click layer over ``extractors``, ``archive`` and ``scraper``.

Commands load what they need when they run (the extractors, the archive, the HTTP client), so that
``cgpn --help`` and a one-file ``cgpn extract`` or ``cgpn repair`` start quickly (bench/startup.py).
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cgpn import __version__
from cgpn.defaults import DEFAULT_CATEGORY
from cgpn.errors import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, CgpnError
from cgpn.files import Unreadable, iter_files
from cgpn.options import batch_size_option, db_option, group_db_option, jobs_option, new_db_option
from cgpn.progress import Bar
from cgpn.wording import plural

if TYPE_CHECKING:
    from archive import Archive
    from cgpn.pipeline import Summary


@contextmanager
def _quiet_when_stdout_closes() -> Iterator[None]:
    """A reader that stops reading (``cgpn search … | head -2``) ends the command quietly with exit 0,
    as ``git log | head`` does; click alone would exit 1."""
    try:
        yield
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        try:  # later writes and the flush at exit go nowhere instead of failing again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # no real file descriptor (click's test runner)
            pass
        raise click.exceptions.Exit(EXIT_OK) from None


class Cli(click.Group):
    """The command group: a closed stdout ends any command (or ``--help``) quietly."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _quiet_when_stdout_closes():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _quiet_when_stdout_closes():
            return super().invoke(ctx)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cgpn")
@group_db_option
def cli(db_path: str | None) -> None:
    """Crawl, clean and archive China Government Procurement News articles.

    Example: cgpn import fixtures/ && cgpn search 832平台
    """


@contextmanager
def open_archive(db_path: str) -> Iterator[Archive]:
    """The archive at ``db_path``; archive and SQLite errors become one ``Error:`` line."""
    import sqlite3

    from archive import Archive, ArchiveError

    try:
        with Archive(db_path) as archive:
            yield archive
    except ArchiveError as exc:
        raise CgpnError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise CgpnError(f"{db_path}: {exc}", hint="is it a cgpn archive? Pass another --db") from None


def report(summary: Summary, verb: str) -> None:
    """Print the summary line, one line per failure, and exit 1 when something failed."""
    for failure in summary.failures:
        click.echo(f"failed: {failure.location}: {failure.error}", err=True)
    click.echo(f"{verb}: {summary.line()}")
    if summary.failures:
        sys.exit(EXIT_PARTIAL)


def _files(paths: tuple[str, ...]) -> list[Path | Unreadable]:
    try:
        return list(iter_files(paths))
    except FileNotFoundError as exc:
        raise CgpnError(str(exc), exit_code=EXIT_USAGE) from None


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))  # unreadable: a failed line
@click.option("--category", default=DEFAULT_CATEGORY, show_default=True,
              help="Keep only Jekyll posts of this category (posts without one are kept).")
@click.option("--all-categories", is_flag=True, help="Keep Jekyll posts of every category.")
@batch_size_option
@jobs_option
@new_db_option
def import_(paths: tuple[str, ...], category: str, all_categories: bool, batch_size: int, jobs: int, db_path: str) -> None:
    """Import files or folders (Jekyll .md, .html/.htm, .txt dumps, e-paper .json) into the archive.

    Idempotent: a file already imported is not stored again; a changed file updates its article.
    Files or folders that cannot be read are listed as failed; the others are imported.

    Example: cgpn import fixtures/
    """
    from cgpn import files as listing
    from cgpn.pipeline import import_files

    files = _files(paths)
    sizes = {listing.location(f): listing.size(f) for f in files}
    with open_archive(db_path) as archive, Bar("importing", sum(sizes.values()), unit="MB") as bar:
        summary = import_files(archive, files, category=None if all_categories else category,
                               on_done=lambda outcome: bar.advance(sizes.get(outcome.location, 0)),
                               batch_size=batch_size, jobs=jobs)
    report(summary, f"imported {plural(len(files), 'file')} into {db_path}")


@cli.command(name="extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))  # unreadable: a failed line
@click.option("--json", "as_json", is_flag=True, help="NDJSON records (the default; kept for scripts).")
def extract_(paths: tuple[str, ...], as_json: bool) -> None:
    """Print the record of each file as one JSON object per line; no database. A file that cannot
    be read or extracted is a `failed: PATH: reason` line on stderr; the others are still printed.

    Example: cgpn extract fixtures/ --json
    """
    from cgpn.files import read
    from extractors import ExtractionError, extract

    failed = 0
    for file in _files(paths):
        location, content = read(file)
        try:
            if isinstance(content, str):
                raise ExtractionError(content)
            record = extract(content, path=location).to_dict()
        except ExtractionError as exc:
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
    from cgpn.pipeline import reextract, to_reextract

    with open_archive(db_path) as archive:
        todo = len(to_reextract(archive, everything=everything))
        if not todo:
            held = len(archive.capture_ids())
            click.echo(f"nothing to re-extract: {plural(held, 'capture')}, all extracted by this version "
                       "(--all re-extracts them anyway)" if held else "nothing to re-extract: the archive holds no captures")
            return
        with Bar("re-extracting", todo) as bar:
            summary = reextract(archive, everything=everything, on_done=lambda outcome: bar.advance(),
                                batch_size=batch_size, jobs=jobs)
    report(summary, f"re-extracted {plural(todo, 'capture')}")


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
