"""Cluster sub-commands: ray-ingest (extract on Ray into Parquet shards) and load (shards into the store)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.read.byline import parse_date

DB_ENV = "NEWSGRAPH_DB"
DB_DEFAULT = "newsgraph.db"
PROG = "newsgraph"


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    """The options `newsgraph ingest` needs to run on Ray: --engine, --address, --records."""
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local worker processes (default) or a Ray cluster")
    parser.add_argument("--address", default=None,
                        help="with --engine ray: auto (the cluster this node belongs to) or ray://HOST:PORT; "
                             "default: a local Ray on this machine")
    parser.add_argument("--records", metavar="DIR", default=None,
                        help="with --engine ray: where workers write Parquet record shards, a folder every node "
                             "sees (default: DB.records next to the database)")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the cluster sub-commands to the newsgraph command line."""
    p = sub.add_parser("ray-ingest", help="extract articles on a Ray cluster into Parquet record shards")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="JSONL or Parquet shards, .txt/.html articles, or folders of them")
    p.add_argument("-o", "--out", dest="records", metavar="DIR", required=True,
                   help="folder for the Parquet record shards (shared by every node)")
    p.add_argument("--address", default=None, help="auto or ray://HOST:PORT; default: a local Ray on this machine")
    p.add_argument("-j", "--processes", type=int, default=None,
                   help="extraction workers (default: one per CPU of the cluster)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for articles that carry none")
    p.add_argument("--db", default=None, help="also load the shards into this corpus database and resolve")
    p.add_argument("--no-progress", action="store_true", help="no Ray Data progress bars")
    p.add_argument("--no-resolve", action="store_true", help="with --db: store only, resolve later")
    p.set_defaults(run=run_ray_ingest)

    p = sub.add_parser("load", help="bring Parquet record shards (from ray-ingest) into a corpus database")
    p.add_argument("directory", metavar="PARQUET_DIR")
    p.add_argument("--db", default=os.environ.get(DB_ENV, DB_DEFAULT),
                   help=f"corpus database (default: ${DB_ENV} or ./{DB_DEFAULT})")
    p.add_argument("--no-resolve", action="store_true", help="store only; resolve later with newsgraph resolve")
    p.set_defaults(run=run_load)


def _check(args: argparse.Namespace) -> None:
    if args.published is not None and parse_date(args.published) is None:
        raise NewsgraphError(f"unreadable --published {args.published!r}: use YYYY-MM-DD")
    if args.processes is not None and args.processes < 1:
        raise NewsgraphError("--processes must be 1 or more")


def run_ray_ingest(args: argparse.Namespace) -> int:
    """`newsgraph ray-ingest`, and `newsgraph ingest --engine ray`: extract on Ray, then load into --db if given."""
    from newsgraph.cluster import engine
    from newsgraph.cluster.load import stored_hashes
    from newsgraph.corpus.store import open_store

    _check(args)
    db = getattr(args, "db", None)
    records = getattr(args, "records", None) or (f"{db}.records" if db else None)
    if records is None:
        raise NewsgraphError("give --records DIR (or --db FILE) for the Parquet record shards")
    known: frozenset[str] = frozenset()
    if db:
        with open_store(db) as store:
            known = stored_hashes(store)
    started = engine.start(getattr(args, "address", None), num_cpus=args.processes)
    try:
        report = engine.run(args.paths, records, workers=args.processes, published=args.published, known=known,
                            progress=not getattr(args, "no_progress", False) and sys.stderr.isatty())
    finally:
        if started:
            engine.stop()
    for line in report.bad_shards:
        _say(f"error: bad shard skipped: {line}")
    _say(f"ray-ingest: {report.records} extracted, {report.unchanged} unchanged, {report.failed} failed, "
         f"{len(report.bad_shards)} bad shard(s) skipped; {report.units} unit(s) on {report.workers} worker(s) "
         f"in {report.seconds:.1f} s ({report.rate:.1f} documents/s); shards in {records}")
    code = 1 if report.bad_shards or report.failed else 0
    if db:
        code = max(code, _load(db, report.shards, getattr(args, "no_resolve", False)))
    return code


def run_load(args: argparse.Namespace) -> int:
    """`newsgraph load PARQUET_DIR --db FILE`."""
    if not Path(args.directory).is_dir():
        raise NewsgraphError(f"{args.directory}: no such folder of record shards")
    return _load(args.db, args.directory, args.no_resolve)


def _load(db: str, source: str | list[str], no_resolve: bool) -> int:
    from newsgraph.cluster.load import load
    from newsgraph.corpus.store import open_store

    with open_store(db) as store:
        report = load(store, source if isinstance(source, str) else list(source), do_resolve=not no_resolve)
    for line in report.bad_shards:
        _say(f"error: bad shard skipped: {line}")
    summary = (f"load: {report.stored} stored ({report.replaced} replaced), {report.unchanged} unchanged, "
               f"{report.duplicates} duplicate(s) dropped, {len(report.failed)} failed, from {report.shards} "
               f"shard(s) in {report.seconds:.1f} s")
    res = report.resolution
    if res:
        summary += f"; resolved {res.documents} document(s): {res.actors} actors, {res.events} events"
    _say(summary)
    if report.failed:
        _say(f"error: {len(report.failed)} input(s) failed (kept in table failures of {db})")
    return 1 if report.failed or report.bad_shards else 0
