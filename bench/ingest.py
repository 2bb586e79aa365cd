"""Ingest speed and memory: N varied articles with 1 and with 2 worker processes, one writer.

Articles are made in a temporary folder from the examples and the MEANTIME texts (../shared/data), each
with its own id, date, outlet, opening sentence and paragraph order, so every one is a new document
while the actors recur as they do in news. Prints articles per second for each process count, the
speed-up, peak RSS of the writer and of the workers, and the writer's RSS as the store grows.

With ``--input html`` the same articles are written as one web page each (a site's header, menu, side bar
and footer around the article, its date and outlet in the page's metadata), so that reading and HTML
parsing are part of the measured work; the writer's share of all CPU time says how much of it the one
main process still does.

    .venv/bin/python bench/ingest.py [--articles 2000] [--processes 1 2] [--input jsonl|html]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
MEANTIME = REPO.parent / "shared" / "data" / "meantime" / "intra_cross-doc_annotation"
CITIES = ["Moscow", "Kyiv", "Minsk", "Berlin", "Paris", "London", "Detroit", "Cupertino", "Tokyo", "Ottawa"]
OUTLETS = ["Wire One", "Daily Ledger", "Evening Post", "News Desk", "The Courier", "Metro Times"]


def base_texts() -> list[tuple[str, str]]:
    """(title, body) of every example and, when present, every MEANTIME article."""
    out = []
    for p in sorted((REPO / "examples").glob("*.txt")):
        parts = p.read_text(encoding="utf-8").split("\n\n")
        out.append((parts[0].strip(), "\n\n".join(parts[2:])))
    if MEANTIME.exists():
        import meantime_xml

        for p in sorted(MEANTIME.glob("*/*.xml")):
            doc = meantime_xml.read(p)
            out.append((doc.title, doc.text))
    return out


def make_articles(n: int, path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = base_texts()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            title, body = texts[i % len(texts)]
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            if len(paragraphs) > 2:  # keep the lead, vary the rest
                rest = paragraphs[1:]
                rng.shuffle(rest)
                paragraphs = paragraphs[:1] + rest
            day = 1 + i % 28
            opening = f"{rng.choice(CITIES)}, dispatch {i}: our correspondent filed this report."
            out.write(json.dumps({
                "id": f"bench-{i}", "title": f"{title} ({i})", "published": f"2023-{1 + i % 12:02d}-{day:02d}",
                "outlet": rng.choice(OUTLETS), "text": "\n\n".join([opening, *paragraphs]),
            }) + "\n")


def _page(article: dict, rng: random.Random) -> str:
    """One article as a news site serves it: the text in <p>s among the page's furniture."""
    esc = html.escape
    # About the weight of a real news page without its images: 60 menu links, 20 teasers, styles, scripts.
    menu = "".join(f'<li class="nav-item"><a class="nav-link" href="/section/{rng.choice(CITIES).lower()}/{k}">'
                   f"{rng.choice(CITIES)} {k}</a></li>" for k in range(60))
    related = "".join(f'<li class="teaser"><a href="/story/{rng.randrange(10**6)}"><h3>Read more about '
                      f"{rng.choice(CITIES)} and the region</h3><p>{esc(rng.choice(OUTLETS))} reports on what "
                      f"happened next in {rng.choice(CITIES)}, with reactions.</p></a></li>" for _ in range(20))
    style = "".join(f".c{k}{{margin:{k % 9}px;padding:{k % 7}px;color:#{k * 4099 % 0xFFFFFF:06x}}}"
                    for k in range(300))
    script = "".join(f"window.cfg{k}={{id:{rng.randrange(10**9)},slot:'ad-{k}',sizes:[[300,250],[728,90]]}};"
                     for k in range(150))
    body = "".join(f"<p>{esc(p)}</p>\n" for p in article["text"].split("\n\n"))
    outlet, title = esc(article["outlet"]), esc(article["title"])
    url = f"https://{article['outlet'].lower().replace(' ', '')}.example/{article['id']}"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">'
            f'<meta property="og:url" content="{url}"><link rel="canonical" href="{url}">'
            f'<meta property="article:published_time" content="{article["published"]}T08:30:00Z">'
            f"<style>{style}</style><script>{script}</script></head><body>"
            f'<header><div class="logo">{outlet}</div><nav><ul>{menu}</ul></nav></header>'
            f'<main><article><h1>{title}</h1><div class="byline">By Staff Reporter, '
            f'<time datetime="{article["published"]}">{article["published"]}</time></div>'
            f'<div class="article-body">{body}</div></article>'
            f'<aside><h2>Related</h2><ul>{related}</ul><div class="ad">Advertisement</div></aside></main>'
            f"<footer><p>Subscribe to our newsletter.</p><p>© 2023 {outlet}. All rights reserved.</p>"
            f'<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>'
            f"</body></html>\n")


def make_pages(n: int, folder: Path, seed: int = 7) -> None:
    """The articles of ``make_articles`` as one HTML page each in ``folder``."""
    jsonl = folder / "articles.jsonl.tmp"
    make_articles(n, jsonl, seed)
    rng = random.Random(seed)
    with jsonl.open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            (folder / f"page-{i:05d}.html").write_text(_page(json.loads(line), rng), encoding="utf-8")
    jsonl.unlink()


def _spin(seconds: float) -> int:
    end, loops = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        loops += 1
    return loops


