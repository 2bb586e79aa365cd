"""Questions only the web app asks (facets, graph, article facts, search); the rest is corpus.queries."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

from newsgraph.corpus import queries as cq
from newsgraph.corpus.contradictions import contradictions
from newsgraph.corpus.store import Store
from newsgraph.errors import NewsgraphError
from newsgraph.model import sides_together

Row = dict[str, Any]

# Search hits mark matched words with these two control characters; the page turns them into <mark>
# elements through the DOM, so no markup ever travels inside article text.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


class NotFound(NewsgraphError):
    """The id names nothing in the store."""


def facets(store: Store) -> Row:
    """What the timeline can be filtered by: event types, outlets, actors in events, the date span."""
    c = store.conn
    types = [r[0] for r in c.execute("SELECT DISTINCT type FROM corpus_events ORDER BY type")]
    outlets = [r[0] for r in c.execute(
        "SELECT DISTINCT outlet FROM event_reports WHERE outlet IS NOT NULL ORDER BY outlet")]
    actors = [dict(r) for r in c.execute(
        "SELECT a.id, a.name, count(DISTINCT x.event_id) AS events FROM actors a "
        "JOIN corpus_event_actors x ON x.actor_id = a.id GROUP BY a.id ORDER BY a.name")]
    span = c.execute("SELECT min(published), max(published), count(*) FROM documents").fetchone()
    return {"types": types, "outlets": outlets, "actors": actors,
            "published": {"from": span[0], "to": span[1]}, "documents": span[2]}


def _event_outlets(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for ev, outlet in store.conn.execute(
        "SELECT DISTINCT event_id, outlet FROM event_reports WHERE outlet IS NOT NULL ORDER BY outlet"
    ):
        out[ev].append(outlet)
    return out


def timeline(store: Store, actor: str | None = None, type: str | None = None,  # noqa: A002
             date_from: str | None = None, date_to: str | None = None, source: str | None = None) -> list[Row]:
    """corpus.queries.timeline, each event with the outlets that reported it, filtered by outlet too."""
    rows = cq.timeline(store, actor=actor, type=type, date_from=date_from, date_to=date_to)
    outlets = _event_outlets(store)
    for row in rows:
        row["outlets"] = outlets.get(row["event"], [])
    if source:
        wanted = source.casefold()
        rows = [r for r in rows if any(o.casefold() == wanted for o in r["outlets"])]
    return rows


def event(store: Store, event_id: str) -> Row:
    """One corpus event: its type, date, who took part, and every report with its evidence and outlet."""
    c = store.conn
    head = c.execute(
        "SELECT e.id, e.type, e.date, e.first_reported, e.place AS place_id, p.name AS place "
        "FROM corpus_events e LEFT JOIN actors p ON p.id = e.place WHERE e.id = ?", (event_id,)).fetchone()
    if head is None:
        raise NotFound(f"no event {event_id!r}")
    parts: dict[str, list[Row]] = {"actor": [], "target": []}
    for aid, name, role in c.execute(
        "SELECT x.actor_id, a.name, x.role FROM corpus_event_actors x JOIN actors a ON a.id = x.actor_id "
        "WHERE x.event_id = ? ORDER BY a.name", (event_id,)
    ):
        parts[role].append({"id": aid, "name": name})
    reports = cq.sources(store, event_id)
    spans = {(r["doc_id"], r["id"]): (r["start"], r["end"], r["trigger"], r["text"]) for r in c.execute(
        'SELECT ev.doc_id, ev.id, ev.start, ev."end", ev.trigger, d.text FROM event_reports r '
        "JOIN events ev ON ev.doc_id = r.doc_id AND ev.id = r.doc_event JOIN documents d ON d.id = r.doc_id "
        "WHERE r.event_id = ?", (event_id,))}
    for r in reports:
        start, end, trigger, text = spans.get((r["document"], r["report"]), (None, None, None, ""))
        before, after = context(text, start, end) if start is not None else ("", "")
        r.update(start=start, end=end, trigger=trigger, context_before=before, context_after=after)
    outlets = sorted({r["outlet"] for r in reports if r["outlet"]})
    return {**dict(head), "actors": parts["actor"], "targets": parts["target"], "reports": reports,
            "outlets": outlets, "contradictions": contradictions(store, event=event_id)}


_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d]?\s|\n")


def context(text: str, start: int, end: int, reach: int = 300) -> tuple[str, str]:
    """The rest of the sentence(s) around an evidence span, so a bare trigger still reads as a claim."""
    head = text[max(0, start - reach):start]
    cut = [m.end() for m in _SENTENCE_END.finditer(head)]
    before = head[cut[-1]:] if cut else head
    tail = text[end:end + reach]
    m = _SENTENCE_END.search(tail) if not text[start:end].rstrip().endswith((".", "!", "?")) else None
    after = tail[:m.start() + 1] if m else ("" if text[start:end].rstrip().endswith((".", "!", "?")) else tail)
    return before, after


def graph(store: Store, max_nodes: int) -> Row:
    """Actors as nodes (sized by mentions), edges counting events acted together (with) and across (against)."""
    c = store.conn
    mentions = Counter({r[0]: r[1] for r in c.execute(
        "SELECT m.actor_id, count(*) FROM actor_members m "
        "JOIN mentions x ON x.doc_id = m.doc_id AND x.entity_id = m.entity_id GROUP BY m.actor_id")})
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for a, ra, b, rb, etype in c.execute(
        "SELECT x.actor_id, x.role, y.actor_id, y.role, e.type FROM corpus_event_actors x "
        "JOIN corpus_event_actors y ON y.event_id = x.event_id AND x.actor_id < y.actor_id "
        "JOIN corpus_events e ON e.id = x.event_id"
    ):
        pairs[(a, b)]["with" if sides_together(etype, ra == rb) else "against"] += 1
    in_events = {a for pair in pairs for a in pair}
    heads = {r["id"]: dict(r) for r in c.execute("SELECT id, name, type FROM actors")}
    # Actors in events first (they carry the edges), then the most mentioned, up to the limit.
    ranked = sorted(heads, key=lambda a: (a not in in_events, -mentions[a], heads[a]["name"]))[:max_nodes]
    keep = set(ranked)
    nodes = [{**heads[a], "mentions": mentions[a]} for a in ranked]
    edges = [{"source": a, "target": b, "with": n["with"], "against": n["against"]}
             for (a, b), n in sorted(pairs.items()) if a in keep and b in keep]
    return {"nodes": nodes, "edges": edges, "total_actors": len(heads)}


def actor(store: Store, actor_id: str) -> Row:
    """corpus.queries.actor for an exact id, with the articles that mention the actor."""
    if not store.conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
        raise NotFound(f"no actor {actor_id!r}")
    row = cq.actor(store, actor_id)
    row["articles"] = [dict(r) for r in store.conn.execute(
        "SELECT d.id, d.title, d.published, d.outlet, count(x.start) AS mentions FROM actor_members m "
        "JOIN documents d ON d.id = m.doc_id "
        "LEFT JOIN mentions x ON x.doc_id = m.doc_id AND x.entity_id = m.entity_id "
        "WHERE m.actor_id = ? GROUP BY d.id ORDER BY d.published IS NULL, d.published, d.id", (actor_id,))]
    return row


def articles(store: Store, limit: int, offset: int = 0) -> Row:
    """Stored articles, newest first, with how many facts of each kind they hold."""
    c = store.conn
    total = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    rows = [dict(r) for r in c.execute(
        "SELECT d.id, d.title, d.published, d.outlet, d.url, "
        "(SELECT count(*) FROM entities e WHERE e.doc_id = d.id) AS entities, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes "
        "FROM documents d ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
        (limit, offset))]
    return {"total": total, "offset": offset, "articles": rows}


def _fact(kind: str, start: int, end: int, label: str, detail: str, **extra: Any) -> Row:
    return {"kind": kind, "start": start, "end": end, "label": label, "detail": detail, **extra}


def article(store: Store, doc_id: str) -> Row:
    """One article with every fact as a span of its text: what to highlight and what to show on hover."""
    c = store.conn
    row = c.execute("SELECT id, title, author, published, outlet, url, text, record FROM documents WHERE id = ?",
                    (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article {doc_id!r}")
    record = json.loads(row["record"])
    actor_of = {r[0]: r[1] for r in c.execute(
        "SELECT entity_id, actor_id FROM actor_members WHERE doc_id = ?", (doc_id,))}
    corpus_event = {r[0]: r[1] for r in c.execute(
        "SELECT doc_event, event_id FROM event_reports WHERE doc_id = ?", (doc_id,))}
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    facts: list[Row] = []
    for e in record.get("entities", []):
        for m in e.get("mentions", []):
            facts.append(_fact("entity", m["start"], m["end"], e["name"], e["type"], actor=actor_of.get(e["id"])))
        for r in e.get("roles", []):
            ev = r["evidence"]
            of = f" of {names[r['of']]}" if r.get("of") in names else ""
            facts.append(_fact("role", ev["start"], ev["end"], f"{e['name']}: {r['title']}{of}", "role"))
    for t in record.get("times", []):
        facts.append(_fact("time", t["start"], t["end"], t["value"], t["type"]))
    for q in record.get("quotes", []):
        speaker = names.get(q.get("speaker"), "unknown speaker")
        cue = f", {q['cue']}" if q.get("cue") else ""
        facts.append(_fact("quote", q["start"], q["end"], speaker, f"{q['kind']} quote{cue}",
                           actor=actor_of.get(q.get("speaker"))))
    for v in record.get("events", []):
        ev = v["evidence"]
        who = ", ".join(names.get(a, a) for a in v.get("actors", []))
        whom = ", ".join(names.get(a, a) for a in v.get("targets", []))
        detail = " ".join(x for x in (v["type"], v.get("modality") or "", v.get("date") or "") if x)
        extra = {"actors": who, "targets": whom, "event": corpus_event.get(v["id"]), "id": v["id"]}
        facts.append(_fact("event", ev["start"], ev["end"], f"{v['type']}: {v['trigger']}", detail, **extra))
        at = ev["text"].find(v["trigger"]) if v.get("trigger") else -1
        if at >= 0 and len(v["trigger"]) < len(ev["text"]):  # the trigger inside its sentence, marked apart
            t0 = ev["start"] + at
            facts.append(_fact("trigger", t0, t0 + len(v["trigger"]), f"{v['type']}: {v['trigger']}", detail,
                               **extra))
    for a in record.get("amounts", []):
        facts.append(_fact("amount", a["start"], a["end"], f"{a['value']:g} {a['unit']}", "amount"))
    text = row["text"]
    facts = [f for f in facts if 0 <= f["start"] < f["end"] <= len(text)]
    facts.sort(key=lambda f: (f["start"], -f["end"], f["kind"]))
    head = {k: row[k] for k in ("id", "title", "author", "published", "outlet", "url", "text")}
    return {**head, "facts": facts, "counts": dict(Counter(f["kind"] for f in facts))}


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(q: str) -> str:
    """A person's words as an FTS5 query that cannot be a syntax error: every word quoted, all required."""
    words = _WORD.findall(q)
    if not words:
        raise NewsgraphError("search for at least one word")
    return " ".join(f'"{w}"' for w in words)


def search(store: Store, q: str, limit: int) -> Row:
    """Full-text search (SQLite FTS5) over article titles and text, and over quotes."""
    match = fts_query(q)
    c = store.conn
    docs = [dict(r) for r in c.execute(
        "SELECT d.id, d.title, d.published, d.outlet, "
        f"snippet(documents_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16) AS snippet "
        "FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]
    quotes = [dict(r) for r in c.execute(
        f"SELECT q.doc_id AS document, q.id, q.start, q.\"end\", q.kind, "
        f"highlight(quotes_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}') AS text, "
        "d.title, d.published, d.outlet, a.id AS speaker_id, coalesce(a.name, e.name) AS speaker "
        "FROM quotes_fts JOIN quotes q ON q.n = quotes_fts.rowid JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN entities e ON e.doc_id = q.doc_id AND e.id = q.speaker "
        "LEFT JOIN actor_members m ON m.doc_id = q.doc_id AND m.entity_id = q.speaker "
        "LEFT JOIN actors a ON a.id = m.actor_id "
        "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]
    return {"query": q, "articles": docs, "quotes": quotes}
