"""Interview and debate transcripts: paragraphs opened by a speaker's label in capitals ("TAPPER: Do you think
..."), and the unlabelled paragraphs that continue the same turn."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.extract.coref import Coref
from newsgraph.extract.quoting.direct import Found
from newsgraph.model import EntityType, QuoteKind, Span

# A label in capitals at the start of a paragraph, then a colon: "JAKE TAPPER:", "SEN. TED CRUZ:", "FALLIN:".
LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,3})[ \t]*:[ \t]*(?=\S)",
                   re.MULTILINE)
PARAGRAPH = re.compile(r"[^\n]+")
MIN_SPEAKERS = 2  # one labelled paragraph is a headline or a notice; a transcript has turns of two people at least
MIN_LABEL_CHARS = 3  # "Q:" and "A:" name no one
MIN_TURN_CHARS = 12  # shorter than a few words is an interjection or a stage cue


def find_transcript(doc: Doc, coref: Coref) -> list[Found]:
    """Each turn of a transcript, attributed to its labelled speaker; nothing when the text has no turns."""
    text = coref.text
    labels = [m for m in LABEL.finditer(text) if _is_speaker_label(m.group("label"), coref)]
    if len({_key(m.group("label")) for m in labels}) < MIN_SPEAKERS:
        return []
    out: list[Found] = []
    starts = {m.start(): m for m in labels}
    current: re.Match[str] | None = None
    continued = 0
    for para in PARAGRAPH.finditer(text):
        body = para.group().strip()
        if not body:
            continue
        m = starts.get(para.start())
        if m is not None:
            current, continued = m, 0
            begin = m.end()
        elif current is None:
            continue
        elif body.startswith(("(", "[")) or continued >= coref.settings.transcript_max_continued or LABEL.match(body):
            current = None  # "(END VIDEO CLIP.)": a stage direction ends the turn
            continue
        else:
            continued += 1
            begin = para.start()
        found = _turn(doc, coref, current, begin, para.end())
        if found is not None:
            out.append(found)
    return out


def _turn(doc: Doc, coref: Coref, label: re.Match[str], begin: int, end: int) -> Found | None:
    text = coref.text
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end - begin < MIN_TURN_CHARS:
        return None
    first = doc.char_span(begin, begin + 1, alignment_mode="expand")
    if first is None or not len(first) or coref.inside[first[0].i]:
        return None  # the turn is quoted in marks: the marks' speaker stands
    found = Found(begin, end, QuoteKind.INDIRECT)
    colon = label.end() - 1
    while text[colon] != ":":
        colon -= 1
    found.cue, found.cue_span = ":", Span.of(text, colon, colon + 1)
    colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    found.cue_token = colon_token[0].i if colon_token is not None and len(colon_token) else None
    found.speaker_span = Span.of(text, label.start("label"), label.end("label"))
    found.speaker = _entity(doc, coref, label)
    return found


def _entity(doc: Doc, coref: Coref, label: re.Match[str]) -> str | None:
    """The person the label names: the entity at the label, else one whose name holds the label's last word."""
    span = doc.char_span(label.start("label"), label.end("label"), alignment_mode="expand")
    if span is not None and len(span):
        eid = coref.resolve(span[-1])
        if eid is not None:
            return eid
    last = _key(label.group("label")).split()[-1]
    people = [
        e for e in coref.entities.values()
        if e.type is EntityType.PERSON and last in {w.strip(".,").upper() for w in e.name.split()}
    ]
    return people[0].id if len(people) == 1 else None


def _key(label: str) -> str:
    return " ".join(label.upper().replace("’", "'").split())


def _is_speaker_label(label: str, coref: Coref) -> bool:
    key = _key(label)
    return len(key.replace(" ", "")) >= MIN_LABEL_CHARS and key not in coref.lex.non_speaker_labels
