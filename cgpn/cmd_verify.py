"""``cgpn verify``: check the archive and print one line per problem."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from archive.verify import verify as verify_archive
from cgpn.errors import EXIT_PARTIAL, EXIT_USAGE, CgpnError
from cgpn.options import db_option


@click.command(name="verify")
@db_option
def verify(db_path: str) -> None:
    """Check the archive: SQLite integrity, the search index against the articles, every
    article's capture and every figure's text at its offsets. Exit 1 when anything is wrong.

    Example: cgpn verify --db archive.db
    """
    if not Path(db_path).is_file():
        raise CgpnError(f"no archive at {db_path}", hint="pass --db or set CGPN_DB", exit_code=EXIT_USAGE)
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        problems = verify_archive(conn)
    finally:
        conn.close()
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{db_path}: {len(problems)} problem{'s' * (len(problems) != 1)}", err=True)
        sys.exit(EXIT_PARTIAL)
    click.echo(f"{db_path}: ok")
