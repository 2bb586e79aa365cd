"""What is no quote however it parses: an event as speaker, an idiom's passive, the source a report cites."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import find_entities
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes
from newsgraph.model import EntityType, QuoteKind
from quotes_helpers import entities_for


def _quotes(nlp, text):
    doc = nlp(text)
    entities = find_entities(doc)
    return find_quotes(doc, entities, MentionIndex(entities))


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        # a participle the parser hangs on "took place": the meeting accuses no one
        ("The meeting took place two days after Putin denounced the rebels as traitors, accusing them of "
         "fomenting civil war.", lambda q: q.speaker_span is not None and q.speaker_span.text == "The meeting"),
        # "it remains to be seen": nobody's view
        ("It remains to be seen how the regime will respond to a new escalation prepared by NATO.",
         lambda q: q.cue == "seen"),
        # who is cited is the source, not what was said
        ("The Harbour Gazette reported the talks, citing sources in the ministry.",
         lambda q: q.text.startswith("sources")),
    ],
)
def test_quotes_precision_no_quote(nlp, text, bad):
    found = [q for q in _quotes(nlp, text) if bad(q)]
    assert not found, [(q.cue, q.text, q.speaker_span) for q in found]


def test_quotes_precision_relative_pronoun_speaks_for_its_antecedent(nlp):
    doc = nlp("Senator Anna Berg, who opposes the war, spoke in Oslo.")
    entities = find_entities(doc)
    held = [q for q in find_quotes(doc, entities, MentionIndex(entities)) if q.cue == "opposes"]
    assert held and held[0].speaker_span.text == "who"
    assert {e.id: e.name for e in entities}[held[0].speaker] == "Anna Berg"


def test_quotes_precision_object_split_by_the_parser_stays_whole(nlp):
    quotes = _quotes(nlp, "The company also announced head of finance Daniel Ammann as its new president.")
    told = [q for q in quotes if q.cue == "announced"]
    assert told and told[0].text == "head of finance Daniel Ammann as its new president"


@pytest.mark.parametrize("text,title", [
    ("Anna Berg told NBC's “Meet the Press” on Sunday that she would run again.", "Meet the Press"),
    ("Tom Reed said on Fox News' “Sunday Morning Futures,” that the plan had failed.", "Sunday Morning Futures"),
    ("Speaking on “This Week,” Anna Berg said the vote would be close.", "This Week"),
])
def test_quotes_precision_show_titles_are_no_quotes(nlp, text, title):
    doc = nlp(text)
    entities = entities_for(text, {"Anna Berg": EntityType.PERSON, "Tom Reed": EntityType.PERSON})
    quotes = find_quotes(doc, entities, MentionIndex(entities))
    assert not [q for q in quotes if q.kind is not QuoteKind.INDIRECT and title in q.text]


def test_quotes_precision_title_case_words_said_are_kept(nlp):
    text = "Tom Reed said “Build The Wall” three times at the rally."
    doc = nlp(text)
    entities = entities_for(text, {"Tom Reed": EntityType.PERSON})
    assert [q for q in find_quotes(doc, entities, MentionIndex(entities)) if q.text.startswith("Build The Wall")]
