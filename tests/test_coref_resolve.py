"""Pronouns and descriptions to entities: recency, agreement, salience, role and outlet nouns."""

from __future__ import annotations

import pytest

from newsgraph.extract.coref import Coref, resolve
from newsgraph.extract.mentions import MentionIndex
from newsgraph.model import EntityType, Role, Span
from quotes_helpers import entities_for

P, ORG = EntityType.PERSON, EntityType.ORG


def _resolve(nlp, text, names, word, nth=0):
    doc = nlp(text)
    entities = entities_for(text, names)
    coref = Coref(doc, entities, MentionIndex(entities))
    tokens = [t for t in doc if t.text == word]
    eid = coref.resolve(tokens[nth])
    return next((e.name for e in entities if e.id == eid), None)


@pytest.mark.parametrize("text,names,word,expected", [
    ("Maria Lopez spoke first. Then she left.", {"Maria Lopez": P}, "she", "Maria Lopez"),
    ("Maria Lopez met Tom Reed. He was late.", {"Maria Lopez": P, "Tom Reed": P}, "He", "Tom Reed"),
    ("Tom Reed met Maria Lopez. She was late.", {"Maria Lopez": P, "Tom Reed": P}, "She", "Maria Lopez"),
    ("Tom Reed met Ivan Sorokin. He was late.", {"Ivan Sorokin": P, "Tom Reed": P}, "He", "Tom Reed"),
    ("The Mining Board met Tom Reed. It rejected the plan.", {"Mining Board": ORG, "Tom Reed": P}, "It",
     "Mining Board"),
    ("The Mining Board met Tom Reed. They rejected the plan.", {"Mining Board": ORG, "Tom Reed": P}, "They",
     "Mining Board"),
    ("The Daily Courier wrote about Tom Reed. The newspaper was sued.", {"Daily Courier": ORG, "Tom Reed": P},
     "newspaper", "Daily Courier"),
    ("Tom Reed quit the Mining Board. The board was silent.", {"Mining Board": ORG, "Tom Reed": P}, "board",
     "Mining Board"),
])
def test_coref_resolves(nlp, text, names, word, expected):
    assert _resolve(nlp, text, names, word) == expected


@pytest.mark.parametrize("text,names,word,expected", [
    # "they" takes up the things named as the last subject, not an organisation further back
    ("The Mining Board met in Oslo. The events of the past weeks exposed its weakness. Above all, they "
     "revealed its debts.", {"Mining Board": ORG}, "they", None),
    # people as the last subject do not block it: resolution goes on as before
    ("The Mining Board met in Oslo. Its protesters marched on Friday. They demanded a vote.",
     {"Mining Board": ORG}, "They", "Mining Board"),
])
def test_coref_plural_pronoun_after_things(nlp, text, names, word, expected):
    assert _resolve(nlp, text, names, word) == expected


def test_coref_title_subject_means_the_name_after_it(nlp):
    text = "Sirius XM Vice President for news and talk Dave Gorab called the show the news show of record."
    assert _resolve(nlp, text, {"Dave Gorab": P}, "President") == "Dave Gorab"


def test_coref_no_antecedent_gives_none(nlp):
    assert _resolve(nlp, "He said nothing.", {}, "He") is None


def test_coref_too_far_back_falls_to_salience_only_if_named(nlp):
    filler = " ".join("The river rose again." for _ in range(12))
    text = f"Tom Reed spoke. {filler} He left."
    assert _resolve(nlp, text, {"Tom Reed": P}, "He") == "Tom Reed"
    assert _resolve(nlp, text, {"Maria Lopez": P}, "He") is None


def test_coref_role_noun_uses_the_entity_roles(nlp):
    text = "Ivan Sorokin and Tom Reed arrived. The spokesman spoke first."
    doc = nlp(text)
    entities = entities_for(text, {"Ivan Sorokin": P, "Tom Reed": P})
    sorokin = next(e for e in entities if e.name == "Ivan Sorokin")
    sorokin.roles.append(Role("spokesman", None, Span.of(text, 0, 12)))
    token = next(t for t in doc if t.text == "spokesman")
    assert resolve(token, MentionIndex(entities), entities) == sorokin.id
