"""Calendar arithmetic behind the resolver: durations, shifts, seasons, holidays, year choice."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.timex import calendar as cal


@pytest.mark.parametrize(("n", "unit", "want"), [
    ("2", "week", "P2W"), ("5", "day", "P5D"), ("X", "month", "PXM"), ("24", "hour", "PT24H"),
    ("2.5", "year", "P2Y6M"), ("5.5", "hour", "PT5H30M"), ("1.5", "minute", "PT1M30S"), ("2", "decade", "P20Y"), ("X", "decade", "PXY"),
    ("X", "century", "PXC"), ("1", "fortnight", "P2W"),
])
def test_times_calendar_duration(n, unit, want):
    assert cal.duration(n, unit) == want


@pytest.mark.parametrize(("unit", "k", "want"), [
    ("week", -1, "2023-W27"), ("day", -1, "2023-07-09"), ("month", -1, "2023-06"), ("year", 1, "2024"),
    ("quarter", -1, "2023-Q2"), ("quarter", -5, "2022-Q2"), ("decade", 0, "202"), ("century", 0, "20"),
    ("weekend", -1, "2023-W27-WE"), ("half", 0, "2023-H2"),
    # hours and minutes move within the day (counted from its middle), not by days
    ("hour", -2, "2023-07-10"), ("hour", 3, "2023-07-10"), ("hour", -36, "2023-07-09"), ("minute", -90, "2023-07-10"),
])
def test_times_calendar_shift_from_monday_2023_07_10(unit, k, want):
    assert cal.shift(date(2023, 7, 10), unit, k) == want


@pytest.mark.parametrize(("weekday", "direction", "want"), [
    (5, "past", date(2023, 7, 7)), (5, "future", date(2023, 7, 14)), (1, "past", date(2023, 7, 10)),
    (1, "last", date(2023, 7, 3)), (1, "next", date(2023, 7, 17)),
])
def test_times_calendar_weekday_near(weekday, direction, want):
    assert cal.weekday_near(date(2023, 7, 10), weekday, direction) == want


@pytest.mark.parametrize(("dct", "month", "day", "direction", "want"), [
    (date(2023, 7, 10), 6, 29, "past", 2023), (date(1989, 11, 2), 1, None, "", 1990),
    (date(1989, 10, 26), 4, None, "", 1989), (date(2000, 1, 7), 12, 15, "", 1999),
    (date(2023, 7, 10), 3, None, "future", 2024), (date(2023, 2, 1), 11, 5, "past", 2022),
])
def test_times_calendar_pick_year(dct, month, day, direction, want):
    assert cal.pick_year(dct, month, day, direction) == want


@pytest.mark.parametrize(("code", "rel", "direction", "want"), [
    ("FA", "last", "", "2022-FA"), ("SU", "this", "", "2023-SU"), ("WI", "last", "", "2022-WI"),
    ("SP", "next", "", "2024-SP"), ("WI", "", "past", "2022-WI"),
])
def test_times_calendar_season_from_july(code, rel, direction, want):
    assert cal.season(date(2023, 7, 10), code, rel, direction) == want


@pytest.mark.parametrize(("name", "year", "want"), [
    ("thanksgiving", 1999, "1999-11-25"), ("election", 1998, "1998-11-03"), ("easter", 2000, "2000-04-23"),
    ("memorial", 2023, "2023-05-29"), ("labor", 2023, "2023-09-04"),
])
def test_times_calendar_holiday(name, year, want):
    assert cal.holiday(name, year) == want
