"""The seed article end to end: the meeting told six ways is one event, dated from the text, with its teller."""

from __future__ import annotations

import pytest

from newsgraph.model import DateSource, Modality, PloverType

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _named(record, ids):
    return {record.entity(i).name for i in ids if record.entity(i)}


def _meeting(record):
    return [e for e in record.events if e.type is PloverType.CONSULT and e.trigger == "met"]


def test_events_seed_the_meeting_is_one_event_with_its_tellings(seed_record):
    (meeting,) = _meeting(seed_record)
    assert {"Vladimir Putin", "Evgeny Prigozhin"} <= _named(seed_record, meeting.actors)
    assert len(meeting.mentions) >= 3
    assert (meeting.date, meeting.date_source) == ("2023-06-29", DateSource.TEXT)
    assert seed_record.entity(meeting.source).name == "Kremlin"


def test_events_seed_relocation_that_has_not_happened_is_negated(seed_record):
    negated = [e for e in seed_record.events if e.modality is Modality.NEGATED]
    assert any("relocation" in e.trigger for e in negated)


def test_events_seed_summit_is_planned_in_vilnius(seed_record):
    summits = [e for e in seed_record.events if e.type is PloverType.CONSULT and e.modality is Modality.PLANNED]
    assert any(seed_record.entity(e.place) and seed_record.entity(e.place).name == "Vilnius" for e in summits)


def test_events_seed_every_event_has_exact_evidence_and_no_duplicates(seed_record):
    text = seed_record.document.text
    keys = set()
    for e in seed_record.events:
        for span in [e.evidence, *e.mentions]:
            assert text[span.start : span.end] == span.text
        key = (e.type, tuple(sorted(e.actors)), tuple(sorted(e.targets)), e.date, e.trigger)
        assert key not in keys
        keys.add(key)
    assert all(e.date_source is not None for e in seed_record.events)
