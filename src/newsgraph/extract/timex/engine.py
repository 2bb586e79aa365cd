"""Apply the compiled rules to a text: all matches, then the longest non-overlapping ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.timex.rules import WORD, Rule, RuleSet

# characters of context kept either side of a trigger word when choosing where to run the rules:
# the longest rule prefix ("the comparable year-ago", "each of the past") fits in this many
WINDOW = 48


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
            spans.setdefault("digit", []).append(m.span())
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
        s, e = max(0, s0 - WINDOW), min(n, e0 + WINDOW)
        while e < n and text[e].isalnum():  # never cut a word: the end acts as a boundary
            e += 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _capitalized(m: re.Match[str], rule: Rule) -> bool:
    for g in rule.capitalized:
        s = m.group(g)
        if s is not None and s[:1].islower():
            return False
    return True


def matches(text: str, rs: RuleSet) -> list[Match]:
    """Every match of every rule near its trigger words (one rule's matches do not overlap each other)."""
    out: list[Match] = []
    spans = _trigger_spans(text, rs)
    cache: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in rs.rules:
        windows = cache.get(rule.head)
        if windows is None:
            windows = _windows(text, [sp for c in rule.head for sp in spans.get(c, ())])
            cache[rule.head] = windows
        rx = rule.regex
        for ws, we in windows:
            for m in rx.finditer(text, ws, we):
                if m.end() == m.start() or not _capitalized(m, rule):
                    continue
                out.append(Match(m.start(), m.end(), rule, m.groupdict()))
    return out


def select(found: list[Match], order: dict[str, int]) -> list[Match]:
    """Longest first (ties: the earlier rule); drop anything overlapping a kept match; text order."""
    found = sorted(found, key=lambda x: (-(x.end - x.start), order[x.rule.id], x.start))
    kept: list[Match] = []
    taken: list[tuple[int, int]] = []
    for x in found:
        if any(x.start < e and s < x.end for s, e in taken):
            continue
        kept.append(x)
        taken.append((x.start, x.end))
    kept.sort(key=lambda x: x.start)
    return kept
