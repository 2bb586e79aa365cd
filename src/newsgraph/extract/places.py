"""Place names built around a small word ("Rostov-on-Don", "Stratford-upon-Avon", "Frankfurt am Main").

spaCy's small NER splits them at the small word and often takes the halves for people ("Rostov", "Don"). A
hyphenated form is a name whatever its context; a spaced one ("Rostov on Don") only where the text treats it as
a place: listed or in apposition with places NER knows, or with its first half tagged a place and its second
half no name of its own ("Moscow on Aeroflot", "Kyiv on Monday", "Moscow on Putin's orders" stay apart).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.doctext import doc_text

_HYPHENATED = re.compile(
    r"\b[A-Z][\w’']+(?:-[A-Z][\w’']+)*-(?:on|upon|under|am|sur|en|le|la|les|lès)-[A-Z][\w’']+\b"
)
_SPACED = re.compile(r"\b[A-Z][a-z’']+ (?:on|upon|am) [A-Z][a-z’']+\b")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OWN_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART"})


def _listed_with_places(tok: Token) -> bool:
    """In a list or apposition whose other members NER tags as places ("Moscow, Rostov on Don and Minsk")."""
    kin = [c for c in tok.children if c.dep_ in ("conj", "appos")]
    if tok.dep_ in ("conj", "appos"):
        kin.append(tok.head)
        kin.extend(c for c in tok.head.children if c.dep_ in ("conj", "appos") and c.i != tok.i)
    return any(k.ent_type_ in _PLACE_LABELS for k in kin)


def joined_places(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of such place names, in text order."""
    text = doc_text(doc)
    found: list[tuple[int, int]] = []
    for m in _HYPHENATED.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.append((span.start, span.end))
    for m in _SPACED.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None or len(span) != 3 or any(span.start < e and s < span.end for s, e in found):
            continue
        first, last = span[0], span[2]
        if first.pos_ != "PROPN" or last.pos_ != "PROPN" or last.ent_type_ in _OWN_LABELS:
            continue
        if span.end < len(doc) and doc[span.end].pos_ == "PROPN":
            continue  # "Trump on Fox News"-like runs: the second half is the start of another name
        if _listed_with_places(first) or (first.ent_type_ in _PLACE_LABELS and not last.ent_type_):
            found.append((span.start, span.end))
    return sorted(found)
