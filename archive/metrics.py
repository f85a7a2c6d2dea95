"""The canonical metrics (archive/metrics.toml) and the keys a figure is filed under in a series.

A figure's free metric name maps onto at most one canonical metric, as a whole phrase, so that
qualified metrics stay apart:

>>> canonical_metric("全省政府采购规模", "money"), canonical_metric("货物类采购规模", "money")
('政府采购规模', '货物类采购规模')
>>> canonical_metric("市本级政府采购规模", "money") is None, canonical_metric("政府采购规模", "percent") is None
(True, True)

Periods are kept as the extractor writes them, except that a whole year written as a month
range is the year; :func:`period_type` says what kind of period it is:

>>> normal_period("2023-01..2023-12"), period_type("2023"), period_type("2024-01..2024-07")
('2023', 'year', 'months')
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from archive.fts import fold

VOCABULARY = "metrics.toml"
_QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）]")


@dataclass(frozen=True)
class Metric:
    """One canonical metric of the vocabulary (its ``en`` line in the TOML is a note for the people who edit it)."""

    name: str
    kind: str
    names: re.Pattern[str]
    not_words: tuple[str, ...]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]

    def matches(self, phrase: str) -> bool:
        """Whether a normalised phrase (:meth:`Vocabulary.normal`) is this metric: one of its names
        as a whole, none of its ``not`` words."""
        return bool(self.names.fullmatch(phrase)) and not any(w in phrase for w in self.not_words)


@dataclass(frozen=True)
class Vocabulary:
    metrics: tuple[Metric, ...]
    lead: re.Pattern[str]
    digest: str  # of the file: series built with another vocabulary are rebuilt

    def canonical(self, metric: str | None, kind: str | None) -> str | None:
        """The canonical name of ``metric`` for a figure of ``kind``, or None."""
        if not metric or not kind:
            return None
        phrase = self.normal(metric)
        return next((entry.name for entry in self.metrics if entry.kind == kind and entry.matches(phrase)), None)

    def normal(self, metric: str) -> str:
        """``metric`` folded, without quotes, brackets and spaces, its leading words dropped.

        >>> vocabulary().normal("全省通过“832平台”完成交易额")
        '通过832平台完成交易额'
        """
        phrase = _QUOTES.sub("", fold(metric))
        while (m := self.lead.match(phrase)) and m.end() < len(phrase):
            phrase = phrase[m.end():]
        return phrase

    def get(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)


def parse_vocabulary(text: str) -> Vocabulary:
    """A :class:`Vocabulary` from the TOML text of archive/metrics.toml; ``ValueError`` when malformed."""
    data = tomllib.loads(text)
    metrics = []
    for entry in data.get("metric", []):
        try:
            names = re.compile("|".join(f"(?:{n})" for n in entry["names"]))
            metrics.append(Metric(
                entry["name"], entry["kind"], names, tuple(entry.get("not", ())),
                tuple(entry.get("examples", ())), tuple(entry.get("counterexamples", ())),
            ))
        except (KeyError, re.error) as exc:
            raise ValueError(f"metric {entry.get('name', '?')!r}: {exc}") from None
    seen = [m.name for m in metrics]
    if len(set(seen)) != len(seen):
        raise ValueError("a canonical metric is defined twice")
    lead = re.compile("(?:" + "|".join(sorted(map(re.escape, data.get("lead", [])), key=len, reverse=True)) + ")+")
    return Vocabulary(tuple(metrics), lead, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with cgpn (archive/metrics.toml)."""
    return parse_vocabulary(resources.files("archive").joinpath(VOCABULARY).read_text(encoding="utf-8"))


def canonical_metric(metric: str | None, kind: str | None) -> str | None:
    """:meth:`Vocabulary.canonical` of the shipped vocabulary."""
    return vocabulary().canonical(metric, kind)


def find_metric(text: str) -> Metric | None:
    """The canonical metric a user means by ``text``: its name, or any phrase that maps onto it.

    >>> find_metric("採購規模").name, find_metric("资金节约率").name, find_metric("交易额")
    ('政府采购规模', '资金节约率', None)
    """
    vocab = vocabulary()
    name = fold(text.strip())
    found = vocab.get(name)
    if found:
        return found
    phrase = vocab.normal(name)
    return next((m for m in vocab.metrics if m.matches(phrase)), None)


_YEAR_RANGE = re.compile(r"(\d{4})-01\.\.(\d{4})-12")
PERIOD_TYPES = (
    ("year", re.compile(r"\d{4}")),
    ("half", re.compile(r"\d{4}-H[12]")),
    ("quarter", re.compile(r"\d{4}-Q[1-4]")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("months", re.compile(r"\d{4}-\d{2}\.\.\d{4}-\d{2}")),  # year to date, or any run of months
    ("years", re.compile(r"\d{4}\.\.\d{4}")),
    ("cumulative", re.compile(r"\.\.\d{4}(?:-\d{2})?")),  # everything up to a date
)


def normal_period(period: str) -> str:
    """``period``, a whole year written as its months (2023-01..2023-12) written as the year."""
    m = _YEAR_RANGE.fullmatch(period)
    return m.group(1) if m and m.group(1) == m.group(2) else period


def period_type(period: str) -> str:
    """year, half, quarter, month, months, years, cumulative, or other.

    >>> [period_type(p) for p in ("2021-H1", "2021-Q3", "2021-06", "2021..2024", "..2023-12", "去年")]
    ['half', 'quarter', 'month', 'years', 'cumulative', 'other']
    """
    return next((name for name, pattern in PERIOD_TYPES if pattern.fullmatch(period)), "other")


def period_year(period: str) -> int | None:
    """The year a period ends in (the year of a yearly series point).

    >>> period_year("2021-H1"), period_year("2019..2021"), period_year("..2023-12"), period_year("去年")
    (2021, 2021, 2023, None)
    """
    years = re.findall(r"\d{4}", period)
    return int(years[-1]) if years else None


MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def place_level(subject: str) -> str:
    """``national`` (全国), ``province`` (a province-level name) or ``local``.

    Counties are written with their prefecture (河池市东兰县), cities alone (柳州市), so a
    province-level name is one that ends in 省 or 自治区, a municipality, or a special region.

    >>> [place_level(s) for s in ("全国", "广西壮族自治区", "贵州省", "重庆市", "柳州市", "河池市东兰县", "黔东南苗族侗族自治州")]
    ['national', 'province', 'province', 'province', 'local', 'local', 'local']
    """
    if subject == "全国":
        return "national"
    if subject in MUNICIPALITIES or re.fullmatch(r"[^市县]{2,8}(?:省|自治区|特别行政区)", subject):
        return "province"
    return "local"
