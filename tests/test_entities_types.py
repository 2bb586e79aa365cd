"""Entity types: the type cues of resources/entities/type_cues.toml, and names NER runs together or makes up.

Model-based (they need the spaCy pipeline); every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import find_entities
from newsgraph.extract.entity_types import CueKind, cues, rule_examples
from newsgraph.model import EntityType

RULES = rule_examples()
POSITIVE = [(r["id"], r["kind"], r.get("type"), ex) for r in RULES for ex in r.get("positive", [])]
NEGATIVE = [(r["id"], ex) for r in RULES for ex in r.get("negative", [])]


def _types(nlp, text: str) -> dict[str, EntityType]:
    return {e.name: e.type for e in find_entities(nlp(text))}


def test_entities_types_rules_load_with_examples():
    loaded = cues()
    assert {c.id for c in loaded} == {r["id"] for r in RULES}
    assert len({c.id for c in loaded}) == len(loaded)
    for r in RULES:
        assert r.get("positive") and r.get("negative"), r["id"]
    assert all(c.type is not None for c in loaded if c.kind not in (CueKind.NOT_NAME, CueKind.NOT_ACTOR_WORD))


@pytest.mark.parametrize(("rule_id", "kind", "type_", "example"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_entities_types_rule_positive(nlp, rule_id, kind, type_, example):
    types = _types(nlp, example["text"])
    if kind in ("not_name", "not_actor_word"):
        assert example["name"] not in types, types
    else:
        assert types.get(example["name"]) is EntityType(type_), types


@pytest.mark.parametrize(("rule_id", "example"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_entities_types_rule_negative(nlp, rule_id, example):
    types = _types(nlp, example["text"])
    assert types.get(example["name"]) is EntityType(example["type"]), types


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # A spaced dash and a bracket end a name; NER runs over both.
        ("The maker of network systems is based in San Jose - Cisco. Cisco sued on Monday.", ("San Jose", "Cisco")),
        ("Prices are lower in the U.S. Jobs said so himself. Steve Jobs spoke in the U.S. on Monday.",
         ("U.S.", "Steve Jobs")),
    ],
)
def test_entities_types_name_split_at_a_break(nlp, text, parts):
    names = {e.name: e for e in find_entities(nlp(text))}
    for part in parts:
        assert any(part == n or part in e.aliases for n, e in names.items()), names
    assert not any(" - " in n or "U.S. Jobs" in n or "U.S. Jobs" in e.aliases for n, e in names.items())


def test_entities_types_hyphenated_name_is_not_split(nlp):
    names = [e.name for e in find_entities(nlp("The governor flew to Khanty-Mansiysk on Monday."))]
    assert "Khanty-Mansiysk" in names


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # A given name first: a surname that is an organisation word does not make a company.
        ('"We are ready," said Jim Press, the vice chairman. Press added that plants would close.', "Jim Press",
         EntityType.PERSON),
        # ... but a company that only looks like one stays a company.
        ("Shares of the Harbour Trust Company rose after the Harbour Trust Company reported profits.",
         "Harbour Trust Company", EntityType.ORG),
        # An abbreviation takes the type of its bracketed expansion.
        ("Officers of the FSB (Federal Security Service) detained him. The FSB gave no reason.", "FSB",
         EntityType.ORG),
        # "the" before a name NER calls a person: a band or an outlet, not a person.
        ("We love the Beatles, and we are glad the dispute is over.", "Beatles", EntityType.ORG),
    ],
)
def test_entities_types_name_cues(nlp, text, name, type_):
    types = _types(nlp, text)
    assert types.get(name) is type_, types


def test_entities_types_the_before_a_modifier_is_no_organisation_cue(nlp):
    types = _types(nlp, "Evgeny Prigozhin marched on Moscow. The Prigozhin rebellion ended within a day.")
    assert types.get("Evgeny Prigozhin") is EntityType.PERSON, types


@pytest.mark.parametrize(
    "text",
    ["Ministers discussed the Gulf War and the Special Military Operation at the meeting.",
     "Operation Barbarossa began in June."],
)
def test_entities_types_operations_and_wars_are_no_actors(nlp, text):
    names = [e.name for e in find_entities(nlp(text))]
    assert not any(w in n for n in names for w in ("Operation", "War")), names


@pytest.mark.parametrize(
    ("text", "country", "adjective"),
    [("Ukrainian troops withdrew from Avdiivka on Saturday.", "Ukraine", "Ukrainian"),
     ("Russian forces captured the town after weeks of fighting.", "Russia", "Russian")],
)
def test_entities_types_nationality_adjective_points_at_its_country(nlp, text, country, adjective):
    entities = find_entities(nlp(text))
    names = {e.name: e for e in entities}
    assert adjective not in names, names
    assert names[country].type is EntityType.PLACE and adjective in names[country].aliases


@pytest.mark.parametrize(
    ("text", "place"),
    [("Sirens sounded in Kyiv, Kharkiv and Dnipro.", "Kharkiv"),
     ("Residents of Bakhmut fled west.", "Bakhmut"),
     ("Explosions were heard in Lviv and Kharkiv.", "Kharkiv")],
)
def test_entities_types_untagged_place_named_by_its_context(nlp, text, place):
    doc = nlp(text)
    assert not any(t.ent_type_ for t in doc if t.text == place)  # NER missed it
    assert _types(nlp, text).get(place) is EntityType.PLACE


@pytest.mark.parametrize(
    ("text", "name"),
    [("Members of Parliament met in Westminster.", "Parliament"),
     ("Thus the talks ended in Geneva, and Wednesday came.", "Wednesday"),
     ("Gazprom and Ukraine signed a transit deal.", "Gazprom")],
)
def test_entities_types_untagged_capitals_without_place_cues_stay_out(nlp, text, name):
    types = _types(nlp, text)
    assert types.get(name) is not EntityType.PLACE, types


@pytest.mark.parametrize(
    ("text", "parts", "whole"),
    [("The shelling of Avdiivka, Bakhmut and Marinka continued.", ("Bakhmut", "Marinka"), "Bakhmut and Marinka"),
     ("Bill and Melinda Gates gave money.", ("Bill", "Melinda Gates"), "Bill and Melinda Gates")],
)
def test_entities_types_list_ner_ran_together_is_split(nlp, text, parts, whole):
    names = {e.name for e in find_entities(nlp(text))}
    assert set(parts) <= names and whole not in names, names


@pytest.mark.parametrize(
    ("text", "name"),
    [("Procter and Gamble raised prices.", "Procter and Gamble"),
     ("He visited Bosnia and Herzegovina last year.", "Bosnia and Herzegovina")],
)
def test_entities_types_name_with_and_stays_whole(nlp, text, name):
    assert name in {e.name for e in find_entities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [("Scholz said he would stay in office.", "Scholz", EntityType.PERSON),
     ("Residents of Bakhmut fled west.", "Bakhmut", EntityType.PLACE)],
)
def test_entities_types_untagged_name_typed_by_its_context(nlp, text, name, type_):
    assert _types(nlp, text).get(name) is type_


def test_entities_types_untagged_title_is_no_name(nlp):
    names = [e.name for e in find_entities(nlp("Apple's Chief Operating Officer Jeff Williams said he would stay."))]
    assert not any("Officer" in n for n in names), names


def test_entities_types_apposition_must_follow_the_name(nlp):
    types = _types(nlp, "Strikes hit Odesa and Mykolaiv, the governor said.")
    assert types.get("Odesa") is not EntityType.PERSON, types
