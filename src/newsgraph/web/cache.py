"""Rendered API answers kept while the store files are unchanged: a reload of a view costs no query."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path

Stamp = tuple


def store_stamp(db: Path) -> Stamp:
    """What changes when anyone writes the store: size and mtime of the database and its WAL."""
    out = []
    for p in (db, db.with_name(db.name + "-wal")):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


class ResponseCache:
    """A small LRU of rendered bodies, each valid for the store stamp it was made under."""

    def __init__(self, db: Path, entries: int) -> None:
        self.db = db
        self.entries = entries
        self._items: OrderedDict[Hashable, tuple[Stamp, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Event] = {}
        self.wait_seconds = 60.0  # a wait on another thread's answer; then try again
        self.hits = 0
        self.misses = 0

    def peek(self, key: Hashable) -> bytes | None:
        """The kept body when it is still valid, else None; cheap enough for the event loop (two stats)."""
        if self.entries <= 0:
            return None
        stamp = store_stamp(self.db)
        with self._lock:
            return self._fresh(key, stamp)

    def _fresh(self, key: Hashable, stamp: object) -> bytes | None:
        """The kept body if made at this stamp (counted as a hit); the caller holds the lock."""
        item = self._items.get(key)
        if item is None or item[0] != stamp:
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return item[1]

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The body for key, made again when the store changed since it was kept (or never kept).
        Concurrent misses on one key make it once: the others wait for it (200 tabs opening one view)."""
        if self.entries <= 0:
            return make()
        while True:
            stamp = store_stamp(self.db)
            with self._lock:
                body = self._fresh(key, stamp)
                if body is not None:
                    return body
                running = self._making.get(key)
                if running is None:
                    running = self._making[key] = threading.Event()
                    break
            running.wait(timeout=self.wait_seconds)
        try:
            body = make()
            # keep it only if no write landed while it was being made
            if store_stamp(self.db) == stamp:
                with self._lock:
                    self.misses += 1
                    self._items[key] = (stamp, body)
                    self._items.move_to_end(key)
                    while len(self._items) > self.entries:
                        self._items.popitem(last=False)
            return body
        finally:
            with self._lock:
                self._making.pop(key, None)
            running.set()
