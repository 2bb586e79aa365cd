"""Turn underspecified values (UNDEF-..., DUR-..., SET-...) into TIMEX3 values against the DCT and context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex.settings import SETTINGS

_UNDEF = re.compile(r"UNDEF-(?P<body>[^|]*)(?:\|(?P<tod>T.*))?$")
_DUR = re.compile(r"DUR-(?P<n>X|[0-9.]+)-(?P<unit>\w+)$")
_WEEKOF = re.compile(r"WEEKOF-(?P<y>[0-9]{4})?-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})$")
_SET = re.compile(r"SET-(?P<unit>\w+)(?:-(?P<n>X|[0-9.]+))?$")
_SET_CODE = {"second": "PT1S", "minute": "PT1M", "hour": "PT1H", "day": "P1D", "night": "P1D",
             "morning": "P1D", "evening": "P1D", "week": "P1W", "month": "P1M", "quarter": "P3M",
             "year": "P1Y", "decade": "P10Y"}
# what a relative expression becomes without a DCT to resolve it against
_PLACEHOLDER = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXX", "century": "XX",
                "fortnight": "XXXX-WXX", "hour": "XXXX-XX-XX", "minute": "XXXX-XX-XX",
                "second": "XXXX-XX-XX", "millennium": "X"}




@dataclass
class Context:
    """What resolution may consult: the DCT, the tense at the expression, dates mentioned so far."""

    dct: date | None
    direction: Callable[[], str]
    # dates mentioned before this expression, in text order: (value, time id, start, granularity)
    mentioned: list[tuple[str, str, int, str]] = field(default_factory=list)
    here: int = 0  # where the expression starts
    last: tuple[str, str, int] | None = None  # the latest date of any granularity, for "a year earlier"
    told: tuple[str, str, int] | None = None  # the latest date told, "last year" included: "the year before"


@dataclass
class Resolved:
    value: str
    unresolved: bool = False  # a relative value left with X placeholders for want of a DCT
    anchor: str | None = None
    duration: bool = False  # nothing to count from: the value is the amount of time itself (a DURATION)


def _int(s: str) -> int:
    return int(float(s))


def resolve(raw: str, ctx: Context) -> Resolved:
    """The TIMEX3 value of a filled template."""
    m = _DUR.match(raw)
    if m:
        return Resolved(cal.duration(m.group("n"), m.group("unit")))
    m = _SET.match(raw)
    if m:
        unit, n = m.group("unit"), m.group("n")
        if n:
            return Resolved(cal.duration(n, unit))
        return Resolved(_SET_CODE.get(unit, "P1D"))
    m = _WEEKOF.match(raw)
    if m:
        return _week_of(m, ctx)
    m = _UNDEF.match(raw)
    if not m:
        return Resolved(raw)
    body, tod = m.group("body"), m.group("tod") or ""
    if tod in ("T", "TNone"):
        tod = ""
    res = _resolve_body(body, ctx)
    if tod and cal.granularity(res.value) == "day" and "T" not in res.value:
        res.value += tod
    elif tod and res.value.startswith("XXXX"):
        res.value += tod
    return res


def _week_of(m: re.Match[str], ctx: Context) -> Resolved:
    """'the week of March 6': the ISO week holding that day (its year by tense and nearness)."""
    month, day = int(m.group("m")), int(m.group("d"))
    if m.group("y"):
        y = int(m.group("y"))
    elif ctx.dct is None:
        return Resolved("XXXX-WXX", unresolved=True)
    else:
        y = cal.pick_year(ctx.dct, month, day, ctx.direction())
    d = cal.parse_date(f"{y}-{month:02d}-{day:02d}")
    return Resolved(cal.iso_week(d)) if d else Resolved("XXXX-WXX")


_GRAIN = ("day", "week", "month", "quarter", "year")


def _serves(grain: str, unit: str) -> bool:
    """Whether a mention of this granularity can anchor counting in this unit."""
    need = "day" if unit in ("day", "hour", "minute", "second", "weekend") else unit
    if need not in _GRAIN:
        need = "year"
    if grain == "week" and need in ("month", "quarter"):
        return False
    return _GRAIN.index(grain) <= _GRAIN.index(need)


def _anaphoric(unit: str, ctx: Context, forward: bool, k: int) -> tuple[date | None, str | None]:
    """The date an anaphoric expression counts from: the latest fitting mention near enough, else the DCT.
    Counting forward ("two weeks later") from the DCT would point past the news: then any distance will do,
    and a mention from which the count would land after the DCT is skipped (a report tells of the past)."""
    fallback: tuple[date, str] | None = None
    for value, tid, start, grain in reversed(ctx.mentioned):
        if not _serves(grain, unit):
            continue
        if not forward and ctx.here - start > SETTINGS.anaphora_reach:
            break
        d = _as_date(value)
        if d is None:
            continue
        if fallback is None:
            fallback = (d, tid)
        if not forward or ctx.dct is None or ctx.direction() == "future":
            return d, tid
        landed = _landing(d, unit, k)
        if landed <= ctx.dct:
            return d, tid
    if fallback is not None and forward:
        return fallback
    return ctx.dct, ("dct" if ctx.dct else None)


def _landing(d: date, unit: str, k: int) -> date:
    """The day reached counting k units from d (for checking it against the DCT)."""
    if unit in ("day", "week", "fortnight"):
        return d + timedelta(days=k * {"day": 1, "week": 7, "fortnight": 14}[unit])
    if unit in ("month", "quarter", "year"):
        return cal.add_months(d, k * {"month": 1, "quarter": 3, "year": 12}[unit])
    return d


def _same_period_year_before(parts: list[str], ctx: Context) -> bool:
    """'a year ago/earlier' right after a quarter is named means that quarter a year before (earnings news)."""
    one_year_back = parts[1:] in (["year", "MINUS", "1"], ["year", "1"])
    return one_year_back and _reported_quarter(ctx)


def _reported_quarter(ctx: Context) -> bool:
    """A quarter named just before that has begun: results compared with a year before are reported, not
    forecast ("losses through the third quarter of 1990 ... In the year-ago period" compares this year's)."""
    if ctx.last is None or "-Q" not in ctx.last[0] or ctx.here - ctx.last[2] > SETTINGS.anaphora_reach:
        return False
    start = _as_date(ctx.last[0])
    return ctx.dct is None or start is None or start <= ctx.dct


def _whole_year(ctx: Context) -> Resolved:
    near = ctx.last is not None and ctx.here - ctx.last[2] <= SETTINGS.anaphora_reach
    if near:
        value, tid, _ = ctx.last  # type: ignore[misc]
        begun = _as_date(value)
        if begun is not None and (ctx.dct is None or begun <= ctx.dct):
            return Resolved(value[:4], anchor=tid)
    if ctx.dct is None:
        return Resolved("XXXX", unresolved=True)
    return Resolved(str(ctx.dct.year))


def _weekend_of(parts: list[str], ctx: Context) -> Resolved:
    month, day = int(parts[0]), int(parts[1])
    if len(parts) > 2 and parts[2]:
        year = int(parts[2])
    elif ctx.dct is not None:
        year = cal.pick_year(ctx.dct, month, day, ctx.direction())
    else:
        return Resolved("XXXX-WXX-WE", unresolved=True)
    return Resolved(cal.iso_week(date(year, month, day)) + "-WE")


def _year_before(ctx: Context) -> Resolved:
    if ctx.told is not None and ctx.here - ctx.told[2] <= SETTINGS.anaphora_reach:
        value, tid, _ = ctx.told
        return Resolved(str(int(value[:4]) - 1), anchor=tid)
    if ctx.dct is None:
        return Resolved("XXXX", unresolved=True)
    return Resolved(str(ctx.dct.year - 1))


def _as_date(value: str) -> date | None:
    """A representative day of a date value (its first day) for arithmetic."""
    d = cal.parse_date(value)
    if d:
        return d
    m = re.match(r"(\d{4})-W(\d{2})", value)
    if m:
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    m = re.match(r"(\d{4})-(\d{2})$", value)
    if m:
        return date(int(m.group(1)), int(m.group(2)), 1)
    m = re.match(r"(\d{4})-Q(\d)$", value)
    if m:
        return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    m = re.match(r"(\d{4})$", value)
    if m:
        return date(int(m.group(1)), 7, 1)
    return None


def _resolve_body(body: str, ctx: Context) -> Resolved:
    parts = body.split("-")
    d = ctx.dct
    kind = parts[0]

    if kind == "yearago" and parts[1:] == ["month"]:  # "the same month a year ago": the month told of, a year back
        near = ctx.last is not None and cal.granularity(ctx.last[0]) == "month" \
            and ctx.here - ctx.last[2] <= SETTINGS.anaphora_reach
        if near:
            value, tid, _ = ctx.last  # type: ignore[misc]
            return Resolved(f"{int(value[:4]) - 1}{value[4:]}", anchor=tid)
        if d is None:
            return Resolved("XXXX-XX", unresolved=True)
        return Resolved(f"{d.year - 1}-{d.month:02d}")

    if kind == "weekendof":  # "the weekend of June 24-25"
        return _weekend_of(parts[1:], ctx)

    if kind == "yearbefore":  # "$300 million last year, down from $450 million the year before."
        return _year_before(ctx)

    if kind == "wholeyear":  # "a $4.8 billion loss in the fourth quarter of 2005 and $8.6 billion for the entire
        return _whole_year(ctx)  # year": the year of that quarter; a forecast "for the full year": this one

    if kind == "yearago":  # "the year-ago quarter": the quarter under discussion (else the last one), a year back
        if _reported_quarter(ctx):
            kind, parts = "AGO", ["AGO", "year", "1"]
        elif d is None:
            return Resolved("XXXX-QX", unresolved=True)
        else:
            return Resolved(cal.shift(d, "quarter", -5))

    if kind in ("ANA", "AGO") and _same_period_year_before(parts, ctx):
        value, tid, _ = ctx.last  # type: ignore[misc]
        y, q = value.split("-Q")
        return Resolved(f"{int(y) - 1}-Q{q}", anchor=tid)

    if kind in ("REF", "ANA") and len(parts) >= 4:
        unit, sign, n = parts[1], parts[2], parts[3]
        if n != "X" and float(n) != int(float(n)):  # "half a year later": six months later
            unit, count = cal.in_whole_units(unit, float(n))
            n = f"{count:g}"
        anchor = "dct"
        if kind == "ANA" and n != "X":
            k = _int(n) * (-1 if sign == "MINUS" else 1)
            d, anchor = _anaphoric(unit, ctx, k > 0, k)
            if anchor == "dct" and k > 0 and ctx.direction() != "future" and unit in cal.DURATION_UNITS:
                # "Three days later" with no date told before it: counting ahead from the publication
                # date would date the past in the future; the text gives an amount of time, not a date
                return Resolved(cal.duration(n, unit), duration=True)
        if kind == "ANA" and n == "X" and unit in cal.DURATION_UNITS:
            return Resolved(cal.duration(n, unit), duration=True)  # "a few days later": an amount, no day to name
        if d is None or n == "X":
            if n == "X" and d is not None:
                return Resolved("PAST_REF" if sign == "MINUS" else "FUTURE_REF")
            return Resolved(_PLACEHOLDER.get(unit, "XXXX"), unresolved=True)
        k = _int(n) * (-1 if sign == "MINUS" else 1)
        return Resolved(cal.shift(d, unit, k), anchor=anchor if kind == "ANA" else None)

    if kind == "AGO":
        unit, n = parts[1], parts[2]
        if n == "X":
            return Resolved("PAST_REF")
        if d is None:
            return Resolved(_PLACEHOLDER.get(unit, "XXXX"), unresolved=True)
        return Resolved(cal.ago(d, unit, float(n)))

    if kind == "year":  # UNDEF-year-MM[-DD]
        month = int(parts[1])
        day = int(parts[2]) if len(parts) > 2 else None
        tail = f"-{month:02d}" + (f"-{day:02d}" if day else "")
        if d is None:
            return Resolved("XXXX" + tail, unresolved=True)
        return Resolved(f"{cal.pick_year(d, month, day, ctx.direction())}" + tail)

    if kind in ("prev", "foll") and parts[1:2] == ["weekday"]:  # "the previous Friday": before the day told of
        base, tid = _anaphoric("day", ctx, kind == "foll", 0)
        if base is None:
            return Resolved(f"XXXX-WXX-{parts[2]}", unresolved=True)
        day = cal.weekday_near(base, int(parts[2]), "last" if kind == "prev" else "next")
        return Resolved(day.isoformat(), anchor=tid if tid != "dct" else None)

    if kind in ("last", "next", "this") and len(parts) >= 2:
        return _relative_named(kind, parts[1:], ctx)

    if kind == "weekday":  # news tells of the past: a weekday is the one before unless the clause is future
        way = ctx.direction()  # a present tense ("meet Monday") is a schedule: the nearest such day
        return _weekday(int(parts[1]), {"future": "future", "present": ""}.get(way, "past"), ctx)

    if kind == "weekend" or (kind in ("last", "next") and parts[-1] == "weekend"):
        if d is None:
            return Resolved("XXXX-WXX-WE", unresolved=True)
        rel = kind if kind != "weekend" else (parts[1].lower() if len(parts) > 1 else "the")
        return Resolved(cal.shift(d, "week", _weekend_offset(d, rel, ctx.direction())) + "-WE")

    if kind == "quarter":
        q = parts[1]
        if not q.isdigit():
            return Resolved("XXXX-QX")
        if d is None:
            return Resolved(f"XXXX-Q{q}", unresolved=True)
        cur = cal.quarter_of(d)  # a quarter of this year up to the current one, else by tense
        y = d.year if int(q) <= cur or ctx.direction() == "future" else d.year - 1
        return Resolved(f"{y}-Q{q}")

    if kind == "yearquarter":  # "the 1988 period": the reported quarter, in that year
        y = parts[1]
        if d is None:
            return Resolved(f"{y}-QX")
        return Resolved(f"{y}-" + cal.shift(d, "quarter", -1).split("-")[1])

    if kind == "half":
        h = int(parts[1])
        if d is None:
            return Resolved(f"XXXX-H{h}", unresolved=True)
        cur = 1 if d.month <= 6 else 2
        y = d.year if h <= cur or ctx.direction() == "future" else d.year - 1
        return Resolved(f"{y}-H{h}")

    if kind == "decade":
        digit = parts[1]
        if d is None:
            return Resolved(f"XX{digit}", unresolved=True)
        c = d.year // 100
        if int(f"{c}{digit}0") > d.year:
            c -= 1
        return Resolved(f"{c}{digit}")

    if kind == "holiday":
        return _holiday(parts[1:], ctx)

    return Resolved("XXXX", unresolved=True)


def _weekend_offset(d: date, rel: str, direction: str) -> int:
    """Weeks from the DCT's to the weekend meant. "This weekend" is the DCT's own (ahead on a weekday) unless told
    in the past tense; "the weekend" is the one just gone unless the clause looks ahead; on a Saturday or
    Sunday both are the current one, and "last" / "next" step one week from it."""
    on_weekend = d.isoweekday() >= 6
    if rel == "last":
        return -1
    if rel == "next":
        return 1 if on_weekend else 0
    if on_weekend:
        return 0
    if rel == "this":
        return -1 if direction == "past" else 0
    return 0 if direction == "future" else -1


def _weekday(wd: int, direction: str, ctx: Context) -> Resolved:
    if ctx.dct is None:
        return Resolved(f"XXXX-WXX-{wd}", unresolved=True)
    return Resolved(cal.weekday_near(ctx.dct, wd, direction).isoformat())


def _relative_named(rel: str, parts: list[str], ctx: Context) -> Resolved:
    """last/next/this + month, season, weekday, quarter, or 'year-month-MM' / 'year-quarter-N'."""
    d = ctx.dct
    what = parts[0]
    if what == "year" and len(parts) >= 3:  # "July last year", "next year's first quarter"
        sub, arg = parts[1], parts[2]
        if d is None:
            return Resolved("XXXX" + (f"-{arg}" if sub == "month" else f"-Q{arg}"), unresolved=True)
        y = d.year + {"last": -1, "this": 0, "next": 1}[rel]
        return Resolved(f"{y}-{arg}" if sub == "month" else f"{y}-Q{arg}")
    if what == "weekday":
        wd = int(parts[1])
        if d is None:
            return Resolved(f"XXXX-WXX-{wd}", unresolved=True)
        direction = {"last": "last", "next": "next"}.get(rel) or ctx.direction()
        return Resolved(cal.weekday_near(d, wd, direction).isoformat())
    if what == "weekend":
        if d is None:
            return Resolved("XXXX-WXX-WE", unresolved=True)
        return Resolved(cal.shift(d, "week", -1 if rel == "last" else 1) + "-WE")
    if what == "month":
        mm = int(parts[1])
        if d is None:
            return Resolved(f"XXXX-{mm:02d}", unresolved=True)
        if rel == "last":
            y = d.year if mm < d.month else d.year - 1
        elif rel == "next":
            y = d.year if mm > d.month else d.year + 1
        else:
            y = d.year
        return Resolved(f"{y}-{mm:02d}")
    if what == "season":
        code = parts[1]
        if d is None:
            return Resolved(f"XXXX-{code}", unresolved=True)
        return Resolved(cal.season(d, code, rel, ctx.direction()))
    if what == "quarter":
        if d is None:
            return Resolved("XXXX-QX", unresolved=True)
        return Resolved(cal.shift(d, "quarter", {"last": -1, "this": 0, "next": 1}[rel]))
    return Resolved("XXXX", unresolved=True)


def _holiday(parts: list[str], ctx: Context) -> Resolved:
    """UNDEF-holiday-<MM-DD or name>-<rel or year>."""
    d = ctx.dct
    if len(parts) >= 3 and parts[0].isdigit():  # fixed: MM-DD-rel
        mm, dd, tail = int(parts[0]), int(parts[1]), "-".join(parts[2:])
        name = None
    else:
        name, tail = parts[0], "-".join(parts[1:])
        mm = dd = 0

    def on(y: int) -> str:
        return f"{y}-{mm:02d}-{dd:02d}" if name is None else cal.holiday(name, y)

    if tail.isdigit():
        return Resolved(on(int(tail)))
    if d is None:
        return Resolved(f"XXXX-{mm:02d}-{dd:02d}" if name is None else "XXXX-XX-XX", unresolved=True)
    this = on(d.year)
    start = _as_date(this) or d  # compare days, not strings: "2000-W16" (Easter week) is no date string
    if tail == "last":
        return Resolved(this if start < d else on(d.year - 1))
    if tail == "next":
        return Resolved(this if start > d else on(d.year + 1))
    direction = ctx.direction()
    if direction == "past" and start > d:
        return Resolved(on(d.year - 1))
    if direction == "future" and start < d:
        return Resolved(on(d.year + 1))
    return Resolved(this)
