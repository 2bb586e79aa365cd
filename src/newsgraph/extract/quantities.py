"""Amounts that are not money: shares ("12%"), measures ("3.2 million tonnes") and counts of people ("at least
35 people", "12 killed"), each with its value, unit and hedge.

The same regular grammar as money (extract/amounts.py), over the unit words of resources/amounts/quantities.toml:
a number, an optional scale, then a unit word right after it. A count needs its noun: "Casualties topped
10,000" names no unit after the number and is left alone rather than guessed; "4 in 10 voters" is a share, not
ten voters, and is left alone too.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.extract.amounts import alternation, number_value
from newsgraph.extract.amounts import grammar as money_grammar
from newsgraph.model import Amount, AmountKind

_KINDS = {"percent": AmountKind.PERCENT, "measures": AmountKind.MEASURE, "people": AmountKind.COUNT}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of|thousands of"


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    units: dict[str, tuple[str, AmountKind]]  # unit word -> (unit, kind)
    scales: dict[str, float]  # money's: "million" -> 1e6
    hedges: dict[str, str]  # money's: "at least" -> "at least", "about" -> "approximately"


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    data = tomllib.loads(
        resources.files("newsgraph.resources").joinpath("amounts/quantities.toml").read_text("utf-8")
    )
    units: dict[str, tuple[str, AmountKind]] = {}
    for table, kind in _KINDS.items():
        units.update({k.lower(): (v, kind) for k, v in data[table].items()})
    money = money_grammar()
    scales = alternation([s for s in money.scales if len(s) > 2])  # "m", "bn" alone read as units here
    hedges = alternation(list(money.hedges))
    pattern = re.compile(
        rf"(?<![\w$€£¥₽₹.,-])(?<!\bin )(?<!out of )(?:(?P<hedge>{hedges})\s+)?(?P<num>{_DIGITS}|{_WORDS})"
        rf"(?:\s*(?P<scale>{scales})\b)?(?:\s?(?P<pct>%)|\s+(?P<unit>{alternation([u for u in units if u != '%'])})\b)",
        re.IGNORECASE,
    )
    return _Grammar(pattern, units, money.scales, money.hedges)


def parse_quantities(text: str) -> list[Amount]:
    """Every share, measure and count of people in the text."""
    g = grammar()
    found: list[Amount] = []
    for m in g.pattern.finditer(text):
        value = number_value(m["num"])
        if value is None:
            continue  # "hundreds of people": a count the text does not state
        word = "%" if m["pct"] else m["unit"]
        found_unit = g.units.get(word.lower())
        if found_unit is None:
            continue
        unit, kind = found_unit
        if m["scale"]:
            value *= g.scales[m["scale"].lower()]
        start = m.start("num")  # the evidence is the amount; the hedge is recorded as mod
        mod = g.hedges[m["hedge"].lower()] if m["hedge"] else None
        found.append(Amount(text[start:m.end()], start, m.end(), value, unit, mod, kind))
    return found
