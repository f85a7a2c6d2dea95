"""The facts dashboard of ``cgpn serve``: datasette-dashboards configuration built over the ``series`` table.

datasette-dashboards (a maintained plugin, bundling Vega, Vega-Lite and vega-embed, so nothing
is loaded from a CDN) draws charts from SQL queries and Vega-Lite specs in the metadata's
``plugins`` section; :func:`dashboards` writes that section for each archive database. Filters
are ``subject`` (a place or its prefix, 广西; traditional works too), ``metric`` (a canonical metric, 政府采购规模 when
empty) and ``period`` (a year or period prefix). Every point of every chart links to the
figures behind it (``figures_view?id__in=…``), and each chart's page links to its SQL and rows.

>>> board = dashboards(["archive"], "/")["facts"]
>>> sorted(board["charts"])
['intro', 'latest', 'national', 'place', 'points', 'provinces', 'saving-rate']
>>> board["charts"]["national"]["db"]
'archive'
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlencode

from archive.series import amount, written

DEFAULT_METRIC = "政府采购规模"
SAVING_RATE = "资金节约率"
NOT_CHARACTER = "char(1114111)"  # sorts after every character: [x, x || it) holds the strings starting with x


def cgpn_html(text: Any) -> str:
    """Text as HTML (datasette-dashboards puts table cells in as HTML).

    >>> cgpn_html("<b>广州</b>"), cgpn_html(None)
    ('&lt;b&gt;广州&lt;/b&gt;', '')
    """
    return "" if text is None else html.escape(str(text))


def cgpn_link(href: str | None, text: Any) -> str:
    """An HTML link to ``href`` (a local path or an http(s) URL), else the text alone, both escaped.

    >>> cgpn_link("/archive/articles/3", "标题"), cgpn_link("javascript:alert(1)", "x"), cgpn_link("/x.txt", None)
    ('<a href="/archive/articles/3">标题</a>', 'x', '<a href="/x.txt">/x.txt</a>')
    """
    label = cgpn_html(href if text is None else text)
    if not href or not (href.startswith(("http://", "https://")) or (href.startswith("/") and not href.startswith("//"))):
        return label
    return f'<a href="{html.escape(href)}">{label}</a>'


def cgpn_url(path: str, *pairs: Any) -> str:
    """``path`` with a query string of the (name, value) pairs, values encoded; pairs with an empty value left out.

    >>> cgpn_url("/archive/figures_view", "id__in", "3,7", "period", None)
    '/archive/figures_view?id__in=3%2C7'
    """
    args = [(str(k), str(v)) for k, v in zip(pairs[::2], pairs[1::2]) if v not in (None, "")]
    return path + ("?" + urlencode(args) if args else "")


SQL_FUNCTIONS = {"cgpn_html": (1, cgpn_html), "cgpn_link": (2, cgpn_link), "cgpn_url": (-1, cgpn_url),
                 "cgpn_amount": (3, amount), "cgpn_written": (2, written)}


def _filters(db: str) -> dict[str, Any]:
    return {
        "subject": {"name": "地区 Place (广西, 全国, 河池市东兰县 …)", "type": "text"},  # a prefix works: not a select
        "metric": {"name": f"指标 Metric (空：{DEFAULT_METRIC})", "type": "select", "db": db,
                   "query": "SELECT metric FROM series GROUP BY metric ORDER BY count(*) DESC, metric"},
        "period": {"name": "时期 Period (2023, 2023-H1 …)", "type": "text"},
    }


def _chosen() -> str:
    """CTEs ``pick`` (the metric) and ``place`` (the chosen place, else the province with the most points)."""
    fold = "cgpn_fold(:subject)"
    return f"""with pick as (select coalesce(nullif(:metric, ''), '{DEFAULT_METRIC}') as metric),
place as (select coalesce(
  (select subject from series, pick where subject = {fold} and series.metric = pick.metric limit 1),
  (select subject from series, pick where {fold} != '' and subject >= {fold} and subject < {fold} || {NOT_CHARACTER}
     and series.metric = pick.metric order by length(subject), subject limit 1),
  (select subject from series, pick where {fold} = '' and level = 'province' and period_type = 'year'
     and series.metric = pick.metric group by subject order by count(*) desc, subject limit 1)) as subject)"""


RECENT_ARTICLES = 500  # unfiltered, the latest money figures are looked for in this many of the latest articles
SHOWN_VALUES = 10  # a disagreeing point draws the values most articles report, this many at most (all are one click away)


def _points(prefix: str, where: str, tables: str = "series s, pick, place") -> str:
    """One chart row per point (a disagreeing point: one row per value reported, up to SHOWN_VALUES),
    in 亿元 for money, each with the link to its figures."""
    shown = "case when s.unit = '元' then {v} / 1e8 else {v} end"
    unit = "case when s.unit = '元' then '亿元' else s.unit end"
    figures = f"'{prefix}/figures_view'"
    return f"""select s.subject as subject, s.metric as metric, s.period as period, s.year as year,
  {shown.format(v='s.value')} as value, {unit} as unit,
  'agree' as reports, s.articles, cgpn_amount(s.value, s.unit, s.approx) as amount,
  cgpn_url({figures}, 'id__in', (select group_concat(value) from json_each(s.figure_ids)), '_sort_desc', 'published_at') as href
