"""``cgpn search``: full-text search of the archive (a thin layer over :func:`archive.search.search`)."""

from __future__ import annotations

import csv
import json
from typing import Any

import click

from cgpn.errors import EXIT_USAGE, CgpnError
from cgpn.options import date_range_options, db_option, limit_option, output_options, source_option

CSV_FIELDS = ("id", "published_at", "title", "source", "location", "score", "snippet")


class QueryCommand(click.Command):
    """A command whose words are one query, as typed in a search box: ``cgpn search 广州 乡村 -深圳``.

    A ``-word`` that follows a word of the query excludes it rather than being read as an option;
    the command's own options still go anywhere.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {o for p in self.get_params(ctx) if isinstance(p, click.Option) and not p.is_flag for o in p.opts}
        known = {o for p in self.get_params(ctx) for o in (*p.opts, *p.secondary_opts)}
        known |= set(ctx.help_option_names)
        marked, words, value_next = [], 0, False
        for arg in args:
            if value_next or arg in known or arg.startswith("--"):
                value_next = not value_next and arg in takes_value
            elif arg.startswith("-") and len(arg) > 1:
                if not words:
                    raise click.UsageError(f"{arg} excludes: put it after a word (cgpn search 政府采购 {arg})", ctx)
                arg = " " + arg  # a leading space: click takes it for a word, the query drops the space
            else:
                words += 1
            marked.append(arg)
        return super().parse_args(ctx, marked)


def _styled(snippet: str) -> str:
    """The snippet with its «marks» turned into bold colour (click drops colour off a terminal)."""
    from archive.search import HIGHLIGHT

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


@click.command(name="search", cls=QueryCommand)
@click.argument("words", nargs=-1, required=True, metavar="QUERY...")
@date_range_options
@source_option
@limit_option(20)
@output_options
@click.option("--figures", "with_figures", is_flag=True, help="Show the money figures of each hit.")
@click.option("--raw", is_flag=True, help="Pass FTS5 syntax through (NEAR, column:, prefix*, AND/OR/NOT).")
@db_option
def search(
    words: tuple[str, ...],
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
    find each other. Words separated by spaces must all occur (quoted or
    not: cgpn search 广州 乡村); "quoted text" is a phrase; OR between two
    words accepts either; -word after a word excludes. Matches are marked
    «like this» in JSON and CSV snippets.

    Example: cgpn search 832平台 --since 2022-01-01 --figures
    """
    import sqlite3

    from archive.db import ArchiveError
    from archive.search import QuerySyntaxError, figures_of, open_readonly, search as search_archive

    query = " ".join(w.strip() for w in words)
    if not query.strip():
        raise click.UsageError("the query is empty: give a word to search for")
    try:
        conn = open_readonly(db_path)
    except ArchiveError as exc:  # not a regular file (a device, a FIFO)
        raise CgpnError(str(exc), hint="is it a cgpn archive? Pass another --db") from None
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
