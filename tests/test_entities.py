"""Entities and roles on sentences written for these tests (model-based: they need the spaCy pipeline)."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import find_entities
from newsgraph.extract.names import acronym, name_key
from newsgraph.model import EntityType


def _by_name(entities, name):
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in entities]}"
    return found[0]


@pytest.mark.parametrize(
    "text,key",
    [("the Novaya Gazeta", "novaya gazeta"), ("Libération", "liberation"), ("Prigozhin's", "prigozhin"),
     ("Mr. John Smith", "john smith"), ("The New York Times", "new york times")],
)
def test_names_key(text, key):
    assert name_key(text) == key


def test_names_acronym():
    assert acronym("north atlantic treaty organization") == "nato"


def test_entities_short_and_full_names_are_one(nlp):
    doc = nlp(
        "Opposition leader Tomas Weber met the mayor on Monday. Weber later said the meeting went well. "
        "Reporters asked Weber about the budget."
    )
    entities = find_entities(doc)
    weber = _by_name(entities, "Tomas Weber")
    assert weber.type is EntityType.PERSON
    assert "Weber" in weber.aliases
    assert len(weber.mentions) == 3
    assert len([e for e in entities if "Weber" in e.name]) == 1


def test_entities_every_mention_is_evidence(nlp):
    doc = nlp("Anna Berg met Maria Santos in Rotterdam. Santos thanked Berg, and Rotterdam's mayor spoke.")
    for e in find_entities(doc):
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert m.text in (e.name, *e.aliases)


def test_entities_outlet_after_article_is_an_organisation(nlp):
    doc = nlp("The news was first reported by the French newspaper Le Monde. The Harbour Gazette added more.")
    entities = find_entities(doc)
    assert _by_name(entities, "Le Monde").type is EntityType.ORG
    assert _by_name(entities, "Harbour Gazette").type is EntityType.ORG


def test_entities_bracketed_name_makes_the_description_an_alias(nlp):
    doc = nlp(
        "Evgeny Prigozhin flew to Minsk. Critics said that 'the Boss of the Kitchen [Prigozhin]' still had allies."
    )
    person = _by_name(find_entities(doc), "Evgeny Prigozhin")
    assert any(a.startswith("the Boss of the Kitchen") for a in person.aliases)
    assert len(person.mentions) == 3


def test_entities_title_word_is_not_an_organisation(nlp):
    doc = nlp("Defense Minister Sergei Shoigu visited the front.")
    names = [e.name for e in find_entities(doc)]
    assert "Defense" not in names and "Sergei Shoigu" in names


@pytest.mark.parametrize(
    "text,person,title,of",
    [
        ("According to Kremlin spokesman Dmitry Peskov, the talks went well.", "Dmitry Peskov", "spokesman", "Kremlin"),
        ("Anna Lind, the head of the Swedish National Guard, also took part.", "Anna Lind", "head",
         "Swedish National Guard"),
        ("Russian President Vladimir Putin met the envoy.", "Vladimir Putin", "President", "Russia"),
        ("Lieutenant General Mikhail Mizintsev went over to the rebels.", "Mikhail Mizintsev", "Lieutenant General",
         None),
        ("Veldmark's Transport Minister Pieter Olsen met the unions.", "Pieter Olsen", "Transport Minister",
         "Veldmark"),
        ("General Motors named Mary Barra as its new chief executive on Tuesday.", "Mary Barra", "chief executive",
         "General Motors"),
        ("The union said that Chief-of-Staff Valery Gerasimov must go.", "Valery Gerasimov", "Chief-of-Staff", None),
    ],
)
def test_roles_found_with_their_organisation(nlp, text, person, title, of):
    entities = find_entities(nlp(text))
    holder = _by_name(entities, person)
    names = {e.id: e.name for e in entities}
    roles = [(r.title, names.get(r.of)) for r in holder.roles]
    assert (title, of) in roles, roles
    for r in holder.roles:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert person in r.evidence.text


def test_roles_portfolio_title_links_the_ministry(nlp):
    doc = nlp("Defense Minister Sergei Shoigu was criticised. The Ministry of Defense knew about the offers.")
    entities = find_entities(doc)
    shoigu = _by_name(entities, "Sergei Shoigu")
    ministry = _by_name(entities, "Ministry of Defense")
    assert [(r.title, r.of) for r in shoigu.roles] == [("Defense Minister", ministry.id)]


def test_roles_no_title_no_role(nlp):
    doc = nlp("Yesterday Maria Santos and Pieter Olsen walked to the harbour, and not a single worker came out.")
    assert all(not e.roles for e in find_entities(doc))


@pytest.mark.parametrize(
    "text,full,short",
    [
        ("General Motors filed for bankruptcy. GM said its plants stay open.", "General Motors", "GM"),
        ("The United States of America objected. Later the United States relented.", "United States of America",
         "United States"),
        ("Officials in the U.S. objected, and the United States relented.", "United States", "U.S."),
    ],
)
def test_entities_acronyms_and_prefixes_are_one(nlp, text, full, short):
    entities = find_entities(nlp(text))
    holder = _by_name(entities, full)
    assert short in holder.aliases
    assert not [e for e in entities if e.name == short]


def test_entities_time_zone_is_no_organisation(nlp):
    names = [e.name for e in find_entities(nlp("The speech began at 16:00 UTC in the White House."))]
    assert "UTC" not in names and "White House" in names


def test_roles_appointment_with_subject_in_apposition(nlp):
    doc = nlp("The country's largest car maker General Motors today named Mary Barra as its new chief executive.")
    entities = find_entities(doc)
    barra, gm = _by_name(entities, "Mary Barra"), _by_name(entities, "General Motors")
    assert [(r.title, r.of) for r in barra.roles] == [("chief executive", gm.id)]


def test_roles_apposition_to_a_surname_ner_mislabels(nlp):
    doc = nlp(
        "Evgeny Prigozhin spoke on Monday. After months of conflicts with the army leadership, Prigozhin, a "
        "far-right ex-convict-turned-billionaire and mercenary leader, launched his insurrection on June 23."
    )
    person = _by_name(find_entities(doc), "Evgeny Prigozhin")
    assert ("mercenary leader", None) in [(r.title, r.of) for r in person.roles]


@pytest.mark.parametrize(
    "text,name",
    [
        ("The Nezavisimaya Gazeta noted in a comment that the channels were exposing him.", "Nezavisimaya Gazeta"),
        ("Ministers of the Eurogroup met on Monday to discuss the bailout.", "Eurogroup"),
    ],
)
def test_entities_outlets_ner_missed_after_the(nlp, text, name):
    assert _by_name(find_entities(nlp(text)), name).type is EntityType.ORG


def test_entities_untagged_capitals_without_article_are_left_alone(nlp):
    doc = nlp("Thus the talks ended, and Wednesday came.")
    assert not any(t.ent_type_ for t in doc[:1])
    names = [e.name for e in find_entities(doc)]
    assert "Thus" not in names and "Wednesday" not in names