from {tables} where {where} and not s.conflict
union all
select s.subject, s.metric, s.period, s.year, {shown.format(v="json_extract(r.value, '$.value')")}, {unit},
  'disagree', json_array_length(json_extract(r.value, '$.article_ids')),
  cgpn_amount(json_extract(r.value, '$.value'), s.unit, json_extract(r.value, '$.approx')),
  cgpn_url({figures}, 'id__in', (select group_concat(value) from json_each(json_extract(r.value, '$.figure_ids'))), '_sort_desc', 'published_at')
from {tables}, json_each(s.reported) r where {where} and s.conflict and r.key < {SHOWN_VALUES}"""


EMBED = {"renderer": "svg", "actions": False}  # svg: every point is an element with its values (aria-label)
TOOLTIP = [{"field": "subject", "title": "地区"}, {"field": "period", "title": "时期"}, {"field": "amount", "title": "数值"},
           {"field": "articles", "title": "文章数"}, {"field": "reports", "title": "报道"}]
REPORT_COLORS = {"field": "reports", "title": "报道 reports",
                 "scale": {"domain": ["agree", "disagree"], "range": ["#1f77b4", "#d62728"]}}


MONEY_AXIS = "数值 value（金额：亿元 money: 100 million yuan）"


def _by_year(y_title: str = MONEY_AXIS, places: bool = False) -> dict[str, Any]:
    """Vega-Lite: a line through the agreed yearly points (one per place when ``places``), every value
    a point coloured by whether its articles agree, linking to its figures."""
    x = {"field": "year", "type": "ordinal", "title": "年份 year"}
    y = {"field": "value", "type": "quantitative", "title": y_title}
    place = {"field": "subject", "type": "nominal", "title": "地区 place"}
    line = {"x": x, "y": y, "color": {"value": "#7f7f7f"}, **({"strokeDash": place} if places else {})}
    dots = {"x": x, "y": y, "color": REPORT_COLORS, "href": {"field": "href"}, "tooltip": TOOLTIP,
            **({"shape": place} if places else {})}
    return {
        "usermeta": {"embedOptions": EMBED},
        "layer": [
            {"mark": {"type": "line", "point": False}, "transform": [{"filter": "datum.reports == 'agree'"}], "encoding": line},
            {"mark": {"type": "point", "filled": True, "size": 80, "cursor": "pointer"}, "encoding": dots},
        ],
    }


def _facts(db: str, prefix: str) -> dict[str, Any]:
    chosen = _chosen()
    year = "s.period_type = 'year'"
    period = "s.period >= :period and s.period < :period || " + NOT_CHARACTER
    charts: dict[str, Any] = {
        "intro": {"library": "markdown", "display": (
            "每个点是一个（地区、指标、时期）的数值，多篇文章报道相同数值时合为一点；数值不一致时每个数值各为一个红点，从不取平均。"
            "点击任一点，可看报道它的数字与文章。\n\n"
            "Each point is one place's metric in one period; articles that agree make one point, values that "
            "disagree are each drawn in red, never averaged. Click a point for the figures and articles behind it; "
            f"open a chart's title for its SQL and rows. All points: [series]({prefix}/series), "
            f"all figures: [figures_view]({prefix}/figures_view). On the command line: "
            "`cgpn series --subject 广西 --metric 脱贫地区农副产品采购额`.")},
        "national": {
            "title": "全国 · 所选指标逐年 National: the metric by year", "db": db, "library": "vega-lite",
            "query": f"{chosen}\n{_points(prefix, f's.subject = {chr(39)}全国{chr(39)} and s.metric = pick.metric and {year}')}\norder by year",
            "display": _by_year(),
        },
        "place": {
            "title": "所选地区 · 所选指标逐年 The chosen place: the metric by year", "db": db, "library": "vega-lite",
            "query": f"{chosen}\n{_points(prefix, f's.subject = place.subject and s.metric = pick.metric and {year}')}\norder by year",
            "display": _by_year(places=True),
        },
        "provinces": {
            "title": "各省最近一年 The provinces side by side, latest year (or the period chosen)", "db": db, "library": "vega-lite",
            "query": f"""{chosen},
