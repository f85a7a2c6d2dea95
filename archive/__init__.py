"""SQLite archive of captures, articles and figures. Knows SQLite, nothing of HTTP or parsing."""

from archive.db import Archive, ArchiveError, article_key, index_row

__all__ = ["Archive", "ArchiveError", "article_key", "index_row"]
