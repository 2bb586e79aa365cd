"""Cross-document coreference on MEANTIME (../shared/data/meantime): entities and events, MUC/B3/CEAFe/CoNLL.

All 90 articles (3 topic corpora, dev data) go through `newsgraph ingest` into a temporary store. Each gold
mention is mapped to the system cluster whose mention overlaps it most (actors for entities, corpus events
for events); a gold mention no system mention overlaps becomes a singleton. Key and response so hold the
same mentions (the gold-mention setting) and the scores measure clustering, with mention coverage printed
beside them. Baselines on the same mentions: every mention alone, and same lower-cased text = same cluster.

    .venv/bin/python bench/meantime.py [-j N] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import meantime_xml  # noqa: E402
from coref_metrics import PRF, clusters, conll  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "meantime" / "intra_cross-doc_annotation"
ENTITY_TYPES = {"PER", "ORG", "LOC"}  # what newsgraph extracts; FIN and PRO (products) it does not
NAMED = {"NAM", "PRE.NAM"}


@dataclass(frozen=True)
class GoldMention:
    doc: str
    m_id: str
    start: int
    end: int
    text: str
    chain: str  # cross-document instance id, or a document-local id
    kind: str  # entity type (PER, ORG ...) or EVENT
    syntactic: str


def gold_mentions(doc: meantime_xml.MeantimeDoc, doc_id: str) -> list[GoldMention]:
    """Entity and event mentions of the body, each with its gold chain."""
    root = doc.root
    instances: dict[str, tuple[str, str]] = {}  # target m_id -> (chain, kind)
    for el in root.iter("ENTITY"):
        instances[el.get("m_id")] = (el.get("instance_id") or f"{doc_id}:{el.get('m_id')}", el.get("ent_type", ""))
    for el in root.iter("EVENT"):
        instances[el.get("m_id")] = (el.get("instance_id") or f"{doc_id}:{el.get('m_id')}", "EVENT")
    chain_of: dict[str, tuple[str, str]] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        for src in rel.findall("source"):
            chain_of[src.get("m_id")] = instances[target.get("m_id")]
    out: list[GoldMention] = []
    for tag in ("ENTITY_MENTION", "EVENT_MENTION"):
        for el in root.iter(tag):
            spans = [doc.token_spans[a.get("t_id")] for a in el.findall("token_anchor")
                     if a.get("t_id") in doc.token_spans]
            if not spans or el.get("m_id") not in chain_of:
                continue  # title or dateline, or never linked to an instance
            chain, kind = chain_of[el.get("m_id")]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            out.append(GoldMention(doc_id, el.get("m_id"), start, end, doc.text[start:end], chain, kind,
                                   el.get("syntactic_type") or ""))
    return out


def write_articles(folder: Path) -> tuple[Path, list[GoldMention]]:
    path = folder / "meantime.jsonl"
    gold: list[GoldMention] = []
    with path.open("w", encoding="utf-8") as out:
        for xml in sorted(CORPUS.glob("*/*.xml")):
            doc = meantime_xml.read(xml)
            doc_id = f"meantime-{doc.doc_id}"
            out.write(json.dumps({"id": doc_id, "title": doc.title, "published": doc.dct, "outlet": "Wikinews",
                                  "url": doc.url, "text": doc.text}) + "\n")
            gold.extend(gold_mentions(doc, doc_id))
    return path, gold


def system_spans(db: Path) -> tuple[dict[str, list[tuple[int, int, str]]], dict[str, list[tuple[int, int, str]]]]:
    """Per document: (start, end, actor) of every entity mention, (start, end, event) of every event trigger."""
    conn = sqlite3.connect(db)
    ents: dict[str, list[tuple[int, int, str]]] = {}
    for doc, s, e, actor in conn.execute(
        'SELECT m.doc_id, m.start, m."end", a.actor_id FROM mentions m '
        "JOIN actor_members a ON a.doc_id = m.doc_id AND a.entity_id = m.entity_id"
    ):
        ents.setdefault(doc, []).append((s, e, actor))
    events: dict[str, list[tuple[int, int, str]]] = {}
    for doc, record_json in conn.execute("SELECT id, record FROM documents"):
        record = json.loads(record_json)
        report_of = dict(conn.execute("SELECT doc_event, event_id FROM event_reports WHERE doc_id = ?", (doc,)))
        for ev in record["events"]:
            cid = report_of.get(ev["id"])
            if not cid:
                continue
            for span in [ev["evidence"], *ev.get("mentions", [])]:
                at = span["text"].find(ev["trigger"])
                if at >= 0:
                    s = span["start"] + at
                    events.setdefault(doc, []).append((s, s + len(ev["trigger"]), cid))
    conn.close()
    return ents, events


def best_overlap(m: GoldMention, spans: list[tuple[int, int, str]]) -> str | None:
    best, best_len = None, 0
    for s, e, cid in spans:
        overlap = min(e, m.end) - max(s, m.start)
        if overlap > best_len:
            best, best_len = cid, overlap
    return best


def score(mentions: list[GoldMention], spans: dict[str, list[tuple[int, int, str]]]) -> dict[str, dict]:
    key = clusters((m, m.chain) for m in mentions)
    matched = 0
    response_pairs = []
    for m in mentions:
        cid = best_overlap(m, spans.get(m.doc, []))
        matched += cid is not None
        response_pairs.append((m, cid if cid else ("alone", m)))
    system = conll(key, clusters(response_pairs))
    singletons = conll(key, [frozenset([m]) for m in mentions])
    same_text = conll(key, clusters((m, m.text.lower()) for m in mentions))
    return {"system": system, "singletons": singletons, "same-text": same_text,
            "coverage": matched / len(mentions) if mentions else 0.0, "mentions": len(mentions),
            "chains": len(key)}


def _fmt(s: PRF) -> str:
    return f"{100 * s.p:5.1f} {100 * s.r:5.1f} {100 * s.f:5.1f}"


def report(name: str, result: dict[str, dict]) -> None:
    print(f"\n{name}: {result['mentions']} gold mentions in {result['chains']} chains; "
          f"system mentions cover {100 * result['coverage']:.1f}% of them")
    print(f"  {'':<11} {'MUC  P     R     F':<18}  {'B3   P     R     F':<18}  {'CEAFe P    R     F':<18}  CoNLL F1")
    for label in ("system", "same-text", "singletons"):
        s = result[label]
        print(f"  {label:<11} {_fmt(s['MUC'])}   {_fmt(s['B3'])}   {_fmt(s['CEAFe'])}   {100 * s['CoNLL']:5.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--processes", type=int, default=2)
    parser.add_argument("--db", help="keep the store here (default: a temporary file)")
    parser.add_argument("--resolve-only", action="store_true",
                        help="reuse the store of --db as extracted, and only resolve it again (for tuning)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} absent")
        return 0
    from newsgraph.corpus import ingest, open_store

    with tempfile.TemporaryDirectory() as tmp:
        articles, gold = write_articles(Path(tmp))
        db = Path(args.db) if args.db else Path(tmp) / "meantime.db"
        started = time.monotonic()
        if args.resolve_only and db.exists():
            from newsgraph.corpus import resolve

            with open_store(db) as store:
                res = resolve(store, full=True)
            print(f"MEANTIME: {res.documents} stored documents resolved again in {time.monotonic() - started:.1f} s; "
                  f"{res.actors} actors, {res.events} events")
        else:
            if db.exists():
                db.unlink()
            with open_store(db) as store:
                result = ingest(store, [articles], n_process=args.processes, progress=False)
                n_docs = store.count("documents")
            res = result.resolution
            print(f"MEANTIME: {n_docs} documents ingested in {time.monotonic() - started:.1f} s "
                  f"({len(result.failed)} failed); {res.actors} actors, {res.events} events")
        ents, events = system_spans(db)
    entity_mentions = [m for m in gold if m.kind in ENTITY_TYPES]
    report("Entities (PER, ORG, LOC; every mention)", score(entity_mentions, ents))
    report("Entities (PER, ORG, LOC; named mentions)", score([m for m in entity_mentions if m.syntactic in NAMED],
                                                             ents))
    report("Events (every event mention)", score([m for m in gold if m.kind == "EVENT"], events))
    return 0


if __name__ == "__main__":
    sys.exit(main())
