"""Posts signed after their text, the convention of embedded tweets: "Words of the post. — Paul Ryan (@SpeakerRyan)
July 5, 2016". The words before the dash are what the signer posted."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.coref import Coref
from newsgraph.extract.quoting.direct import Found
from newsgraph.model import QuoteKind, Span

# A dash, a name (capitalised words), the handle in brackets, then the date the post carries.
SIGNATURE = re.compile(
    r"\s(?P<dash>[—–]|--?)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
)
# Where a post's words begin: after a paragraph break or an embedding tag's ">".
POST_START = re.compile(r"(?:\n\s*\n|>)")
# A trailing picture or link the post carries is no part of its words.
TRAILING_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://\S+)\s*$")
MIN_POST_CHARS = 12  # shorter than a few words is a fragment, not a post


def find_signed(doc: Doc, coref: Coref) -> list[Found]:
    """Every post signed "— Name (@handle) Date", attributed to the signer."""
    text = coref.text
    out: list[Found] = []
    for m in SIGNATURE.finditer(text):
        dash = m.start("dash")
        starts = [s.end() for s in POST_START.finditer(text, max(0, dash - 2000), dash)]
        start = starts[-1] if starts else max(0, dash - 2000)
        body = TRAILING_LINK.sub("", text[start:dash])
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        if len(body) < MIN_POST_CHARS or any(coref.inside[t.i] for t in _tokens(doc, start + lead, dash)[:1]):
            continue
        found = Found(start + lead, start + lead + len(body), QuoteKind.DIRECT)
        found.cue, found.cue_span = m.group("dash"), Span.of(text, dash, m.end("dash"))
        found.speaker_span = Span.of(text, m.start("name"), m.end("name"))
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if name is not None:
            found.speaker = coref.resolve(name.root)
        out.append(found)
    return out


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
