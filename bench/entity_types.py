"""Type errors of newsgraph's entities on MEANTIME (../shared/data/meantime), one line each, for reading.

For every gold named PER/ORG/LOC mention that a newsgraph mention overlaps (the one overlapping most, as
bench/entities.py scores it) but types otherwise, print the document, gold type, our type, spaCy NER's labels
on the same text and the context. Long gold mentions ("the vice president of Chrysler LLC Jim Press") often
overlap a shorter name of another type best: read those as scoring artefacts, not errors.

    .venv/bin/python bench/entity_types.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entities as bench  # noqa: E402
import meantime_xml  # noqa: E402
from meantime import CORPUS, ENTITY_TYPES, NAMED  # noqa: E402

CONTEXT = 60  # characters of text shown either side of a mention


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} absent")
        return 0
    paths = sorted(CORPUS.glob("*/*.xml"))
    gold_by_doc, ours, bare = bench.evaluate(paths)
    texts = {d.doc_id: d.text for d in (meantime_xml.read(p) for p in paths)}
    bench.score("spaCy NER", gold_by_doc, bare)
    bench.score("newsgraph", gold_by_doc, ours)
    for doc, gold in gold_by_doc.items():
        system = ours.get(doc, [])
        for g in gold:
            if g.syntactic not in NAMED or g.kind not in ENTITY_TYPES:
                continue
            hits = [s for s in system if bench.overlaps((g.start, g.end), s[:2])]
            if not hits:
                continue
            best = max(hits, key=lambda s: min(s[1], g.end) - max(s[0], g.start))
            if best[2] == bench.TYPE_MAP[g.kind]:
                continue
            text = texts[doc]
            context = text[max(0, g.start - CONTEXT):g.end + CONTEXT].replace("\n", " ")
            labels = [s[2] for s in bare.get(doc, []) if bench.overlaps((g.start, g.end), s[:2])]
            print(f"  {doc} gold {g.kind} ours {best[2]} spaCy {labels} {g.text!r} | {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
