"""Options shared by several commands, defined once (as sqlite-utils does).

A flag means the same in every command: ``--db``/``CGPN_DB``, ``--json``,
``--csv``, ``--since``/``--until``, ``--limit``, ``--source``, ``--batch-size``, ``--jobs``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from cgpn.defaults import BATCH_SIZE
from cgpn.errors import EXIT_USAGE, CgpnError

DEFAULT_DB = "archive.db"
DB_HELP = "Archive file (or set CGPN_DB); also accepted before the command: cgpn --db PATH COMMAND."


def _given_db(ctx: click.Context, value: str) -> str:
    """``--db`` after the command, else ``--db`` before it (``cgpn --db PATH COMMAND``), else CGPN_DB or the default."""
    if ctx.parent is not None and ctx.get_parameter_source("db_path") is not ParameterSource.COMMANDLINE:
        root = ctx.find_root()
        if root.get_parameter_source("db_path") is ParameterSource.COMMANDLINE:
            return root.params["db_path"]
    return value


def _existing_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    path = _given_db(ctx, value)
    if not Path(path).exists():
        folder = Path(path).parent
        where = "" if folder.is_dir() else f" (there is no folder {folder})"
        raise CgpnError(f"no archive at {path}{where}: create it with cgpn import", exit_code=EXIT_USAGE)
    return path


def _new_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    path = _given_db(ctx, value)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CgpnError(f"cannot create the folder of {path}: {exc.strerror or exc}", exit_code=EXIT_USAGE) from None
    return path


def _db(callback: Callable[[click.Context, click.Parameter, str], str], help: str) -> Callable[..., Any]:
    return click.option("--db", "db_path", envvar="CGPN_DB", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False), callback=callback, help=help)


# The archive of a command that reads it: it must exist (exit 2 otherwise).
db_option = _db(_existing_db, DB_HELP)
# The archive of a command that writes it (import, crawl): created, with its folder, when missing.
new_db_option = _db(_new_db, DB_HELP.replace("Archive file", "Archive file, created with its folder if missing"))
# The group's own --db, for ``cgpn --db PATH COMMAND``; each command resolves it (see _given_db).
group_db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False), metavar="PATH",
                               help="Archive file for the command that follows.")


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


def _one_format(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """--json and --csv exclude each other (click reads the options in the order given: the second sees the first)."""
    if value and any(ctx.params.get(name) for name in ("as_json", "as_csv") if name != param.name):
        raise CgpnError("--json and --csv exclude each other", exit_code=EXIT_USAGE)
    return value


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--csv", "as_csv", is_flag=True, callback=_one_format, help="Output CSV.")(fn)
    return click.option("--json", "as_json", is_flag=True, callback=_one_format, help="Output JSON, one object per line.")(fn)


def batch_size_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True,
        help="Documents written per transaction (a kill loses at most one batch; the next run redoes it).",
    )(fn)


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
        help="Extract in N worker processes while this one writes (0: one per CPU). On 2 cores, -j 2 imported "
             "1.3x as many articles per second as a serial run for 1,000 articles, 1.9-2.1x from 10,000 on "
             "(BENCHMARKS.md).",
    )(fn)
