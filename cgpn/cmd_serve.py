"""``cgpn serve``: Datasette over the archive, read-only, on 127.0.0.1 (see :func:`archive.datasette_plugin.make_datasette`)."""

from __future__ import annotations

import click

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
    (series by year, provinces side by side) is at /-/dashboards/facts. A bad
    request (404, 400) is logged as one line on stderr.

    Example: cgpn serve --port 8001
    """
    import rich
    import uvicorn

    from archive.datasette_plugin import is_archive, make_datasette

    if not is_archive(db_path):
        raise CgpnError(f"{db_path} is not a cgpn archive (not an SQLite file, or without its tables)",
                        hint="pass another --db, or create one with cgpn import", exit_code=EXIT_USAGE)
    # Datasette prints every error (a 404 too) with its traceback and local variables through rich's
    # console (~180 lines a request); the plugin logs one line instead, and a bug still gets Python's traceback.
    rich.reconfigure(quiet=True)
    app = make_datasette(db_path).app()
    click.echo(f"Serving {db_path} read-only at http://{HOST}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=HOST, port=port, log_level="warning")
