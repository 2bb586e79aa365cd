"""Targets inside what an act says, asks or threatens: complement clauses, a noun's content, its agent."""

from __future__ import annotations

import pytest

from events_support import code, names


def _event(nlp, text: str, trigger: str):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    return acts[0], by_id


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the object or the addressee of the frame verb itself
        ("The UN urged Iran to release the prisoners.", "urged", "Iran"),
        ("France called on Germany to withdraw its troops from Mali.", "called", "Germany"),
        ("Moscow warned Finland against joining NATO.", "warned", "Finland"),
        ("China accused the United States of spying on its companies.", "accused", "the United States"),
        ("The United States pledged aid to Ukraine.", "pledged", "Ukraine"),
        # the embedded act's object or phrase
        ("North Korea threatened to attack Japan.", "threatened", "Japan"),
        ("Japan agreed to help Ukraine.", "agreed", "Ukraine"),
        ("Iran warned that it would attack Israel.", "warned", "Israel"),
        # ... and whom it is done with
        ("Pakistan threatened to break off diplomatic relations with Congo.", "threatened", "Congo"),
        ("Egypt offered to negotiate with Israel.", "offered", "Israel"),
        ("Brazil offered to mediate between Russia and Ukraine.", "offered", "Ukraine"),
        ("Kenya offered to host talks between Ethiopia and Eritrea.", "offered", "Eritrea"),
        ("Qatar called for talks with the Taliban.", "called", "Taliban"),
        # "for" parsed as the mark of the clause, not the particle of "call": the clause's subject
        ("Britain called for Israel to halt the offensive in Gaza.", "called", "Israel"),
        # a that-clause's own subject
        ("Washington demanded that Iran withdraw its troops from Syria.", "demanded", "Iran"),
        ("Kenya warned that Somalia would face sanctions.", "warned", "Somalia"),
    ],
)
def test_events_complements_target_of_a_frame_verb(nlp, text, trigger, target):
    event, by_id = _event(nlp, text, trigger)
    assert target in names(event.targets, by_id)


@pytest.mark.parametrize(
    ("text", "trigger", "target", "not_target"),
    [
        ("Poland demanded that Germany pay reparations to Ukraine.", "demanded", "Germany", "Ukraine"),
        ("Washington demanded that Hamas renounce its armed struggle against Israel.", "demanded", "Hamas",
         "Israel"),
        ("Putin accused NATO of trying to destroy Russia.", "accused", "NATO", "Russia"),
    ],
)
def test_events_complements_demand_is_put_to_the_clause_subject_only(nlp, text, trigger, target, not_target):
    event, by_id = _event(nlp, text, trigger)
    got = names(event.targets, by_id)
    assert target in got and not_target not in got, got


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russia threatened to stop the talks if the United States deploys missiles.", "the United States"),
        ("Iran threatened to close the strait unless Britain released the tanker.", "Britain"),
    ],
)
def test_events_complements_conditional_threat_is_put_to_the_condition_subject(nlp, text, target):
    event, by_id = _event(nlp, text, "threatened")
    assert target in names(event.targets, by_id)


@pytest.mark.parametrize(
    "text",
    [
        "Iran threatened to retaliate, while Israel attacked Syria.",  # a contrast, not a condition
        "Russia threatened to retaliate after Ukraine shelled Belgorod.",  # a time, not a condition
        "The United States warned that it would respond.",  # the actor's own act, aimed at nobody named
        "Putin accused the West of trying to destroy Russia.",  # the accused is unnamed: not the one attacked
    ],
)
def test_events_complements_no_target_from_an_unrelated_clause(nlp, text):
    events, by_id = code(nlp, text)
    assert events, text
    assert not names(events[0].targets, by_id), [(e.trigger, names(e.targets, by_id)) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Turkey rejected calls by Sweden for talks.", "rejected", "Sweden"),
        ("Britain rejected a request by Argentina for talks on the Falklands.", "rejected", "Argentina"),
        ("Germany criticized the decision by Hungary to block the aid.", "criticized", "Hungary"),
        ("Germany condemned attacks by Russia on Ukraine.", "condemned", "Russia"),
    ],
)
def test_events_complements_agent_of_an_unnamed_object(nlp, text, trigger, target):
    event, by_id = _event(nlp, text, trigger)
    assert target in names(event.targets, by_id)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Israel reiterated its demand that Hamas release the hostages.", "demand", "Hamas"),
        ("China repeated its call for the United States to stop arming Taiwan.", "call", "the United States"),
        ("Russia's threat to attack Ukraine alarmed Europe.", "threat", "Ukraine"),
        ("The EU demanded a ceasefire with Russia.", "demanded", "Russia"),
    ],
)
def test_events_complements_content_of_a_noun(nlp, text, trigger, target):
    event, by_id = _event(nlp, text, trigger)
    assert target in names(event.targets, by_id)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the subject of a bare infinitive clause is acted on like an object
        ("Serbia refused to allow NATO planes to land.", "refused", "NATO"),
        ("Russia allowed Ukraine to export grain through the Black Sea.", "allowed", "Ukraine"),
        # a content clause the parser hangs on the verb that carries the noun
        ("The ILO reiterated its demand on Monday that Israel ease the restrictions.", "demand", "Israel"),
        # the party of the act a noun or a preposition's object names
        ("Italy announced a suspension of air links with Serbia.", "suspension", "Serbia"),
        ("Kenya reneged on its promise to Somalia.", "reneged", "Somalia"),
        ("Russia agreed to a ceasefire with Ukraine.", "agreed", "Ukraine"),
        # what a protest stands against, and what its purpose clause asks for
        ("Protesters demonstrated in Minsk in defiance of Lukashenko.", "demonstrated", "Lukashenko"),
        ("Students staged a hunger strike in protest of the Russian government's decision.", "hunger", "Russian"),
        ("Kurds demonstrated in Kirkuk calling for independence from Iraq.", "demonstrated", "Iraq"),
    ],
)
def test_events_complements_target_through_a_clause_or_noun(nlp, text, trigger, target):
    event, by_id = _event(nlp, text, trigger)
    assert target in names(event.targets, by_id)


