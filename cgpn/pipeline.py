"""Capture → extraction → archive: the one path every document takes (import, crawl, reextract).

Raw bytes are committed as a capture before they are extracted; a failure is recorded on the
capture, so nothing is lost and ``cgpn reextract`` can retry. A crawl does that page by page;
imports and re-extractions in batches (one commit for a batch's captures, one for its articles,
figures and index rows), so FTS5 writes fewer segments and no lock is held while extracting.
The CPU work of a document (extraction, repair, figures, jieba segmentation for the index) can
run in worker processes (:class:`Extractors`, ``cgpn import -j N``); only this process writes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from archive import Archive, index_row
from cgpn.wording import plural
from archive.series import file_series, rebuild_series, refresh_series, update_series
from cgpn.defaults import BATCH_SIZE, DEFAULT_CATEGORY, GROUP_BYTES
from cgpn.files import Unreadable, read
from extractors import EXTRACTOR_VERSION, ExtractionError, extract, peek


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
            head += f"; {plural(self.figures, 'figure')}, {plural(self.warnings, 'warning')}"
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
    """One document extracted and made ready to store, or the error to record on its capture:
    the record (``Article.to_dict()``) and its full-text index texts (see :func:`archive.index_row`)."""

    record: dict[str, Any] | None
    error: str | None = None
    index: tuple[str, str, str] | None = None


def extract_safely(content: bytes, **hints: str | None) -> Extracted:
    """``extract`` under the time limit, then the record and its index texts (the CPU work of a
    document, which worker processes can share); any failure becomes the error to record, never an
    exception."""
    try:
        with time_limit(EXTRACT_SECONDS):
            record = extract(content, **hints).to_dict()
    except (ExtractionError, ExtractionTimeout) as exc:
        return Extracted(None, str(exc))
    except Exception as exc:  # an extractor bug must not lose the capture or stop the batch
        return Extracted(None, f"{type(exc).__name__}: {exc}")
    return Extracted(record, index=index_row(record))


def store(archive: Archive, capture_id: int, location: str, done: Extracted) -> Outcome:
    """Save the article of a stored capture, or record its error on it."""
    if done.record is None:
        archive.mark_failed(capture_id, done.error or "no article", EXTRACTOR_VERSION)
        return Outcome("failed", location, capture_id, error=done.error)
    article_id, status = archive.save_article(capture_id, done.record, EXTRACTOR_VERSION, index=done.index)
    return Outcome(status, location, capture_id, article_id, warnings=tuple(done.record["warnings"]),
                   figures=len(done.record["figures"]))


def ingest(archive: Archive, content: bytes, *, location: str, source: str, content_type: str | None = None,
           fetched_at: str | None = None, url: str | None = None, path: str | None = None) -> Outcome:
    """Store ``content`` as a capture (committed), then extract and archive it (skipped when already done)."""
    capture_id, new = archive.add_capture(location, source, content, content_type=content_type, fetched_at=fetched_at)
    if not new:
        status, version = archive.capture_state(capture_id)
        if version == EXTRACTOR_VERSION and status == "ok":
            return Outcome("unchanged", location, capture_id)
    done = extract_safely(content, path=path, url=url, source=source, content_type=content_type)
    with archive.batch():  # the article and the series points it touches are committed together
        outcome = store(archive, capture_id, location, done)
        update_series(archive, _saved([outcome]))
    return outcome


def _saved(outcomes: Iterable[Outcome]) -> list[int]:
    """The articles that ``outcomes`` wrote (new or changed), whose series points need updating."""
    return [o.article_id for o in outcomes if o.status in ("new", "changed") and o.article_id is not None]


WORKER_DIED = "the extraction worker process died (crashed or was killed); `cgpn reextract` retries it"


class Job(NamedTuple):
    """A stored capture to extract: its id, location, raw bytes and the hints ``extract`` takes."""

    capture_id: int
    location: str
    content: bytes
    hints: dict[str, str | None]


def _end_with(parent: int) -> None:
    """Worker start: end this worker once ``parent`` (the importing process) is gone. A killed
    parent cannot tell its workers, and they would wait for work forever. POSIX only: on Windows
    ``os.kill(pid, 0)`` would terminate the parent instead of probing it."""
    if os.name != "posix":
        return

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _extract_all(jobs: list[Job]) -> list[Extracted]:
    return [extract_safely(job.content, **job.hints) for job in jobs]


class Extractors:
    """Extraction of a batch of jobs: in this process (``jobs=1``) or spread over worker processes.

    With workers, :meth:`submit` returns at once and the next batch is extracted while this one is
    written (``ahead`` batches in flight); a worker that dies fails its documents with
    :data:`WORKER_DIED` (their captures stay stored) and a new pool takes the next batch.

    >>> with Extractors(1) as extractors:
    ...     [done.record["title"] for done in extractors.submit([Job(1, "a.txt", "标题\\n正文。".encode(), {})])()]
    ['标题']
    """

    def __init__(self, jobs: int = 1):
        self.jobs = jobs if jobs > 0 else os.cpu_count() or 1
        self.ahead = 0 if self.jobs == 1 else 1
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Extractors:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def submit(self, jobs: list[Job]) -> Callable[[], list[Extracted]]:
        """Start extracting ``jobs``; the returned function waits for their results, in order."""
        if self.jobs == 1 or not jobs:
            done = _extract_all(jobs)
            return lambda: done
        size = -(-len(jobs) // (2 * self.jobs))  # two chunks per worker: even shares, few messages
        chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        pool = self._pool or self._start()
        futures = [(pool.submit(_extract_all, chunk), len(chunk)) for chunk in chunks]
        return lambda: [done for future, n in futures for done in self._result(future, n)]

    def _start(self) -> ProcessPoolExecutor:
        # forkserver (spawn where there is none): workers never inherit the archive's connection or
        # the progress bar's thread; they start from a process that has imported the extractors once.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload([__name__])
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))
        return self._pool

    def _result(self, future: Future[list[Extracted]], count: int) -> list[Extracted]:
        try:
            return future.result()
        except BrokenProcessPool:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
            self._pool = None
            return [Extracted(None, WORKER_DIED)] * count


class _Reporter:
    """The summary of a run and the caller's per-document callback, fed once a document is committed."""

    def __init__(self, on_done: Callable[[Outcome], None] | None):
        self.summary, self.on_done = Summary(), on_done

    def __call__(self, outcome: Outcome) -> None:
        self.summary.add(outcome)
        if self.on_done:
            self.on_done(outcome)


