"""Datasette plugin for cgpn archives: Chinese search in SQL, bundled metadata, canned queries, a year facet.

Registered through the ``datasette`` entry point (``cgpn = archive.datasette_plugin``),
so ``datasette archive.db`` picks it up once cgpn is installed; ``cgpn serve``
uses :func:`make_datasette`. It adds, on every connection:

- ``cgpn_match(query)``: the safe FTS5 expression of a user query, segmented like the index,
  for ``WHERE articles_fts MATCH cgpn_match(:q)``;
- ``cgpn_snippet(text, query)``: a snippet of ``text`` with the matches marked « »
  (rendered as ``<mark>`` in HTML);
- ``cgpn_fold(text)``: text folded like the index (NFKC, simplified, lower-case);
- ``cgpn_html``, ``cgpn_link``, ``cgpn_url``, ``cgpn_amount``: escaped HTML, links, query URLs
  and amounts (5.82亿元) for the facts dashboard's tables (:mod:`archive.dashboard`).

With datasette-dashboards installed (a dependency of cgpn), ``/-/dashboards/facts`` is the facts
dashboard over the ``series`` table (:func:`archive.dashboard.dashboards`).

>>> cgpn_match("832平臺"), cgpn_match("()")
('("832" AND "平台")', '""')
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from markupsafe import Markup, escape

from archive.dashboard import SQL_FUNCTIONS, dashboards
from archive.fts import fold
from archive.search import BODY_WEIGHT, HIGHLIGHT, RANK_WINDOW, SUBTITLE_WEIGHT, TITLE_WEIGHT, highlight_terms, match_expression, snippet

if TYPE_CHECKING:  # datasette.app imports the plugins, and so this module: import it lazily
    from datasette.app import Datasette

ARCHIVE_TABLES = {"articles", "articles_fts", "figures"}
log = logging.getLogger("archive.datasette")
PLUGIN_NAME = "cgpn"


def cgpn_match(query: str | None) -> str:
    """``match_expression`` for SQL: ``'""'`` (matches nothing) instead of an empty expression."""
    return match_expression(query or "") or '""'


def cgpn_snippet(text: str | None, query: str | None) -> str | None:
    return None if text is None else snippet(text, highlight_terms(query or ""))


@functools.cache
def bundled_metadata() -> dict[str, Any]:
    """archive/metadata.json: titles, descriptions, facets, sort orders and units of the archive's tables."""
    return json.loads(resources.files("archive").joinpath("metadata.json").read_text(encoding="utf-8"))


@functools.cache
def _tables(path: str, mtime: float) -> frozenset[str]:
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master"))
        finally:
            conn.close()
    except sqlite3.Error:
        return frozenset()


def is_archive(path: str | Path, having: frozenset[str] = frozenset()) -> bool:
    """True when ``path`` is a cgpn archive: an SQLite file holding the archive's tables (and ``having``)."""
    return Path(path).is_file() and ARCHIVE_TABLES | having <= _tables(str(path), Path(path).stat().st_mtime)


def archive_databases(datasette: Datasette, *, having: frozenset[str] = frozenset()) -> list[str]:
    """Names of the attached databases that are cgpn archives (and have the tables ``having``)."""
    return [name for name, db in datasette.databases.items() if db.path and is_archive(db.path, having)]


SEARCH_SQL = f"""with matches as (
  select a.id, bm25(articles_fts, {TITLE_WEIGHT}, {SUBTITLE_WEIGHT}, {BODY_WEIGHT}) as bm25
  from articles_fts join articles a on a.id = articles_fts.rowid
  where articles_fts match cgpn_match(:q)
    and (:source = '' or a.source = :source)
    and (:since = '' or a.published_at >= :since)
    and (:until = '' or substr(a.published_at, 1, 10) <= :until)
  order by articles_fts.rowid desc limit {RANK_WINDOW}
)
select a.id, substr(a.published_at, 1, 10) as date, a.title, a.source,
  coalesce(a.url, a.path) as location, cgpn_snippet(a.body, :q) as snippet, round(-m.bm25, 3) as score
from (select * from matches order by bm25 limit 100) m join articles a on a.id = m.id
order by m.bm25"""

CANNED_QUERIES = {
    "search_articles": {
        "title": "检索文章 Search articles",
        "description": "中文全文检索，简繁通用；空格分隔的词须全部出现，\"引号\"为短语，OR 表示或，-词 表示排除。"
        "Full-text search in Chinese (simplified or traditional): words separated by spaces must all occur, "
        "\"quoted text\" is a phrase, OR accepts either, -word excludes. source, since and until "
        f"(YYYY-MM-DD) may stay empty. bm25 ranks the latest {RANK_WINDOW} matches.",
        "sql": SEARCH_SQL,
    },
    "money_by_subject_and_year": {
        "title": "按主体与年份汇总金额 Money figures by subject and year",
        "description": "每个主体每年的金额数字：条数、文章数、标题/总数数字之和与最大值（元）。"
        "Money figures per subject and year (the year the period starts in, else the article's year): how many, in how many "
        "articles, the sum of headline/total figures and the largest figure, in yuan.",
        "sql": """select coalesce(subject, '(unknown)') as subject,
  substr(coalesce(period, published_at), 1, 4) as year,
  count(*) as figures, count(distinct article_id) as articles,
  sum(case when is_total then value_yuan end) as total_yuan,
  max(value_yuan) as largest_yuan
from figures_view
where kind = 'money' and value_yuan is not null
group by 1, 2
order by year desc, total_yuan desc""",
    },
    "largest_figures": {
        "title": "最大金额 Largest money figures",
        "description": "金额最大的数字及其文章。The largest money figures, with their articles.",
        "sql": """select value_yuan, surface, metric, subject, period, substr(published_at, 1, 10) as date,
  title, source, location, sentence
from figures_view
where kind = 'money' and value_yuan is not null
order by value_yuan desc
limit 100""",
    },
}

