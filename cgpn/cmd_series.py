"""``cgpn series``: one place's canonical metric per period, deduplicated across the articles (archive.series)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from cgpn.cmd_figures import _cell
from cgpn.errors import EXIT_USAGE, CgpnError
from cgpn.options import db_option, output_options

# archive.metrics.PERIOD_TYPES and "other", written out so that --help loads no archive (tests/test_cli_series.py compares)
PERIOD_TYPES = ("year", "half", "quarter", "month", "months", "years", "cumulative", "other")
TABLE = (("period", 18), ("value", 18), ("vs previous", 11), ("articles", 8), ("article ids", 16), ("note", 0))
CSV_COLUMNS = ("subject", "metric", "period", "period_type", "value", "unit", "approx", "conflict", "articles",
               "article_ids", "reported", "first_published", "last_published")
def _changes(points: list[dict[str, Any]]) -> list[str]:
    """Each point's change from the previous point of the same period type, when both have a value."""
    last: dict[str, float] = {}
    out = []
    for p in points:
        previous = last.get(p["period_type"])
        out.append(f"{(p['value'] - previous) / previous:+.1%}" if p["value"] is not None and previous else "")
        if p["value"] is not None:
            last[p["period_type"]] = p["value"]
    return out


def render_table(points: list[dict[str, Any]]) -> str:
    """A heading (place · metric), then one line per period; disagreeing values in the note."""
    from archive.series import amount

    first = points[0]
    lines = [f"{first['subject']} · {first['metric']}", "  ".join(_cell(name, w) if w else name for name, w in TABLE)]
    for p, change in zip(points, _changes(points)):
        value = "—" if p["value"] is None else amount(p["value"], p["unit"], p["approx"])
        note = "" if not p["conflict"] else "disagree: " + "; ".join(
            f"{amount(r['value'], p['unit'], r['approx'])} ({' '.join(map(str, r['article_ids']))})" for r in p["reported"])
        cells = (p["period"], value, change, str(p["articles"]), " ".join(map(str, p["article_ids"])), note)
        lines.append("  ".join(_cell(v, w) if w else v for v, (_, w) in zip(cells, TABLE)).rstrip())
    return "\n".join(lines)


def render_csv(points: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for p in points:
        writer.writerow({**p, "article_ids": " ".join(map(str, p["article_ids"])),
                         "reported": json.dumps(p["reported"], ensure_ascii=False)})
    return buf.getvalue()


@click.command("series")
@click.option("--subject", required=True, help="Place: its full name or a prefix (广西 finds 广西壮族自治区); 全国 for national figures.")
@click.option("--metric", required=True, help="A canonical metric (政府采购规模, 脱贫地区农副产品采购额 …) or a phrase of one (采购规模).")
@click.option("--period", help="Only periods starting with this (2023 finds 2023, 2023-H1, 2023-06).")
@click.option("--period-type", type=click.Choice(PERIOD_TYPES), help="Only periods of this kind (year: the yearly series).")
@output_options
@db_option
def series(subject: str, metric: str, period: str | None, period_type: str | None, as_json: bool, as_csv: bool,
           db_path: str) -> None:
    """One place's canonical metric per period, each value with the articles that report it.

    Articles that agree make one point; when they disagree, the value is
    empty and every value reported is listed with its articles (never
    averaged). Traditional input works like simplified.

    Example: cgpn series --subject 广西 --metric 脱贫地区农副产品采购额 --period-type year
    """
    from archive.figures import FiguresError
    from archive.series import SeriesError, query_series  # archive.fts loads jieba and OpenCC

    try:
        points = query_series(db_path, subject, metric, period=period, period_type=period_type)
    except SeriesError as exc:
        raise CgpnError(str(exc), exit_code=EXIT_USAGE) from None
    except FiguresError as exc:
        raise CgpnError(str(exc), hint="is it a cgpn archive? Pass another --db") from None
    if as_json:
        for p in points:
            click.echo(json.dumps(p, ensure_ascii=False))
    elif as_csv:
        click.echo(render_csv(points), nl=False)
    elif points:
        click.echo(render_table(points))
    else:
        click.echo(f"no series of {metric} for {subject}" + (f" in {period}" if period else ""), err=True)
