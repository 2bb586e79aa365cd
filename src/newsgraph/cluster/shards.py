"""Input shards as units of work: planned on the driver, read in a worker into the local path's Documents."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from newsgraph.cluster.settings import DEFAULT, ClusterSettings
from newsgraph.corpus.ingest import expand_paths
from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.pipeline import to_document
from newsgraph.read import document_from_dict, read_path
from newsgraph.read.jsonl import parse_jsonl_line
from newsgraph.settings import DEFAULT as READ_DEFAULT

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
# Bytes that say a file is not JSON Lines text: gzip, zip, Parquet, NUL.
_NOT_TEXT = (b"\x1f\x8b", b"PK\x03\x04", b"PAR1")


class ShardKind(str, Enum):
    """How a unit is read: JSON Lines by byte range, a Parquet file of articles, or one .txt/.html article."""

    JSONL = "jsonl"
    PARQUET = "parquet"
    FILE = "file"


class ShardError(Exception):
    """The whole shard is unreadable: reported once and skipped, the rest of the run goes on."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One task: a byte range of a JSONL file, row groups [start, end) of a Parquet file (end -1: to the end)."""

    index: int  # place in the input order: output files sort in it, so load stores in input order
    path: str
    kind: ShardKind
    start: int = 0
    end: int = -1

    @property
    def name(self) -> str:
        """The record shard's file name: the same unit always writes the same file, so a retry overwrites."""
        digest = hashlib.sha1(f"{self.path}\x00{self.start}\x00{self.end}".encode()).hexdigest()[:10]
        stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in Path(self.path).stem)[:40]
        return f"{self.index:06d}-{stem}-{digest}.parquet"

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        row["kind"] = self.kind.value
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Unit:
        return cls(int(row["index"]), str(row["path"]), ShardKind(row["kind"]), int(row["start"]), int(row["end"]))


def _kind(path: Path) -> ShardKind:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return ShardKind.JSONL
    if suffix in PARQUET_SUFFIXES:
        return ShardKind.PARQUET
    return ShardKind.FILE


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders walked for articles and Parquet shards, sorted like the local ingest."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(expand_paths([p]))
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PARQUET_SUFFIXES))
        else:
            out.append(p)
    return out


def plan(paths: Iterable[str | Path], settings: ClusterSettings = DEFAULT) -> list[Unit]:
    """Units in input order; big JSONL files are cut in byte ranges. Missing files still get a unit, to be reported."""
    units: list[Unit] = []
    for path in expand(paths):
        kind = _kind(path)
        size = path.stat().st_size if kind is not ShardKind.FILE and path.is_file() else 0
        if kind is ShardKind.PARQUET and size > settings.split_bytes:
            units.extend(_parquet_units(path, size, len(units), settings))
        elif kind is ShardKind.JSONL and size > settings.split_bytes:
            for start in range(0, size, settings.split_bytes):
                end = min(start + settings.split_bytes, size)
                units.append(Unit(len(units), str(path), kind, start, -1 if end == size else end))
        else:
            units.append(Unit(len(units), str(path), kind))
    return units


def _parquet_units(path: Path, size: int, index: int, settings: ClusterSettings) -> list[Unit]:
    """Runs of whole row groups of about split_bytes each; a footer that does not read leaves one unit to report."""
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception:  # noqa: BLE001 - the worker reads it again and reports why
        return [Unit(index, str(path), ShardKind.PARQUET)]
    groups = meta.num_row_groups
    per_unit = max(1, round(groups * settings.split_bytes / size)) if groups else 1
    starts = list(range(0, max(groups, 1), per_unit))
    return [Unit(index + i, str(path), ShardKind.PARQUET, start, -1 if start + per_unit >= groups else start + per_unit)
            for i, start in enumerate(starts)]


def read_unit(unit: Unit, published: str | None = None) -> Iterator[Document | InputError]:
    """The unit's articles as the local reader gives them (same sources "path:line"), errors as InputError."""
    if unit.kind is ShardKind.JSONL:
        items: Iterator[Document | InputError] = _read_jsonl_range(unit)
    elif unit.kind is ShardKind.PARQUET:
        items = _read_parquet(unit)
    else:
        items = read_path(unit.path)
    for item in items:
        if isinstance(item, Document) and published is not None:
            try:
                item = to_document(item, published)
            except InputError as exc:
                item = exc
        yield item


def _open(path: str):  # noqa: ANN202 - a binary file
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    except FileNotFoundError:
        raise ShardError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ShardError(f"{path}: not a file") from None
    except OSError as exc:
        raise ShardError(f"{path}: cannot read ({exc.strerror})") from None


def _lines_before(handle, start: int) -> int:  # noqa: ANN001
    """How many newlines the first ``start`` bytes hold: the line number a range starts after."""
    handle.seek(0)
    count, left = 0, start
    while left > 0:
        block = handle.read(min(left, 1 << 20))
        if not block:
            break
        count += block.count(b"\n")
        left -= len(block)
    return count


def _read_jsonl_range(unit: Unit) -> Iterator[Document | InputError]:
    """Lines whose first byte lies in [start, end), numbered as in the whole file."""
    with _open(unit.path) as handle:
        head = handle.read(4096)
        if head.startswith(_NOT_TEXT) or b"\x00" in head:  # every range of the file says so, not only the first
            raise ShardError(f"{unit.path}: not JSON Lines text (binary or compressed)")
        number = _lines_before(handle, unit.start)
        pos = unit.start
        if unit.start > 0:
            handle.seek(unit.start - 1)
            if handle.read(1) != b"\n":  # the range starts inside a line: it belongs to the range before
                pos += len(handle.readline())
                number += 1
        end = os.fstat(handle.fileno()).st_size if unit.end < 0 else unit.end
        seen_any = False
        while pos < end:
            data = handle.readline()
            if not data:
                break
            pos += len(data)
            number += 1
            if data.strip():
                seen_any = True
                yield from parse_jsonl_line(data, f"{unit.path}:{number}", READ_DEFAULT)
        if not seen_any and unit.start == 0 and unit.end < 0:
            raise ShardError(f"{unit.path}: empty input")


def _read_parquet(unit: Unit) -> Iterator[Document | InputError]:
    """A Parquet file of articles (columns as the JSONL form: text, id, title ...), rows numbered from 1 in the file."""
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(unit.path)
        groups = handle.metadata.num_row_groups
        end = groups if unit.end < 0 else unit.end
        first_row = sum(handle.metadata.row_group(g).num_rows for g in range(unit.start))
        table = handle.read_row_groups(list(range(unit.start, end))) if groups else handle.read()
    except FileNotFoundError:
        raise ShardError(f"{unit.path}: no such file") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a damaged file
        raise ShardError(f"{unit.path}: unreadable Parquet ({_first_line(exc)})") from None
    if "text" not in table.column_names:
        raise ShardError(f"{unit.path}: no \"text\" column (has {', '.join(table.column_names)})")
    for number, row in enumerate(table.to_pylist(), start=first_row + 1):
        try:
            yield document_from_dict(row, f"{unit.path}:{number}")
        except InputError as exc:
            yield exc


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