def attainable_speedup(processes: int, seconds: float = 2.0) -> float:
    """How much more pure CPU work ``processes`` processes get done than one, on this machine, now.

    A machine shared with other jobs may give a session one core however many processes it runs
    (Linux autogroup scheduling); this calibrates the ingest speed-up against what the cores allow.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    work = []
    for n in (1, processes):
        with ctx.Pool(n) as pool:
            work.append(sum(pool.map(_spin, [seconds] * n)))
    return work[1] / work[0]


def rss_mb() -> float:
    """This process's resident memory now, from /proc (MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(articles: Path, db: Path, processes: int, n: int) -> dict:
    from newsgraph.corpus import ingest, open_store

    samples: dict[int, float] = {}
    marks = {n * k // 4 for k in range(1, 5)}
    stored = 0

    def on_stored(_incoming) -> None:
        nonlocal stored
        stored += 1
        if stored in marks:
            samples[stored] = rss_mb()

    cpu_before = _cpu()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    with open_store(db) as store:
        report = ingest(store, [articles], n_process=processes, progress=False, do_resolve=False,
                        on_stored=on_stored)
        ingested = time.monotonic()
        cpu_after = _cpu()
        writer_cpu, worker_cpu = (a - b for a, b in zip(cpu_after, cpu_before, strict=True))
        from newsgraph.corpus import resolve

        res = resolve(store)
    done = time.monotonic()
    return {"processes": processes, "stored": report.stored, "failed": len(report.failed),
            "seconds": ingested - started, "rate": report.stored / (ingested - started),
            "resolve_seconds": done - ingested, "actors": res.actors, "events": res.events, "rss": samples,
            "cpu_per_article": (writer_cpu + worker_cpu) / max(report.stored, 1),
            "writer_cpu_per_article": writer_cpu / max(report.stored, 1) if processes > 1 else None,
            "load": (load_before + os.getloadavg()[0]) / 2}


def reading_cpu(folder: Path, pages: int = 100) -> float:
    """CPU seconds to read and parse one page, from up to ``pages`` pages read in this process."""
    from newsgraph.read import read_path

    files = sorted(folder.glob("*.html"))[:pages]
    started = time.process_time()
    for f in files:
        list(read_path(f))
    return (time.process_time() - started) / max(len(files), 1)


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process (the writer) and of its reaped children (the workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--input", choices=["jsonl", "html"], default="jsonl",
                        help="one JSONL file of articles, or a folder of one HTML page per article")
    args = parser.parse_args()
    from newsgraph import nlp

    nlp.load()  # loaded once here, shared by both runs and by the forked workers
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.input == "html":
            articles = Path(tmp) / "pages"
            articles.mkdir()
            make_pages(args.articles, articles)
            size = sum(f.stat().st_size for f in articles.iterdir()) / 1e6
        else:
            articles = Path(tmp) / "articles.jsonl"
            make_articles(args.articles, articles)
            size = articles.stat().st_size / 1e6
        print(f"{args.articles} articles ({size:.1f} MB of {args.input.upper()}) from {len(base_texts())} base texts")
        for j in args.processes:
            r = run(articles, Path(tmp) / f"c{j}.db", j, args.articles)
            results.append(r)
            rss = ", ".join(f"{k}: {v:.0f}" for k, v in sorted(r["rss"].items()))
            print(f"  {j} process(es): {r['stored']} stored, {r['failed']} failed in {r['seconds']:.1f} s = "
                  f"{r['rate']:.1f} articles/s; resolution {r['resolve_seconds']:.1f} s "
                  f"({r['actors']} actors, {r['events']} events); {r['cpu_per_article'] * 1000:.0f} ms CPU per "
                  f"article; machine load {r['load']:.1f}; writer RSS MB at n stored: {rss}")
            if r["writer_cpu_per_article"] is not None:
                print(f"    the writer (main process): {r['writer_cpu_per_article'] * 1000:.1f} ms CPU per article, "
                      f"{100 * r['writer_cpu_per_article'] / r['cpu_per_article']:.1f}% of all CPU")
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        read_cpu = reading_cpu(articles) if args.input == "html" else None
    if len(results) > 1:
        one, many = results[0], results[-1]
        speedup = many["rate"] / one["rate"]
        ceiling = attainable_speedup(many["processes"])
        print(f"speed-up {many['processes']} vs {one['processes']} processes: {speedup:.2f}x; pure CPU work on "
              f"this machine now: {ceiling:.2f}x, so ingest reached {100 * speedup / ceiling:.0f}% of what the "
              f"cores allowed")
        if many["writer_cpu_per_article"] is not None:
            # What the cores cannot hide: extra CPU per article from running in parallel, and the share
            # of the one writer, which bounds the speed-up however many workers there are.
            writer = many["writer_cpu_per_article"]
            workers = many["cpu_per_article"] - writer
            print(f"  CPU per article: serial {one['cpu_per_article'] * 1000:.0f} ms; with {many['processes']} "
                  f"processes workers {workers * 1000:.0f} ms + writer {writer * 1000:.1f} ms (the writer's share "
                  f"of all CPU: {100 * writer / many['cpu_per_article']:.1f}%); on idle cores the writer caps the "
                  f"speed-up at {many['cpu_per_article'] / writer:.0f}x")
            if read_cpu is not None:
                # Before/after: the workers read the pages now; a writer that read them itself (as ingest did
                # before) would add this much CPU per article to its own.
                total, before = many["cpu_per_article"], writer + read_cpu
                print(f"  reading and parsing a page: {read_cpu * 1000:.1f} ms CPU, in the workers; were the writer "
                      f"to read the pages it would spend {before * 1000:.1f} ms per article ({100 * before / total:.1f}% "
                      f"of all CPU) and cap the speed-up at {total / before:.0f}x instead of {total / writer:.0f}x")
    print(f"peak RSS: writer {self_peak:.0f} MB, largest worker {child_peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
