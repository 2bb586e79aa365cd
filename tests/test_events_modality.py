"""Modality, reporting source and place of events, on sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import code, names
from newsgraph.model import Modality, PloverType

pytestmark = pytest.mark.slow

MODALITY = [
    ("Russia attacked Kyiv on Monday.", PloverType.ASSAULT, Modality.ASSERTED),
    ("Russia reportedly attacked Kyiv on Monday.", PloverType.ASSAULT, Modality.REPORTED),
    ("According to Reuters, Russia attacked Kyiv.", PloverType.ASSAULT, Modality.REPORTED),
    ("The Kremlin confirmed that Vladimir Putin had met with Evgeny Prigozhin.", PloverType.CONSULT,
     Modality.REPORTED),
    ("Vladimir Putin did not meet Evgeny Prigozhin.", PloverType.CONSULT, Modality.NEGATED),
    ("Vladimir Putin never met Alexei Navalny.", PloverType.CONSULT, Modality.NEGATED),
    ("Joe Biden will meet Xi Jinping in Bali.", PloverType.CONSULT, Modality.PLANNED),
    ("NATO is set to discuss Ukraine at its summit in Vilnius.", PloverType.CONSULT, Modality.PLANNED),
    ("Emmanuel Macron plans to visit China in April.", PloverType.CONSULT, Modality.PLANNED),
    ("Iran could attack Israel within days.", PloverType.ASSAULT, Modality.HYPOTHETICAL),
    ("If Turkey invades Syria, Washington will respond.", PloverType.ASSAULT, Modality.HYPOTHETICAL),
    ("Their relocation to Belarus has not happened.", PloverType.MOBILIZE, Modality.NEGATED),
    # a denied clause did not happen, by its source's account; a denial denied does not negate
    ("The Kremlin denied that Vladimir Putin had met Evgeny Prigozhin.", PloverType.CONSULT, Modality.NEGATED),
    ("The Kremlin did not deny that Vladimir Putin met Evgeny Prigozhin.", PloverType.CONSULT, Modality.REPORTED),
]


@pytest.mark.parametrize(("sentence", "ptype", "modality"), MODALITY)
def test_events_modality_of_sentence(nlp, sentence, ptype, modality):
    events, _ = code(nlp, sentence)
    hits = [e for e in events if e.type is ptype]
    assert hits, [(e.type.value, e.trigger) for e in events]
    assert hits[0].modality is modality


SOURCE = [
    ("The Kremlin confirmed that Vladimir Putin had met with Evgeny Prigozhin.", "Kremlin"),
    ("According to Dmitry Peskov, Vladimir Putin met Evgeny Prigozhin in Moscow.", "Dmitry Peskov"),
    ("Ukraine said Russia shelled Kharkiv overnight.", "Ukraine"),
    ("The news of the raid on Evgeny Prigozhin's home was first reported by Fontanka.", "Fontanka"),
    ("The Kremlin denied that Vladimir Putin had met Evgeny Prigozhin.", "Kremlin"),
]


@pytest.mark.parametrize(("sentence", "source"), SOURCE)
def test_events_modality_source_named(nlp, sentence, source):
    events, by_id = code(nlp, sentence)
    assert events, "no event"
    assert by_id.get(events[0].source) == source


def test_events_modality_no_source_when_unnamed(nlp):
    events, _ = code(nlp, "Russia reportedly attacked Kyiv on Monday.")
    assert events and events[0].source is None


PLACE = [
    ("Angela Merkel met Emmanuel Macron in Paris.", "Paris"),
    ("Israeli soldiers beat up Palestinian detainees in Hebron.", "Hebron"),
    ("Russia and China held talks in Beijing on Friday.", "Beijing"),
]


@pytest.mark.parametrize(("sentence", "place"), PLACE)
def test_events_modality_place(nlp, sentence, place):
    events, by_id = code(nlp, sentence)
    assert events and by_id.get(events[0].place) == place
    assert events[0].place not in events[0].targets


ROLES = [
    ("Joe Biden met with Emmanuel Macron and Olaf Scholz.", {"Joe Biden", "Emmanuel Macron",
                                                        "Olaf Scholz"}, set()),
    ("Poland expelled diplomats from Russia.", {"Poland"}, {"Russia"}),
    ("Hungary was attacked by Serbia.", {"Serbia"}, {"Hungary"}),
    ("Israel and Lebanon renewed negotiations on Tuesday.", {"Israel", "Lebanon"}, set()),
    ("China accused Japan of provocation.", {"China"}, {"Japan"}),
]


@pytest.mark.parametrize(("sentence", "actors", "targets"), ROLES)
def test_events_modality_actors_and_targets(nlp, sentence, actors, targets):
    events, by_id = code(nlp, sentence)
    assert len(events) == 1, [(e.type.value, e.trigger) for e in events]
    assert names(events[0].actors, by_id) == actors
    assert names(events[0].targets, by_id) == targets


def test_events_modality_pronoun_subject_resolved_through_coreference(nlp):
    events, by_id = code(nlp, "Joe Biden arrived in Paris on Thursday. He met Emmanuel Macron on Friday.")
    meeting = [e for e in events if e.trigger == "met"]
    assert meeting and "Joe Biden" in names(meeting[0].actors, by_id)


def test_events_modality_negated_subject(nlp):
    events, _ = code(nlp, "No country in Europe recognised Somaliland.")
    assert all(e.modality is Modality.NEGATED for e in events)
