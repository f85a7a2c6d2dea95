"""``cgpn figures``: the archive's figures filtered by kind, place, metric, period and amount."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

import click

from archive.figures import FiguresError, query_figures
from cgpn.errors import CgpnError
from cgpn.options import date_range_options, db_option, limit_option, output_options, source_option

KINDS = ("money", "percent", "points", "count", "area", "duration", "weight")
TABLE = (("date", 10), ("subject", 12), ("period", 9), ("metric", 14), ("figure", 16), ("yuan", 15), ("title", 30))
CSV_COLUMNS = (
    "published_at", "title", "location", "source", "surface", "kind", "value", "unit", "value_yuan", "approx",
    "range_to", "metric", "subject", "period", "change", "base_period", "base_value", "base_unit", "parent_id",
    "is_total", "field", "sentence",
)
SCALE = {"": 1, "千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8}


class Yuan(click.ParamType):
    """An amount in yuan: ``5000000``, ``500万`` or ``1.2亿`` (元 optional)."""

    name = "YUAN"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        m = re.fullmatch(r"\s*([\d.]+(?:e\d+)?)\s*(千|万|百万|千万|亿)?元?\s*", str(value))
        try:
            return float(m.group(1)) * SCALE[m.group(2) or ""] if m else self.fail("")
        except (ValueError, click.BadParameter):
            self.fail(f"{value!r} is not an amount like 5000000, 500万 or 1.2亿", param, ctx)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int) -> str:
    """``text`` cut and padded to ``width`` terminal columns (CJK characters take two)."""
    out = ""
    for c in text:
        if _width(out + c) > width:
            out = out[:-1] + "…" if out else out
            break
        out += c
    return out + " " * (width - _width(out))


def _row(f: dict[str, Any]) -> list[str]:
    yuan = f["value_yuan"]
    return [
        (f["published_at"] or "")[:10], f["subject"] or "", f["period"] or "", f["metric"] or "", f["surface"],
        "" if yuan is None else f"{yuan:,.0f}" if yuan == int(yuan) else f"{yuan:,.2f}", f["title"] or "",
    ]


def render_table(figures: list[dict[str, Any]]) -> str:
    """One line per figure under a header, columns aligned for CJK text."""
    lines = ["  ".join(_cell(name, w) for name, w in TABLE).rstrip()]
    lines += ["  ".join(_cell(v, w) for v, (_, w) in zip(_row(f), TABLE)).rstrip() for f in figures]
    return "\n".join(lines)


def render_csv(figures: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(figures)
    return buf.getvalue()


@click.command("figures")
@click.option("--kind", type=click.Choice(KINDS), help="Only figures of this kind.")
@click.option("--subject", help="Place the figure belongs to; a prefix (广州 finds 广州市).")
@click.option("--metric", help="What was measured; any part (交易额 finds 平台交易额).")
@click.option("--period", help="Period it covers; a prefix (2024 finds 2024, 2024-H1, 2024-06).")
@click.option("--change/--no-change", default=None,
              help="Only changes (比上年增加…, 增长15.6%) or only levels; both when not given.")
@click.option("--min-yuan", type=Yuan(), help="At least this amount (5000000, 500万, 1.2亿).")
@click.option("--max-yuan", type=Yuan(), help="At most this amount.")
@source_option
@date_range_options
@limit_option()
@output_options
@db_option
def figures(
    kind: str | None, subject: str | None, metric: str | None, period: str | None, change: bool | None, min_yuan: float | None,
    max_yuan: float | None, source: str | None, since: str | None, until: str | None, limit: int | None,
    as_json: bool, as_csv: bool, db_path: str,
) -> None:
    """Figures the archive's articles report, with what was measured, whose and when;
    newest article first. --since/--until filter on the article's date.

    Example: cgpn figures --kind money --subject 广州 --period 2021 --min-yuan 1亿
    """
    if as_json and as_csv:
        raise CgpnError("--json and --csv exclude each other", exit_code=2)
    try:
        rows = query_figures(
            db_path, kind=kind, subject=subject, metric=metric, period=period, change=change, min_yuan=min_yuan,
            max_yuan=max_yuan, source=source, since=since, until=until, limit=limit,
        )
    except FiguresError as exc:
        raise CgpnError(str(exc), hint="create it with cgpn import, or pass --db") from None
    if as_json:
        for f in rows:
            click.echo(json.dumps(f, ensure_ascii=False))
    elif as_csv:
        click.echo(render_csv(rows), nl=False)
    else:
        click.echo(render_table(rows))
    if limit is not None and len(rows) == limit:
        click.echo(f"(first {limit} figures; --limit N for more)", err=True)
