"""Load the time rules (vocabulary, normalization tables, patterns) from TOML and compile them once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.model import TimexType

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "time"
_MACRO = re.compile(r"%([A-Za-z_][A-Za-z0-9_]*)")
_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
# groups that hold a month or weekday name must be capitalized in the text: "May" the month, not "may"
CAPITALIZED_GROUPS = ("m", "m2", "wd", "wd2")


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern with its TIMEX3 type and value template."""

    id: str
    regex: re.Pattern[str]
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None
    range: bool = False
    pos: tuple[str, ...] = ()
    neg: tuple[str, ...] = ()
    capitalized: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, str]]
    trigger: re.Pattern[str]


def _alternation(keys: list[str]) -> str:
    """A regex alternation of literal words, longest first, any run of blanks for a space."""
    parts = [re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


def _expand(pattern: str, macros: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise KeyError(f"unknown macro %{name} in time rule pattern {pattern!r}")
        return macros[name]

    for _ in range(3):  # fragments may refer to other fragments
        pattern = _MACRO.sub(sub, pattern)
    pattern = pattern.replace(" ?", r"\s*").replace(" *", r"\s*")
    return pattern.replace(" ", r"\s+")


def _load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((RESOURCES / name).read_text("utf-8"))


def _trigger(tables: dict[str, dict[str, str]]) -> re.Pattern[str]:
    """Words and digit shapes without which no rule can match: used to skip text cheaply."""
    words: set[str] = set()
    for name in ("month", "weekday", "weekdays", "season", "partofday", "unit", "set_adverb", "ref_word",
                 "decade_word", "holiday"):
        for key in tables[name]:
            words.add(key.split()[-1].rstrip("."))
    words |= {"today", "yesterday", "tomorrow", "tonight", "weekend", "thanksgiving", "election", "easter",
              "memorial", "labor", "quarter", "quarterly", "period", "year-ago", "year-earlier", "fiscal",
              "while", "time", "future", "past", "half", "nineteen", "thousand", "century", "months-long",
              "decades-long", "years-long", "weeks-long", "days-long", "hours-long", "q1", "q2", "q3", "q4",
              "sundays", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "early",
              "late", "mid", "earlier", "later", "o'clock", "noon", "midnight", "midday", "year-end"}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})|[0-9]", re.IGNORECASE)


@lru_cache(maxsize=1)
def load() -> RuleSet:
    """The compiled rule set (once per process)."""
    vocab = _load_toml("vocab.toml")
    tables: dict[str, dict[str, str]] = {k: {kk.lower(): vv for kk, vv in v.items()}
                                         for k, v in vocab["table"].items()}
    macros: dict[str, str] = dict(vocab["pattern"])
    for name, table in tables.items():
        macros.setdefault(name, _alternation(list(table)))
    rules = []
    for raw in _load_toml("rules.toml")["rule"]:
        body = _expand(raw["pattern"], macros)
        try:
            regex = re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"time rule {raw['id']}: {exc}") from exc
        cap = tuple(g for g in CAPITALIZED_GROUPS if g in regex.groupindex)
        rules.append(Rule(
            id=raw["id"], regex=regex, type=TimexType(raw["type"]), value=raw["value"],
            mod=raw.get("mod"), anchor=raw.get("anchor"), range=bool(raw.get("range", False)),
            pos=tuple(raw.get("pos", ())), neg=tuple(raw.get("neg", ())), capitalized=cap,
        ))
    ids = [r.id for r in rules]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate time rule ids: {sorted(dupes)}")
    return RuleSet(tuple(rules), tables, _trigger(tables))


def slots(template: str) -> list[tuple[str, str | None]]:
    """The {group:normalizer} slots of a template."""
    return [(m.group(1), m.group(2)) for m in _SLOT.finditer(template)]


SLOT = _SLOT
