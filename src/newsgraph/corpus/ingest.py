"""Ingest: list inputs, read and extract them in worker processes, store in the one writer.

The main process only lists files and cuts JSONL files into lines; each worker reads its inputs (file
bytes, HTML parsing, JSON), skips what the store already holds and extracts the rest; the main process
writes every result in input order, so the one writer is not the bottleneck of many HTML pages.
"""

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
from newsgraph.read.jsonl import jsonl_lines, parse_jsonl_line
from newsgraph.settings import DEFAULT as PIPELINE_DEFAULT

log = logging.getLogger("newsgraph")

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", *JSONL_SUFFIXES}

# One document's extraction in a worker: its record as a dict, or the one-line error.
Outcome = tuple[Incoming, dict[str, Any] | None, str | None]


@dataclass(frozen=True, slots=True)
class Source:
    """One article's input as the main process hands it out: a file to read, or one raw line of a JSONL file."""

    name: str  # the file's path, or "path:line" for a JSONL line (the name its errors and sources carry)
    line: bytes | None = None  # the JSONL line; None: the worker reads the file at ``name``


@dataclass(frozen=True, slots=True)
class Done:
    """What a worker made of one Source, for the writer to store."""

    key: str  # the stored document's key, or for an input that did not read the name its error gives
    incoming: Incoming | None = None  # None: the input did not read
    record: dict[str, Any] | None = None
    error: str | None = None  # one line
    stage: FailureStage | None = None
    same: bool = False  # already stored with this content, or a repeat within the chunk: not extracted


@dataclass(frozen=True, slots=True)
class _Job:
    """What every worker task needs besides its Sources (small: it is pickled with each task)."""

    published: str | None  # dates articles that carry no date
    timeout: float  # seconds per document, for reading and again for extraction
    db: str | None  # the store's file, opened read-only in a worker to skip what is stored


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


class ReadTimeout(BaseException):
    """One input took longer to read than the settings allow. Not an Exception: the readers catch those
    (htmldate's search gives up quietly), and a timeout must stop the read, not yield a lesser document."""


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout("extraction took too long")


def _on_read_alarm(signum: int, frame: object) -> None:
    raise ReadTimeout


@contextmanager
def _time_limit(seconds: float, on_alarm: Callable[[int, Any], None] = _on_alarm) -> Iterator[None]:
    """Interrupt a runaway extraction or read (Unix main thread only; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, on_alarm)
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


def _line(exc: InputError) -> str:
    """A read error as its one line (it names its input)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


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


def _sources(files: list[Path]) -> Iterator[Source | InputError]:
    """Inputs in order: a Source per file, or per non-blank line of a JSONL file; what cannot open, an error."""
    for f in files:
        if f.suffix.lower() not in JSONL_SUFFIXES:
            yield Source(str(f))
            continue
        for item in jsonl_lines(f):
            if isinstance(item, InputError):
                yield item
            elif len(item[1]) > PIPELINE_DEFAULT.max_bytes:  # refused here, not copied to a worker
                yield from (e for e in parse_jsonl_line(item[1], item[0]) if isinstance(e, InputError))
            else:
                yield Source(*item)


def _read_source(source: Source, job: _Job) -> Document | InputError | None:
    """Worker side: one input to its Document (``published`` dating an undated one), or why it did not read."""
    try:
        with _time_limit(job.timeout, _on_read_alarm):
            if source.line is not None:
                items = list(parse_jsonl_line(source.line, source.name))
            else:
                items = list(read_path(source.name))
    except ReadTimeout:
        return InputError(f"{source.name}: reading took longer than {job.timeout:g} s")
    except Exception as exc:  # a reader defect on odd input fails this input, never the run
        log.debug("reading failed: %s", traceback.format_exc())
        return InputError(f"{source.name}: cannot read ({_one_line(exc)})")
    item = items[0] if items else None  # one article per file or line
    if isinstance(item, Document) and job.published is not None and item.published is None:
        item.published = job.published
    return item


