"""Fill a rule's value template from its match: table look-ups and a few built-in normalizers."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.extract.timex.rules import SLOT

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def _words_number(text: str) -> int | None:
    """'twenty-four' -> 24, 'ninety seven' -> 97; None when it is not such a number."""
    total = 0
    for w in re.split(r"[\s-]+", text.strip().lower()):
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TEENS:
            total += _TEENS[w]
        elif w in _TENS:
            total += _TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        elif w == "thousand":
            total = max(total, 1) * 1000
        elif w in ("and", "a"):
            continue
        else:
            return None
    return total


def num(text: str, tables: dict[str, dict[str, str]]) -> str:
    """A count: digits, a fraction ('2 1/2'), a number word, or X for 'several'."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        return t.lstrip("0") or "0"
    m = re.fullmatch(r"([0-9]+) ?(?:1/2|½)", t)
    if m:
        return f"{m.group(1)}.5"
    if t in tables["number"]:
        return tables["number"][t]
    n = _words_number(t)
    return str(n) if n is not None else "X"


def yearword(text: str) -> str:
    """'nineteen ninety-seven' -> 1997, 'two thousand and one' -> 2001."""
    t = re.sub(r"^the year ", "", text.strip().lower())
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace(" and ", " ").strip()
        return str(2000 + (_words_number(rest) or 0 if rest else 0))
    head, _, rest = t.partition(" ")
    hi = _words_number(head) or 19
    lo = _words_number(rest) or 0
    return f"{hi:02d}{lo:02d}"


def year4(text: str) -> str:
    """A four-digit year from '1989' or "'89" (two digits: 19xx above 30, else 20xx)."""
    t = text.strip().lstrip("'’")
    if len(t) == 2:
        n = int(t)
        return str(1900 + n if n > 30 else 2000 + n)
    return t


def clock(text: str, tables: dict[str, dict[str, str]]) -> str:
    """'10:35 a.m.' -> '10:35', '10 p.m' -> '22:00', '1630' -> '16:30', 'ten' -> '10:00', 'noon' -> '12:00'."""
    t = text.strip().lower()
    if t in tables["partofday"]:
        return tables["partofday"][t]
    m = re.fullmatch(r"([01][0-9]|2[0-3])([0-5][0-9])", t)  # "0800", "1630": 24-hour without a colon
    if m:
        return f"{m.group(1)}:{m.group(2)}"
    m = re.match(r"([0-9]{1,2})(?::([0-9]{2}))?\s*([ap])?", t)
    if m:
        h, mi, ap = int(m.group(1)), m.group(2) or "00", m.group(3)
    else:
        word = t.split()[0]
        h, mi, ap = _words_number(word) or 0, "00", None
    if ap == "p" and h < 12:
        h += 12
    if ap == "a" and h == 12:
        h = 0
    return f"{h:02d}:{mi}"


_FIXED: dict[str, dict[str, str]] = {
    "deictic": {"today": "PLUS-0", "yesterday": "MINUS-1", "tomorrow": "PLUS-1", "tonight": "PLUS-0"},
    "tonight": {"tonight": "NI"},
    "later": {"later": "PLUS", "after": "PLUS", "afterward": "PLUS", "afterwards": "PLUS", "on": "PLUS",
              "earlier": "MINUS", "before": "MINUS", "previously": "MINUS"},
    "relq": {"this": "this", "the current": "this", "next": "next", "the coming": "next", "the next": "next",
             "last": "last", "the latest": "last", "the previous": "last", "the past": "last",
             "the last": "last", "the fiscal": "last", "the same": "last"},
    "relm": {"last": "last", "this past": "last", "past": "last", "next": "next", "this coming": "next",
             "this": "this"},
    "relwd": {"last": "last-", "this past": "last-", "the previous": "prev-", "next": "next-",
              "the following": "foll-", "the next": "next-", "the coming": "next-", "this coming": "next-",
              "this": ""},
    "half": {"first": "1", "second": "2", "latter": "2", "last": "2"},
    "settod": {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"},
    "unitref": {"week": "week", "month": "month", "year": "year", "decade": "decade", "century": "century",
                "weekend": "weekend", "fiscal year": "year", "day": "day", "morning": "day",
                "evening": "day", "night": "day", "afternoon": "day", "quarter": "quarter"},
    "holiday_computed": {"thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
                         "election day": "election", "easter": "easter", "easter sunday": "easter",
                         "memorial day": "memorial", "labor day": "labor"},
}

_RELDIR = {"last": "MINUS-1", "the past": "MINUS-1", "the last": "MINUS-1", "this past": "MINUS-1",
           "previous": "MINUS-1", "prior": "MINUS-1", "preceding": "MINUS-1", "before": "MINUS-1",
           "this": "PLUS-0", "the current": "PLUS-0", "same": "PLUS-0", "earlier": "PLUS-0",
           "later": "PLUS-0", "next": "PLUS-1", "the coming": "PLUS-1", "the next": "PLUS-1",
           "this coming": "PLUS-1", "following": "PLUS-1", "after": "PLUS-1"}


def _normalizer(name: str, tables: dict[str, dict[str, str]]) -> Callable[[str], str]:
    if name == "num":
        return lambda t: num(t, tables)
    if name == "int2":
        return lambda t: f"{int(t):02d}"
    if name == "year4":
        return year4
    if name == "upper":
        return str.upper
    if name == "yearword":
        return yearword
    if name == "clock":
        return lambda t: clock(t, tables)
    if name == "quarter_of":  # "the April-June quarter": the quarter its first month opens
        return lambda t: str((int(tables["month"][t.strip().lower()]) - 1) // 3 + 1)
    if name == "century":
        return lambda t: f"{int(t) - 1:02d}"
    if name == "reldir":
        return lambda t: _RELDIR.get(t, "PLUS-0")
    if name == "ordinal":
        return lambda t: tables["ordinal"].get(t, re.sub(r"\D", "", t) or "X")
    table = _FIXED.get(name) or tables.get(name)
    if table is None:
        raise KeyError(f"unknown normalizer {name!r} in a time rule")
    return lambda t: table.get(t, "")


def fill(template: str, groups: dict[str, str | None], tables: dict[str, dict[str, str]]) -> str:
    """The template with each {group[:normalizer]} slot replaced (absent groups give '')."""

    def sub(m: re.Match[str]) -> str:
        name, norm = m.group(1), m.group(2)
        raw = groups.get(name)
        if raw is None:
            return _RELDIR["this"] if norm == "reldir" else ""
        key = re.sub(r"\s+", " ", raw.strip().lower())
        if norm is None:
            return key
        return _normalizer(norm, tables)(key)

    return SLOT.sub(sub, template)
