"""Entities: one per real actor in a document, with aliases, roles and every mention."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity


def find_entities(doc: Doc) -> list[Entity]:
    return []
