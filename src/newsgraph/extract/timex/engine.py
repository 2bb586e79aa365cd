"""Apply the compiled rules to a text: all matches, then the longest non-overlapping ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.timex.rules import Rule, RuleSet

# characters of context kept either side of a trigger word when choosing where to run the rules:
# the longest rule prefix ("the comparable year-ago", "each of the past") fits in this many
WINDOW = 48


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


def _windows(text: str, rs: RuleSet) -> list[tuple[int, int]]:
    """Merged character windows around trigger words: the only places a rule can match."""
    out: list[tuple[int, int]] = []
    for m in rs.trigger.finditer(text):
        s, e = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        while e < len(text) and text[e].isalnum():  # never cut a word: the end acts as a boundary
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
    """Every match of every rule (one rule's matches do not overlap each other)."""
    out: list[Match] = []
    windows = _windows(text, rs)
    for rule in rs.rules:
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
