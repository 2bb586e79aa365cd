"""Questions across the corpus, answered as plain dicts (and DataFrames when pandas is installed)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from newsgraph.corpus.dates import interval
from newsgraph.corpus.names import fold, name_key
from newsgraph.corpus.store import Store
from newsgraph.errors import NewsgraphError
from newsgraph.model import EntityType, PloverType, sides_together

Row = dict[str, Any]


def _bound(value: str | None, end: bool) -> date | None:
    if value is None:
        return None
    iv = interval(value)
    if iv is None:
        raise NewsgraphError(f"unreadable date {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    return iv[1] if end else iv[0]


def find_actor(store: Store, name: str) -> str:
    """The actor id a user means by a name or an id; one clear line when none or several fit."""
    c = store.conn
    if c.execute("SELECT 1 FROM actors WHERE id = ?", (name,)).fetchone():
        return name
    wanted = {k.full for t in EntityType if (k := name_key(name, t))}
    surname = {k.surname for k in [name_key(name, EntityType.PERSON)] if k and k.single}
    hits: Counter = Counter()
    for actor, ename, etype, aliases in c.execute(
        "SELECT m.actor_id, e.name, e.type, e.aliases FROM actor_members m "
        "JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id"
    ):
        for form in [ename, *json.loads(aliases)]:
            k = name_key(form, EntityType(etype))
            if k and (k.full in wanted or (k.surname and k.surname in surname)):
                hits[actor] += 1
    if not hits:
        like = [r[0] for r in c.execute("SELECT id FROM actors WHERE lower(name) LIKE ?", (f"%{fold(name)}%",))]
        hits.update(like)
    if not hits:
        raise NewsgraphError(f"no actor named {name!r} in {store.path}")
    ranked = hits.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        names = ", ".join(f"{_actor_name(store, a)} ({a})" for a, _ in ranked[:5])
        raise NewsgraphError(f"{name!r} names several actors: {names}; give one id")
    return ranked[0][0]


def _actor_name(store: Store, actor: str | None) -> str | None:
    if not actor:
        return None
    row = store.conn.execute("SELECT name FROM actors WHERE id = ?", (actor,)).fetchone()
    return row[0] if row else None


def _participants(store: Store) -> dict[str, dict[str, list[tuple[str, str]]]]:
    out: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: {"actor": [], "target": []})
    for ev, actor, role, name in store.conn.execute(
        "SELECT x.event_id, x.actor_id, x.role, a.name FROM corpus_event_actors x "
        "JOIN actors a ON a.id = x.actor_id ORDER BY a.name"
    ):
        out[ev][role].append((actor, name))
    return out


def timeline(store: Store, actor: str | None = None, type: str | None = None,  # noqa: A002
             date_from: str | None = None, date_to: str | None = None) -> list[Row]:
    """Corpus events in date order (undated ones by first report), filtered by actor, type and dates."""
    lo, hi = _bound(date_from, False), _bound(date_to, True)
    actor_id = find_actor(store, actor) if actor else None
    if type is not None:
        try:
            type = PloverType(type.upper()).value
        except ValueError:
            raise NewsgraphError(f"unknown event type {type!r}: one of {', '.join(t.value for t in PloverType)}") from None
    parts = _participants(store)
    rows: list[Row] = []
    for r in store.conn.execute(
        "SELECT e.id, e.type, e.date, e.first_reported, p.name AS place, "
        "(SELECT count(*) FROM event_reports r WHERE r.event_id = e.id) AS reports, "
        "(SELECT ev.text FROM event_reports r JOIN events ev ON ev.doc_id = r.doc_id AND ev.id = r.doc_event "
        " WHERE r.event_id = e.id ORDER BY r.published IS NULL, r.published LIMIT 1) AS evidence "
        "FROM corpus_events e LEFT JOIN actors p ON p.id = e.place"
    ):
        if type and r["type"] != type:
            continue
        who = parts.get(r["id"], {"actor": [], "target": []})
        if actor_id and actor_id not in {a for a, _ in who["actor"] + who["target"]}:
            continue
        when = interval(r["date"]) or interval(r["first_reported"])
        if (lo or hi) and when is None:
            continue
        if lo and when[1] < lo or hi and when[0] > hi:
            continue
        rows.append({
            "event": r["id"], "date": r["date"], "type": r["type"],
            "actors": [n for _, n in who["actor"]], "targets": [n for _, n in who["target"]],
            "place": r["place"], "first_reported": r["first_reported"], "reports": r["reports"],
            "evidence": r["evidence"],
        })
    rows.sort(key=_chronological)
    return rows


def _chronological(row: Row) -> tuple[date, int, str]:
    """By the first day an event's date covers (a week, a month), then the more precise first."""
    iv = interval(row["date"]) or interval(row["first_reported"])
    if iv is None:
        return date.max, 0, row["event"]
    return iv[0], (iv[1] - iv[0]).days, row["event"]


