"""Speed: articles per second of extract_many against the bare spaCy pipeline it runs on, in one run.

Prints both rates, their ratio (goal >= 0.8), each extractor's share of the time per article, and peak RSS
after 1,000 and 10,000 articles streamed through extract_many (memory must stay flat).

    python bench/speed.py [--n 200] [--stream 10000] [--processes 1]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def corpus_texts() -> list[dict]:
    """News-length texts: the repository's examples, plus MEANTIME and the seed when shared/ is there."""
    sys.path.insert(0, str(REPO / "src"))
    from newsgraph.read import read_path

    docs = []
    paths = sorted((REPO / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
    for p in paths:
        for d in read_path(p):
            if not isinstance(d, Exception):
                docs.append({"text": d.text, "published": d.published or "2024-01-01"})
    meantime = SHARED / "data" / "meantime" / "intra_cross-doc_annotation"
    if meantime.exists():
        sys.path.insert(0, str(REPO / "bench"))
        import meantime_xml

        for p in sorted(meantime.glob("*/*.xml")):
            m = meantime_xml.read(p)
            docs.append({"text": m.text, "published": m.dct or "2010-01-01"})
    return docs


def stream(docs: list[dict], n: int) -> Iterator[dict]:
    """n articles, each a distinct text so no cache can help."""
    for i in range(n):
        d = docs[i % len(docs)]
        yield {"id": f"a{i}", "text": f"{d['text']}\n\n(Item {i}.)", "published": d["published"]}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles timed for the ratio")
    parser.add_argument("--stream", type=int, default=10000, help="articles streamed for the memory check (0: skip)")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="alternating timed rounds; the best of each counts")
    args = parser.parse_args()

    import newsgraph
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.amounts import find_amounts
    from newsgraph.extract.entities import find_entities
    from newsgraph.extract.events import find_events
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.extract.quotes import find_quotes
    from newsgraph.extract.times import find_times
    from newsgraph.model import Document, Record

    docs = corpus_texts()
    nlp = nlp_mod.load()
    articles = list(stream(docs, args.n))
    words = sum(len(a["text"].split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} words on average, spaCy package {nlp_mod.package_name()}")

    # Warm both paths once so neither pays start-up in the timed run.
    list(nlp.pipe([a["text"] for a in articles[:8]]))
    list(newsgraph.extract_many(articles[:8]))

    # Alternate the two runs and keep each one's best round, so load from other processes on the
    # machine hits both alike.
    bare, ours = float("inf"), float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe((a["text"] for a in articles), batch_size=32):
            pass  # streamed as extract_many streams: holding every Doc would slow the parse with GC work
        bare = min(bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_out = sum(1 for _ in newsgraph.extract_many(articles, n_process=args.processes))
        ours = min(ours, time.perf_counter() - t0)
        assert n_out == len(articles)

    bare_rate, our_rate = len(articles) / bare, len(articles) / ours
    print(f"bare spaCy      {bare_rate:8.1f} articles/s")
    print(f"extract_many    {our_rate:8.1f} articles/s  ({args.processes} process)")
    print(f"ratio ours/bare {our_rate / bare_rate:8.2f}   (goal >= 0.80)")

    # Each extractor's share of the time per article, on the same texts parsed once more.
    parsed = list(nlp.pipe((a["text"] for a in articles), batch_size=32))
    shares = dict.fromkeys(("times", "amounts", "entities", "quotes", "events"), 0.0)
    for doc, a in zip(parsed, articles, strict=True):
        document = Document(text=a["text"], published=a["published"])
        record = Record(document)
        t = time.perf_counter()
        record.times, _ = find_times(doc, document.published)
        shares["times"] += time.perf_counter() - t
        t = time.perf_counter()
        record.amounts = find_amounts(doc)
        shares["amounts"] += time.perf_counter() - t
        t = time.perf_counter()
        record.entities = find_entities(doc)
        index = MentionIndex(record.entities)
        shares["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        record.quotes = find_quotes(doc, record.entities, index)
        shares["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        record.events = find_events(doc, record, index)
        shares["events"] += time.perf_counter() - t
    per_article = ours / len(articles)
    print(f"time per article: {per_article * 1000:.1f} ms in extract_many, {bare / len(articles) * 1000:.1f} ms parse")
    for name, total in shares.items():
        ms = total / len(articles) * 1000  # shares are of the best extract_many round
        print(f"  {name:9s} {ms:6.2f} ms  {total / ours * 100:5.1f}% of extract_many's time per article")

    if args.stream:
        marks = {1000, args.stream}
        t0 = time.perf_counter()
        for i, _ in enumerate(newsgraph.extract_many(stream(docs, args.stream), n_process=args.processes), 1):
            if i in marks:
                print(f"peak RSS after {i:6d} articles: {peak_rss_mb():7.1f} MB  ({i / (time.perf_counter() - t0):.1f}/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
