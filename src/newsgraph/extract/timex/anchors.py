"""Dates anchored on events ("five days after the insurrection collapsed") and ranges."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import TimeExpr


def date_from_event(doc: Doc, expr: TimeExpr, earlier: list[TimeExpr]) -> None:
    """Placeholder."""
    return None


def link_ranges(text: str, times: list[TimeExpr]) -> None:
    """Placeholder."""
    return None
