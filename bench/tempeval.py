"""TempEval-3 time-expression benchmark on TimeBank and AQUAINT (TBAQ-cleaned), with our own scorer.

Scoring follows ../shared/data/README.md: relaxed (overlap) and strict (identical) span matching,
micro-averaged P/R/F1, type and value accuracy over relaxed matches, type/value F1 = accuracy x relaxed F1.
The DCT (t0) is not scored. Run: ``python bench/tempeval.py [--errors] [--limit N] [--corpus TimeBank]``.

The peer, HeidelTime (best of TempEval-3), runs on the same documents in the same run when it can be found
(bench/heideltime_peer.py says where it looks; ``--no-peer`` skips it), and the ratios ours / HeidelTime print.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
CORPORA = ("TimeBank", "AQUAINT")
MEANTIME_LAST_SENTENCE = 5  # sentence ids 0-5 (title, dateline, 4 body sentences) carry its TIMEX3 layer


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDoc:
    name: str
    dct: str | None
    text: str
    gold: list[Timex]
    scored_end: int | None = None  # only expressions before this offset are scored (MEANTIME)


def read_tml(path: Path) -> TmlDoc:
    """The raw TEXT of a .tml file with its TIMEX3 gold as character offsets into that text."""
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME" or t.get("tid") == "t0":
            dct = (t.get("value") or "")[:10] or None
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("tid") != "t0":
            gold.append(Timex(start, pos, "", el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el)
    text = "".join(parts)
    gold = [Timex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold]
    gold.sort(key=lambda g: g.start)
    return TmlDoc(path.stem, dct, text, gold)


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    relaxed_gold: int = 0  # gold expressions overlapped by some system expression
    relaxed_sys: int = 0  # system expressions overlapping some gold expression
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    matched: int = 0  # one-to-one relaxed pairs that type/value accuracy is computed on
    errors: list[str] = field(default_factory=list)
    find_ms: float = 0.0
    parse_ms: float = 0.0
    docs: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "relaxed_gold", "relaxed_sys", "strict", "type_ok", "value_ok",
                     "matched", "find_ms", "parse_ms", "docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        rp = self.relaxed_sys / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rf, sf = self._f1(rp, rr), self._f1(sp, sr)
        tacc = self.type_ok / self.matched if self.matched else 0.0
        vacc = self.value_ok / self.matched if self.matched else 0.0
        return {"relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "strict_p": sp, "strict_r": sr,
                "strict_f1": sf, "type_acc": tacc, "value_acc": vacc, "type_f1": tacc * rf,
                "value_f1": vacc * rf}


def score_doc(gold: list[Timex], system: list[Timex], name: str = "") -> Score:
    """Score one document: spans overlap (relaxed) or are equal (strict); attributes on relaxed pairs."""
    s = Score(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        overlapping = [i for i, x in enumerate(system) if x.start < g.end and g.start < x.end]
        if overlapping:
            s.relaxed_gold += 1
        if any(system[i].start == g.start and system[i].end == g.end for i in overlapping):
            s.strict += 1
        free = [i for i in overlapping if i not in used]
        if not free:
            continue
        # the best partner: identical span first, then the largest overlap
        i = max(free, key=lambda i: (system[i].start == g.start and system[i].end == g.end,
                                     min(g.end, system[i].end) - max(g.start, system[i].start)))
        used.add(i)
        x = system[i]
        s.matched += 1
        s.type_ok += x.type == g.type
        s.value_ok += x.value == g.value
        if x.value != g.value or x.type != g.type:
            s.errors.append(f"{name}\t{g.text!r}\tgold {g.type} {g.value}\tsys {x.text!r} {x.type} {x.value}")
    for x in system:
        if any(x.start < g.end and g.start < x.end for g in gold):
            s.relaxed_sys += 1
    return s


def spurious_and_missed(gold: list[Timex], system: list[Timex], name: str) -> list[str]:
    """Lines for expressions found by one side only, and for partial extents."""
    out = []
    for g in gold:
        over = [x for x in system if x.start < g.end and g.start < x.end]
        if not over:
            out.append(f"MISS\t{name}\t{g.text!r}\t{g.type} {g.value}")
        elif not any(x.start == g.start and x.end == g.end for x in over):
            out.append(f"EXTENT\t{name}\tgold {g.text!r}\tsys {[x.text for x in over]!r}")
    for x in system:
        if not any(x.start < g.end and g.start < x.end for g in gold):
            out.append(f"SPUR\t{name}\t{x.text!r}\t{x.type} {x.value}")
    return out


def run_corpus(folder: Path, limit: int | None, show: set[str]) -> Score:
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.times import find_times

    nlp = nlp_mod.load()
    total = Score()
    paths = sorted(folder.glob("*.tml"))[:limit]
    for path in paths:
        d = read_tml(path)
        t0 = time.perf_counter()
        doc = nlp(d.text)
        t1 = time.perf_counter()
        times, _warnings = find_times(doc, d.dct)
        t2 = time.perf_counter()
        system = [Timex(t.start, t.end, t.text, t.type.value, t.value) for t in times]
        s = score_doc(d.gold, system, d.name)
        s.parse_ms, s.find_ms, s.docs = (t1 - t0) * 1000, (t2 - t1) * 1000, 1
        total.add(s)
        if show & {"MISS", "EXTENT", "SPUR"}:
            for line in spurious_and_missed(d.gold, system, d.name):
                if line.split("\t", 1)[0] in show:
                    print(line)
    return total


def read_meantime(path: Path) -> TmlDoc | None:
    """A MEANTIME article as a TmlDoc: body text and its TIMEX3 gold (the DCT and title/dateline ones left out)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import meantime_xml

    m = meantime_xml.read(path)
    gold = []
    for t in m.root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            continue
        spans = [m.token_spans[a.get("t_id")] for a in t.findall("token_anchor") if a.get("t_id") in m.token_spans]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        gold.append(Timex(start, end, m.text[start:end], t.get("type", ""), t.get("value", "")))
    gold.sort(key=lambda g: g.start)
    # MEANTIME annotates time expressions in the title, the dateline and the first four body sentences only
    sentence = {tok.get("t_id"): int(tok.get("sentence", 0)) for tok in m.root.findall("token")}
    ends = [e for tid, (_, e) in m.token_spans.items() if sentence.get(tid, 99) <= MEANTIME_LAST_SENTENCE]
    return TmlDoc(m.name or path.stem, m.dct, m.text, gold, max(ends) if ends else 0)


