"""Connections to the store for the web app: read-only per thread, one writer only with --allow-ingest."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from newsgraph.corpus.store import Store, open_store
from newsgraph.errors import NewsgraphError

T = TypeVar("T")


def _ro_uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def check_db(path: str | Path) -> Path:
    """The store's path, or one clear line: serve never creates an empty database."""
    p = Path(path)
    if not p.is_file():
        raise NewsgraphError(f"{p}: no such corpus database (create it with: newsgraph ingest ... --db {p})")
    store = Stores(p, writable=False)
    try:
        store.reader().check_schema()
    except sqlite3.DatabaseError as exc:
        raise NewsgraphError(f"{p}: not a newsgraph database ({exc})") from None
    finally:
        store.close()
    return p


class Stores:
    """One read connection per worker thread (SQLite connections are not shared), one locked writer."""

    def __init__(self, path: str | Path, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        # Ingest runs on one dedicated thread: the corpus store wants one writer, and its connection
        # must be used (and closed) on the thread that opened it.
        self._write_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-writer")
        self._writer: Store | None = None

    def reader(self) -> Store:
        """This thread's store over a read-only connection (writable only when the app may ingest)."""
        store = getattr(self._local, "store", None)
        if store is None:
            conn = sqlite3.connect(_ro_uri(self.path), uri=True, check_same_thread=False, timeout=30.0)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only=ON")
            store = Store(conn, self.path)
            self._local.store = store
            with self._lock:
                self._all.append(conn)
        return store

    def write(self, fn: Callable[[Store], T]) -> Future[T]:
        """Run fn(store) on the writer thread; only when started with --allow-ingest."""
        if not self.writable:
            raise NewsgraphError("this server is read-only: start it with --allow-ingest to add articles")

        def run() -> T:
            if self._writer is None:
                self._writer = open_store(self.path, create=True)
            return fn(self._writer)

        return self._write_thread.submit(run)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()

        def close_writer() -> None:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

        self._write_thread.submit(close_writer).result()
        self._write_thread.shutdown()