def _work(sources: list[Source], job: _Job, is_stored: Callable[[Incoming], bool]) -> list[Done]:
    """Worker side: read each input, skip what ``is_stored``, extract the rest; one Done per input, in order."""
    done: list[Done | Incoming] = []
    ids: set[str] = set()
    for source in sources:
        item = _read_source(source, job)
        if item is None:
            continue
        if isinstance(item, InputError):
            done.append(Done(_failure_key(item), error=_line(item), stage=FailureStage.READ))
            continue
        incoming = Incoming.of(item)
        if len(item.text) > PIPELINE_DEFAULT.max_chars:
            error = f"{incoming.key}: {len(item.text):,} characters is over the limit for one article"
            done.append(Done(incoming.key, incoming, error=error, stage=FailureStage.READ))
        elif item.id in ids or is_stored(incoming):
            done.append(Done(incoming.key, incoming, same=True))
        else:
            ids.add(item.id)
            done.append(incoming)
    todo = [d for d in done if isinstance(d, Incoming)]
    extracted = iter(_extract_chunk(todo, job.timeout) if todo else [])
    out = []
    for d in done:
        if isinstance(d, Incoming):
            incoming, record, error = next(extracted)
            d = Done(incoming.key, incoming, record, error, FailureStage.EXTRACT if error is not None else None)
        out.append(d)
    return out


_stored: dict[tuple[int, str], Store | None] = {}  # per worker process: its read-only view of the store


def _stored_view(db: str | None) -> Store | None:
    """This process's read-only connection to the store, opened on first use; None when it cannot open."""
    if db is None:
        return None
    key = (os.getpid(), db)  # a forked worker never uses a connection it inherited
    if key not in _stored:
        try:
            conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, timeout=30.0)
            conn.row_factory = sqlite3.Row
            _stored[key] = Store(conn, db)
        except sqlite3.Error as exc:
            log.debug("no read-only view of %s: %s", db, exc)
            _stored[key] = None
    return _stored[key]


def _work_in_pool(sources: list[Source], job: _Job) -> list[Done]:
    """A worker's task: ``_work`` with the store seen through this worker's own read-only connection."""
    view = _stored_view(job.db)

    def is_stored(incoming: Incoming) -> bool:
        if view is None:
            return False  # the writer checks again before it stores: a missed skip costs time, not results
        try:
            return view.status(incoming) is Status.SAME
        except sqlite3.Error:
            return False

    return _work(sources, job, is_stored)


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

    handled: set[str] = set()  # ids stored (or failed) in this run: a repeat is no new document

    def store_done(done: Done) -> None:
        incoming = done.incoming
        report.seen += incoming is not None
        bar.update()
        if done.stage is FailureStage.READ or incoming is None:  # did not read, or its worker was lost
            stage, error = done.stage or FailureStage.EXTRACT, done.error or "unknown error"
            store.put_failure(done.key, stage, error)
            report.failed.append(error if stage is FailureStage.READ else f"{done.key}: {error}")
            return
        if done.same or incoming.document.id in handled:
            report.unchanged += 1
            return
        handled.add(incoming.document.id)
        if done.error is not None:
            store.put_failure(incoming.key, done.stage or FailureStage.EXTRACT, done.error)
            report.failed.append(f"{incoming.key}: {done.error}")
            return
        status = store.status(incoming)
        if status is Status.SAME:  # stored since the worker looked (by another run): nothing to do
            report.unchanged += 1
            return
        try:
            store.put_record(Record.from_dict(done.record or {}), incoming)
        except (sqlite3.IntegrityError, KeyError, ValueError, TypeError) as exc:
            store.put_failure(incoming.key, FailureStage.STORE, _one_line(exc))
            report.failed.append(f"{incoming.key}: {_one_line(exc)}")
        else:
            report.stored += 1
            report.replaced += status is Status.CHANGED
            if on_stored:
                on_stored(incoming)

    def sources() -> Iterator[Source]:
        for item in _sources(files):
            if isinstance(item, InputError):  # a JSONL file that does not open: known here, stored at once
                store.put_failure(_failure_key(item), FailureStage.READ, _line(item))
                report.failed.append(_line(item))
                bar.update()
                continue
            yield item

    job = _Job(published, settings.document_timeout_seconds, _file_of(store))
    try:
        _run(sources(), store, job, store_done, n_process, settings, needs_html=_may_hold_html(files))
    finally:
        bar.close()
    report.seconds = time.monotonic() - started
    if do_resolve:
        report.resolution = resolve(store, settings=settings)
    return report


