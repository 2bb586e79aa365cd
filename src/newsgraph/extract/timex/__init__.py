"""Time expressions: rules as data (vocab.toml, rules.toml), a small engine, a DCT/context resolver.

``find_times(doc, dct)`` is the entry point; ``times_in_sentence`` and ``time_governing`` let other
extractors (events) ask which expression dates a sentence or a token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.doctext import doc_text
from newsgraph.extract.timex import anchors, context, engine
from newsgraph.extract.timex.calendar import granularity, parse_date
from newsgraph.extract.timex.normalize import fill
from newsgraph.extract.timex.resolve import Context, resolve
from newsgraph.extract.timex.rules import load
from newsgraph.model import TimeExpr, TimexType

NO_DCT = ("no publication date: {n} relative time expression(s) left unresolved (XXXX placeholders); "
          "give --published YYYY-MM-DD")

__all__ = ["find_times", "times_in_sentence", "time_governing", "time_ranges"]


@lru_cache(maxsize=1)
def _rule_order() -> dict[str, int]:
    return {r.id: i for i, r in enumerate(load().rules)}


def find_times(doc: Doc, dct: str | None) -> tuple[list[TimeExpr], list[str]]:
    """Time expressions of the doc with TIMEX3 values resolved against the DCT, and warnings."""
    rs = load()
    text = doc_text(doc)
    chosen = engine.select(engine.matches(text, rs), _rule_order())
    d0 = parse_date(dct)
    times: list[TimeExpr] = []
    mentioned: list[tuple[str, str, int, str]] = []
    last: tuple[str, str, int] | None = None
    told: tuple[str, str, int] | None = None  # the latest resolved date of any kind, deictic ones too
    memory = anchors.EventMemory()
    explicit: set[str] = set()  # ids of dates the text states, not ones counted from another date
    clock_only: set[str] = set()  # ids of times of day the text gave no day of their own
    unresolved = 0
    for m in chosen:
        tid = f"t{len(times) + 1}"
        raw = fill(m.rule.value, m.groups, rs.tables)
        mod = fill(m.rule.mod, m.groups, rs.tables) if m.rule.mod else ""

        def direction(s: int = m.start, e: int = m.end) -> str:
            return context.direction(doc, s, e)

        ctx = Context(d0, direction, mentioned, m.start, last, told)
        try:
            res = resolve(raw, ctx)
        except (ValueError, KeyError, IndexError):  # a template the resolver cannot read: no guess
            continue
        ttype = m.rule.type
        if res.value.endswith(("_REF",)) and ttype is not TimexType.DATE:
            ttype = TimexType.DATE
        if res.duration:
            ttype = TimexType.DURATION
        if _impossible(res.value):  # "Feb. 30": not a date, whatever the pattern thought
            continue
        anchor = res.anchor
        if raw.startswith("UNDEF-") and anchor is None and d0 is not None and not res.duration:
            anchor = "dct"
        expr = TimeExpr(tid, text[m.start:m.end], m.start, m.end, ttype, res.value, anchor, mod or None)
        if m.rule.anchor == "event":
            anchors.date_from_event(doc, expr, times, memory, explicit)
            anchors.clock_on_counted_day(text, times, clock_only, expr)
        elif raw.startswith(_CLOCK_ONLY) and expr.type is TimexType.TIME:
            anchors.day_of_clock(doc, expr, memory)
            clock_only.add(tid)
        elif not raw.startswith("UNDEF-ANA"):
            explicit.add(tid)
        unresolved += res.unresolved
        times.append(expr)
        g = granularity(expr.value) if expr.type in (TimexType.DATE, TimexType.TIME) else None
        if g == "day" and tid in explicit:
            memory.learn(anchors.dated_words(doc, expr), expr.value[:10], tid)
        # deictic expressions ("last week", "yesterday") count from the DCT: they set no narrative time
        # nor do comparisons ("a year ago", "a year earlier"): a second one counts from the same time, not
        # from the first ("up from $4 a year earlier" never means two years back)
        if g is not None and "X" not in expr.value:
            told = (expr.value, tid, expr.start)
        if g is not None and "X" not in expr.value and not raw.startswith(_COMPARED):
            mentioned.append((expr.value, tid, expr.start, g))
            if not raw.startswith(("UNDEF-yearago", "UNDEF-AGO", "UNDEF-ANA")):
                last = (expr.value, tid, expr.start)  # the period under discussion, not one compared with it
        elif raw.startswith("UNDEF-REF-quarter") and "X" not in expr.value:
            last = (expr.value, tid, expr.start)  # "in the quarter": the reported one, which "a year ago" repeats
    warnings = [NO_DCT.format(n=unresolved)] if unresolved else []
    return times, warnings


_CLOCK_ONLY = "UNDEF-ANA-day-PLUS-0|T"  # a time of day whose day the text leaves to the context
# relative values that date nothing new for later anaphora: deictic ones and comparisons
_COMPARED = ("UNDEF-REF", "UNDEF-AGO", "UNDEF-yearago", "UNDEF-ANA-year-MINUS")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"\d{4}-(\d{2})$")


def _impossible(value: str) -> bool:
    """A calendar value that names no real day or month (2023-02-30, 2024-13)."""
    m = _DAY.match(value)
    if m:
        return parse_date(value) is None
    m = _MONTH.match(value)
    return bool(m) and not 1 <= int(m.group(1)) <= 12


def time_ranges(doc: Doc, times: list[TimeExpr]) -> list[tuple[str, str]]:
    """Ranges the text states ("between May 2022 and May 2023"): (start id, end id) pairs of its two ends."""
    return anchors.time_ranges(doc_text(doc), times)


def times_in_sentence(times: list[TimeExpr], sent: Span) -> list[TimeExpr]:
    """The time expressions inside a sentence, in text order."""
    s, e = sent.start_char, sent.end_char
    return [t for t in times if s <= t.start and t.end <= e]


def time_governing(doc: Doc, times: list[TimeExpr], token: Token) -> TimeExpr | None:
    """The expression that dates a token's clause: one hanging on the same verb, else the sentence's only date."""
    in_sent = times_in_sentence(times, token.sent)
    if not in_sent:
        return None
    verb = token if token.pos_ in ("VERB", "AUX") else context.governing_verb(doc[token.i:token.i + 1])
    dated = [t for t in in_sent if t.type in (TimexType.DATE, TimexType.TIME)]
    for t in dated:
        span = context.span_of(doc, t.start, t.end)
        if span is not None and verb is not None and context.governing_verb(span).i == verb.i:
            return t
    return dated[0] if len(dated) == 1 else None
