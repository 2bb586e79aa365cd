"""Exports of a resolved corpus: JSONL (the contract), CSV, GraphML, JSON-LD, Parquet."""

from newsgraph.export.formats import FORMATS, ExportFormat, export

__all__ = ["FORMATS", "ExportFormat", "export"]