def test_events_complements_solidarity_is_no_protest_target(nlp):
    event, by_id = _event(nlp, "Russian students staged a hunger strike in solidarity with Navalny.", "hunger")
    assert "Navalny" not in names(event.targets, by_id)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a thing that allows tells of no act between parties: no participant, no event
        ("The new rules allowed Alexei Navalny to appeal the verdict.", "Alexei Navalny"),
        # an object pronoun is not resolved: "them" is no named party
        ("Russian police allowed them to march.", None),
    ],
)
def test_events_complements_bare_infinitive_subject_needs_a_named_actor(nlp, text, name):
    events, by_id = code(nlp, text)
    allowed = [e for e in events if e.trigger.startswith("allowed")]
    assert all(not names(e.targets, by_id) for e in allowed), [(e.trigger, names(e.targets, by_id)) for e in allowed]


@pytest.mark.parametrize(
    ("text", "trigger", "target", "not_target"),
    [
        # a named object keeps its "with" phrase to itself
        ("Iraq vowed to take control of Jordan's border with Israel.", "vowed", "Jordan", "Israel"),
        # a participle after a comma says nothing of whose the object is
        ("Timex requested lower duties for watches, covered by U.S. tariffs.", "requested", None, "U.S."),
        # "between" on an object that is no act names no parties
        ("Britain declined to give a breakdown between Barclays and HSBC.", "declined", None, "HSBC"),
        # "have X heard by Y": Y hears X
        ("Britain and France agreed to have the case heard by a Dutch court.", "agreed", None, "Dutch"),
    ],
)
def test_events_complements_no_party_from_a_modifier_of_the_object(nlp, text, trigger, target, not_target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    got = names(acts[0].targets, by_id) if acts else set()
    assert not_target not in got, got
    assert target is None or target in got, got


def test_events_complements_apposition_names_an_unnamed_subject(nlp):
    event, by_id = _event(
        nlp, "Officials threatened to revoke the visa if his uncle, Lazaro Gonzalez, did not sign.", "threatened"
    )
    assert names(event.targets, by_id) == {"Lazaro Gonzalez"}


@pytest.mark.parametrize(
    "text",
    [
        "TEHRAN, August 8 (Xinhua) -- Iran Saturday condemned the bombing of the embassy in Kenya.",
        "CAPE TOWN, South Africa (AP) -- Another man has been arrested in connection with the bombings.",
    ],
)
def test_events_complements_dateline_apposition_is_no_participant(nlp, text):
    events, by_id = code(nlp, text)
    got = {n for e in events for n in names(e.actors, by_id) | names(e.targets, by_id)}
    assert not got & {"Xinhua", "AP", "South Africa"}, got


def test_events_complements_participle_agent_is_a_nominal_events_actor(nlp):
    event, by_id = _event(nlp, "The accord signed by Israel and Jordan in 1994 still holds.", "accord")
    assert names(event.actors, by_id) == {"Israel", "Jordan"}


def test_events_complements_participle_agent_of_an_object_is_the_target(nlp):
    event, by_id = _event(nlp, "Serbia rejected the accusations made by Croatia on Monday.", "rejected")
    assert names(event.targets, by_id) == {"Croatia"}


def test_events_complements_titled_subject_named_by_its_apposition(nlp):
    event, by_id = _event(
        nlp, "The Interior Minister, Aftab Sherpao, allowed Maulana Fazlur Rehman to hold the rally.", "allowed"
    )
    assert names(event.actors, by_id) and names(event.targets, by_id), (event.actors, event.targets)


def test_events_complements_participle_that_does_not_carry_the_act_names_no_actor(nlp):
    events, by_id = code(nlp, "Sales rose on the great demand enjoyed by Apple's iPod players.")
    assert not [e for e in events if e.type.value == "REQUEST"], [(e.trigger, e.actors) for e in events]


@pytest.mark.parametrize(("text", "asked"), [
    ("Israel rejected Egypt's demand that Hamas release the hostages.", "release"),
    ("Egypt renewed its demand that Hamas release the hostages.", "release"),
    ("Russia's threat to attack Ukraine alarmed Europe.", "attack"),
])
def test_events_complements_what_a_noun_asks_or_threatens_is_not_coded_as_done(nlp, text, asked):
    events, _ = code(nlp, text)
    assert not [e for e in events if e.trigger.split()[0] == asked], [(e.type.value, e.trigger) for e in events]
