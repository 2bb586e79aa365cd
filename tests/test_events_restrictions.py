"""The place a restriction is laid on is its event's target: the examples of resources/events/targets.toml."""

from __future__ import annotations

import pytest

from events_support import code, names
from newsgraph.extract.eventing.restrictions import load_restrictions

RULE = load_restrictions()


def _targets(nlp, text: str) -> set[str]:
    events, by_id = code(nlp, text)
    assert events, text
    return {n for e in events for n in names(e.targets, by_id)}


@pytest.mark.parametrize("example", RULE.positive, ids=lambda e: e["target"])
def test_events_restrictions_place_is_the_target(nlp, example):
    assert example["target"] in _targets(nlp, example["text"])


@pytest.mark.parametrize("example", RULE.negative, ids=lambda e: e["not_target"])
def test_events_restrictions_place_is_no_target(nlp, example):
    assert example["not_target"] not in _targets(nlp, example["text"])


def test_events_restrictions_rule_has_examples_both_ways():
    assert RULE.positive and RULE.negative and "curfew" in RULE.nouns
