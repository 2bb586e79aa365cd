"""Time expressions: find them and give each a TIMEX3 type and value against the DCT.

The work is done by the ``newsgraph.extract.timex`` package (rules as data, engine, resolver).
"""

from __future__ import annotations

from newsgraph.extract.timex import find_times, time_governing, time_ranges, times_in_sentence

__all__ = ["find_times", "times_in_sentence", "time_governing", "time_ranges"]
