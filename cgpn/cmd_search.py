"""``cgpn search``: full-text search of the archive (a thin layer over :func:`archive.search.search`)."""

from __future__ import annotations

import csv
import json
import sqlite3
from typing import Any

import click

from archive.db import ArchiveError
from archive.search import HIGHLIGHT, QuerySyntaxError, figures_of, open_readonly, search as search_archive
from cgpn.errors import EXIT_USAGE, CgpnError
from cgpn.options import date_range_options, db_option, limit_option, output_options, source_option

CSV_FIELDS = ("id", "published_at", "title", "source", "location", "score", "snippet")


def _styled(snippet: str) -> str:
    """The snippet with its «marks» turned into bold colour (click drops colour off a terminal)."""
    start, end = HIGHLIGHT
    parts = snippet.replace(end, start).split(start)
    return "".join(click.style(p, fg="red", bold=True) if i % 2 else p for i, p in enumerate(parts))


def _figures_line(figures: list[dict[str, Any]]) -> str:
    return "; ".join(" ".join(str(f[k]) for k in ("surface", "metric", "subject", "period") if f[k]) for f in figures)


def _echo_text(hits: list[dict[str, Any]], with_figures: bool) -> None:
    for hit in hits:
        date = (hit["published_at"] or "????-??-??")[:10]
        click.echo(f"{date}  {hit['title']}  [{hit['source']}]")
        click.echo(f"    {_styled(hit['snippet'])}")
        if with_figures:
            click.echo(f"    money: {_figures_line(hit['figures']) or '-'}")


@click.command(name="search")
@click.argument("query")
@date_range_options
@source_option
@limit_option(20)
@output_options
@click.option("--figures", "with_figures", is_flag=True, help="Show the money figures of each hit.")
@click.option("--raw", is_flag=True, help="Pass FTS5 syntax through (NEAR, column:, prefix*, AND/OR/NOT).")
@db_option
def search(
    query: str,
    since: str | None,
    until: str | None,
    source: str | None,
    limit: int,
    as_json: bool,
    as_csv: bool,
    with_figures: bool,
    raw: bool,
    db_path: str,
) -> None:
    """Search titles, subtitles and bodies; best matches first, with a snippet.

    Chinese is segmented into words; traditional and simplified characters
    find each other. Words separated by spaces must all occur; "quoted text"
    is a phrase; OR between two words accepts either; -word excludes.
    Matches are marked «like this» in JSON and CSV snippets.

    Example: cgpn search 832平台 --since 2022-01-01 --figures
    """
    try:
        conn = open_readonly(db_path)
    except ArchiveError as exc:
        raise CgpnError(str(exc), hint="import or crawl first, or pass --db", exit_code=EXIT_USAGE) from None
    try:
        hits = search_archive(conn, query, since=since, until=until, source=source, limit=limit, raw=raw)
        if with_figures:
            figures = figures_of(conn, [h["id"] for h in hits])
            for hit in hits:
                hit["figures"] = figures[hit["id"]]
    except QuerySyntaxError as exc:
        raise CgpnError(f"bad FTS query {query!r}: {exc}", hint="drop --raw to search the words as typed",
                        exit_code=EXIT_USAGE) from None
    except sqlite3.DatabaseError as exc:
        raise CgpnError(f"{db_path}: {exc}", hint="is it a cgpn archive? Pass another --db") from None
    finally:
        conn.close()
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit, ensure_ascii=False))
    elif as_csv:
        with click.open_file("-", "w") as stdout:  # Click's stdout, left open on exit
            writer = csv.writer(stdout, lineterminator="\n")
            writer.writerow(CSV_FIELDS + (("figures",) if with_figures else ()))
            for hit in hits:
                row = [hit["id"], hit["published_at"], hit["title"], hit["source"], hit["url"] or hit["path"],
                       hit["score"], hit["snippet"]]
                writer.writerow(row + ([_figures_line(hit["figures"])] if with_figures else []))
    elif hits:
        _echo_text(hits, with_figures)
    else:
        click.echo(f"No article matches {query!r}.", err=True)
