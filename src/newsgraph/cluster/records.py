"""Record shards: one Parquet row per article, the full record JSON plus flat columns for Spark and SQL."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.cluster.settings import DEFAULT, ClusterSettings

# record_json is the exact local record (record.to_dict()), so equality with the local path is a string compare;
# the flat columns are copies for engines that cannot parse JSON cheaply. A failed article has error and stage,
# no record_json; key is what the store files failures under.
COLUMNS: dict[str, str] = {
    "id": "string",
    "key": "string",
    "hash": "string",
    "published": "string",
    "title": "string",
    "outlet": "string",
    "url": "string",
    "n_entities": "int32",
    "n_events": "int32",
    "n_quotes": "int32",
    "error": "string",
    "stage": "string",
    "record_json": "string",
}


def _schema():  # noqa: ANN202 - a pyarrow schema; pyarrow is imported only where shards are used
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32()}
    return pa.schema([(name, types[t]) for name, t in COLUMNS.items()])


def record_row(record: dict[str, Any], key: str, hash_: str) -> dict[str, Any]:
    """A stored article: its record JSON and the columns copied out of it."""
    d = record["document"]
    return {
        "id": d["id"], "key": key, "hash": hash_, "published": d.get("published"), "title": d.get("title"),
        "outlet": d.get("outlet"), "url": d.get("url"), "n_entities": len(record.get("entities", [])),
        "n_events": len(record.get("events", [])), "n_quotes": len(record.get("quotes", [])),
        "error": None, "stage": None, "record_json": json.dumps(record, ensure_ascii=False),
    }


def failure_row(key: str, stage: str, error: str, doc_id: str | None = None) -> dict[str, Any]:
    """An article that failed to read or extract: kept so that load files it like the local ingest does."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update({"id": doc_id, "key": key, "stage": stage, "error": error})
    return row


def write_shard(rows: list[dict[str, Any]], path: str | Path, settings: ClusterSettings = DEFAULT) -> None:
    """Write to a temporary name, then rename: a reader never sees half a shard, a retry replaces the whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    table = pa.Table.from_pylist(rows, schema=_schema())
    try:
        pq.write_table(table, tmp, row_group_size=settings.row_group_size, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def shard_files(directory: str | Path) -> list[Path]:
    """The record shards of a folder in name order, which is input order; temporary files are not shards."""
    return sorted(p for p in Path(directory).glob("*.parquet") if not p.name.startswith("."))


@dataclass(frozen=True, slots=True)
class ShardRows:
    """One record shard's rows, or why it could not be read."""

    path: Path
    rows: list[dict[str, Any]]
    error: str | None = None


def read_shards(source: str | Path | list[str | Path]) -> Iterator[ShardRows]:
    """Every record shard's rows (of a folder, or the files listed) in order; a damaged file comes with its error."""
    import pyarrow.parquet as pq

    files = [Path(p) for p in source] if isinstance(source, list) else shard_files(source)
    for path in files:
        try:
            table = pq.read_table(path, columns=list(COLUMNS))
        except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a damaged file
            lines = str(exc).strip().splitlines()
            yield ShardRows(path, [], f"{path}: unreadable record shard ({lines[0] if lines else type(exc).__name__})")
            continue
        yield ShardRows(path, table.to_pylist())
