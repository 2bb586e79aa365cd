"""Corpus sub-commands: ingest, resolve, timeline, actor, sources, contradictions, export."""

from __future__ import annotations

import argparse
import os
import sys

from newsgraph.corpus import queries
from newsgraph.corpus.contradictions import COLUMNS as CONTRADICTION_COLUMNS
from newsgraph.corpus.contradictions import contradictions
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.output import OutputFormat, write_actor, write_rows
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.store import open_store
from newsgraph.errors import NewsgraphError
from newsgraph.export import FORMATS, export
from newsgraph.read.byline import parse_date

DB_ENV = "NEWSGRAPH_DB"
DB_DEFAULT = "newsgraph.db"
TIMELINE_COLUMNS = ["date", "type", "actors", "targets", "place", "reports", "first_reported", "event", "evidence"]
SOURCES_COLUMNS = ["published", "outlet", "first", "credited_to", "modality", "title", "document", "evidence"]


def _db_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get(DB_ENV, DB_DEFAULT),
                   help=f"corpus database (default: ${DB_ENV} or ./{DB_DEFAULT})")


def _format_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=[f.value for f in OutputFormat], default=OutputFormat.TABLE.value)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the corpus sub-commands to the newsgraph command line."""
    p = sub.add_parser("ingest", help="extract articles into a corpus database, then resolve across them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt, .html, .jsonl) or folders of them")
    _db_argument(p)
    p.add_argument("-j", "--processes", type=int, default=None, help="worker processes (default: every core)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for articles that carry none")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    p.add_argument("--no-resolve", action="store_true", help="store only; resolve later with newsgraph resolve")
    from newsgraph.cluster.cli import add_engine_option

    add_engine_option(p)
    p.set_defaults(run=run_ingest)

    p = sub.add_parser("resolve", help="resolve actors and events across the stored documents")
    _db_argument(p)
    p.add_argument("--all", action="store_true", help="start over: resolve every document again")
    p.set_defaults(run=run_resolve)

    p = sub.add_parser("timeline", help="events across the corpus in date order")
    _db_argument(p)
    p.add_argument("--actor", help="only events this actor takes part in (a name or an actor id)")
    p.add_argument("--type", help="only events of this PLOVER type (CONSULT, ACCUSE ...)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (YYYY-MM-DD, YYYY-MM, YYYY)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date")
    _format_argument(p)
    p.set_defaults(run=run_timeline)

    p = sub.add_parser("actor", help="one actor: roles over time, quotes, events, partners and opponents")
    p.add_argument("name", metavar="NAME", help="a name as articles write it, or an actor id")
    _db_argument(p)
    _format_argument(p)
    p.set_defaults(run=run_actor)

    p = sub.add_parser("sources", help="who reported an event, first and after")
    p.add_argument("event", metavar="EVENT_ID")
    _db_argument(p)
    _format_argument(p)
    p.set_defaults(run=run_sources)

    p = sub.add_parser("contradictions", help="where the reports of one event disagree: whether and when")
    p.add_argument("--actor", help="only events this actor takes part in (a name or an actor id)")
    _db_argument(p)
    _format_argument(p)
    p.set_defaults(run=run_contradictions)

    p = sub.add_parser("export", help="write the resolved corpus as jsonl, csv, graphml, jsonld or parquet")
    _db_argument(p)
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("-o", "--output", help="file (a folder for csv and parquet); default standard output")
    p.set_defaults(run=run_export)


def run_ingest(args: argparse.Namespace) -> int:
    if getattr(args, "engine", "local") == "ray":
        from newsgraph.cluster.cli import run_ray_ingest

        return run_ray_ingest(args)
    published = parse_date(args.published) if args.published is not None else None
    if args.published is not None and published is None:
        raise NewsgraphError(f"unreadable --published {args.published!r}: use YYYY-MM-DD")
    if args.processes is not None and args.processes < 1:
        raise NewsgraphError("--processes must be 1 or more")
    with open_store(args.db) as store:
        report = ingest(store, args.paths, n_process=args.processes, published=published,
                        progress=False if args.no_progress else None, do_resolve=not args.no_resolve)
    res = report.resolution
    summary = (f"newsgraph: ingest: {report.stored} stored ({report.replaced} replaced), {report.unchanged} unchanged, "
               f"{len(report.failed)} failed in {report.seconds:.1f} s ({report.rate:.1f} documents/s)")
    if res:
        summary += f"; resolved {res.documents} document(s): {res.actors} actors, {res.events} events"
    print(summary, file=sys.stderr)
    for line in report.failed:
        print(f"newsgraph: error: {line}", file=sys.stderr)
    if report.failed:
        print(f"newsgraph: error: {len(report.failed)} input(s) failed (kept in table failures of {args.db})",
              file=sys.stderr)
        return 1
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        res = resolve(store, full=args.all)
    print(f"newsgraph: resolved {res.documents} document(s): {res.actors} actors, {res.events} events",
          file=sys.stderr)
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        rows = queries.timeline(store, actor=args.actor, type=args.type, date_from=args.date_from,
                                date_to=args.date_to)
    write_rows(rows, OutputFormat(args.format), sys.stdout, TIMELINE_COLUMNS)
    return 0


def run_actor(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        profile = queries.actor(store, args.name)
    write_actor(profile, OutputFormat(args.format), sys.stdout)
    return 0


def run_sources(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        rows = queries.sources(store, args.event)
    write_rows(rows, OutputFormat(args.format), sys.stdout, SOURCES_COLUMNS)
    return 0


def run_contradictions(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        rows = contradictions(store, actor=args.actor)
    write_rows(rows, OutputFormat(args.format), sys.stdout, CONTRADICTION_COLUMNS)
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        written = export(store, args.format, args.output)
    for path in written:
        print(f"newsgraph: wrote {path}", file=sys.stderr)
    return 0
