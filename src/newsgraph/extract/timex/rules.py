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
# groups that hold a month or weekday name must be capitalized in the text: "May" the month, not "may";
# a group named "cap" likewise ("Autumn" at a sentence start, not the verb "fall")
CAPITALIZED_GROUPS = ("m", "m2", "wd", "wd2", "cap")


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
    head: frozenset[str] = field(default=frozenset())  # trigger classes the rule needs nearby
    lower: re.Pattern[str] | None = None  # the same pattern for lower-cased text (faster than IGNORECASE)
    not_before_capital: bool = False


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, str]]
    word_classes: dict[str, frozenset[str]]


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


def _lowercase(pattern: str) -> str:
    """A pattern's literals in lower case, escapes (\\S, \\W, \\B) left alone."""
    return re.sub(r"\\.|\(\?P|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(),
                  pattern)


def _load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((RESOURCES / name).read_text("utf-8"))


WORD = re.compile(r"[A-Za-z]+|[0-9]+")
# words too common to say "a time expression may be here" on their own
_NOT_TRIGGERS = frozenset({"a", "an", "one", "some", "many", "few", "several", "couple", "the", "of",
                           "last", "first", "second", "and", "s", "st", "nd", "rd", "th", "number"})
# vocabulary classes whose words let a rule fire nearby; a run of digits is "year" or "digit"
TRIGGER_TABLES = ("month", "weekday", "weekdays", "season", "partofday", "unit", "unit_adj", "number",
                  "ordinal", "set_adverb", "ref_word", "decade_word", "holiday")
KEYWORDS = frozenset({
    "today", "yesterday", "tomorrow", "tonight", "weekend", "quarter", "quarters", "period", "ago", "earlier",
    "fiscal", "while", "time", "thanksgiving", "election", "easter", "memorial", "labor", "nineteen",
    "thousand", "century", "half", "noon", "midnight", "midday", "overnight", "q", "h", "fy", "clock",
})


def _word_classes(tables: dict[str, dict[str, str]]) -> dict[str, frozenset[str]]:
    """word -> the vocabulary classes it belongs to (month, unit, ...), for the trigger windows."""
    out: dict[str, set[str]] = {}
    for name in TRIGGER_TABLES:
        cls = "unit" if name == "unit_adj" else name
        for key in tables[name]:
            words = WORD.findall(key.lower())
            if name == "holiday":  # "christmas day": the distinctive word, not "day"
                words = words[:1]
            elif name in ("ref_word", "unit"):  # "the near future", "trading days": the head word
                words = words[-1:]
            for w in words:
                if w not in _NOT_TRIGGERS and not w.isdigit():
                    out.setdefault(w, set()).add(cls)
    for w in KEYWORDS:
        out.setdefault(w, set()).add("keyword")
    return {w: frozenset(c) for w, c in out.items()}


def digit_class(w: str) -> str:
    """A run of digits is a 'year' (1000-2099) or a plain 'digit' run: years are rarer, so split them."""
    return "year" if len(w) == 4 and (w[0] == "1" or w[:2] == "20") else "digit"


def classes_in(text: str, word_classes: dict[str, frozenset[str]]) -> set[str]:
    """The trigger classes present in a text."""
    found: set[str] = set()
    for w in WORD.findall(text):
        if w[0].isdigit():
            found.add(digit_class(w))
        else:
            found |= word_classes.get(w.lower(), frozenset())
    return found


# when several classes cover the same examples, the rarer (more telling) one is the head
_PREFERENCE = ("month", "weekday", "weekdays", "season", "decade_word", "set_adverb", "holiday", "partofday",
               "year", "unit", "keyword", "ordinal", "ref_word", "number", "digit")


def _head(rule_id: str, examples: tuple[str, ...], word_classes: dict[str, frozenset[str]]) -> frozenset[str]:
    """The fewest trigger classes such that every example holds one: the rule runs only near them."""
    sets = [classes_in(e.replace("[", "").replace("]", ""), word_classes) for e in examples]
    if not sets or any(not s for s in sets):
        raise ValueError(f"time rule {rule_id}: give a 'head' or examples that hold a trigger word")
    head: set[str] = set()
    todo = list(sets)
    while todo:
        counts: dict[str, int] = {}
        for s in todo:
            for c in s:
                counts[c] = counts.get(c, 0) + 1
        best = max(sorted(counts, key=_PREFERENCE.index), key=lambda c: counts[c])
        head.add(best)
        todo = [s for s in todo if best not in s]
    return frozenset(head)


@lru_cache(maxsize=1)
def load() -> RuleSet:
    """The compiled rule set (once per process)."""
    vocab = _load_toml("vocab.toml")
    tables: dict[str, dict[str, str]] = {k: {kk.lower(): vv for kk, vv in v.items()}
                                         for k, v in vocab["table"].items()}
    macros: dict[str, str] = dict(vocab["pattern"])
    for name, table in tables.items():
        macros.setdefault(name, _alternation(list(table)))
    word_classes = _word_classes(tables)
    rules = []
    for raw in _load_toml("rules.toml")["rule"]:
        if "(?-i" in raw["pattern"]:  # the engine scans lower-cased text: capitals are asked for by group "cap"
            raise ValueError(f"time rule {raw['id']}: no inline case flags; name the capitalized group 'cap'")
        body = _expand(raw["pattern"], macros)
        try:
            regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"time rule {raw['id']}: {exc}") from exc
        lower = re.compile(_lowercase(rf"(?<![\w])(?:{body})(?![\w])"))
        cap = tuple(g for g in CAPITALIZED_GROUPS if g in regex.groupindex)
        rules.append(Rule(
            id=raw["id"], regex=regex, type=TimexType(raw["type"]), value=raw["value"],
            mod=raw.get("mod"), anchor=raw.get("anchor"), range=bool(raw.get("range", False)),
            pos=tuple(raw.get("pos", ())), neg=tuple(raw.get("neg", ())), capitalized=cap,
            lower=lower, not_before_capital=bool(raw.get("not_before_capital", False)),
            head=frozenset(raw["head"]) if "head" in raw else _head(raw["id"], tuple(raw.get("pos", ())),
                                                                     word_classes),
        ))
    ids = [r.id for r in rules]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate time rule ids: {sorted(dupes)}")
    return RuleSet(tuple(rules), tables, word_classes)


def slots(template: str) -> list[tuple[str, str | None]]:
    """The {group:normalizer} slots of a template."""
    return [(m.group(1), m.group(2)) for m in _SLOT.finditer(template)]


SLOT = _SLOT
