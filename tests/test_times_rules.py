"""Every time rule's own examples: the positive ones match exactly, the negative ones do not."""

from __future__ import annotations

import re

import pytest

from newsgraph.extract.timex.engine import rule_hits
from newsgraph.extract.timex.rules import classes_in, load

RULES = load().rules


def _hits(rule, text: str) -> list[str]:
    return rule_hits(rule, text)


@pytest.mark.parametrize(("rule", "example"), [(r, p) for r in RULES for p in r.pos], ids=lambda x: getattr(x, "id", x))
def test_times_rule_positive_example_matches_exactly(rule, example):
    marked = re.search(r"\[(.*?)\]", example)
    want = marked.group(1) if marked else example
    text = example.replace("[", "").replace("]", "")
    hits = _hits(rule, text)
    assert hits and hits[0] == want, f"{rule.id}: {example!r} gave {hits}"


@pytest.mark.parametrize(("rule", "example"), [(r, n) for r in RULES for n in r.neg], ids=lambda x: getattr(x, "id", x))
def test_times_rule_negative_example_does_not_match(rule, example):
    assert not _hits(rule, example), f"{rule.id} matched {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_times_rule_examples_hold_its_trigger_words(rule):
    """A rule runs only near its head words: each example must hold one, or the engine would never try it."""
    wc = load().word_classes
    for example in rule.pos:
        assert classes_in(example.replace("[", "").replace("]", ""), wc) & rule.head, (rule.id, example)


def test_times_rule_ids_are_unique_and_every_rule_has_an_example():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.pos for r in RULES)
