"""The SQLite store: one writer connection, one transaction per document, a schema sqlite3 opens as is."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.corpus.ids import document_hash, document_key
from newsgraph.errors import NewsgraphError
from newsgraph.model import Document, Record

SCHEMA_VERSION = "1"


class Status(str, Enum):
    """What the store already knows of an incoming document."""

    NEW = "new"
    SAME = "same"  # stored with the same content: nothing to do
    CHANGED = "changed"  # its key or id is stored with other content: replace


class FailureStage(str, Enum):
    READ = "read"
    EXTRACT = "extract"
    STORE = "store"  # the record broke a constraint of the schema (an extractor defect)


@dataclass(frozen=True, slots=True)
class Incoming:
    """A document with what the store needs to place it."""

    document: Document
    key: str
    hash: str

    @classmethod
    def of(cls, document: Document) -> Incoming:
        return cls(document, document_key(document), document_hash(document))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _schema_sql() -> str:
    return resources.files("newsgraph.corpus").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """A connection with WAL and foreign keys; a missing file is created only when asked."""
    path = Path(path)
    if not create and not path.is_file():
        raise NewsgraphError(f"{path}: no such corpus database (create it with: newsgraph ingest ... --db {path})")
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NewsgraphError(f"{path}: not a newsgraph database ({exc})") from None
    conn.execute("PRAGMA foreign_keys=ON")
    # NORMAL is durable in WAL mode against a killed process; only a power cut may lose the last commit.
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


class Store:
    """Reads and writes of one corpus database. Every write goes through this one connection."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path) -> None:
        self.conn = conn
        self.path = Path(path)

    # -- lifecycle ---------------------------------------------------------------------------------
    def init_schema(self) -> None:
        version = None
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if has_meta:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = row[0] if row else None
        if version not in (None, SCHEMA_VERSION):
            raise NewsgraphError(f"{self.path}: corpus schema version {version}, this newsgraph reads {SCHEMA_VERSION}")
        if version is None and self._has_foreign_tables():
            raise NewsgraphError(f"{self.path}: an SQLite file that is not a newsgraph corpus")
        self.conn.executescript(_schema_sql())
        self.conn.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?), ('schema', 'newsgraph/1')",
            (SCHEMA_VERSION,),
        )
        self._add_date_source()

    def _add_date_source(self) -> None:
        """Stores made before events kept where their date came from get the column, filled from each record."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(events)")}
        if "date_source" in columns:
            return
        with self.transaction() as c:
            c.execute("ALTER TABLE events ADD COLUMN date_source TEXT")
            c.execute(
                "UPDATE events SET date_source = (SELECT json_extract(je.value, '$.date_source') FROM documents d, "
                "json_each(d.record, '$.events') je WHERE d.id = events.doc_id "
                "AND json_extract(je.value, '$.id') = events.id)"
            )

    def _has_foreign_tables(self) -> bool:
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return bool(names) and "documents" not in names

    def check_schema(self) -> None:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'"
        ).fetchone()
        if not row:
            raise NewsgraphError(f"{self.path}: not a newsgraph corpus database (no documents table)")
        try:
            self._add_date_source()
        except sqlite3.OperationalError:  # opened read-only (the web app): any writing command upgrades it
            pass

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: a killed process leaves either all of it or none."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- documents ---------------------------------------------------------------------------------
    def status(self, incoming: Incoming) -> Status:
        row = self.conn.execute("SELECT hash FROM documents WHERE id = ?", (incoming.document.id,)).fetchone()
        if row is not None:
            return Status.SAME if row["hash"] == incoming.hash else Status.CHANGED
        row = self.conn.execute("SELECT 1 FROM documents WHERE key = ?", (incoming.key,)).fetchone()
        return Status.CHANGED if row else Status.NEW

    def put_record(self, record: Record, incoming: Incoming) -> None:
        """Store one record in its own transaction, replacing what its key or id held before."""
        with self.transaction() as c:
            c.execute("DELETE FROM documents WHERE key = ? OR id = ?", (incoming.key, record.document.id))
            _insert_record(c, record, incoming)
            c.execute("DELETE FROM failures WHERE key = ?", (incoming.key,))

    def put_failure(self, key: str, stage: FailureStage, error: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO failures(key, stage, error, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET stage=excluded.stage, error=excluded.error, at=excluded.at",
                (key, stage.value, error, _now()),
            )

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY key")]

    def count(self, table: str) -> int:
        """Rows in one table of the schema (a name from schema.sql, never user input)."""
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _insert_record(c: sqlite3.Connection, record: Record, incoming: Incoming) -> None:
    d = record.document
    doc_id = d.id
    c.execute(
        "INSERT INTO documents(id, key, hash, title, author, published, outlet, url, source, language, text, "
        "record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, incoming.key, incoming.hash, d.title, d.author, d.published, d.outlet, d.url, d.source,
         d.language, d.text, json.dumps(record.to_dict(), ensure_ascii=False), _now()),
    )
    c.executemany(
        "INSERT INTO entities(doc_id, id, name, type, aliases) VALUES (?, ?, ?, ?, ?)",
        [(doc_id, e.id, e.name, e.type.value, json.dumps(e.aliases, ensure_ascii=False)) for e in record.entities],
    )
    c.executemany(
        'INSERT INTO mentions(doc_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(doc_id, e.id, m.start, m.end, m.text) for e in record.entities for m in e.mentions],
    )
    c.executemany(
        'INSERT INTO roles(doc_id, entity_id, title, of_entity, date, start, "end", text) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, e.id, r.title, r.of, d.published, r.evidence.start, r.evidence.end, r.evidence.text)
         for e in record.entities for r in e.roles],
    )
    c.executemany(
        'INSERT INTO times(doc_id, id, text, start, "end", type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(doc_id, t.id, t.text, t.start, t.end, t.type.value, t.value) for t in record.times],
    )
    c.executemany(
        'INSERT INTO events(doc_id, id, type, trigger, date, date_source, time_id, place, modality, source, start, '
        '"end", text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(doc_id, e.id, e.type.value, e.trigger, e.date, e.date_source.value if e.date_source else None, e.time,
          e.place, e.modality.value, e.source, e.evidence.start, e.evidence.end, e.evidence.text)
         for e in record.events],
    )
    c.executemany(
        "INSERT INTO event_actors(doc_id, event_id, entity_id, role) VALUES (?, ?, ?, ?)",
        [(doc_id, e.id, a, role) for e in record.events
         for role, ids in (("actor", e.actors), ("target", e.targets)) for a in ids],
    )
    c.executemany(
        'INSERT INTO quotes(doc_id, id, text, start, "end", kind, speaker, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [(doc_id, q.id, q.text, q.start, q.end, q.kind.value, q.speaker, q.cue) for q in record.quotes],
    )
    c.executemany(
        'INSERT INTO amounts(doc_id, text, start, "end", value, unit) VALUES (?, ?, ?, ?, ?, ?)',
        [(doc_id, a.text, a.start, a.end, a.value, a.unit) for a in record.amounts],
    )


def open_store(path: str | Path, create: bool = True) -> Store:
    """Open (and with ``create``, make) a corpus database; queries pass create=False."""
    conn = connect(path, create=create)
    store = Store(conn, path)
    try:
        if create:
            store.init_schema()
        else:
            store.check_schema()
    except BaseException:
        conn.close()
        raise
    return store
