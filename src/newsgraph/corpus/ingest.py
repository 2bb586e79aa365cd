"""Ingest: read, skip what is stored, extract in worker processes, store in the one writer."""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import sqlite3
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

from newsgraph import nlp as nlp_mod
from newsgraph.batching import chunked
from newsgraph.corpus.resolve import ResolveReport, resolve
from newsgraph.corpus.settings import DEFAULT, CorpusSettings
from newsgraph.corpus.store import FailureStage, Incoming, Status, Store
from newsgraph.errors import InputError
from newsgraph.model import Document, Record
from newsgraph.pipeline import build_record
from newsgraph.read import read_path
from newsgraph.settings import DEFAULT as PIPELINE_DEFAULT

log = logging.getLogger("newsgraph")

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}

# One document's outcome from a worker: its record as a dict, or the one-line error.
Outcome = tuple[Incoming, dict[str, Any] | None, str | None]


@dataclass(slots=True)
class IngestReport:
    seen: int = 0  # documents read
    stored: int = 0  # new or changed documents stored
    unchanged: int = 0  # already stored with the same content
    replaced: int = 0  # stored before with other content, now replaced
    failed: list[str] = field(default_factory=list)  # one line per failed input
    seconds: float = 0.0
    resolution: ResolveReport | None = None

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders walked for articles (sorted, so runs are repeatable)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            out.append(p)
    return out


def count_articles(files: list[Path]) -> int:
    """How many articles the files hold (lines of JSONL count one each): the bar's total."""
    total = 0
    for f in files:
        if f.suffix.lower() in (".jsonl", ".ndjson") and f.is_file():
            with f.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


