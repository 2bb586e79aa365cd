"""Quotes: direct, partial and indirect speech with their speakers, cues and the outlets that carried them.

Spans: a direct or partial quote's [start, end) is the words inside the marks (marks excluded); an
indirect quote's is the reported clause (without "that" and end punctuation).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.coref import Coref
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quoting.direct import Found, attribute_marked
from newsgraph.extract.quoting.headline import find_headlines
from newsgraph.extract.quoting.indirect import find_indirect
from newsgraph.extract.quoting.marks import find_marked
from newsgraph.extract.quoting.settings import DEFAULT_QUOTES, QuoteSettings
from newsgraph.extract.quoting.signed import find_signed
from newsgraph.extract.quoting.transcript import find_transcript
from newsgraph.model import Entity, Quote, QuoteKind


def find_quotes(
    doc: Doc, entities: list[Entity], index: MentionIndex, settings: QuoteSettings = DEFAULT_QUOTES
) -> list[Quote]:
    """Every attributed quotation in the document, in text order, ids q1, q2 ..."""
    coref = Coref(doc, entities, index, settings)
    marked = find_marked(coref.text, settings)
    inside = coref.inside
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                inside[i] = True
    direct = attribute_marked(doc, marked, coref, settings)
    # A cue that introduced a whole quotation is spent; one whose clause only holds a quoted fragment still
    # reports that clause ("said Smith is "absolutely wrong" for saying ..."): the fragment stays a partial quote.
    used = {f.cue_token for f in direct if f.cue_token is not None and f.kind is not QuoteKind.PARTIAL}
    turns = find_transcript(doc, coref) if ":" in coref.text else []
    used |= {f.cue_token for f in turns if f.cue_token is not None}
    indirect = find_indirect(doc, coref, inside, used)
    signed = find_signed(doc, coref) if "(@" in coref.text else []
    headlines = find_headlines(doc, coref, used | {f.cue_token for f in indirect if f.cue_token is not None})
    _fragments_take_their_clause(direct, indirect)
    _carry_from_the_latest_speaker(direct, indirect)
    _orphans_take_the_reported_speaker(direct, indirect, coref.text, settings)
    found = sorted(direct + turns + indirect + signed + headlines, key=lambda f: (f.start, f.end))
    text = coref.text
    quotes = []
    for n, f in enumerate(found, 1):
        quotes.append(Quote(
            f"q{n}", text[f.start : f.end], f.start, f.end, f.kind, f.speaker, f.cue,
            f.speaker_span, f.cue_span, f.via, f.act,
        ))
    return quotes


def _fragments_take_their_clause(marked: list[Found], indirect: list[Found]) -> None:
    """A quoted fragment with no cue of its own inside a reported clause ("praised his ability to get "things
    done"") is the words of that clause's speaker."""
    for f in marked:
        if f.kind is not QuoteKind.PARTIAL or f.cue is not None:
            continue
        around = [c for c in indirect if c.start <= f.start and f.end <= c.end + 1 and c.speaker_span is not None]
        if around:
            c = min(around, key=lambda c: c.end - c.start)
            f.speaker, f.speaker_span, f.cue, f.cue_span, f.via = c.speaker, c.speaker_span, c.cue, c.cue_span, c.via


def _carry_from_the_latest_speaker(marked: list[Found], indirect: list[Found]) -> None:
    """A quotation with no cue continues the latest speaker before it: when reported speech ("Anna Berg said the
    plan would fail.") stands between it and the quotation it was carried from, the reporter of that speech."""
    for f in marked:
        if f.carried_from is None:
            continue
        between = [c for c in indirect if f.carried_from < c.start and c.end <= f.start and c.speaker_span is not None]
        if between:
            c = max(between, key=lambda c: c.end)
            f.speaker, f.speaker_span, f.via = c.speaker, c.speaker_span, c.via


OPENING_MARKS = "\"“«„‘'`* \t"


def _orphans_take_the_reported_speaker(
    marked: list[Found], indirect: list[Found], text: str, settings: QuoteSettings
) -> None:
    """A paragraph that is only a quotation, with no cue and no quotation before it to continue, follows the
    speech reported just before it: "Anna Berg said the plan would fail.\n\n"It is a matter of time.""."""
    for f in marked:
        if f.speaker_span is not None or f.cue is not None or f.kind is not QuoteKind.DIRECT:
            continue
        lead = text[: f.start].rstrip(OPENING_MARKS)
        line_end = text.find("\n", f.end)
        tail = text[f.end : line_end if line_end >= 0 else len(text)]
        if (lead and not lead.endswith("\n")) or any(ch.isalnum() for ch in tail):
            continue  # the quotation must be the whole paragraph
        before = [
            c for c in indirect
            if c.end <= f.start and f.start - c.end <= settings.carry_max_chars and c.speaker_span is not None
        ]
        if before:
            c = max(before, key=lambda c: c.end)
            if any(line.strip() for line in text[c.end : f.start].split("\n")[1:-1]):
                continue  # only from the paragraph right before
            f.speaker, f.speaker_span, f.via = c.speaker, c.speaker_span, c.via


def source_of(start: int, end: int, quotes: list[Quote]) -> str | None:
    """Who a stretch of text (an event's sentence) is reported by: the speaker of the quote covering most of it."""
    best, best_overlap = None, 0
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if q.speaker and overlap > best_overlap:
            best, best_overlap = q.speaker, overlap
    return best
