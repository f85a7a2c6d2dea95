"""A small archive file with known figures, for the figure query and CLI tests."""

from __future__ import annotations

import sqlite3

from archive.schema import migrate

ARTICLES = [
    # id, title, published_at, source, url
    (1, "广州交出乡村产业振兴满意答卷", "2022-02-14T20:52:19+08:00", "finews", "http://finews.example/a.html"),
    (2, "柳州提前完成脱贫地区农副产品全年采购任务", "2024-07-10T09:00:00+08:00", "file", None),
    (3, "2022年全国政府采购简要情况发布", "2023-09-01T10:00:00+08:00", "zcb-epaper", "http://zcb.example/c"),
]
FIGURES = [
    # article_id, surface, kind, value, unit, value_yuan, metric, subject, period, is_total
    (1, "15077余万元", "money", 15077, "万元", 150770000, "交易额", "广州市", "2021", 1),
    (1, "15077.38万元", "money", 15077.38, "万元", 150773800, "交易额", "广州市", "2021", 1),
    (1, "12530.78万元", "money", 12530.78, "万元", 125307800, "预留采购份额", "广州市", "2021", 0),
    (1, "161.53%", "percent", 161.53, "%", None, "预留份额完成比例", "花都区", "2021", 0),
    (2, "1955.96万元", "money", 1955.96, "万元", 19559600, "脱贫地区农副产品采购", "柳州市", "2024-06", 0),
    (2, "57家", "count", 57, "家", None, None, "广西壮族自治区", "2024-05", 0),
    (3, "34993.1亿元", "money", 34993.1, "亿元", 3499310000000, "采购规模", "全国", "2022", 1),
    (3, "72.6%", "percent", 72.6, "%", None, "占比", "全国", "2022", 0),
    (3, "100%_x", "count", 1, "个", None, "100%_x指标", "全国", "2022", 0),
]


def make_archive(path: str) -> str:
    """Create ``path`` with the schema and the rows above; return the path."""
    conn = sqlite3.connect(path)
    migrate(conn)
    with conn:
        for aid, title, published, source, url in ARTICLES:
            conn.execute(
                "INSERT INTO captures (id, location, source, sha256, size, fetched_at) VALUES (?, ?, ?, ?, 0, ?)",
                (aid, url or f"/x/{aid}.txt", source, f"sha{aid}", published),
            )
            conn.execute("INSERT INTO capture_contents (capture_id, content) VALUES (?, x'')", (aid,))
            conn.execute(
                "INSERT INTO articles (id, key, capture_id, source, path, url, title, body, published_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, '…', ?, '')",
                (aid, f"k{aid}", aid, source, None if url else f"/x/{aid}.txt", url, title, published),
            )
        for seq, (aid, surface, kind, value, unit, yuan, metric, subject, period, total) in enumerate(FIGURES):
            conn.execute(
                "INSERT INTO figures (article_id, seq, surface, kind, value, unit, value_yuan, metric, subject, period, "
                "is_total, field, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'body', ?)",
                (aid, seq, surface, kind, value, unit, yuan, metric, subject, period, total, f"句子{surface}。"),
            )
    conn.close()
    return path
