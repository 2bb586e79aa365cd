"""Every cluster tunable in one typed object, with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    # A JSONL file bigger than this is cut into byte ranges that run as separate tasks: at ~5 KB an
    # article, 16 MB is ~3,000 articles, a few minutes on one core, so a retried task repeats little
    # and one big file still spreads over many workers.
    split_bytes: int = 16 * 1024 * 1024
    # Documents per spaCy nlp.pipe call inside a worker: the local ingest's chunking, a bit larger
    # because there is no writer waiting on each result.
    chunk_size: int = 32
    # A task whose worker dies is run again this often before the run gives up on it: a killed or
    # pre-empted node is retried, a document that crashes the interpreter every time is not retried forever.
    max_task_retries: int = 3
    # Object store of a local cluster started for a run: the rows are small summaries and the records go
    # to Parquet files, not through the store, so 256 MB leaves memory to the workers.
    local_object_store_bytes: int = 256 * 1024 * 1024
    # Rows per Parquet row group in a record shard: a group of ~1,000 records is a few MB, what
    # Spark and pyarrow read efficiently.
    row_group_size: int = 1000


DEFAULT = ClusterSettings()
