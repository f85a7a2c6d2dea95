"""Capture → extraction → archive: the one path every document takes (import, crawl, reextract).

The raw bytes are committed first (or, in a batch, with the article); extraction runs after, and a
failure is recorded on the capture, so nothing is lost and ``cgpn reextract`` can retry. Imports and
re-extractions commit in batches (:meth:`archive.Archive.batch`); a crawl commits page by page.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from archive import Archive
from extractors import EXTRACTOR_VERSION, ExtractionError, extract, peek_category

IMPORT_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".shtml", ".txt", ".json"}
DEFAULT_CATEGORY = "zhongguozhengfucaigoubao"


class Outcome(NamedTuple):
    status: str  # new, changed, unchanged, failed, skipped
    location: str
    capture_id: int | None = None
    article_id: int | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    figures: int = 0


@dataclass
class Summary:
    """What a batch did, for the command's closing line."""

    counts: Counter[str] = field(default_factory=Counter)
    figures: int = 0
    warnings: int = 0
    failures: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status in ("new", "changed"):
            self.figures += outcome.figures
            self.warnings += len(outcome.warnings)
        if outcome.status == "failed":
            self.failures.append(outcome)

    def line(self) -> str:
        c = self.counts
        stored = c["new"] + c["changed"]
        if not stored and not c["failed"]:
            head = f"nothing new: {c['unchanged']} unchanged" + (f", {c['skipped']} skipped" if c["skipped"] else "")
        else:
            head = f"{c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged, {c['failed']} failed"
            head += f", {c['skipped']} skipped" if c["skipped"] else ""
            head += f"; {self.figures} figures, {self.warnings} warnings"
        return head


# No document may stall a batch: past this, extraction stops and the capture is recorded as failed.
EXTRACT_SECONDS = float(os.environ.get("CGPN_EXTRACT_SECONDS", 120))


class ExtractionTimeout(BaseException):
    """Extraction of one document ran past its time limit. A BaseException, as KeyboardInterrupt is,
    so that no ``except ExtractionError``/``except Exception`` inside the extractors swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block after ``seconds``; a no-op outside the main
    thread or when another timer runs (the outer limit holds then).

    >>> with time_limit(5):
    ...     len("本报讯")
    3
    """
    if threading.current_thread() is not threading.main_thread() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"extraction took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_and_store(archive: Archive, capture_id: int, content: bytes, *, location: str, source: str,
                      content_type: str | None = None, url: str | None = None, path: str | None = None) -> Outcome:
    """Extract a stored capture and save its article; record the error on failure."""
    try:
        with time_limit(EXTRACT_SECONDS):
            article = extract(content, path=path, url=url, source=source, content_type=content_type)
    except (ExtractionError, ExtractionTimeout) as exc:
        archive.mark_failed(capture_id, str(exc), EXTRACTOR_VERSION)
        return Outcome("failed", location, capture_id, error=str(exc))
    except Exception as exc:  # an extractor bug must not lose the capture or stop the batch
        error = f"{type(exc).__name__}: {exc}"
        archive.mark_failed(capture_id, error, EXTRACTOR_VERSION)
        return Outcome("failed", location, capture_id, error=error)
    article_id, status = archive.save_article(capture_id, article.to_dict(), EXTRACTOR_VERSION)
    return Outcome(status, location, capture_id, article_id, warnings=tuple(article.warnings), figures=len(article.figures))


def ingest(archive: Archive, content: bytes, *, location: str, source: str, content_type: str | None = None,
           fetched_at: str | None = None, url: str | None = None, path: str | None = None) -> Outcome:
    """Store ``content`` as a capture, then extract and archive it (skipped when already done)."""
    capture_id, new = archive.add_capture(location, source, content, content_type=content_type, fetched_at=fetched_at)
    if not new:
        status, version = archive.capture_state(capture_id)
        if version == EXTRACTOR_VERSION and status == "ok":
            return Outcome("unchanged", location, capture_id)
    return extract_and_store(archive, capture_id, content, location=location, source=source,
                             content_type=content_type, url=url, path=path)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and files with a known suffix under folders named (hidden ones skipped), sorted."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                rel = sub.relative_to(p).parts
                if sub.is_file() and sub.suffix.lower() in IMPORT_SUFFIXES and not any(x.startswith(".") for x in rel):
                    yield sub
        elif p.is_file():
            yield p
        else:
            raise FileNotFoundError(f"no such file or folder: {given}")


def import_files(archive: Archive, files: Iterable[Path], *, category: str | None = DEFAULT_CATEGORY,
                 on_done: Callable[[Outcome], None] | None = None) -> Summary:
    """Import files into ``archive``; Jekyll posts of another category than ``category`` are skipped."""
    summary = Summary()
    with archive.batch():
        for file in files:
            location = str(file.resolve())
            try:
                content = file.read_bytes()
            except OSError as exc:
                outcome = Outcome("failed", location, error=f"cannot read: {exc.strerror or exc}")
            else:
                found = peek_category(content) if category else None
                if found is not None and found != category:
                    outcome = Outcome("skipped", location, error=f"category {found}")
                else:
                    outcome = ingest(archive, content, location=location, source="file", path=location)
            summary.add(outcome)
            if on_done:
                on_done(outcome)
    return summary


def reextract(archive: Archive, *, everything: bool = False,
              on_done: Callable[[Outcome], None] | None = None) -> Summary:
    """Re-run the extractors over stored captures: all, or those not extracted by this version."""
    summary = Summary()
    ids = archive.capture_ids(stale_for=None if everything else EXTRACTOR_VERSION)
    with archive.batch():
        for capture_id in ids:
            cap = archive.capture(capture_id)
            is_url = "://" in cap["location"]
            outcome = extract_and_store(
                archive, capture_id, cap["content"], location=cap["location"], source=cap["source"],
                content_type=cap["content_type"], url=cap["location"] if is_url else None,
                path=None if is_url else cap["location"],
            )
            summary.add(outcome)
            if on_done:
                on_done(outcome)
    return summary
