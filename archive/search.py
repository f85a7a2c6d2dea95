"""Full-text search over the archive: safe FTS5 queries, bm25 ranking, snippets.

A user query is folded and segmented like the indexed text (see
:mod:`archive.fts`) and turned into an FTS5 expression in which every word
is quoted, so FTS syntax typed by a user (``"``, ``*``, ``NEAR``, ``-``,
parentheses, a lone quote) can never raise:

>>> match_expression("832平台")
'("832" AND "平台")'
>>> match_expression('PPP OR "乡村 振兴" -廣州')
'("ppp" OR NEAR("乡村" "振兴", 3)) NOT ("广州")'

Only ``raw=True`` passes FTS5 syntax through (Chinese runs still segmented);
then a malformed query raises :class:`QuerySyntaxError`.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

from archive.db import ArchiveError
from archive.fts import HAN_RUN, fold, sub_words, words

HIGHLIGHT = ("«", "»")  # marks a match inside a snippet
TITLE_WEIGHT, SUBTITLE_WEIGHT, BODY_WEIGHT = 10.0, 5.0, 1.0
RANK_WINDOW = 5000  # bm25 ranks at most this many matches, the most recently added

# A quoted phrase ("…" or “…”), or a bare chunk up to the next space, quote or parenthesis.
_CLAUSE = re.compile(r'"([^"]*)"|“([^”]*)”|([^\s"“”()]+)')
_NEAR_GROUP = re.compile(r"\bNEAR\s*\(([^()]*?)(?:,\s*\d+\s*)?\)")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# One-character function words: dropped from a query that has other words (they match every article).
_STOP = set("的了和与及或在是对等为以于之而并也其")


class QuerySyntaxError(ValueError):
    """A raw FTS5 query that SQLite cannot parse."""


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _content_words(text: str) -> list[str]:
    """The words of ``text`` without one-character function words, unless that leaves none.

    >>> _content_words("政府和社会资本合作")
    ['政府和社会资本合作']
    >>> _content_words("广州的采购"), _content_words("和")
    (['广州', '采购'], ['和'])
    """
    ws = words(fold(text))
    return [w for w in ws if w not in _STOP] or ws


def _phrase(text: str, inside: bool) -> str | None:
    """A quoted phrase: its words close together (NEAR allows jieba's sub-words between them)."""
    ws = _content_words(text)
    if len(ws) < 2:
        return _word(ws[0], inside) if ws else None
    return "NEAR(" + " ".join(map(_quote, ws)) + f", {3 * (len(ws) - 1)})"


def _word(word: str, inside: bool = True) -> str:
    """One query word, or (``inside``) else all the dictionary words inside it, as it may sit in a longer indexed word.

    >>> _word("特区政府")
    '("特区政府" OR ("特区" AND "区政" AND "政府" AND "区政府"))'
    >>> _word("特区政府", inside=False)
    '"特区政府"'
    """
    subs = sub_words(word) if inside else []
    if not subs:
        return _quote(word)
    return f"({_quote(word)} OR (" + " AND ".join(map(_quote, subs)) + "))"


def _bare(chunk: str, inside: bool) -> str | None:
    """A bare chunk: all of its words, anywhere; a trailing ``*`` makes the last one a prefix."""
    ws = _content_words(chunk)
    if not ws:
        return None
    quoted = [_word(w, inside) for w in ws]
    if chunk.endswith("*"):
        quoted[-1] = _quote(ws[-1]) + "*"
    return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"


def _clauses(query: str, inside: bool) -> tuple[list[list[str]], list[str]]:
    """Split ``query`` into OR-groups of positive clauses and a list of excluded clauses."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = pending_not = False
    for match in _CLAUSE.finditer(_NEAR_GROUP.sub(r" \1 ", query)):
        quoted, curly, bare = match.groups()
        if bare is not None:
            operator = bare.rstrip("*")
            if operator in _OPERATORS:
                pending_or, pending_not = operator == "OR", operator == "NOT"
                continue
            negate = pending_not or (bare.startswith("-") and len(bare) > 1)
            clause = _bare(bare.lstrip("-"), inside)
        else:
            negate = pending_not
            clause = _phrase(quoted if quoted is not None else curly, inside)
        if clause is None:
            continue
        if negate:
            excluded.append(clause)
        elif pending_or and groups:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or = pending_not = False
    return groups, excluded


def _raw_expression(query: str) -> str:
    """``query`` as FTS5 syntax, its Chinese runs folded and split into words."""
    spaced = HAN_RUN.sub(lambda m: " " + " ".join(words(fold(m.group()))) + " ", query)
    return " ".join(spaced.split())


def check_raw(expression: str) -> None:
    """Raise :class:`QuerySyntaxError` unless FTS5 can parse ``expression``.

    >>> check_raw("NEAR(乡村 振兴, 5)")
    >>> check_raw("(乡村 AND")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    QuerySyntaxError: fts5: syntax error near ""
    """
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE q USING fts5(title, subtitle, body)")
        conn.execute("SELECT * FROM q WHERE q MATCH ?", (expression,)).fetchall()
    except sqlite3.OperationalError as e:
        raise QuerySyntaxError(str(e)) from None
    finally:
        conn.close()


def match_expression(query: str, raw: bool = False, inside_words: bool = True) -> str:
    """The FTS5 MATCH string for a user ``query``; ``""`` when nothing is searchable.

    Space-separated chunks must all occur (their words anywhere in the
    article); ``"quoted text"`` must occur as a phrase; ``OR`` between two
    chunks accepts either; ``-chunk`` or ``NOT chunk`` excludes. A word also
    matches inside a longer indexed word unless ``inside_words`` is false.

    >>> match_expression('PPP (NEAR* "')
    '"ppp"'
    >>> match_expression('NEAR(乡村 融资, 5)')
    '"乡村" AND "融资"'
    >>> match_expression('-only -excluded')
    ''
    >>> match_expression("832平臺 NOT title:廣州", raw=True)
    '832 平台 NOT title: 广州'
    """
    query = unicodedata.normalize("NFKC", query)
    if raw:
        expression = _raw_expression(query)
        check_raw(expression)
        return expression
    groups, excluded = _clauses(query, inside_words)
    if not groups:
        return ""
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    if not excluded:
        return positive
    if len(groups) > 1:
        positive = f"({positive})"
    return f"{positive} NOT ({' OR '.join(excluded)})"


def highlight_terms(query: str) -> list[str]:
    """The folded words of ``query`` (and the words inside them) to highlight in a snippet, longest first.

    >>> highlight_terms('"832平台" OR 廣州市 -PPP')
    ['832', '广州市', '平台', '广州', '州市']
    """
    query = unicodedata.normalize("NFKC", query)
    terms: list[str] = []
    for match in _CLAUSE.finditer(query):
        quoted, curly, bare = match.groups()
        chunk = bare if bare is not None else (quoted if quoted is not None else curly)
        if bare is not None and (bare.rstrip("*") in _OPERATORS or bare.startswith("-")):
            continue
        for word in words(fold(chunk)):
            terms += [word, *sub_words(word)]
    return sorted(dict.fromkeys(terms), key=len, reverse=True)


def snippet(text: str, terms: list[str], width: int = 80) -> str:
    """About ``width`` characters of ``text`` around its best cluster of ``terms``, matches marked.

    >>> snippet("统计显示，全市预算单位通过“832平台”完成交易额15077.38万元。", ["832", "平台"], width=20)
    '…单位通过“«832»«平台»”完成交易额1507…'
    """
    text = " ".join(text.split())
    folded = fold(text)
    if len(folded) != len(text):  # folding changed lengths: show the folded text so offsets agree
        text = folded
    spans: list[tuple[int, int]] = []
    if terms:
        pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
        spans = [m.span() for m in pattern.finditer(folded)]
    if not spans:
        return text[:width] + ("…" if len(text) > width else "")
    start = _best_window(folded, spans, width)
    end = min(len(text), start + width)
    out, pos = [], start
    for s, e in spans:
        if s >= pos and e <= end:
            out += [text[pos:s], HIGHLIGHT[0], text[s:e], HIGHLIGHT[1]]
            pos = e
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the existing archive at ``path`` (searching never creates one)."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"no archive at {path}")
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _best_window(folded: str, spans: list[tuple[int, int]], width: int) -> int:
    """Start of the ``width`` window holding the most distinct matched terms (a match a little way in)."""
    lead = width // 4
    counts: collections.Counter[str] = collections.Counter()
    best, best_start, lo, hi = 0, 0, 0, 0
    for s, _ in spans:
        start = max(0, s - lead)
        while hi < len(spans) and spans[hi][1] <= start + width:
            counts[folded[slice(*spans[hi])]] += 1
            hi += 1
        while lo < hi and spans[lo][0] < start:
            term = folded[slice(*spans[lo])]
            counts[term] -= 1
            if not counts[term]:
                del counts[term]
            lo += 1
        if len(counts) > best:
            best, best_start = len(counts), start
    return best_start


def _next_day(date: str) -> str:
    return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=1)).isoformat()


def _ranked(
    conn: sqlite3.Connection, expression: str, filters: list[tuple[str, str]], limit: int, window: int | None
) -> list[tuple]:
    """Rows (id, title, subtitle, published_at, source, url, path, body, score) of the best matches."""
    join = "JOIN articles a ON a.id = articles_fts.rowid" if filters else ""
    sql = f"""
        WITH matches AS (
            SELECT articles_fts.rowid AS id, bm25(articles_fts, {TITLE_WEIGHT}, {SUBTITLE_WEIGHT}, {BODY_WEIGHT}) AS score
            FROM articles_fts {join}
            WHERE articles_fts MATCH ? {''.join(' AND ' + clause for clause, _ in filters)}
            ORDER BY articles_fts.rowid DESC LIMIT ?
        ), hits AS (SELECT id, score FROM matches ORDER BY score LIMIT ?)
        SELECT a.id, a.title, a.subtitle, a.published_at, a.source, a.url, a.path, a.body, -hits.score
        FROM hits JOIN articles a ON a.id = hits.id ORDER BY hits.score
    """
    params = [expression, *(value for _, value in filters), -1 if window is None else window, limit]
    return conn.execute(sql, params).fetchall()


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int = 20,
    raw: bool = False,
    window: int | None = RANK_WINDOW,
) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first (bm25, title counting most).

    ``since``/``until`` are inclusive dates (``2022-02-14``). Each hit is a
    dict: id, title, subtitle, published_at, source, url, path, snippet
    (matches between « and ») and score (higher is better).

    The query's words are looked up as indexed words first; only when that
    finds fewer than ``limit`` articles are words inside longer indexed words
    searched too (特区政府 in 香港特区政府), which costs scans of common words.
    bm25 ranks the ``window`` most recently added matching articles (highest
    ids), which is all of them unless the query is very broad: ranking every
    one of 100,000 matches would cost a second. ``window=None`` ranks all.
    """
    filters = [
        (clause, value)
        for clause, value in (
            ("a.published_at >= ?", since),
            ("a.published_at < ?", until and _next_day(until)),
            ("a.source = ?", source),
        )
        if value is not None
    ]
    rows: list[tuple] = []
    tried = set()
    for inside in (False, True):
        expression = match_expression(query, raw=raw, inside_words=inside)
        if not expression or expression in tried:
            continue
        tried.add(expression)
        try:
            rows = _ranked(conn, expression, filters, limit, window)
        except sqlite3.OperationalError as e:
            if raw and "fts5" in str(e):
                raise QuerySyntaxError(str(e)) from None
            raise
        if len(rows) >= limit:
            break
    terms = highlight_terms(query)
    return [
        {
            "id": id_,
            "title": title,
            "subtitle": subtitle,
            "published_at": published_at,
            "source": src,
            "url": url,
            "path": path,
            "snippet": snippet(body, terms),
            "score": round(score, 4),
        }
        for id_, title, subtitle, published_at, src, url, path, body, score in rows
    ]


def figures_of(conn: sqlite3.Connection, article_ids: list[int], kind: str = "money") -> dict[int, list[dict]]:
    """The ``kind`` figures of each article, in reading order: ``{article_id: [figure, …]}``."""
    found: dict[int, list[dict]] = {i: [] for i in article_ids}
    if not article_ids:
        return found
    marks = ",".join("?" * len(article_ids))
    cursor = conn.execute(
        f"""SELECT article_id, surface, value_yuan, metric, subject, period FROM figures
            WHERE kind = ? AND article_id IN ({marks}) ORDER BY article_id, seq""",
        [kind, *article_ids],
    )
    for article_id, surface, value_yuan, metric, subject, period in cursor:
        found[article_id].append(
            {"surface": surface, "value_yuan": value_yuan, "metric": metric, "subject": subject, "period": period}
        )
    return found