def run_meantime(limit: int | None, show: set[str]) -> Score:
    """The same scoring on MEANTIME's English Wikinews articles (a check of generality: never tuned on)."""
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.times import find_times

    nlp = nlp_mod.load()
    total = Score()
    for d in meantime_docs(limit):
        t0 = time.perf_counter()
        doc = nlp(d.text)
        t1 = time.perf_counter()
        times, _ = find_times(doc, d.dct)
        t2 = time.perf_counter()
        system = [Timex(t.start, t.end, t.text, t.type.value, t.value) for t in times
                  if d.scored_end is None or t.start < d.scored_end]
        s = score_doc(d.gold, system, d.name)
        s.parse_ms, s.find_ms, s.docs = (t1 - t0) * 1000, (t2 - t1) * 1000, 1
        total.add(s)
        for line in spurious_and_missed(d.gold, system, d.name):
            if line.split("\t", 1)[0] in show:
                print(line)
    return total


def report(name: str, s: Score) -> None:
    f = s.figures()
    print(f"{name:9s} docs {s.docs:3d} gold {s.gold:4d} sys {s.system:4d} | "
          f"relaxed P {f['relaxed_p']:.3f} R {f['relaxed_r']:.3f} F1 {f['relaxed_f1']:.3f} | "
          f"strict F1 {f['strict_f1']:.3f} | type F1 {f['type_f1']:.3f} | value F1 {f['value_f1']:.3f} | "
          f"find_times {s.find_ms / max(s.docs, 1):.2f} ms/doc vs parse {s.parse_ms / max(s.docs, 1):.1f} "
          f"ms/doc ({100 * s.find_ms / max(s.parse_ms, 1e-9):.1f}%)")


def evaluate(corpora: tuple[str, ...] = CORPORA, limit: int | None = None,
             show: set[str] | None = None) -> dict[str, Score]:
    """Scores per corpus and overall ('all')."""
    scores: dict[str, Score] = {}
    overall = Score()
    for corpus in corpora:
        s = run_corpus(DATA / corpus, limit, show or set())
        scores[corpus] = s
        overall.add(s)
    scores["all"] = overall
    return scores