def _extract_and_store(archive: Archive, batches: Iterable[list[Job]], report: _Reporter, jobs: int, *,
                       series: bool = True) -> None:
    """Extract each batch of jobs and write its articles (or errors) in one transaction per batch, their
    figures filed under their series keys unless ``series`` is false (the caller rebuilds them)."""
    in_flight: deque[tuple[list[Job], Callable[[], list[Extracted]]]] = deque()
    with Extractors(jobs) as extractors:
        for batch in batches:  # the next batch's captures are committed before it is extracted
            in_flight.append((batch, extractors.submit(batch)))
            while len(in_flight) > extractors.ahead:
                _store_batch(archive, *in_flight.popleft(), report, series)
        while in_flight:
            _store_batch(archive, *in_flight.popleft(), report, series)


def _store_batch(archive: Archive, batch: list[Job], results: Callable[[], list[Extracted]], report: _Reporter,
                 series: bool) -> None:
    extracted = results()
    if not batch:
        return
    with archive.batch():
        outcomes = [store(archive, job.capture_id, job.location, done) for job, done in zip(batch, extracted)]
        if series:  # filed with the articles; the points are recomputed once the run ends (refresh_series)
            file_series(archive, _saved(outcomes))
    for outcome in outcomes:
        report(outcome)


def _captured(archive: Archive, batch: list[tuple[str, bytes]], report: _Reporter) -> list[Job]:
    """Store a batch's raw bytes in one commit; the jobs of those not already extracted by this version."""
    with archive.batch():
        captured = [(location, content, *archive.add_capture(location, "file", content)) for location, content in batch]
    jobs = []
    for location, content, capture_id, new in captured:
        if not new and archive.capture_state(capture_id) == ("ok", EXTRACTOR_VERSION):
            report(Outcome("unchanged", location, capture_id))
        else:
            jobs.append(Job(capture_id, location, content, {"path": location, "source": "file"}))
    return jobs


