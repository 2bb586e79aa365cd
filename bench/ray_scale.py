"""Ray scale-out: articles per second with 1 and 2 Ray workers, scaling efficiency, core-hours per million articles.

One local Ray cluster (2 CPUs, loopback, no dashboard) runs the same JSONL shards with 1, then 2, extraction
workers; the local single-process extract_many over the same articles is the peer. News-length texts: the
repository's examples, the seed and MEANTIME when ../shared is there (bench/speed.py's corpus), each made
distinct. Two rates per run: end to end (Ray planning and worker start-up included, as a user waits) and over
the extraction window (first unit begun to last unit done, what a long run converges to).

    python bench/ray_scale.py [--n 240] [--shards 8]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))


def write_shards(folder: Path, n: int, shards: int) -> list[Path]:
    from speed import corpus_texts, stream

    docs = corpus_texts()
    paths = [folder / f"part-{s:03d}.jsonl" for s in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for i, article in enumerate(stream(docs, n)):
        handles[i % shards].write(json.dumps(article, ensure_ascii=False) + "\n")
    for h in handles:
        h.close()
    return paths


def local_rate(paths: list[Path]) -> tuple[int, float, float]:
    from newsgraph import nlp as nlp_mod
    from newsgraph.pipeline import extract_many
    from newsgraph.read import read_path

    nlp_mod.load()
    started, cpu = time.monotonic(), time.process_time()
    n = sum(1 for p in paths for _ in extract_many(read_path(p)))
    return n, time.monotonic() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=240, help="articles per run")
    parser.add_argument("--shards", type=int, default=8, help="JSONL shards (units of work)")
    args = parser.parse_args()
    from newsgraph.cluster import engine

    if not engine.ray_available():
        print("skipped: ray is not installed (pip install 'newsgraph[ray]')")
        return 0
    with tempfile.TemporaryDirectory(prefix="ray_scale_") as tmp:
        folder = Path(tmp)
        paths = write_shards(folder, args.n, args.shards)
        n_local, t_local, cpu_local = local_rate(paths)
        print(f"corpus: {args.n} news-length articles in {args.shards} JSONL shards; "
              f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"local extract_many, 1 process: {n_local / t_local:6.1f} articles/s ({t_local:.1f} s), "
              f"{n_local / cpu_local:.1f} articles per CPU-second")
        engine.start(num_cpus=2)
        try:
            runs = {}
            for workers in (1, 2):
                report = engine.run(paths, folder / f"records-{workers}", workers=workers)
                assert report.records == args.n and not report.bad_shards, report
                runs[workers] = report
                print(f"ray, {workers} worker(s): {report.rate:6.1f} articles/s end to end ({report.seconds:.1f} s), "
                      f"{report.records / report.window_seconds:6.1f} articles/s over the extraction window "
                      f"({report.window_seconds:.1f} s); {report.records / report.cpu_seconds:.1f} articles per "
                      f"CPU-second; workers on a CPU {report.cpu_seconds / (report.window_seconds * workers):.0%} "
                      f"of the window")
        finally:
            engine.stop()
    one, two = runs[1], runs[2]
    eff_e2e = two.rate / (2 * one.rate)
    w1, w2 = one.records / one.window_seconds, two.records / two.window_seconds
    eff_window = w2 / (2 * w1)
    print(f"ray 1 worker / local 1 process: {w1 / (n_local / t_local):.2f} in wall time over the window, "
          f"{(one.records / one.cpu_seconds) / (n_local / cpu_local):.2f} in articles per CPU-second")
    print(f"scaling efficiency 2 workers vs 1: {eff_e2e:.2f} end to end, {eff_window:.2f} over the extraction window; "
          f"{(two.records / two.cpu_seconds) / (one.records / one.cpu_seconds):.2f} in CPU time per article "
          f"(1.00: parallel workers add no cost per article; wall figures fall short of it when other jobs "
          f"hold the cores)")
    per_core = w2 / 2  # articles per second per core at the 2-worker rate
    print(f"core-hours per million articles at the 2-worker wall rate: {1e6 / per_core / 3600:,.1f} "
          f"({per_core:.1f} articles/s per core; inflated by whatever else the cores run)")
    cpu_per_article = (one.cpu_seconds + two.cpu_seconds) / (one.records + two.records)
    print(f"core-hours per million articles from worker CPU time: {1e6 * cpu_per_article / 3600:,.1f} "
          f"({1 / cpu_per_article:.1f} articles per CPU-second; load-independent, excludes start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
