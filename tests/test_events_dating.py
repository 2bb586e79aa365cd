"""Event dates: own time expression, anchored, context, publication, with the source of each."""

from __future__ import annotations

import pytest

from events_support import code
from newsgraph.model import DateSource, TimeExpr, TimexType

pytestmark = pytest.mark.slow


def timex(text: str, phrase: str, value: str, tid: str = "t1", anchor: str | None = "dct") -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(tid, phrase, start, start + len(phrase), TimexType.DATE, value, anchor)


def test_events_dating_own_time_expression(nlp):
    text = "Vladimir Putin met Evgeny Prigozhin on June 29."
    events, _ = code(nlp, text, [timex(text, "June 29", "2023-06-29")])
    assert (events[0].date, events[0].time, events[0].date_source) == ("2023-06-29", "t1", DateSource.TEXT)


def test_events_dating_anchored_on_another_event(nlp):
    text = "Vladimir Putin met Evgeny Prigozhin five days after the mutiny."
    t = timex(text, "five days after the mutiny", "2023-06-29", anchor="the mutiny")
    events, _ = code(nlp, text, [t])
    assert (events[0].date, events[0].date_source) == ("2023-06-29", DateSource.ANCHORED)


def test_events_dating_on_the_eve_of_is_the_day_before(nlp):
    text = "On Monday, on the eve of the NATO summit in Vilnius, the Kremlin confirmed the meeting."
    events, _ = code(nlp, text, [timex(text, "Monday", "2023-07-10")])
    summit = [e for e in events if e.trigger == "summit"]
    assert summit and (summit[0].date, summit[0].date_source) == ("2023-07-11", DateSource.ANCHORED)


def test_events_dating_context_of_previous_sentence(nlp):
    text = "The fighting began on Monday. Russia shelled Kharkiv."
    events, _ = code(nlp, text, [timex(text, "Monday", "2023-07-03")])
    shelling = [e for e in events if e.trigger == "shelled"]
    assert shelling and (shelling[0].date, shelling[0].date_source) == ("2023-07-03", DateSource.CONTEXT)


def test_events_dating_time_of_another_clause_is_context_not_text(nlp):
    text = "On Monday, Ukraine said that Russia shelled Kharkiv."
    events, _ = code(nlp, text, [timex(text, "Monday", "2023-07-10")])
    assert events[0].date_source is DateSource.CONTEXT


def test_events_dating_paragraph_break_stops_context(nlp):
    text = "The talks ended on Monday.\n\nRussia shelled Kharkiv."
    events, _ = code(nlp, text, [timex(text, "Monday", "2023-07-03")])
    shelling = [e for e in events if e.trigger == "shelled"]
    assert shelling and (shelling[0].date, shelling[0].date_source) == ("2023-07-10", DateSource.PUBLICATION)


@pytest.mark.parametrize("value", ["P2W", "PAST_REF"])
def test_events_dating_non_calendar_values_do_not_date(nlp, value):
    text = "Russia shelled Kharkiv recently."
    events, _ = code(nlp, text, [timex(text, "recently", value)])
    assert events[0].date_source is DateSource.PUBLICATION


def test_events_dating_no_dct_leaves_date_empty(nlp):
    events, _ = code(nlp, "Russia shelled Kharkiv.", published=None)
    assert (events[0].date, events[0].date_source) == (None, None)
