"""Parquet: one file per table for DuckDB and Spark; needs pyarrow (pip install newsgraph[parquet])."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus.store import Store
from newsgraph.errors import NewsgraphError
from newsgraph.export.rows import COLUMNS, LIST_COLUMNS, tables


def write_parquet(store: Store, folder: Path) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise NewsgraphError("Parquet export needs pyarrow: pip install 'newsgraph[parquet]'") from None
    written = []
    for name, rows in tables(store).items():
        fields = [pa.field(c, pa.list_(pa.string()) if c in LIST_COLUMNS else pa.string()) for c in COLUMNS[name]]
        schema = pa.schema(fields)
        columns = {c: [row.get(c) for row in rows] for c in COLUMNS[name]}
        table = pa.table(columns, schema=schema)
        path = folder / f"{name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written
