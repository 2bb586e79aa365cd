"""Apply the compiled rules to a text: all matches, then the longest non-overlapping ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.timex.rules import WORD, Rule, RuleSet, digit_class
from newsgraph.extract.timex.settings import SETTINGS

# A rule may match more text than it takes: group "x", when present, is the expression ("April 24 and [25]").
EXTENT = "x"


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


def _trigger_spans(text: str, rs: RuleSet) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger class occurs: class -> character spans of its words, in order."""
    spans: dict[str, list[tuple[int, int]]] = {}
    wc = rs.word_classes
    for m in WORD.finditer(text):
        w = m.group()
        if w[0].isdigit():
            spans.setdefault(digit_class(w), []).append(m.span())
            continue
        classes = wc.get(w.lower())
        if classes:
            for c in classes:
                spans.setdefault(c, []).append(m.span())
    return spans


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged character windows around trigger words: the only places a rule can match."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for s0, e0 in sorted(spans):
        s, e = max(0, s0 - SETTINGS.window), min(n, e0 + SETTINGS.window)
        while e < n and text[e].isalnum():  # never cut a word: the end acts as a boundary
            e += 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _case_ok(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Month and weekday groups capitalized; no capitalized word right after when the rule says so."""
    for g in rule.capitalized:
        s = m.start(g)
        if s >= 0 and text[s].islower():
            return False
    if rule.not_before_capital:
        i = m.end()
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i].isupper():
            return False
    return True


def matches(text: str, rs: RuleSet) -> list[Match]:
    """Every match of every rule near its trigger words (one rule's matches do not overlap each other)."""
    out: list[Match] = []
    spans = _trigger_spans(text, rs)
    low = text.lower()
    folded = len(low) == len(text)  # lower() keeps offsets for all but a few exotic characters
    scan = low if folded else text
    cache: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in rs.rules:
        windows = cache.get(rule.head)
        if windows is None:
            windows = _windows(text, [sp for c in rule.head for sp in spans.get(c, ())])
            cache[rule.head] = windows
        rx = rule.lower if folded and rule.lower is not None else rule.regex
        for ws, we in windows:
            for m in rx.finditer(scan, ws, we):
                if m.end() == m.start() or not _case_ok(text, m, rule):
                    continue
                groups = {g: (text[m.start(g):m.end(g)] if m.start(g) >= 0 else None) for g in rx.groupindex}
                start, end = m.span(EXTENT) if groups.get(EXTENT) else m.span()  # context read, not taken
                out.append(Match(start, end, rule, groups))
    return out


def rule_hits(rule: Rule, text: str) -> list[str]:
    """The texts one rule alone accepts in a text (for checking its examples)."""
    low = text.lower()
    rx, scan = (rule.lower, low) if rule.lower is not None and len(low) == len(text) else (rule.regex, text)
    return [text[slice(*(m.span(EXTENT) if EXTENT in rx.groupindex and m.start(EXTENT) >= 0 else m.span()))]
            for m in rx.finditer(scan) if _case_ok(text, m, rule)]


def select(found: list[Match], order: dict[str, int]) -> list[Match]:
    """Longest first (ties: the earlier rule); drop anything overlapping a kept match; text order."""
    found = sorted(found, key=lambda x: (-(x.end - x.start), order[x.rule.id], x.start))
    kept: list[Match] = []
    taken = bytearray(max((x.end for x in found), default=0))
    for x in found:
        if 1 in taken[x.start:x.end]:
            continue
        kept.append(x)
        taken[x.start:x.end] = b"\x01" * (x.end - x.start)
    kept.sort(key=lambda x: x.start)
    return kept
