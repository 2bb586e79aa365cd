"""In-document entities on MEANTIME (../shared/data/meantime): mentions, types, and one entity per actor.

Against the gold named mentions (PER, ORG, LOC) of all 90 articles (dev data), newsgraph's entities and the bare
spaCy NER they start from (its entities, same text = same entity) are scored in the same run:
- mention recall: gold named mentions that a system mention overlaps;
- mention precision: system mentions that overlap any gold entity mention. MEANTIME marks only the mentions
  that take part in its annotated events (most mentions of "Apple" in the Apple corpus are unmarked), so this
  precision is a floor, comparable between the two systems but not absolute;
- type accuracy over matched mentions (PER=PERSON, ORG=ORG, LOC=PLACE);
- in-document coreference of the gold named mentions (MUC, B3, CEAFe, CoNLL average): does newsgraph make one
  entity per actor?

    .venv/bin/python bench/entities.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import meantime_xml  # noqa: E402
from coref_metrics import clusters, conll  # noqa: E402
from meantime import CORPUS, ENTITY_TYPES, NAMED, gold_mentions  # noqa: E402

TYPE_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
SPACY_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "GROUP"}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def misses(gold_by_doc: dict, system_by_doc: dict) -> list[str]:
    """Gold named mentions no system mention overlaps, for --errors."""
    out = []
    for doc, gold in gold_by_doc.items():
        system = system_by_doc.get(doc, [])
        for g in gold:
            if g.syntactic in NAMED and g.kind in ENTITY_TYPES and not any(
                overlaps((g.start, g.end), s[:2]) for s in system
            ):
                out.append(f"{doc} {g.kind} {g.text!r}")
    return out


def score(name: str, gold_by_doc: dict, system_by_doc: dict) -> dict[str, float]:
    """system_by_doc: doc -> list of (start, end, type, cluster id). Prints and returns the figures."""
    found = typed = total = 0
    sys_total = sys_good = 0
    key_pairs, resp_pairs = [], []
    for doc, gold in gold_by_doc.items():
        system = system_by_doc.get(doc, [])
        named = [g for g in gold if g.syntactic in NAMED and g.kind in ENTITY_TYPES]
        for g in named:
            total += 1
            hits = [s for s in system if overlaps((g.start, g.end), s[:2])]
            key_pairs.append(((doc, g.m_id), (doc, g.chain)))
            if hits:
                best = max(hits, key=lambda s: min(s[1], g.end) - max(s[0], g.start))
                found += 1
                typed += best[2] == TYPE_MAP[g.kind]
                resp_pairs.append(((doc, g.m_id), (doc, best[3])))
            else:
                resp_pairs.append(((doc, g.m_id), ("alone", doc, g.m_id)))
        for s in system:
            sys_total += 1
            sys_good += any(overlaps(s[:2], (g.start, g.end)) for g in gold if g.kind != "EVENT")
    recall, precision = found / total, sys_good / max(sys_total, 1)
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    coref = conll(clusters(key_pairs), clusters(resp_pairs))
    print(f"{name:12s} mentions P {precision:.3f} R {recall:.3f} F1 {f1:.3f} | type acc {typed / max(found, 1):.3f}"
          f" | coref MUC {coref['MUC'].f:.3f} B3 {coref['B3'].f:.3f} CEAFe {coref['CEAFe'].f:.3f}"
          f" CoNLL {coref['CoNLL']:.3f}")
    return {"mention_recall": recall, "type_accuracy": typed / max(found, 1), "coref_conll": coref["CoNLL"]}


def evaluate(paths: list[Path]) -> tuple[dict, dict, dict]:
    """Gold mentions, newsgraph's and bare spaCy's, per document."""
    import newsgraph
    from newsgraph import nlp as nlp_mod

    nlp = nlp_mod.load()
    gold_by_doc, ours, bare = {}, {}, {}
    for path in paths:
        doc = meantime_xml.read(path)
        gold_by_doc[doc.doc_id] = gold_mentions(doc, doc.doc_id)
        record = newsgraph.extract(doc.text, published=doc.dct)
        ours[doc.doc_id] = [(m.start, m.end, e.type.value, e.id) for e in record.entities for m in e.mentions]
        parsed = nlp(doc.text)
        bare[doc.doc_id] = [
            (ent.start_char, ent.end_char, SPACY_TYPE[ent.label_], ent.text.lower())
            for ent in parsed.ents if ent.label_ in SPACY_TYPE
        ]
    return gold_by_doc, ours, bare


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} absent")
        return 0
    t0 = time.perf_counter()
    gold_by_doc, ours, bare = evaluate(sorted(CORPUS.glob("*/*.xml")))
    print(f"MEANTIME: {len(gold_by_doc)} articles, "
          f"{sum(1 for g in gold_by_doc.values() for m in g if m.syntactic in NAMED and m.kind in ENTITY_TYPES)}"
          f" gold named mentions (PER/ORG/LOC), {time.perf_counter() - t0:.0f} s")
    score("spaCy NER", gold_by_doc, bare)
    score("newsgraph", gold_by_doc, ours)
    if "--errors" in sys.argv:
        bare_missed = set(misses(gold_by_doc, bare))
        for line in misses(gold_by_doc, ours):
            print("  missed", line, "" if line in bare_missed else "(spaCy NER has it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
