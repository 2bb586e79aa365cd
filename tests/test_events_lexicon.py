"""Every trigger rule's own examples: positives give an event of its type from one of its words, negatives don't."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from events_support import code
from newsgraph.extract.eventing.lexicon import load_cues, load_lexicon
from newsgraph.model import PloverType

RULES = load_lexicon().rules
POSITIVE = [pytest.param(r, s, id=f"{r.id}+{i}") for r in RULES for i, s in enumerate(r.positive)]
NEGATIVE = [pytest.param(r, s, id=f"{r.id}-{i}") for r in RULES for i, s in enumerate(r.negative)]


def _words(rule) -> set[str]:
    pairs = {w for p in rule.phrasal | rule.objects for w in p}
    return {w.split()[-1] for w in rule.verbs | rule.nouns | rule.objectless} | pairs


@pytest.mark.slow
@pytest.mark.parametrize(("rule", "sentence"), POSITIVE)
def test_events_lexicon_positive_example_codes_its_type(nlp, rule, sentence):
    events, _ = code(nlp, sentence)
    hits = [e for e in events if e.type is rule.type]
    assert hits, f"{rule.id}: no {rule.type.value} in {[(e.type.value, e.trigger) for e in events]}"
    lemmas = {t.lemma_.lower() for t in nlp(" ".join(e.trigger for e in hits))} | {
        w.lower() for e in hits for w in e.trigger.split()
    }
    assert lemmas & _words(rule), f"{rule.id}: triggers {[e.trigger for e in hits]} are not the rule's words"


@pytest.mark.slow
@pytest.mark.parametrize(("rule", "sentence"), NEGATIVE)
def test_events_lexicon_negative_example_codes_no_such_event(nlp, rule, sentence):
    events, _ = code(nlp, sentence)
    assert not [e for e in events if e.type is rule.type]


def test_events_lexicon_every_type_has_a_rule():
    coded = {r.type for r in RULES}
    assert coded == set(PloverType) - {PloverType.OTHER}


def test_events_lexicon_rule_ids_unique_and_examples_present():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.positive for r in RULES)


@pytest.mark.parametrize("kind", ["verbs", "nouns"])
def test_events_lexicon_no_word_in_two_rules_of_different_types(kind):
    seen: dict[str, PloverType] = {}
    for r in RULES:
        for w in getattr(r, kind):
            assert seen.setdefault(w, r.type) is r.type, f"{w!r} is {seen[w].value} and {r.type.value}"


def test_events_lexicon_cues_load():
    cues = load_cues()
    assert "reportedly" in cues.reported_adverbs
    assert "will" in cues.future_aux
    assert "if" in cues.hypothetical_marks


_MUST = tomllib.loads(
    resources.files("newsgraph.resources").joinpath("events", "triggers.toml").read_text("utf-8")
)["must"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "demand"),
    [(s, True) for s in _MUST["positive"]] + [(s, False) for s in _MUST["negative"]],
)
def test_events_lexicon_must_statement_is_a_demand(nlp, sentence, demand):
    events, _ = code(nlp, sentence)
    assert any(e.type is PloverType.REQUEST for e in events) is demand, [(e.type.value, e.trigger) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Qatar launched a mediation effort between Hamas and Israel.", "mediation"),
        ("Kenya began a mediation mission between Ethiopia and Somalia.", "mediation"),
        ("Egypt and Israel held talks in Cairo.", "talks"),
    ],
)
def test_events_lexicon_trigger_span_is_the_event_word_not_its_wrapper(nlp, sentence, word):
    events, _ = code(nlp, sentence)
    spans = [e.trigger_span for e in events if e.trigger_span is not None]
    assert [s.text for s in spans] == [word]
    assert all(sentence[s.start : s.end] == s.text for s in spans)
