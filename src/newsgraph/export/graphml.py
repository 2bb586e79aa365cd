"""GraphML of the actor graph for Gephi and networkx: actors as nodes, edges weighted by shared events."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from newsgraph.corpus.store import Store

_NODE_KEYS = (("name", "string"), ("type", "string"), ("documents", "int"))


def write_graphml(store: Store, out: TextIO) -> None:
    c = store.conn
    docs = Counter(dict(c.execute("SELECT actor_id, count(DISTINCT doc_id) FROM actor_members GROUP BY actor_id")))
    by_event: dict[str, set[str]] = {}
    for ev, actor in c.execute("SELECT event_id, actor_id FROM corpus_event_actors"):
        by_event.setdefault(ev, set()).add(actor)
    weights: Counter = Counter()
    for members in by_event.values():
        for a, b in combinations(sorted(members), 2):
            weights[(a, b)] += 1
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for name, kind in _NODE_KEYS:
        out.write(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n')
    out.write('  <graph id="actors" edgedefault="undirected">\n')
    for aid, name, atype in c.execute("SELECT id, name, type FROM actors ORDER BY id"):
        out.write(f"    <node id={quoteattr(aid)}>"
                  f'<data key="name">{escape(name)}</data><data key="type">{escape(atype)}</data>'
                  f'<data key="documents">{docs.get(aid, 0)}</data></node>\n')
    for i, ((a, b), w) in enumerate(sorted(weights.items())):
        out.write(f'    <edge id="e{i}" source={quoteattr(a)} target={quoteattr(b)}>'
                  f'<data key="weight">{float(w)}</data></edge>\n')
    out.write("  </graph>\n</graphml>\n")
