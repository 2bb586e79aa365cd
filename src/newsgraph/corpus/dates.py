"""TIMEX3 values as day intervals, so dates of different precision can be compared."""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_YEAR = re.compile(r"^(\d{4})$")

Interval = tuple[date, date]


def interval(value: str | None) -> Interval | None:
    """The days a TIMEX3 value covers; None for durations, references and unknown parts (XXXX)."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            start = date(int(m[1]), int(m[2]), 1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return start, end
        if m := _WEEK.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def width(iv: Interval) -> int:
    return (iv[1] - iv[0]).days + 1


def gap(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def day(value: str | None) -> date | None:
    iv = interval(value)
    return iv[0] if iv and width(iv) == 1 else None
