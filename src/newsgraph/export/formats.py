"""One entry point per export format; each writes to a file, a folder, or standard output."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

from newsgraph.corpus.store import Store
from newsgraph.errors import NewsgraphError


class ExportFormat(str, Enum):
    JSONL = "jsonl"
    CSV = "csv"
    GRAPHML = "graphml"
    JSONLD = "jsonld"
    PARQUET = "parquet"


FORMATS = tuple(f.value for f in ExportFormat)
# Formats of several tables write a folder, one file per table.
FOLDER_FORMATS = frozenset({ExportFormat.CSV, ExportFormat.PARQUET})


def export(store: Store, fmt: ExportFormat | str, output: str | Path | None = None) -> list[Path]:
    """Write the resolved corpus in ``fmt``; returns the files written (none for standard output)."""
    fmt = ExportFormat(fmt)
    if fmt in FOLDER_FORMATS:
        if output is None:
            raise NewsgraphError(f"--format {fmt.value} writes one file per table: give a folder with -o DIR")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        if fmt is ExportFormat.CSV:
            from newsgraph.export.csv_tables import write_csv

            return write_csv(store, folder)
        from newsgraph.export.parquet import write_parquet

        return write_parquet(store, folder)
    from newsgraph.export.graphml import write_graphml
    from newsgraph.export.jsonl import write_jsonl
    from newsgraph.export.jsonld import write_jsonld

    writer = {ExportFormat.JSONL: write_jsonl, ExportFormat.GRAPHML: write_graphml,
              ExportFormat.JSONLD: write_jsonld}[fmt]
    if output is None:
        writer(store, sys.stdout)
        return []
    path = Path(output)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer(store, out)
    return [path]
