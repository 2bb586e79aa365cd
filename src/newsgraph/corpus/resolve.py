"""Cross-document resolution over the store: new documents only, or the whole corpus again."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from newsgraph.corpus.resolve_entities import EntityIn, EntityResolver, document_context
from newsgraph.corpus.resolve_events import EventIn, EventResolver
from newsgraph.corpus.settings import DEFAULT, CorpusSettings
from newsgraph.corpus.store import Store
from newsgraph.model import DateSource, EntityType, PloverType


@dataclass(frozen=True, slots=True)
class ResolveReport:
    documents: int  # documents resolved in this run
    actors: int  # actors in the store afterwards
    events: int  # corpus events in the store afterwards


def _entities(c: sqlite3.Connection, where: str, params: tuple = ()) -> dict[str, list[EntityIn]]:
    """Entities per document, with their role titles, for the documents ``where`` selects."""
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in c.execute(f"SELECT r.doc_id, r.entity_id, r.title FROM roles r JOIN documents d ON d.id = r.doc_id "
                       f"WHERE {where}", params):  # noqa: S608
        roles[(r[0], r[1])].append(r[2])
    out: dict[str, list[EntityIn]] = defaultdict(list)
    sql = (f"SELECT e.doc_id, e.id, e.name, e.type, e.aliases FROM entities e JOIN documents d ON d.id = e.doc_id "
           f"WHERE {where} ORDER BY e.doc_id, e.rowid")  # noqa: S608
    for doc_id, eid, name, etype, aliases in c.execute(sql, params):
        out[doc_id].append(EntityIn(doc_id, eid, name, EntityType(etype), tuple(json.loads(aliases)),
                                    tuple(roles.get((doc_id, eid), ()))))
    return out


_GUESSED = frozenset({DateSource.PUBLICATION.value, DateSource.CONTEXT.value})


def _events(c: sqlite3.Connection, doc_id: str, actor_of: dict[tuple[str, str], str]) -> list[EventIn]:
    parts: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(), "target": set()})
    for event, entity, role in c.execute(
        "SELECT event_id, entity_id, role FROM event_actors WHERE doc_id = ?", (doc_id,)
    ):
        actor = actor_of.get((doc_id, entity))
        if actor:
            parts[event][role].add(actor)
    out = []
    for eid, etype, trigger, date, source, place, published, outlet in c.execute(
        "SELECT e.id, e.type, e.trigger, e.date, e.date_source, e.place, d.published, d.outlet FROM events e "
        "JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ? ORDER BY e.rowid", (doc_id,)
    ):
        p = parts[eid]
        # A date the extractor fell back on (the publication date, or one near the event in the text: "denied on
        # Tuesday that they met" dates the denial) is no claim about the event: such an event joins others by
        # when the news appeared, as an undated one does.
        date = None if source in _GUESSED else date
        out.append(EventIn(doc_id, eid, PloverType(etype), trigger, date, frozenset(p["actor"]),
                           frozenset(p["target"]), actor_of.get((doc_id, place)) if place else None,
                           published, outlet))
    return out


def _load(c: sqlite3.Connection, entities: EntityResolver, events: EventResolver) -> dict[tuple[str, str], str]:
    """The resolution already stored, back in memory; returns (doc, entity) -> actor."""
    stored = _entities(c, "d.resolved = 1")
    contexts: dict[tuple[str, str], set[str]] = {}
    for doc_id, ents in stored.items():
        for eid, ctx in document_context(ents).items():
            contexts[(doc_id, eid)] = ctx
    by_key = {(e.doc_id, e.id): e for ents in stored.values() for e in ents}
    members: dict[str, list[EntityIn]] = defaultdict(list)
    actor_of: dict[tuple[str, str], str] = {}
    for actor, doc_id, eid in c.execute("SELECT actor_id, doc_id, entity_id FROM actor_members"):
        e = by_key.get((doc_id, eid))
        if e is not None:
            members[actor].append(e)
            actor_of[(doc_id, eid)] = actor
    for actor, ents in members.items():
        entities.load(actor, ents, contexts)
    reports: dict[str, list[EventIn]] = defaultdict(list)
    report_of = {(d, e): v for v, d, e in c.execute("SELECT event_id, doc_id, doc_event FROM event_reports")}
    for (doc_id,) in c.execute("SELECT DISTINCT doc_id FROM event_reports").fetchall():
        for ev in _events(c, doc_id, actor_of):
            cid = report_of.get((doc_id, ev.id))
            if cid:
                reports[cid].append(ev)
    for cid, evs in reports.items():
        events.load(cid, evs)
    return actor_of


def resolve(store: Store, full: bool = False, settings: CorpusSettings = DEFAULT) -> ResolveReport:
    """Resolve the documents not yet resolved (all of them with ``full``), in one transaction."""
    with store.transaction() as c:
        if full:
            c.execute("DELETE FROM actors")
            c.execute("DELETE FROM corpus_events")
            c.execute("UPDATE documents SET resolved = 0")
        # A document to resolve starts from nothing, whatever an earlier resolution left of it.
        c.execute("DELETE FROM actor_members WHERE doc_id IN (SELECT id FROM documents WHERE resolved = 0)")
        c.execute("DELETE FROM event_reports WHERE doc_id IN (SELECT id FROM documents WHERE resolved = 0)")
        # Documents replaced or removed since the last run left actors and events without members.
        c.execute("DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM actor_members)")
        c.execute("DELETE FROM corpus_events WHERE id NOT IN (SELECT event_id FROM event_reports)")
        entities, events = EntityResolver(settings), EventResolver(settings)
        actor_of = _load(c, entities, events)
        pending = [r[0] for r in c.execute(
            "SELECT id FROM documents WHERE resolved = 0 ORDER BY published IS NULL, published, id")]
        pending_set = set(pending)
        new_members: list[tuple[str, str, str]] = []
        new_reports: list[tuple[str, str, str]] = []
        renamed = 0
        for doc_id in pending:
            ents = _entities(c, "d.id = ?", (doc_id,)).get(doc_id, [])
            for eid, actor in entities.resolve_document(ents).items():
                actor_of[(doc_id, eid)] = actor
            merges = list(entities.merged.items())
            for old, new in merges[renamed:]:
                events.rename_actor(old, new)
            renamed = len(merges)
            for eid, cid in events.resolve_document(_events(c, doc_id, actor_of)).items():
                new_reports.append((cid, doc_id, eid))
        for member, actor in entities.assigned.items():
            if member[0] in pending_set or actor in entities.touched:
                new_members.append((actor, *member))
        _write(c, entities, events, new_members, new_reports, pending)
        n_actors = int(c.execute("SELECT count(*) FROM actors").fetchone()[0])
        n_events = int(c.execute("SELECT count(*) FROM corpus_events").fetchone()[0])
    return ResolveReport(len(pending), n_actors, n_events)


def _write(c: sqlite3.Connection, entities: EntityResolver, events: EventResolver,
           members: list[tuple[str, str, str]], reports: list[tuple[str, str, str]], pending: list[str]) -> None:
    # Every actor and event is written back: a replaced document may have changed a name or a date.
    for actor, a in entities.actors.items():
        c.execute("INSERT INTO actors(id, name, type) VALUES (?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type",
                  (actor, a.display_name(), a.type.value))
    c.executemany("INSERT INTO actor_members(actor_id, doc_id, entity_id) VALUES (?, ?, ?) "
                  "ON CONFLICT(doc_id, entity_id) DO UPDATE SET actor_id = excluded.actor_id", members)
    for old in entities.merged:
        c.execute("DELETE FROM actors WHERE id = ?", (old,))
    for cid, ev in events.events.items():
        c.execute("INSERT INTO corpus_events(id, type, date, place) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET date = excluded.date, place = excluded.place",
                  (cid, ev.type.value, ev.best_date(), ev.place()))
    c.executemany("INSERT INTO event_reports(event_id, doc_id, doc_event, outlet, published) "
                  "SELECT ?, d.id, ?, d.outlet, d.published FROM documents d WHERE d.id = ?",
                  [(cid, eid, doc_id) for cid, doc_id, eid in reports])
    c.executemany("UPDATE documents SET resolved = 1 WHERE id = ?", [(d,) for d in pending])
    # Derived columns, cheap to recompute whole: who took part in each event, and who told it first.
    c.execute("DELETE FROM corpus_event_actors")
    c.execute(
        "INSERT OR IGNORE INTO corpus_event_actors(event_id, actor_id, role) "
        "SELECT r.event_id, m.actor_id, ea.role FROM event_reports r "
        "JOIN event_actors ea ON ea.doc_id = r.doc_id AND ea.event_id = r.doc_event "
        "JOIN actor_members m ON m.doc_id = ea.doc_id AND m.entity_id = ea.entity_id"
    )
    c.execute("UPDATE corpus_events SET first_reported = "
              "(SELECT min(published) FROM event_reports r WHERE r.event_id = corpus_events.id)")
