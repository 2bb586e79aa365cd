"""Quote attribution on PolNeAR (train/dev only), with textacy's direct_quotations as the peer.

PolNeAR (networkdynamics/PolNeAR, 1,008 US political news articles, BRAT standoff with Source, Cue and
Content spans) is read from a local copy: $POLNEAR_DIR (a checkout or a bare git directory), else a
mirror under /work/.mirror/. It is never committed. The test split is reserved and never read.

Scoring: a gold Content matches one of our quotes when they overlap by at least half of the shorter.
Precision = our quotes that match some gold Content; recall = gold Contents matched by some quote.
The speaker is right when the speaker_span of the best-matching quote, or a mention of its speaker
entity, overlaps the gold Source (a pronoun source counts by the pronoun: bench/coref.py scores what the
pronoun resolves to, on MEANTIME's gold coreference); a second figure counts entity mentions alone. Gold kinds: direct (the content is all inside quotation marks),
partial (marks inside it), indirect (no marks). "speech" is the subset of gold whose cue is a verb of
saying from this file's own list (PolNeAR also annotates beliefs and intentions: "X wants ...").

    python bench/quotes.py                 # all 84 dev articles
    python bench/quotes.py --split train --limit 150
    python bench/quotes.py --all           # train + dev
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SPLITS = ("train", "dev")  # never "test": it is reserved for the final evaluation
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that"}
# The bench's own list of verbs of saying, independent of the extractor's lexicon.
SAY = {
    "say", "said", "says", "saying", "tell", "told", "tells", "telling", "report", "reported", "reports", "write",
    "wrote", "writes", "written", "add", "added", "adds", "note", "noted", "notes", "state", "stated", "states",
    "claim", "claimed", "claims", "announce", "announced", "confirm", "confirmed", "explain", "explained",
    "argue", "argued", "insist", "insisted", "warn", "warned", "declare", "declared", "tweet", "tweeted",
    "according", "ask", "asked", "reveal", "revealed", "acknowledge", "acknowledged", "admit", "admitted",
    "deny", "denied", "suggest", "suggested", "continue", "continued", "respond", "responded", "reply",
    "replied", "predict", "predicted", "promise", "promised", "call", "called", "accuse", "accused", ":",
}
MARKS = "\"“”«»"


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: str = ""
    kind: str = "indirect"
    pronoun: bool = False
    speech: bool = False


# -- reading PolNeAR --------------------------------------------------------------------------------
class Corpus:
    """A checkout (with data/) or a bare git directory, read the same way."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = not (root / "data").is_dir()

    def names(self, split: str, kind: str) -> list[str]:
        sub = f"data/{split}/{kind}"
        if not self.git:
            return sorted(p.name for p in (self.root / sub).iterdir())
        out = subprocess.run(
            ["git", f"--git-dir={self.root}", "ls-tree", "--name-only", "HEAD", f"{sub}/"],
            capture_output=True, text=True, check=True,
        ).stdout
        return sorted(Path(line).name for line in out.splitlines())

    def read(self, split: str, kind: str, name: str) -> str:
        rel = f"data/{split}/{kind}/{name}"
        if not self.git:
            return (self.root / rel).read_text(encoding="utf-8")
        return subprocess.run(
            ["git", f"--git-dir={self.root}", "show", f"HEAD:{rel}"], capture_output=True, check=True
        ).stdout.decode("utf-8")


def find_corpus() -> Corpus | None:
    env = os.environ.get("POLNEAR_DIR")
    if env:  # an explicit place is the only place looked at
        candidates = [env]
    else:
        candidates = sorted(glob.glob("/work/.mirror/*PolNeAR*/repo")) + sorted(glob.glob("/work/.mirror/*PolNeAR*"))
    for c in candidates:
        p = Path(c)
        if (p / "data").is_dir() or (p / "HEAD").is_file():
            return Corpus(p)
    return None


