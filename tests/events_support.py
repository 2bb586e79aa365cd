"""Helpers for the event tests: run the event extractor on a sentence with spaCy's entities standing in."""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.extract.events import find_events
from newsgraph.extract.mentions import MentionIndex
from newsgraph.model import Document, Event, Record, TimeExpr

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from plover_gsr import entities_from_ents  # noqa: E402


def code(nlp, text: str, times: list[TimeExpr] | None = None, published: str | None = "2023-07-10"):
    """(events, entity id -> name) for one text, entities from doc.ents, times as given."""
    doc = nlp(text)
    ents = entities_from_ents(doc)
    record = Record(Document(text, published=published), entities=ents, times=list(times or []))
    events = find_events(doc, record, MentionIndex(ents))
    return events, {e.id: e.name for e in ents}


def names(ids: list[str], by_id: dict[str, str]) -> set[str]:
    return {by_id[i] for i in ids}


def only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.type, e.trigger) for e in events]
    return events[0]
