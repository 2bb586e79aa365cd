"""Web load: 200 concurrent requests on loopback to the timeline API of `newsgraph serve`.

Builds a store of synthetic records (no spaCy: hand-placed facts, so it runs anywhere), starts the server in a
child process on a free 127.0.0.1 port, fires the requests at once from one asyncio client, and prints
throughput and p50/p99 latency: once as served (answers cached while the store is unchanged) and once with
--cache-entries 0 (every request runs the query). The peer is the same query called in process (corpus.queries via the web
module): the ratio says what HTTP, JSON and the thread pool add.

    python bench/web_load.py [--docs 300] [--concurrency 200] [--rounds 3] [--path /api/timeline]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

PEOPLE = ["Anna Kovacs", "Peter Lind", "Maria Santos", "Pieter Olsen", "Tomas Weber", "Lena Novak", "Omar Haddad",
          "Ruth Ellis", "Jon Berg", "Ines Costa", "Karl Meyer", "Sofia Rossi"]
ORGS = ["Dockers Union", "Port Authority", "Transport Ministry", "Harbour Council", "Shipping Guild"]
OUTLETS = ["Harbour Gazette", "Coast Courier", "Daily Ledger", "Evening Post"]
EVENTS = [("CONSULT", "met"), ("ACCUSE", "accused"), ("REJECT", "rejected"), ("AGREE", "agreed with"),
          ("THREATEN", "threatened"), ("SUPPORT", "backed")]


def records(n: int, seed: int = 7) -> list:
    """n one-paragraph articles, each with two events between named actors, a quote and a date."""
    from newsgraph.model import (
        Document,
        Entity,
        EntityType,
        Event,
        Modality,
        PloverType,
        Quote,
        QuoteKind,
        Record,
        Span,
    )

    rng = random.Random(seed)
    out = []
    for i in range(n):
        a, b, c = rng.sample(PEOPLE, 3)
        org = rng.choice(ORGS)
        (t1, v1), (t2, v2) = rng.sample(EVENTS, 2)
        day = f"2024-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
        s1 = f"{a} {v1} {b} of the {org} on Monday."
        s2 = f"{c} {v2} {a} later."
        quote = f"We will not give up the port number {i},"
        text = f'{s1} {s2} "{quote}" {b} said.'
        doc = Document(text=text, title=f"Report {i}: {a} and {b}", published=day, outlet=rng.choice(OUTLETS),
                       source=f"bench-{i}")

        def span(needle: str, text: str = text) -> Span:
            k = text.index(needle)
            return Span.of(text, k, k + len(needle))

        ents = []
        for j, (name, et) in enumerate([(a, "PERSON"), (b, "PERSON"), (c, "PERSON"), (org, "ORG")]):
            ents.append(Entity(f"e{j + 1}", name, EntityType(et), [], [], [span(name)]))
        evs = [Event("v1", PloverType(t1), v1, span(s1), ["e1"], ["e2"], day, None, None, Modality.ASSERTED),
               Event("v2", PloverType(t2), v2, span(s2), ["e3"], ["e1"], day, None, None, Modality.ASSERTED)]
        q0 = text.index(quote)
        qs = [Quote("q1", quote, q0, q0 + len(quote), QuoteKind.DIRECT, "e2", "said")]
        out.append(Record(doc, ents, [], evs, qs, []))
    return out


def build(path: Path, n: int) -> None:
    from newsgraph.corpus.resolve import resolve
    from newsgraph.corpus.store import Incoming, open_store

    with open_store(path) as store:
        for r in records(n):
            store.put_record(r, Incoming.of(r.document))
        resolve(store)


def direct_ms(db: Path, calls: int = 20) -> float:
    """Mean milliseconds of the same query called in process, without HTTP."""
    from newsgraph.web import queries as wq
    from newsgraph.web.db import Stores

    stores = Stores(db)
    store = stores.reader()
    wq.timeline(store)
    t0 = time.perf_counter()
    for _ in range(calls):
        wq.timeline(store)
    ms = (time.perf_counter() - t0) / calls * 1000
    stores.close()
    return ms


async def get(host: str, port: int, path: str) -> tuple[int, bytes]:
    """One HTTP/1.1 GET on its own connection, written by hand: the client must cost far less than the server."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