def _file_of(store: Store) -> str | None:
    """The store's database file, for the workers' read-only views; None for one in memory."""
    path = str(store.path)
    return None if path in ("", ":memory:") or path.startswith("file:") else path


def _may_hold_html(files: list[Path]) -> bool:
    """Whether the workers may parse HTML, so the warm-up loads trafilatura once for all of them."""
    return any(f.suffix.lower() not in JSONL_SUFFIXES and f.suffix.lower() != ".txt" for f in files)


def _warm_up(html: bool) -> None:
    """Extract (and with ``html`` read a page of) one short text, so every lazy import and resource is loaded
    once, before the fork."""
    text = "On Monday, President Anna Berg met Tom Olsen in Oslo. \"We agreed,\" she said."
    try:
        if html:  # a dated page with enough text: the modules load, not the fallbacks a poor page needs
            from newsgraph.read import read_text

            body = "".join(f"<p>{text} ({k})</p>" for k in range(6))
            read_text(f'<html><head><title>Talks</title><meta property="article:published_time" '
                      f'content="2024-01-01"></head><body><article>{body}</article></body></html>', "warm-up",
                      html=True)
        build_record(nlp_mod.load()(text), Document(text=text, published="2024-01-01"))
    except Exception as exc:  # a broken reader or extractor shows up per document, with its own error
        log.debug("warm-up failed: %s", exc)


def _run(sources: Iterator[Source], store: Store, job: _Job, sink: Callable[[Done], None], n_process: int,
         settings: CorpusSettings, needs_html: bool = True) -> None:
    """Read and extract in ``n_process`` workers (or in this process for one); results are stored in input order."""
    chunks = chunked(sources, settings.chunk_size)
    if n_process == 1:

        def is_stored(incoming: Incoming) -> bool:
            return store.status(incoming) is Status.SAME

        for chunk in chunks:
            for done in _work(chunk, job, is_stored):
                sink(done)
        return
    _warm_up(needs_html)  # before the fork: workers share the loaded pipeline and every lazily read resource
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    window = n_process * settings.chunks_in_flight_per_worker
    # A chunk's result is awaited this long at most: a worker killed by the system (out of memory)
    # never answers, and its inputs are then failures rather than a hung run. Each document may take
    # the timeout to read, and to extract besides its share of the batched parse.
    wait = settings.document_timeout_seconds * (3 * settings.chunk_size + 1)

    def collect(chunk: list[Source], result: AsyncResult) -> None:
        try:
            done = result.get(timeout=wait)
        except Exception as exc:  # the worker died, or the result could not come back
            error = "worker lost: " + (_one_line(exc) if str(exc) else type(exc).__name__)
            # Unread, its inputs are known only by name: a file's path, a JSONL line's "path:line".
            done = [Done(s.name, error=error, stage=FailureStage.EXTRACT) for s in chunk]
        for d in done:
            sink(d)

    with ctx.Pool(n_process) as pool:
        pending: deque[tuple[list[Source], AsyncResult]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_work_in_pool, (chunk, job))))
            while len(pending) >= window:
                collect(*pending.popleft())
        while pending:
            collect(*pending.popleft())