def parse_ann(ann: str, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            spans[parts[0]] = (label, frags)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    golds = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        g = Gold(spans[rel["Content"]][1])
        if "Source" in rel and rel["Source"] in spans:
            g.source = spans[rel["Source"]][1]
            src = " ".join(text[a:b] for a, b in g.source).strip().lower()
            g.pronoun = src in PRONOUNS
        if "Cue" in rel and rel["Cue"] in spans:
            g.cue = " ".join(text[a:b] for a, b in spans[rel["Cue"]][1])
        g.speech = bool(set(re.findall(r"[\w:]+", g.cue.lower())) & SAY)
        body = " ".join(text[a:b] for a, b in g.content).replace("''", '"').strip().rstrip(".,;:!? ")
        if len(body) > 1 and body[0] in MARKS and body[-1] in MARKS:
            g.kind = "direct"
        elif any(c in MARKS for c in body):
            g.kind = "partial"
        golds.append(g)
    return golds


# -- scoring ------------------------------------------------------------------------------------------
def overlap(a: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in frags)


def matches(span: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    """Overlap when it is at least half of the shorter span, else 0."""
    o = overlap(span, frags)
    shorter = min(span[1] - span[0], sum(e - s for s, e in frags))
    return o if shorter > 0 and o * 2 >= shorter else 0


@dataclass
class Pred:
    span: tuple[int, int]
    kind: str
    speaker_spans: list[tuple[int, int]]  # speaker_span and the speaker entity's mentions
    entity_spans: list[tuple[int, int]] = field(default_factory=list)  # the speaker entity's mentions only


@dataclass
class Tally:
    pred: Counter = field(default_factory=Counter)
    pred_ok: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    gold_ok: Counter = field(default_factory=Counter)
    spk: Counter = field(default_factory=Counter)
    spk_ok: Counter = field(default_factory=Counter)
    ent: int = 0  # non-pronoun gold sources scored by entity mentions alone
    ent_ok: int = 0
    errors: int = 0
    docs: int = 0
    seconds: float = 0.0

    def add(self, golds: list[Gold], preds: list[Pred]) -> None:
        for p in preds:
            self.pred[p.kind] += 1
            self.pred["all"] += 1
            if any(matches(p.span, g.content) for g in golds):
                self.pred_ok[p.kind] += 1
                self.pred_ok["all"] += 1
        for g in golds:
            keys = ["all", g.kind] + (["speech"] if g.speech else []) + (["pronoun"] if g.pronoun else [])
            scored = [(matches(p.span, g.content), p) for p in preds]
            scored = [(o, p) for o, p in scored if o]
            for k in keys:
                self.gold[k] += 1
            if not scored:
                continue
            for k in keys:
                self.gold_ok[k] += 1
            if not g.source:
                continue
            best = max(scored, key=lambda x: x[0])[1]
            right = any(overlap(s, g.source) for s in best.speaker_spans)
            if not g.pronoun:
                self.ent += 1
                self.ent_ok += any(overlap(s, g.source) for s in best.entity_spans)
            for k in keys:
                self.spk[k] += 1
                self.spk_ok[k] += right

    def row(self, key: str, pred_key: str | None = None) -> str:
        pk = pred_key or key
        p = self.pred_ok[pk] / self.pred[pk] if self.pred[pk] else float("nan")
        r = self.gold_ok[key] / self.gold[key] if self.gold[key] else float("nan")
        f = 2 * p * r / (p + r) if p + r else 0.0
        s = self.spk_ok[key] / self.spk[key] if self.spk[key] else float("nan")
        return (f"{key:>9} gold {self.gold[key]:5d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                f"speaker {s:.3f} (n={self.spk[key]})")


# -- systems --------------------------------------------------------------------------------------------
def ours(doc, text: str) -> tuple[list[Pred], float, float]:
    from newsgraph.extract.entities import find_entities
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.extract.quotes import find_quotes

    t0 = time.perf_counter()
    entities = find_entities(doc)
    index = MentionIndex(entities)
    t1 = time.perf_counter()
    quotes = find_quotes(doc, entities, index)
    t2 = time.perf_counter()
    by_id = {e.id: e for e in entities}
    preds = []
    for q in quotes:
        spans = [(q.speaker_span.start, q.speaker_span.end)] if q.speaker_span else []
        mentions = [(m.start, m.end) for m in by_id[q.speaker].mentions] if q.speaker in by_id else []
        preds.append(Pred((q.start, q.end), q.kind.value, spans + mentions, mentions))
    return preds, t1 - t0, t2 - t1


def peer(doc) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    preds = []
    for dq in direct_quotations(doc):
        content = dq.content
        spans = [(t.idx, t.idx + len(t.text)) for t in dq.speaker]
        preds.append(Pred((content.start_char, content.end_char), "direct", spans, spans))
    return preds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--all", action="store_true", help="train and dev, every article")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles per split (0: all)")
    ap.add_argument("--offset", type=int, default=0, help="skip this many articles per split first")
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args(argv)
    corpus = find_corpus()
    if corpus is None:
        print("skipped: PolNeAR absent (set POLNEAR_DIR or fetch networkdynamics/PolNeAR)")
        return 0
    try:
        import textacy.extract.triples  # noqa: F401

        have_peer = not args.no_peer
    except ImportError:
        have_peer = False
        if not args.no_peer:
            print("peer skipped: textacy is not installed (pip install textacy==0.13.0)")
    from newsgraph import nlp as nlp_mod

    nlp = nlp_mod.load()
    splits = SPLITS if args.all else (args.split,)
    items = []
    for split in splits:
        texts = corpus.names(split, "text")
        anns = defaultdict(list)
        for name in corpus.names(split, "attributions"):
            anns[name.rsplit("_", 1)[0]].append(name)
        chosen = [t for t in texts if anns.get(t[:-4])]
        chosen = chosen[args.offset :]
        if args.limit:
            chosen = chosen[: args.limit]
        for t in chosen:
            text = corpus.read(split, "text", t)
            ann = corpus.read(split, "attributions", sorted(anns[t[:-4]])[0])  # one annotator per article
            items.append((text, parse_ann(ann, text)))
    mine, theirs = Tally(), Tally()
    parse_s = ent_s = 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe((text for text, _ in items), batch_size=32))
    parse_s = time.perf_counter() - t0
    for doc, (text, golds) in zip(docs, items, strict=True):
        preds, e_s, q_s = ours(doc, text)
        ent_s += e_s
        mine.seconds += q_s
        mine.docs += 1
        mine.add(golds, preds)
        if have_peer:
            t = time.perf_counter()
            try:
                theirs_preds = peer(doc)
            except Exception:  # the peer's own failures are part of what we report
                theirs.errors += 1
                theirs_preds = []
            theirs.seconds += time.perf_counter() - t
            theirs.docs += 1
            theirs.add(golds, theirs_preds)
    n = len(items)
    words = sum(len(d) for d in docs)
    print(f"PolNeAR {'+'.join(splits)}: {n} articles, {words:,} tokens, one annotator each")
    print(f"ours ({mine.pred['all']} quotes: {dict((k, v) for k, v in mine.pred.items() if k != 'all')})")
    for key in ("all", "speech", "direct", "partial", "indirect", "pronoun"):
        print("  " + mine.row(key, pred_key="all" if key in ("speech", "pronoun") else key))
    print(f"  speaker by entity mention alone (non-pronoun sources): {mine.ent_ok / max(1, mine.ent):.3f} "
          f"(n={mine.ent}); the rows above also accept the speaker_span")
    if have_peer:
        print(f"textacy direct_quotations ({theirs.pred['all']} quotes, raised on {theirs.errors}/{theirs.docs} "
              f"articles)")
        for key in ("all", "direct", "pronoun"):
            print("  " + theirs.row(key, pred_key="all"))
        print("  anchor (Gender Gap Tracker, its own news set): quote F1 0.837, speaker 0.865")
        for key in ("direct",):
            r_ours = mine.gold_ok[key] / max(1, mine.gold[key])
            r_peer = theirs.gold_ok[key] / max(1, theirs.gold[key])
            print(f"  ratio ours/peer: direct recall {r_ours / r_peer if r_peer else float('inf'):.2f}x")
    print(f"time per article: parse {1000 * parse_s / n:.1f} ms, entities {1000 * ent_s / n:.2f} ms, "
          f"quotes {1000 * mine.seconds / n:.2f} ms ({100 * mine.seconds / parse_s:.1f}% of the parse)"
          + (f", textacy {1000 * theirs.seconds / n:.2f} ms" if have_peer else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
