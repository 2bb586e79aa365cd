"""Place names around a small word stay one place; look-alikes ("Biden on Ukraine") stay apart."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He flew between Moscow, St. Petersburg, Rostov on Don (where it started) and Minsk.", "Rostov on Don"),
        ("Fighting reached Rostov-on-Don on Saturday.", "Rostov-on-Don"),
        ("She was born in Stratford-upon-Avon.", "Stratford-upon-Avon"),
    ],
)
def test_entities_places_joined_name_is_one_place(nlp, text, expected):
    entities = find_entities(nlp(text))
    places = {e.name: e.type.value for e in entities}
    assert places.get(expected) == "PLACE"
    halves = set(expected.replace("-", " ").split()) - {"on", "upon"}
    assert not halves & set(places), places


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("Biden on Ukraine: a timeline.", ("Biden", "Ukraine")),
        ("Troops arrived in Moscow on Putin's orders.", ("Moscow", "Putin")),
    ],
)
def test_entities_places_lookalikes_stay_apart(nlp, text, apart):
    names = {e.name for e in find_entities(nlp(text))}
    assert set(apart) <= names, names


def test_entities_places_what_an_office_is_of_is_no_person(nlp):
    text = "On Monday, Pieter Olsen, the Transport Minister of Veldmark, met the union."
    types = {e.name: e.type.value for e in find_entities(nlp(text))}
    assert types.get("Veldmark") != "PERSON" and types.get("Pieter Olsen") == "PERSON", types
