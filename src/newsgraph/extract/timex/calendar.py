"""Calendar arithmetic on TIMEX3 values: shifting by units, granularity, weekdays, seasons, holidays."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from newsgraph.extract.timex.settings import SETTINGS

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DUR_CODE = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
             "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"), "quarter": ("", "Q"),
             "year": ("", "Y"), "decade": ("", "E"), "century": ("", "C"), "millennium": ("", "L")}
DURATION_UNITS = frozenset(_DUR_CODE)
# a fraction of one unit expressed in the next smaller unit, for "2 1/2 years" -> P2Y6M
_SECONDS = {"hour": 3600, "minute": 60, "second": 1}
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
            "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10),
            "century": ("year", 100)}


def parse_date(value: str | None) -> date | None:
    """A full YYYY-MM-DD value (a time suffix allowed) as a date."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, 28))


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: date, unit: str, n: int) -> str:
    """The period of type ``unit`` that is n units from the one holding d, at that unit's granularity."""
    if unit == "day":
        return (d + timedelta(days=n)).isoformat()
    if unit in _SECONDS:  # a day has no clock here: count from its middle, and name the day reached
        return (datetime.combine(d, time(12)) + timedelta(seconds=n * _SECONDS[unit])).date().isoformat()
    if unit == "week":
        return iso_week(d + timedelta(weeks=n))
    if unit == "fortnight":
        return iso_week(d + timedelta(weeks=2 * n))
    if unit == "weekend":
        return iso_week(d + timedelta(weeks=n)) + "-WE"
    if unit == "month":
        return add_months(d, n).strftime("%Y-%m")
    if unit == "quarter":
        q = d.year * 4 + quarter_of(d) - 1 + n
        return f"{q // 4}-Q{q % 4 + 1}"
    if unit == "half":
        h = d.year * 2 + (d.month - 1) // 6 + n
        return f"{h // 2}-H{h % 2 + 1}"
    if unit == "year":
        return str(d.year + n)
    if unit == "decade":
        return str(d.year // 10 + n)
    if unit == "century":
        return f"{d.year // 100 + n:02d}"
    if unit == "millennium":
        return str(d.year // 1000 + n)
    raise ValueError(f"unknown unit {unit}")


def ago(d: date, unit: str, n: float) -> str:
    """n units before d at the unit's own granularity; decades and centuries count in years."""
    if unit in ("decade", "century", "millennium"):
        return str(d.year - round(n * {"decade": 10, "century": 100, "millennium": 1000}[unit]))
    if unit == "week":  # "two weeks ago" names a day, as news uses it; "six weeks ago" only a week
        back = d - timedelta(days=round(7 * n))
        return back.isoformat() if n <= SETTINGS.weeks_ago_as_day else iso_week(back)
    if n != int(n):  # "2 1/2 years ago": count in the smaller unit
        return ago(d, *in_whole_units(unit, n))
    return shift(d, unit, -int(n))


def in_whole_units(unit: str, n: float) -> tuple[str, float]:
    """A fractional count in the smaller unit: half a year is six months, 1.5 days 36 hours."""
    while n != int(n) and unit in _SMALLER:
        smaller, k = _SMALLER[unit]
        unit, n = smaller, n * k
    return unit, n


def duration(n: str, unit: str) -> str:
    """ISO 8601 duration: ('2', 'week') -> P2W, ('5.5', 'hour') -> PT5H30M, ('X', 'year') -> PXY."""
    if unit == "decade":  # news corpora write "two decades" as P20Y and "decades" as PXY
        return "PXY" if n == "X" else duration(f"{float(n) * 10:g}", "year")
    t, code = _DUR_CODE[unit]
    if n == "X":
        return f"P{t}X{code}"
    value = float(n)
    if unit == "fortnight":
        value *= 2
    whole = int(value)
    frac = value - whole
    if frac and unit in _SMALLER:
        smaller, k = _SMALLER[unit]
        st, scode = _DUR_CODE[smaller]
        part = round(frac * k)
        head = f"{whole}{code}" if whole else ""
        if t or st:
            return f"PT{head}{part}{scode}" if t else f"P{head}T{part}{scode}"
        return f"P{head}{part}{scode}"
    number = str(whole) if not frac else f"{value:g}"
    return f"P{t}{number}{code}"


def weekday_near(d: date, weekday: int, direction: str) -> date:
    """The weekday (1 = Monday) on or before d ('past'), on or after it ('future'), or nearest."""
    back = (d.isoweekday() - weekday) % 7
    fwd = (weekday - d.isoweekday()) % 7
    if direction == "past":
        return d - timedelta(days=back)
    if direction == "future":
        return d + timedelta(days=fwd)
    if direction == "last":
        return d - timedelta(days=back or 7)
    if direction == "next":
        return d + timedelta(days=fwd or 7)
    return d - timedelta(days=back) if back <= fwd else d + timedelta(days=fwd)


def pick_year(d: date, month: int, day: int | None, direction: str) -> int:
    """The year of a month(-day) without one: the DCT's, unless that is far and the next (previous) year's
    is near; then the tense may overrule a reading more than tense_slack_days on the wrong side."""
    def at(y: int) -> date:
        return date(y, month, min(day or 15, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))

    y = d.year
    if abs((at(y) - d).days) > SETTINGS.near_days:
        y = min((d.year - 1, d.year + 1), key=lambda y: abs((at(y) - d).days))
        if abs((at(y) - d).days) > SETTINGS.near_days:
            y = d.year
    gap = 0 if day is None and (y, month) == (d.year, d.month) else (at(y) - d).days
    if direction == "past" and gap > SETTINGS.tense_slack_days:
        return y - 1
    if direction == "future" and gap < -SETTINGS.tense_slack_days:
        return y + 1
    return y


def season_of(d: date) -> tuple[int, str]:
    """(season year, code) of a date; winter belongs to the year of its December."""
    m = d.month
    if m == 12:
        return d.year, "WI"
    if m <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[m - 3]


def season(d: date, code: str, rel: str, direction: str) -> str:
    """A season relative to d: 'last', 'next', 'this', or by tense when rel is ''."""
    order = ["SP", "SU", "FA", "WI"]
    cy, cc = season_of(d)
    cur = cy * 4 + order.index(cc)
    same_year = cy * 4 + order.index(code)
    if rel == "last":
        k = same_year if same_year < cur else same_year - 4
    elif rel == "next":
        k = same_year if same_year > cur else same_year + 4
    elif rel == "this" or direction not in ("past", "future"):
        k = same_year
    elif direction == "past":
        k = same_year if same_year <= cur else same_year - 4
    else:
        k = same_year if same_year >= cur else same_year + 4
    return f"{k // 4}-{order[k % 4]}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 for last) weekday (1 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> str:
    """The date of a movable holiday in a year."""
    if name == "thanksgiving":
        return nth_weekday(year, 11, 4, 4).isoformat()
    if name == "election":
        return (nth_weekday(year, 11, 1, 1) + timedelta(days=1)).isoformat()
    if name == "easter":
        return easter(year).isoformat()
    if name == "easterweek":
        return iso_week(easter(year))
    if name == "memorial":
        return nth_weekday(year, 5, 1, -1).isoformat()
    if name == "labor":
        return nth_weekday(year, 9, 1, 1).isoformat()
    raise ValueError(name)


def granularity(value: str) -> str | None:
    """The unit a TIMEX3 date value is precise to, or None for non-dates."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-(Q\d|H\d|SP|SU|FA|WI)", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
