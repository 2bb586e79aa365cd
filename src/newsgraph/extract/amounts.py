"""Amounts of money: value and ISO 4217 currency."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Amount


def find_amounts(doc: Doc) -> list[Amount]:
    return []
