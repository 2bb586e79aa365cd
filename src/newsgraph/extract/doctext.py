"""The text of a parsed Doc, built once: spaCy's ``Doc.text`` joins every token again on each access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` so every extractor shares one copy."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
