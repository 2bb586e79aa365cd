"""Participants from the parse: how far a phrase may reach for its entities, whose subject a clause takes."""

from __future__ import annotations

import pytest

from events_support import code, names


def test_events_roles_place_deep_in_a_phrase_is_no_target(nlp):
    events, by_id = code(nlp, "Wagner fighters seized the headquarters in charge of the war in Ukraine.")
    seized = [e for e in events if "seized" in e.trigger]
    assert seized, [(e.type.value, e.trigger) for e in events]
    assert "Ukraine" not in names(seized[0].targets, by_id)


def test_events_roles_group_named_where_it_is_still_counts(nlp):
    events, by_id = code(nlp, "Hamas fired rockets at civilians in Israel.")
    fired = [e for e in events if "fired" in e.trigger]
    assert fired and "Israel" in names(fired[0].targets, by_id)


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan boasted of having brokered a deal between Russia and Ukraine.",
        "Qatar spoke of having brokered a truce between Israel and Hamas.",
    ],
)
def test_events_roles_subject_reached_through_a_preposition(nlp, text):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] in ("brokered", "brokering")]
    assert acts, [(e.type.value, e.trigger) for e in events]
    assert names(acts[0].actors, by_id) & {"Erdogan", "Qatar"}


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Archbishop Desmond Tutu called for sanctions against Nigeria on Sunday.", "called", "Nigeria"),
        ("The United States is providing military intelligence to Macedonia.", "providing", "Macedonia"),
    ],
)
def test_events_roles_target_of_an_object_aimed_at_someone(nlp, text, trigger, target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    assert target in names(acts[0].targets, by_id)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # a noun's phrase the parser hangs on the light verb that carries it
        ("Judge Garzon opened fraud investigations against 28 Chilean officials suspected of taking bribes.",
         "investigations", "Chilean"),
        # the parties a mediation is between are its targets; the mediator is the actor
        ("Qatar launched a mediation effort between Israel and Hamas.", "mediation", "Hamas"),
        # "to X" parsed as a dative, after coordinated objects
        ("The United States is providing satellite images and other military intelligence to Kenya which is "
         "fighting al-Shabaab.", "providing", "Kenya"),
        ("Japan provided tents and other supplies to Turkey.", "provided", "Turkey"),
    ],
)
def test_events_roles_target_of_a_noun_or_dative_phrase(nlp, text, trigger, target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    assert target in names(acts[0].targets, by_id)


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("NATO tightened the blockade of Serbia with Albania's help.", "Albania"),
        ("Israel bombed the camp with American support.", "American"),
    ],
)
def test_events_roles_helper_is_no_target(nlp, text, helper):
    events, by_id = code(nlp, text)
    assert events, text
    assert all(helper not in names(e.targets, by_id) for e in events), [(e.trigger, e.targets) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "target", "not_target"),
    [
        # the one complained to hears the complaint; the one complained about is the target
        ("Lebanon complained to the United Nations over Israeli air raids.", "complained", "Israeli",
         "the United Nations"),
        # coordinated verbs right next to each other share their object
        ("Japan condemned and sanctioned Russia.", "condemned", "Russia", None),
        # ... but not a verb after a clause of its own
        ("Kolber declined to identify other bidders but said Drabinsky's offer was all cash.", "declined", None,
         "Drabinsky"),
    ],
)
def test_events_roles_addressee_and_shared_object(nlp, text, trigger, target, not_target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    got = names(acts[0].targets, by_id)
    assert target is None or target in got, got
    assert not_target is None or not_target not in got, got


@pytest.mark.parametrize(
    ("text", "trigger", "target", "not_target"),
    [
        # the place a protest blocks is where it is, not whom it is against
        ("French farmers blocked the Europe Bridge for three hours.", "blocked", None, "the Europe Bridge"),
        # the trigger's own object still names the acted on
        ("Israel released Palestinian prisoners.", "released", "Palestinian", None),
        # the "of" phrase of a verb trigger's object is acted on, not acting
        ("Serbian forces lifted the siege of Sarajevo in 1996.", "lifted", "Sarajevo", None),
    ],
)
def test_events_roles_object_of_a_two_word_trigger(nlp, text, trigger, target, not_target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    got = names(acts[0].targets, by_id)
    assert target is None or target in got, got
    assert not_target is None or not_target not in got, got
    assert target is None or target not in names(acts[0].actors, by_id)


@pytest.mark.parametrize(
    ("text", "target", "not_target"),
    [
        # force used to disperse or arrest someone is used on them
        ("Egyptian police opened fire to disperse Islamist demonstrators on Monday.", "Islamist", None),
        # a purpose that is no use of force names no target of it
        ("Ukrainian troops opened fire to defend Kyiv.", None, "Kyiv"),
    ],
)
def test_events_roles_force_aimed_by_its_purpose(nlp, text, target, not_target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.startswith("opened fire")]
    assert acts, [(e.type.value, e.trigger) for e in events]
    got = names(acts[0].targets, by_id)
    assert target is None or target in got, got
    assert not_target is None or not_target not in got, got


@pytest.mark.parametrize(
    ("text", "trigger", "name", "is_target"),
    [
        # a bare participle shares the passive of the verb before it
        ("The opposition leader Ilya Yashin was arrested and jailed by Russia.", "jailed", "Ilya Yashin", True),
        # an active verb shares only the subject
        ("Montenegro's prime minister has been indicted by the court and will resign.", "resign", "Montenegro",
         False),
    ],
)
def test_events_roles_coordinated_verb_shares_the_passive_only_as_a_participle(nlp, text, trigger, name, is_target):
    events, by_id = code(nlp, text)
    acts = [e for e in events if e.trigger.split()[0] == trigger]
    assert acts, [(e.type.value, e.trigger) for e in events]
    assert (name in names(acts[0].targets, by_id)) is is_target
    assert (name in names(acts[0].actors, by_id)) is not is_target