class DocumentTimeout(Exception):
    """One document took longer than the settings allow."""


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout("extraction took too long")


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a runaway extraction (Unix main thread only; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract_chunk(chunk: list[Incoming], timeout: float = DEFAULT.document_timeout_seconds) -> list[Outcome]:
    """Worker side: one parse per document; a document that fails (or runs away) fails alone."""
    nlp = nlp_mod.load()
    out: list[Outcome] = []
    try:
        docs = list(nlp.pipe([i.document.text for i in chunk], batch_size=len(chunk)))
    except Exception:  # one bad text spoils a batch: parse them one by one
        docs = []
        for i in chunk:
            try:
                docs.append(nlp(i.document.text))
            except Exception as exc:
                docs.append(exc)
    for incoming, doc in zip(chunk, docs, strict=True):
        if isinstance(doc, Exception):
            out.append((incoming, None, _one_line(doc)))
            continue
        try:
            with _time_limit(timeout):
                record = build_record(doc, incoming.document).to_dict()
            out.append((incoming, record, None))
        except Exception as exc:
            log.debug("extraction failed: %s", traceback.format_exc())
            out.append((incoming, None, _one_line(exc)))
    return out


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


class _Progress:
    """A tqdm bar on a terminal, plain log lines elsewhere."""

    def __init__(self, total: int, enabled: bool | None, settings: CorpusSettings) -> None:
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.last_log = self.start
        self.settings = settings
        tty = sys.stderr.isatty() if enabled is None else enabled
        self.bar = None
        if tty:
            from tqdm import tqdm

            self.bar = tqdm(total=total or None, unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last_log >= self.settings.log_every_seconds:
            self.last_log = now
            rate = self.done / (now - self.start)
            eta = (self.total - self.done) / rate if rate and self.total else 0
            print(f"newsgraph: ingest: {self.done}/{self.total} documents, {rate:.1f}/s, "
                  f"about {eta:.0f} s left", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _read(files: list[Path], published: str | None) -> Iterator[Document | InputError]:
    """Documents in input order; ``published`` (YYYY-MM-DD) dates those that carry no date."""
    for f in files:
        for item in read_path(f):
            if isinstance(item, Document) and published is not None and item.published is None:
                item.published = published
            yield item


def _failure_key(exc: InputError) -> str:
    """The input a read error names: its text up to the first ': '."""
    return str(exc).split(": ", 1)[0]


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    n_process: int | None = None,
    published: str | None = None,
    progress: bool | None = None,
    do_resolve: bool = True,
    settings: CorpusSettings = DEFAULT,
    on_stored: Callable[[Incoming], None] | None = None,
) -> IngestReport:
    """Store every article under ``paths``; the same article twice changes nothing."""
    files = expand_paths(paths)
    n_process = max(1, n_process if n_process is not None else (os.cpu_count() or 1))
    report = IngestReport()
    bar = _Progress(count_articles(files), progress, settings)
    started = time.monotonic()

    def store_outcome(outcome: Outcome) -> None:
        incoming, record, error = outcome
        if error is not None:
            store.put_failure(incoming.key, FailureStage.EXTRACT, error)
            report.failed.append(f"{incoming.key}: {error}")
        else:
            status = store.status(incoming)
            try:
                store.put_record(Record.from_dict(record), incoming)
            except (sqlite3.IntegrityError, KeyError, ValueError, TypeError) as exc:
                store.put_failure(incoming.key, FailureStage.STORE, _one_line(exc))
                report.failed.append(f"{incoming.key}: {_one_line(exc)}")
            else:
                report.stored += 1
                report.replaced += status is Status.CHANGED
                if on_stored:
                    on_stored(incoming)
        bar.update()

    def todo() -> Iterator[Incoming]:
        for item in _read(files, published):
            report.seen += not isinstance(item, InputError)
            if isinstance(item, InputError):
                store.put_failure(_failure_key(item), FailureStage.READ, str(item))
                report.failed.append(str(item))
                bar.update()
                continue
            if len(item.text) > PIPELINE_DEFAULT.max_chars:
                key = Incoming.of(item).key
                error = f"{key}: {len(item.text):,} characters is over the limit for one article"
                store.put_failure(key, FailureStage.READ, error)
                report.failed.append(error)
                bar.update()
                continue
            incoming = Incoming.of(item)
            if incoming.document.id in queued or store.status(incoming) is Status.SAME:
                report.unchanged += 1
                bar.update()
                continue
            queued.add(incoming.document.id)
            yield incoming

    queued: set[str] = set()  # ids on their way to the store in this run: a repeat is no new document
    try:
        _run(todo(), store_outcome, n_process, settings)
    finally:
        bar.close()
    report.seconds = time.monotonic() - started
    if do_resolve:
        report.resolution = resolve(store, settings=settings)
    return report


def _warm_up() -> None:
    """Extract one short text, so that rule files and lexicons are read once, before the fork."""
    text = "On Monday, President Anna Berg met Tom Olsen in Oslo. \"We agreed,\" she said."
    try:
        build_record(nlp_mod.load()(text), Document(text=text, published="2024-01-01"))
    except Exception as exc:  # a broken extractor shows up per document, with its own error
        log.debug("warm-up failed: %s", exc)



def _run(items: Iterator[Incoming], sink: Callable[[Outcome], None], n_process: int,
         settings: CorpusSettings) -> None:
    """Extract in ``n_process`` workers (or in this process for one); results are stored in input order."""
    chunks = chunked(items, settings.chunk_size)
    if n_process == 1:
        for chunk in chunks:
            for outcome in _extract_chunk(chunk, settings.document_timeout_seconds):
                sink(outcome)
        return
    _warm_up()  # before the fork: workers share the loaded pipeline and every lazily read resource
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    window = n_process * settings.chunks_in_flight_per_worker
    # A chunk's result is awaited this long at most: a worker killed by the system (out of memory)
    # never answers, and its documents are then failures rather than a hung run.
    wait = settings.document_timeout_seconds * (2 * settings.chunk_size + 1)

    def collect(chunk: list[Incoming], result: AsyncResult) -> None:
        try:
            outcomes = result.get(timeout=wait)
        except Exception as exc:  # the worker died, or the result could not come back
            error = "worker lost: " + (_one_line(exc) if str(exc) else type(exc).__name__)
            outcomes = [(incoming, None, error) for incoming in chunk]
        for outcome in outcomes:
            sink(outcome)

    with ctx.Pool(n_process) as pool:
        pending: deque[tuple[list[Incoming], AsyncResult]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk, settings.document_timeout_seconds))))
            while len(pending) >= window:
                collect(*pending.popleft())
        while pending:
            collect(*pending.popleft())
