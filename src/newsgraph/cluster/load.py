"""Load record shards into the corpus store: dedupe by document id, then resolve across the corpus once."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.cluster.records import read_shards
from newsgraph.corpus.resolve import ResolveReport, resolve
from newsgraph.corpus.store import FailureStage, Incoming, Status, Store
from newsgraph.model import Record


@dataclass(slots=True)
class LoadReport:
    shards: int = 0
    rows: int = 0
    stored: int = 0  # new or changed documents stored
    replaced: int = 0  # stored before with other content
    unchanged: int = 0  # already stored with the same content (a retried or repeated shard, a re-run)
    duplicates: int = 0  # the same document id twice in this load: kept once
    failed: list[str] = field(default_factory=list)  # one line per failed article
    bad_shards: list[str] = field(default_factory=list)  # one line per unreadable record shard
    seconds: float = 0.0
    resolution: ResolveReport | None = None


def stored_hashes(store: Store) -> frozenset[str]:
    """Content hashes of every stored document: workers skip these, as the local ingest does."""
    return frozenset(r[0] for r in store.conn.execute("SELECT hash FROM documents"))


def load(store: Store, source: str | Path | list[str | Path], do_resolve: bool = True) -> LoadReport:
    """Store the records of a shard folder (or of the shard files listed) in order; each document id once."""
    started = time.monotonic()
    report = LoadReport()
    seen: set[str] = set()
    for shard in read_shards(source):
        if shard.error:
            report.bad_shards.append(shard.error)
            continue
        report.shards += 1
        for row in shard.rows:
            report.rows += 1
            if row["error"] is not None:
                store.put_failure(row["key"], FailureStage(row["stage"]), row["error"])
                report.failed.append(row["error"])
                continue
            if row["id"] in seen:
                report.duplicates += 1
                continue
            seen.add(row["id"])
            record = Record.from_dict(json.loads(row["record_json"]))
            incoming = Incoming(record.document, row["key"], row["hash"])
            status = store.status(incoming)
            if status is Status.SAME:
                report.unchanged += 1
                continue
            store.put_record(record, incoming)
            report.stored += 1
            report.replaced += status is Status.CHANGED
    report.seconds = time.monotonic() - started
    if do_resolve:
        report.resolution = resolve(store)
    return report
