"""``cgpn verify``: check the archive and print one line per problem."""

from __future__ import annotations

import sys

import click

from cgpn.errors import EXIT_PARTIAL
from cgpn.options import db_option
from cgpn.wording import plural


@click.command(name="verify")
@db_option
def verify(db_path: str) -> None:
    """Check the archive: SQLite integrity, the search index against the articles, every
    article's capture and every figure's text at its offsets. Exit 1 when anything is wrong.
    Shows its progress on a terminal.

    Example: cgpn verify --db archive.db
    """
    import sqlite3

    from archive.verify import verify as verify_archive
    from cgpn.progress import Bar

    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        with Bar("verifying") as bar:
            problems = verify_archive(conn, progress=bar.step)
    finally:
        conn.close()
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{db_path}: {plural(len(problems), 'problem')}", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(f"{db_path}: ok")
