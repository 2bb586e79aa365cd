"""One event per event: tellings of the same event merge, different events stay apart; evidence is exact."""

from __future__ import annotations

import pytest

from events_support import code, names, only
from newsgraph.model import Modality, PloverType, TimeExpr, TimexType

pytestmark = pytest.mark.slow


def test_events_merge_same_meeting_told_three_times(nlp):
    text = (
        "Vladimir Putin met with Evgeny Prigozhin in Moscow. The meeting lasted three hours. "
        "Sergei Lavrov also attended the meeting."
    )
    events, by_id = code(nlp, text)
    consult = [e for e in events if e.type is PloverType.CONSULT]
    e = only(consult)
    assert len(e.mentions) == 3
    assert {"Vladimir Putin", "Evgeny Prigozhin", "Sergei Lavrov"} <= names(e.actors, by_id)


@pytest.mark.parametrize(
    "text",
    [
        "Russia shelled Kharkiv. Russia shelled Odesa.",
        "Joe Biden met Emmanuel Macron. Joe Biden met Olaf Scholz.",
        # one's actor is the other's target: two refusals, not one
        "Juan Gonzalez refused requests by Lazaro Gonzalez. Lazaro Gonzalez refused to sign the papers.",
    ],
)
def test_events_merge_keeps_different_events_apart(nlp, text):
    events, _ = code(nlp, text)
    assert len(events) == 2


def test_events_merge_different_dates_stay_apart(nlp):
    text = "Russia shelled Kharkiv on Monday. Russia shelled Kharkiv on Friday."
    times = [
        TimeExpr("t1", "Monday", text.index("Monday"), text.index("Monday") + 6, TimexType.DATE, "2023-07-03"),
        TimeExpr("t2", "Friday", text.index("Friday"), text.index("Friday") + 6, TimexType.DATE, "2023-07-07"),
    ]
    events, _ = code(nlp, text, times)
    assert sorted(e.date for e in events) == ["2023-07-03", "2023-07-07"]


def test_events_merge_denial_outranks_report(nlp):
    text = "The deal reportedly involved the relocation of Wagner to Belarus. That relocation has not happened."
    events, _ = code(nlp, text)
    e = only([e for e in events if e.type is PloverType.MOBILIZE])
    assert e.modality is Modality.NEGATED
    assert len(e.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Russia shelled Kharkiv.\n\nUkraine said Russia shelled Odesa on Monday.",
        "  Poland expelled diplomats from Russia.  ",
        '"We will not accept it."\n\nThe meeting took place after Vladimir Putin denounced Evgeny Prigozhin.',
    ],
)
def test_events_merge_evidence_is_exact_text(nlp, text):
    events, _ = code(nlp, text)
    assert events
    for e in events:
        for span in [e.evidence, *e.mentions]:
            assert text[span.start : span.end] == span.text
            assert span.text == span.text.strip() and "\n\n" not in span.text


def test_events_merge_ids_are_sequential(nlp):
    events, _ = code(nlp, "Russia shelled Kharkiv. Joe Biden met Emmanuel Macron in Paris.")
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]


@pytest.mark.parametrize(
    ("text", "type_", "count"),
    [
        ("Taliban rebels kidnapped Russian advisers in Kabul and exploded a series of bombs there.",
         PloverType.ASSAULT, 2),
        ("The United States would prohibit all aid to Serbia and would deny entry to Serbian officials.",
         PloverType.SANCTION, 2),
        ("Russian forces shelled and bombed Kharkiv on Thursday.", PloverType.ASSAULT, 1),
    ],
)
def test_events_merge_coordinated_verbs_with_own_objects_stay_apart(nlp, text, type_, count):
    events, _ = code(nlp, text)
    assert len([e for e in events if e.type is type_]) == count, [(e.type.value, e.trigger) for e in events]