def meantime_docs(limit: int | None) -> list[TmlDoc]:
    """MEANTIME's public articles with their gold, in a fixed order."""
    paths = sorted((SHARED / "data" / "meantime").rglob("*.xml"))[:limit]
    return [d for p in paths if (d := read_meantime(p)) is not None]


def peer_scores(docs: dict[str, list[TmlDoc]]) -> tuple[dict[str, Score], str]:
    """HeidelTime's scores per corpus and overall on the same documents, or {} and why it did not run."""
    import heideltime_peer

    t0 = time.perf_counter()
    found, why = heideltime_peer.run([(d.name, d.text, d.dct) for ds in docs.values() for d in ds])
    seconds = time.perf_counter() - t0
    if not found:
        return {}, why
    scores: dict[str, Score] = {}
    overall = Score()
    for c, ds in docs.items():
        s = Score()
        for d in ds:
            system = [Timex(x.start, x.end, x.text, x.type, x.value) for x in found[d.name]
                      if d.scored_end is None or x.start < d.scored_end]
            one = score_doc(d.gold, system, d.name)
            one.docs = 1
            s.add(one)
        scores[c] = s
        overall.add(s)
    overall.find_ms = seconds * 1000  # one JVM for all documents, start-up included
    scores["all"] = overall
    return scores, ""


def run_peer(corpora: tuple[str, ...], limit: int | None) -> tuple[dict[str, Score], str]:
    """HeidelTime on the TimeBank/AQUAINT documents scored by run_corpus."""
    return peer_scores({c: [read_tml(p) for p in sorted((DATA / c).glob("*.tml"))[:limit]] for c in corpora})


def compare(ours: dict[str, Score], peer: dict[str, Score]) -> None:
    """HeidelTime's rows and ours / HeidelTime per corpus (those both were run on)."""
    rows = {name: s for name, s in peer.items() if name in ours}
    for name, s in rows.items():
        f = s.figures()
        print(f"HeidelTime {name:9s} relaxed F1 {f['relaxed_f1']:.3f} | strict F1 {f['strict_f1']:.3f} | "
              f"type F1 {f['type_f1']:.3f} | value F1 {f['value_f1']:.3f}")
    for name, s in rows.items():
        a, b = ours[name].figures(), s.figures()
        print(f"ours/HeidelTime {name:9s} " + " | ".join(
            f"{k.replace('_f1', '')} {a[k] / b[k]:.3f}" for k in ("relaxed_f1", "strict_f1", "type_f1", "value_f1")
            if b[k]))
    total = peer["all"]
    print(f"HeidelTime wall time {total.find_ms / 1000:.1f} s for {total.docs} documents (one JVM, start-up "
          "included; TreeTagger for parts of speech)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list value and type errors")
    ap.add_argument("--show", default="", help="comma list of MISS,EXTENT,SPUR to list span errors")
    ap.add_argument("--corpus", choices=CORPORA, action="append")
    ap.add_argument("--limit", type=int, default=None, help="first N documents per corpus")
    ap.add_argument("--meantime", action="store_true", help="also score MEANTIME (Wikinews, not a dev set)")
    ap.add_argument("--no-peer", action="store_true", help="do not run HeidelTime on the same documents")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} absent")
        return 0
    show = {s for s in args.show.split(",") if s}
    scores = evaluate(tuple(args.corpus or CORPORA), args.limit, show)
    if args.errors:
        for line in scores["all"].errors:
            print("VALUE\t" + line)
    for name, s in scores.items():
        report(name, s)
    if not args.no_peer:
        peer, why = run_peer(tuple(args.corpus or CORPORA), args.limit)
        if peer:
            compare(scores, peer)
        else:
            print(f"HeidelTime peer skipped: {why}")
    if args.meantime and (SHARED / "data" / "meantime").exists():
        mt = run_meantime(args.limit, show)
        if args.errors:
            for line in mt.errors:
                print("VALUE\t" + line)
        report("MEANTIME", mt)
        if not args.no_peer:
            peer, why = peer_scores({"MEANTIME": meantime_docs(args.limit)})
            if peer:
                compare({"MEANTIME": mt}, peer)
            else:
                print(f"HeidelTime peer skipped on MEANTIME: {why}")
    print("HeidelTime on the TempEval-3 test set (published): value F1 0.776, strict F1 0.813")
    return 0


if __name__ == "__main__":
    sys.exit(main())
