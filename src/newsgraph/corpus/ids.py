"""Stable ids for what the store keeps: the same content always gets the same id."""

from __future__ import annotations

import hashlib
import json

from newsgraph.model import Document


def _digest(*parts: str, size: int = 12) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:size]


def document_key(document: Document) -> str:
    """What names an article across edits: its URL, else where it was read from, else its id."""
    return document.url or document.source or document.id


def document_hash(document: Document) -> str:
    """Content and metadata, not the path: the same article read from two places is one article."""
    d = document.to_dict()
    d.pop("source", None)
    return _digest(json.dumps(d, sort_keys=True, ensure_ascii=False), size=32)


def actor_id(entity_type: str, name_key: str, doc_id: str, entity_id: str) -> str:
    """An actor is named after the first member that founded it, so re-runs in the same order agree."""
    return "a" + _digest(entity_type, name_key, doc_id, entity_id)


def event_id(doc_id: str, doc_event: str) -> str:
    """A corpus event is named after its founding report."""
    return "v" + _digest(doc_id, doc_event)
