"""The records extractors produce: an :class:`Article` and its :class:`Figure` list.

Both are plain dataclasses; ``to_dict()`` gives the JSON shape printed by
``cgpn extract --json`` (one object per line) and stored by ``archive``.

>>> f = Figure(surface="1955.96万元", kind="money", value=1955.96, unit="万元", value_yuan=19559600)
>>> f.to_dict()["value_yuan"]
19559600
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


@cache
def _names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once (``to_dict`` runs for every figure of every article)."""
    return tuple(f.name for f in fields(cls))


@dataclass
class Figure:
    """One figure reported by an article, e.g. ``15077.38万元`` of 交易额.

    ``surface`` is an exact substring of the field it came from (``body``,
    ``title`` or ``subtitle``) at ``start:end``. ``period`` is ``2021``,
    ``2021-H1``, ``2021-Q3``, ``2021-06`` (one month), or a range
    ``2021-01..2021-07`` (year to date), ``2021..2024`` (several years).
    """

    surface: str
    kind: str  # money, percent, points, count, area, duration, weight
    value: float
    unit: str
    value_yuan: float | None = None  # money only; an int when whole
    approx: str | None = None  # 余/多/近/逾/超/约/左右/以上/以下/不到
    range_to: float | None = None
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    field: str = "body"
    is_total: bool = False
    base_value: float | None = None  # the value in base units, every kind: 6.3万家 → 63000 (家), 1.2亿元 → 120000000
    base_unit: str | None = None  # 元, 家, 亩, %, …: ``unit`` without its scale (万家 → 家)
    change: bool = False  # a change (比上年增加3120.55万元, 增长15.6%), not a level
    base_period: str | None = None  # what a change is measured against: 比上年 → the year before ``period``
    parent: int | None = None  # index (in the article's figures) of the figure this one is part of (其中…)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _names(type(self))}


@dataclass
class Article:
    """A clean article record (see DESIGN.md, "The record")."""

    title: str = ""
    body: str = ""
    source: str = "file"
    path: str | None = None
    url: str | None = None
    info_code: str | None = None
    subtitle: str | None = None
    column: str | None = None
    author: str | None = None
    published_at: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None
    body_original: str | None = None
    script: str = "hans"
    repairs: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str | None = None  # jekyll, html, epaper, text
    encoding: str | None = None  # how the bytes were decoded

    def to_dict(self) -> dict[str, Any]:
        """Plain data (lists copied, so the dict can be changed without touching the article)."""
        d = {name: getattr(self, name) for name in _names(type(self))}
        d["tags"], d["repairs"], d["warnings"] = list(self.tags), list(self.repairs), list(self.warnings)
        d["figures"] = [f.to_dict() for f in self.figures]
        return d

    def add_repair(self, name: str) -> None:
        if name not in self.repairs:
            self.repairs.append(name)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
