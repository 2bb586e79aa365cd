"""Amounts of money: value and ISO 4217 currency, with the hedge the text puts on them (other amounts:
extract/quantities.py).

A regular grammar over the text, not spaCy's MONEY entities: NER splits and merges amounts unpredictably
("almost $950 million" vs "86 billion rubles"), while currency notation is regular and listed in
resources/amounts/currencies.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from newsgraph.extract.doctext import doc_text
from newsgraph.model import Amount

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|hundreds of|tens of)"
_WORD_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    symbols: dict[str, str]
    words: dict[str, str]
    codes: frozenset[str]
    scales: dict[str, float]
    hedges: dict[str, str]


def alternation(items: list[str]) -> str:
    """A regex alternation of literal words, longest first so "million" wins over "m"."""
    return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    data = tomllib.loads(
        resources.files("newsgraph.resources").joinpath("amounts/currencies.toml").read_text("utf-8")
    )
    symbols, words, scales, hedges = data["symbols"], data["words"], data["scales"], data["hedges"]
    codes = list(data["codes"]["list"])
    scale = rf"(?:\s*(?P<scale>{alternation(list(scales))})\b)?"
    hedge = rf"(?:(?P<hedge>{alternation(list(hedges))})\s+)?"
    pattern = re.compile(
        rf"(?<![\w$€£¥₽₹]){hedge}(?:"
        rf"(?P<sym>{alternation(list(symbols))})\s?(?P<snum>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:\s*(?P<sscale>{alternation(list(scales))})\b)?"
        rf"|(?P<code1>{alternation(codes)})\s?(?P<cnum>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:\s*(?P<cscale>{alternation(list(scales))})\b)?"
        rf"|{_NUMBER}{scale}\s+(?:(?P<word>{alternation(list(words))})|(?P<code2>{alternation(codes)}))\b"
        rf")",
        re.IGNORECASE,
    )
    return _Grammar(pattern, symbols, {k.lower(): v for k, v in words.items()}, frozenset(codes), scales, hedges)


def number_value(text: str) -> float | None:
    """A written number as a float ("1,200.5", "five"); None for counts the text does not state."""
    text = text.lower().replace(",", "")
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    try:
        return float(text)
    except ValueError:
        return None  # "several", "hundreds of": an amount with no value we can state


def parse_amounts(text: str) -> list[Amount]:
    """Every money amount in the text."""
    g = grammar()
    found: list[Amount] = []
    for m in g.pattern.finditer(text):
        if m["sym"]:
            unit = g.symbols.get(m["sym"])
            if unit is None:
                continue  # "us$" or "chf" in lower case: symbols match only as written
            num, scale = m["snum"], m["sscale"]
        elif m["code1"]:
            if m["code1"] != m["code1"].upper():
                continue  # "usd" in running text is no code
            unit, num, scale = m["code1"], m["cnum"], m["cscale"]
        else:
            if m["code2"] and m["code2"] != m["code2"].upper():
                continue
            unit = m["code2"] or g.words[m["word"].lower()]
            num, scale = m["num"], m["scale"]
        value = number_value(num)
        if value is None or unit is None:
            continue
        if scale:
            if scale in ("m", "b", "k") and not m["sym"] and not m["code1"]:
                continue  # "5 m dollars" is rare; "5 m" alone is metres
            value *= g.scales[scale.lower()]
        start = m.start()
        if m["hedge"]:  # the evidence is the amount; the hedge is recorded as mod
            start = m.end("hedge")
            while text[start].isspace():
                start += 1
        end = m.end()
        found.append(
            Amount(text[start:end], start, end, value, unit, g.hedges[m["hedge"].lower()] if m["hedge"] else None)
        )
    return found


def find_amounts(doc: Doc) -> list[Amount]:
    """Money, then shares, measures and counts of people that no money amount covers, in text order."""
    from newsgraph.extract.quantities import parse_quantities  # it builds on this module's grammar

    text = doc_text(doc)
    money = parse_amounts(text)
    others = [q for q in parse_quantities(text) if not any(q.start < m.end and m.start < q.end for m in money)]
    return sorted(money + others, key=lambda a: a.start)
