"""Every threshold of the time extractor in one typed object, each with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimexSettings:
    # Characters of context either side of a trigger word where rules are tried: the longest text a rule
    # puts before its head word ("each of the past three years") or after it ("Friday, Oct. 23, 1998")
    # fits in 32; more only costs time (the rules are most of find_times' cost).
    window: int = 32
    # An anaphoric expression ("the following day", "a year earlier") counts from a date mentioned at most
    # this many characters before it (about three news sentences); beyond that the DCT is the better guess.
    anaphora_reach: int = 600
    # A past-tense clause may still name a date a little after the DCT ("extended to Nov. 16"): only
    # beyond this many days does the tense overrule the nearest reading of a month-day without a year.
    tense_slack_days: int = 45
    # A month(-day) is read in the DCT's year unless that lies further than this and the neighbouring
    # year's lies within it ("January" in a November article is the coming one; "April" in October this
    # year's): measured on TimeBank, 120 beat both the pure nearest reading and the DCT year.
    near_days: int = 120
    # Tokens after "after"/"before" that may name the anchoring event ("after Prigozhin's failed coup
    # attempt"); a clause boundary ends it sooner.
    event_window: int = 8
    # Dependency hops from an expression up to the verb that governs it; deeper is another clause.
    max_hops: int = 5
    # "a week ago", "two weeks ago" name a day (the same weekday); from three weeks back the writer is
    # counting loosely ("six weeks ago"): the value is that week, not a day.
    weeks_ago_as_day: int = 2


SETTINGS = TimexSettings()
