"""The work of one unit on one worker: read, extract with the local ingest's code, write one record shard."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph import nlp as nlp_mod
from newsgraph.batching import chunked
from newsgraph.cluster.records import failure_row, record_row, write_shard
from newsgraph.cluster.settings import DEFAULT, ClusterSettings
from newsgraph.cluster.shards import ShardError, Unit, read_unit
from newsgraph.corpus.ingest import _extract_chunk, _failure_key
from newsgraph.corpus.store import FailureStage, Incoming
from newsgraph.errors import InputError
from newsgraph.settings import DEFAULT as PIPELINE_DEFAULT

# What each unit reports back to the driver: a small row, the records themselves go to the shard file.
SUMMARY_FIELDS = ("index", "path", "start", "end", "shard", "records", "failed", "unchanged", "error", "seconds",
                  "cpu_seconds", "began_at", "ended_at")



def process_unit(unit: Unit, out_dir: str, published: str | None = None, known: frozenset[str] = frozenset(),
                 settings: ClusterSettings = DEFAULT) -> dict[str, Any]:
    """Extract one unit into ``out_dir/unit.name``; documents whose hash is in ``known`` are stored already."""
    started, cpu_started = time.monotonic(), time.process_time()
    rows: list[dict[str, Any]] = []
    # began_at/ended_at are wall clock (comparable across nodes, roughly): the bench's extraction window.
    summary: dict[str, Any] = {"index": unit.index, "path": unit.path, "start": unit.start, "end": unit.end,
                               "shard": None, "records": 0, "failed": 0, "unchanged": 0, "error": None,
                               "began_at": time.time()}

    def todo() -> Iterator[Incoming]:
        for item in read_unit(unit, published):
            if isinstance(item, InputError):
                rows.append(failure_row(_failure_key(item), FailureStage.READ.value, str(item)))
                continue
            incoming = Incoming.of(item)
            if len(item.text) > PIPELINE_DEFAULT.max_chars:
                error = f"{incoming.key}: {len(item.text):,} characters is over the limit for one article"
                rows.append(failure_row(incoming.key, FailureStage.READ.value, error, item.id))
                continue
            if incoming.hash in known:
                summary["unchanged"] += 1
                continue
            yield incoming

    try:
        for chunk in chunked(todo(), settings.chunk_size):
            for incoming, record, error in _extract_chunk(chunk):
                if error is not None:
                    rows.append(failure_row(incoming.key, FailureStage.EXTRACT.value, error, incoming.document.id))
                else:
                    rows.append(record_row(record, incoming.key, incoming.hash))
    except (ShardError, OSError) as exc:  # the whole shard is skipped: no partial shard is written
        summary["error"] = str(exc) if isinstance(exc, ShardError) else f"{unit.path}: read failed ({exc})"
        summary["seconds"] = time.monotonic() - started
        summary["ended_at"] = time.time()
        summary["cpu_seconds"] = time.process_time() - cpu_started
        return summary
    shard = Path(out_dir) / unit.name
    write_shard(rows, shard, settings)
    summary["shard"] = str(shard)
    summary["records"] = sum(r["error"] is None for r in rows)
    summary["failed"] = len(rows) - summary["records"]
    summary["seconds"] = time.monotonic() - started
    summary["ended_at"] = time.time()
    summary["cpu_seconds"] = time.process_time() - cpu_started
    return summary


class UnitExtractor:
    """Ray Data actor: loads the spaCy pipeline once, then extracts the units of each batch it is given."""

    def __init__(self, out_dir: str, published: str | None = None, known: Any = None,
                 settings: ClusterSettings = DEFAULT) -> None:
        nlp_mod.load()
        self.out_dir = out_dir
        self.published = published
        self.known = _resolve_known(known)
        self.settings = settings

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        summaries = [self.process(Unit.from_row(row)) for row in batch.to_pylist()]
        return pa.Table.from_pylist(summaries)

    def process(self, unit: Unit) -> dict[str, Any]:
        """One unit; a subclass may wrap it (the tests kill a worker here)."""
        return process_unit(unit, self.out_dir, self.published, self.known, self.settings)


def _resolve_known(known: Any) -> frozenset[str]:
    """The hashes already stored: given as a set, or as a Ray object reference shared by every actor."""
    if known is None:
        return frozenset()
    if isinstance(known, (set, frozenset, list, tuple)):
        return frozenset(known)
    import ray

    return frozenset(ray.get(known))
