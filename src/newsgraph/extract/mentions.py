"""Map text positions to entity ids, so later extractors can name who a token refers to."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.model import Entity, EntityType


class MentionIndex:
    """Sorted mention spans of every entity; lookups by character range or token."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self._by_id = {e.id: e for e in entities}

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._by_id.get(entity_id) if entity_id else None

    def type_of(self, entity_id: str | None) -> EntityType | None:
        e = self.entity(entity_id)
        return e.type if e else None

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps [start, end) most, or None."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end) - 1
        while i >= 0:
            s, e, eid = self._spans[i]
            if e <= start and s < start - 200:  # mentions are short: stop scanning far back
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = eid, overlap
            i -= 1
        return best

    def at_token(self, token: Token) -> str | None:
        return self.at(token.idx, token.idx + len(token.text))

    def in_subtree(self, token: Token) -> list[str]:
        """Entity ids mentioned in the phrase a token heads, head's own entity first."""
        ids: list[str] = []
        own = self.at_token(token)
        if own:
            ids.append(own)
        for t in token.subtree:
            eid = self.at_token(t)
            if eid and eid not in ids:
                ids.append(eid)
        return ids

    def in_span(self, span: SpacySpan) -> list[str]:
        ids: list[str] = []
        for t in span:
            eid = self.at_token(t)
            if eid and eid not in ids:
                ids.append(eid)
        return ids
