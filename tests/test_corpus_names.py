"""Name keys: every transliteration rule's examples, and the forms that must (not) meet."""

from __future__ import annotations

import pytest

from newsgraph.corpus.names import name_key, rules, translit_word
from newsgraph.model import EntityType as T

EXAMPLES = [(rule.id, raw, want) for rule in rules().translit for raw, want in rule.examples]


@pytest.mark.parametrize("rule_id,raw,want", EXAMPLES)
def test_corpus_names_translit_rule_examples(rule_id, raw, want):
    assert translit_word(raw) == want, rule_id


@pytest.mark.parametrize("a,b", [
    ("Evgeny Prigozhin", "Yevgeny Prigozhin"),
    ("Evgeny Prigozhin", "Evgueni Prigozhin"),
    ("Evgeny Prigozhin", "Yevgeny Viktorovich Prigozhin"),
    ("Vladimir Putin", "President Vladimir Putin"),
    ("Dmitry Peskov", "Dmitri Peskov"),
    ("Sergei Shoigu", "Sergey Shoigu"),
    ("François Hollande", "Francois Hollande"),
    ("Martin Luther King Jr.", "Martin King"),
])
def test_corpus_names_person_variants_share_a_key(a, b):
    assert name_key(a, T.PERSON).full == name_key(b, T.PERSON).full


@pytest.mark.parametrize("a,b", [
    ("Evgeny Prigozhin", "Anna Prigozhin"),
    ("Vladimir Putin", "Vladimir Potanin"),
])
def test_corpus_names_different_people_differ(a, b):
    assert name_key(a, T.PERSON).full != name_key(b, T.PERSON).full


@pytest.mark.parametrize("a,b,etype", [
    ("General Motors Corporation", "General Motors", T.ORG),
    ("Ford Motor Company", "Ford", T.ORG),
    ("Wagner Group", "Wagner", T.GROUP),
    ("the United States", "United States", T.PLACE),
])
def test_corpus_names_organisation_forms_share_a_key(a, b, etype):
    assert name_key(a, etype).full == name_key(b, etype).full


@pytest.mark.parametrize("short,long,etype", [
    ("GM", "General Motors", T.ORG),
    ("U.S.", "United States", T.PLACE),
    ("ECB", "European Central Bank", T.ORG),
])
def test_corpus_names_acronyms_match_initials(short, long, etype):
    s, full = name_key(short, etype), name_key(long, etype)
    assert s.is_acronym and s.full == full.acronym


@pytest.mark.parametrize("a,b", [("Apple Corps", "Apple Inc."), ("Ford Australia", "Ford")])
def test_corpus_names_distinct_organisations_stay_distinct(a, b):
    assert name_key(a, T.ORG).full != name_key(b, T.ORG).full


def test_corpus_names_surname_alone_is_single():
    key = name_key("Mr. Prigozhin", T.PERSON)
    assert key.single and key.surname == "prigozhin"
    assert name_key("", T.PERSON) is None
