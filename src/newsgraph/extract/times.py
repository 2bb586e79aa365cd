"""Time expressions: find them and give each a TIMEX3 type and value against the DCT."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import TimeExpr


def find_times(doc: Doc, dct: str | None) -> tuple[list[TimeExpr], list[str]]:
    """Time expressions of the doc and warnings (placeholder until the time issue lands)."""
    return [], []
