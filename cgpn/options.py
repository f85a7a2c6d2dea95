"""Options shared by several commands, defined once (as sqlite-utils does).

A flag means the same in every command: ``--db``/``CGPN_DB``, ``--json``,
``--csv``, ``--since``/``--until``, ``--limit``, ``--source``, ``--batch-size``, ``--jobs``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from cgpn.pipeline import BATCH_SIZE

DEFAULT_DB = "archive.db"


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        envvar="CGPN_DB",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="Archive file (or set CGPN_DB).",
    )(fn)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-06-30") from None


def date_range_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--until", callback=_date, metavar="DATE", help="Up to this date (YYYY-MM-DD), inclusive.")(fn)
    return click.option("--since", callback=_date, metavar="DATE", help="From this date (YYYY-MM-DD), inclusive.")(fn)


def limit_option(default: int | None = 20) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--limit", type=click.IntRange(min=1), default=default, show_default=True, help="At most N rows.")


def source_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--source", help="Only this source (finews, zcb-epaper, cgpnews, urls, file).")(fn)


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--csv", "as_csv", is_flag=True, help="Output CSV.")(fn)
    return click.option("--json", "as_json", is_flag=True, help="Output JSON, one object per line.")(fn)


def batch_size_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True,
        help="Documents written per transaction (a kill loses at most one batch; the next run redoes it).",
    )(fn)


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
        help="Extract in N worker processes while this one writes (0: one per CPU). On 2 cores, -j 2 "
             "imports 1.5-1.9x as many articles per second (BENCHMARKS.md).",
    )(fn)
