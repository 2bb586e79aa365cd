"""Hand-made records for corpus tests: facts placed in text by name, so every span is real evidence."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus.store import Incoming, Store, open_store
from newsgraph.model import (
    Document,
    Entity,
    EntityType,
    Event,
    Modality,
    PloverType,
    Quote,
    QuoteKind,
    Record,
    Role,
    Span,
)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def record(
    text: str,
    published: str | None,
    entities: list[tuple],  # (name, type, aliases, roles[(title, of_name|None)])
    events: list[tuple] = (),  # (type, trigger, actor names, target names, date, place name|None)
    quotes: list[tuple] = (),  # (quote text, speaker name)
    outlet: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Record:
    """A record whose entities, events and quotes are found in ``text`` by their surface forms."""
    doc = Document(text=text, title=title, published=published, outlet=outlet, source=source)
    ents: list[Entity] = []
    ids: dict[str, str] = {}
    for i, (name, etype, *rest) in enumerate(entities):
        ids[name] = f"e{i + 1}"
        aliases = list(rest[0]) if rest else []
        for a in aliases:
            ids.setdefault(a, f"e{i + 1}")
        mentions = [span(text, form) for form in [name, *aliases] if form in text]
        ents.append(Entity(f"e{i + 1}", name, EntityType(etype), aliases, [], mentions))
    for e, (_, _, *rest) in zip(ents, entities, strict=True):
        for title_, of in (rest[1] if len(rest) > 1 else []):
            e.roles.append(Role(title_, ids.get(of) if of else None, span(text, title_)))
    evs = [
        Event(f"v{j + 1}", PloverType(etype), trig, span(text, trig), [ids[a] for a in actors],
              [ids[t] for t in targets], date, None, ids.get(place) if place else None, Modality.ASSERTED)
        for j, (etype, trig, actors, targets, date, place) in enumerate(events)
    ]
    qs = []
    for k, (qtext, speaker) in enumerate(quotes):
        s = span(text, qtext)
        qs.append(Quote(f"q{k + 1}", qtext, s.start, s.end, QuoteKind.DIRECT, ids.get(speaker), "said"))
    return Record(doc, ents, [], evs, qs, [])


def store_of(path: Path, records: list[Record]) -> Store:
    """A store holding ``records``, not yet resolved."""
    store = open_store(path)
    for r in records:
        store.put_record(r, Incoming.of(r.document))
    return store


def actor_of(store: Store, doc_id: str, name: str) -> str:
    row = store.conn.execute(
        "SELECT m.actor_id FROM actor_members m JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id "
        "WHERE e.doc_id = ? AND e.name = ?", (doc_id, name)
    ).fetchone()
    assert row, f"{name} not resolved in {doc_id}"
    return row[0]


def table_counts(store: Store) -> dict[str, int]:
    tables = ["documents", "entities", "mentions", "roles", "times", "events", "event_actors", "quotes",
              "amounts", "failures", "actors", "actor_members", "corpus_events", "corpus_event_actors",
              "event_reports"]
    return {t: store.count(t) for t in tables}
