"""The archive's schema, created and migrated by code.

Each migration is a list of SQL statements; ``PRAGMA user_version`` records
how many have run, so opening an old archive brings it up to date.

>>> import sqlite3
>>> conn = sqlite3.connect(":memory:")
>>> migrate(conn) == len(MIGRATIONS)
True
>>> conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
True
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[list[str]] = [
    # 1: captures, articles, figures, full-text index
    [
        """CREATE TABLE captures (
            id INTEGER PRIMARY KEY,
            location TEXT NOT NULL,          -- URL or absolute file path
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,           -- zlib-compressed raw bytes (moved to capture_contents by 5)
            content_type TEXT,
            fetched_at TEXT NOT NULL,        -- ISO 8601, UTC
            status TEXT NOT NULL DEFAULT 'pending',  -- pending, ok, failed
            error TEXT,
            extractor_version TEXT,
            extracted_at TEXT,
            UNIQUE (location, sha256)
        )""",
        "CREATE INDEX captures_status ON captures (status)",
        "CREATE INDEX captures_sha256 ON captures (sha256)",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,        -- stable id: source + info_code/url/path
            capture_id INTEGER NOT NULL REFERENCES captures(id),
            source TEXT NOT NULL,
            path TEXT,
            url TEXT,
            info_code TEXT,
            title TEXT NOT NULL,
            subtitle TEXT,
            "column" TEXT,
            author TEXT,
            published_at TEXT,
            category TEXT,
            tags TEXT,                       -- JSON list
            publisher TEXT,
            body TEXT NOT NULL,
            body_original TEXT,
            script TEXT,
            repairs TEXT,                    -- JSON list
            warnings TEXT,                   -- JSON list
            format TEXT,
            encoding TEXT,
            extractor_version TEXT,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published_at ON articles (published_at)",
        "CREATE INDEX articles_source ON articles (source)",
        "CREATE INDEX articles_info_code ON articles (info_code)",
        """CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            surface TEXT NOT NULL,
            kind TEXT NOT NULL,
            value REAL,
            unit TEXT,
            value_yuan REAL,
            approx TEXT,
            range_to REAL,
            metric TEXT,
            subject TEXT,
            period TEXT,
            sentence TEXT,
            start INTEGER,
            "end" INTEGER,
            field TEXT,
            is_total INTEGER NOT NULL DEFAULT 0,
            UNIQUE (article_id, seq)
        )""",
        "CREATE INDEX figures_kind ON figures (kind)",
        "CREATE INDEX figures_subject ON figures (subject)",
        "CREATE INDEX figures_metric ON figures (metric)",
        "CREATE INDEX figures_period ON figures (period)",
        "CREATE INDEX figures_value_yuan ON figures (value_yuan)",
        # rowid = articles.id; columns hold jieba-segmented text (see archive.fts)
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, subtitle, body, tokenize='unicode61')",
        """CREATE VIEW figures_view AS
            SELECT f.id, f.article_id, a.title, a.published_at, a.source,
                   coalesce(a.url, a.path) AS location,
                   f.surface, f.kind, f.value, f.unit, f.value_yuan, f.approx, f.range_to,
                   f.metric, f.subject, f.period, f.is_total, f.field, f.sentence
            FROM figures f JOIN articles a ON a.id = f.article_id""",
    ],
    # 2: indexes for the common figure filters (cgpn figures, Datasette facets)
    [
        "CREATE INDEX figures_kind_value_yuan ON figures (kind, value_yuan)",
        "CREATE INDEX figures_subject_period ON figures (subject, period)",
        "CREATE INDEX figures_metric_period ON figures (metric, period)",
    ],
    # 3: crawl frontier with HTTP validators, and one row per crawl run (scraper, cgpn crawl)
    [
        """CREATE TABLE crawl_frontier (
            source TEXT NOT NULL,
            key TEXT NOT NULL,               -- scraper.Request.key: callback, method, URL, form
            request TEXT NOT NULL,           -- the request as JSON, to resume it
            leaf INTEGER NOT NULL,           -- 1: an article, fetched once
            state TEXT NOT NULL DEFAULT 'pending',  -- pending, done, failed (retried), dropped (refused)
            attempts INTEGER NOT NULL DEFAULT 0,  -- failed runs in a row
            error TEXT,
            etag TEXT,
            last_modified TEXT,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, key)
        )""",
        "CREATE INDEX crawl_frontier_state ON crawl_frontier (source, state)",
        """CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            fetched INTEGER NOT NULL DEFAULT 0,
            new INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            exit_code INTEGER,
            message TEXT
        )""",
    ],
    # 4: drop the one-column figure indexes that migration 2's pairs begin with: the pairs serve the
    # same lookups, and each index is one more random insert per figure (import cost grows with it)
    [
        "DROP INDEX figures_kind",
        "DROP INDEX figures_subject",
        "DROP INDEX figures_metric",
    ],
    # 5: raw bytes in their own table. Marking a capture extracted changes the size of its row, and
    # SQLite then writes the whole row again, overflow pages included: 18.9 KB of WAL for a 60 KB page
    # (17.8 KB compressed) instead of ~1 KB, so a crawl wrote its raw bytes twice (RESULTS-speed.md).
    [
        """CREATE TABLE capture_contents (
            capture_id INTEGER PRIMARY KEY REFERENCES captures(id) ON DELETE CASCADE,
            content BLOB NOT NULL            -- zlib-compressed raw bytes
        )""",
        "INSERT INTO capture_contents (capture_id, content) SELECT id, content FROM captures",
        "ALTER TABLE captures DROP COLUMN content",
    ],
    # 6: what a figure means beyond metric, subject and period: its value in base units (every kind),
    # whether it is a change and against which period, the figure it is part of (其中). Existing rows
    # get NULL/0 until `cgpn reextract` fills them (the extractor version changed with them).
    [
        "ALTER TABLE figures ADD COLUMN base_value REAL",
        "ALTER TABLE figures ADD COLUMN base_unit TEXT",
        "ALTER TABLE figures ADD COLUMN change INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE figures ADD COLUMN base_period TEXT",
        "ALTER TABLE figures ADD COLUMN parent INTEGER",  # seq of the figure it is part of, same article
        "DROP VIEW figures_view",
        """CREATE VIEW figures_view AS
            SELECT f.id, f.article_id, a.title, a.published_at, a.source,
                   coalesce(a.url, a.path) AS location,
                   f.surface, f.kind, f.value, f.unit, f.value_yuan, f.approx, f.range_to,
                   f.metric, f.subject, f.period, f.change, f.base_period, f.base_value, f.base_unit,
                   p.id AS parent_id, f.is_total, f.field, f.sentence
            FROM figures f JOIN articles a ON a.id = f.article_id
            LEFT JOIN figures p ON p.article_id = f.article_id AND p.seq = f.parent""",
    ],
    # 7: series (archive.series): one row per (subject, canonical metric, period) with the value the
    # articles report, or every value when they disagree; series_figures files each figure under its
    # key (rebuilt by `cgpn reextract`, kept current by import and crawl); series_state says which
    # vocabulary (archive/metrics.toml) built them; series_dirty holds the keys waiting to be recomputed.
    # Filled by the next `cgpn reextract`.
    [
        """CREATE TABLE series (
            subject TEXT NOT NULL,
            metric TEXT NOT NULL,            -- canonical metric (archive/metrics.toml)
            period TEXT NOT NULL,            -- 2023, 2023-H1, 2023-Q3, 2023-06, 2023-01..2023-07, 2021..2024, ..2023-12
            period_type TEXT NOT NULL,       -- year, half, quarter, month, months, years, cumulative, other
            year INTEGER,                    -- the year the period ends in
            level TEXT NOT NULL,             -- national (全国), province, local
            value REAL,                      -- in unit; NULL when the articles disagree (never averaged)
            unit TEXT,                       -- 元 for money, else the base unit (%, 个, 家 …)
            approx TEXT,                     -- 超/余/约 … when only approximate figures report it
            conflict INTEGER NOT NULL DEFAULT 0,  -- 1: the articles report values that cannot all be true
            reported TEXT NOT NULL,          -- JSON: each distinct value with its surface and articles
            articles INTEGER NOT NULL,       -- how many articles report it
            article_ids TEXT NOT NULL,       -- JSON list of articles.id
            figure_ids TEXT NOT NULL,        -- JSON list of figures.id
            first_published TEXT,
            last_published TEXT,
            PRIMARY KEY (subject, metric, period)
        )""",
        "CREATE INDEX series_metric_level_year ON series (metric, level, year)",
        """CREATE TABLE series_figures (
            figure_id INTEGER PRIMARY KEY,   -- figures.id
            article_id INTEGER NOT NULL,
            subject TEXT NOT NULL,
            metric TEXT NOT NULL,
            period TEXT NOT NULL
        )""",
        "CREATE INDEX series_figures_key ON series_figures (subject, metric, period)",
        "CREATE INDEX series_figures_article ON series_figures (article_id)",
        "CREATE TABLE series_state (id INTEGER PRIMARY KEY CHECK (id = 1), vocabulary TEXT NOT NULL, built_at TEXT NOT NULL)",
        # keys whose series row waits to be recomputed (filed with their articles, recomputed once an import ends)
        """CREATE TABLE series_dirty (
            subject TEXT NOT NULL,
            metric TEXT NOT NULL,
            period TEXT NOT NULL,
            PRIMARY KEY (subject, metric, period)
        ) WITHOUT ROWID""",
    ],
]


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations ``conn`` has not seen yet; return the new version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"archive schema version {version} is newer than this cgpn ({len(MIGRATIONS)}); upgrade cgpn"
        )
    for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")  # DDL and version move together, or not at all
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return len(MIGRATIONS)
