"""Figures as the extractor writes them, saved into a real archive with its series kept current (series tests)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from archive import Archive
from archive.series import update_series

SCALE = {"亿元": 1e8, "万元": 1e4, "元": 1}


def fig(surface: str, metric: str | None, subject: str | None, period: str | None, *, kind: str = "money",
        approx: str | None = None, **extra: Any) -> dict[str, Any]:
    """A figure record as the extractor writes it (value and value_yuan from the surface, value_yuan exact
    as the extractor computes it: 8.13亿元 is 813000000, not 8.13 * 1e8 = 813000000.0000001)."""
    number = "".join(c for c in surface if c.isdigit() or c == ".")
    unit = next((u for u in SCALE if surface.endswith(u)), "%" if surface.endswith("%") else None)
    value = float(number)
    figure = {"surface": surface, "kind": kind, "value": value, "unit": unit, "approx": approx,
              "value_yuan": float(Decimal(number) * Decimal(SCALE[unit])) if kind == "money" else None, "metric": metric, "subject": subject,
              "period": period, "base_value": None if kind == "money" else value, "base_unit": None if kind == "money" else unit}
    return {**figure, **extra}


def save(arc: Archive, n: int, figures: list[dict[str, Any]], published: str = "2024-03-01T09:00:00+08:00") -> int:
    cid, _ = arc.add_capture(f"/x/{n}.txt", "file", f"{n}{figures}".encode())
    record = {"title": f"article {n}", "body": "…", "source": "file", "path": f"/x/{n}.txt", "published_at": published,
              "figures": figures}
    article_id, _ = arc.save_article(cid, record, "1")
    update_series(arc, [article_id])
    return article_id
