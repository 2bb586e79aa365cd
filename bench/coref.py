"""Pronoun resolution (extract/coref.py) against MEANTIME's gold in-document coreference.

For every third-person pronoun that MEANTIME links to a person or organisation named earlier in the
article (the kinds of entity that speak), we ask
Coref.resolve for the pronoun's token and count it right when a mention of the entity we return
overlaps a named mention of the gold chain. The baseline is recency alone: the nearest entity
mentioned before the pronoun. Entities come from the project's own entity extractor.

    python bench/coref.py
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_xml import read  # noqa: E402  (the bench's shared MEANTIME reader)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime" / "intra_cross-doc_annotation"
SPEAKER_TYPES = {"PER", "ORG"}  # who can be quoted; products and indices are out of scope
THIRD = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their"}


def gold_pronouns(path: Path):
    """(pronoun char span, [char spans of the chain's non-pronoun mentions]) for one article."""
    doc = read(path)
    root = doc.root
    spans: dict[str, tuple[int, int]] = {}
    kinds: dict[str, str] = {}
    for m in root.iter("ENTITY_MENTION"):
        tids = [a.get("t_id") for a in m.iter("token_anchor")]
        pos = [doc.token_spans[t] for t in tids if t in doc.token_spans]
        if pos:
            spans[m.get("m_id")] = (min(p[0] for p in pos), max(p[1] for p in pos))
            kinds[m.get("m_id")] = m.get("syntactic_type", "")
    types = {e.get("m_id"): e.get("ent_type", "") for e in root.iter("ENTITY")}
    out = []
    for rel in root.iter("REFERS_TO"):
        target = next((t.get("m_id") for t in rel.iter("target")), None)
        if types.get(target) not in SPEAKER_TYPES:
            continue
        members = [s.get("m_id") for s in rel.iter("source") if s.get("m_id") in spans]
        named = [spans[m] for m in members if kinds[m] in ("NAM", "PRE.NAM")]
        for m in members:
            if kinds[m] != "PRO":
                continue
            s, e = spans[m]
            if doc.text[s:e].lower() in THIRD and any(n[1] <= s for n in named):
                out.append(((s, e), named))
    return doc.text, out


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: MEANTIME absent ({DATA})")
        return 0
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.coref import Coref
    from newsgraph.extract.entities import find_entities
    from newsgraph.extract.mentions import MentionIndex

    nlp = nlp_mod.load()
    tally: Counter = Counter()
    seconds = 0.0
    for path in sorted(DATA.glob("*/*.xml")):
        try:
            text, pronouns = gold_pronouns(path)
        except ET.ParseError:
            continue
        if not pronouns:
            continue
        doc = nlp(text)
        entities = find_entities(doc)
        index = MentionIndex(entities)
        t = time.perf_counter()
        coref = Coref(doc, entities, index)
        seconds += time.perf_counter() - t
        by_id = {e.id: e for e in entities}
        mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        for (s, e), chain in pronouns:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            tally["pronouns"] += 1
            t = time.perf_counter()
            eid = coref.resolve(span[0])
            seconds += time.perf_counter() - t
            ok = eid is not None and any(
                m.start < ce and cs < m.end for m in by_id[eid].mentions for cs, ce in chain
            )
            tally["ours"] += ok
            tally["answered"] += eid is not None
            before = [x for x in mentions if x[1] <= s]
            base = before[-1][2] if before else None
            tally["recency"] += base is not None and any(
                m.start < ce and cs < m.end for m in by_id[base].mentions for cs, ce in chain
            )
            if "-v" in sys.argv and not ok:
                print(f"  {text[s:e]!r}: ours {by_id[eid].name if eid else None!r} ({by_id[eid].type.value if eid else ''}),"
                      f" gold {text[chain[0][0]:chain[0][1]]!r} | {text[max(0, s - 120):e + 20]!r}")
    n = tally["pronouns"]
    if not n:
        print("skipped: no resolvable pronouns found")
        return 0
    print(f"MEANTIME gold coreference: {n} third-person pronouns with a named antecedent")
    print(f"  ours: accuracy {tally['ours'] / n:.3f} (answered {tally['answered'] / n:.3f}, "
          f"precision when answering {tally['ours'] / max(1, tally['answered']):.3f})")
    print(f"  recency baseline (nearest entity before): {tally['recency'] / n:.3f}; "
          f"ratio ours/baseline {tally['ours'] / max(1, tally['recency']):.2f}x")
    print(f"  time: {1000 * seconds / n:.2f} ms per pronoun, index build included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
