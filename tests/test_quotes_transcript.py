"""Transcripts: turns opened by a speaker's label in capitals, continued by unlabelled paragraphs, ended by a
stage direction; labels that name no one and single notices are no transcript."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes
from newsgraph.model import EntityType, QuoteKind
from quotes_helpers import entities_for

P = EntityType.PERSON
TRANSCRIPT = (
    "Governor Mary Fallin spoke on Sunday.\n\n"
    "JAKE TAPPER: Donald Trump released a video on Friday about healing. Take a listen.\n\n"
    "(BEGIN VIDEO CLIP.)\n\n"
    "The deaths of two men make clear how much more work we have to do.\n\n"
    "(END VIDEO CLIP.)\n\n"
    "TAPPER: Some Americans are skeptical about that message.\n\n"
    "How will he be able to heal the divide?\n\n"
    "FALLIN: Well, I think the whole nation needs to work together.\n"
)


def _turns(nlp, text, names):
    doc = nlp(text)
    entities = entities_for(text, names)
    by_id = {e.id: e.name for e in entities}
    quotes = find_quotes(doc, entities, MentionIndex(entities))
    return [(q.text, q.speaker_span.text, by_id.get(q.speaker)) for q in quotes if q.cue == ":"]


def test_quotes_transcript_turns_and_their_speakers(nlp):
    turns = _turns(nlp, TRANSCRIPT, {"Mary Fallin": P})
    by_text = {t[0][:20]: t[1:] for t in turns}
    assert by_text["Donald Trump release"] == ("JAKE TAPPER", None)
    assert by_text["Some Americans are s"] == ("TAPPER", None)
    assert by_text["How will he be able "] == ("TAPPER", None)  # an unlabelled paragraph continues the turn
    assert by_text["Well, I think the wh"] == ("FALLIN", "Mary Fallin")  # the label's name is an entity's
    assert not any(t[0].startswith("The deaths") for t in turns)  # a stage direction ended the turn


def test_quotes_transcript_turn_runs_on_a_few_paragraphs_only(nlp):
    text = "ANNA BERG: Is the plan working this year?\n\nTOM REED: It depends on many people.\n\n" + "".join(
        f"Paragraph number {n} goes on about the plan at length.\n\n" for n in range(1, 7)
    )
    turns = _turns(nlp, text, {})
    continued = [t for t in turns if t[0].startswith("Paragraph")]
    assert [t[1] for t in continued] == ["TOM REED"] * 3


@pytest.mark.parametrize("text", [
    "ANNA BERG: Is the plan working this year, or is it failing everyone?\n\nThe vote was held on Monday.",
    "UPDATE: The count was finished on Monday night.\n\nCORRECTION: An earlier version misstated the date.",
])
def test_quotes_transcript_needs_two_speakers(nlp, text):
    assert [q for q in _turns(nlp, text, {}) if q[1].isupper()] == []


def test_quotes_transcript_turn_is_indirect_speech(nlp):
    doc = nlp(TRANSCRIPT)
    entities = entities_for(TRANSCRIPT, {"Mary Fallin": P})
    turns = [q for q in find_quotes(doc, entities, MentionIndex(entities)) if q.cue == ":"]
    assert turns and all(q.kind is QuoteKind.INDIRECT for q in turns)
