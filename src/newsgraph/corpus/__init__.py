"""The corpus layer: many articles in one SQLite store, resolved into actors and events across documents."""

from newsgraph.corpus.ingest import IngestReport, ingest
from newsgraph.corpus.resolve import ResolveReport, resolve
from newsgraph.corpus.store import Store, open_store

__all__ = ["IngestReport", "ResolveReport", "Store", "ingest", "open_store", "resolve"]
