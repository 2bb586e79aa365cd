"""Events coded in PLOVER: who did what to whom, when and where."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.mentions import MentionIndex
from newsgraph.model import Event, Record


def find_events(doc: Doc, record: Record, index: MentionIndex) -> list[Event]:
    return []
