"""The cron lock: one crawl at a time per archive, released when the process ends, even killed.

An advisory ``flock`` on ``<archive>.lock``; the file records who holds it.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "archive.db")
>>> with crawl_lock(path):
...     try:
...         with crawl_lock(path):
...             pass
...     except CrawlLocked as e:
...         print("locked")
locked
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
from collections.abc import Iterator


class CrawlLocked(Exception):
    """Another crawl holds the lock on this archive."""


@contextlib.contextmanager
def crawl_lock(db_path: str | os.PathLike[str]) -> Iterator[str]:
    """Hold the crawl lock of ``db_path`` for the block; raise :class:`CrawlLocked` if taken.

    Yields the lock file's path.
    """
    path = f"{os.fspath(db_path)}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", errors="replace").strip() or "unknown"
            raise CrawlLocked(f"another crawl holds {path} ({holder})") from None
        started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since {started}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
