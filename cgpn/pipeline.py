"""Capture → extraction → archive: the one path every document takes (import, crawl, reextract).

Raw bytes are committed as a capture before they are extracted; a failure is recorded on the
capture, so nothing is lost and ``cgpn reextract`` can retry. A crawl does that page by page;
imports and re-extractions in batches (one commit for a batch's captures, one for its articles,
figures and index rows), so FTS5 writes fewer segments and no lock is held while extracting.
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
from extractors import EXTRACTOR_VERSION, Article, ExtractionError, extract, peek_category

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


class Extracted(NamedTuple):
    """The result of extracting one document, before it is stored: an article or an error."""

    article: Article | None
    error: str | None = None


def extract_safely(content: bytes, **hints: str | None) -> Extracted:
    """``extract`` under the time limit; any failure becomes the error to record, never an exception."""
    try:
        with time_limit(EXTRACT_SECONDS):
            return Extracted(extract(content, **hints))
    except (ExtractionError, ExtractionTimeout) as exc:
        return Extracted(None, str(exc))
    except Exception as exc:  # an extractor bug must not lose the capture or stop the batch
        return Extracted(None, f"{type(exc).__name__}: {exc}")


def store(archive: Archive, capture_id: int, location: str, done: Extracted) -> Outcome:
    """Save the article of a stored capture, or record its error on it."""
    if done.article is None:
        archive.mark_failed(capture_id, done.error or "no article", EXTRACTOR_VERSION)
        return Outcome("failed", location, capture_id, error=done.error)
    article_id, status = archive.save_article(capture_id, done.article.to_dict(), EXTRACTOR_VERSION)
    return Outcome(status, location, capture_id, article_id, warnings=tuple(done.article.warnings),
                   figures=len(done.article.figures))


def ingest(archive: Archive, content: bytes, *, location: str, source: str, content_type: str | None = None,
           fetched_at: str | None = None, url: str | None = None, path: str | None = None) -> Outcome:
    """Store ``content`` as a capture (committed), then extract and archive it (skipped when already done)."""
    capture_id, new = archive.add_capture(location, source, content, content_type=content_type, fetched_at=fetched_at)
    if not new:
        status, version = archive.capture_state(capture_id)
        if version == EXTRACTOR_VERSION and status == "ok":
            return Outcome("unchanged", location, capture_id)
    done = extract_safely(content, path=path, url=url, source=source, content_type=content_type)
    return store(archive, capture_id, location, done)


# Imports and re-extractions work in batches of this many documents (fewer when their bytes add
# up to GROUP_BYTES): one transaction stores the batch's captures, the extraction runs with no
# lock held, one more transaction stores the articles. A kill loses at most one batch's
# extraction work, which the next run redoes from the stored captures.
BATCH_SIZE, GROUP_BYTES = 32, 8 * 2**20


class _Reporter:
    """The summary of a run and the caller's per-document callback, fed once a document is committed."""

    def __init__(self, on_done: Callable[[Outcome], None] | None):
        self.summary, self.on_done = Summary(), on_done

    def __call__(self, outcome: Outcome) -> None:
        self.summary.add(outcome)
        if self.on_done:
            self.on_done(outcome)


def _store_batch(archive: Archive, extracted: list[tuple[int, str, Extracted]], report: _Reporter) -> None:
    """Articles (or errors) of a batch of stored captures, written in one transaction."""
    with archive.batch():
        outcomes = [store(archive, capture_id, location, done) for capture_id, location, done in extracted]
    for outcome in outcomes:
        report(outcome)


def _import_batch(archive: Archive, batch: list[tuple[str, bytes]], report: _Reporter) -> None:
    with archive.batch():  # raw bytes first, all of the batch in one commit
        captured = [(location, content, *archive.add_capture(location, "file", content)) for location, content in batch]
    extracted = []
    for location, content, capture_id, new in captured:
        if not new and archive.capture_state(capture_id) == ("ok", EXTRACTOR_VERSION):
            report(Outcome("unchanged", location, capture_id))
        else:
            extracted.append((capture_id, location, extract_safely(content, path=location, source="file")))
    _store_batch(archive, extracted, report)


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
                 on_done: Callable[[Outcome], None] | None = None, batch_size: int = BATCH_SIZE) -> Summary:
    """Import files into ``archive``; Jekyll posts of another category than ``category`` are skipped.
    Documents are written ``batch_size`` to a transaction (see :data:`BATCH_SIZE`)."""
    return import_documents(archive, _read(files), category=category, on_done=on_done, batch_size=batch_size)


def _read(files: Iterable[Path]) -> Iterator[tuple[str, bytes | OSError]]:
    for file in files:
        location = str(file.resolve())
        try:
            yield location, file.read_bytes()
        except OSError as exc:
            yield location, exc


def import_documents(archive: Archive, documents: Iterable[tuple[str, bytes | OSError]], *,
                     category: str | None = DEFAULT_CATEGORY, on_done: Callable[[Outcome], None] | None = None,
                     batch_size: int = BATCH_SIZE) -> Summary:
    """Import (location, bytes) pairs, as :func:`import_files` does files; an ``OSError`` in place of the
    bytes is reported as a file that cannot be read."""
    report = _Reporter(on_done)
    batch: list[tuple[str, bytes]] = []
    for location, content in documents:
        if isinstance(content, OSError):
            report(Outcome("failed", location, error=f"cannot read: {content.strerror or content}"))
            continue
        found = peek_category(content) if category else None
        if found is not None and found != category:
            report(Outcome("skipped", location, error=f"category {found}"))
            continue
        batch.append((location, content))
        if len(batch) >= batch_size or sum(len(c) for _, c in batch) >= GROUP_BYTES:
            _import_batch(archive, batch, report)
            batch = []
    if batch:
        _import_batch(archive, batch, report)
    return report.summary


def reextract(archive: Archive, *, everything: bool = False,
              on_done: Callable[[Outcome], None] | None = None, batch_size: int = BATCH_SIZE) -> Summary:
    """Re-run the extractors over stored captures: all, or those not extracted by this version."""
    report = _Reporter(on_done)
    ids = archive.capture_ids(stale_for=None if everything else EXTRACTOR_VERSION)
    for start in range(0, len(ids), batch_size):
        extracted = []
        for capture_id in ids[start:start + batch_size]:
            cap = archive.capture(capture_id)
            is_url = "://" in cap["location"]
            done = extract_safely(cap["content"], source=cap["source"], content_type=cap["content_type"],
                                  url=cap["location"] if is_url else None, path=None if is_url else cap["location"])
            extracted.append((capture_id, cap["location"], done))
        _store_batch(archive, extracted, report)
    return report.summary