def actor(store: Store, name: str) -> Row:
    """One actor: names, roles over time, quotes, events, and who it acts with and against."""
    aid = find_actor(store, name)
    c = store.conn
    head = c.execute("SELECT id, name, type FROM actors WHERE id = ?", (aid,)).fetchone()
    aliases: Counter = Counter()
    docs: set[str] = set()
    for ename, al, doc in c.execute(
        "SELECT e.name, e.aliases, e.doc_id FROM actor_members m "
        "JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id WHERE m.actor_id = ?", (aid,)
    ):
        docs.add(doc)
        aliases.update([ename, *json.loads(al)])
    aliases.pop(head["name"], None)
    roles = [dict(r) for r in c.execute(
        "SELECT r.title, oa.name AS of, r.date, r.doc_id AS document, r.text AS evidence FROM actor_members m "
        "JOIN roles r ON r.doc_id = m.doc_id AND r.entity_id = m.entity_id "
        "LEFT JOIN actor_members om ON om.doc_id = r.doc_id AND om.entity_id = r.of_entity "
        "LEFT JOIN actors oa ON oa.id = om.actor_id "
        "WHERE m.actor_id = ? ORDER BY r.date IS NULL, r.date, r.title", (aid,))]
    quotes = [dict(r) for r in c.execute(
        "SELECT d.published AS date, q.text, q.kind, q.cue, q.doc_id AS document, d.outlet FROM actor_members m "
        "JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker = m.entity_id JOIN documents d ON d.id = q.doc_id "
        "WHERE m.actor_id = ? ORDER BY d.published IS NULL, d.published, q.start", (aid,))]
    events = timeline(store, actor=aid)
    with_, against = _partners(store, aid)
    return {
        "id": aid, "name": head["name"], "type": head["type"], "aliases": sorted(aliases),
        "documents": len(docs), "roles": roles, "quotes": quotes, "events": events,
        "with": with_, "against": against,
    }


def _partners(store: Store, aid: str) -> tuple[list[Row], list[Row]]:
    """Co-actors on the same side of an event are partners, and so are the two sides of a cooperative act
    (a meeting, an agreement); across the sides of any other act, opponents."""
    same: Counter = Counter()
    opposed: Counter = Counter()
    for ev, role, etype in store.conn.execute(
        "SELECT a.event_id, a.role, e.type FROM corpus_event_actors a JOIN corpus_events e ON e.id = a.event_id "
        "WHERE a.actor_id = ?", (aid,)
    ).fetchall():
        for other, orole in store.conn.execute(
            "SELECT actor_id, role FROM corpus_event_actors WHERE event_id = ? AND actor_id != ?", (ev, aid)
        ):
            (same if sides_together(etype, orole == role) else opposed)[other] += 1

    def rows(counter: Counter) -> list[Row]:
        return [{"actor": a, "name": _actor_name(store, a), "events": n}
                for a, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    return rows(same), rows(opposed)


def sources(store: Store, event: str) -> list[Row]:
    """Who reported an event, first report first; with who each report credits for it."""
    c = store.conn
    if not c.execute("SELECT 1 FROM corpus_events WHERE id = ?", (event,)).fetchone():
        raise NewsgraphError(f"no event {event!r} in {store.path} (see newsgraph timeline)")
    rows = [dict(r) for r in c.execute(
        "SELECT r.published, r.outlet, d.title, d.url, r.doc_id AS document, r.doc_event AS report, "
        "ev.modality, ev.text AS evidence, sa.name AS credited_to FROM event_reports r "
        "JOIN documents d ON d.id = r.doc_id JOIN events ev ON ev.doc_id = r.doc_id AND ev.id = r.doc_event "
        "LEFT JOIN actor_members sm ON sm.doc_id = ev.doc_id AND sm.entity_id = ev.source "
        "LEFT JOIN actors sa ON sa.id = sm.actor_id "
        "WHERE r.event_id = ? ORDER BY r.published IS NULL, r.published, r.outlet, r.doc_id", (event,))]
    first = rows[0]["published"] if rows else None
    for i, row in enumerate(rows):
        row["first"] = i == 0 or (first is not None and row["published"] == first)
    return rows


def as_dataframe(rows: list[Row]) -> Any:
    """Rows as a pandas DataFrame; pandas is optional, so say how to get it when it is absent."""
    try:
        import pandas as pd
    except ImportError:
        raise NewsgraphError("DataFrames need pandas: pip install pandas") from None
    return pd.DataFrame(rows)
