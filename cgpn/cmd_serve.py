"""``cgpn serve``: Datasette over the archive, read-only, on 127.0.0.1 (see :func:`archive.datasette_plugin.make_datasette`)."""

from __future__ import annotations

from pathlib import Path

import click
import uvicorn

from archive.datasette_plugin import make_datasette
from cgpn.errors import EXIT_USAGE, CgpnError
from cgpn.options import db_option

HOST = "127.0.0.1"


@click.command(name="serve")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port on 127.0.0.1.")
@db_option
def serve(port: int, db_path: str) -> None:
    """Browse the archive in Datasette, read-only, at http://127.0.0.1:PORT/.

    Chinese full-text search is the search_articles query; figures are
    faceted by source, year, subject, metric and kind; the facts dashboard
    (series by year, provinces side by side) is at /-/dashboards/facts.

    Example: cgpn serve --port 8001
    """
    if not Path(db_path).is_file():
        raise CgpnError(f"no archive at {db_path}", hint="import or crawl first, or pass --db", exit_code=EXIT_USAGE)
    app = make_datasette(db_path).app()
    click.echo(f"Serving {db_path} read-only at http://{HOST}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=HOST, port=port, log_level="warning")