latest as (select coalesce(nullif(:period, ''), (select max(s.period) from series s, pick
  where s.level = 'province' and {year} and s.metric = pick.metric)) as period)
{_points(prefix, "s.level = 'province' and s.metric = pick.metric and s.period = latest.period", "series s, pick, place, latest")}
order by value desc""",
            "display": {  # a bar per province whose articles agree, a red dot per value where they do not
                "usermeta": {"embedOptions": EMBED},
                "encoding": {
                    "y": {"field": "subject", "type": "nominal", "title": None,
                          "sort": {"field": "value", "op": "max", "order": "descending"}},
                    "x": {"field": "value", "type": "quantitative", "title": MONEY_AXIS},
                    "color": REPORT_COLORS, "href": {"field": "href"}, "tooltip": TOOLTIP,
                },
                "layer": [
                    {"mark": {"type": "bar", "cursor": "pointer"}, "transform": [{"filter": "datum.reports == 'agree'"}]},
                    {"mark": {"type": "point", "filled": True, "size": 80, "cursor": "pointer"},
                     "transform": [{"filter": "datum.reports == 'disagree'"}]},
                ],
            },
        },
        "saving-rate": {
            "title": f"{SAVING_RATE}逐年：全国与所选地区 The saving rate by year, national and the chosen place", "db": db,
            "library": "vega-lite",
            "query": f"""{chosen}
{_points(prefix, f"s.metric = '{SAVING_RATE}' and {year} and s.subject in ('全国', place.subject)")}
order by subject, year""",
            "display": _by_year("资金节约率 saving rate (%)", places=True),
        },
        "points": {
            "title": "所选地区的数据点 The points behind the place's chart", "db": db, "library": "table",
            "query": f"""{chosen}
select cgpn_html(s.period) as "时期 period",
  cgpn_html(coalesce(cgpn_amount(s.value, s.unit, s.approx), '—')) as "数值 value",
  cgpn_html(case when not s.conflict and lag(s.value) over w != 0
    then printf('%+.1f%%', 100.0 * (s.value - lag(s.value) over w) / lag(s.value) over w) else '' end)
    as "较上一时期 vs previous",
  cgpn_html(case when s.conflict then '不一致 disagree: ' || (select group_concat(
    cgpn_amount(json_extract(r.value, '$.value'), s.unit, json_extract(r.value, '$.approx')) || ' (' ||
    json_array_length(json_extract(r.value, '$.article_ids')) || ' 篇)', '; ') from json_each(s.reported) r where r.key < 5)
    || case when json_array_length(s.reported) > 5 then printf('; … %d values in all', json_array_length(s.reported)) else '' end
    else '' end) as "注 note",
  cgpn_link(cgpn_url('{prefix}/figures_view', 'id__in', (select group_concat(value) from json_each(s.figure_ids)),
    '_sort_desc', 'published_at'), s.articles || ' 篇 articles') as "来源 sources"
from series s, pick, place
where s.subject = place.subject and s.metric = pick.metric [[ and {period} ]]
window w as (partition by s.period_type order by s.year, s.period)
order by s.period_type != 'year', s.year, s.period""",
        },
        "latest": {
            "title": "最新的金额数字 The latest money figures, with their articles and sources", "db": db, "library": "table",
            # Without a filter, the latest articles hold the latest figures (an index on their date finds them);
            # with one, the filter's index finds the figures. One query has both branches, a filter switching them.
            "query": f"""with recent as (select id from articles order by published_at desc limit {RECENT_ARTICLES}),
hits as (
  select f.id from recent cross join figures f on f.article_id = recent.id
  where :subject = '' and :metric = '' and :period = '' and +f.kind = 'money' and f.change = 0
  union all
  select f.id from (select 1 where :subject != '' or :metric != '' or :period != '') as filtered
    cross join figures f left join series_figures sf on sf.figure_id = f.id  -- no row in filtered: no loop at all
  where +f.kind = 'money' and f.change = 0
    [[ and f.subject >= cgpn_fold(:subject) and f.subject < cgpn_fold(:subject) || {NOT_CHARACTER} ]]
    [[ and f.period >= :period and f.period < :period || {NOT_CHARACTER} ]]
    [[ and sf.metric = :metric ]])
select cgpn_html(substr(a.published_at, 1, 10)) as "日期 date", cgpn_html(f.subject) as "地区 place",
  cgpn_html(coalesce(sf.metric, f.metric)) as "指标 metric", cgpn_html(f.period) as "时期 period",
  cgpn_html(cgpn_written(f.surface, f.approx)) as "数字 figure", cgpn_link('{prefix}/articles/' || a.id, a.title) as "文章 article",
  case when a.url is null then '—' else cgpn_link(a.url, '来源 source') end as "来源 source"
from hits join figures f on f.id = hits.id join articles a on a.id = f.article_id left join series_figures sf on sf.figure_id = f.id
order by a.published_at desc, f.id
limit 20""",
        },
    }
    return {
        "title": "数字一览 Facts at a glance",
        "description": "各地政府采购主要指标的逐年数值，由报道它们的文章汇成。The paper's recurring figures by place and year, "
                       "each point gathered from the articles that report it.",
        "layout": [["intro", "intro"], ["national", "place"], ["provinces", "saving-rate"], ["points", "points"],
                   ["latest", "latest"]],
        "filters": _filters(db),
        "charts": charts,
    }


def dashboards(databases: list[str], base: str) -> dict[str, Any]:
    """The datasette-dashboards configuration: ``facts`` for the first archive, ``facts-<name>`` for others.
    ``base`` is the instance's path prefix (Datasette's ``base_url``)."""
    out = {}
    for n, db in enumerate(databases):
        out["facts" if n == 0 else f"facts-{db}"] = _facts(db, base.rstrip("/") + "/" + db)
    return out
