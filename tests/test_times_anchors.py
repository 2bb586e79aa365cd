"""Dates anchored on events: a gold set of our own sentences (neither TimeBank nor TempEval covers this)."""

from __future__ import annotations

import pytest

from newsgraph.extract.times import find_times

DCT = "2023-07-10"

GOLD = [
    # (text, expression, value, words the anchor must mention, anchor event date or None)
    ("The Kremlin confirmed that Putin had met with Prigozhin on June 29, just five days after "
     "Prigozhin's failed coup attempt.", "just five days", "2023-06-29", "coup attempt", "2023-06-24"),
    ("Putin met the commanders on June 29. He invited 35 people to a meeting just five days after the "
     "insurrection collapsed.", "just five days", "2023-06-29", "insurrection collapsed", "2023-06-24"),
    ("Putin met the commanders on June 29. The meeting took place just two days after Putin denounced "
     "them on television.", "just two days", "2023-06-29", "Putin denounced", "2023-06-27"),
    ("The rebels seized the airport on March 3. Government troops retook the city ten days after the "
     "seizure of the airport.", "ten days", "2023-03-13", "seizure", "2023-03-03"),
    ("The strike began on May 2. Workers returned three weeks after the strike began.", "three weeks",
     "2023-05-23", "strike began", "2023-05-02"),
    ("The minister resigned on April 12, two days before the vote on the budget.", "two days", "2023-04-12",
     "the vote on the budget", "2023-04-14"),
    ("The ceasefire was signed on February 8. Fighting resumed four days after the ceasefire.", "four days",
     "2023-02-12", "ceasefire", "2023-02-08"),
    # a place shared with another dated clause names no event: "the house" of April 8 does not date the sighting
    ("He was shot on Oct. 23 at his house. The rifle was found April 8 behind the house. A jogger saw his car near "
     "the house ten days before the shooting.", "ten days", "2022-10-13", "shooting", "2022-10-23"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "value", "about", "anchor_date"), GOLD, ids=[g[1] + "|" + g[3] for g in GOLD])
def test_times_anchors_event_gold(nlp, text, phrase, value, about, anchor_date):
    times, _ = find_times(nlp(text), DCT)
    t = next(t for t in times if t.text == phrase)
    assert (t.type.value, t.value) == ("DATE", value)
    assert about in t.anchor
    assert anchor_date in t.anchor


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Police arrested him on June 3. The following day, he was released.", "The following day", "2023-06-04"),
    ("The deal was signed on May 5. Two weeks later, it collapsed.", "Two weeks later", "2023-W20"),
    ("Troops entered the town on January 10. The next morning they left.", "The next morning", "2023-01-11"),
    ("The firm was founded in 1998. A year later it went public.", "A year later", "1999"),
])
@pytest.mark.slow
def test_times_anchors_the_following_day_counts_from_the_last_date(nlp, text, phrase, value):
    times, _ = find_times(nlp(text), DCT)
    t = next(t for t in times if t.text == phrase)
    assert t.value == value
    assert t.anchor == "t1"


@pytest.mark.slow
def test_times_anchors_unknown_event_keeps_the_duration(nlp):
    times, _ = find_times(nlp("The troops left just five days after the insurrection collapsed."), DCT)
    t = next(t for t in times if t.text == "just five days")
    assert (t.type.value, t.value) == ("DURATION", "P5D")
    assert t.anchor == "after the insurrection collapsed"


@pytest.mark.slow
def test_times_anchors_later_never_lands_after_the_dct(nlp):
    text = ("The coup failed on June 24. A statement followed. Reporters asked on Friday. "
            "Two weeks later, the assessment holds.")
    times, _ = find_times(nlp(text), DCT)
    t = next(t for t in times if t.text == "Two weeks later")
    assert t.value == "2023-W27"  # from June 24: counting from Friday July 7 would pass the DCT


@pytest.mark.slow
def test_times_anchors_clock_time_takes_the_day_of_its_event(nlp):
    text = ("Slepian was shot to death last Oct. 23 at his home. The rifle was discovered April 8. "
            "Slepian was shot at 10 p.m. as he stood in the kitchen.")
    times, _ = find_times(nlp(text), "1999-04-19")
    t = next(t for t in times if t.text == "10 p.m.")
    assert t.value == "1998-10-23T22:00"
    assert t.anchor == "t1"


@pytest.mark.slow
def test_times_anchors_clock_time_right_before_a_counted_day_is_on_it(nlp):
    text = ("Slepian was shot to death last Oct. 23. A jogger saw the car near the house at 6 a.m. ten days before "
            "the shooting.")
    times, _ = find_times(nlp(text), "1999-04-19")
    clock = next(t for t in times if t.text == "6 a.m.")
    day = next(t for t in times if t.text == "ten days")
    assert (day.value, clock.value) == ("1998-10-13", "1998-10-13T06:00")
    assert clock.anchor == day.id
