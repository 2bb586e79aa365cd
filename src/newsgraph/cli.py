"""The command line: parses arguments, calls the library, prints. Errors are one line on stderr."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from typing import TextIO

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Document
from newsgraph.pipeline import extract_many
from newsgraph.read import read_path
from newsgraph.read.byline import parse_date
from newsgraph.summary import summarize

PROG = "newsgraph"


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        print(f"{PROG}: error: {message} (see {PROG} --help)", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="News articles in, facts with their evidence out.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ex = sub.add_parser("extract", help="extract facts from articles (.txt, .html, .jsonl)")
    ex.add_argument("files", nargs="+", metavar="FILE")
    ex.add_argument("--published", help="publication date YYYY-MM-DD that relative dates hang on")
    ex.add_argument("--format", choices=("json", "jsonl"), help="default: json for one document")
    ex.add_argument("-o", "--output", help="write here instead of standard output")
    ex.add_argument("--summary", action="store_true", help="also print a summary a person can read")
    ex.add_argument("-j", "--processes", type=int, default=1, help="worker processes (default 1)")
    ex.set_defaults(run=run_extract)
    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list:
    """Sub-commands of other packages of newsgraph (corpus, web, cluster), when present."""
    registrars = []
    for module in ("newsgraph.corpus.cli", "newsgraph.web.cli", "newsgraph.cluster.cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        registrars.append(mod.register)
    return registrars


def _documents(files: Sequence[str], failures: list[str]) -> Iterator[Document]:
    for name in files:
        for item in read_path(name):
            if isinstance(item, InputError):
                failures.append(str(item))
                print(f"{PROG}: error: {item}", file=sys.stderr)
            else:
                yield item


def run_extract(args: argparse.Namespace) -> int:
    if args.published is not None and parse_date(args.published) is None:
        return _fail(f"unreadable --published {args.published!r}: use YYYY-MM-DD")
    failures: list[str] = []
    documents = _documents(args.files, failures)
    records = extract_many(documents, n_process=args.processes, published=args.published)
    single = len(args.files) == 1 and not args.files[0].lower().endswith((".jsonl", ".ndjson"))
    fmt = args.format or ("json" if single else "jsonl")
    written = 0
    # --format json over several documents writes one JSON array, so the output always parses.
    array = fmt == "json" and not single
    target = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        if array:
            out.write("[\n")
        for record in records:
            if array and written:
                out.write(",")
            _write(out, record.to_dict(), fmt)
            written += 1
            if args.summary:
                print(summarize(record), file=sys.stdout if args.output else sys.stderr)
            for w in record.warnings:
                print(f"{PROG}: warning: {record.document.source or record.document.id}: {w}", file=sys.stderr)
        if array:
            out.write("]\n")
    if failures:
        return _fail(f"{len(failures)} input(s) failed, {written} document(s) extracted", 1)
    return 0


def _write(out: TextIO, obj: dict, fmt: str) -> None:
    if fmt == "json":
        json.dump(obj, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format=f"{PROG}: %(levelname)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except NewsgraphError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror}".strip(": "))


if __name__ == "__main__":
    sys.exit(main())
