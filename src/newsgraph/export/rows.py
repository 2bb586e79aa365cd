"""The corpus as rows of each kind, in the shape of the output contract's corpus section."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from newsgraph.corpus.store import Store

Row = dict[str, Any]


def documents(store: Store) -> Iterator[Row]:
    for r in store.conn.execute(
        "SELECT id, title, published, outlet, url FROM documents ORDER BY published IS NULL, published, id"
    ):
        yield {"kind": "document", **dict(r)}


def _member_of(store: Store) -> dict[tuple[str, str], str]:
    return {(d, e): a for a, d, e in store.conn.execute("SELECT actor_id, doc_id, entity_id FROM actor_members")}


def actors(store: Store) -> Iterator[Row]:
    c = store.conn
    member_of = _member_of(store)
    aliases: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, list[Row]] = defaultdict(list)
    for actor, doc, eid, name, al in c.execute(
        "SELECT m.actor_id, m.doc_id, m.entity_id, e.name, e.aliases FROM actor_members m "
        "JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id ORDER BY m.doc_id, e.rowid"
    ):
        aliases[actor].update([name, *json.loads(al)])
        mentions[actor].append({"document": doc, "entity": eid})
    roles: dict[str, list[Row]] = defaultdict(list)
    for doc, eid, title, of, dt in c.execute(
        "SELECT doc_id, entity_id, title, of_entity, date FROM roles ORDER BY date IS NULL, date, doc_id, rowid"
    ):
        actor = member_of.get((doc, eid))
        if actor:
            roles[actor].append({"title": title, "of": member_of.get((doc, of)) if of else None,
                                 "document": doc, "date": dt})
    for aid, name, atype in c.execute("SELECT id, name, type FROM actors ORDER BY id"):
        yield {
            "kind": "actor", "id": aid, "name": name, "type": atype,
            "aliases": sorted(aliases[aid] - {name}), "roles": roles[aid], "mentions": mentions[aid],
        }


def events(store: Store) -> Iterator[Row]:
    c = store.conn
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "target": []})
    for ev, actor, role in c.execute("SELECT event_id, actor_id, role FROM corpus_event_actors ORDER BY actor_id"):
        parts[ev][role].append(actor)
    reports: dict[str, list[Row]] = defaultdict(list)
    for ev, doc, dev, outlet, pub in c.execute(
        "SELECT event_id, doc_id, doc_event, outlet, published FROM event_reports "
        "ORDER BY published IS NULL, published, doc_id"
    ):
        reports[ev].append({"document": doc, "event": dev, "outlet": outlet, "published": pub})
    for eid, etype, dt, place, first in c.execute(
        "SELECT id, type, date, place, first_reported FROM corpus_events ORDER BY date IS NULL, date, id"
    ):
        yield {
            "kind": "event", "id": eid, "type": etype, "date": dt,
            "actors": parts[eid]["actor"], "targets": parts[eid]["target"], "place": place,
            "first_reported": first, "reports": reports[eid],
        }


def quotes(store: Store) -> Iterator[Row]:
    member_of = _member_of(store)
    for doc, qid, text, speaker, kind in store.conn.execute(
        "SELECT q.doc_id, q.id, q.text, q.speaker, q.kind FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "ORDER BY d.published IS NULL, d.published, q.doc_id, q.start"
    ):
        yield {
            "kind": "quote", "id": f"{doc}:{qid}", "speaker": member_of.get((doc, speaker)) if speaker else None,
            "text": text, "document": doc, "quote": qid, "quote_kind": kind,
        }


def everything(store: Store) -> Iterator[Row]:
    """Documents, actors, events, quotes: each kind in turn, as the JSONL export writes them."""
    yield from documents(store)
    yield from actors(store)
    yield from events(store)
    yield from quotes(store)


def tables(store: Store) -> dict[str, list[Row]]:
    """Flat tables for CSV and Parquet: one row per fact, lists kept as lists."""
    out: dict[str, list[Row]] = {
        "documents": [], "actors": [], "actor_roles": [], "actor_mentions": [],
        "events": [], "event_reports": [], "quotes": [],
    }
    for d in documents(store):
        out["documents"].append({k: v for k, v in d.items() if k != "kind"})
    for a in actors(store):
        out["actors"].append({"id": a["id"], "name": a["name"], "type": a["type"], "aliases": a["aliases"]})
        out["actor_roles"].extend({"actor": a["id"], **r} for r in a["roles"])
        out["actor_mentions"].extend({"actor": a["id"], **m} for m in a["mentions"])
    for e in events(store):
        out["events"].append({k: e[k] for k in ("id", "type", "date", "place", "first_reported", "actors", "targets")})
        out["event_reports"].extend({"event_id": e["id"], **r} for r in e["reports"])
    for q in quotes(store):
        out["quotes"].append({k: v for k, v in q.items() if k != "kind"})
    return out


# Column names of each table, so an empty table still has its header.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "published", "outlet", "url"),
    "actors": ("id", "name", "type", "aliases"),
    "actor_roles": ("actor", "title", "of", "document", "date"),
    "actor_mentions": ("actor", "document", "entity"),
    "events": ("id", "type", "date", "place", "first_reported", "actors", "targets"),
    "event_reports": ("event_id", "document", "event", "outlet", "published"),
    "quotes": ("id", "speaker", "text", "document", "quote", "quote_kind"),
}
LIST_COLUMNS = frozenset({"aliases", "actors", "targets"})