async def fire(url: str, n: int) -> tuple[float, list[float], int]:
    """n requests at once; (wall seconds, each latency, failures)."""
    from urllib.parse import urlsplit

    u = urlsplit(url)
    path = u.path + (f"?{u.query}" if u.query else "")

    async def one() -> tuple[float, bool]:
        t = time.perf_counter()
        try:
            status, body = await get(u.hostname, u.port, path)
            ok = status == 200 and body.startswith(b"{")
        except OSError:
            ok = False
        return time.perf_counter() - t, ok

    start = time.perf_counter()
    results = await asyncio.gather(*(one() for _ in range(n)))
    wall = time.perf_counter() - start
    return wall, [t for t, _ in results], sum(not ok for _, ok in results)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--path", default="/api/timeline")
    ap.add_argument("--no-uncached", action="store_true", help="skip the run with the answer cache off")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-web-load-") as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        build(db, args.docs)
        print(f"store: {args.docs} documents built in {time.perf_counter() - t0:.1f} s")
        direct = direct_ms(db)
        errors = 0
        for label, cache in (("cached", None), ("uncached", "0")):
            if label == "uncached" and args.no_uncached:
                continue
            extra = ["--cache-entries", cache] if cache is not None else []
            result = run_server(db, extra, args, label)
            if result is None:
                return 0
            thr, lats, err = result
            errors += err
            total = args.concurrency * args.rounds
            print(f"{label}: {total} requests ({args.concurrency} at a time), {err} errors; "
                  f"throughput {thr:.0f} req/s; latency p50 {pct(lats, 50) * 1000:.0f} ms, "
                  f"p99 {pct(lats, 99) * 1000:.0f} ms, max {max(lats) * 1000:.0f} ms; "
                  f"HTTP / in-process rate = {thr / (1000 / direct):.2f}")
    print(f"peer: the same query in process {direct:.1f} ms/call ({1000 / direct:.0f}/s on one thread)")
    return 1 if errors else 0


def run_server(db: Path, extra: list[str], args: argparse.Namespace, label: str):  # noqa: ANN201
    """Start `newsgraph serve`, fire the rounds, stop it; (throughput, latencies, errors) or None."""
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", "0", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        line = proc.stdout.readline() if ready else ""
        if "http://" not in line:
            print(f"skipped: the server did not start: {line.strip()} {proc.stderr.read().strip()}")
            return None
        url = line.split(" at ", 1)[1].split()[0].rstrip("/") + args.path
        wall, lat, err = asyncio.run(fire(url, args.concurrency))  # first contact: cold cache, fresh threads
        print(f"{label} cold start: {args.concurrency} concurrent GET {args.path}: {wall:.2f} s, "
              f"p50 {pct(lat, 50) * 1000:.0f} ms, p99 {pct(lat, 99) * 1000:.0f} ms, {err} errors")
        walls, lats, errors = [], [], 0
        for i in range(args.rounds):
            wall, lat, err = asyncio.run(fire(url, args.concurrency))
            walls.append(wall)
            lats += lat
            errors += err
            print(f"{label} round {i + 1}: {args.concurrency} concurrent GET {args.path}: {wall:.2f} s, "
                  f"{args.concurrency / wall:.0f} req/s, p50 {pct(lat, 50) * 1000:.0f} ms, "
                  f"p99 {pct(lat, 99) * 1000:.0f} ms")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    return args.concurrency * args.rounds / sum(walls), lats, errors


if __name__ == "__main__":
    sys.exit(main())
