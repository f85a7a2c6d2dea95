"""``cgpn figures``: the archive's figures filtered by kind, place, metric, period and amount."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

import click

from cgpn.errors import CgpnError
from cgpn.options import date_range_options, db_option, limit_option, output_options, source_option
from cgpn.wording import plural

KINDS = ("money", "percent", "points", "count", "area", "duration", "weight")
# (header, width, cut): a column that may not be cut (numbers, dates) is widened to its widest cell.
TABLE = (("date", 10, False), ("subject", 12, True), ("period", 9, False), ("metric", 14, True),
         ("figure", 16, False), ("yuan", 15, False), ("title", 30, True))
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


def yuan(value: float) -> str:
    """An amount in yuan as a reader takes it in: in 亿 or 万 with the unit, every digit kept.

    >>> yuan(3.39e12), yuan(150773800), yuan(19559600.0), yuan(8500), yuan(0.5), yuan(1.2345678901234568e16)
    ('33,900亿', '1.507738亿', '1,955.96万', '8,500元', '0.5元', '123,456,789.01234568亿')
    """
    from archive.figures import yuan_parts

    number, scale = yuan_parts(value, grouped=True)
    return number + (scale or "元")


def _row(f: dict[str, Any]) -> list[str]:
    return [
        (f["published_at"] or "")[:10], f["subject"] or "", f["period"] or "", f["metric"] or "", f["surface"],
        "" if f["value_yuan"] is None else yuan(f["value_yuan"]), f["title"] or "",
    ]


def render_table(figures: list[dict[str, Any]]) -> str:
    """One line per figure under a header, columns aligned for CJK text; numbers and dates are never cut."""
    rows = [_row(f) for f in figures]
    widths = [width if cut else max([width, *(_width(r[i]) for r in rows)]) for i, (_, width, cut) in enumerate(TABLE)]
    return "\n".join("  ".join(_cell(v, w) for v, w in zip(cells, widths)).rstrip()
                     for cells in [[name for name, _, _ in TABLE], *rows])


def render_csv(figures: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(figures)
    return buf.getvalue()


@click.command("figures")
@click.option("--kind", type=click.Choice(KINDS), help="Only figures of this kind.")
@click.option("--subject", help="Place the figure belongs to; a prefix (广州 or 廣州 finds 广州市).")
@click.option("--metric", help="What was measured; any part (交易额 or 交易額 finds 平台交易额).")
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
    from archive.figures import FiguresError, query_figures

    try:
        rows = query_figures(
            db_path, kind=kind, subject=subject, metric=metric, period=period, change=change, min_yuan=min_yuan,
            max_yuan=max_yuan, source=source, since=since, until=until, limit=limit,
        )
    except FiguresError as exc:
        raise CgpnError(str(exc), hint="is it a cgpn archive? Pass another --db") from None
    if as_json:
        for f in rows:
            click.echo(json.dumps(f, ensure_ascii=False))
    elif as_csv:
        click.echo(render_csv(rows), nl=False)
    elif rows:
        click.echo(render_table(rows))
    if not rows:
        click.echo("No figure matches these filters.", err=True)
    elif limit is not None and len(rows) == limit:
        click.echo(f"(first {plural(limit, 'figure')}; --limit N for more)", err=True)