LATEST_CRAWL_RUNS = {
    "title": "最近的抓取 Latest crawl runs",
    "description": "最近的抓取记录：开始、结束、来源、抓取、新增、变更、失败。The latest crawl runs: start, end, source, fetched, new, changed, failed.",
    "sql": "select * from crawl_runs order by id desc limit 50",
}


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("cgpn_match", 1, cgpn_match, deterministic=True)
    conn.create_function("cgpn_snippet", 2, cgpn_snippet, deterministic=True)
    conn.create_function("cgpn_fold", 1, lambda text: None if text is None else fold(text), deterministic=True)
    for name, (arity, function) in SQL_FUNCTIONS.items():
        conn.create_function(name, arity, function, deterministic=True)


@hookimpl
def canned_queries(datasette: Datasette, database: str) -> Any:
    async def inner() -> dict[str, Any]:
        tables = await datasette.get_database(database).table_names()
        if not ARCHIVE_TABLES <= set(tables):
            return {}
        return {**CANNED_QUERIES, "latest_crawl_runs": LATEST_CRAWL_RUNS}

    return inner


@hookimpl
def get_metadata(datasette: Datasette) -> dict[str, Any]:
    meta = bundled_metadata()
    top = {k: v for k, v in meta.items() if k != "tables"}
    names = archive_databases(datasette)
    with_series = archive_databases(datasette, having=frozenset({"series"}))  # an archive older than migration 7 has none
    plugins = {"datasette-dashboards": dashboards(with_series, datasette.setting("base_url"))} if with_series else {}
    return {**top, "databases": {name: {"tables": meta["tables"]} for name in names}, "plugins": plugins}


@hookimpl
def render_cell(value: Any, column: str) -> Markup | None:
    """Show a « »-marked snippet with ``<mark>`` highlights."""
    if column != "snippet" or not isinstance(value, str) or HIGHLIGHT[0] not in value:
        return None
    start, end = (str(escape(m)) for m in HIGHLIGHT)
    return Markup(str(escape(value)).replace(start, "<mark>").replace(end, "</mark>"))


class YearFacet(Facet):
    """Facet an ISO date column by year: ``{"year": "published_at"}`` in metadata, or ``?_facet_year=published_at``."""

    type = "year"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        pairs = self.get_querystring_pairs()
        size = self.get_facet_size()
        for config in (c["config"] for c in self.get_configs()):
            column = config.get("column") or config["simple"]
            year = f"substr({escape_sqlite(column)}, 1, 4)"
            sql = (
                f"select {year} as value, count(*) as count from ({self.sql}) "
                f"where {year} glob '[0-9][0-9][0-9][0-9]' group by 1 order by 1 desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database, sql, self.params, truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            arg = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = (arg, row["value"]) in pairs
                toggle = (path_with_removed_args if selected else path_with_added_args)(self.request, {arg: row["value"]})
                values.append({
                    "value": row["value"], "label": row["value"], "count": row["count"], "selected": selected,
                    "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle)),
                })
            results.append({
                "name": column, "type": self.type, "hideable": False, "results": values,
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_year": column})),
                "truncated": len(rows) > size,
            })
        return results, timed_out


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [YearFacet]


@hookimpl(tryfirst=True)
def handle_exception(datasette: Datasette, request: Any, exception: Exception) -> None:
    """Log one line for an error Datasette raises on purpose (404, 400, a bad ``?_sort=``): status,
    request and message. Datasette's own handler renders the page (and prints a traceback of each
    error with its variables through rich, which ``cgpn serve`` silences)."""
    status = getattr(exception, "status", None)
    if isinstance(status, int):
        message = getattr(exception, "message", None) or (exception.args[0] if exception.args else type(exception).__name__)
        log.warning("%s %s %s: %s", status, request.method, request.path, message)


def register() -> None:
    """Register this plugin unless Datasette already loaded it (through the entry point or earlier)."""
    from datasette.plugins import pm

    import archive.datasette_plugin as module

    if not pm.is_registered(module) and pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(module, name=PLUGIN_NAME)


def make_datasette(db_path: str | Path, **settings: Any) -> Datasette:
    """A read-only Datasette over the archive at ``db_path`` (opened immutable), with this plugin."""
    from datasette.app import Datasette

    register()
    return Datasette(immutables=[str(db_path)], settings=settings or None)
