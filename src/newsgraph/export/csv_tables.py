"""CSV: one file per table, lists joined by ' | ' so spreadsheets show them in one cell."""

from __future__ import annotations

import csv
from pathlib import Path

from newsgraph.corpus.store import Store
from newsgraph.export.rows import COLUMNS, LIST_COLUMNS, tables

LIST_SEPARATOR = " | "


def write_csv(store: Store, folder: Path) -> list[Path]:
    written = []
    for name, rows in tables(store).items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=COLUMNS[name])
            writer.writeheader()
            for row in rows:
                writer.writerow({k: LIST_SEPARATOR.join(v) if k in LIST_COLUMNS else v for k, v in row.items()})
        written.append(path)
    return written
