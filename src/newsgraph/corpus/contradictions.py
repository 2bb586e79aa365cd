"""Where the reports of one real-world event disagree: whether it happened, and on which day.

Cross-document resolution puts every telling of an event in one corpus event (event_reports). Two tellings
contradict each other when one affirms the event and another negates it ("the Kremlin confirmed the meeting" /
"the Kremlin denied any meeting"), or when both date it from the text itself, to the day, and the days differ.
Dates that come from the publication date or the surrounding narrative are guesses, not claims, and never count.
Each contradiction names its two sides in the order they were published, with the exact words of each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsgraph.corpus.dates import interval, width
from newsgraph.corpus.queries import find_actor
from newsgraph.corpus.store import Store
from newsgraph.model import DateSource, Modality

Row = dict[str, Any]
COLUMNS = ["kind", "event", "type", "date", "actors", "first_published", "first_outlet", "first_says", "first_evidence",
           "then_published", "then_outlet", "then_says", "then_evidence"]
_AFFIRMING = frozenset({Modality.ASSERTED.value, Modality.REPORTED.value})
# Dates a report states as its own claim: written in the text, or counted from another dated event.
_CLAIMED_DATES = frozenset({DateSource.TEXT.value, DateSource.ANCHORED.value})


@dataclass(frozen=True, slots=True)
class Telling:
    """One document's report of a corpus event."""

    document: str
    published: str | None
    outlet: str | None
    credited_to: str | None
    modality: str
    date: str | None
    date_source: str | None
    evidence: str
    start: int
    end: int

    def side(self, says: str) -> Row:
        return {"document": self.document, "published": self.published, "outlet": self.outlet,
                "credited_to": self.credited_to, "says": says, "evidence": self.evidence,
                "start": self.start, "end": self.end}


def _order(t: Telling) -> tuple[bool, str, str]:
    return (t.published is None, t.published or "", t.document)


def _tellings(store: Store, actor: str | None, event: str | None) -> dict[str, list[Telling]]:
    """The reports of the events told by two documents or more; only one event's, or an actor's, when asked
    (an event told once contradicts nothing, whatever the filter)."""
    where, params = [], []
    if event is not None:
        where.append("r.event_id = ?")
        params.append(event)
    if actor is not None:
        where.append("r.event_id IN (SELECT event_id FROM corpus_event_actors WHERE actor_id = ?)")
        params.append(actor)
    if not where:
        where.append("r.event_id IN (SELECT event_id FROM event_reports GROUP BY event_id HAVING count(*) > 1)")
    query = (
        "SELECT r.event_id, r.doc_id, r.published, r.outlet, sa.name, ev.modality, ev.date, ev.date_source, "
        "ev.text, ev.start, ev.\"end\" FROM event_reports r "
        "JOIN events ev ON ev.doc_id = r.doc_id AND ev.id = r.doc_event "
        "LEFT JOIN actor_members sm ON sm.doc_id = ev.doc_id AND sm.entity_id = ev.source "
        f"LEFT JOIN actors sa ON sa.id = sm.actor_id WHERE {' AND '.join(where)}"
    )
    out: dict[str, list[Telling]] = defaultdict(list)
    for ev, *fields in store.conn.execute(query, params):
        out[ev].append(Telling(*fields))
    return out


def _happened(tellings: list[Telling]) -> tuple[Telling, Telling] | None:
    """The first report that affirms the event and the first that negates it, in publication order."""
    yes = sorted((t for t in tellings if t.modality in _AFFIRMING), key=_order)
    no = sorted((t for t in tellings if t.modality == Modality.NEGATED.value), key=_order)
    if not yes or not no:
        return None
    return tuple(sorted((yes[0], no[0]), key=_order))  # type: ignore[return-value]


def _dates(tellings: list[Telling]) -> tuple[Telling, Telling] | None:
    """The first two reports that state different days for the event."""
    dated = sorted((t for t in tellings if t.date_source in _CLAIMED_DATES and t.modality != Modality.NEGATED.value
                    and (iv := interval(t.date)) is not None and width(iv) == 1), key=_order)
    for t in dated[1:]:
        if t.date[:10] != dated[0].date[:10]:  # type: ignore[index]
            return dated[0], t
    return None


def _says_happened(t: Telling) -> str:
    return "did not happen" if t.modality == Modality.NEGATED.value else f"happened ({t.modality})"


def contradictions(store: Store, actor: str | None = None, event: str | None = None) -> list[Row]:
    """Contradictions between the reports of each event, events in date order; only those an actor is in,
    or those of one event."""
    c = store.conn
    tellings = _tellings(store, find_actor(store, actor) if actor is not None else None, event)
    rows: list[Row] = []
    for ev, told in tellings.items():
        found = [("happened", pair, _says_happened) for pair in [_happened(told)] if pair]
        found += [("date", pair, lambda t: t.date or "") for pair in [_dates(told)] if pair]
        if not found:
            continue
        etype, edate = c.execute("SELECT type, date FROM corpus_events WHERE id = ?", (ev,)).fetchone()
        actors = [r[0] for r in c.execute("SELECT a.name FROM corpus_event_actors x JOIN actors a ON a.id = x.actor_id "
                                          "WHERE x.event_id = ? AND x.role = 'actor' ORDER BY a.name", (ev,))]
        for kind, (first, then), says in found:
            a, b = first.side(says(first)), then.side(says(then))
            rows.append({
                "kind": kind, "event": ev, "type": etype, "date": edate, "actors": actors,
                **{f"first_{k}": v for k, v in a.items()}, **{f"then_{k}": v for k, v in b.items()},
            })
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["event"]))  # stable: happened before date
    return rows