def import_files(archive: Archive, files: Iterable[Path | Unreadable], *, category: str | None = DEFAULT_CATEGORY,
                 on_done: Callable[[Outcome], None] | None = None, batch_size: int = BATCH_SIZE,
                 jobs: int = 1) -> Summary:
    """Import files into ``archive`` (those :func:`cgpn.files.iter_files` found unreadable are counted
    as failed); Jekyll site pages and templates, and posts of another category than ``category``, are
    skipped. Documents are written ``batch_size`` to a transaction (see :data:`BATCH_SIZE`) and extracted
    in ``jobs`` processes (0: one per CPU; see :class:`Extractors`)."""
    return import_documents(archive, map(read, files), category=category, on_done=on_done, batch_size=batch_size,
                            jobs=jobs)


def import_documents(archive: Archive, documents: Iterable[tuple[str, bytes | str]], *,
                     category: str | None = DEFAULT_CATEGORY, on_done: Callable[[Outcome], None] | None = None,
                     batch_size: int = BATCH_SIZE, jobs: int = 1) -> Summary:
    """Import (location, bytes) pairs, as :func:`import_files` does files; a ``str`` in place of the
    bytes says why the document could not be read, and is reported as a failure."""
    report = _Reporter(on_done)

    def batches() -> Iterator[list[Job]]:
        batch: list[tuple[str, bytes]] = []
        for location, content in documents:
            if isinstance(content, str):
                report(Outcome("failed", location, error=content))
                continue
            found, not_a_post = peek(content, location)
            if not_a_post or (category and found is not None and found != category):
                report(Outcome("skipped", location, error=not_a_post or f"category {found}"))
                continue
            batch.append((location, content))
            if len(batch) >= batch_size or sum(len(c) for _, c in batch) >= GROUP_BYTES:
                yield _captured(archive, batch, report)
                batch = []
        if batch:
            yield _captured(archive, batch, report)

    _extract_and_store(archive, batches(), report, jobs)
    refresh_series(archive)  # also the points a killed run left marked
    return report.summary


def to_reextract(archive: Archive, *, everything: bool = False) -> list[int]:
    """The captures :func:`reextract` works on: the latest of each location; unless ``everything``, only
    those not extracted successfully by this extractor version."""
    return archive.capture_ids(stale_for=None if everything else EXTRACTOR_VERSION)


def reextract(archive: Archive, *, everything: bool = False, on_done: Callable[[Outcome], None] | None = None,
              batch_size: int = BATCH_SIZE, jobs: int = 1) -> Summary:
    """Re-run the extractors over stored captures: all, or those not extracted by this version; then
    rebuild every series (the vocabulary may have changed too), once, rather than batch by batch."""
    report = _Reporter(on_done)
    ids = to_reextract(archive, everything=everything)

    def batches() -> Iterator[list[Job]]:
        for start in range(0, len(ids), batch_size):
            jobs = []
            for capture_id in ids[start:start + batch_size]:
                cap = archive.capture(capture_id)
                is_url = "://" in cap["location"]
                hints = {"source": cap["source"], "content_type": cap["content_type"],
                         "url": cap["location"] if is_url else None, "path": None if is_url else cap["location"]}
                jobs.append(Job(capture_id, cap["location"], cap["content"], hints))
            yield jobs

    _extract_and_store(archive, batches(), report, jobs, series=False)
    rebuild_series(archive)
    return report.summary
