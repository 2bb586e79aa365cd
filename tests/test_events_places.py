"""Places that are an event's target: the examples of resources/events/targets.toml, each rule both ways."""

from __future__ import annotations

import pytest

from events_support import code, names
from newsgraph.extract.eventing.places import load_place_rules

RULES = load_place_rules()
POSITIVE = [pytest.param(e, id=f"{r.id}+{i}") for r in RULES for i, e in enumerate(r.positive)]
NEGATIVE = [pytest.param(e, id=f"{r.id}-{i}") for r in RULES for i, e in enumerate(r.negative)]


def _targets(nlp, text: str) -> set[str]:
    events, by_id = code(nlp, text)
    assert events, text
    return {n for e in events for n in names(e.targets, by_id)}


@pytest.mark.parametrize("example", POSITIVE)
def test_events_places_place_is_the_target(nlp, example):
    assert example["target"] in _targets(nlp, example["text"])


@pytest.mark.parametrize("example", NEGATIVE)
def test_events_places_place_is_no_target(nlp, example):
    assert example["not_target"] not in _targets(nlp, example["text"])


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_events_places_every_rule_has_examples_both_ways(rule):
    assert rule.positive and rule.negative and rule.nouns and rule.preps
