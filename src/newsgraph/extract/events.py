"""Events coded in PLOVER: who did what to whom, when and where, each with the sentence that tells it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.eventing.dating import date_event, place_times
from newsgraph.extract.eventing.lexicon import load_cues, load_lexicon
from newsgraph.extract.eventing.merge import Candidate, merge
from newsgraph.extract.eventing.modality import find_modality
from newsgraph.extract.eventing.participants import Participants
from newsgraph.extract.eventing.roles import find_roles
from newsgraph.extract.eventing.sentences import Sentences
from newsgraph.extract.eventing.settings import DEFAULT, EventSettings
from newsgraph.extract.eventing.triggers import find_triggers
from newsgraph.extract.mentions import MentionIndex
from newsgraph.model import Event, Record, Span

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _evidence(doc: Doc, tok: Token, sents: Sentences) -> Span:
    """The sentence that tells the event, without surrounding whitespace or a paragraph the parser ran in."""
    sent = sents.of(tok)
    text = sents.text_all
    start, end = sent.start_char, sent.end_char
    # The small model sometimes runs a closing quote, a title or a byline into the next paragraph's sentence.
    cut = text.rfind("\n\n", start, tok.idx)
    if cut >= 0:
        start = cut + 2
    cut = text.find("\n\n", tok.idx, end)
    if cut >= 0:
        end = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _own_participants(noun: Token, index: MentionIndex) -> bool:
    """Whether a noun names its own participants ("Prigozhin's meeting", "talks with Kyiv")."""
    return any(index.at_token(t) for t in noun.subtree if t.i != noun.i)


def _coordinated(verb: Token) -> frozenset[int]:
    """The verbs coordinated with this one when both have a direct object of their own: other acts
    ("kidnapped advisers and exploded bombs"; not "shelled and bombed Kharkiv")."""

    def has_object(t: Token) -> bool:
        return any(c.dep_ == "dobj" for c in t.children)

    if not has_object(verb):
        return frozenset()
    partners = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return frozenset(t.i for t in partners if has_object(t))


def find_events(
    doc: Doc, record: Record, index: MentionIndex, settings: EventSettings = DEFAULT
) -> list[Event]:
    """The events the document tells, one per real event, each mention with its evidence."""
    lex, cues = load_lexicon(), load_cues()
    who = Participants(doc, record.entities, index)
    placed = place_times(doc, record.times)
    sents = Sentences(doc)
    published = record.document.published
    cands: list[Candidate] = []
    for trig in find_triggers(doc, lex, settings.max_climb):
        roles = find_roles(trig, who, cues, settings)
        anchor = roles.anchor or trig.token
        nominal = trig.token if trig.nominal else None
        modality, source = find_modality(anchor, nominal, cues, who)
        frame = [anchor, *roles.frame]
        date, time_id, date_source = date_event(
            sents, trig.token, frame, placed, published, settings.context_sentences
        )
        anaphoric = bool(
            nominal is not None
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in nominal.children)
            and not _own_participants(nominal, index)
        )
        cands.append(
            Candidate(
                type=trig.type,
                trigger=trig.text(settings.max_trigger_gap),
                lemma=trig.token.lemma_.lower(),
                evidence=_evidence(doc, trig.token, sents),
                actors=roles.actors,
                targets=roles.targets,
                modality=modality,
                source=source,
                place=roles.place,
                date=date,
                time=time_id,
                date_source=date_source,
                anaphoric=anaphoric,
                weak_modality=trig.nominal and roles.anchor is None,
                trigger_span=Span(trig.word.idx, trig.word.idx + len(trig.word.text), trig.word.text),
                token_i=trig.token.i,
                separate_from=_coordinated(trig.token) if not trig.nominal else frozenset(),
            )
        )
    return merge(cands, settings.require_participant)
